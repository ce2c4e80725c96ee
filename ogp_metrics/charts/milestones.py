"""The milestone timeline (a Gantt chart): planned spans, completions, status, the as-of line.

Status is told three ways: colour, the shape of the mark at the end of each bar, and for an
overdue milestone the words "En retard · 91 j" beside it. Grouped by commitment, each group
opens with a shaded row holding the commitment's title; one chart keeps one time axis and
one as-of line, and fits the page's width.
"""

from __future__ import annotations

from datetime import date, timedelta

import altair as alt
import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts.base import DATE_FORMAT, LINES, finish, time_axis, wrap_label
from ogp_metrics.charts.palette import STATUS_COLOURS, labelled_scale, status_shape_scale
from ogp_metrics.contract import schema
from ogp_metrics.figures import rows_of

ROW_HEIGHT = 30  # a row whose title fits on one line; each more line adds `LINE_HEIGHT`
LINE_HEIGHT = 16
WRAP_AT = 48  # a milestone's title runs on lines of about this many characters
# A group's row is keyed by this invisible character and the commitment id: unique, and its
# axis label is left blank (the title is written across the row instead).
HEADER_MARK = "\u200b"
MILESTONE, HEADER = "milestone", "header"


def _unique_labels(titles: list[str], ids: list[str]) -> list[str]:
    """The titles, with the identifier added to those that two milestones share."""
    counts = pd.Series(titles, dtype=object).value_counts()
    return [f"{title} ({ident})" if counts[title] > 1 else title
            for title, ident in zip(titles, ids, strict=True)]


def timeline_data(milestones: pd.DataFrame, as_of: date, lang: str,
                  owner_names: dict[str, str] | None = None,
                  commitment_titles: dict[str, str] | None = None) -> pd.DataFrame:
    """One row per milestone with what the chart draws, in the language (`figures.milestones` in).

    With `commitment_titles`, each commitment's milestones follow a header row (`kind` "header").
    """
    owner_names = owner_names or {}
    frame = milestones.sort_values(["commitment_id", "due_date", "milestone_id"]).reset_index(drop=True)
    records = rows_of(frame)
    completed = pd.to_datetime(frame["completed_date"])
    due = pd.to_datetime(frame["due_date"])
    is_complete = frame["status"] == "complete"
    data = pd.DataFrame({
        "kind": MILESTONE,
        "milestone_id": frame["milestone_id"].astype(str),
        "milestone": [wrap_label(label, WRAP_AT) for label in _unique_labels(
            [text.localised(r, lang) for r in records], frame["milestone_id"].astype(str).tolist())],
        "commitment_id": frame["commitment_id"].astype(str),
        "owner": [owner_names.get(r["owner"], r["owner"]) if isinstance(r["owner"], str)
                  else text.t("milestones.no_owner", lang) for r in records],
        "start_date": pd.to_datetime(frame["start_date"]),
        "due_date": due,
        "completed_date": completed.where(is_complete),
        # The status mark: on the completion date when complete, else on the due date.
        "marker_date": completed.where(is_complete, due),
        "status": [text.value_label("milestone_status", s, lang) for s in frame["status"]],
        "progress": [text.format_percent(p, lang) for p in frame["progress_pct"]],
        "overdue_label": [text.t("milestones.chart.overdue_label", lang,
                                 days=text.format_number(r["days_late"], lang))
                          if r["status"] == "overdue" else "" for r in records],
        "risk_label": [text.t("attention.at_risk", lang) if isinstance(r.get("risk"), str) else ""
                       for r in records],
        "group": "",
    })
    if commitment_titles is not None and len(data):
        data["group"] = [commitment_titles.get(c, c) for c in data["commitment_id"]]
        parts = []
        for commitment_id, group in data.groupby("commitment_id", sort=False):
            parts.append(pd.DataFrame({
                "kind": [HEADER], "milestone": [HEADER_MARK + commitment_id], "milestone_id": [""],
                "commitment_id": [commitment_id], "owner": [""], "status": [""], "progress": [""],
                "overdue_label": [""], "risk_label": [""], "group": [group["group"].iloc[0]]}))
            parts.append(group)
        data = pd.concat(parts, ignore_index=True)
    data["order"] = range(len(data))
    data["as_of"] = pd.Timestamp(as_of)
    # The as-of line is drawn from one row only.
    data["first"] = data["order"] == 0
    return data


