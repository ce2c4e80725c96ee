"""Words of the steering committee's views (what changed, what is at risk, its decisions), of
projection and the slideshow, of readable exports, and of the pages' small fixes."""

LABELS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ since the last committee
    "since.heading": ("Depuis le comité de pilotage du {date}", "Since the steering committee of {date}"),
    "since.heading_date": ("Depuis le {date}", "Since {date}"),
    "since.none_heading": ("Depuis le dernier comité de pilotage", "Since the last steering committee"),
    "since.no_committee": ("Aucun comité de pilotage avant cette date : choisissez une date de "
                           "départ pour voir ce qui a changé.",
                           "No steering committee before this date: choose a starting date to see "
                           "what changed."),
    "since.pick": ("Comparer avec", "Compare with"),
    "since.pick_help": ("Par défaut, le dernier comité de pilotage avant la date de situation. Le "
                        "lien de la page garde ce choix.",
                        "By default, the last steering committee before the as-of date. The "
                        "page's link keeps this choice."),
    "since.committee_option": ("Comité de pilotage du {date}", "Steering committee of {date}"),
    "since.other_date": ("Une autre date…", "Another date…"),
    "since.date": ("Date de départ", "Starting date"),
    "since.date_after": ("La date de départ doit précéder la date de situation ({date}).",
                         "The starting date must come before the as-of date ({date})."),
    "since.nothing": ("Rien n'a changé depuis le {date} : aucun jalon n'a changé de statut, "
                      "aucune évaluation, aucun objectif atteint, aucune réunion.",
                      "Nothing changed since {date}: no milestone changed status, no assessment, "
                      "no target reached, no meeting."),
    "since.group.late": ("Jalons passés en retard", "Milestones that became late"),
    "since.group.complete": ("Jalons terminés", "Milestones completed"),
    "since.group.started": ("Jalons commencés", "Milestones started"),
    "since.group.assessments": ("Nouvelles évaluations", "New assessments"),
    "since.group.targets": ("Objectifs atteints", "Targets reached"),
    "since.group.meetings": ("Réunions tenues", "Meetings held"),
    "since.group.decisions": ("Décisions du comité du {date}", "Decisions of the committee of {date}"),
    "since.count": ("{title} ({count})", "{title} ({count})"),
    "since.col.date": ("Date", "Date"),
    "since.col.what": ("Quoi", "What"),
    "since.col.detail": ("Détail", "Detail"),
    "since.late_detail": ("Échéance du {date} · avancement {progress}",
                          "Due {date} · progress {progress}"),
    "since.complete_detail": ("Échéance du {date}", "Due {date}"),
    "since.started_detail": ("Échéance le {date}", "Due on {date}"),
    "since.assessment_what": ("{assessor} : {completion}", "{assessor}: {completion}"),
    "since.assessment_change": ("avant : {previous}", "before: {previous}"),
    "since.assessment_first": ("première évaluation", "first assessment"),
    "since.target_detail": ("{actual} sur {target}, échéance {deadline}",
                            "{actual} of {target}, due {deadline}"),
    "since.meeting_detail": ("{type} · {access}", "{type} · {access}"),
    "since.meeting_attendees": ("{count} personnes présentes", "{count} attendees"),
    # ------------------------------------------------------------------ points of attention, risk
    "attention.heading": ("Points d'attention", "Points of attention"),
    "attention.intro": ("Ce qui est en retard d'abord, puis ce qui est à risque, au {date}.",
                        "What is late first, then what is at risk, on {date}."),
    "attention.none": ("Aucun jalon ni objectif en retard ou à risque au {date}.",
                       "No milestone or target is late or at risk on {date}."),
    "attention.rules_title": ("Comment un point est-il jugé à risque ?", "How is an item judged at risk?"),
    "risk.rules_help": ("Un jalon ni terminé ni en retard est **à risque** quand il n'a pas commencé "
                        "(avancement 0 %) et arrive à échéance dans {days} jours ou moins, ou quand "
                        "son avancement a plus de {milestone_points} points de retard sur la part de "
                        "sa durée prévue déjà écoulée. Un objectif chiffré est **à risque** quand la "
                        "part atteinte a plus de {target_points} points de retard sur la part de sa "
                        "période écoulée (du début du plan, ou de son engagement, à son échéance) ; "
                        "il est **manqué** quand son échéance est passée sans qu'il soit atteint.",
                        "A milestone neither complete nor overdue is **at risk** when it has not "
                        "started (progress 0%) and falls due within {days} days, or when its "
                        "progress is more than {milestone_points} points behind the share of its "
                        "planned time already elapsed. A target is **at risk** when its share "
                        "achieved is more than {target_points} points behind the share of its "
                        "period elapsed (from the start of the plan, or of its commitment, to its "
                        "deadline); it is **missed** when its deadline has passed unmet."),
    "attention.col.state": ("État", "State"),
    "attention.col.item": ("Point", "Item"),
    "attention.col.why": ("Pourquoi", "Why"),
    "attention.kind.milestone": ("Jalon", "Milestone"),
    "attention.kind.target": ("Objectif", "Target"),
    "attention.kind.decision": ("Décision", "Decision"),
    "attention.late": ("▲ En retard · {days} j", "▲ Late · {days} d"),
    "attention.at_risk": ("◆ À risque", "◆ At risk"),
    "attention.missed": ("✖ Manqué", "✖ Missed"),
    "attention.why.late": ("Échéance dépassée de {days} jours ; avancement {progress}",
                           "{days} days past its due date; progress {progress}"),
    "attention.why.late.one": ("Échéance dépassée d'un jour ; avancement {progress}",
                               "One day past its due date; progress {progress}"),
    "attention.why.not_started_due_soon": ("Pas commencé (0 %) à {days} jours de l'échéance",
                                           "Not started (0%) with {days} days to go"),
    "attention.why.not_started_due_soon.one": ("Pas commencé (0 %) à {days} jour de l'échéance",
                                               "Not started (0%) with {days} day to go"),
    "attention.why.behind_schedule": ("{progress} fait pour {elapsed} du temps prévu écoulé",
                                      "{progress} done with {elapsed} of its planned time elapsed"),
    "attention.why.target_at_risk": ("{achieved} atteint ({actual} sur {target}) pour {elapsed} de la "
                                     "période écoulée",
                                     "{achieved} achieved ({actual} of {target}) with {elapsed} of "
                                     "the period elapsed"),
    "attention.why.target_missed": ("Échéance passée : {actual} sur {target} ({achieved})",
                                    "Deadline passed: {actual} of {target} ({achieved})"),
    "attention.why.decision_late": ("Décidé le {date} ; échéance dépassée de {days} jours",
                                    "Decided on {date}; {days} days past its due date"),
    "attention.why.decision_late.one": ("Décidé le {date} ; échéance dépassée d'un jour",
                                        "Decided on {date}; one day past its due date"),
    # ------------------------------------------------------------------ target states
    "target_state.reached": ("Atteint", "Reached"),
    "target_state.on_track": ("En bonne voie", "On track"),
    "target_state.at_risk": ("À risque", "At risk"),
    "target_state.missed": ("Manqué", "Missed"),
    "targets.heading": ("Objectifs chiffrés", "Targets"),
    "targets.chart_title": ("Part de chaque objectif atteinte, et part de sa période écoulée",
                            "Share of each target achieved, and share of its period elapsed"),
    "targets.axis": ("Part de l'objectif atteinte (%)", "Share of the target achieved (%)"),
    "targets.elapsed": ("Période écoulée", "Period elapsed"),
    "targets.bar_label": ("{pct} · {state}", "{pct} · {state}"),
    "targets.caption": ("Chaque barre montre la part atteinte ; sa couleur, son symbole et le mot à "
                        "son bout disent l'état de l'objectif. Le trait noir marque la part de la "
                        "période de l'objectif déjà écoulée au {date}.",
                        "Each bar shows the share achieved; its colour, its symbol and the word at "
                        "its end tell the target's state. The black tick marks the share of the "
                        "target's period already elapsed on {date}."),
    "targets.col.target": ("Objectif", "Target"),
    "targets.col.actual": ("Atteint", "Achieved"),
    "targets.col.goal": ("Cible", "Target value"),
    "targets.col.share": ("Part atteinte", "Share achieved"),
    "targets.col.elapsed": ("Période écoulée", "Period elapsed"),
    "targets.col.deadline": ("Échéance", "Deadline"),
    "targets.col.state": ("État", "State"),
    "targets.col.reached_on": ("Atteint le", "Reached on"),
    # ------------------------------------------------------------------ decisions
    "decisions.heading": ("Décisions du comité de pilotage", "Steering committee decisions"),
    "decisions.intro": ("Les décisions encore ouvertes au {date}, celles en retard d'abord. Interne : "
                        "jamais montré en mode public ni publié.",
                        "The decisions still open on {date}, late ones first. Internal: never "
                        "shown in public mode nor published."),
    "decisions.none_open": ("Aucune décision ouverte au {date}.", "No open decision on {date}."),
    "decisions.no_file": ("Aucune décision enregistrée : ajoutez decisions.csv au dossier de données "
                          "pour suivre les décisions du comité.",
                          "No decision recorded: add decisions.csv to the data folder to follow "
                          "the committee's decisions."),
    "decisions.commitment_heading": ("Décisions du comité sur cet engagement",
                                     "Committee decisions on this commitment"),
    "decisions.commitment_none": ("Aucune décision du comité ne concerne cet engagement à cette date.",
                                  "No committee decision concerns this commitment by this date."),
    "decisions.closed": ("Réalisées ou abandonnées ({count})", "Done or dropped ({count})"),
    "decisions.col.decided": ("Décidée le", "Decided on"),
    "decisions.col.text": ("Décision", "Decision"),
    "decisions.col.owner": ("Porteur", "Owner"),
    "decisions.col.due": ("Échéance", "Due"),
    "decisions.col.state": ("État", "State"),
    "decisions.col.done": ("Réalisée le", "Done on"),
    "decision_state.late": ("▲ En retard · {days} j", "▲ Late · {days} d"),
    "decision_state.open": ("Ouverte", "Open"),
    "decision_state.done": ("✔ Réalisée", "✔ Done"),
    "decision_state.dropped": ("Abandonnée", "Dropped"),
    # the contract's coded values (decisions.csv `status`)
    "status.open": ("Ouverte", "Open"),
    "status.done": ("Réalisée", "Done"),
    "status.dropped": ("Abandonnée", "Dropped"),
    "tab.decisions": ("Décisions", "Decisions"),
    "commitments.col.at_risk": ("Jalons à risque", "Milestones at risk"),
    # ------------------------------------------------------------------ key figures
    "overview.key_figures": ("Chiffres clés", "Key figures"),
    "overview.since_date": ("Les flèches indiquent l'évolution depuis le {date}.",
                            "Arrows show the change since {date}."),
    "overview.commitments_by": ("Engagements selon la dernière évaluation de la Ville (échelle OGP)",
                                "Commitments by the City's latest assessment (OGP scale)"),
    "headline.commitments_not_started": ("Engagements non commencés", "Commitments not started"),
    "headline.commitments_withdrawn": ("Engagements retirés", "Commitments withdrawn"),
    "headline.commitments_not_assessed": ("Engagements non évalués", "Commitments not assessed"),
    "headline.cards_help": ("Chaque engagement est compté une fois, selon la dernière auto-évaluation "
                            "de la Ville à la date de situation ; les cartes font le total.",
                            "Each commitment counts once, by the City's latest self-assessment on the "
                            "as-of date; the cards add up to the total."),
    "headline.participants_help": ("Participations : les actes de participation enregistrés (un vote, "
                                   "une contribution, une présence à un atelier…) ; une personne qui "
                                   "participe deux fois compte deux fois.",
                                   "Participations: the acts of participation recorded (a vote, a "
                                   "contribution, attending a workshop…); a person who takes part "
                                   "twice counts twice."),
    "headline.attendees_help": ("Personnes présentes : le nombre de personnes présentes aux réunions, "
                                "quand il a été relevé.",
                                "Attendees: the number of people present at the meetings, where it "
                                "was recorded."),
    "headline.today": ("aujourd'hui", "today"),
    "headline.days_ago.one": ("il y a {days} jour", "{days} day ago"),
    "headline.days_ago": ("il y a {days} jours", "{days} days ago"),
    # ------------------------------------------------------------------ projection and slideshow
    "slides.status": ("Page {page} sur {pages} · {title} · partie {part} sur {parts}",
                      "Page {page} of {pages} · {title} · part {part} of {parts}"),
    "slides.paused": ("En pause", "Paused"),
    "slides.keys": ("Espace : pause · ← → : précédente, suivante",
                    "Space: pause · ← →: previous, next"),
    # ------------------------------------------------------------------ singulars (`text.tn`)
    "meetings.sector_caption.one": ("{count} réunion tenue à l'échelle de la ville ou en ligne (sans "
                                    "arrondissement) ne figure pas sur la carte.",
                                    "{count} meeting held city-wide or online (no arrondissement) is "
                                    "not on the map."),
    "meetings.more_upcoming.one": ("… et une autre réunion prévue : voir la liste des réunions ci-dessous.",
                                   "… and one more planned meeting: see the list of meetings below."),
    "site.attendees_unknown.one": ("{known} (nombre inconnu pour {unknown} réunion)",
                                   "{known} (unknown for {unknown} meeting)"),
    "site.data_rows.one": ("{rows} ligne", "{rows} row"),
    # ------------------------------------------------------------------ small fixes
    "app.as_of_invalid": ("La date « {value} » de l'adresse n'est pas une date valide (AAAA-MM-JJ) : "
                          "les chiffres sont calculés au {date}. Corrigez-la dans l'adresse ou "
                          "choisissez une date dans le menu.",
                          "The date “{value}” in the address is not a valid date (YYYY-MM-DD): the "
                          "figures are computed as of {date}. Correct it in the address or choose a "
                          "date in the menu."),
    "not_found.title": ("Page introuvable", "Page not found"),
    "not_found.body": ("L'adresse « {path} » ne correspond à aucune page de ce tableau de bord. Elle "
                       "a peut-être été mal recopiée, ou la page est réservée aux agents connectés.",
                       "The address “{path}” matches no page of this dashboard. It may have been "
                       "copied wrongly, or the page is for signed-in staff only."),
    "not_found.link": ("Aller à la vue d'ensemble", "Go to the overview"),
    # ------------------------------------------------------------------ readable exports
    "export.codes": ("Codes et dates ISO (pour un traitement automatique)",
                     "Codes and ISO dates (for automatic processing)"),
    "export.codes_help": ("Par défaut, l'export est écrit pour être lu : titres de colonnes et "
                          "valeurs en toutes lettres, nombres arrondis comme à l'écran, dates "
                          "31/12/2026. Cochez pour garder les codes, les dates AAAA-MM-JJ et tous "
                          "les chiffres (le fichier se recharge alors tel quel).",
                          "By default the export is written to be read: column titles and values "
                          "in words, numbers rounded as on screen, dates 31/12/2026. Tick to keep "
                          "the codes, YYYY-MM-DD dates and every digit (the file then loads back "
                          "as it is)."),
}

