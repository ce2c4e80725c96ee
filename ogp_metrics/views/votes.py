"""Events and votes as the "Votes and projects" page, the site and the briefing show them: events
counted as events (not rows), each vote's question, result per option and turnout per sector.

Turnout is voters / registered voters (`figures.vote_sectors`); an option's share is of the votes
cast for an option (blank and null votes left out). In public mode a sector's voters under
`privacy.SMALL_CELL` read "< 5", and its turnout is not given (it would give the count back).
"""

from __future__ import annotations

import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts import bars
from ogp_metrics.charts import sectors as sector_charts
from ogp_metrics.contract import schema
from ogp_metrics.figures import rows_of
from ogp_metrics.views import privacy
from ogp_metrics.views.figure import Card, Figure
from ogp_metrics.views.wording import date_span, date_text, missing

# What the sector map can shade: a count of people, or a rate (never one for the other).
MAP_MEASURES = ("turnout_pct", "voters")


def rate(value: object, lang: str) -> str:
    """A turnout or a share of votes: one decimal, always written (`6,0 %` beside `7,3 %`)."""
    return text.format_percent(value, lang, 1, fixed=True)


def events_summary(events: pd.DataFrame, lang: str) -> str:
    """`3 événements, dont 2 votations ; 34 secteurs` : events counted as events, not rows."""
    votes = int(events["has_results"].sum()) if len(events) else 0
    return text.t(
        "votes_page.events_summary",
        lang,
        events=text.tn("votes_page.events_count", len(events), lang),
        votes=text.tn("votes_page.votes_count", votes, lang),
        rows=text.tn("votes_page.rows_count", int(events["records"].sum()) if len(events) else 0, lang),
    )


def event_rows(events: pd.DataFrame, lang: str, commitments: dict[str, str],
               held: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each event: title, dates (one date for a one-day event), channel, commitment, participants
    and sectors of the participation rows that name it; for a vote of `held` (`figures.votes`)
    that no row names, its voters and sectors from its results."""
    results = {} if held is None else {vote["event_id"]: vote for vote in rows_of(held)}
    counted = [
        (row["participants"], row["sectors"]) if row["records"] or row["event_id"] not in results
        else (results[row["event_id"]]["voters"], results[row["event_id"]]["sectors"])
        for row in rows_of(events)
    ]
    return pd.DataFrame(
        {
            text.t("votes_page.col.event", lang): [
                text.localised(row, lang) for row in rows_of(events)
            ],
            text.t("votes_page.col.dates", lang): [
                date_span(first, last, lang)
                for first, last in zip(events["start_date"], events["end_date"], strict=True)
            ],
            text.t("votes_page.col.channel", lang): [
                text.value_label("channel", c, lang) for c in events["channel"]
            ],
            text.t("col.commitment", lang): [
                commitments.get(c, "—") if not missing(c) else "—" for c in events["commitment_id"]
            ],
            text.t("indicator.participants", lang): [text.format_number(v, lang) for v, _ in counted],
            text.t("votes_page.col.sectors", lang): [text.format_number(v, lang) for _, v in counted],
        }
    )


def vote_title(vote: dict, lang: str) -> str:
    """The vote's question (its event's title), and its date."""
    return text.t(
        "votes_page.vote_heading",
        lang,
        title=text.localised(vote, lang),
        date=date_text(vote["date"], lang, "long"),
    )


def turnout_text(vote: dict, lang: str) -> str:
    """`7,5 % (103 084 votants sur 1 382 322 inscrits)`; registered unknown: voters only."""
    if missing(vote["registered"]):
        return text.t("votes_page.turnout_unknown", lang, voters=text.format_number(vote["voters"], lang))
    return text.t(
        "votes_page.turnout_text",
        lang,
        pct=rate(vote["turnout_pct"], lang),
        voters=text.format_number(vote["voters"], lang),
        registered=text.format_number(vote["registered"], lang),
    )


def vote_cards(vote: dict, lang: str) -> list[Card]:
    """Turnout (voters / registered), voters, registered, blank and null votes (each said under)."""
    spoiled = (
        None
        if missing(vote["blank"]) and missing(vote["null_votes"])
        else (
            (0 if missing(vote["blank"]) else vote["blank"])
            + (0 if missing(vote["null_votes"]) else vote["null_votes"])
        )
    )
    return [
        Card(
            text.t("votes_page.turnout", lang),
            rate(vote["turnout_pct"], lang),
            caption=text.t("votes_page.turnout_caption", lang),
        ),
        Card(text.t("votes_page.col.voters", lang), text.format_number(vote["voters"], lang)),
        Card(text.t("votes_page.col.registered", lang), text.format_number(vote["registered"], lang)),
        Card(
            text.t("votes_page.blank_null_label", lang),
            text.format_number(spoiled, lang),
            caption=blank_null_text(vote, lang),
        ),
    ]


def turnout_line(vote: dict, lang: str) -> str:
    """`Participation : 6,3 % (200 votants sur 3 200 inscrits) · 2 blancs · 3 nuls`."""
    return text.t(
        "votes_page.turnout_line",
        lang,
        turnout=turnout_text(vote, lang),
        blank_null=blank_null_text(vote, lang),
    )


def blank_null_text(vote: dict, lang: str) -> str:
    return text.t(
        "votes_page.blank_null",
        lang,
        blank=text.format_number(vote["blank"], lang),
        null=text.format_number(vote["null_votes"], lang),
    )


def option_figure(vote: dict, options: pd.DataFrame, lang: str) -> Figure:
    """The result per option as bars, each with its votes and its share of the votes cast."""
    chosen = options[options["event_id"] == vote["event_id"]]
    rows = pd.DataFrame(
        {
            "label": chosen["option"].astype(str).tolist(),
            "value": chosen["votes"].astype(float).tolist(),
            "text": [
                f"{text.format_number(v, lang)} ({rate(s, lang)})"
                for v, s in zip(chosen["votes"], chosen["share_pct"], strict=True)
            ],
        }
    )
    title = text.t("votes_page.result", lang)
    description = text.t(
        "votes_page.result_alt",
        lang,
        question=text.localised(vote, lang),
        result=", ".join(
            f"{label} {value}" for label, value in zip(rows["label"], rows["text"], strict=True)
        ),
    )
    value_title = text.t("votes_page.col.votes", lang)
    table = pd.DataFrame(
        {
            text.t("votes_page.col.option", lang): rows["label"],
            value_title: [int(v) for v in chosen["votes"]],
            text.t("votes_page.col.share", lang): [
                rate(s, lang) for s in chosen["share_pct"]
            ],
        }
    )
    chart = bars.labelled_bars(rows, lang, value_title, description=description) if len(rows) else None
    return Figure(
        f"vote-{vote['event_id']}-result",
        title,
        description,
        chart,
        table,
        text.t("votes_page.result_note", lang),
    )


def sector_frame(sectors: pd.DataFrame, public: bool) -> pd.DataFrame:
    """One vote's sectors with `hidden` (voters under `SMALL_CELL`, public mode only)."""
    frame = sectors.copy()
    frame["hidden"] = public & frame["voters"].notna() & (frame["voters"] < privacy.SMALL_CELL)
    return frame


