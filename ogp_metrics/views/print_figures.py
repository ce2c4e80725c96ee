"""The figures the briefing PDF and the public site draw, each from the plan as of a date.

Each is the same figure a page shows (`views.meetings`, `views.participation`, ...) with its
table written for reading (numbers as the language writes them); the one figure no page
draws is the milestones by status of each commitment.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pandas as pd

from ogp_metrics import figures, text
from ogp_metrics.charts import milestones as milestone_charts
from ogp_metrics.contract import schema
from ogp_metrics.figures import Cursor
from ogp_metrics.views import meetings, participation, sectors
from ogp_metrics.views.figure import Figure
from ogp_metrics.views.labels import commitment_labels
from ogp_metrics.views.wording import month_label, numbers_as_text

CHART_COMMITMENTS_AT_MOST = 20  # a larger plan's milestones chart draws the 20 most late


def milestones_figure(cursor: Cursor, as_of: date, lang: str) -> Figure:
    """How many milestones of each commitment are complete, in progress, not started, overdue."""
    milestones = figures.milestones(cursor, as_of)
    # The site is public: commitments by name, never by identifier.
    labels = commitment_labels(figures.commitment_titles(cursor), lang, public=True)
    counts = milestone_charts.status_counts(milestones)
    title = text.t("publish.chart.milestones", lang)
    status_headers = [text.value_label("milestone_status", code, lang)
                      for code in schema.MILESTONE_STATUSES]
    wide = _per_status(counts, list(labels))
    table = pd.DataFrame({text.t("col.commitment", lang): list(labels.values()),
                          **{header: wide[code].tolist() for header, code
                             in zip(status_headers, schema.MILESTONE_STATUSES, strict=True)}})
    totals = {code: int((milestones["status"] == code).sum()) for code in schema.MILESTONE_STATUSES}
    description = text.t("publish.chart.milestones_alt", lang,
                         total=text.format_number(len(milestones), lang),
                         **{code: text.format_number(totals[code], lang) for code in totals})
    note, drawn = "", counts
    if len(labels) > CHART_COMMITMENTS_AT_MOST:  # 200 bars are not read, and take seconds to draw
        latest = _most_late(wide, CHART_COMMITMENTS_AT_MOST)
        drawn = counts[counts["commitment_id"].isin(latest)]
        note = text.t("publish.chart.milestones_most_late", lang,
                      shown=CHART_COMMITMENTS_AT_MOST, total=text.format_number(len(labels), lang))
    chart = milestone_charts.milestones_by_status(drawn, lang, labels) if len(milestones) else None
    return Figure("milestones", title, description, chart, table, note)


def _per_status(counts: pd.DataFrame, commitment_ids: list[str]) -> pd.DataFrame:
    """A row per commitment (in the order given), a column per milestone status: how many."""
    wide = counts.pivot_table(index="commitment_id", columns="status", values="milestones",
                              aggfunc="sum", fill_value=0)
    return wide.reindex(index=commitment_ids, columns=list(schema.MILESTONE_STATUSES),
                        fill_value=0).fillna(0).astype(int)


def _most_late(wide: pd.DataFrame, how_many: int) -> list[str]:
    """The commitments with the most overdue milestones, then the most in progress."""
    ranked = wide.rename_axis("commitment_id").reset_index().sort_values(
        ["overdue", "in_progress", "commitment_id"], ascending=[False, False, True])
    return ranked["commitment_id"].head(how_many).tolist()


def meetings_figure(cursor: Cursor, as_of: date, lang: str, height: int = 260) -> Figure:
    """Meetings per month, by type; held up to the as-of date, planned after it (a month a row)."""
    by_month = figures.meetings_by_month(cursor, as_of)
    figure = meetings.by_month_figure(by_month, as_of, lang, height)
    table = pd.DataFrame()
    if len(by_month):
        pivot = by_month.pivot_table(index="month", columns="state", values="meetings", aggfunc="sum",
                                     fill_value=0).reindex(columns=["held", "planned"], fill_value=0)
        table = pd.DataFrame({
            text.t("publish.col.month", lang): [month_label(month, lang) for month in pivot.index],
            text.value_label("meeting_state", "held", lang): pivot["held"].astype(int).tolist(),
            text.value_label("meeting_state", "planned", lang): pivot["planned"].astype(int).tolist(),
        })
    return dataclasses.replace(figure, title=text.t("publish.chart.meetings", lang), table=table,
                               note=text.t("publish.chart.meetings_note", lang))


def participation_figure(cursor: Cursor, as_of: date, lang: str, height: int = 260) -> Figure:
    """Participants per month, stacked by activity."""
    events = figures.events(cursor, as_of)
    by_month = figures.participation_by_month(cursor, as_of, one_day_events=False)
    figure = participation.by_month_figure(by_month, as_of, lang, height=height, events=events)
    ticks = len(participation.one_day_events(events)) > 0
    return dataclasses.replace(figure, slug="participation",
                               note=text.t("votes_page.ticks_note", lang) if ticks else "",
                               title=text.t("publish.chart.participation", lang),
                               table=numbers_as_text(figure.table, lang))


def sector_figure(cursor: Cursor, as_of: date, lang: str, folder: str | Path | None = None) -> Figure:
    """Participants per sector of Paris, as a map; city-wide and online ones in the note.

    The map draws the real boundaries when `folder` holds `arrondissements.geojson`, else tiles.
    """
    by_sector = figures.participation_by(cursor, as_of, "sector")
    table = sectors.sector_table(by_sector, lang)
    table = numbers_as_text(table.iloc[:, :2], lang)
    boundaries = sectors.read_boundaries(folder) if folder is not None else None
    figure = sectors.sector_figure(by_sector, "participants", text.t("indicator.participants", lang), lang,
                                   "sectors", table, boundaries, tile_size=(84, 58))
    note = text.t("publish.chart.citywide_note", lang,
                  count=text.format_number(sectors.citywide(by_sector), lang))
    return dataclasses.replace(figure, note=note)


def profile_figure(cursor: Cursor, as_of: date, lang: str, domain: str, public: bool = True) -> Figure:
    """Participants by age group or gender, unknown included; in public mode counts under 5
    are hidden ("< 5"), in the chart and in the table."""
    figure = participation.profile_figure(figures.participation_by(cursor, as_of, domain), domain, lang,
                                          public)
    return dataclasses.replace(figure, slug=domain, title=text.t(f"publish.chart.{domain}", lang),
                               table=numbers_as_text(figure.table, lang),
                               note=text.t("participation.small_cells", lang) if public else "")
