"""Every figure the dashboard, the command line, the briefing and the site show, as SQL.

Each function takes a DuckDB cursor over a loaded plan (`ingest.load.Plan.cursor`), the date
the figures are computed at (`as_of`) and, where rows can be chosen, a `filters.Filters`;
it returns a DataFrame or plain values. A figure is defined here once, by one query.

Definitions (as of a date):
- a milestone is *complete* if completed on or before `as_of`; otherwise *overdue* if due
  before `as_of`; otherwise *not started* if it starts after `as_of`; otherwise *in progress*;
- its progress is 100 when complete, else its latest update on or before `as_of`, else 0;
- a commitment's completion is its latest self-assessment on or before `as_of`
  (`not_assessed` if none), the independent one shown beside it;
- meetings on or before `as_of` are *held*, later ones *planned*;
- participation counts records on or before `as_of`;
- an event counts from its first day; a vote's turnout is voters / registered, to one decimal;
- a decided project counts from 31 December of its edition; delivered: stage `delivery` or
  `done`, its delivery date (when given) on or before `as_of`;
- the independent completion is the latest independent assessment that gives one.
- a milestone or a target is *at risk* by the rules of `risk_rules` (stated there once);
- what changed *since* a date, and the committee's decisions: see `committee_queries`.

Use them through this package (`figures.milestones(cursor, as_of, filters)`); the modules
behind it hold the SQL by concept.
"""

from ogp_metrics.figures.commitment_queries import assessment_history, commitment_titles, commitments
from ogp_metrics.figures.committee_queries import (
    decisions,
    meetings_held,
    milestone_changes,
    new_assessments,
    reached_between,
    steering_committees,
    targets_reached,
)
from ogp_metrics.figures.event_queries import events, events_taken_part
from ogp_metrics.figures.filters import NO_FILTERS, Filters
from ogp_metrics.figures.headline_queries import changes_since_last_steering_committee, headline
from ogp_metrics.figures.irm_queries import independent_assessments
from ogp_metrics.figures.meeting_queries import (
    MEETING_GROUPS,
    co_creation,
    last_steering_committee,
    meeting_count,
    meeting_totals,
    meetings,
    meetings_by,
    meetings_by_month,
    meetings_cumulative,
)
from ogp_metrics.figures.milestone_queries import (
    commitment_spans,
    due_within,
    milestones,
    progress_series,
    progress_updates,
)
from ogp_metrics.figures.participation_queries import (
    PARTICIPATION_GROUPS,
    participation_by,
    participation_by_groups,
    participation_by_month,
    participation_cumulative,
    participation_totals,
)
from ogp_metrics.figures.plan_queries import STALE_AFTER_DAYS, institutions, is_stale, last_update, plan
from ogp_metrics.figures.project_queries import PROJECT_GROUPS, project_deliveries, projects, projects_by
from ogp_metrics.figures.rows import rows_of
from ogp_metrics.figures.source_queries import sources
from ogp_metrics.figures.sql import Cursor, as_date
from ogp_metrics.figures.target_queries import targets
from ogp_metrics.figures.vote_queries import vote_options, vote_options_by_sector, vote_sectors, votes

__all__ = [
    "MEETING_GROUPS", "NO_FILTERS", "PARTICIPATION_GROUPS", "STALE_AFTER_DAYS", "Cursor", "Filters",
    "as_date", "assessment_history", "changes_since_last_steering_committee", "co_creation",
    "commitment_spans", "commitment_titles", "commitments", "due_within", "headline", "institutions",
    "is_stale",
    "last_steering_committee", "last_update", "meeting_count", "meeting_totals", "meetings", "meetings_by",
    "meetings_by_month", "meetings_cumulative", "milestones", "participation_by",
    "participation_by_groups", "participation_by_month", "participation_cumulative",
    "participation_totals", "plan", "progress_series", "progress_updates", "rows_of", "sources", "targets",
    # events, votes, decided projects, the IRM's view
    "PROJECT_GROUPS", "events", "events_taken_part", "independent_assessments", "project_deliveries",
    "projects", "projects_by", "vote_options", "vote_options_by_sector", "vote_sectors", "votes",
    # the steering committee (committee_queries, risk_rules)
    "decisions", "meetings_held", "milestone_changes", "new_assessments", "reached_between",
    "steering_committees",
    "targets_reached",
]
