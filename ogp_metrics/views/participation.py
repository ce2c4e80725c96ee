"""The Participation page: by month and activity, running totals, who took part.

In public mode a category of fewer than `privacy.SMALL_CELL` people shows "< 5" instead of
its count, in the chart and in the table.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts import bars
from ogp_metrics.charts import participation as participation_charts
from ogp_metrics.contract import schema
from ogp_metrics.views import privacy
from ogp_metrics.views.figure import Figure
from ogp_metrics.views.wording import month_label, percent, share_text

MEASURES = participation_charts.MEASURES


def month_table(by_month: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Participants and contributions by month and activity (`figures.participation_by_month`)."""
    return pd.DataFrame({
        text.t("meetings.col.month", lang): [month_label(m, lang) for m in by_month["month"]],
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
    for row in frame.to_dict("records"):
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
                    slug: str = "participation-by-month", height: int = 260) -> Figure:
    """Participants (or contributions) per month, stacked by activity."""
    total = float(by_month[measure].sum()) if len(by_month) else 0.0
    title = text.t("participation.trend", lang)
    description = text.t("publish.chart.participation_alt", lang, total=text.format_number(total, lang),
                         date=text.format_date(as_of, lang))
    chart = (participation_charts.participation_by_month(by_month, lang, measure, height=height)
             if len(by_month) else None)
    return Figure(slug, title, description, chart, month_table(by_month, lang),
                  text.t("participation.trend_caption", lang))


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
