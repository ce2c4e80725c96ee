"""Every figure the dashboard, the command line and exports show, as parameterised SQL.

Each function takes a DuckDB cursor over a loaded plan (see `load.Plan.cursor`) and an
`as_of` date, and returns a DataFrame or plain values. A figure is defined here once.
Definitions (as of a date):
- a milestone is *complete* if completed on or before `as_of`; otherwise *overdue* if due
  before `as_of`; otherwise *not started* if it starts after `as_of`; otherwise *in progress*;
- its progress is 100 when complete, else its latest update on or before `as_of`, else 0;
- a commitment's completion is its latest self-assessment on or before `as_of`
  (`not_assessed` if none), the independent one shown beside it;
- meetings on or before `as_of` are *held*, later ones *planned*;
- participation counts records on or before `as_of`.
"""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import pandas as pd

from ogp_metrics.contract import schema
from ogp_metrics.text import round_half_up

Cursor = duckdb.DuckDBPyConnection

MILESTONE_STATUS = """
WITH latest AS (
    SELECT milestone_id, arg_max(progress_pct, update_date) AS progress_pct,
           max(update_date) AS last_update
    FROM progress_updates WHERE update_date <= $as_of GROUP BY milestone_id
)
SELECT m.milestone_id, m.commitment_id, m.title_fr, m.title_en, m.owner,
       m.start_date, m.due_date, m.completed_date, m.weight, m.evidence_url,
       CASE WHEN m.completed_date <= $as_of THEN 'complete'
            WHEN m.due_date < $as_of THEN 'overdue'
            WHEN m.start_date > $as_of THEN 'not_started'
            ELSE 'in_progress' END AS status,
       CASE WHEN m.completed_date <= $as_of THEN 100.0
            ELSE coalesce(l.progress_pct, 0.0) END AS progress_pct,
       CASE WHEN m.completed_date <= $as_of THEN NULL
            WHEN m.due_date < $as_of THEN date_diff('day', m.due_date, $as_of) END AS days_late,
       l.last_update
FROM milestones m LEFT JOIN latest l USING (milestone_id)
ORDER BY m.commitment_id, m.due_date, m.milestone_id
"""

LATEST_ASSESSMENTS = """
SELECT commitment_id, assessor,
       arg_max(completion, assessment_date) AS completion,
       arg_max(did_it_open_government, assessment_date) AS did_it_open_government,
       max(assessment_date) AS assessment_date
FROM assessments WHERE assessment_date <= $as_of
GROUP BY commitment_id, assessor
"""

COMMITMENTS = f"""
WITH status AS ({MILESTONE_STATUS}),
assessed AS ({LATEST_ASSESSMENTS}),
progress AS (
    SELECT commitment_id,
           sum(weight * progress_pct) / nullif(sum(weight), 0) AS weighted_progress_pct,
           count(*) AS milestones,
           count(*) FILTER (WHERE status = 'complete') AS milestones_complete,
           count(*) FILTER (WHERE status = 'overdue') AS milestones_overdue
    FROM status GROUP BY commitment_id
)
SELECT c.commitment_id, c.title_fr, c.title_en, c.lead_institution,
       i.name_fr AS lead_name_fr, i.name_en AS lead_name_en,
       coalesce(c.ogp_values, []) AS ogp_values, c.start_date, c.end_date,
       c.description_fr, c.description_en,
       coalesce(s.completion, 'not_assessed') AS self_completion,
       s.assessment_date AS self_assessment_date,
       coalesce(ind.completion, 'not_assessed') AS independent_completion,
       ind.assessment_date AS independent_assessment_date,
       ind.did_it_open_government AS independent_did_it_open_government,
       coalesce(p.weighted_progress_pct, 0.0) AS weighted_progress_pct,
       coalesce(p.milestones, 0) AS milestones,
       coalesce(p.milestones_complete, 0) AS milestones_complete,
       coalesce(p.milestones_overdue, 0) AS milestones_overdue
FROM commitments c
LEFT JOIN institutions i ON i.code = c.lead_institution
LEFT JOIN assessed s ON s.commitment_id = c.commitment_id AND s.assessor = 'self'
LEFT JOIN assessed ind ON ind.commitment_id = c.commitment_id AND ind.assessor = 'independent'
LEFT JOIN progress p ON p.commitment_id = c.commitment_id
ORDER BY c.commitment_id
"""

MEETINGS = """
SELECT meeting_id, date, meeting_type, coalesce(phase, 'implementation') AS phase, title,
       commitment_id, arrondissement, is_public, attendees, organisations, minutes_url,
       CASE WHEN date <= $as_of THEN 'held' ELSE 'planned' END AS state
FROM meetings ORDER BY date, meeting_id
"""

