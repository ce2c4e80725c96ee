"""A commitment over time: its milestones' progress, its assessments, its participation."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts.base import OKABE_ITO, finish, labelled_scale, month_axis
from ogp_metrics.contract import schema
from ogp_metrics.views.labels import localised_title

DATE_FORMAT = "%d %b %Y"
# The container's width, and the height asked for: a legend below adds to it, not takes from it.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")
MILESTONE_SHAPES = ("circle", "square", "diamond", "triangle-up", "cross", "triangle-down",
                    "triangle-right", "triangle-left")
ASSESSOR_SHAPES = {"self": "circle", "independent": "square"}
ASSESSOR_COLOURS = {"self": OKABE_ITO[0], "independent": OKABE_ITO[1]}
# Ticks on whole months, at most about this many along a time axis.
MAX_TICKS = 9


def time_axis(dates: pd.Series | list, title: str | None = None) -> alt.Axis:
    """A date axis ticked on whole months (never the same month twice), `févr. 2025` in French."""
    known = pd.to_datetime(pd.Series(dates, dtype="datetime64[ns]")).dropna()
    months = 1 if known.empty else (known.max().year - known.min().year) * 12 + (
        known.max().month - known.min().month) + 1
    step = next(s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= MAX_TICKS or s == 60)
    return alt.Axis(format="%b %Y", labelAngle=0, title=title,
                    tickCount=alt.TimeIntervalStep(interval="month", step=step))


# The completion levels bottom to top, as the y axis shows them.
COMPLETION_ORDER = ("withdrawn", "not_started", "limited", "substantial", "complete")


def progress_history(series: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """Each milestone's progress (0-100 %) by date, as steps (`figures.progress_series`)."""
    records = series.to_dict("records")
    data = pd.DataFrame({
        "date": pd.to_datetime(series["date"]),
        "milestone": [localised_title(r, lang) for r in records],
        "milestone_id": series["milestone_id"].astype(str),
        "progress_pct": series["progress_pct"].astype(float),
        "progress": [text.format_percent(p, lang) for p in series["progress_pct"]],
    })
    names = list(dict.fromkeys(data.sort_values("milestone_id")["milestone"]))
    milestone_title = text.t("col.milestone", lang)
    colour = alt.Color("milestone:N", scale=alt.Scale(
        domain=names, range=[OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(names))]),
        legend=alt.Legend(columns=1, labelLimit=520, symbolLimit=0)).title(milestone_title)
    shape = alt.Shape("milestone:N", scale=alt.Scale(
        domain=names, range=[MILESTONE_SHAPES[i % len(MILESTONE_SHAPES)] for i in range(len(names))]),
        legend=alt.Legend(columns=1, labelLimit=520)).title(milestone_title)
    x = alt.X("date:T", scale=alt.Scale(padding=12), axis=time_axis(data["date"]))
    y = alt.Y("progress_pct:Q", scale=alt.Scale(domain=[0, 100]),
              axis=alt.Axis(title=text.t("col.progress", lang) + " (%)", tickCount=5))
    tooltip = [alt.Tooltip("milestone:N", title=milestone_title),
               alt.Tooltip("date:T", title=text.t("commitments.col.date", lang), format=DATE_FORMAT),
               alt.Tooltip("progress:N", title=text.t("col.progress", lang))]
    base = alt.Chart(data)
    lines = base.mark_line(interpolate="step-after", strokeWidth=2).encode(x=x, y=y, color=colour,
                                                                            detail="milestone_id:N")
    points = base.mark_point(filled=True, size=90, opacity=1).encode(x=x, y=y, color=colour, shape=shape,
                                                                    tooltip=tooltip)
    chart = alt.layer(lines, points).properties(width="container", height=300, autosize=FIT_WIDTH)
    return finish(chart, lang)


def assessment_history(history: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """Completion by date, the City's and the independent assessment side by side
    (`figures.assessment_history`)."""
    data = pd.DataFrame({
        "date": pd.to_datetime(history["assessment_date"]),
        "assessor": [text.value_label("assessor", a, lang) for a in history["assessor"]],
        "completion": [text.value_label("completion", c, lang) for c in history["completion"]],
    })
    levels = [text.value_label("completion", code, lang) for code in COMPLETION_ORDER]
    assessor_title = text.t("commitments.col.assessor", lang)
    assessors = list(schema.ASSESSORS)
    colour = alt.Color("assessor:N", scale=labelled_scale("assessor", assessors, ASSESSOR_COLOURS, lang)
                       ).title(assessor_title)
    shape = alt.Shape("assessor:N", scale=alt.Scale(
        domain=[text.value_label("assessor", a, lang) for a in assessors],
        range=[ASSESSOR_SHAPES[a] for a in assessors])).title(assessor_title)
    x = alt.X("date:T", scale=alt.Scale(padding=14), axis=time_axis(data["date"]))
    y = alt.Y("completion:O", scale=alt.Scale(domain=list(reversed(levels))),
              axis=alt.Axis(title=text.t("commitments.col.completion", lang)))
    # The two assessors a little apart within each level, so that equal ones do not hide each other.
    offset = alt.YOffset("assessor:N", scale=alt.Scale(
        domain=[text.value_label("assessor", a, lang) for a in assessors], range=[-7, 7]))
    tooltip = [alt.Tooltip("assessor:N", title=assessor_title),
               alt.Tooltip("date:T", title=text.t("commitments.col.date", lang), format=DATE_FORMAT),
               alt.Tooltip("completion:N", title=text.t("commitments.col.completion", lang))]
    base = alt.Chart(data)
    lines = base.mark_line(interpolate="step-after", strokeWidth=2, opacity=0.7).encode(
        x=x, y=y, yOffset=offset, color=colour)
    points = base.mark_point(filled=True, size=130, opacity=1).encode(
        x=x, y=y, yOffset=offset, color=colour, shape=shape, tooltip=tooltip)
    chart = alt.layer(lines, points).properties(width="container", height=260, autosize=FIT_WIDTH)
    return finish(chart, lang)


def _activity_scale(activities: pd.Series, lang: str) -> alt.Scale:
    """Colours by activity, the same on every chart, over the activities present only."""
    present = set(activities)
    codes = [code for code in schema.ACTIVITIES if code in present]
    return alt.Scale(domain=[text.value_label("activity", code, lang) for code in codes],
                     range=[OKABE_ITO[schema.ACTIVITIES.index(code) % len(OKABE_ITO)] for code in codes])


def participation_by_month(by_month: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """Participations per month, stacked by activity (`figures.participation_by_month`)."""
    data = pd.DataFrame({
        "month": pd.to_datetime(by_month["month"]),
        "activity": [text.value_label("activity", a, lang) for a in by_month["activity"]],
        "participants": by_month["participants"].astype(float),
    })
    activity_title = text.t("commitments.col.activity", lang)
    participants_title = text.t("commitments.col.participants", lang)
    chart = alt.Chart(data).mark_bar().encode(
        x=alt.X("yearmonth(month):T", axis=month_axis(lang)),
        y=alt.Y("sum(participants):Q", axis=alt.Axis(title=participants_title)),
        color=alt.Color("activity:N", scale=_activity_scale(by_month["activity"], lang)
                        ).title(activity_title),
        tooltip=[alt.Tooltip("yearmonth(month):T", title=text.t("commitments.col.month", lang),
                             format="%B %Y"),
                 alt.Tooltip("activity:N", title=activity_title),
                 alt.Tooltip("sum(participants):Q", title=participants_title, format=",d")])
    return finish(chart.properties(width="container", height=280, autosize=FIT_WIDTH), lang)
