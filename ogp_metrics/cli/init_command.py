"""`init`: a new, empty and valid plan folder that `import` can fill.

    python -m ogp_metrics init DIR --name "Plan d'action …" [--start YYYY-MM-DD --end YYYY-MM-DD]
        [--member "Paris, France"]

Exit codes: 0 written, 2 a usage error (a folder that already holds files, a name missing, an end
before the start): nothing is written.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ogp_metrics import text
from ogp_metrics.cli.common import Command, parse_date
from ogp_metrics.cli.staff_commands import usage_error


def _arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR", help="the new plan's folder (absent or empty)")
    parser.add_argument("--name", required=True, help="the plan's name (plan.csv, name_fr and name_en)")
    parser.add_argument("--start", type=parse_date, default=None, metavar="YYYY-MM-DD",
                        help="the plan's first day")
    parser.add_argument("--end", type=parse_date, default=None, metavar="YYYY-MM-DD",
                        help="the plan's last day")
    parser.add_argument("--member", default="", help="the OGP member (e.g. \"Paris, France\")")


def init(args: argparse.Namespace) -> int:
    from ogp_metrics.updates import new_plan  # (pandas: loaded when `init` runs, not for every command)

    folder = Path(args.folder)
    try:
        written = new_plan.new_plan(folder, args.name, args.start, args.end, args.member)
    except new_plan.NewPlanError as error:
        return usage_error(text.t(f"participation.init.{error.code}", args.lang, **error.details))
    print(text.t("participation.init.done", args.lang, folder=folder, count=len(written)))
    return 0


COMMANDS = (
    Command("init", "Write a new, empty and valid plan folder, to fill with `import`.", _arguments, init),
)