MEETINGS_BY_MONTH = """
SELECT date_trunc('month', date) AS month, meeting_type,
       CASE WHEN date <= $as_of THEN 'held' ELSE 'planned' END AS state, count(*) AS meetings
FROM meetings GROUP BY ALL ORDER BY month, meeting_type
"""

MEETINGS_CUMULATIVE = """
SELECT month, sum(meetings) OVER (ORDER BY month) AS meetings_held,
       sum(public_meetings) OVER (ORDER BY month) AS public_meetings_held
FROM (SELECT date_trunc('month', date) AS month, count(*) AS meetings,
             count(*) FILTER (WHERE is_public) AS public_meetings
      FROM meetings WHERE date <= $as_of GROUP BY ALL)
ORDER BY month
"""

# Held, planned, public and internal meetings, and attendance with unknown kept apart:
# the figures of `meetings_by` (per group) and of the Meetings page's totals.
MEETING_FIGURES = """
       count(*) FILTER (WHERE date <= $as_of) AS held,
       count(*) FILTER (WHERE date > $as_of) AS planned,
       count(*) FILTER (WHERE date <= $as_of AND is_public) AS public_held,
       count(*) FILTER (WHERE date <= $as_of AND NOT is_public) AS internal_held,
       sum(attendees) FILTER (WHERE date <= $as_of) AS attendees_known,
       count(*) FILTER (WHERE date <= $as_of AND attendees IS NULL) AS attendees_unknown,
       sum(organisations) FILTER (WHERE date <= $as_of) AS organisations_known,
       count(*) FILTER (WHERE date <= $as_of AND organisations IS NULL) AS organisations_unknown
"""

MEETINGS_BY_GROUP = ("SELECT {group} AS group_key," + MEETING_FIGURES
                     + "FROM meetings GROUP BY ALL ORDER BY group_key NULLS LAST")
# Only these columns may be grouped on; they are the contract's names, never user text.
MEETING_GROUPS = {
    "meeting_type": "meeting_type",
    "commitment": "commitment_id",
    "sector": "coalesce(arrondissement, 'citywide')",
    "phase": "coalesce(phase, 'implementation')",
    "visibility": "CASE WHEN is_public THEN 'true' ELSE 'false' END",
}

PARTICIPATION_BY_MONTH = """
SELECT date_trunc('month', date) AS month, activity,
       sum(participants) AS participants, sum(contributions) AS contributions
FROM participation WHERE date <= $as_of
  AND ($commitment IS NULL OR commitment_id = $commitment)
GROUP BY ALL ORDER BY month, activity
"""

PARTICIPATION_CUMULATIVE = """
SELECT month, sum(participants) OVER (ORDER BY month) AS participants,
       sum(contributions) OVER (ORDER BY month) AS contributions
FROM (SELECT date_trunc('month', date) AS month, sum(participants) AS participants,
             sum(contributions) AS contributions
      FROM participation WHERE date <= $as_of
        AND ($commitment IS NULL OR commitment_id = $commitment) GROUP BY ALL)
ORDER BY month
"""

PARTICIPATION_BY_GROUP = """
SELECT {group} AS group_key, sum(participants) AS participants,
       sum(contributions) AS contributions
FROM participation WHERE date <= $as_of
  AND ($commitment IS NULL OR commitment_id = $commitment)
GROUP BY ALL ORDER BY group_key NULLS LAST
"""
PARTICIPATION_GROUPS = {
    "activity": "activity",
    "sector": "coalesce(arrondissement, 'citywide')",
    "age_group": "coalesce(age_group, 'unknown')",
    "gender": "coalesce(gender, 'unknown')",
    "commitment": "commitment_id",
}

TARGETS = """
SELECT t._row, t.indicator, t.target, t.deadline, t.commitment_id,
       CASE t.indicator
         WHEN 'meetings_held' THEN (SELECT count(*) FROM meetings m WHERE m.date <= $as_of
              AND (t.commitment_id IS NULL OR m.commitment_id = t.commitment_id))
         WHEN 'public_meetings_held' THEN (SELECT count(*) FROM meetings m WHERE m.date <= $as_of
              AND m.is_public AND (t.commitment_id IS NULL OR m.commitment_id = t.commitment_id))
         WHEN 'participants' THEN (SELECT coalesce(sum(participants), 0) FROM participation p
              WHERE p.date <= $as_of AND (t.commitment_id IS NULL OR p.commitment_id = t.commitment_id))
         WHEN 'contributions' THEN (SELECT coalesce(sum(contributions), 0) FROM participation p
              WHERE p.date <= $as_of AND (t.commitment_id IS NULL OR p.commitment_id = t.commitment_id))
         WHEN 'milestones_complete' THEN (SELECT count(*) FROM milestones s
              WHERE s.completed_date <= $as_of
              AND (t.commitment_id IS NULL OR s.commitment_id = t.commitment_id))
       END AS actual
FROM targets t ORDER BY t.deadline, t._row
"""

