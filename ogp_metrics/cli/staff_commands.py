"""Staff commands: read the `history`, `restore` a version (`import` is `import_command`).

Same checks, atomicity and log as the Update page (see `updates`). Exit codes: 0 done,
1 refused (the problems are listed; nothing changed), 2 a usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ogp_metrics import text
from ogp_metrics.cli.common import Command, lazy_module
from ogp_metrics.ingest.load import data_folder
from ogp_metrics.ingest.problems import describe_problem, problem_count

updates = lazy_module("ogp_metrics.updates")  # (pandas and more: loaded when a staff command runs)


def data_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", metavar="DIR", default=None,
                        help="data folder (default: $OGP_DATA_DIR, else the bundled data/)")


def author_options(parser: argparse.ArgumentParser, required: bool = True) -> None:
    """`--by` and `--reason` (not needed by a dry run, which publishes nothing)."""
    parser.add_argument("--by", required=required, default="", metavar="NAME",
                        help="who publishes (kept in the log)")
    parser.add_argument("--reason", required=required, default="", metavar="TEXT",
                        help=f"why, in a few words (at most {updates.MAX_REASON} characters)")


def _history_arguments(parser: argparse.ArgumentParser) -> None:
    data_option(parser)
    parser.add_argument("--json", action="store_true", help="print the log as a JSON list")
    parser.add_argument("--refused", action="store_true",
                        help="list the publishes refused because a file had changed meanwhile")


def _restore_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("version", type=int, metavar="VERSION", help="a version number from `history`")
    parser.add_argument("--before", action="store_true",
                        help="write back what VERSION replaced instead of what it published")
    data_option(parser)
    author_options(parser)


def usage_error(message: str) -> int:
    print(message, file=sys.stderr)
    return 2


def check_author(args: argparse.Namespace) -> int | None:
    if not " ".join(args.by.split()):
        return usage_error(text.t("staff.cli.no_name", args.lang))
    if len(" ".join(args.by.split())) > updates.MAX_BY:
        return usage_error(text.t("staff.cli.long_name", args.lang, limit=updates.MAX_BY))
    if not " ".join(args.reason.split()):
        return usage_error(text.t("staff.cli.no_reason", args.lang))
    if len(" ".join(args.reason.split())) > updates.MAX_REASON:
        return usage_error(text.t("staff.cli.long_reason", args.lang, limit=updates.MAX_REASON))
    return None


def _refused(error: updates.PublishRefused, lang: str) -> int:
    print(error.message(lang), file=sys.stderr)
    for problem in error.problems:
        print(f"- {describe_problem(problem, lang)}", file=sys.stderr)
    return 1


def _print_preview(preparation: updates.Preparation, lang: str) -> None:
    for change in preparation.changes:
        print(text.t("staff.cli.change", lang, file=change.filename, added=len(change.added),
                     removed=len(change.removed), changed=change.changed_rows))
    figures = updates.headline_rows(preparation, lang)
    for row in figures.itertuples(index=False):
        if row.before != row.after:
            print(f"  {row.figure}: {row.before} -> {row.after} ({row.change})")


def _publish(preparation: updates.Preparation, args: argparse.Namespace) -> int:
    if not preparation.ok:
        print(text.tn("staff.cli.invalid", problem_count(preparation.problems), args.lang),
              file=sys.stderr)
        for problem in preparation.problems:
            print(f"- {describe_problem(problem, args.lang)}", file=sys.stderr)
        return 1
    _print_preview(preparation, args.lang)
    try:
        version = updates.publish(preparation, args.by, args.reason)
    except updates.PublishRefused as error:
        return _refused(error, args.lang)
    if version is None:
        print(text.t("staff.cli.nothing", args.lang))
    else:
        print(text.t("staff.cli.published", args.lang, version=version))
    return 0


def show_history(args: argparse.Namespace) -> int:
    folder = data_folder(args.data)
    entries = updates.refusals(folder) if args.refused else updates.history(folder)
    if args.json:
        json.dump(entries, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif args.refused:
        for entry in entries:
            print(f"{entry.get('time')}  {entry.get('by')}  {', '.join(entry.get('files', []))}  "
                  f"({text.t('staff.cli.changed_meanwhile', args.lang)}: "
                  f"{', '.join(entry.get('changed_since_checked', []))})  {entry.get('reason')}")
    else:
        if not entries:
            print(text.t("staff.cli.no_history", args.lang, folder=folder))
        for entry in entries:
            print(f"{entry['version']:>4}  {entry['time']}  {entry['action']:<7}  {entry['file']:<20}  "
                  f"{entry['rows']:>6}  {entry['by']}  {entry['reason']}")
    _warn_damaged(folder, args.lang)
    interrupted = updates.pending(folder)
    if interrupted is not None:
        print(text.t("staff.cli.pending", args.lang, version=interrupted.get("version")),
              file=sys.stderr)
    return 0


def _warn_damaged(folder: Path, lang: str) -> None:
    """Say which lines of the history were skipped, and how to repair them (on stderr)."""
    damaged = updates.log_problems(folder)
    if damaged:
        print(text.tn("history.damaged", len(damaged), lang,
                      lines=updates.describe_log_problems(damaged)), file=sys.stderr)


def repair_history(args: argparse.Namespace) -> int:
    folder = data_folder(args.data)
    try:
        repairs = updates.repair_history(folder)
    except updates.PublishRefused as error:
        return _refused(error, args.lang)
    if not repairs:
        print(text.t("repair.nothing", args.lang, folder=folder))
    for repair in repairs:
        print(text.t("repair.done", args.lang, log=repair.log, count=len(repair.set_aside),
                     lines=updates.describe_log_problems(repair.set_aside), kept=repair.kept,
                     copy=repair.bad_lines, original=repair.original))
    return 0


def restore_version(args: argparse.Namespace) -> int:
    problem = check_author(args)
    if problem is not None:
        return problem
    folder = data_folder(args.data)
    try:
        updates.recover(folder)
        preparation = updates.prepare_restore(folder, args.version, before=args.before)
    except updates.PublishRefused as error:
        return _refused(error, args.lang)
    return _publish(preparation, args)


COMMANDS = (
    Command("history", "List every publish and restore of a data folder.",
            _history_arguments, show_history),
    Command("restore", "Write back the files of a version from the history (logged as a restore).",
            _restore_arguments, restore_version),
    Command("repair-history", "Set aside the unreadable lines of the history's logs (a copy is kept), "
            "so that publishing can resume.", data_option, repair_history),
)
