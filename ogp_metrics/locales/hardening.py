"""Words of issue 15 (hardening): sign-in settings, public-only access, workbook and file limits,
identifiers, the history log and its repair, the cache folder."""

LABELS: dict[str, tuple[str, str]] = {
    # Sign-in kept off by settings copied from the example (ui.sign_in_settings)
    "auth.disabled": ("Connexion des agents désactivée, consultation seule : {reasons}. Voir le "
                      "README, « Deployment and security ».",
                      "Staff sign-in is disabled, read-only: {reasons}. See the README, "
                      "“Deployment and security”."),
    "auth.disabled.separator": (" ; ", "; "),
    "auth.disabled.cookie_secret_missing": ("le `cookie_secret` de `[auth]` est vide",
                                            "the `cookie_secret` of `[auth]` is empty"),
    "auth.disabled.cookie_secret_example": ("le `cookie_secret` est celui de l'exemple (n'importe qui "
                                            "pourrait signer une session d'agent)",
                                            "the `cookie_secret` is the example's (anyone could sign "
                                            "a staff session)"),
    "auth.disabled.cookie_secret_placeholder": ("le `cookie_secret` est un texte à remplacer, pas un "
                                                "secret",
                                                "the `cookie_secret` is a placeholder, not a secret"),
    "auth.disabled.cookie_secret_short": ("le `cookie_secret` a moins de 32 caractères",
                                          "the `cookie_secret` is shorter than 32 characters"),
    "auth.disabled.cookie_secret_low_entropy": ("le `cookie_secret` est trop facile à deviner "
                                                "(répétitions, suites ou mots) : générez-le avec "
                                                "`secrets.token_urlsafe(48)`",
                                                "the `cookie_secret` is too easy to guess (repeats, "
                                                "runs or words): generate it with "
                                                "`secrets.token_urlsafe(48)`"),
    "auth.disabled.example_staff": ("la liste `staff_emails` contient l'adresse de l'exemple "
                                    "(`prenom.nom@paris.fr`)",
                                    "the `staff_emails` list holds the example's address "
                                    "(`prenom.nom@paris.fr`)"),
    "app.public_only_help": ("Ce site ne montre que la vue publique aux visiteurs : les agents "
                             "connectés peuvent passer en vue interne.",
                             "This site shows visitors the public view only: signed-in staff can "
                             "switch to the internal view."),
    # Workbooks read under limits (ingest.workbook_parts, ingest.workbook_sheet)
    "problem.sheet_too_large": ("La feuille « {sheet} » fait {size} Mo une fois décompressée (au plus "
                                "{limit} Mo) : supprimez les lignes et mises en forme inutiles, ou "
                                "enregistrez-la en « CSV UTF-8 ».",
                                "The sheet “{sheet}” is {size} MB once unzipped (at most {limit} MB): "
                                "delete the rows and formatting not needed, or save it as “CSV "
                                "UTF-8”."),
    "problem.declared_range_too_large": ("La feuille « {sheet} » s'étend sur {range}, soit {columns} "
                                         "colonnes (au plus {max_columns}) : supprimez les colonnes "
                                         "vides mises en forme à droite du tableau.",
                                         "The sheet “{sheet}” spans {range}, {columns} columns (at "
                                         "most {max_columns}): delete the empty formatted columns to "
                                         "the right of the table."),
    "problem.too_many_cells": ("La feuille « {sheet} » contient plus de {limit} cellules, vides "
                               "comprises : supprimez les lignes et colonnes inutiles.",
                               "The sheet “{sheet}” holds more than {limit} cells, empty ones "
                               "included: delete the rows and columns not needed."),
    "problem.workbook_csv_too_large": ("Une fois converti en CSV, ce classeur dépasse {limit} Mo (la "
                                       "limite d'un fichier) : découpez-le.",
                                       "Converted to CSV, this workbook exceeds {limit} MB (the limit "
                                       "of one file): split it."),
    "problem.formula_without_value": ("La cellule {cell} contient une formule sans valeur enregistrée "
                                      "(={formula}) : ouvrez le classeur dans Excel ou LibreOffice et "
                                      "enregistrez-le, ou collez les valeurs à la place des formules.",
                                      "Cell {cell} holds a formula with no saved value (={formula}): "
                                      "open the workbook in Excel or LibreOffice and save it, or "
                                      "paste the values over the formulas."),
    "problem.no_visible_sheet": ("Ce classeur n'a aucune feuille visible : affichez la feuille de la "
                                 "table (clic droit sur un onglet, « Afficher »).",
                                 "This workbook has no visible sheet: unhide the table's sheet "
                                 "(right-click a tab, “Unhide”)."),
    # The data contract's plausible ranges (contract.docs)
    "contract.rule_at_most": ("{column} : au plus {maximum}", "{column}: at most {maximum}"),
    "contract.rule_between": ("{column} : de {minimum} à {maximum}",
                              "{column}: from {minimum} to {maximum}"),
    "contract.rule_above_up_to": ("{column} : plus de {minimum}, au plus {maximum}",
                                  "{column}: more than {minimum}, at most {maximum}"),
    # Identifiers (ingest.identifiers, normalise.ogp_identifier)
    "problem.duplicate_case": ("« {value} » ne diffère que par les majuscules ou minuscules d'une "
                               "ligne précédente ({unique_key} doit être unique, sans tenir compte "
                               "de la casse).",
                               "“{value}” differs only by upper or lower case from an earlier row "
                               "({unique_key} must be unique, whatever the case)."),
    "problem.bad_identifier": ("Cet identifiant ne contient que des caractères invisibles.",
                               "This identifier holds only invisible characters."),
    # The history's logs: malformed lines skipped, publishing refused until repaired
    "staff.refused.history_damaged": ("Refusé : l'historique contient des lignes illisibles "
                                      "({lines}). Rien n'a été changé. Lancez « python -m ogp_metrics "
                                      "repair-history » : il met ces lignes de côté dans "
                                      ".history/damaged/.",
                                      "Refused: the history holds unreadable lines ({lines}). Nothing "
                                      "was changed. Run “python -m ogp_metrics repair-history”: it "
                                      "sets those lines aside in .history/damaged/."),
    "staff.refused.long_name": ("Refusé : le nom de qui publie dépasse {limit} caractères.",
                                "Refused: the name of who publishes is longer than {limit} "
                                "characters."),
    "staff.refused.long_reason": ("Refusé : le motif dépasse {limit} caractères.",
                                  "Refused: the reason is longer than {limit} characters."),
    "staff.cli.long_name": ("--by dépasse {limit} caractères : raccourcissez-le (il n'est pas coupé).",
                            "--by is longer than {limit} characters: shorten it (it is not cut)."),
    "history.damaged": ("{count} lignes illisibles dans l'historique, ignorées : {lines}. Les "
                        "publications sont suspendues jusqu'à « python -m ogp_metrics "
                        "repair-history ».",
                        "{count} unreadable lines in the history, skipped: {lines}. Publishing is "
                        "suspended until “python -m ogp_metrics repair-history”."),
    "history.damaged.one": ("{count} ligne illisible dans l'historique, ignorée : {lines}. Les "
                            "publications sont suspendues jusqu'à « python -m ogp_metrics "
                            "repair-history ».",
                            "{count} unreadable line in the history, skipped: {lines}. Publishing is "
                            "suspended until “python -m ogp_metrics repair-history”."),
    "repair.done": ("{log} — lignes mises de côté : {count} ({lines}), dans {copy} ; lignes gardées : "
                    "{kept} ; l'original est dans {original}.",
                    "{log} — lines set aside: {count} ({lines}), in {copy}; lines kept: {kept}; the "
                    "original is in {original}."),
    "repair.nothing": ("Rien à réparer : chaque ligne de l'historique de {folder} se lit.",
                       "Nothing to repair: every line of the history of {folder} reads."),
    # Files of the data folder, whatever their path (ingest.limits, ingest.csv_files)
    "problem.not_regular_file": ("Ce n'est pas un fichier ordinaire (un lien vers un périphérique, "
                                 "vers rien, ou un dossier) : il n'est pas lu. Remplacez-le par le "
                                 "fichier CSV lui-même.",
                                 "This is not a regular file (a link to a device, to nothing, or a "
                                 "folder): it is not read. Replace it with the CSV file itself."),
    "problem.file_too_large": ("Le fichier fait {size} Mo ; la limite est de {limit} Mo "
                               "(OGP_MAX_FILE_MB).",
                               "The file is {size} MB; the limit is {limit} MB (OGP_MAX_FILE_MB)."),
    "problem.header_too_long": ("La ligne des titres dépasse {limit} Ko : trop de colonnes, ou un "
                                "fichier qui n'est pas un tableau.",
                                "The header line is longer than {limit} KB: too many columns, or a "
                                "file that is not a table."),
    "problem.row_too_long": ("Cette ligne dépasse {limit} Mo : une cellule trop longue, ou un "
                             "guillemet ouvert qui n'est pas refermé et englobe les lignes "
                             "suivantes. Une cellule tient en {limit} Mo au plus.",
                             "This row is longer than {limit} MB: a cell too long, or a quote "
                             "opened and not closed that runs over the following rows. A cell "
                             "holds at most {limit} MB."),
    "problem.bom_not_utf8": ("Le fichier commence par la marque UTF-8 (BOM) mais l'octet {byte} de "
                             "cette ligne n'est pas de l'UTF-8 : il a été enregistré en "
                             "Windows-1252 puis marqué. Enregistrez-le au format « CSV UTF-8 ».",
                             "The file starts with the UTF-8 mark (BOM) but byte {byte} on this "
                             "row is not UTF-8: it was saved as Windows-1252 and then marked. Save "
                             "it as “CSV UTF-8”."),
}
