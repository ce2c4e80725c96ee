"""The Milestones page: every milestone as a table (the timeline's text alternative), what falls due."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts import milestones as milestone_charts
from ogp_metrics.figures import as_date, rows_of
from ogp_metrics.views.figure import Figure
from ogp_metrics.views.labels import NO_OWNER, institution_names, owner_name
from ogp_metrics.views.wording import date_text, missing


def owner_options(milestones: pd.DataFrame) -> list[str]:
    """The owners of the milestones by code, then `NO_OWNER` if some milestone has none."""
    owners = sorted({code for code in milestones["owner"] if isinstance(code, str) and code})
    if any(not isinstance(code, str) or not code for code in milestones["owner"]):
        owners.append(NO_OWNER)
    return owners


def owner_label(code: str, institutions: pd.DataFrame, lang: str) -> str:
    return owner_name(institution_names(institutions, lang), code, lang)


def _commitment_names(records: list[dict], commitment_names: dict[str, str] | None) -> list[str]:
    names = commitment_names or {}
    return [names.get(r["commitment_id"], r["commitment_id"]) for r in records]


def milestone_rows(milestones: pd.DataFrame, institutions: pd.DataFrame, lang: str,
                   public: bool = False, with_commitment: bool = True,
                   commitment_names: dict[str, str] | None = None) -> pd.DataFrame:
    """The milestones as a table: the timeline's text alternative.

    Commitments are shown by identifier, or by `commitment_names` (id -> name) when given.
    """
    names = institution_names(institutions, lang)
    records = rows_of(milestones)
    columns = {
        text.t("milestones.col.id", lang): [r["milestone_id"] for r in records],
        text.t("col.milestone", lang): [text.localised(r, lang) for r in records],
        text.t("col.commitment", lang): _commitment_names(records, commitment_names),
        text.t("col.owner", lang): [owner_name(names, r["owner"], lang) for r in records],
        text.t("col.start_date", lang): [date_text(r["start_date"], lang) for r in records],
        text.t("col.due_date", lang): [date_text(r["due_date"], lang) for r in records],
        # Completed after the as-of date is not complete yet on that date.
        text.t("col.completed_date", lang): [
            date_text(r["completed_date"] if r["status"] == "complete" else None, lang) for r in records],
        text.t("col.status", lang): [status_text(r, lang) for r in records],
        text.t("col.days_late", lang): [None if missing(r["days_late"]) else int(r["days_late"])
                                        for r in records],
        text.t("col.progress", lang): [float(r["progress_pct"]) for r in records],
    }
    frame = pd.DataFrame(columns)
    frame[text.t("col.days_late", lang)] = frame[text.t("col.days_late", lang)].astype("Int64")
    dropped = []
    if public:
        dropped.append(text.t("milestones.col.id", lang))
    if not with_commitment:
        dropped.append(text.t("col.commitment", lang))
    return frame.drop(columns=dropped)


def status_text(row: dict, lang: str) -> str:
    """`En cours`, or `En cours · ◆ À risque` when the risk rules flag it (`figures.risk_rules`)."""
    status = text.value_label("milestone_status", row["status"], lang)
    if isinstance(row.get("risk"), str):
        status += " · " + text.t("attention.at_risk", lang)
    return status


def due_soon_key_columns(lang: str) -> tuple[str, ...]:
    """The columns a projected due-soon table keeps."""
    return tuple(text.t(key, lang) for key in ("col.milestone", "col.due_date", "milestones.col.days_left",
                                               "col.status", "col.progress"))


def commitment_span_rows(spans: pd.DataFrame, lang: str,
                         commitment_names: dict[str, str] | None = None) -> pd.DataFrame:
    """The commitments' spans (`figures.commitment_spans`) as a table: the text alternative of
    a large plan's timeline."""
    records = rows_of(spans)
    return pd.DataFrame({
        text.t("col.commitment", lang): _commitment_names(records, commitment_names),
        text.t("col.start_date", lang): [date_text(r["start_date"], lang) for r in records],
        text.t("col.due_date", lang): [date_text(r["due_date"], lang) for r in records],
        text.t("col.status", lang): [text.value_label("milestone_status", r["status"], lang)
                                     for r in records],
        text.t("milestones.col.count", lang): [int(r["milestones"]) for r in records],
        text.t("headline.milestones_complete", lang): [int(r["milestones_complete"]) for r in records],
        text.t("commitments.col.overdue", lang): [int(r["milestones_overdue"]) for r in records],
        text.t("col.progress", lang): [float(r["progress_pct"]) for r in records],
    })


def due_soon_rows(due: pd.DataFrame, institutions: pd.DataFrame, as_of: date, lang: str,
                  public: bool = False, commitment_names: dict[str, str] | None = None) -> pd.DataFrame:
    """What falls due soon (`figures.due_within`), soonest first, with the days left."""
    names = institution_names(institutions, lang)
    records = rows_of(due.sort_values(["due_date", "milestone_id"]))
    # When, how far and how it stands first; who and which commitment after.
    columns = {
        text.t("milestones.col.id", lang): [r["milestone_id"] for r in records],
        text.t("col.milestone", lang): [text.localised(r, lang) for r in records],
        text.t("col.due_date", lang): [date_text(r["due_date"], lang) for r in records],
        text.t("milestones.col.days_left", lang): [text.format_number((as_date(r["due_date"]) - as_of).days,
                                                                      lang) for r in records],
        text.t("col.status", lang): [status_text(r, lang) for r in records],
        text.t("col.progress", lang): [text.format_percent(r["progress_pct"], lang) for r in records],
        text.t("col.owner", lang): [owner_name(names, r["owner"], lang) for r in records],
        text.t("col.commitment", lang): _commitment_names(records, commitment_names),
    }
    frame = pd.DataFrame(columns)
    if public:
        frame = frame.drop(columns=[text.t("milestones.col.id", lang)])
    return frame


def timeline_figure(milestones: pd.DataFrame, institutions: pd.DataFrame, as_of: date, lang: str,
                    public: bool, slug: str = "milestones", titles: dict[str, str] | None = None,
                    commitment_names: dict[str, str] | None = None, with_commitment: bool = True) -> Figure:
    """The milestones as a timeline (grouped by commitment when `titles` are given), with their table."""
    title = text.t("milestones.timeline", lang)
    names = institution_names(institutions, lang)
    chart = milestone_charts.milestone_timeline(milestones, as_of, lang, names, titles)
    table = milestone_rows(milestones, institutions, lang, public, with_commitment, commitment_names)
    return Figure(slug, title, title, chart, table,
                  text.t("milestones.gantt_caption", lang, date=text.format_date(as_of, lang)))
