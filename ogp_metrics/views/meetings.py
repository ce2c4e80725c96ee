"""The Meetings page: held and planned, by month, by group, who came; each figure with its table.

Tables have translated headers and labels; counts stay numbers (sortable, and plain in the
CSV download). Unknown attendance is said as unknown, never counted as zero.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts import bars, lines
from ogp_metrics.charts import meetings as meeting_charts
from ogp_metrics.contract import schema
from ogp_metrics.figures import as_date, rows_of
from ogp_metrics.views.figure import Card, Figure
from ogp_metrics.views.labels import group_label
from ogp_metrics.views.sectors import citywide, sector_figure
from ogp_metrics.views.wording import (
    count_or_unknown,
    date_span,
    date_text,
    known_and_unknown,
    month_label,
    percent,
)


def meetings_by_month_table(by_month: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The data of the by-month chart: month, type, held or planned, meetings."""
    return pd.DataFrame({
        text.t("meetings.col.month", lang): [month_label(m, lang) for m in by_month["month"]],
        text.t("meetings.type", lang): [text.value_label("meeting_type", c, lang)
                                        for c in by_month["meeting_type"]],
        text.t("meetings.state", lang): [text.value_label("meeting_state", s, lang)
                                         for s in by_month["state"]],
        text.t("meetings.col.count", lang): by_month["meetings"].astype(int).tolist(),
    })


def cumulative_series(cumulative: pd.DataFrame, columns: dict[str, str], as_of: date) -> pd.DataFrame:
    """Wide running totals (`month` + one column each) as `month`, `series`, `value` rows.

    Each series is carried on to the month of `as_of`, so the line reaches the date the
    figures are computed at instead of stopping at the last month with activity.
    """
    rows = []
    as_of_month = pd.Timestamp(as_of).to_period("M").to_timestamp()
    for column, label in columns.items():
        values = [(pd.Timestamp(m), float(v)) for m, v in zip(cumulative["month"], cumulative[column],
                                                              strict=True) if pd.notna(v)]
        if values and values[-1][0] < as_of_month:
            values.append((as_of_month, values[-1][1]))
        rows += [{"month": month, "series": label, "value": value} for month, value in values]
    return pd.DataFrame(rows, columns=["month", "series", "value"])


def target_rows(targets: pd.DataFrame, indicators: dict[str, str], lang: str) -> pd.DataFrame:
    """The whole plan's targets for these indicators (indicator -> series label), with their words."""
    chosen = targets[targets["indicator"].isin(list(indicators)) & targets["commitment_id"].isna()]
    rows = []
    for row in rows_of(chosen):
        deadline = as_date(row["deadline"])
        rows.append({"series": indicators[row["indicator"]], "target": float(row["target"]),
                     "deadline": deadline,
                     "label": text.t("activity_charts.target_label", lang,
                                     target=text.format_number(row["target"], lang),
                                     deadline=text.format_date(deadline, lang))})
    return pd.DataFrame(rows, columns=["series", "target", "deadline", "label"])