PROGRESS_HISTORY = """
SELECT u.update_date, u.milestone_id, u.progress_pct, u.note, u.reported_by, m.commitment_id
FROM progress_updates u JOIN milestones m USING (milestone_id)
WHERE u.update_date <= $as_of AND ($commitment IS NULL OR m.commitment_id = $commitment)
ORDER BY u.update_date, u.milestone_id
"""

ASSESSMENT_HISTORY = """
SELECT assessment_date, commitment_id, assessor, completion, did_it_open_government, note
FROM assessments
WHERE assessment_date <= $as_of AND ($commitment IS NULL OR commitment_id = $commitment)
ORDER BY assessment_date, assessor
"""

LAST_UPDATE = """
SELECT max(d) FROM (
    SELECT max(update_date) AS d FROM progress_updates WHERE update_date <= $as_of
    UNION ALL SELECT max(assessment_date) FROM assessments WHERE assessment_date <= $as_of
    UNION ALL SELECT max(completed_date) FROM milestones WHERE completed_date <= $as_of
)
"""

LAST_STEERING_COMMITTEE = """
SELECT max(date) FROM meetings WHERE meeting_type = 'steering_committee' AND date < $as_of
"""

PLAN = "SELECT * FROM plan ORDER BY _row LIMIT 1"
PLAN_SPAN = "SELECT min(start_date), max(end_date) FROM commitments"
INSTITUTIONS = "SELECT code, name_fr, name_en FROM institutions ORDER BY code"

# OGP Local asks members to refresh their public page at least every four months.
STALE_AFTER_DAYS = 122


def _frame(cursor: Cursor, sql: str, **params: object) -> pd.DataFrame:
    return cursor.execute(sql, params).df()


def _scalar(cursor: Cursor, sql: str, **params: object):
    return cursor.execute(sql, params).fetchone()[0]


def milestones(cursor: Cursor, as_of: date) -> pd.DataFrame:
    return _frame(cursor, MILESTONE_STATUS, as_of=as_of)


def commitments(cursor: Cursor, as_of: date) -> pd.DataFrame:
    return _frame(cursor, COMMITMENTS, as_of=as_of)


def meetings(cursor: Cursor, as_of: date) -> pd.DataFrame:
    return _frame(cursor, MEETINGS, as_of=as_of)


def meetings_by_month(cursor: Cursor, as_of: date) -> pd.DataFrame:
    return _frame(cursor, MEETINGS_BY_MONTH, as_of=as_of)


def meetings_cumulative(cursor: Cursor, as_of: date) -> pd.DataFrame:
    return _frame(cursor, MEETINGS_CUMULATIVE, as_of=as_of)


def meetings_by(cursor: Cursor, as_of: date, group: str) -> pd.DataFrame:
    """Held, planned, public and internal meetings, attendees and organisations, per group.

    `attendees_known` sums the meetings whose attendance is known; `attendees_unknown`
    counts the others, so that unknown is never shown as zero.
    """
    return _frame(cursor, MEETINGS_BY_GROUP.format(group=MEETING_GROUPS[group]), as_of=as_of)


def participation_by_month(cursor: Cursor, as_of: date, commitment: str | None = None) -> pd.DataFrame:
    return _frame(cursor, PARTICIPATION_BY_MONTH, as_of=as_of, commitment=commitment)


def participation_cumulative(cursor: Cursor, as_of: date,
                             commitment: str | None = None) -> pd.DataFrame:
    return _frame(cursor, PARTICIPATION_CUMULATIVE, as_of=as_of, commitment=commitment)


def participation_by(cursor: Cursor, as_of: date, group: str,
                     commitment: str | None = None) -> pd.DataFrame:
    """Participants and contributions per activity, sector, age group, gender or commitment."""
    sql = PARTICIPATION_BY_GROUP.format(group=PARTICIPATION_GROUPS[group])
    return _frame(cursor, sql, as_of=as_of, commitment=commitment)


def targets(cursor: Cursor, as_of: date) -> pd.DataFrame:
    """Each target with the value reached as of the date (counted from the first record)."""
    frame = _frame(cursor, TARGETS, as_of=as_of)
    frame["actual"] = frame["actual"].astype(float)
    frame["reached_pct"] = (100 * frame["actual"] / frame["target"].where(frame["target"] > 0))
    return frame