# ------------------------------------------------------------------ readable exports: column titles
_TITLES: dict[str, tuple[str, str]] = {
    "activity": ("Activité", "Activity"),
    "actual": ("Valeur atteinte", "Value reached"),
    "age_group": ("Tranche d'âge", "Age group"),
    "alternative_end_date": ("Autre date de fin", "Other end date"),
    "arrondissement": ("Arrondissement", "Arrondissement"),
    "assessment_date": ("Date de l'évaluation", "Date of the assessment"),
    "assessor": ("Évaluation par", "Assessed by"),
    "attendees": ("Personnes présentes", "Attendees"),
    "attendees_known": ("Personnes présentes (nombres connus)", "Attendees (known numbers)"),
    "attendees_unknown": ("Réunions au nombre de personnes présentes inconnu",
                          "Meetings with attendance unknown"),
    "code": ("Code", "Code"),
    "commitment_id": ("Engagement", "Commitment"),
    "completed_date": ("Terminé le", "Completed on"),
    "completion": ("Achèvement", "Completion"),
    "contributions": ("Contributions", "Contributions"),
    "date": ("Date", "Date"),
    "days_late": ("Jours de retard", "Days late"),
    "deadline": ("Échéance", "Deadline"),
    "decision_id": ("Décision n°", "Decision no."),
    "description_en": ("Description en anglais", "Description in English"),
    "description_fr": ("Description en français", "Description in French"),
    "did_it_open_government": ("Ouverture de l'action publique", "Did it open government?"),
    "done_date": ("Réalisée le", "Done on"),
    "due_date": ("Échéance", "Due date"),
    "end_date": ("Fin", "End"),
    "evidence_url": ("Preuve (lien)", "Evidence (link)"),
    "gender": ("Genre", "Gender"),
    "held": ("Réunions tenues", "Meetings held"),
    "independent_assessment_date": ("Date de l'évaluation indépendante",
                                    "Date of the independent assessment"),
    "independent_completion": ("Achèvement selon l'évaluation indépendante",
                               "Completion, independent assessment"),
    "independent_did_it_open_government": ("Ouverture de l'action publique selon l'évaluation indépendante",
                                           "Did it open government, independent assessment"),
    "indicator": ("Indicateur", "Indicator"),
    "internal_held": ("Réunions internes tenues", "Internal meetings held"),
    "is_public": ("Ouverte au public", "Open to the public"),
    "last_update": ("Dernier point d'avancement", "Latest progress update"),
    "lead_institution": ("Institution pilote", "Lead institution"),
    "lead_name_en": ("Institution pilote (anglais)", "Lead institution (English)"),
    "lead_name_fr": ("Institution pilote (français)", "Lead institution (French)"),
    "meeting_id": ("Réunion n°", "Meeting no."),
    "meeting_type": ("Type de réunion", "Meeting type"),
    "meetings": ("Réunions", "Meetings"),
    "member": ("Membre OGP", "OGP member"),
    "milestone_id": ("Jalon n°", "Milestone no."),
    "milestones": ("Jalons", "Milestones"),
    "milestones_at_risk": ("Jalons à risque", "Milestones at risk"),
    "milestones_complete": ("Jalons terminés", "Milestones complete"),
    "milestones_overdue": ("Jalons en retard", "Milestones overdue"),
    "minutes_url": ("Compte rendu (lien)", "Minutes (link)"),
    "month": ("Mois", "Month"),
    "name_en": ("Nom en anglais", "Name in English"),
    "name_fr": ("Nom en français", "Name in French"),
    "note": ("Commentaire interne", "Internal note"),
    "ogp_values": ("Valeurs OGP", "OGP values"),
    "organisations": ("Organisations représentées", "Organisations represented"),
    "organisations_known": ("Organisations (nombres connus)", "Organisations (known numbers)"),
    "organisations_unknown": ("Réunions au nombre d'organisations inconnu",
                              "Meetings with organisations unknown"),
    "owner": ("Responsable", "Owner"),
    "participants": ("Participations", "Participations"),
    "period_elapsed_pct": ("Période écoulée (%)", "Period elapsed (%)"),
    "period_start": ("Début de la période", "Start of the period"),
    "phase": ("Phase", "Phase"),
    "planned": ("Réunions prévues", "Meetings planned"),
    "progress_pct": ("Avancement (%)", "Progress (%)"),
    "public_held": ("Réunions publiques tenues", "Public meetings held"),
    "reached_on": ("Atteint le", "Reached on"),
    "reached_pct": ("Part atteinte (%)", "Share reached (%)"),
    "reported_by": ("Saisi par", "Reported by"),
    "risk": ("À risque", "At risk"),
    "sector": ("Secteur", "Sector"),
    "self_assessment_date": ("Date de l'évaluation de la Ville", "Date of the City's assessment"),
    "self_completion": ("Achèvement selon la Ville", "Completion, City's assessment"),
    "source_url": ("Page officielle (lien)", "Official page (link)"),
    "start_date": ("Début", "Start"),
    "state": ("Tenue ou prévue", "Held or planned"),
    "status": ("Statut", "Status"),
    "submitted_date": ("Date de dépôt", "Submission date"),
    "target": ("Cible", "Target"),
    "target_state": ("État de l'objectif", "Target's state"),
    "text": ("Décision", "Decision"),
    "time_elapsed_pct": ("Temps prévu écoulé (%)", "Planned time elapsed (%)"),
    "title": ("Intitulé", "Title"),
    "title_en": ("Titre en anglais", "Title in English"),
    "title_fr": ("Titre en français", "Title in French"),
    "update_date": ("Date du point d'avancement", "Date of the update"),
    "weight": ("Poids", "Weight"),
    # where rows come from (issue 11)
    "data_status": ("Nature des données (réelles ou illustratives)", "Data status (real or illustrative)"),
    "illustrative_tables": ("Fichiers illustratifs", "Illustrative files"),
    "licence": ("Licence", "Licence"),
    "record_id": ("Identifiant de la ligne dans sa source", "Row identifier in its source"),
    "source": ("Source", "Source"),
    "weighted_progress_pct": ("Avancement pondéré (%)", "Weighted progress (%)"),
}

