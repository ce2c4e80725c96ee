"""A commitment over time: its milestones' progress and its assessments."""

from __future__ import annotations

import altair as alt
import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts.base import DATE_FORMAT, finish, fit_width, time_axis
from ogp_metrics.charts.palette import (
    ASSESSOR_COLOURS,
    ASSESSOR_SHAPES,
    MILESTONE_SHAPES,
    OKABE_ITO,
    labelled_scale,
)
from ogp_metrics.contract import schema
from ogp_metrics.figures import rows_of

# The completion levels bottom to top, as the y axis shows them.
COMPLETION_ORDER = ("withdrawn", "not_started", "limited", "substantial", "complete")


def progress_history(series: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """Each milestone's progress (0-100 %) by date, as steps (`figures.progress_series`)."""
    records = rows_of(series)
    data = pd.DataFrame({
        "date": pd.to_datetime(series["date"]),
        "milestone": [text.localised(r, lang) for r in records],
        "milestone_id": series["milestone_id"].astype(str),
        "progress_pct": series["progress_pct"].astype(float),
        "progress": [text.format_percent(p, lang) for p in series["progress_pct"]],
    })
    names = list(dict.fromkeys(data.sort_values("milestone_id")["milestone"]))
    milestone_title = text.t("col.milestone", lang)
    colour = alt.Color("milestone:N", scale=alt.Scale(
        domain=names, range=[OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(names))]),
        legend=alt.Legend(columns=1, symbolLimit=0)).title(milestone_title)
    shape = alt.Shape("milestone:N", scale=alt.Scale(
        domain=names, range=[MILESTONE_SHAPES[i % len(MILESTONE_SHAPES)] for i in range(len(names))]),
        legend=alt.Legend(columns=1)).title(milestone_title)
    x = alt.X("date:T", scale=alt.Scale(padding=12), axis=time_axis(data["date"]))
    y = alt.Y("progress_pct:Q", scale=alt.Scale(domain=[0, 100]),
              axis=alt.Axis(title=text.t("col.progress", lang) + " (%)", tickCount=5))
    tooltip = [alt.Tooltip("milestone:N", title=milestone_title),
               alt.Tooltip("date:T", title=text.t("commitments.col.date", lang), format=DATE_FORMAT),
               alt.Tooltip("progress:N", title=text.t("col.progress", lang))]
    base = alt.Chart(data)
    lines = base.mark_line(interpolate="step-after").encode(x=x, y=y, color=colour,
                                                                            detail="milestone_id:N")
    points = base.mark_point(filled=True, opacity=1).encode(x=x, y=y, color=colour, shape=shape,
                                                                    tooltip=tooltip)
    chart = fit_width(alt.layer(lines, points).properties(width="container", height=300))
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
    lines = base.mark_line(interpolate="step-after", opacity=0.7).encode(
        x=x, y=y, yOffset=offset, color=colour)
    points = base.mark_point(filled=True, opacity=1).encode(
        x=x, y=y, yOffset=offset, color=colour, shape=shape, tooltip=tooltip)
    chart = fit_width(alt.layer(lines, points).properties(width="container", height=260))
    return finish(chart, lang)


