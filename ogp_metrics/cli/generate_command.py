"""`generate`: write a synthetic, valid data folder of any size (for benchmarks and tests)."""

from __future__ import annotations

import argparse
import time

from ogp_metrics.cli.common import Command


def _generate_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out_dir", metavar="OUT_DIR", help="folder to write (created if needed)")
    parser.add_argument("--participation-rows", type=int, required=True, metavar="N",
                        help="number of participation records (meetings, milestones and "
                             "progress updates grow with it)")
    parser.add_argument("--seed", type=int, default=1, help="same seed, same files (default: 1)")
    parser.add_argument("--variant", choices=("plain", "french-excel", "staff"), default="plain",
                        help="plain: UTF-8, ',', ISO dates; french-excel: Windows-1252, ';', "
                             "DD/MM/YYYY, decimal comma, oui/non, CRLF; staff: plain with a "
                             "byte-order mark and postcodes for arrondissements (default: plain)")


def generate(args: argparse.Namespace) -> int:
    from ogp_metrics.outputs import synthetic_plan as generator

    if args.participation_rows < 0:
        print("--participation-rows must be 0 or more")
        return 2
    started = time.perf_counter()
    sizes = generator.generate(args.out_dir, args.participation_rows, args.seed, args.variant)
    print(f"{args.out_dir}: {sizes.participation} participation rows, {sizes.meetings} meetings, "
          f"{sizes.milestones} milestones, {sizes.progress_updates} progress updates "
          f"({args.variant}, seed {args.seed}) in {time.perf_counter() - started:.1f} s")
    return 0


COMMANDS = (
    Command("generate", "Write a synthetic, valid plan of N participation rows into a folder.",
            _generate_arguments, generate),
)
