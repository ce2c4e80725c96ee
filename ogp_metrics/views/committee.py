"""What the steering committee reads: what changed since its last meeting, what is late or at
risk, the targets' states and its own decisions, as tables in the reader's language.

Each table is built from `figures` (nothing is recomputed here); the Overview, the
Commitments detail and the briefing's first page lay out the same tables. Commitments are
named (with their identifier only for staff), owners by their institution's name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts import targets as target_charts
from ogp_metrics.figures import as_date, risk_rules, rows_of
from ogp_metrics.views.figure import Figure
from ogp_metrics.views.labels import commitment_label, owner_name
from ogp_metrics.views.wording import missing

# How long a commitment's name may run in these tables before it is cut (the full name is on
# the Commitments page).
NAME_LIMIT = 48


@dataclass(frozen=True)
class Names:
    """How the tables name things: institutions (code -> name), commitments (id -> row)."""

    institutions: dict[str, str]
    commitments: dict[str, dict]
    lang: str
    public: bool

    @classmethod
    def of(cls, institutions: dict[str, str], titles: pd.DataFrame, lang: str, public: bool) -> Names:
        return cls(institutions, {row["commitment_id"]: row for row in rows_of(titles)},
                   lang, public)

    def commitment(self, commitment_id: object) -> str:
        if missing(commitment_id):
            return text.t("overview.whole_plan", self.lang)
        row = self.commitments.get(commitment_id)
        if row is None:
            return str(commitment_id)
        return commitment_label(row, self.lang, self.public, NAME_LIMIT)

    def owner(self, code: object) -> str:
        return owner_name(self.institutions, code if isinstance(code, str) else None, self.lang)

    def lead(self, commitment_id: object) -> str:
        """The commitment's lead institution; a dash for the whole plan."""
        row = None if missing(commitment_id) else self.commitments.get(commitment_id)
        return self.owner(row["lead_institution"]) if row else "—"


@dataclass(frozen=True)
class ChangeGroup:
    """One kind of change since the baseline: its title (with the count) and its rows."""

    key: str
    title: str
    table: pd.DataFrame


def _date(value: object, lang: str) -> str:
    return text.format_date(as_date(value), lang)


def _percent(value: object, lang: str) -> str:
    return text.format_percent(value, lang)


def _table(rows: list[dict], lang: str) -> pd.DataFrame:
    columns = [text.t(key, lang) for key in ("since.col.date", "since.col.what", "col.commitment",
                                             "col.owner", "since.col.detail")]
    return pd.DataFrame([[row[key] for key in ("date", "what", "commitment", "owner", "detail")]
                         for row in rows], columns=columns)


def _group(key: str, rows: list[dict], lang: str, title: str | None = None) -> ChangeGroup | None:
    if not rows:
        return None
    title = title or text.t(f"since.group.{key}", lang)
    count = text.format_number(len(rows), lang)
    return ChangeGroup(key, text.t("since.count", lang, title=title, count=count), _table(rows, lang))


def _milestone_rows(changes: pd.DataFrame, change: str, names: Names) -> list[dict]:
    lang = names.lang
    rows = []
    for row in rows_of(changes[changes["change"] == change]):
        due = _date(row["due_date"], lang)
        detail = (text.t("since.late_detail", lang, date=due, progress=_percent(row["progress_pct"], lang))
                  if change == "late" else text.t(f"since.{change}_detail", lang, date=due))
        rows.append({"date": _date(row["change_date"], lang), "what": text.localised(row, lang),
                     "commitment": names.commitment(row["commitment_id"]),
                     "owner": names.owner(row["owner"]), "detail": detail})
    return rows


def _assessment_rows(assessments: pd.DataFrame, names: Names) -> list[dict]:
    lang = names.lang
    rows = []
    for row in rows_of(assessments):
        previous = row["previous_completion"]
        what = text.t("since.assessment_what", lang,
                      assessor=text.value_label("assessor", row["assessor"], lang),
                      completion=text.value_label("completion", row["completion"], lang))
        detail = (text.t("since.assessment_first", lang) if missing(previous) else
                  text.t("since.assessment_change", lang,
                         previous=text.value_label("completion", previous, lang)))
        rows.append({"date": _date(row["assessment_date"], lang), "what": what,
                     "commitment": names.commitment(row["commitment_id"]), "owner": names.owner(row["owner"]),
                     "detail": detail})
    return rows


