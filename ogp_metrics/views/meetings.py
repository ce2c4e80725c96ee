"""Figures of the Meetings and Participation pages made readable: labels, sentences, tables.

Headless: the pages lay out what these functions return. Tables have translated headers
and labels; counts stay numbers (sortable, and plain in the CSV download) except where
public mode hides a small count, where the whole column becomes text ("< 5").
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts.sectors import sector_values
from ogp_metrics.contract import schema
from ogp_metrics.views import privacy
from ogp_metrics.views.labels import as_date

# ---------------------------------------------------------------- shared


def share_text(share: float | None, lang: str) -> str:
    """`12 %`; `< 1 %` for a share that is not zero but would round to it; `—` when unknown."""
    if share is None or pd.isna(share):
        return text.format_percent(None, lang)
    if 0 < share < 0.5:
        return "< " + text.format_percent(1, lang)
    return text.format_percent(share, lang)


def percent(part: float, whole: float, lang: str) -> str:
    """`part` as a share of `whole`, as `share_text` writes it."""
    return share_text(100 * part / whole if whole else None, lang)


def month_label(value: object, lang: str) -> str:
    return text.format_date(as_date(value), lang, "month")


def commitment_labels(commitments: pd.DataFrame, lang: str, limit: int | None = None) -> dict[str, str]:
    """Commitment id -> `FRPA0001 · Assemblée citoyenne` (English title when asked and known),
    the title cut to `limit` characters if given (for tables, where long titles crowd the rest)."""
    labels = {}
    for row in commitments.to_dict("records"):
        english = row.get("title_en")
        title = english if lang == "en" and isinstance(english, str) and english.strip() else row["title_fr"]
        if limit is not None and len(title) > limit:
            title = title[: limit - 1].rstrip() + "…"
        labels[row["commitment_id"]] = f"{row['commitment_id']} · {title}"
    return labels


def group_label(group: str, key: object, lang: str, commitments: dict[str, str] | None = None) -> str:
    """The label of a `group_key` of `figures.meetings_by` / `participation_by`."""
    if group == "commitment":
        if key is None or (isinstance(key, float) and pd.isna(key)):
            return text.t("meetings.whole_plan", lang)
        return (commitments or {}).get(key, str(key))
    domain = {"meeting_type": "meeting_type", "sector": "sector", "phase": "phase",
              "visibility": "is_public", "activity": "activity", "age_group": "age_group",
              "gender": "gender"}[group]
    return text.value_label(domain, key, lang)


# ---------------------------------------------------------------- meetings

def count_or_unknown(known: int | None, lang: str) -> str:
    """A known total as a number; `inconnu` when no meeting has one (never `0`)."""
    return text.t("meetings.unknown_value", lang) if known is None else text.format_number(known, lang)


def known_and_unknown(known: int | None, unknown: int, lang: str) -> str:
    """`1 234 connus + 5 réunions au nombre inconnu`: unknown is said, not counted as zero."""
    if unknown == 0:
        return "" if known is None else text.t("meetings.all_known", lang)
    plural = "one" if unknown == 1 else "many"
    if known is None:
        return text.t(f"meetings.none_known.{plural}", lang, count=text.format_number(unknown, lang))
    meetings = text.t(f"meetings.unknown_meetings.{plural}", lang, count=text.format_number(unknown, lang))
    return text.t("meetings.known_plus_unknown", lang, known=text.format_number(known, lang),
                  unknown=meetings)


def date_span(first: object, last: object, lang: str) -> str:
    first, last = as_date(first), as_date(last)
    if first is None:
        return text.format_date(None, lang)
    if first == last:
        return text.format_date(first, lang)
    return text.t("headline.span", lang, start=text.format_date(first, lang),
                  end=text.format_date(last, lang))


def meetings_by_month_table(by_month: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The data of the by-month chart: month, type, held or planned, meetings."""
    return pd.DataFrame({
        text.t("meetings.col.month", lang): [month_label(m, lang) for m in by_month["month"]],
        text.t("meetings.type", lang): [text.value_label("meeting_type", c, lang)
                                        for c in by_month["meeting_type"]],
        text.t("meetings.state", lang): [text.value_label("meeting_state", s, lang)
                                         for s in by_month["state"]],
        text.t("meetings.col.count", lang): by_month["meetings"].astype(int).tolist(),
    })


