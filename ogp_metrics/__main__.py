"""Command line: `python -m ogp_metrics validate|summary ...`.

Exit codes: 0 success, 1 the data has problems (listed), 2 a usage error.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from datetime import date

from ogp_metrics import text
from ogp_metrics.cli_commands import COMMANDS, add_common


def _load_commands() -> None:
    """Each `cli_*` module registers its commands in `COMMANDS` when imported."""
    package = __package__ or "ogp_metrics"
    for module in pkgutil.iter_modules(importlib.import_module(package).__path__):
        if module.name.startswith("cli_"):
            importlib.import_module(f"{package}.{module.name}")


def _parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def build_parser() -> argparse.ArgumentParser:
    _load_commands()
    parser = argparse.ArgumentParser(
        prog="python -m ogp_metrics",
        description="Progress figures of an OGP action plan, from its folder of CSV files.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help_text, configure, _run) in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        add_common(sub, _parse_date)
        configure(sub, _parse_date)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    args.lang = text.language(getattr(args, "lang", None))
    _help, _configure, run = COMMANDS[args.command]
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
