"""Words shared by every page: navigation, controls, helpers."""

LABELS: dict[str, tuple[str, str]] = {
    "app.title": ("Gouvernement ouvert à Paris", "Open government in Paris"),
    "app.language": ("Langue", "Language"),
    "app.language.fr": ("Français", "Français"),
    "app.language.en": ("English", "English"),
    "app.as_of": ("Situation au", "As of"),
    "app.as_of_help": ("Tous les chiffres sont calculés à cette date. Le lien de la page la garde : "
                       "copiez-le pour partager la situation à cette date.",
                       "Every figure is computed as of this date. The page's link keeps it: copy it "
                       "to share the situation on that date."),
    "app.public_mode": ("Mode projection publique", "Public projection mode"),
    "app.public_mode_help": ("Gros caractères, sans notes internes ; les effectifs de moins de "
                             "5 personnes sont masqués.",
                             "Large type, no internal notes; counts under 5 people are hidden."),
    "app.last_update": ("Données mises à jour le {date}", "Data last updated {date}"),
    "app.chart_data": ("Données du graphique", "Chart data"),
    "app.download_csv": ("Télécharger (CSV)", "Download (CSV)"),
    "app.filter_all": ("Tous", "All"),
    "app.unknown": ("inconnu", "unknown"),
    "nav.overview": ("Vue d'ensemble", "Overview"),
    "nav.commitments": ("Engagements", "Commitments"),
    "nav.milestones": ("Jalons", "Milestones"),
    "nav.meetings": ("Réunions", "Meetings"),
    "nav.participation": ("Participation", "Participation"),
    "nav.data": ("Données", "Data"),
    "problems.title": ("Les données ne peuvent pas être affichées",
                       "The data cannot be shown"),
    "problems.intro": ("{count} problèmes empêchent de charger le dossier {folder}. Aucun chiffre "
                       "n'est affiché tant qu'ils ne sont pas corrigés : corrigez les fichiers "
                       "ci-dessous puis rechargez la page.",
                       "{count} problems keep the folder {folder} from loading. No figure is shown "
                       "until they are fixed: fix the files below, then reload the page."),
    "problems.intro.one": ("{count} problème empêche de charger le dossier {folder}. Aucun chiffre "
                           "n'est affiché tant qu'il n'est pas corrigé : corrigez le fichier "
                           "ci-dessous puis rechargez la page.",
                           "{count} problem keeps the folder {folder} from loading. No figure is shown "
                           "until it is fixed: fix the file below, then reload the page."),
    "problems.as_table": ("Les mêmes problèmes, en tableau", "The same problems, as a table"),
    "problems.help": ("Les lignes sont numérotées comme dans Excel : la ligne des titres est la "
                      "ligne 1.",
                      "Rows are numbered as in Excel: the row of column names is row 1."),
    "problems.file": ("Fichier", "File"),
    "problems.row": ("Ligne", "Row"),
    "problems.column": ("Colonne", "Column"),
    "problems.value": ("Valeur", "Value"),
    "problems.what": ("Problème", "Problem"),
}
