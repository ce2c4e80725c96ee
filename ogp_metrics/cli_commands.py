"""The command line's commands: each is a help text, its options, and what it runs.

A command adds itself to `COMMANDS`; `__main__` builds the parser from it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date

from ogp_metrics import figures, text
from ogp_metrics.ingest.load import data_folder, load_plan
from ogp_metrics.ingest.problems import DataFolderError, describe_problem

Configure = Callable[[argparse.ArgumentParser, Callable], None]
Run = Callable[[argparse.Namespace], int]
COMMANDS: dict[str, tuple[str, Configure, Run]] = {}


def command(name: str, help_text: str, configure: Configure):
    def register(run: Run) -> Run:
        COMMANDS[name] = (help_text, configure, run)
        return run
    return register


def add_common(parser: argparse.ArgumentParser, parse_date: Callable) -> None:
    parser.add_argument("--lang", choices=text.LANGUAGES, default="fr",
                        help="language of messages (default: fr)")


def _data_argument(parser: argparse.ArgumentParser, _parse_date: Callable) -> None:
    parser.add_argument("data_dir", nargs="?", metavar="DATA_DIR",
                        help="folder of CSV files (default: $OGP_DATA_DIR, else the bundled data/)")


def _summary_arguments(parser: argparse.ArgumentParser, parse_date: Callable) -> None:
    _data_argument(parser, parse_date)
    parser.add_argument("--as-of", type=parse_date, default=None, metavar="YYYY-MM-DD",
                        help="compute every figure as of this date (default: today)")
    parser.add_argument("--json", action="store_true", help="print JSON (the only format for now)")


def report_problems(error: DataFolderError, lang: str) -> int:
    problems = error.report.problems
    print(text.t("cli.invalid", lang, folder=error.report.folder, count=len(problems)),
          file=sys.stderr)
    for problem in problems:
        print(f"- {describe_problem(problem, lang)}", file=sys.stderr)
    return 1


@command("validate", "Check every file of a data folder; list every problem.", _data_argument)
def validate(args: argparse.Namespace) -> int:
    folder = data_folder(args.data_dir)
    try:
        plan = load_plan(folder)
    except DataFolderError as error:
        return report_problems(error, args.lang)
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
    return 0


@command("summary", "Print the headline figures as JSON, as of a date.", _summary_arguments)
def summary(args: argparse.Namespace) -> int:
    try:
        plan = load_plan(data_folder(args.data_dir))
    except DataFolderError as error:
        return report_problems(error, args.lang)
    as_of = args.as_of or date.today()
    json.dump(figures.headline(plan.cursor(), as_of), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def _docs_arguments(parser: argparse.ArgumentParser, _parse_date: Callable) -> None:
    parser.add_argument("--write", action="store_true",
                        help="rewrite the contract in data/README.md (default: print it)")


@command("docs", "Print the data contract as Markdown, or write it into data/README.md.",
         _docs_arguments)
def docs(args: argparse.Namespace) -> int:
    from ogp_metrics.contract import docs as contract_docs

    if args.write:
        readme = contract_docs.README.read_text(encoding="utf-8")
        contract_docs.README.write_text(contract_docs.readme_with_contract(readme), encoding="utf-8")
    else:
        sys.stdout.write(contract_docs.contract_markdown())
    return 0
