"""Bringing real data in: import modes, previews, mapping profiles, values that would be misread,
warnings, sources and licences. French then English.
"""

LABELS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ values that would be misread
    "problem.mixed_encoding": (
        "Ce fichier mélange deux encodages : il est en UTF-8, mais l'octet {byte} de cette cellule "
        "n'en est pas (un texte collé depuis un fichier Windows-1252 ?). Lu tel quel, chaque accent "
        "deviendrait « Ã© » : corrigez cette cellule et enregistrez le fichier au format « CSV UTF-8 ».",
        "This file mixes two encodings: it is UTF-8, but byte {byte} in this cell is not (text pasted "
        "from a Windows-1252 file?). Read as it is, every accent would turn into “Ã©”: fix this cell "
        "and save the file as “CSV UTF-8”."),
    "problem.month_first": (
        "« {value} » ne peut se lire que mois en premier (mois/jour/année) : les dates de ce fichier "
        "semblent écrites à l'américaine, et ses autres dates seraient mal lues. Déclarez l'ordre des "
        "dates : --date-order mdy en ligne de commande, date_order = \"mdy\" dans un profil, ou "
        "« Ordre des dates » à l'étape de correspondance de la page Mise à jour.",
        "“{value}” can only be read month first (month/day/year): this file's dates look US-style, "
        "and its other dates would be misread. Declare the date order: --date-order mdy on the "
        "command line, date_order = \"mdy\" in a profile, or “Date order” in the Update page's "
        "mapping step."),
    "problem.two_digit_year": (
        "« {value} » a une année sur deux chiffres, qui pourrait être lue dans le mauvais siècle : "
        "écrivez l'année en entier (31/12/2026 ou 2026-12-31).",
        "“{value}” has a two-digit year, which could be read in the wrong century: write the year in "
        "full (31/12/2026 or 2026-12-31)."),
    "problem.thousands_comma": (
        "« {value} » n'est pas un nombre ici : la virgule y sépare sans doute les milliers "
        "(68,816 = 68 816). Déclarez-le : --thousands , en ligne de commande, thousands = \",\" dans "
        "un profil, ou « Séparateur de milliers : virgule » à l'étape de correspondance.",
        "“{value}” is not a number here: the comma probably separates thousands (68,816 = 68 816). "
        "Declare it: --thousands , on the command line, thousands = \",\" in a profile, or "
        "“Thousands separator: comma” in the mapping step."),
    "problem.partial_date": (
        "« {value} » ne donne qu'une année ou un mois : dites quel jour retenir (date_precision = "
        "\"first\" ou \"last\" dans le profil : premier ou dernier jour de la période).",
        "“{value}” gives only a year or a month: say which day to use (date_precision = \"first\" or "
        "\"last\" in the profile: first or last day of the period)."),
    "problem.date_not_in_order": (
        "« {value} » n'est pas une date écrite dans l'ordre déclaré ({order} : d = jour, m = mois, "
        "y = année).",
        "“{value}” is not a date written in the declared order ({order}: d = day, m = month, "
        "y = year)."),
    "problem.number_format": (
        "« {value} » n'est pas un nombre écrit comme déclaré (milliers : « {thousands} », "
        "décimales : « {decimal} »).",
        "“{value}” is not a number written as declared (thousands: “{thousands}”, decimals: "
        "“{decimal}”)."),
    "problem.profile_column_missing": (
        "Le profil lit la colonne « {column} », que ce fichier n'a pas (colonnes trouvées : {found}).",
        "The profile reads the column “{column}”, which this file does not have (columns found: "
        "{found})."),
    "problem.unmapped_column": (
        "Aucune colonne du fichier ne donne la colonne obligatoire « {column} » de {table} : "
        "choisissez-la (ou une valeur constante) à l'étape de correspondance, ou dans le profil "
        "(colonnes trouvées : {found}).",
        "No column of the file gives the required column “{column}” of {table}: choose it (or a "
        "constant value) in the mapping step, or in the profile (columns found: {found})."),
    # ------------------------------------------------------------ import modes
    "problem.mode_needs_key": (
        "Ce fichier se remplace en entier : le mode « {mode} » n'est pas possible (aucune clé ne "
        "désigne ses lignes). Utilisez --mode replace.",
        "This file is replaced whole: mode “{mode}” is not possible (no key identifies its rows). "
        "Use --mode replace."),
    "problem.mode_needs_valid_file": (
        "Le fichier actuel a des problèmes : impossible d'y ajouter ou d'y mettre à jour des lignes "
        "(mode « {mode} »). Corrigez-le ou remplacez-le en entier (--mode replace).",
        "The current file has problems: rows cannot be added to it or updated in it (mode "
        "“{mode}”). Fix it or replace it whole (--mode replace)."),
    "problem.key_collision": (
        "Cette ligne a la même clé ({key_columns} : {value}) que la ligne {existing_row} du fichier actuel, "
        "avec d'autres valeurs : rien n'est ajouté. Pour remplacer la ligne actuelle, utilisez "
        "--mode upsert (« Mettre à jour les lignes » dans l'application).",
        "This row has the same key ({key_columns}: {value}) as row {existing_row} of the current file, with "
        "other values: nothing is added. To replace the current row, use --mode upsert (“Update "
        "rows” in the app)."),
    "problem.ambiguous_key": (
        "La clé de cette ligne ({key_columns} : {value}) désigne plusieurs lignes du fichier actuel "
        "({rows}) : impossible de savoir laquelle remplacer. Ajoutez une colonne record_id ou "
        "remplacez le fichier en entier.",
        "This row's key ({key_columns}: {value}) matches several rows of the current file ({rows}): which "
        "one to replace cannot be told. Add a record_id column or replace the file whole."),
    "problem.duplicate_key": (
        "Une ligne précédente du fichier a déjà cette clé ({key_columns} : {value}) : donnez-leur un "
        "record_id différent si ce sont deux activités distinctes.",
        "An earlier row of the file already has this key ({key_columns}: {value}): give them different "
        "record_id values if they are two separate activities."),
    # ------------------------------------------------------------ warnings
    "problem.outside_plan_period": (
        "« {value} » tombe hors de la période du plan ({start_date} – {end_date}) : cette ligne "
        "compte quand même dans les totaux. Est-ce voulu ?",
        "“{value}” falls outside the plan's period ({start_date} – {end_date}): this row still "
        "counts in the totals. Is that intended?"),
    "problem.due_after_commitment": (
        "Échéance « {value} » après la fin de l'engagement ({other_date}).",
        "Due date “{value}” after the commitment ends ({other_date})."),
    "problem.starts_before_commitment": (
        "Début « {value} » avant le début de l'engagement ({other_date}).",
        "Start “{value}” before the commitment starts ({other_date})."),
    "problem.future_update": (
        "Point d'avancement daté du « {value} », après aujourd'hui ({today_date}).",
        "Progress update dated “{value}”, after today ({today_date})."),
    "problem.complete_without_date": (
        "Avancement de 100 %, mais le jalon {milestone} n'a pas de date d'achèvement (completed_date "
        "dans milestones.csv) : il compte comme en cours, ou en retard après son échéance.",
        "Progress at 100%, but milestone {milestone} has no completion date (completed_date in "
        "milestones.csv): it counts as in progress, or as overdue once due."),
    "problem.far_above": (
        "« {value} » est plus de 100 fois la médiane des lignes comparables ({median}) : un zéro de "
        "trop, ou un total saisi comme une ligne ?",
        "“{value}” is more than 100 times the median of comparable rows ({median}): an extra zero, "
        "or a total typed in as a row?"),
    "problem.more_warnings": ("… et {count} autres avertissements du même genre.",
                              "… and {count} more warnings of the same kind."),
    "problem.more_warnings.one": ("… et {count} autre avertissement du même genre.",
                                  "… and {count} more warning of the same kind."),
    # ------------------------------------------------------------ profiles
    "profile_error.toml": ("Ce n'est pas un TOML valide : {reason}", "This is not valid TOML: {reason}"),
    "profile_error.type": ("« {setting} » : attendu {expected}.", "“{setting}”: expected {expected}."),
    "profile_error.unknown_key": ("« {setting} » n'est pas une clé de profil (clés : {allowed}).",
                                  "“{setting}” is not a profile key (keys: {allowed})."),
    "profile_error.choice": ("« {setting} » = « {value} » : choisissez parmi {choices}.",
                             "“{setting}” = “{value}”: choose among {choices}."),
    "profile_error.unknown_table": ("« {setting} » = « {value} » n'est pas une table (tables : {tables}).",
                                    "“{setting}” = “{value}” is not a table (tables: {tables})."),
    "profile_error.unknown_column": ("« {setting} » n'est pas une colonne de {table} (colonnes : {columns}).",
                                     "“{setting}” is not a column of {table} (columns: {columns})."),
    "profile_error.column_or_constant": (
        "« {setting} » : donnez une seule source (column, constant, template ou parameter).",
        "“{setting}”: give one source (column, constant, template or parameter)."),
    "profile_error.not_found": ("Profil « {name} » introuvable (profils : {names}).",
                                "Profile “{name}” not found (profiles: {names})."),
    "profile_error.unreadable": ("Le profil ne peut pas être lu ({reason}).",
                                 "The profile cannot be read ({reason})."),
    "profile_error.too_large": ("Le profil dépasse {limit} Ko.", "The profile is larger than {limit} KB."),
    "profile_error.bad_name": (
        "« {name} » : un nom de profil fait de lettres, chiffres, - et _ (64 au plus).",
        "“{name}”: a profile name is letters, digits, - and _ (64 at most)."),
    # ------------------------------------------------------------ where the data comes from
    "data_status.real": ("Données réelles", "Real data"),
    "data_status.illustrative": ("Données d'illustration", "Illustrative data"),
    "illustrative_tables.institutions": ("Institutions", "Institutions"),
    "illustrative_tables.commitments": ("Engagements", "Commitments"),
    "illustrative_tables.milestones": ("Jalons", "Milestones"),
    "illustrative_tables.progress_updates": ("Points d'avancement", "Progress updates"),
    "illustrative_tables.assessments": ("Évaluations", "Assessments"),
    "illustrative_tables.meetings": ("Réunions", "Meetings"),
    "illustrative_tables.participation": ("Participation", "Participation"),
    "illustrative_tables.targets": ("Cibles", "Targets"),
    "illustrative_tables.plan": ("Plan", "Plan"),
    # ------------------------------------------------------------ command line
    "imports.mode.replace": ("remplacement du fichier", "file replaced"),
    "imports.mode.append": ("ajout de lignes", "rows appended"),
    "imports.mode.upsert": ("mise à jour des lignes", "rows updated"),
    "imports.cli.change": (
        "{target} ← {file} ({mode}) — lignes ajoutées : {added}, supprimées : {removed}, modifiées : "
        "{changed}, déjà présentes (ignorées) : {skipped}",
        "{target} ← {file} ({mode}): {added} added, {removed} removed, {changed} changed, {skipped} "
        "already there (skipped)"),
    "imports.cli.ignored": ("Colonnes ignorées (gardées dans le fichier, lues par rien) : {columns}",
                            "Columns ignored (kept in the file, read by nothing): {columns}"),
    "imports.cli.warnings": ("{count} avertissements (ils n'empêchent pas de publier) :",
                             "{count} warnings (they do not prevent publishing):"),
    "imports.cli.warnings.one": ("{count} avertissement (il n'empêche pas de publier) :",
                                 "{count} warning (it does not prevent publishing):"),
    "imports.cli.folder_warnings": (
        "{count} avertissements (le dossier reste valide ; --strict les refuse) :",
        "{count} warnings (the folder stays valid; --strict refuses them):"),
    "imports.cli.folder_warnings.one": (
        "{count} avertissement (le dossier reste valide ; --strict le refuse) :",
        "{count} warning (the folder stays valid; --strict refuses it):"),
    "imports.cli.figures": ("Chiffres clés au {date}, avant -> après :",
                            "Headline figures as of {date}, before -> after:"),
    "imports.cli.dry_run": ("Essai à blanc : rien n'a été écrit.", "Dry run: nothing was written."),
    "imports.cli.confirm": ("Publier ces changements ? [o/N]", "Publish these changes? [y/N]"),
    "imports.cli.cancelled": ("Annulé : rien n'a été changé.", "Cancelled: nothing was changed."),
    "imports.cli.bad_profile": ("--profile {name} : {reason}", "--profile {name}: {reason}"),
    "imports.cli.profile_and_options": (
        "--profile dit déjà comment lire les dates et les nombres : --date-order et --thousands vont "
        "dans le profil.",
        "--profile already says how to read dates and numbers: --date-order and --thousands belong in "
        "the profile."),
    "imports.cli.table_hint": (
        "Pour dire la table d'un fichier : --table \"{file}=TABLE\" (TABLE parmi {tables}).",
        "To say a file's table: --table \"{file}=TABLE\" (TABLE among {tables})."),
    "imports.profiles.line": ("{name}  [{origin}]  → {tables}  {description}",
                              "{name}  [{origin}]  → {tables}  {description}"),
    "imports.profiles.broken": ("{name}  [{origin}]  illisible : {reason}",
                                "{name}  [{origin}]  unreadable: {reason}"),
    "imports.profiles.none": ("Aucun profil.", "No profiles."),
    "imports.profiles.any_table": ("la table du fichier", "the file's table"),
    "imports.profiles.origin.shipped": ("fourni", "shipped"),
    "imports.profiles.origin.data": ("dossier de données", "data folder"),
    "imports.profiles.origin.file": ("fichier", "file"),
    "imports.profiles.origin.options": ("options", "options"),
    "problem.refused": ("{reason}", "{reason}"),
    "problem.unknown_mode": ("« {value} » n'est pas un mode d'import (modes : {modes}).",
                             "“{value}” is not an import mode (modes: {modes})."),
    # ------------------------------------------------------------ the data contract
    "contract.rule_key": (
        "clé des lignes pour un import qui ajoute ou met à jour des lignes : {columns} (une cellule "
        "vide compte comme une valeur)",
        "row key for an import that appends or updates rows: {columns} (a blank cell counts as a "
        "value)"),
    "contract.rule_no_key": ("pas de clé : un import remplace le fichier en entier",
                             "no key: an import replaces the whole file"),
    "contract.rule_mode_replace": ("import par défaut : remplace le fichier (--mode replace)",
                                   "default import: replaces the file (--mode replace)"),
    "contract.rule_mode_append": ("import par défaut : ajoute les lignes (--mode append)",
                                  "default import: appends the rows (--mode append)"),
    # ------------------------------------------------------------ where the data comes from
    "imports.notice.all": (
        "Données d'illustration : inventées pour montrer le tableau de bord, ne les citez pas.",
        "Illustrative data: made up to show the dashboard, do not quote it."),
    "imports.notice.tables": (
        "{tables} : données d'illustration, inventées pour montrer le tableau de bord.",
        "{tables}: illustrative data, made up to show the dashboard."),
    "imports.notice.and": ("{first} et {last}", "{first} and {last}"),
    "imports.sources.title": ("Sources et licences", "Sources and licences"),
    "imports.sources.intro": (
        "Ce que les fichiers disent de l'origine de leurs lignes (colonnes source et licence). "
        "Une licence ODbL demande de citer la source.",
        "What the files say about where their rows come from (columns source and licence). An ODbL "
        "licence requires attribution."),
    "imports.sources.none": ("Les fichiers ne disent pas d'où viennent leurs données (colonnes source "
                             "et licence vides).",
                             "The files do not say where their data comes from (columns source and "
                             "licence blank)."),
    "imports.sources.file": ("Fichier", "File"),
    "imports.sources.source": ("Source", "Source"),
    "imports.sources.licence": ("Licence", "Licence"),
    "imports.sources.rows": ("Lignes", "Rows"),
    "imports.sources.line": ("{file} : {source} ({licence}, {count} lignes)",
                             "{file}: {source} ({licence}, {count} rows)"),
    "imports.sources.line.one": ("{file} : {source} ({licence}, {count} ligne)",
                                 "{file}: {source} ({licence}, {count} row)"),
    "imports.data_warnings": (
        "{count} avertissements : des valeurs valides mais douteuses (elles sont comptées)",
        "{count} warnings: values that are valid but doubtful (they are counted)"),
    "imports.data_warnings.one": (
        "{count} avertissement : une valeur valide mais douteuse (elle est comptée)",
        "{count} warning: a value that is valid but doubtful (it is counted)"),
    # ------------------------------------------------------------ the Update page
    "imports.ui.mode": ("Que faire des lignes actuelles ?", "What to do with the current rows?"),
    "imports.ui.mode.replace": ("Remplacer le fichier", "Replace the file"),
    "imports.ui.mode.append": ("Ajouter les lignes", "Add the rows"),
    "imports.ui.mode.upsert": ("Mettre à jour les lignes", "Update rows"),
    "imports.ui.mode_help": (
        "Remplacer : le fichier déposé devient le fichier. Ajouter : ses lignes s'ajoutent, une ligne "
        "déjà présente est ignorée, une ligne de même clé mais d'autres valeurs est refusée. Mettre à "
        "jour : une ligne de même clé remplace l'actuelle, les autres s'ajoutent. Clé : {key_columns}.",
        "Replace: the dropped file becomes the file. Add: its rows are added, a row already there is "
        "skipped, a row with the same key but other values is refused. Update: a row with the same "
        "key replaces the current one, the others are added. Key: {key_columns}."),
    "imports.ui.reading": ("Lecture de « {file} » : colonnes, dates, nombres",
                           "Reading “{file}”: columns, dates, numbers"),
    "imports.ui.columns_differ": (
        "Les colonnes de ce fichier ne sont pas celles de {table} : dites quelle colonne donne chaque "
        "colonne du tableau de bord (ou une valeur constante).",
        "This file's columns are not those of {table}: say which column gives each of the "
        "dashboard's columns (or a constant value)."),
    "imports.ui.profile": ("Profil de lecture", "Reading profile"),
    "imports.ui.by_hand": ("— correspondance choisie ici —", "— mapping chosen here —"),
    "imports.ui.date_order": ("Ordre des dates", "Date order"),
    "imports.ui.date_order.dmy": ("jour/mois/année (31/12/2026)", "day/month/year (31/12/2026)"),
    "imports.ui.date_order.mdy": ("mois/jour/année (12/31/2026, à l'américaine)",
                                  "month/day/year (12/31/2026, US style)"),
    "imports.ui.date_order.ymd": ("année/mois/jour (2026/12/31)", "year/month/day (2026/12/31)"),
    "imports.ui.thousands": ("Séparateur de milliers", "Thousands separator"),
    "imports.ui.thousands.spaces": ("espace (12 345)", "space (12 345)"),
    "imports.ui.thousands.comma": ("virgule (68,816)", "comma (68,816)"),
    "imports.ui.thousands.point": ("point (68.816)", "point (68.816)"),
    "imports.ui.thousands.apostrophe": ("apostrophe (68'816)", "apostrophe (68'816)"),
    "imports.ui.columns": ("Colonne du fichier pour chaque colonne (* obligatoire)",
                           "The file's column for each column (* required)"),
    "imports.ui.no_column": ("— aucune —", "— none —"),
    "imports.ui.a_constant": ("— valeur constante —", "— constant value —"),
    "imports.ui.constant": ("Valeur de « {column} » sur chaque ligne", "Value of “{column}” on every row"),
    "imports.ui.first_rows": ("Premières lignes, telles qu'elles seront lues",
                              "First rows, as they will be read"),
    "imports.ui.profile_name": ("Nom du profil (pour la prochaine fois)", "Profile name (for next time)"),
    "imports.ui.save": ("Enregistrer le profil", "Save the profile"),
    "imports.ui.saved": ("Profil « {name} » enregistré dans le dossier de données : il sera proposé "
                         "pour les fichiers qui ont ces colonnes.",
                         "Profile “{name}” saved in the data folder: it will be offered for files "
                         "with these columns."),
    "imports.ui.note": ("**{file}** → {target} : {mode} ; lignes déjà présentes, ignorées : {skipped}.",
                        "**{file}** → {target}: {mode}; rows already there, skipped: {skipped}."),
    "imports.ui.warnings": ("{count} avertissements sur {file} (ils n'empêchent pas de publier)",
                            "{count} warnings about {file} (they do not prevent publishing)"),
    "imports.ui.warnings.one": ("{count} avertissement sur {file} (il n'empêche pas de publier)",
                                "{count} warning about {file} (it does not prevent publishing)"),
    "imports.cli.mapping_hint": (
        "Les colonnes d'un export ne sont pas celles du contrat ? Lisez-le avec un profil "
        "(--profile NOM ; la commande profiles les liste) ou faites la correspondance sur la page "
        "Mise à jour, qui l'enregistre comme profil.",
        "An export's columns are not the contract's? Read it with a profile (--profile NAME; the "
        "profiles command lists them) or map it on the Update page, which saves it as a profile."),
    "imports.ui.read_otherwise": ("Lire « {file} » autrement (dates, nombres, colonnes)",
                                  "Read “{file}” otherwise (dates, numbers, columns)"),
    "imports.ui.read_otherwise_help": (
        "Pour un fichier aux dates écrites mois en premier (12/31/2026), aux milliers séparés par une "
        "virgule (68,816), ou dont une colonne porte un autre nom.",
        "For a file whose dates are written month first (12/31/2026), whose thousands are separated "
        "by a comma (68,816), or one of whose columns has another name."),
}
