"""Messages of the command line."""

LABELS: dict[str, tuple[str, str]] = {
    "cli.valid": ("Le dossier {folder} est valide.", "The folder {folder} is valid."),
    "cli.invalid": ("Le dossier {folder} n'a pas été chargé : {count} problème(s) à corriger.",
                    "The folder {folder} was not loaded: {count} problem(s) to fix."),
    "cli.file_rows": ("{file} : {rows} ligne(s)", "{file}: {rows} row(s)"),
    "cli.file_absent": ("{file} : absent (facultatif)", "{file}: absent (optional)"),
    "cli.extra_columns": ("(colonnes ignorées : {columns})", "(columns ignored: {columns})"),
}
