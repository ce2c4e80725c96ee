"""The public site's "Votes and projects" page, and the IRM's view on its Commitments page.

Built from the same views as the dashboard (`views.votes`, `views.projects`, `views.irm`), in
public mode: small counts hidden, no staff columns. Every text from the files is escaped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ogp_metrics import figures
from ogp_metrics.figures import rows_of
from ogp_metrics.outputs.site_html import esc, figure_html, table_html, unique_anchor
from ogp_metrics.views import irm, labels, projects, sectors, votes

if TYPE_CHECKING:  # a type only: `site_pages` calls `irm_section` from here
    from ogp_metrics.outputs.site_pages import PageContext


def votes_projects_page(ctx: PageContext) -> tuple[str, str]:
    """Events counted and listed, each vote's result and turnout, the decided projects."""
    title = ctx.t("nav.votes_projects")
    parts = [
        f"<h1>{esc(title)}</h1>",
        f'<p class="lead">{esc(ctx.t("votes_page.intro", date=ctx.date(ctx.as_of, "long")))}</p>',
    ]
    events = figures.events(ctx.cursor, ctx.as_of)
    parts.append(f'<h2 id="events">{esc(ctx.t("votes_page.events"))}</h2>')
    parts.append(f"<p>{esc(votes.events_summary(events, ctx.lang))}</p>")
    if not events.empty:
        commitments = labels.commitment_labels(figures.commitment_titles(ctx.cursor), ctx.lang, public=True)
        rows = votes.event_rows(events, ctx.lang, commitments, figures.votes(ctx.cursor, ctx.as_of))
        parts.append(
            table_html(rows, ctx.t("votes_page.events"), (rows.columns[4], rows.columns[5]), stacked=True)
        )
    parts.extend(_votes_html(ctx))
    parts.extend(_projects_html(ctx))
    return title, "\n".join(parts)


def _votes_html(ctx: PageContext) -> list[str]:
    held = figures.votes(ctx.cursor, ctx.as_of)
    if held.empty:
        return []
    parts = [f'<h2 id="votes">{esc(ctx.t("votes_page.votes"))}</h2>']
    options = figures.vote_options(ctx.cursor, ctx.as_of)
    boundaries = sectors.read_boundaries(ctx.plan.report.folder)
    used: set[str] = set()
    for vote in reversed(rows_of(held)):  # the latest first
        anchor = unique_anchor("vote", str(vote["event_id"]), used)
        parts.append(
            f'<section aria-labelledby="{anchor}"><h3 id="{anchor}">'
            f"{esc(votes.vote_title(vote, ctx.lang))}</h3>"
        )
        parts.append(f"<p>{esc(votes.turnout_line(vote, ctx.lang))}</p>")
        parts.append(
            figure_html(votes.option_figure(vote, options, ctx.lang), ctx.lang, f"{anchor}-result", level=4)
        )
        in_sectors = figures.vote_sectors(ctx.cursor, ctx.as_of, event_id=vote["event_id"])
        parts.append(
            figure_html(
                votes.sector_figure(vote, in_sectors, "turnout_pct", ctx.lang, True, boundaries),
                ctx.lang,
                f"{anchor}-turnout",
                level=4,
            )
        )
        parts.append("</section>")
    return parts


def _projects_html(ctx: PageContext) -> list[str]:
    parts = [f'<h2 id="projects">{esc(ctx.t("projects_page.heading"))}</h2>']
    by_edition = figures.projects_by(ctx.cursor, ctx.as_of, "edition")
    if by_edition.empty:
        return [*parts, f"<p>{esc(ctx.t('projects_page.none'))}</p>"]
    cards = projects.project_cards(by_edition, ctx.lang)
    parts.append(
        "<ul>"
        + "".join(
            f"<li>{esc(ctx.t('site.card_line', label=card.label, value=card.value))}</li>" for card in cards
        )
        + "</ul>"
    )
    boundaries = sectors.read_boundaries(ctx.plan.report.folder)
    for figure, anchor in (
        (projects.edition_figure(by_edition, ctx.lang), "projects-edition"),
        (
            projects.sector_figure(
                figures.projects_by(ctx.cursor, ctx.as_of, "sector"), ctx.lang, boundaries
            ),
            "projects-sector",
        ),
        (
            projects.status_figure(figures.projects_by(ctx.cursor, ctx.as_of, "status"), ctx.lang),
            "projects-status",
        ),
        (
            projects.delivery_figure(figures.project_deliveries(ctx.cursor, ctx.as_of), ctx.lang),
            "projects-deliveries",
        ),
    ):
        parts.append(figure_html(figure, ctx.lang, anchor, level=3))
    return parts


def irm_section(ctx: PageContext) -> str:
    """Each commitment's completion according to the City and to the IRM, and what the IRM said."""
    assessed = figures.independent_assessments(ctx.cursor, ctx.as_of)
    if assessed.empty:
        return ""
    heading = ctx.t("irm.heading")
    caption = ctx.t("irm.caption") + " " + irm.agreement_text(assessed, ctx.lang)
    return (
        f'<section aria-labelledby="irm"><h2 id="irm">{esc(heading)}</h2><p>{esc(caption)}</p>'
        + table_html(irm.side_by_side(assessed, ctx.lang, public=True), heading, stacked=True)
        + "</section>"
    )
