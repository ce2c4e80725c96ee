"""The public site: a static, self-contained website in French and English.

`publish_site(plan, out, as_of)` writes:

    index.html            chooses the language
    fr/ and en/           index (overview), commitments, meetings, participation, data
    assets/site.css       the only stylesheet
    data/*.csv            the public data (UTF-8 with BOM, `;`), dictionary-fr.csv, dictionary-en.csv

It follows the public mode's rules: no staff notes and no `reported_by`; counts of fewer than
5 people by age group or gender are shown as "< 5". Charts are drawn at build time into
inline SVG (vl-convert), so a page requests nothing from any other host, needs no script, and
works opened from disk as from any web server (every link is relative). Every text that comes
from the CSV files is escaped. Each chart is one image with an `aria-label`, a caption and its
data as an HTML table in a `<details>` under it.
"""

from __future__ import annotations

import html
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from string import Template

import pandas as pd

from ogp_metrics import figures, text
from ogp_metrics.ingest.load import Plan
from ogp_metrics.outputs import datasets as export
from ogp_metrics.outputs.datasets import Dataset
from ogp_metrics.views import headline, privacy
from ogp_metrics.views import labels as tables
from ogp_metrics.views import print_figures as briefing_charts
from ogp_metrics.views.labels import as_date
from ogp_metrics.views.plan_facts import codes, is_bundled, overdue_first, plan_name

TEMPLATES = Path(__file__).resolve().parent / "site_templates"
MARKER = ".ogp-metrics-site"  # marks a folder this module wrote, so that it may replace it
PAGES = ("index", "commitments", "meetings", "participation", "data")
PAGE_TITLE_KEYS = {"index": "site.page.overview", "commitments": "site.page.commitments",
                   "meetings": "site.page.meetings", "participation": "site.page.participation",
                   "data": "site.page.data"}
CHART_WIDTH = 760
NUMBER_CLASS = ' class="number"'
CURRENT = ' aria-current="page"'


class SiteFolderError(Exception):
    """The output folder exists, holds other files, and was not made by `publish_site`."""


@dataclass(frozen=True)
class SiteSummary:
    folder: Path
    pages: int
    data_files: int


