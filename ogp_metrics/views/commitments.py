"""Tables of the commitments and milestones pages: what the queries return, as a reader scans it.

Headers are translated, coded values labelled, dates and numbers formatted for the language.
Progress stays a number (0-100) so that the page can draw it as a bar. Public mode drops the
staff columns (notes, who reported) and the identifiers a member of the public has no use for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from ogp_metrics import text
from ogp_metrics.contract import schema
from ogp_metrics.views import privacy
from ogp_metrics.views.labels import as_date, institution_names, localised_title

# A milestone without an owner: an option of the owner filter like the institution codes.
NO_OWNER = ""
# How the progress bars print their value (printf style, as Streamlit's ProgressColumn wants).
PROGRESS_FORMAT = {"fr": "%.0f %%", "en": "%.0f%%"}


def progress_format(lang: str) -> str:
    return PROGRESS_FORMAT[text.language(lang)]


def _name(names: dict[str, str], code: object, lang: str) -> str:
    if not isinstance(code, str) or not code:
        return text.t("milestones.no_owner", lang)
    return names.get(code, code)


def _date(value: object, lang: str) -> str:
    return text.format_date(as_date(value), lang)


def _missing(value: object) -> bool:
    if value is None or isinstance(value, str):
        return value is None
    if hasattr(value, "__len__"):  # a list of values (DuckDB gives numpy arrays)
        return False
    return bool(pd.isna(value))


def _items(values: object) -> list:
    """A list cell (`ogp_values`) as a Python list; [] when blank."""
    return [] if _missing(values) else list(values)


# ---------------------------------------------------------------- commitments

def institution_options(commitments: pd.DataFrame) -> list[str]:
    """The lead institutions that lead at least one commitment, by code."""
    return sorted({code for code in commitments["lead_institution"] if isinstance(code, str)})


def value_options(commitments: pd.DataFrame) -> list[str]:
    """The OGP values at least one commitment carries, in the contract's order."""
    present = {value for values in commitments["ogp_values"] for value in _items(values)}
    return [value for value in schema.OGP_VALUES if value in present]


def commitment_label(row, lang: str, public: bool = False) -> str:
    """How a commitment is named in a list: `FRPA0001 · Assemblée citoyenne de Paris`."""
    title = localised_title(row, lang)
    return title if public else f"{row['commitment_id']} · {title}"


def commitment_labels(commitments: pd.DataFrame, lang: str, public: bool = False) -> dict[str, str]:
    """Commitment id -> its name in a list (`commitment_label`)."""
    return {row["commitment_id"]: commitment_label(row, lang, public)
            for row in commitments.to_dict("records")}


def value_labels(values: object, lang: str) -> list[str]:
    """A commitment's OGP values, labelled; `aucune` when it has none."""
    return ([text.value_label("ogp_values", value, lang) for value in _items(values)]
            or [text.t("commitments.no_values", lang)])


@dataclass(frozen=True)
class Figure:
    """One figure of a commitment's detail, as `st.metric` shows it."""

    label: str
    value: str
    help: str | None = None


def commitment_figures(row: dict, lang: str) -> list[Figure]:
    """Progress, milestones complete and overdue, then the City's and the independent assessment."""
    figures = [
        Figure(text.t("commitments.col.progress", lang),
               text.format_percent(row["weighted_progress_pct"], lang),
               text.t("commitments.progress_help", lang)),
        Figure(text.t("headline.milestones_complete", lang),
               text.t("headline.of_total", lang, value=text.format_number(row["milestones_complete"], lang),
                      total=text.format_number(row["milestones"], lang))),
        Figure(text.t("headline.milestones_overdue", lang),
               text.format_number(row["milestones_overdue"], lang)),
    ]
    for assessor in schema.ASSESSORS:
        assessed = as_date(row[f"{assessor}_assessment_date"])
        when = (text.t("commitments.assessed_on", lang, date=text.format_date(assessed, lang)) if assessed
                else text.t("commitments.never_assessed", lang))
        figures.append(Figure(f"{text.t(f'commitments.col.{assessor}', lang)} ({when})",
                              text.value_label("completion", row[f"{assessor}_completion"], lang),
                              text.t("commitments.assessment_help", lang)))
    return figures


