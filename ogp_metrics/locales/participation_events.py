"""Words of events, votes, decided projects and the IRM's assessments (issue 12), French then
English: the labels of their coded values, their problems, the shipped profiles' messages and
the `init` command."""

LABELS: dict[str, tuple[str, str]] = {
    # How people take part in an event
    "channel.in_person": ("En présentiel", "In person"),
    "channel.online": ("En ligne", "Online"),
    "channel.postal": ("Par courrier", "By post"),
    "channel.mixed": ("Mixte", "Mixed"),
    # A decided project's stage (the City's export codes are accepted spellings)
    "project_status.not_started": ("Non démarré", "Not started"),
    "project_status.procedures": ("Procédures", "Procedures"),
    "project_status.studies": ("Études", "Studies"),
    "project_status.works": ("Travaux", "Works"),
    "project_status.delivery": ("Livré", "Delivered"),
    "project_status.done": ("Terminé", "Done"),
    "project_status.abandoned": ("Abandonné", "Abandoned"),
    # The OGP stage an assessment comes from
    "stage.design": ("Conception", "Design"),
    "stage.progress": ("Rapport d'étape", "Progress report"),
    "stage.end_of_term": ("Fin de mandat", "End of term"),
    "stage.results": ("Résultats", "Results"),
    "stage.unknown": ("Étape non précisée", "Stage not given"),
    "potential_impact.none": ("Aucun", "None"),
    "potential_impact.minor": ("Mineur", "Minor"),
    "potential_impact.moderate": ("Modéré", "Moderate"),
    "potential_impact.transformative": ("Transformateur", "Transformative"),
    "illustrative_tables.events": ("Événements", "Events"),
    "illustrative_tables.vote_results": ("Résultats de votes", "Vote results"),
    "illustrative_tables.projects": ("Projets décidés", "Decided projects"),
    # Shipped profiles: what an import must give, dates whose order the file itself shows
    "problem.profile_parameter_missing": (
        "Le profil « {profile} » a besoin de {option} (par exemple {option} \"Paris, France\") : "
        "rien n'a été importé.",
        "Profile “{profile}” needs {option} (for example {option} \"Paris, France\"): nothing was "
        "imported."),
    "problem.mixed_date_orders": (
        "« {value} » va contre l'ordre des autres dates du fichier (certaines ne se lisent que jour "
        "en premier, d'autres que mois en premier) : corrigez les dates, ou déclarez l'ordre "
        "(--date-order dmy ou mdy).",
        "“{value}” goes against the order of the file's other dates (some can only be day first, "
        "others only month first): fix the dates, or declare the order (--date-order dmy or mdy)."),
    "problem.ambiguous_date_order": (
        "« {value} » se lit aussi bien jour en premier que mois en premier, et aucune date du "
        "fichier ne tranche : déclarez l'ordre (--date-order dmy ou mdy).",
        "“{value}” reads as well day first as month first, and no date in the file settles it: "
        "declare the order (--date-order dmy or mdy)."),
    # Exported tables (`outputs.datasets`) and their columns
    "export.dataset.events_as_of": (
        "Chaque événement commencé à la date, avec ses participants, ses lignes et ses secteurs.",
        "Each event begun on the date, with its participants, rows and sectors."),
    "export.dataset.vote_turnout": (
        "Chaque votation par secteur : inscrits, votants, blancs, nuls et participation en %.",
        "Each vote per sector: registered voters, voters, blank and null votes, turnout in %."),
    "export.dataset.vote_options": (
        "Le résultat de chaque votation par réponse, avec sa part des voix exprimées.",
        "Each vote's result per option, with its share of the votes cast for an option."),
    "export.dataset.projects_by_edition": (
        "Projets décidés par édition : nombre, budget, livrés et part livrée à la date.",
        "Decided projects per edition: number, budget, delivered and share delivered on the date."),
    "export.dataset.projects_by_sector": (
        "Projets décidés par secteur (citywide : toute la ville) : nombre, budget, livrés.",
        "Decided projects per sector (citywide: the whole city): number, budget, delivered."),
    "export.dataset.project_deliveries": (
        "Projets livrés par mois de livraison, et en cumul.",
        "Projects delivered per month of delivery, and to date."),
    "export.dataset.irm_assessments": (
        "Chaque engagement : dernier achèvement selon la Ville et selon l'IRM, et ce que l'IRM en dit.",
        "Each commitment: latest completion according to the City and to the IRM, and what the IRM "
        "says of it."),
    "export.column.one_day": ("Vrai pour un événement d'un seul jour", "True for a one-day event"),
    "export.column.records": ("Lignes de participation qui nomment l'événement",
                              "Participation rows that name the event"),
    "export.column.sectors": ("Secteurs distincts de ces lignes (toute la ville comptant pour un)",
                              "Distinct sectors of those rows (city-wide counting as one)"),
    "export.column.has_results": ("Vrai si vote_results.csv donne ses résultats",
                                  "True when vote_results.csv gives its results"),
    "export.column.blank": ("Votes blancs", "Blank votes"),
    "export.column.option_votes": ("Voix exprimées pour une réponse", "Votes cast for an option"),
    "export.column.turnout_pct": ("Participation : votants / inscrits, en % à une décimale",
                                  "Turnout: voters / registered voters, in % to one decimal"),
    "export.column.share_pct": ("Part des voix exprimées pour une réponse, en % à une décimale",
                                "Share of the votes cast for an option, in % to one decimal"),
    "export.column.projects": ("Nombre de projets", "Number of projects"),
    "export.column.amount_eur": ("Budget total de ces projets, en euros",
                                 "Total budget of those projects, in euros"),
    "export.column.delivered": ("Projets livrés à la date", "Projects delivered on the date"),
    "export.column.delivered_pct": ("Part des projets livrés, en % à une décimale",
                                    "Share of the projects delivered, in % to one decimal"),
    "export.column.delivered_to_date": ("Projets livrés depuis le début, en cumul",
                                        "Projects delivered so far, cumulated"),
    "export.column.self_date": ("Date de la dernière auto-évaluation de la Ville",
                                "Date of the City's latest self-assessment"),
    "export.column.independent_date": ("Date de la dernière évaluation indépendante",
                                       "Date of the latest independent assessment"),
    "export.column.independent_stage": ("Étape d'OGP de cette évaluation indépendante",
                                        "OGP stage of that independent assessment"),
    "export.column.opened_government": ("L'engagement a-t-il ouvert l'action publique ? (selon l'IRM)",
                                        "Did it open government? (according to the IRM)"),
    # `init`: a new plan's folder
    "participation.init.done": (
        "Nouveau plan écrit dans {folder} ({count} fichiers, chacun avec ses colonnes) : remplissez-le "
        "avec python -m ogp_metrics import … --data {folder}.",
        "New plan written in {folder} ({count} files, each with its columns): fill it with "
        "python -m ogp_metrics import … --data {folder}."),
    "participation.cli.unused_option": (
        "{option} : le profil « {profile} » ne s'en sert pas (paris-vote et paris-budget prennent "
        "--commitment, ogp-commitments --member) : rien n'a été importé.",
        "{option}: profile “{profile}” does not use it (paris-vote and paris-budget take --commitment, "
        "ogp-commitments --member): nothing was imported."),
    "participation.init.no_name": ("--name : donnez le nom du plan.", "--name: give the plan's name."),
    "participation.init.end_before_start": (
        "--end {end} est avant --start {start} : rien n'a été écrit.",
        "--end {end} is before --start {start}: nothing was written."),
    "participation.init.not_empty": (
        "{folder} existe déjà et n'est pas un dossier vide : rien n'a été écrit (choisissez un "
        "nouveau dossier).",
        "{folder} already exists and is not an empty folder: nothing was written (choose a new "
        "folder)."),
    "participation.init.unwritable": (
        "Impossible d'écrire {folder} ({reason}) : rien n'a été écrit.",
        "Cannot write {folder} ({reason}): nothing was written."),
    # Problems of counts and of groups of rows (`ingest.group_checks`)
    "problem.above_total": ("« {value} » : {counted} dépasse {total} de la même ligne (des votants ne "
                            "peuvent pas être plus nombreux que les inscrits).",
                            "“{value}”: {counted} is more than {total} on the same row (voters cannot "
                            "outnumber registered voters)."),
    "problem.above_total_in_group": ("« {value} » : pour ce {per}, {counted} (additionnés sur ses "
                                     "lignes) dépassent {total} : les voix des réponses, blancs et "
                                     "nuls ne peuvent pas dépasser les votants.",
                                     "“{value}”: for this {per}, {counted} (added up over its rows) "
                                     "is more than {total}: option, blank and null votes cannot "
                                     "outnumber the voters."),
    "problem.differs_in_group": ("« {value} » n'est pas la valeur de la première ligne du même {per} : "
                                 "cette colonne se répète à l'identique sur chaque ligne du groupe.",
                                 "“{value}” is not the value on the first row with the same {per}: "
                                 "this column repeats the same value on every row of the group."),
}