def progress_history(cursor: Cursor, as_of: date, commitment: str | None = None) -> pd.DataFrame:
    return _frame(cursor, PROGRESS_HISTORY, as_of=as_of, commitment=commitment)


def assessment_history(cursor: Cursor, as_of: date, commitment: str | None = None) -> pd.DataFrame:
    return _frame(cursor, ASSESSMENT_HISTORY, as_of=as_of, commitment=commitment)


def institutions(cursor: Cursor) -> pd.DataFrame:
    return _frame(cursor, INSTITUTIONS)


def last_update(cursor: Cursor, as_of: date) -> date | None:
    """The newest progress update, assessment or completion on or before `as_of`."""
    return _scalar(cursor, LAST_UPDATE, as_of=as_of)


def is_stale(last: date | None, as_of: date) -> bool:
    return last is None or (as_of - last).days > STALE_AFTER_DAYS


def last_steering_committee(cursor: Cursor, as_of: date) -> date | None:
    """The last steering committee meeting strictly before `as_of`: the baseline for changes."""
    return _scalar(cursor, LAST_STEERING_COMMITTEE, as_of=as_of)


def plan(cursor: Cursor) -> dict:
    """The plan's name and dates: `plan.csv` if given, else the span of its commitments."""
    rows = _frame(cursor, PLAN)
    first, last = cursor.execute(PLAN_SPAN).fetchone()
    info = {"name_fr": None, "name_en": None, "member": None, "submitted_date": None,
            "start_date": first, "end_date": last, "alternative_end_date": None,
            "source_url": None}
    if len(rows):
        row = rows.iloc[0]
        for key in info:
            value = row.get(key)
            if value is not None and not pd.isna(value):
                info[key] = value.date() if hasattr(value, "date") and key.endswith("date") else value
    return info


def headline(cursor: Cursor, as_of: date) -> dict:
    """The headline figures, in the shape `summary --json` prints; every category present."""
    status = milestones(cursor, as_of)
    commitment_rows = commitments(cursor, as_of)
    completion = {key: 0 for key in schema.COMPLETION_SHOWN}
    for value in commitment_rows["self_completion"]:
        completion[value] += 1
    statuses = {key: int((status["status"] == key).sum()) for key in schema.MILESTONE_STATUSES}
    mean = float(round_half_up(float(status["progress_pct"].mean()))) if len(status) else 0.0
    # Totals are summed from the per-group figures, so each is defined by one query.
    per_type = meetings_by(cursor, as_of, "meeting_type")
    by_type = dict.fromkeys(schema.MEETING_TYPES, 0)
    for row in per_type.itertuples(index=False):
        by_type[row.group_key] = int(row.held)
    per_activity = participation_by(cursor, as_of, "activity")
    by_activity = dict.fromkeys(schema.ACTIVITIES, 0)
    for row in per_activity.itertuples(index=False):
        by_activity[row.group_key] = int(row.participants)
    by_sector = dict.fromkeys((*schema.SECTORS, schema.CITYWIDE), 0)
    for row in participation_by(cursor, as_of, "sector").itertuples(index=False):
        by_sector[row.group_key] = int(row.participants)

    def total(frame: pd.DataFrame, column: str) -> int:
        return int(frame[column].fillna(0).sum())

    return {
        "as_of": as_of.isoformat(),
        "commitments": {"total": len(commitment_rows), "completion": completion},
        "milestones": {"total": len(status), **statuses, "mean_progress_pct": mean},
        "meetings": {"held": total(per_type, "held"), "planned": total(per_type, "planned"),
                     "public_held": total(per_type, "public_held"),
                     "attendees": total(per_type, "attendees_known"), "by_type": by_type},
        "participation": {"participants": total(per_activity, "participants"),
                          "contributions": total(per_activity, "contributions"),
                          "by_activity": by_activity, "by_sector": by_sector},
    }


def changes_since_last_steering_committee(cursor: Cursor, as_of: date) -> tuple[date | None, dict]:
    """The headline figures at the last steering committee before `as_of` (None if there was none)."""
    baseline = last_steering_committee(cursor, as_of)
    if baseline is None:
        return None, {}
    return baseline, headline(cursor, baseline)


def due_within(cursor: Cursor, as_of: date, days: int = 90) -> pd.DataFrame:
    """Milestones not complete whose due date falls in the next `days` days."""
    frame = milestones(cursor, as_of)
    window = (frame["due_date"] >= pd.Timestamp(as_of)) & (
        frame["due_date"] <= pd.Timestamp(as_of + timedelta(days=days)))
    return frame[window & (frame["status"] != "complete")].reset_index(drop=True)
