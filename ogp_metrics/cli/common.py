"""What every command shares: how a command is declared, the shared options, problem listing."""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ogp_metrics import text
from ogp_metrics.ingest.cache import load_plan_cached
from ogp_metrics.ingest.load import Plan, data_folder
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


def lazy_module(name: str):
    """The module `name`, executed on its first use: the parser of one command does not pay
    for another command's imports."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


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
    parser.add_argument("--no-cache", action="store_true",
                        help="read and check every file again, even if unchanged since the last "
                             "check (default: an unchanged folder is read from the cache, "
                             "$OGP_CACHE_DIR or ~/.cache/ogp-metrics)")


def open_plan(args: argparse.Namespace) -> Plan | int:
    """The folder's plan, through the content-keyed cache; or 1 once its problems are listed."""
    try:
        return load_plan_cached(data_folder(args.data_dir), use_cache=not args.no_cache)
    except DataFolderError as error:
        return report_problems(error, args.lang)


def report_problems(error: DataFolderError, lang: str) -> int:
    problems = error.report.problems
    print(text.tn("cli.invalid", problem_count(problems), lang, folder=error.report.folder),
          file=sys.stderr)
    print_problems(problems, lang)
    return 1


def print_problems(problems: list[Problem], lang: str, file=None) -> None:
    for problem in problems:
        print(f"- {describe_problem(problem, lang)}", file=file or sys.stderr)
