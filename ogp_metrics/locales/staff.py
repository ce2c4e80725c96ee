"""Words of the staff side: sign-in, the Update and History pages, publishing, its commands."""

LABELS: dict[str, tuple[str, str]] = {
    # Navigation and sign-in
    "nav.update": ("Mettre à jour", "Update data"),
    "nav.history": ("Historique", "History"),
    "nav.section.dashboard": ("Tableau de bord", "Dashboard"),
    "nav.section.staff": ("Espace agents", "Staff"),
    "auth.sign_in": ("Connexion agents", "Staff sign-in"),
    "auth.sign_out": ("Se déconnecter", "Sign out"),
    "auth.signed_in_as": ("Connecté : {user}", "Signed in as {user}"),
    "auth.not_staff": ("{user} ne figure pas dans la liste des agents autorisés : consultation "
                       "seule.",
                       "{user} is not on the list of authorised staff: read-only."),
    "auth.read_only": ("Consultation seule.", "Read only."),
    "staff.only": ("Page réservée aux agents connectés.", "For signed-in staff only."),
    # Update page
    "update.title": ("Mettre à jour les données", "Update the data"),
    "update.intro": ("Déposez un ou plusieurs fichiers CSV ou Excel (.xlsx). Ils sont vérifiés avec "
                     "les autres fichiers actuels ; rien n'est publié avant votre confirmation.",
                     "Drop one or several CSV or Excel (.xlsx) files. They are checked together "
                     "with the other current files; nothing is published until you confirm."),
    "update.upload": ("Fichiers à publier", "Files to publish"),
    "update.upload_help": ("Un fichier par table, nommé comme elle (milestones.xlsx, jalons.csv…) "
                           "ou choisissez sa table ensuite. {limit} Mo au plus par fichier.",
                           "One file per table, named like it (milestones.xlsx, jalons.csv…) or "
                           "choose its table next. At most {limit} MB per file."),
    "update.tables": ("Table de chaque fichier", "Table of each file"),
    "update.choose": ("— choisir la table —", "— choose the table —"),
    "update.checking": ("Vérification des fichiers…", "Checking the files…"),
    "update.problems": ("{count} problèmes : rien ne sera publié. Corrigez le fichier puis "
                        "déposez-le de nouveau.",
                        "{count} problems: nothing will be published. Fix the file, then drop "
                        "it again."),
    "update.problems.one": ("{count} problème : rien ne sera publié. Corrigez le fichier puis "
                            "déposez-le de nouveau.",
                            "{count} problem: nothing will be published. Fix the file, then drop "
                            "it again."),
    "update.problems_other_files": ("Un problème signalé dans un fichier que vous n'avez pas déposé "
                                    "vient d'une référence vers vos fichiers (un identifiant "
                                    "supprimé ou renommé).",
                                    "A problem reported in a file you did not drop comes from a "
                                    "reference to your files (an identifier removed or renamed)."),
    "update.valid": ("Fichiers valides. Vérifiez les changements avant de publier.",
                     "The files are valid. Check the changes before publishing."),
    "update.nothing": ("Ces fichiers sont identiques aux fichiers actuels : rien à publier.",
                       "These files are identical to the current ones: nothing to publish."),
    "update.changes": ("Changements", "Changes"),
    "update.change_summary": ("**{file}** ← {source} — lignes ajoutées : {added}, supprimées : "
                              "{removed}, modifiées : {changed} ({before} → {after} lignes)",
                              "**{file}** ← {source} — rows added: {added}, removed: {removed}, "
                              "changed: {changed} ({before} → {after} rows)"),
    "update.no_change_in_table": ("aucune ligne ne change", "no row changes"),
    "update.added": ("Lignes ajoutées", "Rows added"),
    "update.removed": ("Lignes supprimées", "Rows removed"),
    "update.changed": ("Cellules modifiées", "Cells changed"),
    "update.figures": ("Chiffres clés avant et après, au {date}",
                       "Headline figures before and after, as of {date}"),
    "update.figures_no_before": ("Les fichiers actuels ne se chargent pas : pas de chiffres "
                                 "« avant ».",
                                 "The current files do not load: no “before” figures."),
    "update.confirm_title": ("Publier", "Publish"),
    "update.reason": ("Motif (obligatoire, quelques mots)", "Reason (required, a few words)"),
    "update.reason_placeholder": ("ex. : point d'avancement de juin", "e.g. June progress update"),
    "update.confirm": ("J'ai vérifié les changements ci-dessus", "I have checked the changes above"),
    "update.publish": ("Publier {count} fichiers", "Publish {count} files"),
    "update.publish.one": ("Publier {count} fichier", "Publish {count} file"),
    "update.need_reason": ("Indiquez le motif de la mise à jour.", "Give the reason for the update."),
    "update.need_confirm": ("Cochez la case pour confirmer que vous avez vérifié les changements.",
                            "Tick the box to confirm you have checked the changes."),
    "update.published": ("Version {version} publiée. Chaque page ouverte affichera les nouvelles "
                         "données à sa prochaine action.",
                         "Version {version} published. Every open page shows the new data on its "
                         "next interaction."),
    "update.sheet": ("feuille « {sheet} »", "sheet “{sheet}”"),
    "update.column.figure": ("Chiffre", "Figure"),
    "update.column.before": ("Avant", "Before"),
    "update.column.after": ("Après", "After"),
    "update.column.column": ("Colonne", "Column"),
    "update.column.change": ("Évolution", "Change"),
    "update.recovered": ("Une publication interrompue (version {version}) a été terminée.",
                         "An interrupted publish (version {version}) was completed."),
    "update.limit_rows": ("Limites : {rows} lignes et {columns} colonnes par fichier.",
                          "Limits: {rows} rows and {columns} columns per file."),
    # History page
    "history.title": ("Historique des publications", "Publishing history"),
    "history.intro": ("Chaque publication et restauration, fichier par fichier : qui, quand, "
                      "pourquoi, et l'empreinte (sha256) du contenu avant et après.",
                      "Every publish and restore, file by file: who, when, why, and the "
                      "fingerprint (sha256) of the content before and after."),
    "history.empty": ("Aucune publication pour l'instant : l'historique commence à la première "
                      "mise à jour.",
                      "Nothing published yet: the history starts with the first update."),
    "history.column.version": ("Version", "Version"),
    "history.column.time": ("Date (Paris)", "Time (Paris)"),
    "history.column.by": ("Par", "By"),
    "history.column.action": ("Action", "Action"),
    "history.column.file": ("Fichier", "File"),
    "history.column.rows": ("Lignes", "Rows"),
    "history.column.reason": ("Motif", "Reason"),
    "history.column.sha256_before": ("Empreinte avant", "sha256 before"),
    "history.column.sha256_after": ("Empreinte après", "sha256 after"),
    "history.compare": ("Comparer une version avec les fichiers actuels",
                        "Compare a version with the current files"),
    "history.pick": ("Version", "Version"),
    "history.version_label": ("Version {version} · {time} · {by} · {files}",
                              "Version {version} · {time} · {by} · {files}"),
    "history.content": ("Revenir à", "Go back to"),
    "history.content.after": ("l'état publié par cette version", "the state this version published"),
    "history.content.before": ("l'état d'avant cette version (l'annuler)",
                               "the state before this version (undo it)"),
    "history.same": ("Les fichiers actuels sont déjà dans cet état : rien à restaurer.",
                     "The current files are already in this state: nothing to restore."),
    "history.diff": ("Différences avec les fichiers actuels : ce que la restauration changerait.",
                     "Differences with the current files: what restoring would change."),
    "history.cannot_restore": ("Cet état ne peut pas être restauré tel quel avec les autres "
                               "fichiers actuels :",
                               "This state cannot be restored as it is with the other current "
                               "files:"),
    "history.restore_title": ("Restaurer cet état", "Restore this state"),
    "history.restore_reason_placeholder": ("ex. : annuler la version {version}",
                                           "e.g. undo version {version}"),
    "history.restore": ("Restaurer", "Restore"),
    "history.restored": ("État de la version {version} restauré : nouvelle version {new}.",
                         "State of version {version} restored: new version {new}."),
    "history.download": ("{file} de cet état", "{file} in this state"),
    "history.refused": ("Publications refusées (un fichier avait changé entre-temps)",
                        "Refused publishes (a file had changed meanwhile)"),
    "history.pending": ("Une publication (version {version}) a été interrompue : elle sera terminée "
                        "à la prochaine publication, ou maintenant avec ce bouton.",
                        "A publish (version {version}) was interrupted: it will be completed by the "
                        "next publish, or now with this button."),
    "history.complete": ("Terminer la publication interrompue", "Complete the interrupted publish"),
    # Publishing: actions and refusals
    "staff.action.publish": ("publication", "publish"),
    "staff.action.restore": ("restauration", "restore"),
    "staff.refused.stale": ("Refusé : {files} a été modifié par une autre publication depuis la "
                              "vérification. Rien n'a été changé. Vérifiez de nouveau vos fichiers "
                              "avec les données actuelles, puis publiez.",
                              "Refused: {files} was changed by another publish since the check. "
                              "Nothing was changed. Check your files again against the current "
                              "data, then publish."),
    "staff.refused.invalid": ("Refusé : les fichiers ont des problèmes. Rien n'a été changé.",
                                "Refused: the files have problems. Nothing was changed."),
    "staff.refused.busy": ("Refusé : une autre publication est en cours. Réessayez dans un "
                             "instant.",
                             "Refused: another publish is in progress. Try again in a moment."),
    "staff.refused.no_reason": ("Refusé : indiquez le motif de la mise à jour.",
                                  "Refused: give the reason for the update."),
    "staff.refused.no_name": ("Refusé : indiquez qui publie.", "Refused: say who publishes."),
    "staff.refused.unknown_version": ("Il n'y a pas de version {version} dans l'historique.",
                                        "There is no version {version} in the history."),
    "staff.refused.missing_object": ("Le contenu {sha256} manque dans l'historique (dossier "
                                       ".history/objects).",
                                       "The content {sha256} is missing from the history "
                                       "(folder .history/objects)."),
    # Problems of an upload (the loader's own problems are in problems.py)
    "problem.no_upload": ("Aucun fichier déposé.", "No file dropped."),
    "problem.too_many_files": ("Trop de fichiers à la fois ({limit} au plus, un par table).",
                               "Too many files at once (at most {limit}, one per table)."),
    "problem.upload_too_large": ("Le fichier fait {size} Mo ; la limite est de {limit} Mo.",
                                 "The file is {size} MB; the limit is {limit} MB."),
    "problem.unknown_table": ("Son nom ne dit pas à quelle table il correspond : choisissez-la "
                              "(tables : {tables}).",
                              "Its name does not say which table it is: choose it (tables: "
                              "{tables})."),
    "problem.duplicate_upload": ("« {other} » est déjà déposé pour {table} : un seul fichier par "
                                 "table.",
                                 "“{other}” is already dropped for {table}: one file per table."),
    "problem.upload_not_table": ("Ce n'est ni un fichier CSV ni un classeur Excel (.xlsx) : "
                                 "enregistrez-le depuis Excel au format .xlsx ou « CSV UTF-8 ».",
                                 "This is neither a CSV file nor an Excel workbook (.xlsx): save "
                                 "it from Excel as .xlsx or “CSV UTF-8”."),
    "problem.old_office_file": ("Ancien format Excel (.xls) ou classeur protégé par mot de passe : "
                                "enregistrez-le au format .xlsx, sans mot de passe, ou en "
                                "« CSV UTF-8 ».",
                                "An old Excel format (.xls) or a password-protected workbook: save "
                                "it as .xlsx without a password, or as “CSV UTF-8”."),
    "problem.opendocument": ("Classeur LibreOffice (.ods) : enregistrez-le au format .xlsx ou CSV.",
                             "A LibreOffice spreadsheet (.ods): save it as .xlsx or CSV."),
    "problem.xlsb": ("Classeur Excel binaire (.xlsb) : enregistrez-le au format .xlsx ou CSV.",
                     "A binary Excel workbook (.xlsb): save it as .xlsx or CSV."),
    "problem.bad_workbook": ("Ce classeur Excel est endommagé et ne peut pas être lu ({reason}).",
                             "This Excel workbook is damaged and cannot be read ({reason})."),
    "problem.empty_workbook": ("La feuille lue est vide : la table doit être sur la première "
                               "feuille, ou sur une feuille qui porte son nom.",
                               "The sheet read is empty: put the table on the first sheet, or on "
                               "a sheet named after it."),
    "problem.workbook_too_large": ("Ce classeur dépasse {limit} Mo une fois décompressé.",
                                   "This workbook exceeds {limit} MB once unzipped."),
    "problem.too_many_rows": ("Plus de {limit} lignes : découpez le fichier ou supprimez les lignes "
                              "vides en bas de la feuille.",
                              "More than {limit} rows: split the file or delete the empty rows at "
                              "the bottom of the sheet."),
    "problem.too_many_columns": ("Plus de {limit} colonnes (ligne {row}) : supprimez les colonnes "
                                 "inutiles.",
                                 "More than {limit} columns (row {row}): delete the columns not "
                                 "needed."),
    "problem.too_slow": ("La lecture de ce fichier prend trop de temps : allégez-le (lignes ou "
                         "mises en forme inutiles).",
                         "Reading this file takes too long: make it lighter (rows or formatting "
                         "not needed)."),
    "problem.restore_absent": ("Ce fichier n'existait pas avant la version {version} : rien à "
                               "restaurer.",
                               "This file did not exist before version {version}: nothing to "
                               "restore."),
    # Command line
    "staff.cli.no_name": ("--by : indiquez qui publie.", "--by: say who publishes."),
    "staff.cli.no_reason": ("--reason : indiquez le motif en quelques mots.",
                            "--reason: give the reason in a few words."),
    "staff.cli.long_reason": ("--reason : {limit} caractères au plus.",
                              "--reason: at most {limit} characters."),
    "staff.cli.bad_table": ("--table {value} : écrivez FICHIER=TABLE, TABLE parmi {tables}.",
                            "--table {value}: write FILE=TABLE, TABLE one of {tables}."),
    "staff.cli.unreadable": ("{file} ne peut pas être lu ({reason}).", "{file} cannot be read ({reason})."),
    "staff.cli.invalid": ("Refusé : {count} problèmes. Rien n'a été changé.",
                          "Refused: {count} problems. Nothing was changed."),
    "staff.cli.invalid.one": ("Refusé : {count} problème. Rien n'a été changé.",
                              "Refused: {count} problem. Nothing was changed."),
    "staff.cli.change": ("{file} — lignes ajoutées : {added}, supprimées : {removed}, modifiées : {changed}",
                         "{file}: {added} added, {removed} removed, {changed} changed"),
    "staff.cli.nothing": ("Fichiers identiques aux fichiers actuels : rien à publier.",
                          "The files are identical to the current ones: nothing to publish."),
    "staff.cli.published": ("Version {version} publiée.", "Version {version} published."),
    "staff.cli.no_history": ("Aucune publication dans {folder}.", "Nothing published in {folder}."),
    "staff.cli.changed_meanwhile": ("modifié entre-temps", "changed meanwhile"),
    "staff.cli.pending": ("Attention : la publication de la version {version} a été interrompue ; "
                          "la prochaine publication la terminera.",
                          "Warning: the publish of version {version} was interrupted; the next "
                          "publish will complete it."),
}
