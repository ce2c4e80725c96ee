"""With nothing chosen, a figure's SQL runs on the tables themselves (`filters.filtered`): the
filters' tables would keep every row of a valid plan, and planning them cost about 5 ms a query.

Each figure of the bundled plan, with nothing chosen, is computed both ways (on the tables, and
through the filters' tables every figure read before) and must come out the same, on two dates."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date
from functools import partial

import pandas as pd
import pytest
from helpers import BUNDLED

from ogp_metrics import figures
from ogp_metrics.figures import filters as filter_model
from ogp_metrics.figures.commitment_queries import completion
from ogp_metrics.ingest.load import load_plan

SINCE = date(2025, 5, 10)


def grouped(figure, group: str, cursor, on: date):
    return figure(cursor, on, group)


FIGURES = {
    "headline": lambda c, d: figures.headline(c, d),
    "changes_since_last_steering_committee": lambda c, d: figures.changes_since_last_steering_committee(c, d),
    "commitments": figures.commitments, "completion": completion,
    "assessment_history": figures.assessment_history,
    "commitment_titles": lambda c, d: figures.commitment_titles(c),
    "milestones": figures.milestones, "commitment_spans": figures.commitment_spans,
    "due_within": lambda c, d: figures.due_within(c, d, 365), "progress_series": figures.progress_series,
    "progress_updates": figures.progress_updates, "targets": figures.targets,
    "milestone_changes": lambda c, d: figures.milestone_changes(c, SINCE, d),
    "new_assessments": lambda c, d: figures.new_assessments(c, SINCE, d),
    "meetings_held": lambda c, d: figures.meetings_held(c, SINCE, d),
    "targets_reached": lambda c, d: figures.targets_reached(c, SINCE, d),
    "meetings": figures.meetings, "meeting_count": figures.meeting_count,
    "meetings_by_month": figures.meetings_by_month, "meetings_cumulative": figures.meetings_cumulative,
    "meeting_totals": figures.meeting_totals, "co_creation": figures.co_creation,
    **{f"meetings_by_{group}": partial(grouped, figures.meetings_by, group)
       for group in figures.MEETING_GROUPS},
    "participation_by_month": figures.participation_by_month,
    "participation_by_month_without_one_day_events":
        lambda c, d: figures.participation_by_month(c, d, one_day_events=False),
    "participation_cumulative": figures.participation_cumulative,
    "participation_totals": figures.participation_totals,
    "participation_by_groups":
        lambda c, d: figures.participation_by_groups(c, d, tuple(figures.PARTICIPATION_GROUPS)),
    "events": figures.events, "events_taken_part": figures.events_taken_part,
    "votes": figures.votes, "vote_sectors": figures.vote_sectors, "vote_options": figures.vote_options,
    "vote_options_by_sector": figures.vote_options_by_sector,
    **{f"projects_by_{group}": partial(grouped, figures.projects_by, group)
       for group in figures.PROJECT_GROUPS},
    "project_deliveries": figures.project_deliveries, "projects": figures.projects,
    "independent_assessments": figures.independent_assessments,
}


@pytest.fixture(scope="module")
def plan():
    plan = load_plan(BUNDLED)
    yield plan
    plan.connection.close()


def through_filter_tables(monkeypatch) -> None:
    """Every figure module reads through the filters' tables, chosen or not."""
    for module in pkgutil.iter_modules(figures.__path__):
        loaded = importlib.import_module(f"{figures.__name__}.{module.name}")
        if getattr(loaded, "filtered", None) is filter_model.filtered:
            monkeypatch.setattr(loaded, "filtered",
                                lambda sql, _filters: filter_model.with_filter_tables(sql))


def assert_same(left: object, right: object, where: str) -> None:
    if isinstance(left, pd.DataFrame):
        pd.testing.assert_frame_equal(left, right, obj=where)
    elif isinstance(left, dict):
        assert left.keys() == right.keys(), where
        for key in left:
            assert_same(left[key], right[key], f"{where}[{key}]")
    elif isinstance(left, tuple | list):
        assert len(left) == len(right), where
        for index, (one, other) in enumerate(zip(left, right, strict=True)):
            assert_same(one, other, f"{where}[{index}]")
    else:
        assert left == right, where


@pytest.mark.parametrize("on", [date(2025, 6, 30), date(2026, 11, 30)])
def test_every_figure_is_the_same_without_the_filters_tables(plan, monkeypatch, on):
    direct = {name: figure(plan.cursor(), on) for name, figure in FIGURES.items()}
    assert direct["meetings"].shape[0] > 0 and direct["votes"].shape[0] > 0  # the data is there
    through_filter_tables(monkeypatch)
    for name, figure in FIGURES.items():
        assert_same(direct[name], figure(plan.cursor(), on), name)


def test_every_figure_module_reads_through_filtered(monkeypatch):
    # The comparison above patches `filtered` where a module imported it: each module that
    # binds `$f_…` parameters must have it, or the test would compare a figure with itself.
    through_filter_tables(monkeypatch)
    users = {module.name for module in pkgutil.iter_modules(figures.__path__)
             if getattr(importlib.import_module(f"{figures.__name__}.{module.name}"), "filtered", None)
             is not None}
    assert users >= {"commitment_queries", "committee_queries", "event_queries", "headline_queries",
                     "irm_queries", "meeting_queries", "milestone_queries", "participation_queries",
                     "project_queries", "target_queries", "vote_queries"}
