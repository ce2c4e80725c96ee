"""The at-risk rules, stated once: the SQL of `figures` applies them and the pages' help text
quotes them (`RULES`), so that what a reader is told is what the figures do.

As of a date, a milestone that is neither complete nor overdue is *at risk* when
- it is not started (its progress is 0 %) and falls due within `NOT_STARTED_DUE_WITHIN_DAYS`
  days (`risk = 'not_started_due_soon'`), or
- it is under way and its progress is more than `MILESTONE_BEHIND_POINTS` points behind the
  share of its planned time (start to due date) elapsed (`risk = 'behind_schedule'`).

A target is *reached* when its value has met it; *missed* when its deadline has passed unmet;
*at risk* when its share achieved is more than `TARGET_BEHIND_POINTS` points behind the share
of its period elapsed (from the start of the plan, or of its commitment, to its deadline);
otherwise *on track*.
"""

from __future__ import annotations

NOT_STARTED_DUE_WITHIN_DAYS = 60
MILESTONE_BEHIND_POINTS = 25
TARGET_BEHIND_POINTS = 15

MILESTONE_RISKS = ("not_started_due_soon", "behind_schedule")
TARGET_STATES = ("reached", "on_track", "at_risk", "missed")

# The numbers the help text quotes (`risk.rules_help`).
RULES = {"days": NOT_STARTED_DUE_WITHIN_DAYS, "milestone_points": MILESTONE_BEHIND_POINTS,
         "target_points": TARGET_BEHIND_POINTS}

# The share of a milestone's planned time elapsed on `$as_of`, 0 to 100 (a milestone due on its
# start date has used all its time from that day).
MILESTONE_TIME_ELAPSED = """
CASE WHEN m.due_date <= m.start_date THEN CASE WHEN $as_of >= m.due_date THEN 100.0 ELSE 0.0 END
     ELSE least(100.0, greatest(0.0, 100.0 * date_diff('day', m.start_date, $as_of)
                                     / date_diff('day', m.start_date, m.due_date))) END
"""

# Applied to a row holding `status`, `progress_pct`, `due_date` and `time_elapsed_pct`.
MILESTONE_RISK = f"""
CASE WHEN status NOT IN ('in_progress', 'not_started') THEN NULL
     WHEN progress_pct = 0 AND date_diff('day', $as_of, due_date) <= {NOT_STARTED_DUE_WITHIN_DAYS}
          THEN 'not_started_due_soon'
     WHEN progress_pct > 0 AND time_elapsed_pct - progress_pct > {MILESTONE_BEHIND_POINTS}
          THEN 'behind_schedule'
END
"""

# Applied to a row holding `target`, `actual`, `deadline` and `period_elapsed_pct`.
TARGET_STATE = f"""
CASE WHEN actual >= target THEN 'reached'
     WHEN deadline < $as_of THEN 'missed'
     WHEN 100.0 * actual / target < period_elapsed_pct - {TARGET_BEHIND_POINTS} THEN 'at_risk'
     ELSE 'on_track'
END
"""
