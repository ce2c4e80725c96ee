"""The steering committee's briefing: an A4 PDF of where the plan stands on a date.

`briefing_pdf(plan, as_of, lang)` returns the PDF's bytes. It holds the plan and the date;
what changed since the last steering committee, what is late or at risk, and the committee's
open decisions (page 1); the headline figures with their change; the targets by state; the
meetings and participation charts (drawn offline by vl-convert);
then one section per commitment: its completion by the City and by the independent body, its
progress and its milestones, overdue ones first, with status and owner. Every page's footer
gives the data version (the hash of the files' content) and the date of the newest update.

Every figure comes from `figures` (through `views`); nothing is recomputed here.
The text is set in DejaVu Sans, embedded, so that accents, `œ`, `’`, `« »` and the narrow
no-break spaces of French numbers print on any machine.
"""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
from fpdf.fonts import FontFace

from ogp_metrics import figures, text
from ogp_metrics.charts import render
from ogp_metrics.figures import as_date, rows_of
from ogp_metrics.figures.sql import RememberingCursor
from ogp_metrics.ingest.load import Plan
from ogp_metrics.outputs import briefing_outcomes
from ogp_metrics.outputs.pdf_document import (
    ACCENT,
    CHART_PIXELS,
    CONTENT_WIDTH,
    FAMILY,
    INK,
    LABEL_WIDTH,
    MUTED,
    STATUS_INK,
    PdfDocument,
    typographic_minus,
)
from ogp_metrics.views import committee, data_files, headline, labels, print_figures
from ogp_metrics.views.figure import Figure
from ogp_metrics.views.plan_facts import codes, illustrative_notice, overdue_first, plan_name

CHART_HEIGHT = 220
# Rows listed in a table of milestones (the overdue ones, a commitment's); the others are counted.
LISTED = 15
# A real plan has a few commitments, each with its own section; beyond this many, a section each
# would make a document nobody reads in a meeting (and take minutes to typeset): one line each.
SECTIONS_AT_MOST = 20


def _cover(document: PdfDocument, cursor: figures.Cursor, plan: Plan, as_of: date, lang: str) -> None:
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
    notice = illustrative_notice(info, lang)
    if notice:
        document.paragraph(notice, size=8.5, colour=MUTED, after=1)


def _headline(document: PdfDocument, cursor: figures.Cursor, as_of: date, lang: str) -> dict:
    now = figures.headline(cursor, as_of)
    baseline, before = figures.changes_since_last_steering_committee(cursor, as_of)
    document.heading(text.t("briefing.headline", lang))
    if baseline is None:
        document.paragraph(text.t("overview.no_baseline", lang), size=9, colour=MUTED)
    else:
        document.paragraph(text.t("briefing.baseline", lang, date=text.format_date(baseline, lang)),
                           size=9, colour=MUTED)
    rows, styles = [], []
    for metric in headline.shown_metrics(now, before):
        change = typographic_minus(headline.format_delta(metric, lang))
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


def _names(cursor: figures.Cursor, as_of: date, lang: str) -> committee.Names:
    """Staff read the briefing: commitments by identifier and name."""
    institutions = labels.institution_names(figures.institutions(cursor), lang)
    return committee.Names.of(institutions, figures.commitments(cursor, as_of), lang, public=False)


def _table(document: PdfDocument, frame: pd.DataFrame, widths: tuple[float, ...], size: float = 8) -> None:
    rows = [["" if value is None else str(value) for value in record]
            for record in frame.itertuples(index=False)]
    document.data_table(list(frame.columns), rows, widths, size=size)


def _first_rows(document: PdfDocument, frame: pd.DataFrame, widths: tuple[float, ...], lang: str,
                total: int | None = None) -> None:
    """A long list's first rows, the others counted: a briefing is read in a meeting, not searched
    (and a large plan's hundreds of rows would take seconds to typeset). `total`: how many rows
    the list has when `frame` holds only its first ones."""
    _table(document, frame.head(LISTED), widths)
    total = len(frame) if total is None else total
    if total > LISTED:
        document.paragraph(text.tn("briefing.more_listed", total - LISTED, lang), size=9, colour=MUTED)


def _since(document: PdfDocument, cursor: figures.Cursor, as_of: date, names: committee.Names) -> None:
    """What changed since the last steering committee: a short table per kind of change."""
    lang = names.lang
    since = figures.last_steering_committee(cursor, as_of)
    if since is None:
        document.heading(text.t("since.none_heading", lang))
        document.paragraph(text.t("since.no_committee", lang), size=9.5, colour=MUTED)
        return
    document.heading(text.t("since.heading", lang, date=text.format_date(since, lang)))
    groups = committee.since_groups(figures.milestone_changes(cursor, since, as_of),
                                    figures.new_assessments(cursor, since, as_of),
                                    figures.targets_reached(cursor, since, as_of),
                                    figures.meetings_held(cursor, since, as_of), names,
                                    figures.decisions(cursor, as_of), since)
    if not groups:
        document.paragraph(text.t("since.nothing", lang, date=text.format_date(since, lang)), size=9.5,
                           colour=MUTED)
    for group in groups:
        document.heading(group.title, level=2, keep_with=20)
        _first_rows(document, committee.merged(group.table, lang), (20, 58, 52, 44), lang)


