"""`import`: check files with the rest of the folder, preview the change, then publish it.

    python -m ogp_metrics import FILE... [--data DIR] [--table FILE=TABLE] [--mode MODE]
        [--profile NAME_OR_PATH] [--date-order dmy|mdy|ymd] [--thousands SEP]
        [--commitment ID] [--member NAME]
        [--dry-run] [--json] [--yes] --by NAME --reason TEXT

Same checks, atomicity and log as the Update page (see `updates`). `--dry-run` previews and
writes nothing (not even under `.history/`). At a terminal the preview is followed by a
question (`--yes` skips it). Exit codes: 0 done (or previewed), 1 refused or cancelled (the
problems are listed; nothing changed), 2 a usage error.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import date
from pathlib import Path

from ogp_metrics import text
from ogp_metrics.cli.common import Command, lazy_module, parse_date, print_problems
from ogp_metrics.cli.staff_commands import author_options, check_author, data_option, usage_error
from ogp_metrics.contract.schema import IMPORT_MODES, TABLES_BY_NAME
from ogp_metrics.ingest import mapping
from ogp_metrics.ingest.load import data_folder
from ogp_metrics.ingest.problems import Problem, describe_problem, problem_count

# pandas and more: loaded when `import` runs, not for every other command's parser.
updates = lazy_module("ogp_metrics.updates")


def _summary():
    from ogp_metrics.updates import summary

    return summary

USAGE, REFUSED = 2, 1


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE",
                        help="CSV or .xlsx files, each matched to its table by name (else --table)")
    parser.add_argument("--table", action="append", default=[], metavar="FILE=TABLE",
                        help="the table of a file whose name does not say it (repeatable): "
                             + ", ".join(TABLES_BY_NAME))
    parser.add_argument("--mode", choices=IMPORT_MODES, default=None,
                        help="replace the file, append rows, or upsert (update rows matched on the "
                             "table's key, add the others); default: append for participation and "
                             "meetings, replace for the others")
    parser.add_argument("--profile", metavar="NAME_OR_PATH", default=None,
                        help="read the files with this mapping profile (see the `profiles` command)")
    parser.add_argument("--date-order", choices=mapping.DATE_ORDERS, default=None,
                        help="how the files write dates: dmy (31/12/2026, the default), mdy "
                             "(12/31/2026) or ymd")
    parser.add_argument("--thousands", choices=mapping.THOUSANDS, default=None, metavar="SEP",
                        help="the thousands separator of the files' numbers: ',' '.' or \"'\"")
    parser.add_argument("--commitment", metavar="ID", default=None,
                        help="the commitment a profile's rows belong to (paris-vote, paris-budget; "
                             "default: the profile's)")
    parser.add_argument("--member", metavar="NAME", default=None,
                        help="the OGP member whose rows a profile keeps (ogp-commitments: "
                             "\"Paris, France\")")
    parser.add_argument("--dry-run", action="store_true",
                        help="check and preview only: nothing is written")
    parser.add_argument("--json", action="store_true", help="print the preview (or problems) as JSON")
    parser.add_argument("--yes", action="store_true", help="publish without asking (at a terminal)")
    parser.add_argument("--as-of", type=parse_date, default=None, metavar="YYYY-MM-DD",
                        help="the date of the headline figures before and after (default: today)")
    data_option(parser)
    author_options(parser, required=False)


def import_files(args: argparse.Namespace) -> int:
    lang = args.lang
    if not args.dry_run:
        problem = check_author(args)
        if problem is not None:
            return problem
    folder = data_folder(args.data)
    uploads = _uploads(args, folder)
    if isinstance(uploads, int):
        return uploads
    if not args.dry_run:
        try:
            updates.recover(folder)  # finishes a publish a crash interrupted (it writes: not in a dry run)
        except updates.PublishRefused as error:
            return _refused([], lang, args.json, error.message(lang))
    preparation = updates.prepare(folder, uploads, as_of=args.as_of or date.today())
    if not preparation.ok:
        return _refused(preparation.problems, lang, args.json)
    if not args.json:
        _print_preview(preparation, lang)
    if args.dry_run:
        return _done(preparation, lang, args.json, published=False, message="imports.cli.dry_run")
    if not preparation.files:
        return _done(preparation, lang, args.json, published=False, message="staff.cli.nothing")
    if not args.json and not args.yes and sys.stdin.isatty() and not _confirmed(lang):
        print(text.t("imports.cli.cancelled", lang), file=sys.stderr)
        return REFUSED
    try:
        version = updates.publish(preparation, args.by, args.reason)
    except updates.PublishRefused as error:
        return _refused(error.problems, lang, args.json, error.message(lang))
    if version is None:
        return _done(preparation, lang, args.json, published=False, message="staff.cli.nothing")
    return _done(preparation, lang, args.json, published=True, version=version,
                 message="staff.cli.published")


def _uploads(args: argparse.Namespace, folder: Path) -> list[updates.Upload] | int:
    chosen: dict[str, str] = {}
    for pair in args.table:
        name, _, table = pair.partition("=")
        if table not in TABLES_BY_NAME:
            return usage_error(text.t("staff.cli.bad_table", args.lang, value=pair,
                                      tables=", ".join(TABLES_BY_NAME)))
        chosen[name] = table
    try:
        profile = (mapping.find_profile(args.profile, folder) if args.profile else None)
    except mapping.ProfileError as error:
        return usage_error(text.t("imports.cli.bad_profile", args.lang, name=args.profile,
                                  reason=text.t(f"profile_error.{error.code}", args.lang, **error.details)))
    # A profile that reads the order from the file's own dates ("auto") may be told it instead.
    if profile is not None and (args.thousands or (args.date_order and profile.date_order != "auto")):
        return usage_error(text.t("imports.cli.profile_and_options", args.lang))
    if profile is not None and args.date_order:
        profile = dataclasses.replace(profile, date_order=args.date_order)
    profile = profile or mapping.reading_options(args.date_order, args.thousands)
    given = {name: value for name, value in (("commitment", args.commitment), ("member", args.member))
             if value}
    unused = [name for name in given if profile is None or name not in profile.parameters]
    if unused:  # never dropped silently: a value for a profile that takes none
        return usage_error(text.t("participation.cli.unused_option", args.lang, option=f"--{unused[0]}",
                                  profile=profile.name if profile is not None else "—"))
    if profile is not None:
        profile = profile.with_values(**given)
    uploads = []
    for name in args.files:
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError as error:
            return usage_error(text.t("staff.cli.unreadable", args.lang, file=name,
                                      reason=error.strerror or ""))
        uploads.append(updates.Upload(path.name, data, chosen.get(name) or chosen.get(path.name),
                                      args.mode, profile))
    return uploads


def _refused(problems: list[Problem], lang: str, as_json: bool, message: str | None = None) -> int:
    if as_json:
        listed = problems or [Problem("", "refused", details={"reason": message or ""})]
        _print_json(_summary().refused_document(listed, lang))
        return REFUSED
    if message:
        print(message, file=sys.stderr)
    if problems:
        print(text.tn("staff.cli.invalid", problem_count(problems), lang), file=sys.stderr)
        print_problems(problems, lang)
        unknown = [p.file for p in problems if p.code == "unknown_table"]
        if unknown:
            print(text.t("imports.cli.table_hint", lang, file=unknown[0],
                         tables=", ".join(TABLES_BY_NAME)), file=sys.stderr)
        if any(p.code == "missing_column" for p in problems):
            print(text.t("imports.cli.mapping_hint", lang), file=sys.stderr)
    return REFUSED


def _print_preview(preparation: updates.Preparation, lang: str) -> None:
    number = lambda value: text.format_number(value, lang)  # noqa: E731
    for file in _summary().file_summaries(preparation):
        print(text.t("imports.cli.change", lang, target=file.filename, file=file.file,
                     mode=text.t(f"imports.mode.{file.mode}", lang), added=number(file.added),
                     removed=number(file.removed), changed=number(file.changed),
                     skipped=number(file.skipped)))
        if file.ignored_columns:
            print("  " + text.t("imports.cli.ignored", lang, columns=", ".join(file.ignored_columns)))
        if file.warnings:
            print("  " + text.tn("imports.cli.warnings", problem_count(list(file.warnings)), lang))
            for warning in file.warnings:
                print(f"  - {describe_problem(warning, lang)}")
    rows = updates.headline_rows(preparation, lang)
    changed = [row for row in rows.itertuples(index=False) if row.before != row.after]
    if changed:
        print(text.t("imports.cli.figures", lang, date=text.format_date(preparation.as_of, lang)))
    for row in changed:
        print(f"  {row.figure}: {row.before} -> {row.after} ({row.change})")


def _confirmed(lang: str) -> bool:
    try:
        answer = input(text.t("imports.cli.confirm", lang) + " ")
    except EOFError:
        return False
    return answer.strip().lower() in ("o", "oui", "y", "yes")


def _done(preparation: updates.Preparation, lang: str, as_json: bool, published: bool,
          message: str, version: int | None = None) -> int:
    if as_json:
        _print_json(_summary().preview_document(preparation, lang, published, version))
    else:
        print(text.t(message, lang, version=version))
    return 0


def _print_json(document: dict) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


COMMANDS = (
    Command("import", "Check CSV or .xlsx files with the rest of the folder, preview, then publish them.",
            _arguments, import_files),
)
