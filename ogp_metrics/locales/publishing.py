"""Words of the briefing PDF, the public site, the exports and their commands, French then English.

French strings use French typography: a no-break space before « : », « ; », « ? », inside
« guillemets », and the typographic apostrophe.
"""

_LABELS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ briefing (PDF)
    "briefing.kicker": ("Note de synthèse pour le comité de pilotage", "Steering committee briefing"),
    "briefing.submitted": ("Plan déposé le {date}.", "Plan submitted on {date}."),
    "briefing.headline": ("Chiffres clés", "Key figures"),
    "briefing.baseline": ("Évolution calculée depuis le dernier comité de pilotage, le {date}.",
                          "Change since the last steering committee, on {date}."),
    "briefing.col.figure": ("Indicateur", "Figure"),
    "briefing.col.value": ("Au {date}", "On {date}"),
    "briefing.col.change": ("Depuis le {date}", "Since {date}"),
    "briefing.col.change_none": ("Évolution", "Change"),
    "briefing.meetings": ("Réunions", "Meetings"),
    "briefing.participation": ("Participation", "Participation"),
    "briefing.meetings_summary": ("{held} réunions tenues au {date}, dont {public} ouvertes au public ; "
                                  "{planned} prévues ensuite. {attendees} personnes présentes aux réunions "
                                  "dont le nombre est connu.",
                                  "{held} meetings held by {date}, {public} of them open to the public; "
                                  "{planned} planned after that. {attendees} attendees at the meetings "
                                  "whose attendance is known."),
    "briefing.participation_summary": ("{participants} participations et {contributions} contributions "
                                       "enregistrées au {date}.",
                                       "{participants} participations and {contributions} contributions "
                                       "recorded by {date}."),
    "briefing.no_meetings": ("Aucune réunion n’est enregistrée.", "No meeting is recorded."),
    "briefing.no_participation": ("Aucune participation n’est enregistrée à cette date.",
                                  "No participation is recorded by this date."),
    "briefing.lead": ("Pilote", "Lead"),
    "briefing.values": ("Valeurs OGP", "OGP values"),
    "briefing.period": ("Période", "Period"),
    "briefing.completion": ("Achèvement (échelle OGP)", "Completion (OGP scale)"),
    "briefing.assessed_on": ("évaluation du {date}", "assessed on {date}"),
    "briefing.quoted": ("« {value} »", "“{value}”"),
    "briefing.milestones": ("Jalons", "Milestones"),
    "briefing.milestones_count": ("Terminés : {complete} sur {total} · en retard : {overdue}",
                                  "Complete: {complete} of {total} · overdue: {overdue}"),
    "briefing.progress": ("Avancement pondéré", "Weighted progress"),
    "briefing.no_milestones": ("Aucun jalon n’est défini pour cet engagement.",
                               "No milestone is defined for this commitment."),
    "briefing.days_late": ("{days} jours", "{days} days"),
    "briefing.no_owner": ("non renseigné", "not given"),
    "briefing.footer": ("Données : version {version} · dernière mise à jour le {updated} · "
                        "situation au {date}",
                        "Data: version {version} · last updated {updated} · as of {date}"),
    "briefing.page": ("Page {page} sur {pages}", "Page {page} of {pages}"),
    "briefing.file_name": ("note-comite-de-pilotage-{date}.pdf", "steering-committee-briefing-{date}.pdf"),
    "briefing.button": ("Note de synthèse (PDF)", "Briefing (PDF)"),
    "briefing.button_help": ("La note pour le comité de pilotage, à la date et dans la langue choisies : "
                             "chiffres clés, objectifs, retards, réunions, participation et chaque "
                             "engagement.",
                             "The steering committee's briefing, for the chosen date and language: key "
                             "figures, targets, delays, meetings, participation and every commitment."),
    # ------------------------------------------------------------------ charts (briefing and site)
    "publish.chart.milestones": ("Jalons par engagement et par statut",
                                 "Milestones by commitment and status"),
    "publish.chart.milestones_axis": ("Jalons", "Milestones"),
    "publish.chart.milestones_most_late": ("Le graphique montre les {shown} engagements qui ont le plus de "
                                           "jalons en retard, sur {total} ; le tableau les donne tous.",
                                           "The chart shows the {shown} commitments with the most overdue "
                                           "milestones, of {total}; the table lists them all."),
    "publish.chart.milestones_alt": ("{total} jalons : {complete} terminés, {in_progress} en cours, "
                                     "{not_started} pas commencés, {overdue} en retard.",
                                     "{total} milestones: {complete} complete, {in_progress} in progress, "
                                     "{not_started} not started, {overdue} overdue."),
    "publish.chart.meetings": ("Réunions par mois", "Meetings by month"),
    "publish.chart.meetings_alt": ("Réunions par mois et par type : {held} tenues jusqu’au {date}, "
                                   "{planned} prévues ensuite.",
                                   "Meetings by month and type: {held} held up to {date}, {planned} "
                                   "planned after."),
    "publish.chart.meetings_note": ("Barres pleines : réunions tenues ; barres pâles au contour "
                                    "pointillé, à droite du trait « Situation au » : réunions prévues.",
                                    "Solid bars: meetings held; pale bars with a dashed outline, right "
                                    "of the “Situation on” line: meetings planned."),
    "publish.chart.participation": ("Participation par mois et par activité",
                                    "Participation by month and activity"),
    "publish.chart.participation_alt": ("Participations par mois, par activité : {total} au total "
                                        "jusqu’au {date}.",
                                        "Participations by month and activity: {total} in all up to "
                                        "{date}."),
    "publish.chart.sectors_alt": ("Carte des secteurs de Paris, colorés selon le nombre de participations ; "
                                  "les plus nombreux : {top}.",
                                  "Map of Paris’s sectors, shaded by number of participations; the "
                                  "most: {top}."),
    "publish.chart.citywide_note": ("Paris Centre regroupe les 1er à 4e arrondissements. {count} "
                                    "participations en ligne ou à l’échelle de tout Paris ne figurent "
                                    "pas sur la carte.",
                                    "Paris Centre groups the 1st to 4th arrondissements. {count} "
                                    "participations online or Paris-wide are not on the map."),
    "publish.chart.age_group": ("Participations par tranche d’âge", "Participations by age group"),
    "publish.chart.gender": ("Participations par genre", "Participations by gender"),
    "publish.chart.profile_alt": ("{title} ; inconnu pour {pct} des participations.",
                                  "{title}; unknown for {pct} of participations."),
    "publish.col.month": ("Mois", "Month"),
    "publish.col.share": ("Part", "Share"),
    # ------------------------------------------------------------------ public site
    "site.skip": ("Aller au contenu", "Skip to content"),
    "site.nav_label": ("Pages du site", "Site pages"),
    "site.language_switch": ("English", "Français"),
    "site.language_name": ("Version française", "English version"),
    "site.choose_language": ("Choisissez votre langue", "Choose your language"),
    "site.index_intro": ("Où en sont les engagements de la Ville de Paris pour un gouvernement ouvert : "
                         "jalons, réunions et participation.",
                         "Where the City of Paris’s open government commitments stand: milestones, "
                         "meetings and participation."),
    "site.page.overview": ("Vue d’ensemble", "Overview"),
    "site.page.commitments": ("Engagements et jalons", "Commitments and milestones"),
    "site.page.meetings": ("Réunions", "Meetings"),
    "site.page.participation": ("Participation", "Participation"),
    "site.page.data": ("Données ouvertes", "Open data"),
    "site.as_of": ("Situation au {date}", "Situation on {date}"),
    "site.footer": ("Données : version {version}, dernière mise à jour le {updated}. Chiffres calculés "
                    "au {date}. Site produit le {generated}.",
                    "Data: version {version}, last updated {updated}. Figures computed as of {date}. "
                    "Site built on {generated}."),
    "site.footer_source": ("Page officielle du plan", "The plan’s official page"),
    "site.change_intro": ("Sous chaque chiffre, son évolution depuis le dernier comité de pilotage, "
                          "le {date}.",
                          "Under each figure, its change since the last steering committee, on {date}."),
    "site.change": ("Évolution : {delta}", "Change: {delta}"),
    "site.self_completion": ("Achèvement selon la Ville", "Completion, City’s assessment"),
    "site.independent_completion": ("Achèvement selon l’évaluation indépendante",
                                    "Completion, independent assessment"),
    "site.chart_table": ("Voir les données du graphique", "Show the chart’s data"),
    "site.headline_heading": ("Chiffres clés", "Key figures"),
    "site.freshness": ("Dernière mise à jour des données : {date}.", "Data last updated {date}."),
    "site.commitments_intro": ("Pour chaque engagement : son pilote, son niveau d’achèvement selon la "
                               "Ville et selon l’évaluation indépendante, et ses jalons, les retards "
                               "en premier.",
                               "For each commitment: its lead, its completion according to the City "
                               "and to the independent assessment, and its milestones, overdue ones "
                               "first."),
    "site.contents": ("Sommaire", "Contents"),
    "site.evidence": ("Preuve", "Evidence"),
    "site.evidence_link": ("preuve", "evidence"),
    "site.weighted_progress": ("Avancement pondéré des jalons", "Weighted milestone progress"),
    "site.meetings_intro": ("Réunions tenues jusqu’au {date} ; celles d’après sont prévues.",
                            "Meetings held up to {date}; later ones are planned."),
    "site.meetings_figures": ("Réunions tenues : {held}, dont publiques : {public} ; prévues : {planned}.",
                              "Meetings held: {held}, public: {public}; planned: {planned}."),
    "site.meetings_by_type": ("Réunions par type", "Meetings by type"),
    "site.meetings_by_phase": ("Réunions par phase", "Meetings by phase"),
    "site.upcoming": ("Réunions prévues", "Upcoming meetings"),
    "site.no_upcoming": ("Aucune réunion prévue après cette date.", "No meeting is planned after this date."),
    "site.held_list": ("Toutes les réunions tenues ({count})", "Every meeting held ({count})"),
    "site.attendees_unknown": ("{known} (nombre inconnu pour {unknown} réunions)",
                               "{known} (unknown for {unknown} meetings)"),
    "site.participation_intro": ("Participation enregistrée jusqu’au {date} : {participants} "
                                 "participations, {contributions} contributions.",
                                 "Participation recorded up to {date}: {participants} participations, "
                                 "{contributions} contributions."),
    "site.diversity": ("Qui a participé", "Who took part"),
    "site.data_intro": ("Les données publiques de ce site, au format CSV (UTF-8, séparateur « ; », "
                        "virgule décimale, dates AAAA-MM-JJ), avec leur dictionnaire. Les notes "
                        "internes et les noms des personnes qui saisissent les données n’y figurent "
                        "pas ; les effectifs de moins de 5 personnes par âge ou genre sont remplacés "
                        "par « < 5 ».",
                        "This site’s public data as CSV files (UTF-8, “;” separator, decimal comma, "
                        "dates YYYY-MM-DD), with their dictionary. Internal notes and the names of "
                        "the staff who enter the data are left out; counts of fewer than 5 people "
                        "by age or gender are replaced by “< 5”."),
    "site.data_files": ("Fichiers", "Files"),
    "site.data_rows": ("{rows} lignes", "{rows} rows"),
    "site.data_dictionary": ("Dictionnaire des données", "Data dictionary"),
    "site.data_columns": ("Ses {count} colonnes", "Its {count} columns"),
    "site.data_dictionary_file": ("Le dictionnaire en CSV", "The dictionary as CSV"),
    "site.col.file": ("Fichier", "File"),
    "site.col.content": ("Contenu", "Content"),
    "site.col.size": ("Taille", "Size"),
    "site.col.held": ("Tenues", "Held"),
    "site.col.planned": ("Prévues", "Planned"),
    "site.col.public_held": ("Publiques tenues", "Public, held"),
    "site.col.attendees": ("Personnes présentes (connues)", "Known attendees"),
    "site.col.date": ("Date", "Date"),
    "site.col.title": ("Intitulé", "Title"),
    # ------------------------------------------------------------------ exports
    "export.dictionary_sheet": ("Dictionnaire", "Dictionary"),
    "export.file": ("Fichier", "File"),
    "export.kind.text": ("texte", "text"),
    "export.kind.number": ("nombre", "number"),
    "export.kind.date": ("date (AAAA-MM-JJ)", "date (YYYY-MM-DD)"),
    "export.kind.boolean": ("oui/non (true/false)", "yes/no (true/false)"),
    "export.kind.list": ("liste de valeurs séparées par |", "list of values separated by |"),
    "export.kind.choice": ("une valeur de la liste", "one value from the list"),
    "export.table": ("Tableau à exporter", "Table to export"),
    "export.csv_button": ("CSV (Excel)", "CSV (Excel)"),
    "export.xlsx_button": ("Classeur Excel (.xlsx)", "Excel workbook (.xlsx)"),
    "export.help": ("CSV en UTF-8, séparateur « ; » et virgule décimale, pour Excel en français ; le "
                    "classeur .xlsx contient aussi le dictionnaire des colonnes. Les cellules qui "
                    "ressemblent à une formule sont neutralisées.",
                    "CSV in UTF-8 with “;” and a decimal comma, for French Excel; the .xlsx "
                    "workbook also holds the columns’ dictionary. Cells that look like a formula "
                    "are neutralised."),
    "export.dataset.milestone_status": ("Chaque jalon avec son statut, son avancement et son retard à "
                                        "la date choisie.",
                                        "Each milestone with its status, progress and delay on the "
                                        "chosen date."),
    "export.dataset.commitment_summary": ("Chaque engagement avec son pilote, son achèvement (Ville "
                                          "et évaluation indépendante) et l’avancement de ses jalons.",
                                          "Each commitment with its lead, its completion (City and "
                                          "independent) and its milestones’ progress."),
    "export.dataset.target_progress": ("Chaque objectif chiffré avec la valeur atteinte à la date.",
                                       "Each target with the value reached on the date."),
    "export.dataset.meetings_by_month": ("Réunions par mois, type et état (tenue ou prévue).",
                                         "Meetings by month, type and state (held or planned)."),
    "export.dataset.meetings_by_type": ("Réunions par type : tenues, prévues, publiques, "
                                        "personnes présentes et organisations.",
                                        "Meetings by type: held, planned, public, attendees and "
                                        "organisations."),
    "export.dataset.participation_by_month": ("Participations et contributions par mois et activité.",
                                              "Participations and contributions by month and activity."),
    "export.dataset.participation_by_activity": ("Participations et contributions par activité.",
                                                 "Participations and contributions by activity."),
    "export.dataset.participation_by_sector": ("Participations et contributions par secteur de Paris.",
                                               "Participations and contributions by sector of Paris."),
    "export.dataset.participation_by_age_group": ("Participations et contributions par tranche d’âge.",
                                                  "Participations and contributions by age group."),
    "export.dataset.participation_by_gender": ("Participations et contributions par genre.",
                                               "Participations and contributions by gender."),
    "export.dataset.public_participation_by_age_group": (
        "Participations et contributions par tranche d’âge ; moins de 5 : « < 5 ».",
        "Participations and contributions by age group; fewer than 5: “< 5”."),
    "export.dataset.public_participation_by_gender": (
        "Participations et contributions par genre ; moins de 5 : « < 5 ».",
        "Participations and contributions by gender; fewer than 5: “< 5”."),
    "export.dataset.public_meetings": ("Les réunions du plan, tenues ou prévues à la date.",
                                       "The plan’s meetings, held or planned on the date."),
    "export.dataset.public_progress_updates": ("L’avancement déclaré de chaque jalon, daté (sans les "
                                               "notes internes).",
                                               "Each milestone’s reported progress, dated (without "
                                               "internal notes)."),
    "export.dataset.public_assessments": ("Les évaluations de chaque engagement (sans les notes "
                                          "internes).",
                                          "Each commitment’s assessments (without internal notes)."),
    "export.column.lead_name_fr": ("Nom de l’institution pilote, en français",
                                   "Lead institution’s name, in French"),
    "export.column.lead_name_en": ("Nom de l’institution pilote, en anglais",
                                   "Lead institution’s name, in English"),
    "export.column.self_completion": ("Achèvement selon la dernière auto-évaluation de la Ville à la "
                                      "date",
                                      "Completion in the City’s latest self-assessment on the date"),
    "export.column.self_assessment_date": ("Date de cette auto-évaluation", "Date of that self-assessment"),
    "export.column.independent_completion": ("Achèvement selon la dernière évaluation indépendante",
                                             "Completion in the latest independent assessment"),
    "export.column.independent_assessment_date": ("Date de cette évaluation indépendante",
                                                  "Date of that independent assessment"),
    "export.column.independent_did_it_open_government": ("Ouverture de l’action publique selon "
                                                         "l’évaluation indépendante",
                                                         "Did it open government, per the "
                                                         "independent assessment"),
    "export.column.weighted_progress_pct": ("Avancement des jalons pondéré par leur poids, en %",
                                            "Milestones’ progress weighted by their weight, in %"),
    "export.column.milestones": ("Nombre de jalons", "Number of milestones"),
    "export.column.milestones_complete": ("Jalons terminés à la date", "Milestones complete on the date"),
    "export.column.milestones_overdue": ("Jalons en retard à la date", "Milestones overdue on the date"),
    "export.column.status": ("Statut à la date : terminé, en retard, pas commencé ou en cours",
                             "Status on the date: complete, overdue, not started or in progress"),
    "export.column.milestone_status.progress_pct": ("Avancement à la date en % (100 si terminé, sinon "
                                                    "le dernier point d’avancement)",
                                                    "Progress on the date in % (100 when complete, "
                                                    "else the latest update)"),
    "export.column.days_late": ("Jours de retard (vide si pas en retard)",
                                "Days late (blank when not overdue)"),
    "export.column.last_update": ("Date du dernier point d’avancement", "Date of the latest update"),
    "export.column.actual": ("Valeur atteinte à la date", "Value reached on the date"),
    "export.column.reached_pct": ("Part de l’objectif atteinte, en %", "Share of the target reached, in %"),
    "export.column.month": ("Mois (premier jour du mois)", "Month (its first day)"),
    "export.column.state": ("Tenue (à la date ou avant) ou prévue (après)",
                            "Held (on or before the date) or planned (after)"),
    "export.column.meetings": ("Nombre de réunions", "Number of meetings"),
    "export.column.held": ("Réunions tenues", "Meetings held"),
    "export.column.planned": ("Réunions prévues", "Meetings planned"),
    "export.column.public_held": ("Réunions publiques tenues", "Public meetings held"),
    "export.column.internal_held": ("Réunions internes tenues", "Internal meetings held"),
    "export.column.attendees_known": ("Personnes présentes aux réunions tenues dont le nombre est connu",
                                      "Attendees of the meetings held whose number is known"),
    "export.column.attendees_unknown": ("Réunions tenues au nombre de personnes présentes inconnu",
                                        "Meetings held with attendance unknown"),
    "export.column.organisations_known": ("Organisations des réunions tenues dont le nombre est connu",
                                          "Organisations at the meetings held whose number is known"),
    "export.column.organisations_unknown": ("Réunions tenues au nombre d’organisations inconnu",
                                            "Meetings held with organisations unknown"),
    "export.column.participants": ("Nombre de participations (une personne venue deux fois compte deux fois)",
                                   "Number of participations (a person who took part twice counts twice)"),
    "export.column.public_participation_by_age_group.participants": (
        "Nombre de participations ; « < 5 » quand il y en a moins de 5 (masqué pour protéger les personnes)",
        "Number of participations; “< 5” when there are fewer than 5 (hidden to protect people)"),
    "export.column.public_participation_by_gender.participants": (
        "Nombre de participations ; « < 5 » quand il y en a moins de 5 (masqué pour protéger les personnes)",
        "Number of participations; “< 5” when there are fewer than 5 (hidden to protect people)"),
    "export.column.contributions": ("Nombre de contributions", "Number of contributions"),
    "export.column.sector": ("Secteur de Paris (centre = 1er à 4e ; citywide : toute la ville ou en "
                             "ligne)",
                             "Sector of Paris (centre = 1st to 4th; citywide: city-wide or online)"),
    "export.column.age_group": ("Tranche d’âge (unknown : inconnue)", "Age group (unknown: not recorded)"),
    "export.column.gender": ("Genre (unknown : inconnu)", "Gender (unknown: not recorded)"),
    # ------------------------------------------------------------------ command line
    "publish.cli.report_written": ("Note écrite : {path} ({pages} pages, situation au {date}).",
                                   "Briefing written: {path} ({pages} pages, as of {date})."),
    "publish.cli.site_written": ("Site écrit dans {path} : {pages} pages, {files} fichiers de données "
                                 "(situation au {date}). Ouvrez {index}.",
                                 "Site written to {path}: {pages} pages, {files} data files (as of "
                                 "{date}). Open {index}."),
    "publish.cli.export_written": ("{table} exporté : {path} ({count} lignes).",
                                   "{table} exported: {path} ({count} rows)."),
    "publish.cli.export_written.one": ("{table} exporté : {path} ({count} ligne).",
                                       "{table} exported: {path} ({count} row)."),
    "publish.cli.not_a_site": ("{path} existe et n’est pas un site produit par cette commande : "
                               "choisissez un dossier vide ou nouveau.",
                               "{path} exists and is not a site this command made: choose an empty "
                               "or new folder."),
    "publish.cli.cannot_write": ("Impossible d’écrire {path} : {reason}.", "Cannot write {path}: {reason}."),
    "publish.cli.xlsx_needs_file": ("Le format xlsx s’écrit dans un fichier : ajoutez --out FICHIER.xlsx.",
                                    "The xlsx format is written to a file: add --out FILE.xlsx."),
}


def _french_spacing(value: str) -> str:
    """No-break spaces where French typography wants them, so that no line starts with « : »."""
    return (value.replace(" :", "\u00a0:").replace(" ;", "\u202f;").replace(" ?", "\u202f?")
            .replace("« ", "«\u00a0").replace(" »", "\u00a0»"))


LABELS: dict[str, tuple[str, str]] = {key: (_french_spacing(french), english)
                                      for key, (french, english) in _LABELS.items()}