def assessment_text(completion: object, assessed: object, lang: str) -> str:
    """`Substantiel (30 juin 2025)`, or `Non évalué` when there is no assessment yet."""
    label = text.value_label("completion", completion, lang)
    assessed = as_date(assessed)
    return label if assessed is None else f"{label} ({text.format_date(assessed, lang)})"


def commitment_rows(commitments: pd.DataFrame, institutions: pd.DataFrame, lang: str,
                    public: bool = False) -> pd.DataFrame:
    """One row per commitment: lead, values, both assessments, weighted progress, milestone counts."""
    names = institution_names(institutions, lang)
    records = commitments.to_dict("records")
    # What a reader looks for first (progress, both assessments) before the long names.
    columns = {
        text.t("commitments.col.id", lang): [r["commitment_id"] for r in records],
        text.t("col.commitment", lang): [localised_title(r, lang) for r in records],
        text.t("commitments.col.progress", lang): [float(r["weighted_progress_pct"]) for r in records],
        text.t("commitments.col.self", lang): [
            assessment_text(r["self_completion"], r["self_assessment_date"], lang) for r in records],
        text.t("commitments.col.independent", lang): [
            assessment_text(r["independent_completion"], r["independent_assessment_date"], lang)
            for r in records],
        text.t("commitments.col.complete", lang): [
            text.t("headline.of_total", lang, value=text.format_number(r["milestones_complete"], lang),
                   total=text.format_number(r["milestones"], lang)) for r in records],
        text.t("commitments.col.overdue", lang): [int(r["milestones_overdue"]) for r in records],
        text.t("commitments.col.lead", lang): [_name(names, r["lead_institution"], lang) for r in records],
        text.t("commitments.col.values", lang): [
            [text.value_label("ogp_values", v, lang) for v in _items(r["ogp_values"])] for r in records],
    }
    frame = pd.DataFrame(columns)
    if public:
        frame = frame.drop(columns=[text.t("commitments.col.id", lang)])
    return frame


# ---------------------------------------------------------------- milestones

def owner_options(milestones: pd.DataFrame) -> list[str]:
    """The owners of the milestones by code, then `NO_OWNER` if some milestone has none."""
    owners = sorted({code for code in milestones["owner"] if isinstance(code, str) and code})
    if any(not isinstance(code, str) or not code for code in milestones["owner"]):
        owners.append(NO_OWNER)
    return owners


