"""Words of the Data page."""

LABELS: dict[str, tuple[str, str]] = {
    "data.title": ("Les données", "The data"),
    "data.intro": ("Ce que le tableau de bord a chargé, et comment remplir les fichiers.",
                   "What the dashboard loaded, and how to fill in the files."),
    "data.folder": ("Dossier : {folder} · version des données {version}",
                    "Folder: {folder} · data version {version}"),
    "data.valid": ("Tous les fichiers sont valides : aucun problème trouvé.",
                   "Every file is valid: no problem found."),
    "data.files": ("Fichiers chargés", "Files loaded"),
    "data.file": ("Fichier", "File"),
    "data.present": ("Présent", "Present"),
    "data.rows": ("Lignes", "Rows"),
    "data.encoding": ("Encodage", "Encoding"),
    "data.separator": ("Séparateur", "Separator"),
    "data.size": ("Taille (octets)", "Size (bytes)"),
    "data.modified": ("Modifié le", "Modified"),
    "data.fingerprint": ("Empreinte (SHA-256)", "Fingerprint (SHA-256)"),
    "data.ignored": ("Colonnes ignorées", "Columns ignored"),
    "data.dictionary": ("Dictionnaire des données", "Data dictionary"),
    "data.dictionary_intro": ("Pour chaque fichier : ses colonnes, leur type, les valeurs permises et "
                              "un exemple. Le même texte est dans data/README.md.",
                              "For each file: its columns, their type, the allowed values and an "
                              "example. The same text is in data/README.md."),
    "data.exports": ("Exporter les tableaux", "Export the tables"),
    "data.yes": ("oui", "yes"),
    "data.no": ("non", "no"),
}
