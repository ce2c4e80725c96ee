"""What the steering committee acts on: what changed since a date (its last meeting, as a
rule), and the decisions it took.

*Since* a date `since` and as of `as_of` (`since < as_of`):
- a milestone *changed status* when its status on `as_of` differs from its status on `since`:
  it became late (`late`, dated the day after its due date), was completed (`complete`, dated
  its completion) or started (`started`, dated its planned start);
- an assessment, a meeting or a target reached is *new* when dated after `since`, up to and
  including `as_of`.

A decision (`decisions.csv`, internal) is counted from the day its committee took it. As of a
date it is *done* once its done date has come (or when done with no date), *dropped* when
dropped, *late* when open past its due date, and *open* otherwise.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics.figures.filters import NO_FILTERS, Filters, filtered
from ogp_metrics.figures.milestone_queries import MILESTONE_STATUS
from ogp_metrics.figures.sql import Cursor, frame
from ogp_metrics.figures.target_queries import targets

# One row per day: two committees on one day are one baseline.
STEERING_COMMITTEES = """
SELECT DISTINCT date FROM main.meetings
WHERE meeting_type = 'steering_committee' AND date < $as_of
ORDER BY date DESC
"""

MILESTONE_CHANGES = f"""
WITH now AS ({MILESTONE_STATUS}),
before AS ({MILESTONE_STATUS.replace("$as_of", "$since")})
SELECT n.milestone_id, n.commitment_id, c.title_fr AS commitment_title_fr,
       c.title_en AS commitment_title_en, n.title_fr, n.title_en, n.owner, n.due_date,
       b.status AS status_before, n.status, n.progress_pct, n.days_late,
       CASE n.status WHEN 'overdue' THEN 'late' WHEN 'complete' THEN 'complete' ELSE 'started' END
           AS change,
       CAST(CASE n.status WHEN 'overdue' THEN n.due_date + INTERVAL 1 DAY
                          WHEN 'complete' THEN n.completed_date
                          ELSE n.start_date END AS DATE) AS change_date
FROM now n JOIN before b USING (milestone_id)
LEFT JOIN commitments c ON c.commitment_id = n.commitment_id
WHERE n.status <> b.status
ORDER BY CASE n.status WHEN 'overdue' THEN 0 WHEN 'complete' THEN 1 ELSE 2 END, change_date,
         n.milestone_id
"""

NEW_ASSESSMENTS = """
SELECT a.assessment_date, a.commitment_id, c.title_fr AS commitment_title_fr,
       c.title_en AS commitment_title_en, c.lead_institution AS owner, a.assessor, a.completion,
       a.did_it_open_government,
       (SELECT arg_max(p.completion, p.assessment_date) FROM assessments p
        WHERE p.commitment_id = a.commitment_id AND p.assessor = a.assessor
          AND p.assessment_date < a.assessment_date) AS previous_completion
FROM assessments a JOIN commitments c USING (commitment_id)
WHERE a.assessment_date > $since AND a.assessment_date <= $as_of
ORDER BY a.assessment_date, a.commitment_id, a.assessor
"""

MEETINGS_HELD = """
SELECT m.date, m.meeting_id, m.meeting_type, m.title, m.commitment_id,
       c.title_fr AS commitment_title_fr, c.title_en AS commitment_title_en,
       c.lead_institution AS owner, m.is_public, m.attendees
FROM meetings m LEFT JOIN commitments c USING (commitment_id)
WHERE m.date > $since AND m.date <= $as_of
ORDER BY m.date, m.meeting_id
"""

# Late first (the longest delay first), then open ones by due date, then done and dropped.
DECISIONS = """
WITH dated AS (
    SELECT d.decision_id, d.date, d.text, d.owner, d.due_date, d.commitment_id,
           c.title_fr AS commitment_title_fr, c.title_en AS commitment_title_en,
           CASE WHEN d.status = 'done' AND (d.done_date IS NULL OR d.done_date <= $as_of) THEN 'done'
                WHEN d.status = 'dropped' THEN 'dropped'
                WHEN d.due_date < $as_of THEN 'late'
                ELSE 'open' END AS decision_state,
           CASE WHEN d.done_date <= $as_of THEN d.done_date END AS done_date
    FROM main.decisions d LEFT JOIN main.commitments c USING (commitment_id)
    WHERE d.date <= $as_of
      AND ($f_commitments IS NULL OR list_contains($f_commitments::VARCHAR[], d.commitment_id))
)
SELECT *, CASE WHEN decision_state = 'late' THEN date_diff('day', due_date, $as_of) END AS days_late
FROM dated
ORDER BY CASE decision_state WHEN 'late' THEN 0 WHEN 'open' THEN 1 WHEN 'done' THEN 2 ELSE 3 END,
         days_late DESC NULLS LAST, due_date NULLS LAST, date, decision_id
"""


def steering_committees(cursor: Cursor, as_of: date) -> pd.DataFrame:
    """The days steering committees were held before `as_of`, the latest first: the baselines
    to pick from."""
    return frame(cursor, STEERING_COMMITTEES, as_of=as_of)


def milestone_changes(cursor: Cursor, since: date, as_of: date,
                      filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """The milestones whose status on `as_of` differs from their status on `since`: became late,
    complete, or started (`change`, dated `change_date`); late ones first."""
    return frame(cursor, filtered(MILESTONE_CHANGES, filters), since=since, as_of=as_of, **filters.params())


def new_assessments(cursor: Cursor, since: date, as_of: date,
                    filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """The assessments (the City's and the independent one) made after `since`, up to `as_of`,
    each with the assessor's previous completion level (None for a first one)."""
    return frame(cursor, filtered(NEW_ASSESSMENTS, filters), since=since, as_of=as_of, **filters.params())


def meetings_held(cursor: Cursor, since: date, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """The meetings held after `since`, up to `as_of`, oldest first."""
    return frame(cursor, filtered(MEETINGS_HELD, filters), since=since, as_of=as_of, **filters.params())


def targets_reached(cursor: Cursor, since: date, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """The targets first met after `since`, up to `as_of` (`figures.targets`, `reached_on`)."""
    return reached_between(targets(cursor, as_of, filters), since, as_of)


def reached_between(every: pd.DataFrame, since: date, as_of: date) -> pd.DataFrame:
    """The rows of `figures.targets` (as of `as_of`) first met after `since`: a page that has the
    targets already picks them out instead of computing the targets twice."""
    reached = pd.to_datetime(every["reached_on"])
    return every[(reached > pd.Timestamp(since)) & (reached <= pd.Timestamp(as_of))].reset_index(drop=True)


def decisions(cursor: Cursor, as_of: date, filters: Filters = NO_FILTERS) -> pd.DataFrame:
    """The steering committee's decisions taken on or before `as_of`, with their `decision_state` on
    that date (late, open, done, dropped) and `days_late`; late ones first. Only `filters.commitments`
    applies (a chosen commitment keeps its own decisions)."""
    return frame(cursor, DECISIONS, as_of=as_of, **filters.params())