def owner_label(code: str, institutions: pd.DataFrame, lang: str) -> str:
    return _name(institution_names(institutions, lang), code, lang)


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
    records = milestones.to_dict("records")
    columns = {
        text.t("milestones.col.id", lang): [r["milestone_id"] for r in records],
        text.t("col.milestone", lang): [localised_title(r, lang) for r in records],
        text.t("col.commitment", lang): _commitment_names(records, commitment_names),
        text.t("col.owner", lang): [_name(names, r["owner"], lang) for r in records],
        text.t("col.start_date", lang): [_date(r["start_date"], lang) for r in records],
        text.t("col.due_date", lang): [_date(r["due_date"], lang) for r in records],
        # Completed after the as-of date is not complete yet on that date.
        text.t("col.completed_date", lang): [_date(r["completed_date"] if r["status"] == "complete" else None,
                                                   lang) for r in records],
        text.t("col.status", lang): [text.value_label("milestone_status", r["status"], lang)
                                     for r in records],
        text.t("col.days_late", lang): [None if _missing(r["days_late"]) else int(r["days_late"])
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


def due_soon_rows(due: pd.DataFrame, institutions: pd.DataFrame, as_of: date, lang: str,
                  public: bool = False, commitment_names: dict[str, str] | None = None) -> pd.DataFrame:
    """What falls due soon (`figures.due_within`), soonest first, with the days left."""
    names = institution_names(institutions, lang)
    records = due.sort_values(["due_date", "milestone_id"]).to_dict("records")
    # When, how far and how it stands first; who and which commitment after.
    columns = {
        text.t("milestones.col.id", lang): [r["milestone_id"] for r in records],
        text.t("col.milestone", lang): [localised_title(r, lang) for r in records],
        text.t("col.due_date", lang): [_date(r["due_date"], lang) for r in records],
        text.t("milestones.col.days_left", lang): [(as_date(r["due_date"]) - as_of).days
                                                   for r in records],
        text.t("col.status", lang): [text.value_label("milestone_status", r["status"], lang)
                                     for r in records],
        text.t("col.progress", lang): [float(r["progress_pct"]) for r in records],
        text.t("col.owner", lang): [_name(names, r["owner"], lang) for r in records],
        text.t("col.commitment", lang): _commitment_names(records, commitment_names),
    }
    frame = pd.DataFrame(columns)
    if public:
        frame = frame.drop(columns=[text.t("milestones.col.id", lang)])
    return frame


# ---------------------------------------------------------------- one commitment's history

def progress_rows(series: pd.DataFrame, lang: str, public: bool = False) -> pd.DataFrame:
    """Progress by date and milestone (`figures.progress_series`)."""
    if public:
        series = privacy.without_staff_columns(series)
    records = series.to_dict("records")
    columns = {
        text.t("commitments.col.date", lang): [_date(r["date"], lang) for r in records],
        text.t("col.milestone", lang): [localised_title(r, lang) for r in records],
        text.t("col.progress", lang): [float(r["progress_pct"]) for r in records],
    }
    if not public:
        columns[text.t("commitments.col.note", lang)] = [
            "" if _missing(r.get("note")) else r["note"] for r in records]
        columns[text.t("commitments.col.reported_by", lang)] = [
            "" if _missing(r.get("reported_by")) else r["reported_by"] for r in records]
    return pd.DataFrame(columns)


def assessment_rows(history: pd.DataFrame, lang: str, public: bool = False) -> pd.DataFrame:
    """Each assessment (`figures.assessment_history`): date, by whom, completion, opening."""
    if public:
        history = privacy.without_staff_columns(history)
    records = history.to_dict("records")
    columns = {
        text.t("commitments.col.date", lang): [_date(r["assessment_date"], lang) for r in records],
        text.t("commitments.col.assessor", lang): [text.value_label("assessor", r["assessor"], lang)
                                                   for r in records],
        text.t("commitments.col.completion", lang): [text.value_label("completion", r["completion"], lang)
                                                     for r in records],
        text.t("commitments.col.opened", lang): [
            text.value_label("did_it_open_government", r["did_it_open_government"], lang)
            for r in records],
    }
    if not public:
        columns[text.t("commitments.col.note", lang)] = [
            "" if _missing(r.get("note")) else r["note"] for r in records]
    return pd.DataFrame(columns)


def meeting_rows(meetings: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Meetings (`figures.meetings`): date, type, title, public or not, attendees, held or planned."""
    records = meetings.to_dict("records")
    unknown = text.t("app.unknown", lang)
    return pd.DataFrame({
        text.t("commitments.col.date", lang): [_date(r["date"], lang) for r in records],
        text.t("commitments.col.meeting_type", lang): [
            text.value_label("meeting_type", r["meeting_type"], lang) for r in records],
        text.t("commitments.col.title", lang): ["" if _missing(r["title"]) else r["title"]
                                                for r in records],
        text.t("commitments.col.access", lang): [text.value_label("is_public", bool(r["is_public"]), lang)
                                                 for r in records],
        # Unknown attendance is shown as unknown, never as zero.
        text.t("commitments.col.attendees", lang): [
            unknown if _missing(r["attendees"]) else text.format_number(r["attendees"], lang)
            for r in records],
        text.t("commitments.col.state", lang): [text.value_label("meeting_state", r["state"], lang)
                                                for r in records],
        text.t("commitments.col.minutes", lang): [None if _missing(r["minutes_url"]) else r["minutes_url"]
                                                  for r in records],
    })


def participation_rows(by_month: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Participation by month and activity (`figures.participation_by_month`)."""
    records = by_month.to_dict("records")
    return pd.DataFrame({
        text.t("commitments.col.month", lang): [text.format_date(as_date(r["month"]), lang, "month")
                                                for r in records],
        text.t("commitments.col.activity", lang): [text.value_label("activity", r["activity"], lang)
                                                   for r in records],
        text.t("commitments.col.participants", lang): [int(r["participants"]) for r in records],
        text.t("commitments.col.contributions", lang): [int(r["contributions"]) for r in records],
    })
