"""What each kind of data problem means, in words staff can act on, French then English.

`{placeholders}` are filled from the problem's details (and `value`, `column`).
"""

LABELS: dict[str, tuple[str, str]] = {
    "problem.missing_folder": ("Le dossier de données « {value} » est introuvable.",
                               "The data folder “{value}” cannot be found."),
    "problem.missing_file": ("Ce fichier obligatoire manque dans le dossier.",
                             "This required file is missing from the folder."),
    "problem.empty_file": ("Le fichier est vide : il doit au moins contenir la ligne des titres de "
                           "colonnes.",
                           "The file is empty: it needs at least the row of column names."),
    "problem.not_text": ("Ce n'est pas un fichier texte CSV (c'est peut-être un classeur Excel "
                         "renommé) : enregistrez-le depuis Excel au format « CSV UTF-8 ».",
                         "This is not a CSV text file (perhaps a renamed Excel workbook): save it "
                         "from Excel as “CSV UTF-8”."),
    "problem.undecodable": ("Caractère illisible (octet {byte}) : enregistrez le fichier au "
                            "format « CSV UTF-8 ».",
                            "Unreadable character (byte {byte}): save the file as “CSV UTF-8”."),
    "problem.unreadable": ("Le fichier ne peut pas être lu ({reason}).",
                           "The file cannot be read ({reason})."),
    "problem.not_csv": ("Le fichier ne peut pas être lu comme un CSV (un retour à la ligne ou un "
                        "guillemet mal placé ?) : ouvrez-le dans Excel et enregistrez-le à nouveau au "
                        "format « CSV UTF-8 ».",
                        "The file cannot be read as CSV (a stray line break or quote?): open it in "
                        "Excel and save it again as “CSV UTF-8”."),
    "problem.missing_column": ("La colonne obligatoire « {column} » est absente (colonnes "
                               "trouvées : {found}).",
                               "The required column “{column}” is missing (columns found: "
                               "{found})."),
    "problem.duplicate_column": ("La colonne « {column} » apparaît deux fois (la seconde sous le nom "
                                 "« {value} »).",
                                 "The column “{column}” appears twice (the second time as “{value}”)."),
    "problem.ragged_row": ("Cette ligne a {found} cellules au lieu de {expected} : un "
                           "séparateur ou un guillemet en trop ?",
                           "This row has {found} cells instead of {expected}: an extra "
                           "separator or quote?"),
    "problem.bad_row": ("Cette ligne ne peut pas être lue (guillemet mal fermé ?).",
                        "This row cannot be read (an unclosed quote?)."),
    "problem.required": ("Cette cellule est obligatoire mais vide.",
                         "This cell is required but empty."),
    "problem.bad_date": ("« {value} » n'est pas une date : écrivez 31/12/2026 ou 2026-12-31.",
                         "“{value}” is not a date: write 31/12/2026 or 2026-12-31."),
    "problem.bad_whole": ("« {value} » n'est pas un nombre entier positif ou nul.",
                          "“{value}” is not a whole number of 0 or more."),
    "problem.bad_decimal": ("« {value} » n'est pas un nombre.", "“{value}” is not a number."),
    "problem.bad_percent": ("« {value} » n'est pas un pourcentage (par exemple 62,5).",
                            "“{value}” is not a percentage (for example 62.5)."),
    "problem.bad_boolean": ("« {value} » n'est pas oui ou non.", "“{value}” is not yes or no."),
    "problem.bad_choice": ("« {value} » n'est pas une valeur permise. Valeurs permises : {choices}.",
                           "“{value}” is not an allowed value. Allowed values: {choices}."),
    "problem.bad_choice_list": ("« {value} » contient une valeur non permise. Valeurs permises, "
                                "séparées par | : {choices}.",
                                "“{value}” holds a value that is not allowed. Allowed values, "
                                "separated by |: {choices}."),
    "problem.bad_url": ("« {value} » n'est pas un lien web commençant par http:// ou https://.",
                        "“{value}” is not a web link starting with http:// or https://."),
    "problem.bad_sector": ("« {value} » n'est pas un arrondissement de Paris (1 à 20, 11e, "
                           "75011 ou Paris Centre).",
                           "“{value}” is not a Paris arrondissement (1 to 20, 11e, 75011 or "
                           "Paris Centre)."),
    "problem.below_minimum": ("« {value} » est inférieur au minimum permis ({minimum}).",
                              "“{value}” is below the allowed minimum ({minimum})."),
    "problem.not_above": ("« {value} » doit être strictement supérieur à {minimum}.",
                          "“{value}” must be greater than {minimum}."),
    "problem.above_maximum": ("« {value} » dépasse le maximum permis ({maximum}).",
                              "“{value}” is above the allowed maximum ({maximum})."),
    "problem.before": ("« {value} » tombe avant la date de la colonne « {other} » de la même "
                       "ligne.",
                       "“{value}” is earlier than the date in column “{other}” of the same row."),
    "problem.duplicate": ("« {value} » figure déjà sur une ligne précédente ({unique_key} doit être "
                          "unique).",
                          "“{value}” already appears on an earlier row ({unique_key} must be unique)."),
    "problem.unknown_reference": ("« {value} » n'existe pas dans la colonne « {target_column} » "
                                  "de {target}.",
                                  "“{value}” does not exist in column “{target_column}” of "
                                  "{target}."),
    "problem.single_row": ("Ce fichier ne doit contenir qu'une seule ligne de données.",
                           "This file must hold a single row of data."),
    "problem.more_problems": ("… et {count} autres problèmes du même genre.",
                              "… and {count} more problems of the same kind."),
    "problem.more_problems.one": ("… et {count} autre problème du même genre.",
                                  "… and {count} more problem of the same kind."),
    "problem.where.file": ("{file}", "{file}"),
    "problem.where.row": ("ligne {row}", "row {row}"),
    "problem.where.column": ("colonne « {column} »", "column “{column}”"),
}
