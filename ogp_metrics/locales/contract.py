"""Words of the data dictionary (Data page and data/README.md)."""

LABELS: dict[str, tuple[str, str]] = {
    "contract.heading": ("Le contrat de données", "The data contract"),
    "contract.intro": (
        "Chaque fichier est un CSV avec une ligne de titres de colonnes. Les noms de colonnes "
        "sont reconnus sans tenir compte des majuscules, des accents ni des espaces autour ; les "
        "colonnes en plus sont gardées et ignorées. Encodage UTF-8 (avec ou sans BOM) ou "
        "Windows-1252 ; séparateur `,` ou `;`. Les valeurs codées sont reconnues sans tenir compte "
        "des majuscules ni des accents, avec des espaces ou des tirets à la place des `_`, et "
        "sous leur libellé français ou anglais (`Comité de pilotage` = `steering_committee`). "
        "Les nombres entiers peuvent avoir des espaces comme séparateurs de milliers (`12 345`).",
        "Each file is a CSV with a row of column names. Column names are matched ignoring case, "
        "accents and surrounding spaces; extra columns are kept and ignored. Encoding UTF-8 (with "
        "or without BOM) or Windows-1252; separator `,` or `;`. Coded values are matched ignoring "
        "case and accents, with spaces or hyphens in place of `_`, and by their French or English "
        "label (`Steering committee` = `steering_committee`). Whole numbers may use spaces as "
        "thousands separators (`12 345`)."),
    "contract.column": ("Colonne", "Column"),
    "contract.required": ("Obligatoire", "Required"),
    "contract.type": ("Type", "Type"),
    "contract.allowed": ("Valeurs permises", "Allowed values"),
    "contract.description": ("Description", "Description"),
    "contract.example": ("Exemple", "Example"),
    "contract.yes": ("oui", "yes"),
    "contract.no": ("non", "no"),
    "contract.optional": ("fichier facultatif", "optional file"),
    "contract.rule_unique": ("{columns} : unique (pas deux lignes avec la même valeur)",
                             "{columns}: unique (no two rows with the same value)"),
    "contract.rule_order": ("{left} : au plus tôt {right}", "{left}: not before {right}"),
    "contract.rule_reference": ("{column} : doit exister dans {target} (colonne {target_column})",
                                "{column}: must exist in {target} (column {target_column})"),
    "contract.rule_single_row": ("une seule ligne de données", "a single row of data"),
}
