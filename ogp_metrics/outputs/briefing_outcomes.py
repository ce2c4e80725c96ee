"""The briefing's "Votes and projects" section: each recent vote's result and turnout, the
decided projects per edition and per sector, and the IRM's view beside the City's.

Built from the same views as the dashboard and the site (`views.votes`, `views.projects`,
`views.irm`), in public mode (the briefing travels)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from ogp_metrics import figures, text
from ogp_metrics.charts import render
from ogp_metrics.figures import rows_of
from ogp_metrics.outputs.pdf_document import CHART_PIXELS, MUTED, PdfDocument
from ogp_metrics.views import irm, projects, votes
from ogp_metrics.views.figure import Figure

VOTES_LISTED = 3  # the latest votes; the site and the dashboard give every one


def outcomes_section(document: PdfDocument, cursor: figures.Cursor, as_of: date, lang: str) -> None:
    """Votes, projects and the IRM's view; nothing when the plan has none of them."""
    held = figures.votes(cursor, as_of)
    by_edition = figures.projects_by(cursor, as_of, "edition")
    assessed = figures.independent_assessments(cursor, as_of)
    has_irm = bool((assessed["independent_completion"] != "not_assessed").any()) if len(assessed) else False
    if held.empty and by_edition.empty and not has_irm:
        return
    document.heading(text.t("nav.votes_projects", lang), keep_with=60)
    _votes(document, cursor, as_of, lang, held)
    _projects(document, cursor, as_of, lang, by_edition)
    if has_irm:
        document.heading(text.t("irm.heading", lang), level=2, keep_with=40)
        document.paragraph(irm.agreement_text(assessed, lang), size=9.5)
        table = irm.side_by_side(assessed, lang, public=True)
        _table(document, table.iloc[:, [0, 1, 2, 3, 5]], (62, 32, 32, 26, 18))


def _votes(document: PdfDocument, cursor: figures.Cursor, as_of: date, lang: str, held: pd.DataFrame) -> None:
    if held.empty:
        return
    options = figures.vote_options(cursor, as_of)
    for number, vote in enumerate(list(reversed(rows_of(held)))[:VOTES_LISTED]):
        document.heading(votes.vote_title(vote, lang), level=2, keep_with=30)
        result = votes.option_figure(vote, options, lang)
        said = ", ".join(
            f"{option} {text.format_number(count, lang)} ({share})"
            for option, count, share in result.table.itertuples(index=False)
        )
        document.paragraph(text.t("briefing_outcomes.result", lang, result=said or "—"), size=9.5)
        document.paragraph(votes.turnout_line(vote, lang), size=9.5)
        in_sectors = figures.vote_sectors(cursor, as_of, event_id=vote["event_id"])
        mapped = in_sectors[in_sectors["sector"] != "citywide"].dropna(subset=["turnout_pct"])
        if len(mapped) > 1:
            high = mapped.loc[mapped["turnout_pct"].idxmax()]
            low = mapped.loc[mapped["turnout_pct"].idxmin()]
            document.paragraph(
                text.t(
                    "briefing_outcomes.turnout_range",
                    lang,
                    high=text.value_label("sector", high["sector"], lang),
                    high_pct=votes.rate(high["turnout_pct"], lang),
                    low=text.value_label("sector", low["sector"], lang),
                    low_pct=votes.rate(low["turnout_pct"], lang),
                ),
                size=9.5,
            )
        if number == 0:  # the latest vote's turnout on the map (a rate, never a count)
            _chart(document, votes.sector_figure(vote, in_sectors, "turnout_pct", lang, True), lang)
    if len(held) > VOTES_LISTED:
        document.paragraph(
            text.t(
                "briefing_outcomes.more_votes", lang, count=text.format_number(len(held) - VOTES_LISTED, lang)
            ),
            size=8,
            colour=MUTED,
        )


def _projects(
    document: PdfDocument, cursor: figures.Cursor, as_of: date, lang: str, by_edition: pd.DataFrame
) -> None:
    if by_edition.empty:
        return
    document.heading(text.t("projects_page.heading", lang), level=2, keep_with=40)
    document.paragraph(
        " · ".join(
            text.t("site.card_line", lang, label=card.label, value=card.value)
            for card in projects.project_cards(by_edition, lang)
        ),
        size=9.5,
    )
    _chart(document, projects.edition_figure(by_edition, lang), lang)
    _table(document, projects.group_table(by_edition, "edition", lang), (30, 30, 45, 30, 35))
    by_sector = projects.group_table(figures.projects_by(cursor, as_of, "sector"), "sector", lang)
    _table(document, by_sector, (50, 25, 45, 25, 25))


def _table(document: PdfDocument, frame: pd.DataFrame, widths: tuple[float, ...]) -> None:
    rows = [
        ["" if value is None else str(value) for value in record] for record in frame.itertuples(index=False)
    ]
    document.data_table([str(column) for column in frame.columns], rows, widths, size=8)


def _chart(document: PdfDocument, figure: Figure, lang: str) -> None:
    """The figure's chart, then its note (what it shades, what it leaves out)."""
    if figure.chart is None:
        return
    document.chart(render.png(figure.chart, lang, width=CHART_PIXELS))
    if figure.note:
        document.paragraph(figure.note, size=8, colour=MUTED)
