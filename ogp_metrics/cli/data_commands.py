"""Commands that read a data folder: `validate`, `summary`, `docs`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date

from ogp_metrics import figures, text
from ogp_metrics.cli.common import Command, data_argument, parse_date, print_problems, report_problems
from ogp_metrics.contract import docs as contract_docs
from ogp_metrics.ingest.load import FolderReport, data_folder, load_plan
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


def validate(args: argparse.Namespace) -> int:
    folder = data_folder(args.data_dir)
    try:
        plan = load_plan(folder)
    except DataFolderError as error:
        return report_problems(error, args.lang)
    warnings = find_warnings(plan.cursor())
    if args.strict and warnings:
        return report_problems(DataFolderError(FolderReport(folder, plan.report.files, warnings)), args.lang)
    print(text.t("cli.valid", args.lang, folder=folder))
    for file in plan.report.files:
        if file.present:
            line = text.t("cli.file_rows", args.lang, file=file.filename,
                          rows=text.format_number(file.rows, args.lang))
            if file.extra_columns:
                line += " " + text.t("cli.extra_columns", args.lang,
                                     columns=", ".join(file.extra_columns))
            print(f"  {line}")
        else:
            print(f"  {text.t('cli.file_absent', args.lang, file=file.filename)}")
    if warnings:
        print(text.t("imports.cli.folder_warnings", args.lang, count=problem_count(warnings)))
        print_problems(warnings, args.lang, sys.stdout)
    return 0


def summary(args: argparse.Namespace) -> int:
    try:
        plan = load_plan(data_folder(args.data_dir))
    except DataFolderError as error:
        return report_problems(error, args.lang)
    as_of = args.as_of or date.today()
    json.dump(figures.headline(plan.cursor(), as_of), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _docs_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--write", action="store_true",
                        help="rewrite the contract in data/README.md (default: print it)")


def docs(args: argparse.Namespace) -> int:
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