# What the export menu calls each table.
_NAMES: dict[str, tuple[str, str]] = {
    "institutions": ("Institutions", "Institutions"),
    "commitments": ("Engagements (tels que saisis)", "Commitments (as entered)"),
    "milestones": ("Jalons (tels que saisis)", "Milestones (as entered)"),
    "progress_updates": ("Points d'avancement (tels que saisis)", "Progress updates (as entered)"),
    "assessments": ("Évaluations (telles que saisies)", "Assessments (as entered)"),
    "meetings": ("Réunions (telles que saisies)", "Meetings (as entered)"),
    "participation": ("Participation (lignes saisies)", "Participation (rows as entered)"),
    "targets": ("Objectifs chiffrés (tels que saisis)", "Targets (as entered)"),
    "plan": ("Le plan", "The plan"),
    "decisions": ("Décisions du comité de pilotage", "Steering committee decisions"),
    "milestone_status": ("Jalons : statut, avancement et retard", "Milestones: status, progress and delay"),
    "commitment_summary": ("Engagements : avancement et évaluations",
                           "Commitments: progress and assessments"),
    "target_progress": ("Objectifs chiffrés : valeur atteinte et état", "Targets: value reached and state"),
    "meetings_by_month": ("Réunions par mois", "Meetings by month"),
    "meetings_by_type": ("Réunions par type", "Meetings by type"),
    "participation_by_month": ("Participations par mois", "Participations by month"),
    "participation_by_activity": ("Participations par activité", "Participations by activity"),
    "participation_by_sector": ("Participations par secteur", "Participations by sector"),
    "participation_by_age_group": ("Participations par tranche d'âge", "Participations by age group"),
    "participation_by_gender": ("Participations par genre", "Participations by gender"),
    "public_progress_updates": ("Points d'avancement", "Progress updates"),
    "public_assessments": ("Évaluations", "Assessments"),
    "public_meetings": ("Réunions", "Meetings"),
    "public_participation_by_age_group": ("Participations par tranche d'âge", "Participations by age group"),
    "public_participation_by_gender": ("Participations par genre", "Participations by gender"),
}

