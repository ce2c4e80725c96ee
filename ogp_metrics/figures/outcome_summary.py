"""What participation decided, in the shape `summary --json` prints: events taken part in, each
vote's result and turnout, and the projects decided (see `figures.headline`).

    "participation": {..., "events": 2},
    "votes": [{"event_id", "title", "date", "registered", "voters", "blank", "null", "turnout_pct",
               "options": {"<option as the file words it>": votes}}],
    "projects": {"total", "amount_eur", "by_status": {code: n}, "by_edition": {"2023": {"projects",
                 "amount_eur"}}}

A vote's title is its French one (its English one when the French is blank).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics.contract.vocabulary import PROJECT_STATUSES
from ogp_metrics.figures.event_queries import events_taken_part
from ogp_metrics.figures.filters import NO_FILTERS, Filters
from ogp_metrics.figures.project_queries import projects_by
from ogp_metrics.figures.rows import rows_of
from ogp_metrics.figures.sql import Cursor
from ogp_metrics.figures.vote_queries import vote_options, votes


def _whole(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _number(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def vote_summaries(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> list[dict]:
    """Each vote held on or before the date, with its result per option."""
    options = vote_options(cursor, as_of, filters)
    result = []
    for vote in rows_of(votes(cursor, as_of, filters)):
        chosen = options[options["event_id"] == vote["event_id"]]
        title = vote["title_fr"] if isinstance(vote["title_fr"], str) else vote["title_en"]
        result.append({
            "event_id": vote["event_id"], "title": title,
            "date": vote["date"].date().isoformat() if hasattr(vote["date"], "date") else str(vote["date"]),
            "registered": _whole(vote["registered"]), "voters": _whole(vote["voters"]),
            "blank": _whole(vote["blank"]), "null": _whole(vote["null_votes"]),
            "turnout_pct": _number(vote["turnout_pct"]),
            "options": {option: int(count) for option, count in zip(chosen["option"], chosen["votes"],
                                                                      strict=True)},
        })
    return result


def project_summary(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> dict:
    """Projects counted on the date: how many, their budget, per stage (every stage present) and
    per edition."""
    by_status = projects_by(cursor, as_of, "status", filters)
    by_edition = projects_by(cursor, as_of, "edition", filters)
    statuses = dict.fromkeys(PROJECT_STATUSES, 0)
    for status, count in zip(by_status["group_key"], by_status["projects"], strict=True):
        statuses[status] = int(count)
    return {
        "total": int(by_status["projects"].sum()),
        "amount_eur": int(by_status["amount_eur"].sum()),
        "by_status": statuses,
        "by_edition": {str(int(edition)): {"projects": int(count), "amount_eur": int(amount)}
                       for edition, count, amount in zip(by_edition["group_key"], by_edition["projects"],
                                                         by_edition["amount_eur"], strict=True)},
    }


def outcomes(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> dict:
    """Events taken part in, votes and projects, as the headline figures carry them."""
    return {"events": events_taken_part(cursor, as_of, filters),
            "votes": vote_summaries(cursor, as_of, filters),
            "projects": project_summary(cursor, as_of, filters)}
