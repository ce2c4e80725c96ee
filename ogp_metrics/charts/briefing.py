"""The one chart the briefing and the public site need that the pages do not draw:
milestones by status, one bar per commitment.

Status is told by colour and by the words on each segment ("3 terminés"), never by colour alone.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts.base import STATUS_COLOURS, finish, labelled_scale
from ogp_metrics.contract import schema

# Light segments take dark text, dark ones white text, for contrast.
_TEXT_ON = {"complete": "white", "in_progress": "white", "not_started": "black", "overdue": "black"}


def status_counts(milestones: pd.DataFrame) -> pd.DataFrame:
    """`commitment_id`, `status`, `milestones`: how many milestones of each status (`figures.milestones`)."""
    if milestones.empty:
        return pd.DataFrame({"commitment_id": [], "status": [], "milestones": []})
    counts = milestones.groupby(["commitment_id", "status"]).size().rename("milestones").reset_index()
    return counts.sort_values(["commitment_id", "status"]).reset_index(drop=True)


def milestones_by_status(counts: pd.DataFrame, lang: str, height_per_bar: int = 34) -> alt.TopLevelMixin:
    """Horizontal stacked bars: per commitment, its milestones by status, each segment labelled."""
    order = {code: index for index, code in enumerate(schema.MILESTONE_STATUSES)}
    frame = pd.DataFrame({
        "commitment_id": counts["commitment_id"].astype(str),
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
    y = alt.Y("commitment_id:N", title=None, axis=alt.Axis(labelFontSize=13))
    base = alt.Chart(frame)
    bars = base.mark_bar(stroke="white", strokeWidth=1).encode(
        y=y,
        x=alt.X("start:Q", title=count_title, axis=alt.Axis(tickMinStep=1, format="d")),
        x2="end:Q",
        color=colour,
        tooltip=[alt.Tooltip("commitment_id:N", title=text.t("col.commitment", lang)),
                 alt.Tooltip("status:N", title=status_title),
                 alt.Tooltip("milestones:Q", title=count_title)],
    )
    labels = base.mark_text(dx=-5, align="right", fontSize=12, fontWeight="bold").encode(
        y=y, x="end:Q", text=alt.Text("milestones:Q", format="d"),
        color=alt.Color("text_colour:N", scale=None),
    )
    commitments = max(1, frame["commitment_id"].nunique())
    chart = alt.layer(bars, labels).properties(height=height_per_bar * commitments,
                                               description=text.t("publish.chart.milestones", lang))
    return finish(chart, lang)
