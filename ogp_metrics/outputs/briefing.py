"""The steering committee's briefing: an A4 PDF of where the plan stands on a date.

`briefing_pdf(plan, as_of, lang)` returns the PDF's bytes. It holds the plan and the date;
the headline figures with their change since the last steering committee; the overdue
milestones; the targets; the meetings and participation charts (drawn offline by vl-convert);
then one section per commitment: its completion by the City and by the independent body, its
progress and its milestones, overdue ones first, with status and owner. Every page's footer
gives the data version (the hash of the files' content) and the date of the newest update.

Every figure comes from `queries` (through `headline` and `tables`); nothing is recomputed here.
The text is set in DejaVu Sans, embedded, so that accents, `œ`, `’`, `« »` and the narrow
no-break spaces of French numbers print on any machine.
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import pandas as pd
from fpdf import FPDF
from fpdf.enums import MethodReturnValue, TableBordersLayout, TableCellFillMode, XPos, YPos
from fpdf.fonts import FontFace

from ogp_metrics import figures, text
from ogp_metrics.ingest.load import Plan
from ogp_metrics.views import headline
from ogp_metrics.views import labels as tables
from ogp_metrics.views import print_figures as briefing_charts
from ogp_metrics.views.labels import as_date
from ogp_metrics.views.plan_facts import codes, is_bundled, overdue_first, plan_name

FONTS = Path(__file__).resolve().parents[1] / "fonts"
FAMILY = "DejaVu"
INK = (31, 41, 51)
MUTED = (82, 96, 109)
ACCENT = (16, 62, 110)  # headings: a sober dark blue
RULE = (200, 206, 212)
HEADING_FILL = (232, 236, 241)
ZEBRA = (246, 248, 250)
STATUS_INK = {"overdue": (166, 61, 0), "complete": (0, 107, 79), "in_progress": (0, 84, 147),
              "not_started": MUTED}
CONTENT_WIDTH = 174  # A4 (210 mm) less 18 mm margins
LABEL_WIDTH = 56
CHART_PIXELS = 660  # drawn at twice this and printed CONTENT_WIDTH wide: text at about 10 pt
CHART_HEIGHT = 220


def _typographic_minus(value: str | None) -> str:
    """`-3` as `−3` (a real minus sign) for print; None as a dash."""
    if value is None:
        return "—"
    return "\u2212" + value[1:] if value.startswith("-") else value


def french_spacing(value: str) -> str:
    """No-break spaces inside « » and before : ; ? ! so that no line starts with one (data text too)."""
    return re.sub(r" ([:;?!»])", "\u00a0\\1", value.replace("« ", "«\u00a0"))


class _Document(FPDF):
    def __init__(self, lang: str, footer_text: str) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.text_lang = lang  # not `lang`: FPDF keeps the document's language there
        self.footer_text = footer_text
        self.add_font(FAMILY, "", str(FONTS / "DejaVuSans.ttf"))
        self.add_font(FAMILY, "B", str(FONTS / "DejaVuSans-Bold.ttf"))
        self.set_margins(18, 16, 18)
        self.set_auto_page_break(True, margin=22)
        self.set_lang("fr-FR" if lang == "fr" else "en-GB")
        self.set_creator("ogp-metrics")
        self.set_font(FAMILY, "", 10)
        self.set_text_color(*INK)

    def typeset(self, value: str) -> str:
        return french_spacing(value) if self.text_lang == "fr" else value

    # -------------------------------------------------------------- page furniture

    def footer(self) -> None:
        self.set_y(-16)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
        self.ln(1.5)
        self.set_font(FAMILY, "", 7.5)
        self.set_text_color(*MUTED)
        page = text.t("briefing.page", self.text_lang, page=self.page_no(), pages="{nb}")
        self.cell(CONTENT_WIDTH - 26, 4, self.footer_text, align="L")
        self.cell(26, 4, page, align="R")
        self.set_text_color(*INK)

    # -------------------------------------------------------------- building blocks

    def heading(self, title: str, level: int = 1, keep_with: float = 40) -> None:
        """A heading, moved to the next page unless `keep_with` mm of what follows fit under it."""
        size, space = (15, 6) if level == 1 else (12, 4)
        if self.will_page_break(space + keep_with):
            self.add_page()
        elif self.get_y() > self.t_margin + 1:
            self.ln(space)
        self.start_section(title, level=level - 1)
        self.set_font(FAMILY, "B", size)
        self.set_text_color(*ACCENT)
        self.multi_cell(CONTENT_WIDTH, size * 0.5, self.typeset(title), align="L", new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
        if level == 1:
            self.set_draw_color(*ACCENT)
            self.set_line_width(0.5)
            self.line(self.l_margin, self.get_y() + 1, self.l_margin + 30, self.get_y() + 1)
            self.ln(3)
        else:
            self.ln(1)
        self.set_text_color(*INK)
        self.set_font(FAMILY, "", 10)

    def paragraph(self, value: str, size: float = 10, bold: bool = False,
                  colour: tuple[int, int, int] = INK, after: float = 1.5) -> None:
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_text_color(*colour)
        self.multi_cell(CONTENT_WIDTH, size * 0.5, self.typeset(value), align="L", new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
        self.ln(after)
        self.set_text_color(*INK)
        self.set_font(FAMILY, "", 10)

    def text_height(self, value: str, width: float, size: float, line_height: float,
                    bold: bool = False) -> float:
        """How tall `value` would be, wrapped to `width` (nothing is drawn)."""
        self.set_font(FAMILY, "B" if bold else "", size)
        height = self.multi_cell(width, line_height, self.typeset(value), align="L", dry_run=True,
                                 output=MethodReturnValue.HEIGHT)
        self.set_font(FAMILY, "", 10)
        return float(height)

    def label_value(self, label: str, value: str, label_width: float = LABEL_WIDTH) -> None:
        """A line "label   value", the value wrapping under itself."""
        self.set_font(FAMILY, "B", 9.5)
        self.set_text_color(*MUTED)
        top = self.get_y()
        self.multi_cell(label_width, 5, self.typeset(label), align="L", new_x=XPos.RIGHT, new_y=YPos.TOP)
        self.set_font(FAMILY, "", 9.5)
        self.set_text_color(*INK)
        self.multi_cell(CONTENT_WIDTH - label_width, 5, self.typeset(value), align="L", new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT)
        self.set_y(max(self.get_y(), top + 5))

    def bar(self, fraction: float, caption: str, width: float = 80, indent: float = 0) -> None:
        """A progress bar with its value in words beside it (the bar alone says nothing)."""
        fraction = max(0.0, min(1.0, fraction))
        left = self.l_margin + indent
        y = self.get_y() + 1
        self.set_fill_color(*HEADING_FILL)
        self.rect(left, y, width, 3.2, style="F")
        if fraction > 0:
            self.set_fill_color(*ACCENT)
            self.rect(left, y, width * fraction, 3.2, style="F")
        self.set_xy(left + width + 3, y - 0.9)
        self.set_font(FAMILY, "", 9.5)
        self.multi_cell(CONTENT_WIDTH - indent - width - 3, 5, self.typeset(caption), align="L",
                        new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)

    def data_table(self, header: list[str], rows: list[list[str]], widths: tuple[float, ...],
                   align: tuple[str, ...] | None = None,
                   styles: list[list[FontFace | None]] | None = None, size: float = 8.5) -> None:
        self.set_font(FAMILY, "", size)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        # A cell's own style has no fill colour: it takes the current one, so set the stripes'.
        self.set_fill_color(*ZEBRA)
        with self.table(col_widths=widths, width=CONTENT_WIDTH, align="LEFT",
                        text_align=align or "LEFT", line_height=size * 0.48,
                        borders_layout=TableBordersLayout.HORIZONTAL_LINES,
                        cell_fill_color=ZEBRA, cell_fill_mode=TableCellFillMode.ROWS,
                        headings_style=FontFace(family=FAMILY, emphasis="BOLD", color=INK,
                                                fill_color=HEADING_FILL),
                        padding=(1.2, 1.5, 1.2, 1.5), repeat_headings=1) as table:
            heading = table.row()
            for value in header:
                heading.cell(self.typeset(value))
            for index, values in enumerate(rows):
                row = table.row()
                for column, value in enumerate(values):
                    style = styles[index][column] if styles else None
                    row.cell(self.typeset(value), style=style)
        self.ln(3)
        self.set_font(FAMILY, "", 10)

    def chart(self, png_bytes: bytes, width: float = CONTENT_WIDTH) -> None:
        from PIL import Image

        with Image.open(io.BytesIO(png_bytes)) as image:
            pixels_wide, pixels_high = image.size
        height = width * pixels_high / pixels_wide
        if self.will_page_break(height + 2):
            self.add_page()
        self.image(io.BytesIO(png_bytes), x=self.l_margin, w=width, h=height)
        self.set_y(self.get_y() + 1)


# ---------------------------------------------------------------- sections

def _cover(document: _Document, cursor: figures.Cursor, plan: Plan, as_of: date, lang: str) -> None:
    info = figures.plan(cursor)
    name = plan_name(info, lang)
    document.paragraph(text.t("briefing.kicker", lang).upper(), size=9, bold=True, colour=ACCENT, after=1)
    document.paragraph(name, size=19, bold=True, after=2)
    document.paragraph(text.t("overview.as_of", lang, date=text.format_date(as_of, lang, "long")),
                       size=12.5, bold=True, after=1)
    document.paragraph(headline.time_left(info["start_date"], info["end_date"], as_of, lang),
                       size=10, colour=MUTED, after=1)
    if info.get("submitted_date"):
        document.paragraph(text.t("briefing.submitted", lang,
                                  date=text.format_date(info["submitted_date"], lang)),
                           size=9, colour=MUTED, after=1)
    if is_bundled(plan):
        document.paragraph(text.t("app.illustrative", lang), size=8.5, colour=MUTED, after=1)


def _headline(document: _Document, cursor: figures.Cursor, as_of: date, lang: str) -> dict:
    now = figures.headline(cursor, as_of)
    baseline, before = figures.changes_since_last_steering_committee(cursor, as_of)
    document.heading(text.t("briefing.headline", lang))
    if baseline is None:
        document.paragraph(text.t("overview.no_baseline", lang), size=9, colour=MUTED)
    else:
        document.paragraph(text.t("briefing.baseline", lang, date=text.format_date(baseline, lang)),
                           size=9, colour=MUTED)
    rows, styles = [], []
    for metric in headline.metrics(now, before):
        change = _typographic_minus(headline.format_delta(metric, lang))
        rows.append([text.t(metric.key, lang), headline.format_value(metric, lang), change])
        good = metric.delta is not None and metric.delta != 0 and (
            (metric.delta > 0) == metric.higher_is_better)
        bad = metric.delta is not None and metric.delta != 0 and not good
        ink = STATUS_INK["complete"] if good else STATUS_INK["overdue"] if bad else INK
        styles.append([None, FontFace(emphasis="BOLD"), FontFace(color=ink)])
    change_header = (text.t("briefing.col.change", lang, date=text.format_date(baseline, lang))
                     if baseline else text.t("briefing.col.change_none", lang))
    document.data_table([text.t("briefing.col.figure", lang),
                         text.t("briefing.col.value", lang, date=text.format_date(as_of, lang)),
                         change_header], rows, (86, 44, 44), ("LEFT", "RIGHT", "RIGHT"), styles, size=9.5)
    return now


def _targets(document: _Document, cursor: figures.Cursor, as_of: date, lang: str) -> None:
    document.heading(text.t("overview.targets", lang))
    lines = tables.target_lines(figures.targets(cursor, as_of), as_of, lang)
    if not lines:
        document.paragraph(text.t("overview.no_targets", lang), size=9.5, colour=MUTED)
    for line in lines:
        if document.will_page_break(14):
            document.add_page()
        document.paragraph(line.title, size=9.5, bold=True, after=0)
        document.bar(line.fraction, line.line, width=60)


def _overdue(document: _Document, cursor: figures.Cursor, as_of: date, lang: str) -> None:
    document.heading(text.t("overview.overdue", lang))
    overdue = tables.overdue_milestones(figures.milestones(cursor, as_of), figures.institutions(cursor), lang)
    if overdue.empty:
        document.paragraph(text.t("overview.no_overdue", lang), size=9.5, colour=MUTED)
        return
    rows = [[str(value) for value in record] for record in overdue.itertuples(index=False)]
    document.data_table(list(overdue.columns), rows, (50, 25, 38, 20, 16, 25),
                        ("LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT"))


def _activity(document: _Document, cursor: figures.Cursor, as_of: date, lang: str, figures: dict) -> None:
    document.heading(text.t("overview.activity", lang), keep_with=110)
    meetings = figures["meetings"]
    document.heading(text.t("briefing.meetings", lang), level=2, keep_with=100)
    figure = briefing_charts.meetings_figure(cursor, as_of, lang, height=CHART_HEIGHT)
    if figure.chart is None:
        document.paragraph(text.t("briefing.no_meetings", lang), size=9.5, colour=MUTED)
    else:
        document.paragraph(text.t("briefing.meetings_summary", lang,
                                  held=text.format_number(meetings["held"], lang),
                                  public=text.format_number(meetings["public_held"], lang),
                                  planned=text.format_number(meetings["planned"], lang),
                                  attendees=text.format_number(meetings["attendees"], lang),
                                  date=text.format_date(as_of, lang)), size=9.5)
        document.chart(briefing_charts.png(figure.chart, lang, width=CHART_PIXELS))
        document.paragraph(figure.note, size=8, colour=MUTED)
    participation = figures["participation"]
    document.heading(text.t("briefing.participation", lang), level=2, keep_with=100)
    figure = briefing_charts.participation_figure(cursor, as_of, lang, height=CHART_HEIGHT)
    if figure.chart is None:
        document.paragraph(text.t("briefing.no_participation", lang), size=9.5, colour=MUTED)
    else:
        document.paragraph(text.t("briefing.participation_summary", lang,
                                  participants=text.format_number(participation["participants"], lang),
                                  contributions=text.format_number(participation["contributions"], lang),
                                  date=text.format_date(as_of, lang)), size=9.5)
        document.chart(briefing_charts.png(figure.chart, lang, width=CHART_PIXELS))


def _quoted(value: str, lang: str) -> str:
    return text.t("briefing.quoted", lang, value=value)


def _assessment(label: str, completion: str, assessed: object, lang: str) -> str:
    """`Ville de Paris : « Substantiel » (évaluation du 30 juin 2025)`."""
    words = _quoted(text.value_label("completion", completion, lang), lang)
    colon = "\u00a0: " if lang == "fr" else ": "
    when = as_date(assessed)
    if when is None:
        return f"{label}{colon}{words}"
    on = text.t("briefing.assessed_on", lang, date=text.format_date(when, lang))
    return f"{label}{colon}{words} ({on})"


def _milestone_rows(milestones: pd.DataFrame, names: dict[str, str],
                    lang: str) -> tuple[list[list[str]], list[list[FontFace | None]]]:
    records = overdue_first(milestones)
    rows, styles = [], []
    for record in records:
        status = text.value_label("milestone_status", record["status"], lang)
        if record["status"] == "overdue" and pd.notna(record["days_late"]):
            status = f"{status}\n" + text.t("briefing.days_late", lang,
                                             days=text.format_number(record["days_late"], lang))
        owner = record["owner"]
        rows.append([
            status,
            tables.localised_title(record, lang),
            names.get(owner, owner) if isinstance(owner, str) else text.t("briefing.no_owner", lang),
            text.format_date(as_date(record["due_date"]), lang),
            text.format_percent(record["progress_pct"], lang),
        ])
        ink = STATUS_INK.get(record["status"], INK)
        styles.append([FontFace(emphasis="BOLD", color=ink), None, None, None, None])
    return rows, styles


def _commitments(document: _Document, cursor: figures.Cursor, as_of: date, lang: str) -> None:
    commitments = figures.commitments(cursor, as_of)
    milestones = figures.milestones(cursor, as_of)
    names = tables.institution_names(figures.institutions(cursor), lang)
    document.add_page()
    document.heading(text.t("overview.commitments", lang))
    if commitments.empty:
        document.paragraph(text.t("overview.empty", lang), size=9.5, colour=MUTED)
        return
    for record in commitments.to_dict("records"):
        title = f"{record['commitment_id']} · {tables.localised_title(record, lang)}"
        description = tables.localised_title(record, lang, prefix="description")
        lead = record["lead_institution"]
        values = [text.value_label("ogp_values", code, lang) for code in codes(record["ogp_values"])]
        details = [
            (text.t("briefing.lead", lang), names.get(lead, lead)),
            (text.t("briefing.values", lang), ", ".join(values)),
            (text.t("briefing.period", lang), text.t(
                "headline.span", lang,
                start=text.format_date(as_date(record["start_date"]), lang),
                end=text.format_date(as_date(record["end_date"]), lang))),
            (text.t("briefing.completion", lang), "\n".join([
                _assessment(text.t("assessor.self", lang), record["self_completion"],
                            record["self_assessment_date"], lang),
                _assessment(text.t("assessor.independent", lang), record["independent_completion"],
                            record["independent_assessment_date"], lang)])),
            (text.t("briefing.milestones", lang), text.t(
                "briefing.milestones_count", lang,
                complete=text.format_number(record["milestones_complete"], lang),
                total=text.format_number(record["milestones"], lang),
                overdue=text.format_number(record["milestones_overdue"], lang))),
        ]
        details = [(label, value) for label, value in details if value]
        # The commitment's heading, description, details and progress stay on one page, with
        # at least the first rows of its milestones under them.
        block = (10 + document.text_height(title, CONTENT_WIDTH, 12, 6, bold=True)
                 + (document.text_height(description, CONTENT_WIDTH, 9, 4.5) + 1.5 if description else 0)
                 + sum(max(document.text_height(label, LABEL_WIDTH, 9.5, 5, bold=True),
                           document.text_height(value, CONTENT_WIDTH - LABEL_WIDTH, 9.5, 5))
                       for label, value in details)
                 + 9)
        document.heading(title, level=2, keep_with=block + 25)
        if description:
            document.paragraph(description, size=9, colour=MUTED)
        for label, value in details:
            document.label_value(label, value)
        document.ln(1)
        progress = float(record["weighted_progress_pct"])
        document.set_font(FAMILY, "B", 9.5)
        document.set_text_color(*MUTED)
        top = document.get_y()
        document.cell(LABEL_WIDTH, 5, text.t("briefing.progress", lang))
        document.set_text_color(*INK)
        document.set_y(top)
        document.bar(progress / 100, text.format_percent(progress, lang, decimals=1), width=60,
                     indent=LABEL_WIDTH)
        mine = milestones[milestones["commitment_id"] == record["commitment_id"]]
        if mine.empty:
            document.paragraph(text.t("briefing.no_milestones", lang), size=9, colour=MUTED)
            continue
        rows, styles = _milestone_rows(mine, names, lang)
        document.data_table([text.t("col.status", lang), text.t("col.milestone", lang),
                             text.t("col.owner", lang), text.t("col.due_date", lang),
                             text.t("col.progress", lang)], rows, (28, 58, 44, 20, 24),
                            ("LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT"), styles)


# ---------------------------------------------------------------- the document

def footer_text(plan: Plan, as_of: date, lang: str) -> str:
    """`Données : version 3fa2… · dernière mise à jour le 30 juin 2025 · situation au …`."""
    with plan.cursor() as cursor:
        last = figures.last_update(cursor, as_of)
    return text.t("briefing.footer", lang, version=plan.version,
                  updated=text.format_date(last, lang), date=text.format_date(as_of, lang))


def briefing_pdf(plan: Plan, as_of: date, lang: str = text.DEFAULT_LANGUAGE) -> bytes:
    """The briefing for `as_of`, in French or English, as PDF bytes."""
    lang = text.language(lang)
    document = _Document(lang, footer_text(plan, as_of, lang))
    document.set_title(text.t("briefing.kicker", lang) + " · " + text.format_date(as_of, lang))
    document.set_subject(text.t("overview.as_of", lang, date=text.format_date(as_of, lang)))
    document.add_page()
    with plan.cursor() as cursor:
        _cover(document, cursor, plan, as_of, lang)
        figures = _headline(document, cursor, as_of, lang)
        _overdue(document, cursor, as_of, lang)
        _targets(document, cursor, as_of, lang)
        _activity(document, cursor, as_of, lang, figures)
        _commitments(document, cursor, as_of, lang)
    return bytes(document.output())


def page_count(content: bytes) -> int:
    """How many pages a PDF made here has (its page objects, not the page tree)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", content))


def file_name(as_of: date, lang: str) -> str:
    return text.t("briefing.file_name", lang, date=as_of.isoformat())
