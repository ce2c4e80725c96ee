"""The data contract, the one source of truth for what the files hold: tables, columns, types,
allowed values and their accepted spellings; `docs` writes it for people."""