def _target_rows(reached: pd.DataFrame, names: Names) -> list[dict]:
    lang = names.lang
    return [{"date": _date(row["reached_on"], lang),
             "what": text.value_label("indicator", row["indicator"], lang),
             "commitment": names.commitment(row["commitment_id"]), "owner": names.lead(row["commitment_id"]),
             "detail": text.t("since.target_detail", lang, actual=text.format_number(row["actual"], lang),
                              target=text.format_number(row["target"], lang),
                              deadline=_date(row["deadline"], lang))}
            for row in rows_of(reached)]


def _meeting_rows(meetings: pd.DataFrame, names: Names) -> list[dict]:
    lang = names.lang
    rows = []
    for row in rows_of(meetings):
        kind = text.value_label("meeting_type", row["meeting_type"], lang)
        detail = text.t("since.meeting_detail", lang, type=kind,
                        access=text.value_label("is_public", bool(row["is_public"]), lang))
        if not missing(row["attendees"]):
            detail += " · " + text.t("since.meeting_attendees", lang,
                                     count=text.format_number(row["attendees"], lang))
        title = row["title"] if isinstance(row["title"], str) and row["title"].strip() else kind
        rows.append({"date": _date(row["date"], lang), "what": title,
                     "commitment": names.commitment(row["commitment_id"]),
                     "owner": names.lead(row["commitment_id"]), "detail": detail})
    return rows


def _decisions_taken(decisions: pd.DataFrame, since: date, names: Names) -> list[dict]:
    taken = decisions[pd.to_datetime(decisions["date"]) == pd.Timestamp(since)]
    return [{"date": _date(row["due_date"], names.lang) if not missing(row["due_date"]) else "—",
             "what": row["text"], "commitment": names.commitment(row["commitment_id"]),
             "owner": names.owner(row["owner"]), "detail": decision_state(row, names.lang)}
            for row in rows_of(taken)]


def since_groups(changes: pd.DataFrame, assessments: pd.DataFrame, reached: pd.DataFrame,
                 meetings: pd.DataFrame, names: Names, decisions: pd.DataFrame | None = None,
                 since: date | None = None) -> list[ChangeGroup]:
    """What changed since the baseline, a group per kind: milestones that became late, were
    completed or started (`figures.milestone_changes`), new assessments, targets reached,
    meetings held; then, for staff (`decisions` given), the decisions taken at the baseline's
    committee and where each stands. Kinds with nothing are left out."""
    lang = names.lang
    groups = [_group(change, _milestone_rows(changes, change, names), lang)
              for change in ("late", "complete", "started")]
    groups += [_group("assessments", _assessment_rows(assessments, names), lang),
               _group("targets", _target_rows(reached, names), lang),
               _group("meetings", _meeting_rows(meetings, names), lang)]
    if decisions is not None and since is not None:
        groups.append(_group("decisions", _decisions_taken(decisions, since, names), lang,
                             text.t("since.group.decisions", lang, date=_date(since, lang))))
    return [group for group in groups if group is not None]


# ---------------------------------------------------------------- late and at risk

def _days(value: object) -> int:
    return int(value) if not missing(value) else 0


@dataclass(frozen=True)
class Attention:
    """The first points of attention as a table, and how many there are in all."""

    rows: pd.DataFrame
    total: int

    @property
    def empty(self) -> bool:
        return self.total == 0


def attention_rows(milestones: pd.DataFrame, targets: pd.DataFrame, names: Names, as_of: date,
                   decisions: pd.DataFrame | None = None, first: int | None = None) -> Attention:
    """The points of attention on the date: late milestones (the longest delay first), late
    decisions (staff only: pass them), then milestones at risk and targets missed or at risk.

    Each row: its state in words with a symbol (never colour alone), the item, why, its
    commitment, its owner and its due date. With `first`, only the first rows are written out
    (a large plan has thousands; the table shows a few), and `total` counts them all.
    """
    lang = names.lang
    # Each point is kept as (how late, how to word it) and worded only if it is listed.
    late: list[tuple[int, _Point]] = []
    risky: list[_Point] = []
    overdue = milestones[milestones["status"] == "overdue"].sort_values(
        ["days_late", "milestone_id"], ascending=[False, True])
    late += zip([_days(days) for days in overdue["days_late"]], _each_row(overdue, _late_milestone, names),
                strict=True)
    if decisions is not None:
        late += [(_days(row["days_late"]), partial(_late_decision, row, names))
                 for row in rows_of(decisions[decisions["decision_state"] == "late"])]
    at_risk = milestones[milestones["risk"].notna()].sort_values(["due_date", "milestone_id"])
    risky += _each_row(at_risk, _risky_milestone, names, as_of)
    for row in rows_of(targets[targets["target_state"].isin(["missed", "at_risk"])]):
        entry = partial(_target_point, row, names)
        # A missed target is as late as a milestone past its due date.
        if row["target_state"] == "missed":
            late.append(((as_of - as_date(row["deadline"])).days, entry))
        else:
            risky.append(entry)
    ordered = [entry for _days_late, entry in sorted(late, key=lambda pair: -pair[0])] + risky
    keys = ("state", "item", "why", "commitment", "owner", "due")
    headers = [text.t(key, lang) for key in ("attention.col.state", "attention.col.item", "attention.col.why",
                                             "col.commitment", "col.owner", "col.due_date")]
    listed = _worded(ordered[:first])
    return Attention(pd.DataFrame([[entry[key] for key in keys] for entry in listed], columns=headers),
                     len(ordered))


