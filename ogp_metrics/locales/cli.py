"""Messages of the command line."""

LABELS: dict[str, tuple[str, str]] = {
    "cli.valid": ("Le dossier {folder} est valide.", "The folder {folder} is valid."),
    "cli.invalid": ("Le dossier {folder} n'a pas été chargé : {count} problèmes à corriger.",
                    "The folder {folder} was not loaded: {count} problems to fix."),
    "cli.invalid.one": ("Le dossier {folder} n'a pas été chargé : {count} problème à corriger.",
                        "The folder {folder} was not loaded: {count} problem to fix."),
    "cli.file_rows": ("{file} : {count} lignes", "{file}: {count} rows"),
    "cli.file_rows.one": ("{file} : {count} ligne", "{file}: {count} row"),
    "cli.file_absent": ("{file} : absent (facultatif)", "{file}: absent (optional)"),
    "cli.extra_columns": ("(colonnes ignorées : {columns})", "(columns ignored: {columns})"),
}
