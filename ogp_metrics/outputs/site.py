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

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from string import Template

from ogp_metrics import figures, text
from ogp_metrics.figures.sql import RememberingCursor
from ogp_metrics.ingest.load import Plan
from ogp_metrics.outputs import site_outcomes, spreadsheets
from ogp_metrics.outputs.public_data import PUBLIC_DATA, public_dictionary, public_files
from ogp_metrics.outputs.site_html import (
    esc,
    link,
)
from ogp_metrics.outputs.site_pages import BUILDERS, PageContext
from ogp_metrics.views.plan_facts import illustrative_notice, plan_name

TEMPLATES = Path(__file__).resolve().parent / "site_templates"


MARKER = ".ogp-metrics-site"  # marks a folder this module wrote, so that it may replace it


PAGES = ("index", "commitments", "meetings", "participation", "votes", "data")


PAGE_TITLE_KEYS = {"index": "site.page.overview", "commitments": "site.page.commitments",
                   "meetings": "site.page.meetings", "participation": "site.page.participation",
                   "data": "site.page.data", "votes": "site.page.votes"}


CURRENT = ' aria-current="page"'


class SiteFolderError(Exception):
    """The output folder exists, holds other files, and was not made by `publish_site`."""


@dataclass(frozen=True)
class SiteSummary:
    folder: Path
    pages: int
    data_files: int


def _page(ctx: PageContext, slug: str, heading: str, body: str, footer: str) -> str:
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


def _footer(ctx: PageContext) -> str:
    info = figures.plan(ctx.cursor)
    last = figures.last_update(ctx.cursor, ctx.as_of)
    footer = ctx.t("site.footer", version=ctx.plan.version, updated=ctx.date(last),
                   date=ctx.date(ctx.as_of), generated=ctx.date(ctx.generated))
    lines = [f"<p>{esc(footer)}</p>"]
    notice = illustrative_notice(info, ctx.lang)
    if notice:
        lines.append(f"<p>{esc(notice)}</p>")
    source = link(info.get("source_url"), ctx.t("site.footer_source"))
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
    with plan.cursor() as connection:
        cursor = RememberingCursor(connection)  # pages in two languages share their figures
        files = public_files(cursor, as_of)
        for file in files:
            content = spreadsheets.csv_bytes(file.frame, ";")
            (folder / "data" / file.name).write_bytes(content)
            file.size = len(content)
        for lang in text.LANGUAGES:
            (folder / "data" / f"dictionary-{lang}.csv").write_bytes(
                spreadsheets.csv_bytes(public_dictionary(files, lang), ";"))
        names = {}
        for lang in text.LANGUAGES:
            ctx = PageContext(plan, cursor, as_of, lang, generated, files)
            (folder / lang).mkdir()
            footer = _footer(ctx)
            for slug in PAGES:
                heading, body = {**BUILDERS, "votes": site_outcomes.votes_projects_page}[slug](ctx)
                (folder / lang / f"{slug}.html").write_text(_page(ctx, slug, heading, body, footer),
                                                            encoding="utf-8")
                pages += 1
            names[lang] = plan_name(figures.plan(cursor), lang)
        (folder / "index.html").write_text(_index(names), encoding="utf-8")
    return pages + 1
