"""The Participation page: by month and activity, running totals, who took part.

In public mode a category of fewer than `privacy.SMALL_CELL` people shows "< 5" instead of
its count, in the chart and in the table.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts import bars, event_marks
from ogp_metrics.charts import participation as participation_charts
from ogp_metrics.contract import schema
from ogp_metrics.figures import rows_of
from ogp_metrics.views import privacy
from ogp_metrics.views.figure import Figure
from ogp_metrics.views.wording import date_text, month_label, percent, share_text

MEASURES = participation_charts.MEASURES


def month_table(by_month: pd.DataFrame, lang: str, when: list[str] | None = None) -> pd.DataFrame:
    """Participants and contributions by month and activity (`figures.participation_by_month`);
    `when`: what the first column says instead of each row's month."""
    return pd.DataFrame({
        text.t("meetings.col.month", lang): when if when is not None else [month_label(m, lang)
                                                                           for m in by_month["month"]],
        text.t("participation.activity", lang): [text.value_label("activity", a, lang)
                                                 for a in by_month["activity"]],
        text.t("indicator.participants", lang): [int(v) for v in by_month["participants"].fillna(0)],
        text.t("indicator.contributions", lang): [int(v) for v in by_month["contributions"].fillna(0)],
    })


DEMOGRAPHIC_CODES = {"age_group": schema.AGE_GROUPS, "gender": schema.GENDERS}


def demographic_rows(by_group: pd.DataFrame, domain: str, lang: str, public: bool) -> pd.DataFrame:
    """Participants per age group (or gender), every category and `unknown` last.

    Columns: `code`, `label`, `value`, `text` (`1 234 (12 %)`), `kind` (`known`, `unknown`,
    `suppressed`), `share` (percentage of all participants). In public mode a category under
    `privacy.SMALL_CELL` people has no value, no share and the text "< 5".
    """
    values = {str(k): float(v) for k, v in zip(by_group["group_key"], by_group["participants"].fillna(0),
                                               strict=True)}
    codes = [*DEMOGRAPHIC_CODES[domain], "unknown"]
    frame = pd.DataFrame({"code": codes, "participants": [values.get(code, 0.0) for code in codes]})
    total = float(frame["participants"].sum())
    frame["share"] = (100 * frame["participants"] / total) if total else float("nan")
    if public:
        frame = privacy.suppress_small(frame, "participants")
        frame["share"] = frame["share"].mask(frame["participants_suppressed"])
    else:
        frame["participants_suppressed"] = False
    rows = []
    for row in rows_of(frame):
        label = text.value_label(domain, None if row["code"] == "unknown" else row["code"], lang)
        if row["participants_suppressed"]:
            rows.append({"code": row["code"], "label": label, "value": None,
                         "text": privacy.small_cell_label(lang), "kind": "suppressed", "share": None})
            continue
        count = row["participants"]
        rows.append({"code": row["code"], "label": label, "value": count,
                     "text": f"{text.format_number(count, lang)} ({percent(count, total, lang)})",
                     "kind": "unknown" if row["code"] == "unknown" else "known",
                     "share": row["share"]})
    return pd.DataFrame(rows, columns=["code", "label", "value", "text", "kind", "share"])


def unknown_share(by_group: pd.DataFrame) -> float | None:
    """The percentage of participants whose category (age group, gender) is unknown."""
    total = float(by_group["participants"].fillna(0).sum())
    if not total:
        return None
    unknown = float(by_group.loc[by_group["group_key"] == "unknown", "participants"].fillna(0).sum())
    return 100 * unknown / total


def demographic_table(rows: pd.DataFrame, domain: str, lang: str) -> pd.DataFrame:
    """The data of a demographic chart; a hidden count reads "< 5" (the column is then text)."""
    suppressed = rows["kind"].eq("suppressed")
    if suppressed.any():
        counts = [privacy.small_cell_label(lang) if hidden else text.format_number(v, lang)
                  for v, hidden in zip(rows["value"], suppressed, strict=True)]
    else:
        counts = [int(v) for v in rows["value"]]
    return pd.DataFrame({
        text.t(f"participation.col.{domain}", lang): rows["label"].tolist(),
        text.t("indicator.participants", lang): counts,
        text.t("meetings.col.share", lang): [share_text(s, lang) for s in rows["share"]],
    })


