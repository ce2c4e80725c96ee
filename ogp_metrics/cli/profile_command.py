"""`profiles`: the mapping profiles an import can use, one line each.

    python -m ogp_metrics profiles [--data DIR]

A data folder's own profiles (`<data>/profiles/*.toml`) come first and hide a shipped one of
the same name; a profile that cannot be read is listed with what is wrong.
"""

from __future__ import annotations

import argparse

from ogp_metrics import text
from ogp_metrics.cli.common import Command
from ogp_metrics.cli.staff_commands import data_option
from ogp_metrics.ingest import mapping
from ogp_metrics.ingest.load import data_folder


def profiles(args: argparse.Namespace) -> int:
    listed = mapping.available_profiles(data_folder(args.data))
    if not listed:
        print(text.t("imports.profiles.none", args.lang))
    for origin, path, profile in listed:
        where = text.t(f"imports.profiles.origin.{origin}", args.lang)
        if isinstance(profile, mapping.ProfileError):
            reason = text.t(f"profile_error.{profile.code}", args.lang, **profile.details)
            print(text.t("imports.profiles.broken", args.lang, name=path.stem, origin=where, reason=reason))
            continue
        tables = ", ".join(profile.table_names) or text.t("imports.profiles.any_table", args.lang)
        print(text.t("imports.profiles.line", args.lang, name=profile.name, origin=where, tables=tables,
                     description=profile.description or "—"))
    return 0


COMMANDS = (
    Command("profiles", "List the mapping profiles an import can use (--profile NAME).",
            data_option, profiles),
)
