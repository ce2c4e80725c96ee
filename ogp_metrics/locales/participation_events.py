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
    "status.not_started": ("Non démarré", "Not started"),
    "status.procedures": ("Procédures", "Procedures"),
    "status.studies": ("Études", "Studies"),
    "status.works": ("Travaux", "Works"),
    "status.delivery": ("Livré", "Delivered"),
    "status.done": ("Terminé", "Done"),
    "status.abandoned": ("Abandonné", "Abandoned"),
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
    # `init`: a new plan's folder
    "participation.init.done": (
        "Nouveau plan écrit dans {folder} ({count} fichiers, chacun avec ses colonnes) : remplissez-le "
        "avec python -m ogp_metrics import … --data {folder}.",
        "New plan written in {folder} ({count} files, each with its columns): fill it with "
        "python -m ogp_metrics import … --data {folder}."),
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
