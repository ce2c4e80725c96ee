"""Words of the Meetings page, and of the chart shapes it shares with the Participation page."""

LABELS: dict[str, tuple[str, str]] = {
    "meetings.intro": ("Réunions tenues jusqu'au {date} ; celles d'après cette date sont prévues.",
                       "Meetings held up to {date}; those after that date are planned."),
    "meetings.empty": ("Aucune réunion n'est encore enregistrée. Ajoutez les réunions passées et "
                       "prévues dans meetings.csv : elles apparaîtront ici.",
                       "No meetings are recorded yet. Add past and planned meetings to "
                       "meetings.csv: they will appear here."),
    "meetings.none_match": ("Aucune réunion ne correspond aux filtres choisis.",
                            "No meeting matches the chosen filters."),
    # the whole plan
    "meetings.overall": ("Toutes les réunions du plan", "All the plan's meetings"),
    "meetings.planned": ("Réunions prévues", "Meetings planned"),
    "meetings.public_share": ("{pct} des réunions tenues", "{pct} of meetings held"),
    "meetings.planned_after": ("après le {date}", "after {date}"),
    "meetings.cumulative": ("Réunions tenues depuis le début, comparées aux cibles",
                            "Meetings held to date, against the targets"),
    "meetings.no_targets": ("Aucune cible de réunions pour tout le plan dans targets.csv.",
                            "No meeting target for the whole plan in targets.csv."),
    # co-creation
    "meetings.co_creation": ("Co-construction du plan", "Co-creation of the plan"),
    "meetings.co_creation_intro": ("Les réunions ouvertes au public tenues pendant la phase de "
                                   "co-construction. Les filtres plus bas ne s'y appliquent pas.",
                                   "The public meetings held during the co-creation phase. The "
                                   "filters below do not apply to them."),
    "meetings.co_creation_meetings": ("Réunions publiques de co-construction",
                                      "Public co-creation meetings"),
    "meetings.co_creation_none": ("Aucune réunion publique de co-construction n'est enregistrée "
                                  "à cette date.",
                                  "No public co-creation meeting is recorded by this date."),
    # attendance, with unknown kept apart from zero
    "meetings.attendees": ("Personnes présentes", "Attendees"),
    "meetings.organisations": ("Organisations représentées", "Organisations represented"),
    "meetings.known_plus_unknown": ("{known} connus + {unknown}", "{known} known + {unknown}"),
    "meetings.unknown_meetings.one": ("{count} réunion au nombre inconnu", "{count} meeting unknown"),
    "meetings.unknown_meetings.many": ("{count} réunions au nombre inconnu",
                                       "{count} meetings unknown"),
    "meetings.all_known": ("connu pour chaque réunion", "known for every meeting"),
    "meetings.none_known.one": ("inconnu pour l'unique réunion", "unknown for the one meeting"),
    "meetings.none_known.many": ("inconnu pour les {count} réunions", "unknown for all {count} meetings"),
    "meetings.unknown_value": ("inconnu", "unknown"),
    # filtered section
    "meetings.explore": ("Explorer les réunions", "Explore the meetings"),
    "meetings.type": ("Type de réunion", "Meeting type"),
    "meetings.phase": ("Phase", "Phase"),
    "meetings.state": ("Tenue ou prévue", "Held or planned"),
    "meetings.by_month": ("Réunions par mois et par type", "Meetings by month and type"),
    "meetings.by_month_caption": ("Barres pleines : réunions tenues. Barres pâles au contour "
                                  "pointillé, à droite du trait « Situation au » : réunions prévues.",
                                  "Solid bars: meetings held. Pale bars with a dashed outline, right "
                                  "of the \"Situation on\" line: meetings planned."),
    "meetings.visibility": ("Publiques ou internes", "Public or internal"),
    "meetings.attendance": ("Personnes présentes et organisations, par type de réunion",
                            "Attendees and organisations, by meeting type"),
    "meetings.attendance_caption": ("Un nombre non renseigné n'est pas compté comme zéro : les "
                                    "réunions sans nombre connu sont comptées à part.",
                                    "A number that was not recorded is not counted as zero: meetings "
                                    "without a known number are counted separately."),
    "meetings.by_commitment": ("Réunions tenues, par engagement", "Meetings held, by commitment"),
    "meetings.by_sector": ("Réunions tenues, par secteur", "Meetings held, by sector"),
    "meetings.sector_caption": ("{count} réunions tenues à l'échelle de la ville ou en ligne "
                                "(sans arrondissement) ne figurent pas sur la carte.",
                                "{count} meetings held city-wide or online (no arrondissement) "
                                "are not on the map."),
    "meetings.upcoming": ("Réunions prévues", "Upcoming meetings"),
    "meetings.no_upcoming": ("Aucune réunion prévue après le {date}.",
                             "No meeting planned after {date}."),
    "meetings.more_upcoming": ("… et {count} autres réunions prévues : voir la liste des réunions "
                               "ci-dessous.",
                               "… and {count} more planned meetings: see the list of meetings below."),
    "meetings.all": ("Liste des réunions ({count})", "List of meetings ({count})"),
    "meetings.whole_plan": ("Tout le plan", "Whole plan"),
    "meetings.axis_count": ("Réunions", "Meetings"),
    # table columns
    "meetings.col.month": ("Mois", "Month"),
    "meetings.col.date": ("Date", "Date"),
    "meetings.col.title": ("Intitulé", "Title"),
    "meetings.col.minutes": ("Compte rendu", "Minutes"),
    "meetings.col.sector": ("Secteur", "Sector"),
    "meetings.col.visibility": ("Publique ou interne", "Public or internal"),
    "meetings.col.count": ("Réunions", "Meetings"),
    "meetings.col.held": ("Tenues", "Held"),
    "meetings.col.planned": ("Prévues", "Planned"),
    "meetings.col.public_held": ("Publiques tenues", "Public, held"),
    "meetings.col.internal_held": ("Internes tenues", "Internal, held"),
    "meetings.col.attendees_known": ("Personnes présentes (nombres connus)", "Attendees (known numbers)"),
    "meetings.col.attendees_unknown": ("Réunions au nombre de personnes présentes inconnu",
                                       "Meetings with attendance unknown"),
    "meetings.col.organisations_known": ("Organisations (nombres connus)",
                                         "Organisations (known numbers)"),
    "meetings.col.organisations_unknown": ("Réunions au nombre d'organisations inconnu",
                                           "Meetings with organisations unknown"),
    "meetings.col.series": ("Série", "Series"),
    "meetings.col.value": ("Valeur", "Value"),
    "meetings.col.share": ("Part", "Share"),
    # shapes shared with the Participation page
    "activity_charts.target": ("Cible", "Target"),
    "activity_charts.target_label": ("Cible : {target} au {deadline}", "Target: {target} by {deadline}"),
}