def by_month_figure(by_month: pd.DataFrame, as_of: date, lang: str, measure: str = "participants",
                    slug: str = "participation-by-month", height: int = 260,
                    events: pd.DataFrame | None = None) -> Figure:
    """Participants (or contributions) per month, stacked by activity.

    `events` (`figures.events`): the one-day events among them are drawn on their day, and are
    rows of the table; `by_month` must then leave their rows out
    (`figures.participation_by_month(..., one_day_events=False)`), so that nothing counts twice.
    """
    marked = one_day_events(events)
    total = sum(float(rows[measure].sum()) for rows in (by_month, marked) if len(rows))
    title = text.t("participation.trend", lang)
    description = text.t("publish.chart.participation_alt", lang, total=text.format_number(total, lang),
                         date=text.format_date(as_of, lang))
    chart = None
    if len(by_month) or len(marked):
        chart = participation_charts.participation_by_month(by_month, lang, measure, height=height)
        days = [pd.Timestamp(day) for day in (*by_month["month"], *marked["start_date"])]
        chart = event_marks.with_event_marks(chart, _ticks(marked, measure, lang), lang,
                                             span=(min(days), max(days)))
    table = month_table(by_month, lang)
    note = text.t("participation.trend_caption", lang)
    if len(marked):
        days = [text.t("participation.event_row", lang, date=date_text(row["start_date"], lang),
                       title=text.localised(row, lang)) for row in rows_of(marked)]
        table = pd.concat([table, month_table(marked, lang, when=days)], ignore_index=True)
        note = f"{note} {text.t('votes_page.ticks_note', lang)}"
    return Figure(slug, title, description, chart, table, note)


def one_day_events(events: pd.DataFrame | None) -> pd.DataFrame:
    """The one-day events of `events` that participation rows name (drawn as ticks)."""
    if events is None or events.empty:
        return pd.DataFrame(columns=["start_date", "participants", "contributions", "activity"])
    return events[events["one_day"] & (events["records"] > 0)]


def _ticks(marked: pd.DataFrame, measure: str, lang: str) -> pd.DataFrame:
    """Each event's day, title, and the short words beside its tick (`4 févr. 2024 · 73 381`)."""
    return pd.DataFrame({
        "date": marked["start_date"].tolist(),
        "label": [text.localised(row, lang) for row in rows_of(marked)],
        "mark": [f"{date_text(day, lang)} · {text.format_number(value, lang)}"
                 for day, value in zip(marked["start_date"], marked[measure], strict=True)],
        "participants": marked[measure].tolist(),
    })


def profile_figure(by_group: pd.DataFrame, domain: str, lang: str, public: bool) -> Figure:
    """Participants by age group or gender, unknown included (and said as a share)."""
    rows = demographic_rows(by_group, domain, lang, public)
    title = text.t("participation.by_age" if domain == "age_group" else "participation.by_gender", lang)
    unknown = rows.loc[rows["code"] == "unknown"].iloc[0]
    unknown_pct = "—" if unknown["kind"] == "suppressed" else share_text(unknown["share"], lang)
    description = text.t("publish.chart.profile_alt", lang, title=title, pct=unknown_pct)
    total = float(by_group["participants"].fillna(0).sum()) if len(by_group) else 0.0
    chart = (bars.labelled_bars(rows, lang, text.t("indicator.participants", lang), description=title)
             if total else None)
    return Figure(f"participation-{domain}", title, description, chart, demographic_table(rows, domain, lang))


def unknown_text(by_group: pd.DataFrame, lang: str) -> str:
    """The share of participants whose category is unknown, as `share_text` writes it."""
    return share_text(unknown_share(by_group), lang)
