"""Commands that publish: the briefing PDF, the public site, and table exports.

    python -m ogp_metrics report [DATA_DIR] --as-of DATE --lang fr|en --out FILE.pdf
    python -m ogp_metrics publish [DATA_DIR] --out DIR [--as-of DATE]
    python -m ogp_metrics export TABLE [DATA_DIR] --format csv|xlsx [--sep ';'|','] --out FILE [--as-of DATE]
                                 [--codes]

Exit codes: 0 success, 1 the data has problems (listed), 2 a usage error (including an
output that cannot be written).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from ogp_metrics import text
from ogp_metrics.cli.common import Command, data_argument, open_plan, parse_date

USAGE_ERROR = 2


def _data_and_date(parser: argparse.ArgumentParser) -> None:
    data_argument(parser)
    parser.add_argument("--as-of", type=parse_date, default=None, metavar="YYYY-MM-DD",
                        help="compute every figure as of this date (default: today)")


def _usage_error(message: str) -> int:
    print(message, file=sys.stderr)
    return USAGE_ERROR


def _write(path: Path, content: bytes, lang: str) -> bool:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    except OSError as error:
        _usage_error(text.t("publish.cli.cannot_write", lang, path=path, reason=error.strerror or error))
        return False
    return True


# ---------------------------------------------------------------- report

def _report_arguments(parser: argparse.ArgumentParser) -> None:
    _data_and_date(parser)
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")


def report(args: argparse.Namespace) -> int:
    from ogp_metrics.outputs import briefing

    plan = open_plan(args)
    if isinstance(plan, int):
        return plan
    as_of = args.as_of or date.today()
    content = briefing.briefing_pdf(plan, as_of, args.lang)
    out = Path(args.out)
    if not _write(out, content, args.lang):
        return USAGE_ERROR
    print(text.t("publish.cli.report_written", args.lang, path=out, pages=briefing.page_count(content),
                 date=text.format_date(as_of, args.lang)))
    return 0


# ---------------------------------------------------------------- publish

def _publish_arguments(parser: argparse.ArgumentParser) -> None:
    _data_and_date(parser)
    parser.add_argument("--out", required=True, metavar="DIR",
                        help="folder to write the site into (new, empty, or a site written before)")


def publish(args: argparse.Namespace) -> int:
    from ogp_metrics.outputs import site

    plan = open_plan(args)
    if isinstance(plan, int):
        return plan
    as_of = args.as_of or date.today()
    out = Path(args.out)
    try:
        summary = site.publish_site(plan, out, as_of)
    except site.SiteFolderError:
        return _usage_error(text.t("publish.cli.not_a_site", args.lang, path=out))
    except OSError as error:
        return _usage_error(text.t("publish.cli.cannot_write", args.lang, path=out,
                                   reason=error.strerror or error))
    print(text.t("publish.cli.site_written", args.lang, path=summary.folder, pages=summary.pages,
                 files=summary.data_files, date=text.format_date(as_of, args.lang),
                 index=summary.folder / "index.html"))
    return 0


# ---------------------------------------------------------------- export

def _export_arguments(parser: argparse.ArgumentParser) -> None:
    from ogp_metrics.outputs import datasets as export

    parser.add_argument("table", choices=list(export.DATASETS), metavar="TABLE",
                        help="one of: " + ", ".join(export.DATASETS))
    _data_and_date(parser)
    parser.add_argument("--format", choices=export.FORMATS, default=None,
                        help="csv or xlsx (default: from --out's extension, else csv)")
    parser.add_argument("--sep", choices=export.SEPARATORS, default=";",
                        help="CSV separator (default ';', with a decimal comma, for French Excel)")
    parser.add_argument("--out", default=None, metavar="FILE",
                        help="where to write (default: CSV on standard output)")
    parser.add_argument("--codes", action="store_true",
                        help="codes, ISO dates and every digit, for machines (a contract table's CSV "
                             "then loads back as it was); default: titles and labels in --lang, "
                             "numbers rounded as shown, dates 31/12/2026")


def export_table(args: argparse.Namespace) -> int:
    from ogp_metrics.outputs import datasets as export

    file_format = args.format or ("xlsx" if args.out and args.out.lower().endswith(".xlsx") else "csv")
    if file_format == "xlsx" and not args.out:
        return _usage_error(text.t("publish.cli.xlsx_needs_file", args.lang))
    plan = open_plan(args)
    if isinstance(plan, int):
        return plan
    as_of = args.as_of or date.today()
    with plan.cursor() as cursor:
        dataset = export.DATASETS[args.table]
        frame = dataset.build(cursor, as_of)
    content = export.frame_bytes(dataset, frame, file_format, args.sep, args.lang, readable=not args.codes)
    if not args.out:
        sys.stdout.flush()
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return 0
    out = Path(args.out)
    if not _write(out, content, args.lang):
        return USAGE_ERROR
    print(text.tn("publish.cli.export_written", len(frame), args.lang, table=args.table, path=out))
    return 0


COMMANDS = (
    Command("report", "Write the steering committee's briefing (A4 PDF) as of a date.",
            _report_arguments, report),
    Command("publish", "Write the public static site (French and English) as of a date.",
            _publish_arguments, publish),
    Command("export", "Export a table (as loaded, or computed as of a date) as CSV or xlsx.",
            _export_arguments, export_table),
)