def _time_domain(data: pd.DataFrame, as_of: date) -> alt.Scale:
    """From the first start to the last date shown, with room on the right for the "late" words."""
    rows = data[data["kind"] == MILESTONE]
    if rows.empty:
        return alt.Scale()
    first = rows["start_date"].min().date()
    last = max(rows["due_date"].max(), rows["marker_date"].max(), pd.Timestamp(as_of)).date()
    span = max((last - first).days, 30)
    # Room for the words, at a projector's size too (`charts.base.PROJECTION`).
    room = 0.24 if ((rows["overdue_label"] != "") | (rows["risk_label"] != "")).any() else 0.03
    first, last = first - timedelta(days=round(0.02 * span)), last + timedelta(days=round(room * span))
    return alt.Scale(domain=[alt.DateTime(year=first.year, month=first.month, date=first.day),
                             alt.DateTime(year=last.year, month=last.month, date=last.day)])


def milestone_timeline(milestones: pd.DataFrame, as_of: date, lang: str,
                       owner_names: dict[str, str] | None = None,
                       commitment_titles: dict[str, str] | None = None) -> alt.TopLevelMixin:
    """Milestones as bars from planned start to due date, with their status and the as-of line.

    With `commitment_titles` (commitment id -> title) the milestones are grouped by commitment,
    each group under its title.
    """
    data = timeline_data(milestones, as_of, lang, owner_names, commitment_titles)
    status_title = text.t("col.status", lang)
    colour = alt.Color("status:N", scale=labelled_scale("milestone_status", schema.MILESTONE_STATUSES,
                                                         STATUS_COLOURS, lang)).title(status_title)
    shape = alt.Shape("status:N", scale=status_shape_scale(lang)).title(status_title)
    y = alt.Y("milestone:N", sort=alt.EncodingSortField("order", op="min"),
              axis=alt.Axis(title=None,
                            labelExpr=f"indexof(datum.value, '{HEADER_MARK}') == 0 ? '' : {LINES}"))
    tooltip = [
        alt.Tooltip("milestone:N", title=text.t("col.milestone", lang)),
        alt.Tooltip("milestone_id:N", title=text.t("milestones.col.id", lang)),
        alt.Tooltip("owner:N", title=text.t("col.owner", lang)),
        alt.Tooltip("start_date:T", title=text.t("col.start_date", lang), format=DATE_FORMAT),
        alt.Tooltip("due_date:T", title=text.t("col.due_date", lang), format=DATE_FORMAT),
        alt.Tooltip("completed_date:T", title=text.t("col.completed_date", lang), format=DATE_FORMAT),
        alt.Tooltip("status:N", title=status_title),
        alt.Tooltip("progress:N", title=text.t("col.progress", lang)),
    ]
    base = alt.Chart(data)
    milestone_rows = base.transform_filter(alt.datum.kind == MILESTONE)
    header_rows = base.transform_filter(alt.datum.kind == HEADER)
    shown = data[data["kind"] == MILESTONE]
    x = alt.X("start_date:T", scale=_time_domain(data, as_of),
              axis=time_axis([*shown["start_date"], *shown["marker_date"], pd.Timestamp(as_of)],
                             text.t("milestones.chart.period", lang)))
    header_band = header_rows.mark_rect(color="#EEF1F5").encode(
        y=y, x=alt.value(0), x2=alt.value("width"), tooltip=alt.Tooltip("group:N", title=text.t(
            "col.commitment", lang)))
    header_text = header_rows.mark_text(align="left", baseline="middle", style="heading",
                                        color="#1F2A37", limit=alt.expr("width - 12")).encode(
        y=y, x=alt.value(6), text="group:N")
    bars = milestone_rows.mark_bar(height={"band": 0.55}, cornerRadius=2, opacity=0.45).encode(
        x=x, x2="due_date:T", y=y, color=colour, tooltip=tooltip)
    markers = milestone_rows.mark_point(filled=True, opacity=1, stroke="#222222",
                                        strokeWidth=0.8).encode(
        x="marker_date:T", y=y, color=colour, shape=shape, tooltip=tooltip)
    # Right of the as-of line, which an overdue bar always ends before: the gap is the delay.
    overdue = milestone_rows.transform_filter(alt.datum.overdue_label != "").mark_text(
        align="left", baseline="middle", dx=8, fontWeight="bold", color="#A63D00").encode(
        x="as_of:T", y=y, text="overdue_label:N")
    # At risk (`figures.risk_rules`): said in words right of its mark, not by colour alone.
    at_risk = milestone_rows.transform_filter(alt.datum.risk_label != "").mark_text(
        align="left", baseline="middle", dx=12, fontWeight="bold", color="#7A4A00").encode(
        x="marker_date:T", y=y, text="risk_label:N")
    as_of_line = base.transform_filter(alt.datum.first).mark_rule(
        strokeDash=[6, 4], style="thin_rule", color="#222222").encode(
        x="as_of:T", tooltip=alt.Tooltip("as_of:T", title=text.t("app.as_of", lang), format=DATE_FORMAT))
    layers = [header_band, header_text] if commitment_titles is not None else []
    lines = max((label.count("\n") + 1 for label in data["milestone"]), default=1)
    chart = alt.layer(*layers, bars, as_of_line, markers, overdue, at_risk).properties(
        width="container", height=alt.Step(ROW_HEIGHT + LINE_HEIGHT * (lines - 1)),
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding"))
    return finish(chart, lang)


# Light segments take dark text, dark ones white text, for contrast.
_TEXT_ON = {"complete": "white", "in_progress": "white", "not_started": "black", "overdue": "black"}


def status_counts(milestones: pd.DataFrame) -> pd.DataFrame:
    """`commitment_id`, `status`, `milestones`: how many milestones of each status (`figures.milestones`)."""
    if milestones.empty:
        return pd.DataFrame({"commitment_id": [], "status": [], "milestones": []})
    counts = milestones.groupby(["commitment_id", "status"]).size().rename("milestones").reset_index()
    return counts.sort_values(["commitment_id", "status"]).reset_index(drop=True)


def milestones_by_status(counts: pd.DataFrame, lang: str, names: dict[str, str] | None = None,
                         height_per_bar: int = 34) -> alt.TopLevelMixin:
    """Horizontal stacked bars: per commitment (named by `names`, id -> name), its milestones by
    status, each segment labelled."""
    names = names or {}
    order = {code: index for index, code in enumerate(schema.MILESTONE_STATUSES)}
    frame = pd.DataFrame({
        "commitment_id": counts["commitment_id"].astype(str),
        "commitment": [wrap_label(names.get(c, c)) for c in counts["commitment_id"].astype(str)],
        "status_code": counts["status"].astype(str),
        "status": [text.value_label("milestone_status", code, lang) for code in counts["status"]],
        "status_order": [order[code] for code in counts["status"]],
        "milestones": counts["milestones"].astype(int),
        "text_colour": [_TEXT_ON[code] for code in counts["status"]],
    }).sort_values(["commitment_id", "status_order"])
    # Each segment's span, worked out here so that its label sits at its end.
    frame["end"] = frame.groupby("commitment_id")["milestones"].cumsum()
    frame["start"] = frame["end"] - frame["milestones"]
    status_title = text.t("col.status", lang)
    count_title = text.t("publish.chart.milestones_axis", lang)
    colour = alt.Color("status:N", scale=labelled_scale("milestone_status", schema.MILESTONE_STATUSES,
                                                        STATUS_COLOURS, lang), title=status_title)
    y = alt.Y("commitment:N", title=None, sort=alt.EncodingSortField("commitment_id"),
              axis=alt.Axis(labelExpr=LINES))
    base = alt.Chart(frame)
    bars = base.mark_bar(stroke="white", strokeWidth=1).encode(
        y=y,
        x=alt.X("start:Q", title=count_title, axis=alt.Axis(tickMinStep=1, format="d")),
        x2="end:Q",
        color=colour,
        tooltip=[alt.Tooltip("commitment:N", title=text.t("col.commitment", lang)),
                 alt.Tooltip("status:N", title=status_title),
                 alt.Tooltip("milestones:Q", title=count_title)],
    )
    labels = base.mark_text(dx=-5, align="right", fontWeight="bold").encode(
        y=y, x="end:Q", text=alt.Text("milestones:Q", format="d"),
        color=alt.Color("text_colour:N", scale=None),
    )
    commitments = max(1, frame["commitment_id"].nunique())
    lines = max((label.count("\n") + 1 for label in frame["commitment"]), default=1)
    step = max(height_per_bar, LINE_HEIGHT * lines + 14)
    chart = alt.layer(bars, labels).properties(height=step * commitments,
                                               description=text.t("publish.chart.milestones", lang))
    return finish(chart, lang)