# Readable exports (`outputs.readable`): the titles of this columns and the names of its
# tables, in each language.
_TITLES: dict[str, tuple[str, str]] = {
    "event_id": ("Événement", "Event"),
    "one_day": ("Un seul jour", "One day"),
    "channel": ("Mode de participation", "Channel"),
    "records": ("Lignes de participation", "Participation rows"),
    "sectors": ("Secteurs", "Sectors"),
    "has_results": ("Résultats publiés", "Results published"),
    "registered": ("Inscrits", "Registered voters"),
    "voters": ("Votants", "Voters"),
    "blank": ("Blancs", "Blank"),
    "blank_votes": ("Blancs", "Blank"),
    "null_votes": ("Nuls", "Null"),
    "option_votes": ("Exprimés", "Votes cast for an option"),
    "turnout_pct": ("Participation (%)", "Turnout (%)"),
    "option": ("Réponse", "Option"),
    "votes": ("Voix", "Votes"),
    "share_pct": ("Part des exprimés (%)", "Share of votes cast (%)"),
    "edition": ("Édition", "Edition"),
    "projects": ("Projets", "Projects"),
    "project_id": ("Projet", "Project"),
    "amount_eur": ("Budget (€)", "Budget (€)"),
    "delivered": ("Livrés", "Delivered"),
    "delivered_pct": ("Part livrée (%)", "Share delivered (%)"),
    "delivered_to_date": ("Livrés en cumul", "Delivered to date"),
    "theme": ("Thème", "Theme"),
    "lead": ("Direction pilote", "Lead directorate"),
    "delivery_date": ("Livraison", "Delivery"),
    "self_date": ("Date de l'auto-évaluation", "Date of the self-assessment"),
    "independent_date": ("Date de l'évaluation de l'IRM", "Date of the IRM's assessment"),
    "independent_stage": ("Étape de l'évaluation de l'IRM", "Stage of the IRM's assessment"),
    "stage": ("Étape", "Stage"),
    "report_year": ("Année du rapport", "Report year"),
    "report_url": ("Rapport", "Report"),
    "potential_impact": ("Impact potentiel", "Potential impact"),
    "starred": ("Étoilé", "Starred"),
    "opened_government": ("A ouvert l'action publique (IRM)", "Opened government (IRM)"),
}
_NAMES: dict[str, tuple[str, str]] = {
    "events": ("Événements (tels que saisis)", "Events (as entered)"),
    "vote_results": ("Résultats de votes (tels que saisis)", "Vote results (as entered)"),
    "projects": ("Projets décidés (tels que saisis)", "Decided projects (as entered)"),
    "events_as_of": ("Événements à la date", "Events on the date"),
    "vote_turnout": ("Participation aux votes par secteur", "Vote turnout per sector"),
    "vote_options": ("Résultats des votes par réponse", "Vote results per option"),
    "projects_by_edition": ("Projets décidés par édition", "Decided projects per edition"),
    "projects_by_sector": ("Projets décidés par secteur", "Decided projects per sector"),
    "project_deliveries": ("Projets livrés par mois", "Projects delivered per month"),
    "irm_assessments": ("Évaluations de la Ville et de l'IRM", "The City's and the IRM's assessments"),
}
LABELS.update({f"export.title.{name}": pair for name, pair in _TITLES.items()})
LABELS.update({f"export.name.{name}": pair for name, pair in _NAMES.items()})