def esc(value: object) -> str:
    """Text from the data (or anywhere) made safe inside HTML text and attribute values."""
    if value is None or (not isinstance(value, str | list | tuple) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def _typographic(delta: str | None) -> str | None:
    return None if delta is None else ("\u2212" + delta[1:] if delta.startswith("-") else delta)


# ---------------------------------------------------------------- public data

def _public_progress(cursor: figures.Cursor, as_of: date) -> pd.DataFrame:
    return privacy.without_staff_columns(figures.progress_updates(cursor, as_of))


def _public_assessments(cursor: figures.Cursor, as_of: date) -> pd.DataFrame:
    return privacy.without_staff_columns(figures.assessment_history(cursor, as_of))


def _suppressed(group: str):
    """Participants by age group or gender, counts under 5 as "< 5" (text, on purpose)."""
    def build(cursor: figures.Cursor, as_of: date) -> pd.DataFrame:
        frame = export.DATASETS[f"participation_by_{group}"].build(cursor, as_of)
        hidden = privacy.suppress_small(frame, "participants")
        frame = frame.astype({"participants": object})
        frame["participants"] = [privacy.small_cell_label() if small else int(value)
                                 for value, small in zip(frame["participants"],
                                                         hidden["participants_suppressed"], strict=True)]
        return frame
    return build


# file name (without .csv) -> what it holds and how to build it
PUBLIC_DATA: dict[str, Dataset] = {
    "commitments": export.DATASETS["commitment_summary"],
    "milestones": export.DATASETS["milestone_status"],
    "progress_updates": Dataset("public_progress_updates", _public_progress,
                                sources=("progress_updates", "milestones")),
    "assessments": Dataset("public_assessments", _public_assessments, sources=("assessments",)),
    "targets": export.DATASETS["target_progress"],
    "meetings": Dataset("public_meetings", figures.meetings, sources=("meetings",)),
    "meetings_by_month": export.DATASETS["meetings_by_month"],
    "participation_by_month": export.DATASETS["participation_by_month"],
    "participation_by_sector": export.DATASETS["participation_by_sector"],
    "participation_by_age_group": Dataset("public_participation_by_age_group", _suppressed("age_group"),
                                          sources=("participation",)),
    "participation_by_gender": Dataset("public_participation_by_gender", _suppressed("gender"),
                                       sources=("participation",)),
    "institutions": export.DATASETS["institutions"],
}


@dataclass
class PublicFile:
    name: str  # file name, `meetings.csv`
    dataset: Dataset
    frame: pd.DataFrame
    size: int = 0


def public_files(cursor: figures.Cursor, as_of: date) -> list[PublicFile]:
    return [PublicFile(f"{stem}.csv", dataset, dataset.build(cursor, as_of))
            for stem, dataset in PUBLIC_DATA.items()]


def public_dictionary(files: list[PublicFile], lang: str) -> pd.DataFrame:
    return pd.concat([export.dictionary(file.dataset, lang, file.frame, file_name=file.name)
                      for file in files], ignore_index=True)


# ---------------------------------------------------------------- HTML pieces

def table_html(frame: pd.DataFrame, title: str, numeric: tuple[str, ...] = (),
               raw_html: tuple[str, ...] = (), caption: bool = True) -> str:
    """An accessible table: caption, column headers with scope, numbers aligned right.

    Every cell is escaped, except the columns named in `raw_html` (built here, already escaped).
    """
    head = "".join(f'<th scope="col"{NUMBER_CLASS if name in numeric else ""}>{esc(name)}</th>'
                   for name in frame.columns)
    rows = []
    for record in frame.itertuples(index=False):
        cells = []
        for name, value in zip(frame.columns, record, strict=True):
            content = value if name in raw_html else esc(value)
            css = NUMBER_CLASS if name in numeric else ""
            cells.append(f"<td{css}>{content}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    caption_html = f"<caption>{esc(title)}</caption>" if caption else ""
    return (f'<div class="table-wrap" role="region" aria-label="{esc(title)}" tabindex="0">'
            f"<table>{caption_html}<thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def _numeric_columns(frame: pd.DataFrame, skip: int = 1) -> tuple[str, ...]:
    return tuple(frame.columns[skip:])


def figure_html(figure: briefing_charts.Figure, lang: str, heading_id: str, level: int = 2) -> str:
    """A chart section: heading, the chart as one labelled image, its caption, its data table."""
    parts = [f'<section aria-labelledby="{heading_id}">',
             f'<h{level} id="{heading_id}">{esc(figure.title)}</h{level}>']
    if figure.chart is None:
        parts.append(f'<p class="muted">{esc(figure.description)}</p>')
    else:
        picture = briefing_charts.svg(figure.chart, lang, figure.description, width=CHART_WIDTH,
                                      id_prefix=heading_id)
        caption = f"<figcaption>{esc(figure.note)}</figcaption>" if figure.note else ""
        parts.append(f'<figure><div class="chart">{picture}</div>{caption}</figure>')
    if not figure.table.empty:
        parts.append(f"<details><summary>{esc(text.t('site.chart_table', lang))}</summary>"
                     + table_html(figure.table, figure.title, _numeric_columns(figure.table))
                     + "</details>")
    parts.append("</section>")
    return "\n".join(parts)


def bar_html(fraction: float) -> str:
    """A decorative bar: the number beside it says the same in words."""
    width = max(0.0, min(1.0, fraction)) * 100
    # SVG attributes rather than an inline style: the pages' policy allows no inline style.
    return ('<svg class="bar" aria-hidden="true" focusable="false" viewBox="0 0 100 10" '
            'preserveAspectRatio="none"><rect class="bar-track" width="100" height="10"/>'
            f'<rect class="bar-fill" width="{width:.1f}" height="10"/></svg>')


# ---------------------------------------------------------------- the pages

@dataclass
class _Context:
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


def _overview(ctx: _Context) -> tuple[str, str]:
    info = figures.plan(ctx.cursor)
    name = plan_name(info, ctx.lang)
    parts = [f"<h1>{esc(name)}</h1>",
             f'<p class="lead">{esc(ctx.t("site.as_of", date=ctx.date(ctx.as_of, "long")))} · '
             f'{esc(headline.time_left(info["start_date"], info["end_date"], ctx.as_of, ctx.lang))}</p>']
    if is_bundled(ctx.plan):
        parts.append(f'<p class="notice">{esc(ctx.t("app.illustrative"))}</p>')
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
    for metric in headline.metrics(summary, before):
        delta = _typographic(headline.format_delta(metric, ctx.lang))
        change = f'<p class="card-change">{esc(ctx.t("site.change", delta=delta))}</p>' if delta else ""
        cards.append(f'<li><p class="card-label">{esc(ctx.t(metric.key))}</p>'
                     f'<p class="card-value">{esc(headline.format_value(metric, ctx.lang))}</p>{change}</li>')
    parts.append('<ul class="cards">' + "".join(cards) + "</ul>")
    if baseline is None:
        parts.append(f'<p class="muted">{esc(ctx.t("overview.no_baseline"))}</p>')
    parts.append("</section>")

    parts.append(figure_html(briefing_charts.milestones_figure(ctx.cursor, ctx.as_of, ctx.lang),
                             ctx.lang, "milestones-chart"))

    parts.append(f'<section aria-labelledby="overdue"><h2 id="overdue">{esc(ctx.t("overview.overdue"))}</h2>')
    overdue = tables.overdue_milestones(figures.milestones(ctx.cursor, ctx.as_of),
                                        figures.institutions(ctx.cursor), ctx.lang)
    if overdue.empty:
        parts.append(f"<p>{esc(ctx.t('overview.no_overdue'))}</p>")
    else:
        numeric = (ctx.t("col.days_late"), ctx.t("col.progress"))
        parts.append(table_html(overdue, ctx.t("overview.overdue"), numeric, caption=False))
    parts.append("</section>")

    parts.append(f'<section aria-labelledby="targets"><h2 id="targets">{esc(ctx.t("overview.targets"))}</h2>')
    lines = tables.target_lines(figures.targets(ctx.cursor, ctx.as_of), ctx.as_of, ctx.lang)
    if not lines:
        parts.append(f"<p>{esc(ctx.t('overview.no_targets'))}</p>")
    else:
        parts.append('<ul class="targets">' + "".join(
            f'<li><span class="target-title">{esc(line.title)}</span>{bar_html(line.fraction)}'
            f"{esc(line.line)}</li>" for line in lines) + "</ul>")
    parts.append("</section>")

    last = figures.last_update(ctx.cursor, ctx.as_of)
    if last is not None:
        parts.append(f'<p class="muted">{esc(ctx.t("site.freshness", date=ctx.date(last)))}</p>')
    return name, "\n".join(parts)


def _anchor(prefix: str, value: str, used: set[str]) -> str:
    """An id made of safe characters only, unique on the page."""
    base = prefix + "-" + (re.sub(r"[^A-Za-z0-9_-]+", "-", value).strip("-") or "x")
    anchor, number = base, 2
    while anchor in used:
        anchor, number = f"{base}-{number}", number + 1
    used.add(anchor)
    return anchor


def _link(url: object, label: str) -> str:
    """A link to evidence or minutes: http(s) only (the loader checked), escaped, no referrer."""
    if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
        return ""
    return f'<a href="{esc(url)}" rel="noopener noreferrer external">{esc(label)}</a>'


def _commitments(ctx: _Context) -> tuple[str, str]:
    title = ctx.t("site.page.commitments")
    commitments = figures.commitments(ctx.cursor, ctx.as_of)
    milestones = figures.milestones(ctx.cursor, ctx.as_of)
    names = tables.institution_names(figures.institutions(ctx.cursor), ctx.lang)
    as_of = ctx.t("site.as_of", date=ctx.date(ctx.as_of, "long"))
    parts = [f"<h1>{esc(title)}</h1>", f'<p class="lead">{esc(as_of)}</p>',
             f"<p>{esc(ctx.t('site.commitments_intro'))}</p>"]
    if commitments.empty:
        parts.append(f"<p>{esc(ctx.t('overview.empty'))}</p>")
        return title, "\n".join(parts)
    used: set[str] = set()
    anchors = {cid: _anchor("commitment", cid, used) for cid in commitments["commitment_id"]}
    records = commitments.to_dict("records")
    parts.append(f'<nav aria-labelledby="toc"><h2 id="toc">{esc(ctx.t("site.contents"))}</h2><ul class="toc">'
                 + "".join(f'<li><a href="#{anchors[r["commitment_id"]]}">{esc(r["commitment_id"])} · '
                           f"{esc(tables.localised_title(r, ctx.lang))}</a></li>" for r in records)
                 + "</ul></nav>")
    headers = [ctx.t("col.status"), ctx.t("col.milestone"), ctx.t("col.owner"), ctx.t("col.due_date"),
               ctx.t("col.completed_date"), ctx.t("col.progress"), ctx.t("site.evidence")]
    for record in records:
        cid = record["commitment_id"]
        anchor = anchors[cid]
        parts.append(f'<section class="commitment" aria-labelledby="{anchor}">')
        parts.append(f'<h2 id="{anchor}">{esc(cid)} · {esc(tables.localised_title(record, ctx.lang))}</h2>')
        description = tables.localised_title(record, ctx.lang, prefix="description")
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
            (ctx.t("site.self_completion"), esc(_completion(record["self_completion"],
                                                     record["self_assessment_date"], ctx))),
            (ctx.t("site.independent_completion"), esc(_completion(record["independent_completion"],
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
        mine = milestones[milestones["commitment_id"] == cid]
        milestone_heading = f"{ctx.t('briefing.milestones')} · {cid}"
        parts.append(f"<h3>{esc(ctx.t('briefing.milestones'))}</h3>")
        if mine.empty:
            parts.append(f"<p>{esc(ctx.t('briefing.no_milestones'))}</p>")
        else:
            rows = []
            for m in overdue_first(mine):
                status = esc(text.value_label("milestone_status", m["status"], ctx.lang))
                if m["status"] == "overdue" and pd.notna(m["days_late"]):
                    status += " · " + esc(ctx.t("briefing.days_late", days=ctx.number(m["days_late"])))
                owner = m["owner"]
                rows.append([
                    f'<span class="status status-{esc(m["status"])}">{status}</span>',
                    esc(tables.localised_title(m, ctx.lang)),
                    esc(names.get(owner, owner) if isinstance(owner, str) else ctx.t("briefing.no_owner")),
                    esc(ctx.date(m["due_date"])),
                    esc(ctx.date(m["completed_date"]) if m["status"] == "complete" else "—"),
                    esc(text.format_percent(m["progress_pct"], ctx.lang)),
                    _link(m["evidence_url"], ctx.t("site.evidence_link")),
                ])
            frame = pd.DataFrame(rows, columns=headers)
            parts.append(table_html(frame, milestone_heading, (ctx.t("col.progress"),),
                                    raw_html=tuple(headers), caption=False))
        parts.append("</section>")
    return title, "\n".join(parts)


def _completion(code: str, assessed: object, ctx: _Context) -> str:
    label = text.value_label("completion", code, ctx.lang)
    when = as_date(assessed)
    if when is None:
        return label
    return f"{label} ({ctx.t('briefing.assessed_on', date=ctx.date(when))})"


def _meetings(ctx: _Context) -> tuple[str, str]:
    title = ctx.t("site.page.meetings")
    totals = figures.headline(ctx.cursor, ctx.as_of)["meetings"]
    summary = ctx.t("site.meetings_figures", held=ctx.number(totals["held"]),
                    public=ctx.number(totals["public_held"]), planned=ctx.number(totals["planned"]))
    parts = [f"<h1>{esc(title)}</h1>",
             f'<p class="lead">{esc(ctx.t("site.meetings_intro", date=ctx.date(ctx.as_of, "long")))}</p>',
             f"<p>{esc(summary)}</p>"]
    parts.append(figure_html(briefing_charts.meetings_figure(ctx.cursor, ctx.as_of, ctx.lang),
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
                ctx.t("site.attendees_unknown", known=ctx.number(known if pd.notna(known) else 0),
                      unknown=ctx.number(unknown)) if unknown else ctx.number(known)
                for known, unknown in zip(frame["attendees_known"], frame["attendees_unknown"], strict=True)],
        })
        return (f'<section aria-labelledby="{anchor}"><h2 id="{anchor}">{esc(label)}</h2>'
                + table_html(shown, label, _numeric_columns(shown), caption=False) + "</section>")

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

    upcoming = meetings[meetings["state"] == "planned"]
    parts.append(f'<section aria-labelledby="upcoming"><h2 id="upcoming">{esc(ctx.t("site.upcoming"))}</h2>')
    if upcoming.empty:
        parts.append(f"<p>{esc(ctx.t('site.no_upcoming'))}</p>")
    else:
        # Attendance of a meeting still to come means nothing yet.
        parts.append(table_html(listing(upcoming).drop(columns=[columns[5]]), ctx.t("site.upcoming"),
                                caption=False))
    parts.append("</section>")
    held = meetings[meetings["state"] == "held"].iloc[::-1]
    if not held.empty:
        label = ctx.t("site.held_list", count=ctx.number(len(held)))
        parts.append(f"<details><summary>{esc(label)}</summary>"
                     + table_html(listing(held), label, (columns[5],)) + "</details>")
    return title, "\n".join(parts)


def _participation(ctx: _Context) -> tuple[str, str]:
    title = ctx.t("site.page.participation")
    totals = figures.headline(ctx.cursor, ctx.as_of)["participation"]
    intro = ctx.t("site.participation_intro", date=ctx.date(ctx.as_of, "long"),
                  participants=ctx.number(totals["participants"]),
                  contributions=ctx.number(totals["contributions"]))
    parts = [f"<h1>{esc(title)}</h1>", f'<p class="lead">{esc(intro)}</p>']
    parts.append(figure_html(briefing_charts.participation_figure(ctx.cursor, ctx.as_of, ctx.lang),
                             ctx.lang, "participation-chart"))
    parts.append(figure_html(briefing_charts.sector_figure(ctx.cursor, ctx.as_of, ctx.lang,
                                                           ctx.plan.report.folder),
                             ctx.lang, "sector-chart"))
    parts.append(f'<h2 id="diversity">{esc(ctx.t("site.diversity"))}</h2>')
    for domain in ("age_group", "gender"):
        figure = briefing_charts.profile_figure(ctx.cursor, ctx.as_of, ctx.lang, domain, public=True)
        parts.append(figure_html(figure, ctx.lang, f"{domain}-chart", level=3))
    return title, "\n".join(parts)


def _size(count: int, lang: str) -> str:
    if count < 1024:
        return f"{text.format_number(count, lang)} o" if lang == "fr" else f"{count} B"
    unit = "ko" if lang == "fr" else "kB"
    return f"{text.format_number(count / 1024, lang, decimals=1)} {unit}"


def _data(ctx: _Context) -> tuple[str, str]:
    title = ctx.t("site.page.data")
    parts = [f"<h1>{esc(title)}</h1>", f"<p>{esc(ctx.t('site.data_intro'))}</p>",
             f'<h2 id="files">{esc(ctx.t("site.data_files"))}</h2>']
    headers = [ctx.t("site.col.file"), ctx.t("site.col.content"), ctx.t("site.col.size")]
    rows = [[f'<a href="../data/{esc(f.name)}" download>{esc(f.name)}</a>',
             esc(f.dataset.description(ctx.lang) + " "
                 + ctx.t("site.data_rows", rows=ctx.number(len(f.frame)))),
             esc(_size(f.size, ctx.lang))] for f in ctx.files]
    dictionary_name = f"dictionary-{ctx.lang}.csv"
    rows.append([f'<a href="../data/{dictionary_name}" download>{dictionary_name}</a>',
                 esc(ctx.t("site.data_dictionary_file")), ""])
    parts.append(table_html(pd.DataFrame(rows, columns=headers), ctx.t("site.data_files"),
                            (headers[2],), raw_html=tuple(headers), caption=False))
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


BUILDERS = {"index": _overview, "commitments": _commitments, "meetings": _meetings,
            "participation": _participation, "data": _data}


def _page(ctx: _Context, slug: str, heading: str, body: str, footer: str) -> str:
    other = "en" if ctx.lang == "fr" else "fr"
    nav = "\n".join(
        f'<li><a href="{name}.html"{CURRENT if name == slug else ""}>'
        f"{esc(ctx.t(PAGE_TITLE_KEYS[name]))}</a></li>" for name in PAGES)
    switch = (f'<p class="lang-switch"><a href="../{other}/{slug}.html" hreflang="{other}" lang="{other}">'
              f"{esc(ctx.t('site.language_switch'))}</a></p>")
    alternate = f'<link rel="alternate" hreflang="{other}" href="../{other}/{slug}.html">'
    page_title = f"{heading} · {ctx.t('app.title')}" if slug != "index" else heading
    template = Template((TEMPLATES / "page.html").read_text(encoding="utf-8"))
    return template.substitute(
        lang=ctx.lang, title=esc(page_title), root="..", alternate=alternate, skip=esc(ctx.t("site.skip")),
        site_name=esc(ctx.t("app.title")), language_switch=switch, nav_label=esc(ctx.t("site.nav_label")),
        nav=nav, body=body, footer=footer)


def _footer(ctx: _Context) -> str:
    info = figures.plan(ctx.cursor)
    last = figures.last_update(ctx.cursor, ctx.as_of)
    footer = ctx.t("site.footer", version=ctx.plan.version, updated=ctx.date(last),
                   date=ctx.date(ctx.as_of), generated=ctx.date(ctx.generated))
    lines = [f"<p>{esc(footer)}</p>"]
    if is_bundled(ctx.plan):
        lines.append(f"<p>{esc(ctx.t('app.illustrative'))}</p>")
    source = _link(info.get("source_url"), ctx.t("site.footer_source"))
    if source:
        lines.append(f"<p>{source}</p>")
    return "\n".join(lines)


def _index(names: dict[str, str]) -> str:
    """The root page: the two languages, each named in its own language."""
    items = "\n".join(f'<li><a href="{lang}/index.html" hreflang="{lang}" lang="{lang}">'
                      f"{esc(text.t('site.language_name', lang))}</a></li>" for lang in text.LANGUAGES)
    intros = "\n".join(f'<p lang="{lang}">{esc(text.t("site.index_intro", lang))}</p>'
                       for lang in text.LANGUAGES)
    template = Template((TEMPLATES / "index.html").read_text(encoding="utf-8"))
    return template.substitute(
        title=" / ".join(esc(text.t("app.title", lang)) for lang in text.LANGUAGES),
        skip=esc(text.t("site.skip", "fr")), name_fr=esc(names["fr"]), name_en=esc(names["en"]),
        intros=intros, choose_fr=esc(text.t("site.choose_language", "fr")),
        choose_en=esc(text.t("site.choose_language", "en")), items=items)


def _prepare(out: Path) -> None:
    """Refuse to overwrite a folder this module did not write."""
    if out.exists() and (not out.is_dir() or (any(out.iterdir()) and not (out / MARKER).exists())):
        raise SiteFolderError(str(out))


def publish_site(plan: Plan, out: str | Path, as_of: date, generated: date | None = None) -> SiteSummary:
    """Write the whole site into `out` (created, or replaced if a previous site is there)."""
    out = Path(out)
    _prepare(out)
    generated = generated or date.today()
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".ogp-site-", dir=out.parent))
    try:
        pages = _write(plan, staging, as_of, generated)
        (staging / MARKER).write_text("Made by python -m ogp_metrics publish; replaced by the next run.\n",
                                      encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return SiteSummary(out, pages, len(PUBLIC_DATA) + len(text.LANGUAGES))


def _write(plan: Plan, folder: Path, as_of: date, generated: date) -> int:
    (folder / "assets").mkdir()
    (folder / "data").mkdir()
    shutil.copyfile(TEMPLATES / "site.css", folder / "assets" / "site.css")
    pages = 0
    with plan.cursor() as cursor:
        files = public_files(cursor, as_of)
        for file in files:
            content = export.csv_bytes(file.frame, ";")
            (folder / "data" / file.name).write_bytes(content)
            file.size = len(content)
        for lang in text.LANGUAGES:
            (folder / "data" / f"dictionary-{lang}.csv").write_bytes(
                export.csv_bytes(public_dictionary(files, lang), ";"))
        names = {}
        for lang in text.LANGUAGES:
            ctx = _Context(plan, cursor, as_of, lang, generated, files)
            (folder / lang).mkdir()
            footer = _footer(ctx)
            for slug in PAGES:
                heading, body = BUILDERS[slug](ctx)
                (folder / lang / f"{slug}.html").write_text(_page(ctx, slug, heading, body, footer),
                                                            encoding="utf-8")
                pages += 1
            names[lang] = plan_name(figures.plan(cursor), lang)
        (folder / "index.html").write_text(_index(names), encoding="utf-8")
    return pages + 1

