"""Each page of the public site as HTML: overview, commitments, meetings, participation, data.

Every text that comes from the CSV files is escaped (`site_html.esc`)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from ogp_metrics import figures, text
from ogp_metrics.figures import as_date, rows_of
from ogp_metrics.ingest.load import Plan
from ogp_metrics.outputs import datasets as export
from ogp_metrics.outputs import site_outcomes
from ogp_metrics.outputs.public_data import PublicFile
from ogp_metrics.outputs.site_html import (
    bar_html,
    esc,
    figure_html,
    link,
    numeric_columns,
    rows_html,
    size_text,
    table_html,
    typographic,
    unique_anchor,
)
from ogp_metrics.views import committee, data_files, headline, labels, print_figures
from ogp_metrics.views.plan_facts import codes, illustrative_notice, overdue_first, plan_name


@dataclass
class PageContext:
    plan: Plan
    cursor: figures.Cursor
    as_of: date
    lang: str
    generated: date
    files: list[PublicFile] = field(default_factory=list)

    def t(self, key: str, **values: object) -> str:
        return text.t(key, self.lang, **values)

    def date(self, value: object, style: str = "medium") -> str:
        return text.format_date(as_date(value), self.lang, style)

    def number(self, value: object, decimals: int = 0) -> str:
        return text.format_number(value, self.lang, decimals)


LISTED = 50  # rows of a list of meetings or milestones on a page; the others are counted


def _more(ctx: PageContext, count: int, data_file: str) -> str:
    """`… and N more: all are in <the data file>` when a list was cut, else nothing."""
    if count <= LISTED:
        return ""
    return (f'<p class="muted">{esc(ctx.t("site.more_listed", count=ctx.number(count - LISTED)))} '
            f'<a href="../data/{esc(data_file)}">{esc(data_file)}</a></p>')


def overview_page(ctx: PageContext) -> tuple[str, str]:
    info = figures.plan(ctx.cursor)
    name = plan_name(info, ctx.lang)
    parts = [f"<h1>{esc(name)}</h1>",
             f'<p class="lead">{esc(ctx.t("site.as_of", date=ctx.date(ctx.as_of, "long")))} · '
             f'{esc(headline.time_left(info["start_date"], info["end_date"], ctx.as_of, ctx.lang))}</p>']
    notice = illustrative_notice(info, ctx.lang)
    if notice:
        parts.append(f'<p class="notice">{esc(notice)}</p>')
    summary = figures.headline(ctx.cursor, ctx.as_of)
    if summary["commitments"]["total"] == 0:
        parts.append(f"<p>{esc(ctx.t('overview.empty'))}</p>")
        return name, "\n".join(parts)

    baseline, before = figures.changes_since_last_steering_committee(ctx.cursor, ctx.as_of)
    parts.append(f'<section aria-labelledby="key-figures"><h2 id="key-figures">'
                 f'{esc(ctx.t("site.headline_heading"))}</h2>')
    if baseline is not None:
        parts.append(f'<p class="muted">{esc(ctx.t("site.change_intro", date=ctx.date(baseline)))}</p>')
    cards = []
    for metric in headline.shown_metrics(summary, before):
        delta = typographic(headline.format_delta(metric, ctx.lang))
        change = f'<p class="card-change">{esc(ctx.t("site.change", delta=delta))}</p>' if delta else ""
        cards.append(f'<li><p class="card-label">{esc(ctx.t(metric.key))}</p>'
                     f'<p class="card-value">{esc(headline.format_value(metric, ctx.lang))}</p>{change}</li>')
    parts.append('<ul class="cards">' + "".join(cards) + "</ul>")
    if baseline is None:
        parts.append(f'<p class="muted">{esc(ctx.t("overview.no_baseline"))}</p>')
    parts.append("</section>")

    parts.append(figure_html(print_figures.milestones_figure(ctx.cursor, ctx.as_of, ctx.lang),
                             ctx.lang, "milestones-chart"))

    # The public site: commitments by name, never a decision (internal).
    names = committee.Names.of(labels.institution_names(figures.institutions(ctx.cursor), ctx.lang),
                               figures.commitments(ctx.cursor, ctx.as_of), ctx.lang, public=True)
    parts.append(f'<section aria-labelledby="attention"><h2 id="attention">'
                 f'{esc(ctx.t("attention.heading"))}</h2>')
    attention = committee.attention_rows(figures.milestones(ctx.cursor, ctx.as_of),
                                         figures.targets(ctx.cursor, ctx.as_of), names, ctx.as_of,
                                         first=LISTED)
    if attention.empty:
        parts.append(f"<p>{esc(ctx.t('attention.none', date=ctx.date(ctx.as_of)))}</p>")
    else:
        parts.append(table_html(attention.rows, ctx.t("attention.heading"), caption=False, stacked=True))
        parts.append(_more(ctx, attention.total, "milestones.csv"))
    parts.append(f'<p class="muted">{esc(committee.rules_help(ctx.lang).replace("**", ""))}</p></section>')

    targets = figures.targets(ctx.cursor, ctx.as_of)
    if targets.empty:
        parts.append(f'<section aria-labelledby="targets"><h2 id="targets">{esc(ctx.t("overview.targets"))}'
                     f"</h2><p>{esc(ctx.t('overview.no_targets'))}</p></section>")
    else:
        figure = committee.target_figure(targets, names, ctx.as_of)
        parts.append(figure_html(dataclasses.replace(figure, title=ctx.t("overview.targets")), ctx.lang,
                                 "targets"))

    last = figures.last_update(ctx.cursor, ctx.as_of)
    if last is not None:
        parts.append(f'<p class="muted">{esc(ctx.t("site.freshness", date=ctx.date(last)))}</p>')
    return name, "\n".join(parts)


def commitments_page(ctx: PageContext) -> tuple[str, str]:
    title = ctx.t("site.page.commitments")
    commitments = figures.commitments(ctx.cursor, ctx.as_of)
    milestones = figures.milestones(ctx.cursor, ctx.as_of)
    names = labels.institution_names(figures.institutions(ctx.cursor), ctx.lang)
    as_of = ctx.t("site.as_of", date=ctx.date(ctx.as_of, "long"))
    parts = [f"<h1>{esc(title)}</h1>", f'<p class="lead">{esc(as_of)}</p>',
             f"<p>{esc(ctx.t('site.commitments_intro'))}</p>"]
    if commitments.empty:
        parts.append(f"<p>{esc(ctx.t('overview.empty'))}</p>")
        return title, "\n".join(parts)
    parts.append(site_outcomes.irm_section(ctx))  # the City's and the IRM's completion side by side
    used: set[str] = set()
    anchors = {cid: unique_anchor("commitment", cid, used) for cid in commitments["commitment_id"]}
    # Sorted once, then dealt out: each commitment's milestones keep the overdue-first order.
    milestones_of: dict[str, list[dict]] = {}
    for milestone in overdue_first(milestones):
        milestones_of.setdefault(milestone["commitment_id"], []).append(milestone)
    records = rows_of(commitments)
    parts.append(f'<nav aria-labelledby="toc"><h2 id="toc">{esc(ctx.t("site.contents"))}</h2><ul class="toc">'
                 + "".join(f'<li><a href="#{anchors[r["commitment_id"]]}">{esc(r["commitment_id"])} · '
                           f"{esc(text.localised(r, ctx.lang))}</a></li>" for r in records)
                 + "</ul></nav>")
    headers = [ctx.t("col.status"), ctx.t("col.milestone"), ctx.t("col.owner"), ctx.t("col.due_date"),
               ctx.t("col.completed_date"), ctx.t("col.progress"), ctx.t("site.evidence")]
    for record in records:
        cid = record["commitment_id"]
        anchor = anchors[cid]
        parts.append(f'<section class="commitment" aria-labelledby="{anchor}">')
        parts.append(f'<h2 id="{anchor}">{esc(cid)} · {esc(text.localised(record, ctx.lang))}</h2>')
        description = text.localised(record, ctx.lang, prefix="description")
        if description:
            parts.append(f"<p>{esc(description)}</p>")
        lead = record["lead_institution"]
        values = ", ".join(text.value_label("ogp_values", code, ctx.lang)
                           for code in codes(record["ogp_values"]))
        progress = float(record["weighted_progress_pct"])
        facts = [
            (ctx.t("briefing.lead"), esc(names.get(lead, lead))),
            (ctx.t("briefing.values"), esc(values or "—")),
            (ctx.t("briefing.period"), esc(ctx.t("headline.span", start=ctx.date(record["start_date"]),
                                                 end=ctx.date(record["end_date"])))),
            (ctx.t("site.self_completion"), esc(completion_text(record["self_completion"],
                                                     record["self_assessment_date"], ctx))),
            (ctx.t("site.independent_completion"), esc(completion_text(record["independent_completion"],
                                                            record["independent_assessment_date"], ctx))),
            (ctx.t("site.weighted_progress"),
             bar_html(progress / 100) + esc(text.format_percent(progress, ctx.lang, decimals=1))),
            (ctx.t("briefing.milestones"), esc(ctx.t(
                "briefing.milestones_count", complete=ctx.number(record["milestones_complete"]),
                total=ctx.number(record["milestones"]), overdue=ctx.number(record["milestones_overdue"])))),
        ]
        parts.append('<dl class="facts">' + "".join(f"<dt>{label}</dt><dd>{value}</dd>"
                                                    for label, value in ((esc(a), b) for a, b in facts))
                     + "</dl>")
        mine = milestones_of.get(cid, [])
        milestone_heading = f"{ctx.t('briefing.milestones')} · {cid}"
        parts.append(f"<h3>{esc(ctx.t('briefing.milestones'))}</h3>")
        if not mine:
            parts.append(f"<p>{esc(ctx.t('briefing.no_milestones'))}</p>")
        else:
            rows = []
            for m in mine:
                status = esc(text.value_label("milestone_status", m["status"], ctx.lang))
                if m["status"] == "overdue" and pd.notna(m["days_late"]):
                    status += " · " + esc(ctx.t("briefing.days_late", days=ctx.number(m["days_late"])))
                owner = m["owner"]
                rows.append([
                    f'<span class="status status-{esc(m["status"])}">{status}</span>',
                    esc(text.localised(m, ctx.lang)),
                    esc(names.get(owner, owner) if isinstance(owner, str) else ctx.t("briefing.no_owner")),
                    esc(ctx.date(m["due_date"])),
                    esc(ctx.date(m["completed_date"]) if m["status"] == "complete" else "—"),
                    esc(text.format_percent(m["progress_pct"], ctx.lang)),
                    link(m["evidence_url"], ctx.t("site.evidence_link")),
                ])
            parts.append(rows_html(headers, rows, milestone_heading, (ctx.t("col.progress"),),
                                   raw_html=tuple(headers), caption=False))
        parts.append("</section>")
    return title, "\n".join(parts)


def completion_text(code: str, assessed: object, ctx: PageContext) -> str:
    label = text.value_label("completion", code, ctx.lang)
    when = as_date(assessed)
    if when is None:
        return label
    return f"{label} ({ctx.t('briefing.assessed_on', date=ctx.date(when))})"


def meetings_page(ctx: PageContext) -> tuple[str, str]:
    title = ctx.t("site.page.meetings")
    totals = figures.headline(ctx.cursor, ctx.as_of)["meetings"]
    summary = ctx.t("site.meetings_figures", held=ctx.number(totals["held"]),
                    public=ctx.number(totals["public_held"]), planned=ctx.number(totals["planned"]))
    parts = [f"<h1>{esc(title)}</h1>",
             f'<p class="lead">{esc(ctx.t("site.meetings_intro", date=ctx.date(ctx.as_of, "long")))}</p>',
             f"<p>{esc(summary)}</p>"]
    parts.append(figure_html(print_figures.meetings_figure(ctx.cursor, ctx.as_of, ctx.lang),
                             ctx.lang, "meetings-chart"))

    def grouped(group: str, domain: str, heading_key: str, column_key: str, anchor: str) -> str:
        frame = figures.meetings_by(ctx.cursor, ctx.as_of, group)
        if frame.empty:
            return ""
        label = ctx.t(heading_key)
        shown = pd.DataFrame({
            ctx.t(column_key): [text.value_label(domain, key, ctx.lang) for key in frame["group_key"]],
            ctx.t("site.col.held"): [ctx.number(v) for v in frame["held"]],
            ctx.t("site.col.planned"): [ctx.number(v) for v in frame["planned"]],
            ctx.t("site.col.public_held"): [ctx.number(v) for v in frame["public_held"]],
            ctx.t("site.col.attendees"): [
                text.tn("site.attendees_unknown", unknown, ctx.lang,
                        known=ctx.number(known if pd.notna(known) else 0),
                        unknown=ctx.number(unknown)) if unknown else ctx.number(known)
                for known, unknown in zip(frame["attendees_known"], frame["attendees_unknown"], strict=True)],
        })
        return (f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">{esc(label)}</h2>'
                + table_html(shown, label, numeric_columns(shown), caption=False) + "</section>")

    parts.append(grouped("meeting_type", "meeting_type", "site.meetings_by_type", "meetings.type", "by-type"))
    parts.append(grouped("phase", "phase", "site.meetings_by_phase", "meetings.phase", "by-phase"))

    meetings = figures.meetings(ctx.cursor, ctx.as_of)
    columns = [ctx.t("site.col.date"), ctx.t("meetings.type"), ctx.t("site.col.title"),
               ctx.t("col.commitment"), ctx.t("meetings.col.visibility"), ctx.t("site.col.attendees")]

    def listing(frame: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame({
            columns[0]: [ctx.date(v) for v in frame["date"]],
            columns[1]: [text.value_label("meeting_type", v, ctx.lang) for v in frame["meeting_type"]],
            columns[2]: [v if isinstance(v, str) else "" for v in frame["title"]],
            columns[3]: [v if isinstance(v, str) else ctx.t("overview.whole_plan")
                         for v in frame["commitment_id"]],
            columns[4]: [text.value_label("is_public", bool(v), ctx.lang) for v in frame["is_public"]],
            columns[5]: [ctx.number(v) if pd.notna(v) else ctx.t("app.unknown") for v in frame["attendees"]],
        })

    # The next and the latest meetings are listed; a large plan's others are counted, and every
    # one is in the data file (a page that grows with the data is no page to read).
    upcoming = meetings[meetings["state"] == "planned"]
    parts.append(f'<section aria-labelledby="upcoming"><h2 id="upcoming">{esc(ctx.t("site.upcoming"))}</h2>')
    if upcoming.empty:
        parts.append(f"<p>{esc(ctx.t('site.no_upcoming'))}</p>")
    else:
        # Attendance of a meeting still to come means nothing yet.
        parts.append(table_html(listing(upcoming.head(LISTED)).drop(columns=[columns[5]]),
                                ctx.t("site.upcoming"), caption=False))
        parts.append(_more(ctx, len(upcoming), "meetings.csv"))
    parts.append("</section>")
    held = meetings[meetings["state"] == "held"].iloc[::-1]
    if not held.empty:
        label = ctx.t("site.held_list", count=ctx.number(len(held)))
        parts.append(f"<details><summary>{esc(label)}</summary>"
                     + table_html(listing(held.head(LISTED)), label, (columns[5],))
                     + _more(ctx, len(held), "meetings.csv") + "</details>")
    return title, "\n".join(parts)


def participation_page(ctx: PageContext) -> tuple[str, str]:
    title = ctx.t("site.page.participation")
    totals = figures.headline(ctx.cursor, ctx.as_of)["participation"]
    intro = ctx.t("site.participation_intro", date=ctx.date(ctx.as_of, "long"),
                  participants=ctx.number(totals["participants"]),
                  contributions=ctx.number(totals["contributions"]))
    parts = [f"<h1>{esc(title)}</h1>", f'<p class="lead">{esc(intro)}</p>']
    parts.append(figure_html(print_figures.participation_figure(ctx.cursor, ctx.as_of, ctx.lang),
                             ctx.lang, "participation-chart"))
    parts.append(figure_html(print_figures.sector_figure(ctx.cursor, ctx.as_of, ctx.lang,
                                                           ctx.plan.report.folder),
                             ctx.lang, "sector-chart"))
    parts.append(f'<h2 id="diversity">{esc(ctx.t("site.diversity"))}</h2>')
    for domain in ("age_group", "gender"):
        figure = print_figures.profile_figure(ctx.cursor, ctx.as_of, ctx.lang, domain, public=True)
        parts.append(figure_html(figure, ctx.lang, f"{domain}-chart", level=3))
    return title, "\n".join(parts)


def data_page(ctx: PageContext) -> tuple[str, str]:
    title = ctx.t("site.page.data")
    parts = [f"<h1>{esc(title)}</h1>", f"<p>{esc(ctx.t('site.data_intro'))}</p>",
             f'<h2 id="files">{esc(ctx.t("site.data_files"))}</h2>']
    headers = [ctx.t("site.col.file"), ctx.t("site.col.content"), ctx.t("site.col.size")]
    rows = [[f'<a href="../data/{esc(f.name)}" download>{esc(f.name)}</a>',
             esc(f.dataset.description(ctx.lang) + " "
                 + text.tn("site.data_rows", len(f.frame), ctx.lang, rows=ctx.number(len(f.frame)))),
             esc(size_text(f.size, ctx.lang))] for f in ctx.files]
    dictionary_name = f"dictionary-{ctx.lang}.csv"
    rows.append([f'<a href="../data/{dictionary_name}" download>{dictionary_name}</a>',
                 esc(ctx.t("site.data_dictionary_file")), ""])
    parts.append(table_html(pd.DataFrame(rows, columns=headers), ctx.t("site.data_files"),
                            (headers[2],), raw_html=tuple(headers), caption=False))
    parts.append(_sources_html(ctx))
    parts.append(f'<h2 id="dictionary">{esc(ctx.t("site.data_dictionary"))}</h2>')
    for file in ctx.files:
        anchor = "dict-" + file.name.removesuffix(".csv")
        dictionary = export.dictionary(file.dataset, ctx.lang, file.frame, file_name=file.name)
        dictionary = dictionary.drop(columns=[ctx.t("export.file")])
        columns = ctx.t("site.data_columns", count=ctx.number(len(dictionary)))
        parts.append(f'<section aria-labelledby="{anchor}"><h3 id="{anchor}">{esc(file.name)}</h3>'
                     f"<p>{esc(file.dataset.description(ctx.lang))}</p>"
                     f"<details><summary>{esc(columns)}</summary>"
                     + table_html(dictionary, file.name, caption=False) + "</details></section>")
    return title, "\n".join(parts)


def _sources_html(ctx: PageContext) -> str:
    """Where the data comes from, as the files say it (ODbL data must be attributed)."""
    lines = data_files.source_lines(figures.sources(ctx.cursor), ctx.lang)
    items = "".join(f"<li>{esc(line)}</li>" for line in lines)
    body = f"<ul>{items}</ul>" if lines else f"<p>{esc(ctx.t('imports.sources.none'))}</p>"
    return f'<h2 id="sources">{esc(ctx.t("imports.sources.title"))}</h2>{body}'


BUILDERS = {"index": overview_page, "commitments": commitments_page, "meetings": meetings_page,
            "participation": participation_page, "data": data_page}
