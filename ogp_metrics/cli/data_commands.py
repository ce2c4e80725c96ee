"""Commands that read a data folder: `validate`, `summary`, `docs`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, datetime

from ogp_metrics import text
from ogp_metrics.cli.common import (
    Command,
    data_argument,
    open_plan,
    parse_date,
    print_problems,
    report_problems,
)
from ogp_metrics.ingest.cache import keep_result, kept_result
from ogp_metrics.ingest.load import FolderReport, data_folder
from ogp_metrics.ingest.plausibility import find_warnings
from ogp_metrics.ingest.problems import DataFolderError, problem_count


def _summary_arguments(parser: argparse.ArgumentParser) -> None:
    data_argument(parser)
    parser.add_argument("--as-of", type=parse_date, default=None, metavar="YYYY-MM-DD",
                        help="compute every figure as of this date (default: today)")
    parser.add_argument("--json", action="store_true", help="print JSON (the only format for now)")


def _validate_arguments(parser: argparse.ArgumentParser) -> None:
    data_argument(parser)
    parser.add_argument("--strict", action="store_true",
                        help="refuse the folder for warnings too (dates outside the plan, counts far "
                             "above the rest of their column, ...)")
    parser.add_argument("--verbose", action="store_true",
                        help="say whether the answer comes from the cache or from reading every file")


def validate(args: argparse.Namespace) -> int:
    folder = data_folder(args.data_dir)
    started = time.perf_counter()
    plan = open_plan(args)
    if isinstance(plan, int):
        return plan
    warnings = find_warnings(plan.cursor())
    if args.strict and warnings:
        return report_problems(DataFolderError(FolderReport(folder, plan.report.files, warnings)), args.lang)
    print(text.t("cli.valid", args.lang, folder=folder))
    if args.verbose:
        if plan.cache_file is not None and plan.from_cache:
            checked = datetime.fromtimestamp(plan.cache_file.stat().st_mtime)
            print(text.t("cli.from_cache", args.lang, path=plan.cache_file,
                         date=f"{text.format_date(checked, args.lang, 'long')} {checked:%H:%M}"))
        else:
            print(text.t("cli.read_in_full", args.lang, seconds=text.format_number(
                time.perf_counter() - started, args.lang, 1)))
    for file in plan.report.files:
        if file.present:
            line = text.tn("cli.file_rows", file.rows, args.lang, file=file.filename)
            if file.extra_columns:
                line += " " + text.t("cli.extra_columns", args.lang,
                                     columns=", ".join(file.extra_columns))
            print(f"  {line}")
        else:
            print(f"  {text.t('cli.file_absent', args.lang, file=file.filename)}")
    if warnings:
        print(text.tn("imports.cli.folder_warnings", problem_count(warnings), args.lang))
        print_problems(warnings, args.lang, sys.stdout)
    return 0


def summary(args: argparse.Namespace) -> int:
    as_of = args.as_of or date.today()
    # The same files, the same code and the same date give the same figures: an unchanged
    # folder polled again is answered from the cache without loading anything.
    kept = None if args.no_cache else kept_result(args.data_dir, "summary", as_of.isoformat(), "figures")
    if kept is not None:
        sys.stdout.write(kept.decode("utf-8"))
        return 0
    plan = open_plan(args)
    if isinstance(plan, int):
        return plan
    from ogp_metrics import figures  # (pandas: only when the figures are computed)

    output = json.dumps(figures.headline(plan.cursor(), as_of), ensure_ascii=False, indent=2) + "\n"
    keep_result(args.data_dir, "summary", as_of.isoformat(), "figures", output.encode("utf-8"))
    sys.stdout.write(output)
    return 0


def _docs_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--write", action="store_true",
                        help="rewrite the contract in data/README.md (default: print it)")


def docs(args: argparse.Namespace) -> int:
    from ogp_metrics.contract import docs as contract_docs  # (pandas: only for this command)

    if args.write:
        readme = contract_docs.README.read_text(encoding="utf-8")
        contract_docs.README.write_text(contract_docs.readme_with_contract(readme), encoding="utf-8")
    else:
        sys.stdout.write(contract_docs.contract_markdown())
    return 0


COMMANDS = (
    Command("validate", "Check every file of a data folder; list every problem, then the warnings.",
            _validate_arguments, validate),
    Command("summary", "Print the headline figures as JSON, as of a date.",
            _summary_arguments, summary),
    Command("docs", "Print the data contract as Markdown, or write it into data/README.md.",
            _docs_arguments, docs),
)
