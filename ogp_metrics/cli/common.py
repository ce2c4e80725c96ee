"""What every command shares: how a command is declared, the shared options, problem listing."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ogp_metrics import text
from ogp_metrics.ingest.problems import (
    DataFolderError,
    Problem,
    describe_problem,
    problem_count,
)

Configure = Callable[[argparse.ArgumentParser], None]
Run = Callable[[argparse.Namespace], int]


@dataclass(frozen=True)
class Command:
    """One subcommand: its name, its help, what adds its options, and what it runs."""

    name: str
    help: str
    configure: Configure
    run: Run


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=text.LANGUAGES, default="fr",
                        help="language of messages (default: fr)")


def data_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("data_dir", nargs="?", metavar="DATA_DIR",
                        help="folder of CSV files (default: $OGP_DATA_DIR, else the bundled data/)")


def report_problems(error: DataFolderError, lang: str) -> int:
    problems = error.report.problems
    print(text.t("cli.invalid", lang, folder=error.report.folder, count=problem_count(problems)),
          file=sys.stderr)
    print_problems(problems, lang)
    return 1


def print_problems(problems: list[Problem], lang: str, file=None) -> None:
    for problem in problems:
        print(f"- {describe_problem(problem, lang)}", file=file or sys.stderr)