def _attention(document: PdfDocument, cursor: figures.Cursor, as_of: date, names: committee.Names) -> None:
    """Late items first, then items at risk, with the rules in a note."""
    lang = names.lang
    document.heading(text.t("attention.heading", lang))
    attention = committee.attention_rows(figures.milestones(cursor, as_of), figures.targets(cursor, as_of),
                                         names, as_of, figures.decisions(cursor, as_of), first=LISTED)
    if attention.empty:
        document.paragraph(text.t("attention.none", lang, date=text.format_date(as_of, lang)), size=9.5,
                           colour=MUTED)
    else:
        _first_rows(document, committee.merged(attention.rows, lang), (24, 50, 40, 38, 22), lang,
                    attention.total)  # late first
    document.paragraph(committee.rules_help(lang).replace("**", ""), size=7.5, colour=MUTED)


def _decisions(document: PdfDocument, cursor: figures.Cursor, as_of: date, names: committee.Names) -> None:
    """The committee's decisions still open, late ones first (nothing when there is no file)."""
    lang = names.lang
    decisions = figures.decisions(cursor, as_of)
    if decisions.empty:
        return
    document.heading(text.t("decisions.heading", lang))
    still_open = committee.open_decisions(decisions)
    if still_open.empty:
        document.paragraph(text.t("decisions.none_open", lang, date=text.format_date(as_of, lang)),
                           size=9.5, colour=MUTED)
        return
    rows = committee.merged(committee.decision_rows(still_open, names), lang, "decisions.col.owner")
    _table(document, rows.drop(columns=[text.t("decisions.col.done", lang)]), (24, 54, 18, 22, 56))


def _targets(document: PdfDocument, cursor: figures.Cursor, as_of: date, names: committee.Names) -> None:
    lang = names.lang
    document.heading(text.t("overview.targets", lang), keep_with=90)
    targets = figures.targets(cursor, as_of)
    if targets.empty:
        document.paragraph(text.t("overview.no_targets", lang), size=9.5, colour=MUTED)
        return
    figure = committee.target_figure(targets, names, as_of)
    document.chart(render.png(figure.chart, lang, width=CHART_PIXELS))
    document.paragraph(figure.note, size=8, colour=MUTED)


def _activity(document: PdfDocument, cursor: figures.Cursor, as_of: date, lang: str, summary: dict) -> None:
    document.heading(text.t("overview.activity", lang), keep_with=160)
    meetings, participation = summary["meetings"], summary["participation"]
    _chart_section(document, text.t("briefing.meetings", lang),
                   print_figures.meetings_figure(cursor, as_of, lang, height=CHART_HEIGHT),
                   text.t("briefing.meetings_summary", lang,
                          held=text.format_number(meetings["held"], lang),
                          public=text.format_number(meetings["public_held"], lang),
                          planned=text.format_number(meetings["planned"], lang),
                          attendees=text.format_number(meetings["attendees"], lang),
                          date=text.format_date(as_of, lang)),
                   text.t("briefing.no_meetings", lang), lang)
    _chart_section(document, text.t("briefing.participation", lang),
                   print_figures.participation_figure(cursor, as_of, lang, height=CHART_HEIGHT),
                   text.t("briefing.participation_summary", lang,
                          participants=text.format_number(participation["participants"], lang),
                          contributions=text.format_number(participation["contributions"], lang),
                          date=text.format_date(as_of, lang)),
                   text.t("briefing.no_participation", lang), lang)


def _chart_section(document: PdfDocument, heading: str, figure: Figure, summary: str, empty: str,
                   lang: str) -> None:
    """A heading, then the figure's summary, chart and note; or `empty` when there is no chart."""
    document.heading(heading, level=2, keep_with=100)
    if figure.chart is None:
        document.paragraph(empty, size=9.5, colour=MUTED)
        return
    document.paragraph(summary, size=9.5)
    document.chart(render.png(figure.chart, lang, width=CHART_PIXELS))
    if figure.note:
        document.paragraph(figure.note, size=8, colour=MUTED)


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


def _commitment_lines(document: PdfDocument, commitments: pd.DataFrame, names: dict[str, str],
                      lang: str) -> None:
    """A large plan's commitments, one line each: lead, completion, progress, milestones."""
    document.paragraph(text.t("briefing.commitments_as_lines", lang,
                              count=text.format_number(len(commitments), lang)), size=9.5, colour=MUTED)
    rows = [[f"{record['commitment_id']} · {text.localised(record, lang)}",
             names.get(record["lead_institution"], record["lead_institution"]),
             text.value_label("completion", record["self_completion"], lang),
             text.format_percent(float(record["weighted_progress_pct"]), lang),
             _milestones_count(record, lang)]
            for record in rows_of(commitments)]
    document.data_table([text.t("col.commitment", lang), text.t("briefing.lead", lang),
                         text.t("briefing.completion", lang), text.t("briefing.progress", lang),
                         text.t("briefing.milestones", lang)], rows, (58, 34, 26, 20, 36),
                        ("LEFT", "LEFT", "LEFT", "RIGHT", "LEFT"), size=8)