def cumulative_series(cumulative: pd.DataFrame, columns: dict[str, str], as_of: date) -> pd.DataFrame:
    """Wide running totals (`month` + one column each) as `month`, `series`, `value` rows.

    Each series is carried on to the month of `as_of`, so the line reaches the date the
    figures are computed at instead of stopping at the last month with activity.
    """
    rows = []
    as_of_month = pd.Timestamp(as_of).to_period("M").to_timestamp()
    for column, label in columns.items():
        values = [(pd.Timestamp(m), float(v)) for m, v in zip(cumulative["month"], cumulative[column],
                                                              strict=True) if pd.notna(v)]
        if values and values[-1][0] < as_of_month:
            values.append((as_of_month, values[-1][1]))
        rows += [{"month": month, "series": label, "value": value} for month, value in values]
    return pd.DataFrame(rows, columns=["month", "series", "value"])


def target_rows(targets: pd.DataFrame, indicators: dict[str, str], lang: str) -> pd.DataFrame:
    """The whole plan's targets for these indicators (indicator -> series label), with their words."""
    chosen = targets[targets["indicator"].isin(list(indicators)) & targets["commitment_id"].isna()]
    rows = []
    for row in chosen.to_dict("records"):
        deadline = as_date(row["deadline"])
        rows.append({"series": indicators[row["indicator"]], "target": float(row["target"]),
                     "deadline": deadline,
                     "label": text.t("activity_charts.target_label", lang,
                                     target=text.format_number(row["target"], lang),
                                     deadline=text.format_date(deadline, lang))})
    return pd.DataFrame(rows, columns=["series", "target", "deadline", "label"])