@dataclass(frozen=True)
class _Row:
    """A row of a frame, to be worded by `build(record, *args)` if it is listed."""

    frame: pd.DataFrame
    position: int
    build: Callable[..., dict]
    args: tuple


_Point = _Row | Callable[[], dict]


def _each_row(frame: pd.DataFrame, build: Callable[..., dict], *args: object) -> list[_Row]:
    return [_Row(frame, position, build, args) for position in range(len(frame))]


def _worded(points: list[_Point]) -> list[dict]:
    """Each point's words. The listed rows of each frame become records in one call: a large
    plan's thousands of milestones cost more as records than the few rows a table lists."""
    frames: dict[int, pd.DataFrame] = {}
    wanted: dict[int, list[int]] = {}
    for point in points:
        if isinstance(point, _Row):
            frames[id(point.frame)] = point.frame
            wanted.setdefault(id(point.frame), []).append(point.position)
    records = {key: dict(zip(positions, rows_of(frames[key].iloc[positions]), strict=True))
               for key, positions in wanted.items()}
    return [point.build(records[id(point.frame)][point.position], *point.args) if isinstance(point, _Row)
            else point() for point in points]


def _late_milestone(row: dict, names: Names) -> dict:
    lang, days = names.lang, _days(row["days_late"])
    return {"state": text.t("attention.late", lang, days=text.format_number(days, lang)),
            "item": f"{text.t('attention.kind.milestone', lang)} · {text.localised(row, lang)}",
            "why": text.tn("attention.why.late", days, lang, days=text.format_number(days, lang),
                           progress=_percent(row["progress_pct"], lang)),
            "commitment": names.commitment(row["commitment_id"]), "owner": names.owner(row["owner"]),
            "due": _date(row["due_date"], lang)}


def _late_decision(row: dict, names: Names) -> dict:
    lang, days = names.lang, _days(row["days_late"])
    return {"state": text.t("attention.late", lang, days=text.format_number(days, lang)),
            "item": f"{text.t('attention.kind.decision', lang)} · {row['text']}",
            "why": text.tn("attention.why.decision_late", days, lang, date=_date(row["date"], lang),
                           days=text.format_number(days, lang)),
            "commitment": names.commitment(row["commitment_id"]), "owner": names.owner(row["owner"]),
            "due": _date(row["due_date"], lang)}


def _risky_milestone(row: dict, names: Names, as_of: date) -> dict:
    lang = names.lang
    left = (as_date(row["due_date"]) - as_of).days
    why = (text.tn("attention.why.not_started_due_soon", left, lang, days=text.format_number(left, lang))
           if row["risk"] == "not_started_due_soon" else
           text.t("attention.why.behind_schedule", lang, progress=_percent(row["progress_pct"], lang),
                  elapsed=_percent(row["time_elapsed_pct"], lang)))
    return {"state": text.t("attention.at_risk", lang),
            "item": f"{text.t('attention.kind.milestone', lang)} · {text.localised(row, lang)}",
            "why": why, "commitment": names.commitment(row["commitment_id"]),
            "owner": names.owner(row["owner"]), "due": _date(row["due_date"], lang)}


def _target_point(row: dict, names: Names) -> dict:
    lang = names.lang
    numbers = {"actual": text.format_number(row["actual"], lang),
               "target": text.format_number(row["target"], lang),
               "achieved": _percent(row["reached_pct"], lang),
               "elapsed": _percent(row["period_elapsed_pct"], lang)}
    missed = row["target_state"] == "missed"
    commitment = row["commitment_id"]
    return {"state": text.t("attention.missed" if missed else "attention.at_risk", lang),
            "item": f"{text.t('attention.kind.target', lang)} · "
                    f"{text.value_label('indicator', row['indicator'], lang)}",
            "why": text.t("attention.why.target_missed" if missed else "attention.why.target_at_risk",
                          lang, **numbers),
            "commitment": names.commitment(commitment), "owner": names.lead(commitment),
            "due": _date(row["deadline"], lang)}