LABELS.update({f"export.title.{name}": pair for name, pair in _TITLES.items()})
LABELS.update({f"export.name.{name}": pair for name, pair in _NAMES.items()})
LABELS.update({
    # what the computed columns hold (the exports' dictionary)
    "export.column.time_elapsed_pct": ("Part de la durée prévue du jalon (début à échéance) écoulée à la "
                                       "date, en %",
                                       "Share of the milestone's planned time (start to due date) elapsed "
                                       "on the date, in %"),
    "export.column.risk": ("Pourquoi le jalon est à risque à la date (vide : il ne l'est pas) : pas "
                           "commencé à l'approche de l'échéance, ou en retard sur son temps écoulé "
                           "(les règles sont dans l'aide des points d'attention)",
                           "Why the milestone is at risk on the date (blank: it is not): not started "
                           "as its due date nears, or behind the time elapsed (the rules are in the "
                           "points of attention's help)"),
    "export.column.milestones_at_risk": ("Jalons à risque à la date", "Milestones at risk on the date"),
    "export.column.reached_on": ("Jour où l'objectif a été atteint (vide : pas encore)",
                                 "Day the target was first met (blank: not yet)"),
    "export.column.period_start": ("Début de la période de l'objectif : le début de son engagement, ou "
                                   "du plan",
                                   "Start of the target's period: the start of its commitment, or of "
                                   "the plan"),
    "export.column.period_elapsed_pct": ("Part de la période de l'objectif écoulée à la date, en %",
                                         "Share of the target's period elapsed on the date, in %"),
    "export.column.target_state": ("État de l'objectif à la date : atteint, en bonne voie, à risque ou "
                                   "manqué",
                                   "The target's state on the date: reached, on track, at risk or "
                                   "missed"),
    "risk.not_started_due_soon": ("Pas commencé, échéance proche", "Not started, due soon"),
    "risk.behind_schedule": ("En retard sur le calendrier prévu", "Behind its planned schedule"),
    "export.title_column": ("Titre", "Title"),
})