def _milestones_count(record: dict, lang: str) -> str:
    """`Terminés : 4 sur 6 · en retard : 1`."""
    return text.t("briefing.milestones_count", lang,
                  complete=text.format_number(record["milestones_complete"], lang),
                  total=text.format_number(record["milestones"], lang),
                  overdue=text.format_number(record["milestones_overdue"], lang))


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
            text.localised(record, lang),
            names.get(owner, owner) if isinstance(owner, str) else text.t("briefing.no_owner", lang),
            text.format_date(as_date(record["due_date"]), lang),
            text.format_percent(record["progress_pct"], lang),
        ])
        ink = STATUS_INK.get(record["status"], INK)
        styles.append([FontFace(emphasis="BOLD", color=ink), None, None, None, None])
    return rows, styles


def _commitments(document: PdfDocument, cursor: figures.Cursor, as_of: date, lang: str) -> None:
    commitments = figures.commitments(cursor, as_of)
    milestones = figures.milestones(cursor, as_of)
    names = labels.institution_names(figures.institutions(cursor), lang)
    document.add_page()
    document.heading(text.t("overview.commitments", lang))
    if commitments.empty:
        document.paragraph(text.t("overview.empty", lang), size=9.5, colour=MUTED)
        return
    if len(commitments) > SECTIONS_AT_MOST:
        _commitment_lines(document, commitments, names, lang)
        return
    for record in rows_of(commitments):
        title = f"{record['commitment_id']} · {text.localised(record, lang)}"
        description = text.localised(record, lang, prefix="description")
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
            (text.t("briefing.milestones", lang), _milestones_count(record, lang)),
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
        rows, styles = _milestone_rows(mine, names, lang)  # overdue first
        document.data_table([text.t("col.status", lang), text.t("col.milestone", lang),
                             text.t("col.owner", lang), text.t("col.due_date", lang),
                             text.t("col.progress", lang)], rows[:LISTED], (28, 58, 44, 20, 24),
                            ("LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT"), styles[:LISTED])
        if len(rows) > LISTED:
            document.paragraph(text.tn("briefing.more_listed", len(rows) - LISTED, lang), size=9,
                               colour=MUTED)


def footer_text(plan: Plan, as_of: date, lang: str) -> str:
    """`Données : version 3fa2… · dernière mise à jour le 30 juin 2025 · situation au …`."""
    with plan.cursor() as cursor:
        last = figures.last_update(cursor, as_of)
    return text.t("briefing.footer", lang, version=plan.version,
                  updated=text.format_date(last, lang), date=text.format_date(as_of, lang))


def briefing_pdf(plan: Plan, as_of: date, lang: str = text.DEFAULT_LANGUAGE) -> bytes:
    """The briefing for `as_of`, in French or English, as PDF bytes."""
    lang = text.language(lang)
    document = PdfDocument(lang, footer_text(plan, as_of, lang))
    document.set_title(text.t("briefing.kicker", lang) + " · " + text.format_date(as_of, lang))
    document.set_subject(text.t("overview.as_of", lang, date=text.format_date(as_of, lang)))
    document.add_page()
    with plan.cursor() as connection:
        cursor = RememberingCursor(connection)  # sections share their figures (each query once)
        names = _names(cursor, as_of, lang)
        _cover(document, cursor, plan, as_of, lang)
        # Page 1 is what the committee acts on: what changed, what is late or at risk, what it decided.
        _since(document, cursor, as_of, names)
        _attention(document, cursor, as_of, names)
        _decisions(document, cursor, as_of, names)
        summary = _headline(document, cursor, as_of, lang)
        _targets(document, cursor, as_of, names)
        _activity(document, cursor, as_of, lang, summary)
        briefing_outcomes.outcomes_section(document, cursor, as_of, lang)
        _commitments(document, cursor, as_of, lang)
        _sources(document, cursor, lang)
    return bytes(document.output())


def _sources(document: PdfDocument, cursor: figures.Cursor, lang: str) -> None:
    """Where the data comes from, as the files say it (ODbL data must be attributed)."""
    lines = data_files.source_lines(figures.sources(cursor), lang)
    if lines:
        document.heading(text.t("imports.sources.title", lang), level=2, keep_with=30)
        for line in lines:
            document.paragraph(line, size=8.5, colour=MUTED, after=1)


def page_count(content: bytes) -> int:
    """How many pages a PDF made here has (its page objects, not the page tree)."""
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", content))


def file_name(as_of: date, lang: str) -> str:
    return text.t("briefing.file_name", lang, date=as_of.isoformat())
