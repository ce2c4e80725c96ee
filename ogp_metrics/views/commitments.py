"""The Commitments page: where each commitment stands, and one commitment's history.

Headers are translated, coded values labelled, dates and numbers formatted for the language.
Progress stays a number (0-100) so that the page can draw it as a bar. Public mode drops the
staff columns (notes, who reported) and the identifiers a member of the public has no use for.
"""

from __future__ import annotations

import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts import progress as progress_charts
from ogp_metrics.contract import schema
from ogp_metrics.figures import as_date, rows_of
from ogp_metrics.views import privacy
from ogp_metrics.views.committee import rules_help
from ogp_metrics.views.figure import Card, Figure
from ogp_metrics.views.labels import commitment_label, institution_names, owner_name
from ogp_metrics.views.wording import date_text, items, missing


def institution_options(commitments: pd.DataFrame) -> list[str]:
    """The lead institutions that lead at least one commitment, by code."""
    return sorted({code for code in commitments["lead_institution"] if isinstance(code, str)})


def value_options(commitments: pd.DataFrame) -> list[str]:
    """The OGP values at least one commitment carries, in the contract's order."""
    present = {value for values in commitments["ogp_values"] for value in items(values)}
    return [value for value in schema.OGP_VALUES if value in present]


def commitment_cards(row: dict, lang: str) -> list[Card]:
    """Progress, milestones complete and overdue, then the City's and the independent assessment."""
    cards = [
        Card(text.t("commitments.col.progress", lang),
               text.format_percent(row["weighted_progress_pct"], lang),
               text.t("commitments.progress_help", lang)),
        Card(text.t("headline.milestones_complete", lang),
               text.t("headline.of_total", lang, value=text.format_number(row["milestones_complete"], lang),
                      total=text.format_number(row["milestones"], lang))),
        Card(text.t("headline.milestones_overdue", lang),
               text.format_number(row["milestones_overdue"], lang)),
        Card(text.t("commitments.col.at_risk", lang), text.format_number(row["milestones_at_risk"], lang),
             rules_help(lang)),
    ]
    for assessor in schema.ASSESSORS:
        assessed = as_date(row[f"{assessor}_assessment_date"])
        when = (text.t("commitments.assessed_on", lang, date=text.format_date(assessed, lang)) if assessed
                else text.t("commitments.never_assessed", lang))
        cards.append(Card(f"{text.t(f'commitments.col.{assessor}', lang)} ({when})",
                              text.value_label("completion", row[f"{assessor}_completion"], lang),
                              text.t("commitments.assessment_help", lang)))
    return cards


def assessment_text(completion: object, assessed: object, lang: str) -> str:
    """`Substantiel (30 juin 2025)`, or `Non évalué` when there is no assessment yet."""
    label = text.value_label("completion", completion, lang)
    assessed = as_date(assessed)
    return label if assessed is None else f"{label} ({text.format_date(assessed, lang)})"


def commitment_rows(commitments: pd.DataFrame, institutions: pd.DataFrame, lang: str,
                    public: bool = False) -> pd.DataFrame:
    """One row per commitment, to read: name, weighted progress, both assessments, milestones
    complete, overdue and at risk, lead. Its OGP values are in its detail.

    The public reads commitments by name; staff by their identifier and name.
    """
    names = institution_names(institutions, lang)
    records = rows_of(commitments)
    # What a reader looks for first (progress, both assessments) before the lead's long name.
    columns = {
        text.t("col.commitment", lang): [commitment_label(r, lang, public) for r in records],
        text.t("commitments.col.progress", lang): [text.format_percent(r["weighted_progress_pct"], lang)
                                                   for r in records],
        text.t("commitments.col.self", lang): [
            assessment_text(r["self_completion"], r["self_assessment_date"], lang) for r in records],
        text.t("commitments.col.independent", lang): [
            assessment_text(r["independent_completion"], r["independent_assessment_date"], lang)
            for r in records],
        text.t("commitments.col.complete", lang): [
            text.t("headline.of_total", lang, value=text.format_number(r["milestones_complete"], lang),
                   total=text.format_number(r["milestones"], lang)) for r in records],
        text.t("commitments.col.overdue", lang): [text.format_number(r["milestones_overdue"], lang)
                                                  for r in records],
        text.t("commitments.col.at_risk", lang): [text.format_number(r["milestones_at_risk"], lang)
                                                  for r in records],
        text.t("commitments.col.lead", lang): [owner_name(names, r["lead_institution"], lang)
                                               for r in records],
    }
    return pd.DataFrame(columns)


def count_columns(lang: str) -> tuple[str, ...]:
    """The columns that hold counts (aligned right, kept on one line)."""
    return tuple(text.t(key, lang) for key in ("commitments.col.complete", "commitments.col.overdue",
                                               "commitments.col.at_risk"))


def key_columns(lang: str) -> tuple[str, ...]:
    """The columns a projected list keeps."""
    return tuple(text.t(key, lang) for key in ("col.commitment", "commitments.col.progress",
                                               "commitments.col.self", "commitments.col.independent",
                                               "commitments.col.overdue"))


def progress_rows(series: pd.DataFrame, lang: str, public: bool = False) -> pd.DataFrame:
    """Progress by date and milestone (`figures.progress_series`)."""
    if public:
        series = privacy.without_staff_columns(series)
    records = rows_of(series)
    columns = {
        text.t("commitments.col.date", lang): [date_text(r["date"], lang) for r in records],
        text.t("col.milestone", lang): [text.localised(r, lang) for r in records],
        text.t("col.progress", lang): [float(r["progress_pct"]) for r in records],
    }
    if not public:
        columns[text.t("commitments.col.note", lang)] = [
            "" if missing(r.get("note")) else r["note"] for r in records]
        columns[text.t("commitments.col.reported_by", lang)] = [
            "" if missing(r.get("reported_by")) else r["reported_by"] for r in records]
    return pd.DataFrame(columns)


def assessment_rows(history: pd.DataFrame, lang: str, public: bool = False) -> pd.DataFrame:
    """Each assessment (`figures.assessment_history`): date, by whom, completion, opening."""
    if public:
        history = privacy.without_staff_columns(history)
    records = rows_of(history)
    columns = {
        text.t("commitments.col.date", lang): [date_text(r["assessment_date"], lang) for r in records],
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
            "" if missing(r.get("note")) else r["note"] for r in records]
    return pd.DataFrame(columns)


def progress_figure(series: pd.DataFrame, lang: str, public: bool, slug: str) -> Figure:
    """A commitment's milestones' progress over time (`figures.progress_series`)."""
    title = text.t("commitments.tab.progress", lang)
    return Figure(slug, title, title, progress_charts.progress_history(series, lang),
                  progress_rows(series, lang, public), text.t("commitments.progress_caption", lang))


def assessment_figure(history: pd.DataFrame, lang: str, public: bool, slug: str) -> Figure:
    """A commitment's assessments over time, the City's and the independent ones side by side."""
    title = text.t("commitments.tab.assessments", lang)
    return Figure(slug, title, title, progress_charts.assessment_history(history, lang),
                  assessment_rows(history, lang, public), text.t("commitments.assessment_caption", lang))