def cumulative_table(series: pd.DataFrame, targets: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The data of a cumulative chart: month, series, value; then each target as a row."""
    month, name, value = (text.t("meetings.col.month", lang), text.t("meetings.col.series", lang),
                          text.t("meetings.col.value", lang))
    table = pd.DataFrame({month: [month_label(m, lang) for m in series["month"]],
                          name: series["series"].tolist(),
                          value: [int(v) for v in series["value"]]})
    target_word = text.t("activity_charts.target", lang)
    goals = pd.DataFrame({month: [text.format_date(d, lang) for d in targets["deadline"]],
                          name: [f"{s} — {target_word}" for s in targets["series"]],
                          value: [int(v) for v in targets["target"]]})
    return pd.concat([table, goals], ignore_index=True) if len(goals) else table


def visibility_bars(totals: dict, lang: str) -> pd.DataFrame:
    """Public and internal meetings held, for `labelled_bars`."""
    held = totals["held"]
    rows = []
    for code, key in (("true", "public_held"), ("false", "internal_held")):
        count = totals[key]
        rows.append({"label": text.value_label("is_public", code, lang), "value": count,
                     "text": f"{text.format_number(count, lang)} ({percent(count, held, lang)})",
                     "kind": "known"})
    return pd.DataFrame(rows)


def bars_table(bars: pd.DataFrame, category_title: str, value_title: str) -> pd.DataFrame:
    """The data of a `labelled_bars` chart as a two-column table."""
    return pd.DataFrame({category_title: bars["label"].tolist(), value_title: bars["value"].tolist()})


def held_bars(by_group: pd.DataFrame, group: str, lang: str,
              commitments: dict[str, str] | None = None) -> pd.DataFrame:
    """Meetings held per group, most first, groups with none left out: for `labelled_bars`."""
    frame = by_group[by_group["held"] > 0].sort_values("held", ascending=False, kind="stable")
    return pd.DataFrame({
        "label": [group_label(group, key, lang, commitments) for key in frame["group_key"]],
        "value": frame["held"].astype(int).tolist(),
        "text": [text.format_number(v, lang) for v in frame["held"]],
        "kind": "known",
    })


def meetings_group_table(by_group: pd.DataFrame, group: str, lang: str,
                         commitments: dict[str, str] | None = None,
                         group_title: str | None = None) -> pd.DataFrame:
    """Every count of `figures.meetings_by` per group; unknown attendance in its own column."""

    def whole(column: str) -> list:
        return [None if pd.isna(v) else int(v) for v in by_group[column]]

    title = group_title or text.t("meetings.type", lang)
    return pd.DataFrame({
        title: [group_label(group, key, lang, commitments) for key in by_group["group_key"]],
        text.t("meetings.col.held", lang): whole("held"),
        text.t("meetings.col.planned", lang): whole("planned"),
        text.t("meetings.col.public_held", lang): whole("public_held"),
        text.t("meetings.col.internal_held", lang): whole("internal_held"),
        text.t("meetings.col.attendees_known", lang): pd.array(whole("attendees_known"), dtype="Int64"),
        text.t("meetings.col.attendees_unknown", lang): whole("attendees_unknown"),
        text.t("meetings.col.organisations_known", lang): pd.array(whole("organisations_known"),
                                                                   dtype="Int64"),
        text.t("meetings.col.organisations_unknown", lang): whole("organisations_unknown"),
    })


def attendance_table(by_type: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per meeting type, as words to read: held, planned, attendees and organisations, where a
    number not recorded is said (`627 connus + 2 réunions au nombre inconnu`), never a zero."""

    def said(known: object, unknown: object) -> str:
        known = None if pd.isna(known) else int(known)
        if int(unknown) == 0:
            return count_or_unknown(known, lang)
        return known_and_unknown(known, int(unknown), lang)

    rows = by_type[(by_type["held"] > 0) | (by_type["planned"] > 0)]
    return pd.DataFrame({
        text.t("meetings.type", lang): [group_label("meeting_type", key, lang) for key in rows["group_key"]],
        text.t("meetings.col.held", lang): [text.format_number(v, lang) for v in rows["held"]],
        text.t("meetings.col.planned", lang): [text.format_number(v, lang) for v in rows["planned"]],
        text.t("meetings.attendees", lang): [said(k, u) for k, u in zip(
            rows["attendees_known"], rows["attendees_unknown"], strict=True)],
        text.t("meetings.organisations", lang): [said(k, u) for k, u in zip(
            rows["organisations_known"], rows["organisations_unknown"], strict=True)],
    })


def meeting_rows(meetings: pd.DataFrame, lang: str, commitments: dict[str, str] | None = None,
                 state: str | None = None, minutes: bool = False) -> pd.DataFrame:
    """One row per meeting (`figures.meetings`).

    With `commitments` (id -> name) a column names each meeting's commitment; with `state`
    only the `held` or `planned` ones (and then no column to say which); with `minutes` a
    last column holds the link to the minutes. Unknown attendance is said, never zero.
    """
    if state is not None:
        meetings = meetings[meetings["state"] == state]
    table = pd.DataFrame({
        text.t("meetings.col.date", lang): [date_text(d, lang) for d in meetings["date"]],
        text.t("meetings.type", lang): [text.value_label("meeting_type", c, lang)
                                        for c in meetings["meeting_type"]],
        text.t("meetings.col.title", lang): [t if isinstance(t, str) else "" for t in meetings["title"]],
    })
    if commitments is not None:
        table[text.t("col.commitment", lang)] = [group_label("commitment", c, lang, commitments)
                                                 for c in meetings["commitment_id"]]
    table[text.t("meetings.col.sector", lang)] = [
        text.value_label("sector", s if isinstance(s, str) else schema.CITYWIDE, lang)
        for s in meetings["arrondissement"]]
    table[text.t("meetings.col.visibility", lang)] = [text.value_label("is_public", bool(p), lang)
                                                      for p in meetings["is_public"]]
    table[text.t("meetings.attendees", lang)] = [
        text.t("meetings.unknown_value", lang) if pd.isna(a) else text.format_number(int(a), lang)
        for a in meetings["attendees"]]
    if state is None:
        table[text.t("meetings.state", lang)] = [text.value_label("meeting_state", s, lang)
                                                 for s in meetings["state"]]
    if minutes:
        table[text.t("meetings.col.minutes", lang)] = [u if isinstance(u, str) else None
                                                       for u in meetings["minutes_url"]]
    return table


# ---------------------------------------------------------------- the page's figures

CUMULATIVE_INDICATORS = ("meetings_held", "public_meetings_held")


def cumulative_figure(cumulative: pd.DataFrame, targets: pd.DataFrame, indicators: tuple[str, ...],
                      as_of: date, lang: str, slug: str, value_title: str,
                      title: str | None = None, no_targets_note: str = "") -> Figure:
    """Running totals of `indicators` (columns of `cumulative`) against the whole plan's targets;
    `no_targets_note` says so when there is none."""
    labels = {code: text.value_label("indicator", code, lang) for code in indicators}
    series = cumulative_series(cumulative, labels, as_of)
    goals = target_rows(targets, labels, lang)
    title = title or ", ".join(labels.values())
    chart = lines.cumulative_chart(series, lang, value_title, goals, description=title)
    return Figure(slug, title, title, chart, cumulative_table(series, goals, lang),
                  "" if len(goals) else no_targets_note)


def by_month_figure(by_month: pd.DataFrame, as_of: date, lang: str, height: int = 260) -> Figure:
    """Meetings per month and type, held up to the date and planned after it."""
    held = int(by_month.loc[by_month["state"] == "held", "meetings"].sum()) if len(by_month) else 0
    planned = int(by_month.loc[by_month["state"] == "planned", "meetings"].sum()) if len(by_month) else 0
    description = text.t("publish.chart.meetings_alt", lang, held=text.format_number(held, lang),
                         planned=text.format_number(planned, lang), date=text.format_date(as_of, lang))
    chart = (meeting_charts.meetings_by_month_chart(by_month, lang, as_of=as_of, height=height)
             if len(by_month) else None)
    return Figure("meetings-by-month", text.t("meetings.by_month", lang), description, chart,
                  meetings_by_month_table(by_month, lang), text.t("meetings.by_month_caption", lang))


def visibility_figure(totals: dict, lang: str) -> Figure:
    """Public and internal meetings held, as bars."""
    title = text.t("meetings.visibility", lang)
    rows = visibility_bars(totals, lang)
    held_title = text.t("meetings.col.held", lang)
    return Figure("meetings-public-internal", title, title,
                  bars.labelled_bars(rows, lang, held_title, description=title),
                  bars_table(rows, text.t("meetings.col.visibility", lang), held_title))


def by_commitment_figure(by_commitment: pd.DataFrame, commitments: dict[str, str], lang: str) -> Figure:
    """Meetings held per commitment, most first, as bars."""
    title = text.t("meetings.by_commitment", lang)
    rows = held_bars(by_commitment, "commitment", lang, commitments)
    return Figure("meetings-by-commitment", title, title,
                  bars.labelled_bars(rows, lang, text.t("meetings.col.held", lang), description=title),
                  meetings_group_table(by_commitment, "commitment", lang, commitments,
                                       text.t("col.commitment", lang)))


def by_sector_figure(by_sector: pd.DataFrame, lang: str, boundaries: dict | None) -> Figure:
    """Meetings held per sector, as a map; those with no sector are counted in the note."""
    held_title = text.t("meetings.col.held", lang)
    unmapped = citywide(by_sector, "held")
    figure = sector_figure(by_sector, "held", held_title, lang, "meetings-by-sector",
                           meetings_group_table(by_sector, "sector", lang,
                                                group_title=text.t("meetings.col.sector", lang)),
                           boundaries, title=text.t("meetings.by_sector", lang),
                           description=text.t("meetings.by_sector", lang))
    note = text.tn("meetings.sector_caption", unmapped, lang) if unmapped else ""
    return dataclasses.replace(figure, note=note)


def attendance_cards(label_key: str, known: int | None, unknown: int, lang: str) -> Card:
    """Attendance as a card: the known total (or "unknown"), and what is not known, said."""
    return Card(text.t(label_key, lang), count_or_unknown(known, lang),
                caption=known_and_unknown(known, unknown, lang) or None)


def overall_cards(totals: dict, as_of: date, lang: str) -> list[Card]:
    """Held, planned, public and attendance: the whole plan's meetings (`figures.meeting_totals`)."""
    return [
        Card(text.t("headline.meetings_held", lang), text.format_number(totals["held"], lang)),
        Card(text.t("meetings.planned", lang), text.format_number(totals["planned"], lang),
             caption=text.t("meetings.planned_after", lang, date=text.format_date(as_of, lang))),
        Card(text.t("indicator.public_meetings_held", lang), text.format_number(totals["public_held"], lang),
             caption=text.t("meetings.public_share", lang,
                            pct=percent(totals["public_held"], totals["held"], lang))),
        attendance_cards("meetings.attendees", totals["attendees_known"], totals["attendees_unknown"], lang),
    ]


def co_creation_cards(co_creation: dict, lang: str) -> list[Card]:
    """The co-creation's public meetings (`figures.co_creation`): how many, when, who came."""
    return [
        Card(text.t("meetings.co_creation_meetings", lang), text.format_number(co_creation["meetings"], lang),
             caption=date_span(co_creation["first_date"], co_creation["last_date"], lang)),
        attendance_cards("meetings.attendees", co_creation["attendees_known"],
                         co_creation["attendees_unknown"], lang),
        attendance_cards("meetings.organisations", co_creation["organisations_known"],
                         co_creation["organisations_unknown"], lang),
    ]
