"""The command line: `python -m ogp_metrics COMMAND ...`; every command is listed here.

Exit codes: 0 success, 1 the data has problems (listed), 2 a usage error.
"""

from __future__ import annotations

import argparse
import sys

from ogp_metrics import text
from ogp_metrics.cli import (
    data_commands,
    generate_command,
    import_command,
    init_command,
    output_commands,
    profile_command,
    staff_commands,
)
from ogp_metrics.cli.common import Command, add_common
from ogp_metrics.cli.safe_output import escaped_output

COMMANDS: tuple[Command, ...] = (
    *data_commands.COMMANDS,
    *output_commands.COMMANDS,
    *import_command.COMMANDS,
    *staff_commands.COMMANDS,
    *profile_command.COMMANDS,
    *generate_command.COMMANDS,
    *init_command.COMMANDS,
)


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The parser; with `chosen`, only that command's options are added (the others' options
    may need heavy imports, which a command answered from the cache does without)."""
    parser = argparse.ArgumentParser(
        prog="python -m ogp_metrics",
        description="Progress figures of an OGP action plan, from its folder of CSV files.",
    )
    subcommands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        sub = subcommands.add_parser(command.name, help=command.help, description=command.help)
        add_common(sub)
        if chosen in (None, command.name):
            command.configure(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    with escaped_output():  # nothing printed from data, --by or --reason can drive the terminal
        return _main(argv)


def _main(argv: list[str] | None) -> int:
    words = sys.argv[1:] if argv is None else argv
    names = {command.name for command in COMMANDS}
    parser = build_parser(next((word for word in words if word in names), None))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    args.lang = text.language(getattr(args, "lang", None))
    run = next(command.run for command in COMMANDS if command.name == args.command)
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