def sector_table(sectors: pd.DataFrame, lang: str, public: bool) -> pd.DataFrame:
    """Per sector (city-wide last): registered, voters, turnout; small counts hidden in public."""
    frame = sector_frame(sectors, public)
    hidden = privacy.small_cell_label(lang)
    return pd.DataFrame(
        {
            text.t("meetings.col.sector", lang): [
                text.value_label("sector", s, lang) for s in frame["sector"]
            ],
            text.t("votes_page.col.registered", lang): [
                text.format_number(v, lang) for v in frame["registered"]
            ],
            text.t("votes_page.col.voters", lang): [
                hidden if h else text.format_number(v, lang)
                for v, h in zip(frame["voters"], frame["hidden"], strict=True)
            ],
            text.t("votes_page.col.turnout", lang): [
                "—" if h else rate(v, lang)
                for v, h in zip(frame["turnout_pct"], frame["hidden"], strict=True)
            ],
        }
    )


def sector_figure(
    vote: dict, sectors: pd.DataFrame, measure: str, lang: str, public: bool, boundaries: dict | None = None
) -> Figure:
    """Turnout (a rate) or voters (a count) per sector on the map; the legend says which."""
    frame = sector_frame(sectors, public)
    frame = frame[frame["sector"] != schema.CITYWIDE]
    values = frame.assign(
        group_key=frame["sector"], value=frame[measure].astype("Float64").mask(frame["hidden"])
    )
    tiles = sector_charts.sector_values(values, "value", lang)
    written = dict(zip(frame["sector"], frame[measure], strict=True))
    hidden = set(frame.loc[frame["hidden"], "sector"])
    tiles["value_text"] = [
        privacy.small_cell_label(lang)
        if s in hidden
        else "—"
        if s not in written or missing(written[s])
        else rate(written[s], lang)
        if measure == "turnout_pct"
        else text.format_number(written[s], lang)
        for s in tiles["sector"]
    ]
    legend = text.t(f"votes_page.map_legend.{measure}", lang)
    ranked = frame[~frame["hidden"]].sort_values(measure, ascending=False).head(3)
    top = ", ".join(
        f"{text.value_label('sector', s, lang)} ({rate(v, lang)})"
        if measure == "turnout_pct"
        else f"{text.value_label('sector', s, lang)} ({text.format_number(v, lang)})"
        for s, v in zip(ranked["sector"], ranked[measure], strict=True)
    )
    title = text.t(f"votes_page.map_title.{measure}", lang)
    description = text.t("votes_page.map_alt", lang, measure=legend, top=top or "—")
    chart = (
        sector_charts.sector_map(
            tiles,
            lang,
            legend,
            boundaries,
            description=description,
            legend_format=",.1~f" if measure == "turnout_pct" else ",d",
        )
        if len(frame)
        else None
    )
    return Figure(
        f"vote-{vote['event_id']}-{measure}",
        title,
        description,
        chart,
        sector_table(sectors, lang, public),
        text.t(f"votes_page.map_note.{measure}", lang),
    )