def merged(frame: pd.DataFrame, lang: str, owner_column: str = "col.owner") -> pd.DataFrame:
    """The table with its commitment and owner in one column, one above the other (for print,
    where a page has room for fewer columns)."""
    commitment, owner = text.t("col.commitment", lang), text.t(owner_column, lang)
    if commitment not in frame.columns or owner not in frame.columns:
        return frame
    result = frame.copy()
    result[commitment] = [f"{name}\n{who}" if who and who != "—" else name
                          for name, who in zip(result[commitment], result[owner], strict=True)]
    result = result.drop(columns=[owner]).rename(columns={commitment: f"{commitment} · {owner.lower()}"})
    return result


def rules_help(lang: str) -> str:
    """The at-risk rules in words, with the numbers the figures use."""
    return text.t("risk.rules_help", lang, **risk_rules.RULES)


# ---------------------------------------------------------------- decisions

def decision_state(row: dict, lang: str) -> str:
    state = row["decision_state"]
    if state == "late":
        return text.t("decision_state.late", lang, days=text.format_number(_days(row["days_late"]), lang))
    return text.t(f"decision_state.{state}", lang)


def decision_rows(decisions: pd.DataFrame, names: Names, with_commitment: bool = True) -> pd.DataFrame:
    """The decisions (`figures.decisions`), late first: state, decision, owner, due, dates."""
    lang = names.lang
    records = rows_of(decisions)
    columns = {
        text.t("decisions.col.state", lang): [decision_state(r, lang) for r in records],
        text.t("decisions.col.text", lang): [r["text"] for r in records],
        text.t("decisions.col.owner", lang): [names.owner(r["owner"]) for r in records],
        text.t("decisions.col.due", lang): [_date(r["due_date"], lang) for r in records],
        text.t("decisions.col.decided", lang): [_date(r["date"], lang) for r in records],
    }
    if with_commitment:
        columns[text.t("col.commitment", lang)] = [names.commitment(r["commitment_id"]) for r in records]
    columns[text.t("decisions.col.done", lang)] = [_date(r["done_date"], lang) if not missing(r["done_date"])
                                                   else "—" for r in records]
    return pd.DataFrame(columns)


def open_decisions(decisions: pd.DataFrame) -> pd.DataFrame:
    """The decisions still to carry out (late or open), late first."""
    return decisions[decisions["decision_state"].isin(["late", "open"])]


# ---------------------------------------------------------------- targets

def target_label(row: dict, names: Names) -> str:
    """`Participations · tout le plan`: what a target counts, and for whom."""
    indicator = text.value_label("indicator", row["indicator"], names.lang)
    return f"{indicator} · {names.commitment(row['commitment_id'])}"


def target_figure(targets: pd.DataFrame, names: Names, as_of: date) -> Figure:
    """The targets (`figures.targets`) as bars coloured, shaped and labelled by state, with the
    share of their period elapsed; the table gives every number."""
    lang = names.lang
    records = rows_of(targets)
    labels = [target_label(row, names) for row in records]
    states = [text.value_label("target_state", row["target_state"], lang) for row in records]
    data = pd.DataFrame({
        "label": labels, "share": [row["reached_pct"] for row in records],
        "elapsed": [row["period_elapsed_pct"] for row in records],
        "state": [row["target_state"] for row in records],
        "text": [text.t("targets.bar_label", lang, pct=_percent(row["reached_pct"], lang), state=state)
                 for row, state in zip(records, states, strict=True)]})
    table = pd.DataFrame({
        text.t("targets.col.target", lang): labels,
        text.t("targets.col.state", lang): states,
        text.t("targets.col.actual", lang): [text.format_number(r["actual"], lang) for r in records],
        text.t("targets.col.goal", lang): [text.format_number(r["target"], lang) for r in records],
        text.t("targets.col.share", lang): [_percent(r["reached_pct"], lang) for r in records],
        text.t("targets.col.elapsed", lang): [_percent(r["period_elapsed_pct"], lang) for r in records],
        text.t("targets.col.deadline", lang): [_date(r["deadline"], lang) for r in records],
        text.t("targets.col.reached_on", lang): [_date(r["reached_on"], lang) if not missing(r["reached_on"])
                                                 else "—" for r in records]})
    title = text.t("targets.chart_title", lang)
    chart = target_charts.target_bars(data, lang, description=title) if records else None
    return Figure("targets", title, title, chart, table,
                  text.t("targets.caption", lang, date=text.format_date(as_of, lang)))