def cumulative_table(series: pd.DataFrame, targets: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The data of a cumulative chart: month, series, value; then each target as a row."""
    month, name, value = (text.t("meetings.col.month", lang), text.t("meetings.col.series", lang),
                          text.t("meetings.col.value", lang))
    table = pd.DataFrame({month: [month_label(m, lang) for m in series["month"]],
                          name: series["series"].tolist(),
                          value: [int(v) for v in series["value"]]})
    target_word = text.t("activity_charts.target", lang)
    goals = pd.DataFrame({month: [text.format_date(d, lang) for d in targets["deadline"]],
                          name: [f"{s} — {target_word}" for s in targets["series"]],
                          value: [int(v) for v in targets["target"]]})
    return pd.concat([table, goals], ignore_index=True) if len(goals) else table


def visibility_bars(totals: dict, lang: str) -> pd.DataFrame:
    """Public and internal meetings held, for `labelled_bars`."""
    held = totals["held"]
    rows = []
    for code, key in (("true", "public_held"), ("false", "internal_held")):
        count = totals[key]
        rows.append({"label": text.value_label("is_public", code, lang), "value": count,
                     "text": f"{text.format_number(count, lang)} ({percent(count, held, lang)})",
                     "kind": "known"})
    return pd.DataFrame(rows)


def bars_table(bars: pd.DataFrame, category_title: str, value_title: str) -> pd.DataFrame:
    """The data of a `labelled_bars` chart as a two-column table."""
    return pd.DataFrame({category_title: bars["label"].tolist(), value_title: bars["value"].tolist()})


def held_bars(by_group: pd.DataFrame, group: str, lang: str,
              commitments: dict[str, str] | None = None) -> pd.DataFrame:
    """Meetings held per group, most first, groups with none left out: for `labelled_bars`."""
    frame = by_group[by_group["held"] > 0].sort_values("held", ascending=False, kind="stable")
    return pd.DataFrame({
        "label": [group_label(group, key, lang, commitments) for key in frame["group_key"]],
        "value": frame["held"].astype(int).tolist(),
        "text": [text.format_number(v, lang) for v in frame["held"]],
        "kind": "known",
    })


def meetings_group_table(by_group: pd.DataFrame, group: str, lang: str,
                         commitments: dict[str, str] | None = None,
                         group_title: str | None = None) -> pd.DataFrame:
    """Every count of `figures.meetings_by` per group; unknown attendance in its own column."""

    def whole(column: str) -> list:
        return [None if pd.isna(v) else int(v) for v in by_group[column]]

    title = group_title or text.t("meetings.type", lang)
    return pd.DataFrame({
        title: [group_label(group, key, lang, commitments) for key in by_group["group_key"]],
        text.t("meetings.col.held", lang): whole("held"),
        text.t("meetings.col.planned", lang): whole("planned"),
        text.t("meetings.col.public_held", lang): whole("public_held"),
        text.t("meetings.col.internal_held", lang): whole("internal_held"),
        text.t("meetings.col.attendees_known", lang): pd.array(whole("attendees_known"), dtype="Int64"),
        text.t("meetings.col.attendees_unknown", lang): whole("attendees_unknown"),
        text.t("meetings.col.organisations_known", lang): pd.array(whole("organisations_known"),
                                                                   dtype="Int64"),
        text.t("meetings.col.organisations_unknown", lang): whole("organisations_unknown"),
    })


def attendance_table(by_type: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per meeting type, as words to read: held, planned, attendees and organisations, where a
    number not recorded is said (`627 connus + 2 réunions au nombre inconnu`), never a zero."""

    def said(known: object, unknown: object) -> str:
        known = None if pd.isna(known) else int(known)
        if int(unknown) == 0:
            return count_or_unknown(known, lang)
        return known_and_unknown(known, int(unknown), lang)

    rows = by_type[(by_type["held"] > 0) | (by_type["planned"] > 0)]
    return pd.DataFrame({
        text.t("meetings.type", lang): [group_label("meeting_type", key, lang) for key in rows["group_key"]],
        text.t("meetings.col.held", lang): [text.format_number(v, lang) for v in rows["held"]],
        text.t("meetings.col.planned", lang): [text.format_number(v, lang) for v in rows["planned"]],
        text.t("meetings.attendees", lang): [said(k, u) for k, u in zip(
            rows["attendees_known"], rows["attendees_unknown"], strict=True)],
        text.t("meetings.organisations", lang): [said(k, u) for k, u in zip(
            rows["organisations_known"], rows["organisations_unknown"], strict=True)],
    })


def meeting_rows(meetings: pd.DataFrame, lang: str, commitments: dict[str, str] | None = None,
                 state: str | None = None) -> pd.DataFrame:
    """One row per meeting (`figures.meetings`); only `held` or `planned` ones if `state` is given
    (and then no column to say which)."""
    if state is not None:
        meetings = meetings[meetings["state"] == state]
    table = pd.DataFrame({
        text.t("meetings.col.date", lang): [text.format_date(as_date(d), lang) for d in meetings["date"]],
        text.t("meetings.type", lang): [text.value_label("meeting_type", c, lang)
                                        for c in meetings["meeting_type"]],
        text.t("meetings.col.title", lang): [t if isinstance(t, str) else "" for t in meetings["title"]],
        text.t("col.commitment", lang): [group_label("commitment", c, lang, commitments)
                                         for c in meetings["commitment_id"]],
        text.t("meetings.col.sector", lang): [text.value_label("sector", s if isinstance(s, str) else
                                                               schema.CITYWIDE, lang)
                                              for s in meetings["arrondissement"]],
        text.t("meetings.col.visibility", lang): [text.value_label("is_public", bool(p), lang)
                                                  for p in meetings["is_public"]],
        text.t("meetings.attendees", lang): [text.t("meetings.unknown_value", lang) if pd.isna(a)
                                             else text.format_number(int(a), lang)
                                             for a in meetings["attendees"]],
    })
    if state is None:
        table[text.t("meetings.state", lang)] = [text.value_label("meeting_state", s, lang)
                                                 for s in meetings["state"]]
    return table


# ---------------------------------------------------------------- participation

def participation_month_table(by_month: pd.DataFrame, lang: str) -> pd.DataFrame:
    return pd.DataFrame({
        text.t("meetings.col.month", lang): [month_label(m, lang) for m in by_month["month"]],
        text.t("participation.activity", lang): [text.value_label("activity", a, lang)
                                                 for a in by_month["activity"]],
        text.t("indicator.participants", lang): [int(v) for v in by_month["participants"].fillna(0)],
        text.t("indicator.contributions", lang): [int(v) for v in by_month["contributions"].fillna(0)],
    })


def citywide(by_sector: pd.DataFrame, column: str = "participants") -> int:
    """The count with no arrondissement (online or Paris-wide): the figure beside the map."""
    rows = by_sector[by_sector["group_key"] == schema.CITYWIDE]
    return int(rows[column].fillna(0).sum())


def sector_table(by_sector: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Participants and contributions for the 17 sectors, then city-wide; share of the total."""
    tiles = sector_values(by_sector, "participants", lang)
    contributions = dict(zip(by_sector["group_key"], by_sector["contributions"].fillna(0), strict=True))
    total = float(by_sector["participants"].fillna(0).sum())
    sectors = [*tiles["sector"], schema.CITYWIDE]
    participants = [*tiles["value"], float(citywide(by_sector))]
    return pd.DataFrame({
        text.t("meetings.col.sector", lang): [text.value_label("sector", s, lang) for s in sectors],
        text.t("indicator.participants", lang): [int(v) for v in participants],
        text.t("indicator.contributions", lang): [int(contributions.get(s, 0)) for s in sectors],
        text.t("meetings.col.share", lang): [percent(v, total, lang) for v in participants],
    })


DEMOGRAPHIC_CODES = {"age_group": schema.AGE_GROUPS, "gender": schema.GENDERS}


def demographic_rows(by_group: pd.DataFrame, domain: str, lang: str, public: bool) -> pd.DataFrame:
    """Participants per age group (or gender), every category and `unknown` last.

    Columns: `code`, `label`, `value`, `text` (`1 234 (12 %)`), `kind` (`known`, `unknown`,
    `suppressed`), `share` (percentage of all participants). In public mode a category under
    `privacy.SMALL_CELL` people has no value, no share and the text "< 5".
    """
    values = {str(k): float(v) for k, v in zip(by_group["group_key"], by_group["participants"].fillna(0),
                                               strict=True)}
    codes = [*DEMOGRAPHIC_CODES[domain], "unknown"]
    frame = pd.DataFrame({"code": codes, "participants": [values.get(code, 0.0) for code in codes]})
    total = float(frame["participants"].sum())
    frame["share"] = (100 * frame["participants"] / total) if total else float("nan")
    if public:
        frame = privacy.suppress_small(frame, "participants")
        frame["share"] = frame["share"].mask(frame["participants_suppressed"])
    else:
        frame["participants_suppressed"] = False
    rows = []
    for row in frame.to_dict("records"):
        label = text.value_label(domain, None if row["code"] == "unknown" else row["code"], lang)
        if row["participants_suppressed"]:
            rows.append({"code": row["code"], "label": label, "value": None,
                         "text": privacy.small_cell_label(lang), "kind": "suppressed", "share": None})
            continue
        count = row["participants"]
        rows.append({"code": row["code"], "label": label, "value": count,
                     "text": f"{text.format_number(count, lang)} ({percent(count, total, lang)})",
                     "kind": "unknown" if row["code"] == "unknown" else "known",
                     "share": row["share"]})
    return pd.DataFrame(rows, columns=["code", "label", "value", "text", "kind", "share"])


def unknown_share(by_group: pd.DataFrame) -> float | None:
    """The percentage of participants whose category (age group, gender) is unknown."""
    total = float(by_group["participants"].fillna(0).sum())
    if not total:
        return None
    unknown = float(by_group.loc[by_group["group_key"] == "unknown", "participants"].fillna(0).sum())
    return 100 * unknown / total


def demographic_table(rows: pd.DataFrame, domain: str, lang: str) -> pd.DataFrame:
    """The data of a demographic chart; a hidden count reads "< 5" (the column is then text)."""
    suppressed = rows["kind"].eq("suppressed")
    if suppressed.any():
        counts = [privacy.small_cell_label(lang) if hidden else text.format_number(v, lang)
                  for v, hidden in zip(rows["value"], suppressed, strict=True)]
    else:
        counts = [int(v) for v in rows["value"]]
    return pd.DataFrame({
        text.t(f"participation.col.{domain}", lang): rows["label"].tolist(),
        text.t("indicator.participants", lang): counts,
        text.t("meetings.col.share", lang): [share_text(s, lang) for s in rows["share"]],
    })
