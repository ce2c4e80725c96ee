"""The site's HTML pieces: escaped text, tables, figures as inline SVG, bars, anchors and links."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts import render
from ogp_metrics.views.figure import Figure

CHART_WIDTH = 760


NUMBER_CLASS = ' class="number"'
NOWRAP_CLASS = ' class="nowrap"'


def esc(value: object) -> str:
    """Text from the data (or anywhere) made safe inside HTML text and attribute values."""
    if value is None or (not isinstance(value, str | list | tuple) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def _as_is(value: object) -> object:
    return value


def typographic(delta: str | None) -> str | None:
    return None if delta is None else ("\u2212" + delta[1:] if delta.startswith("-") else delta)


def table_html(frame: pd.DataFrame, title: str, numeric: tuple[str, ...] = (),
               raw_html: tuple[str, ...] = (), caption: bool = True, stacked: bool = False,
               nowrap: tuple[str, ...] = ()) -> str:
    """An accessible table: caption, column headers with scope, numbers aligned right.

    Every cell is escaped, except the columns named in `raw_html` (built here, already escaped).
    `stacked`: each cell carries its column's name (`data-label`), so that a narrow screen can
    show each row as a card (`table.stacked` in the stylesheet). `nowrap`: columns kept on one
    line (dates, states).
    """
    return rows_html(list(frame.columns), frame.itertuples(index=False), title, numeric, raw_html,
                     caption, stacked, nowrap)


def rows_html(columns: list[str], records: Iterable[Sequence], title: str, numeric: tuple[str, ...] = (),
              raw_html: tuple[str, ...] = (), caption: bool = True, stacked: bool = False,
              nowrap: tuple[str, ...] = ()) -> str:
    """`table_html` of rows given as sequences under `columns` (no frame to build: a page of 200
    commitments draws 200 tables)."""
    head = "".join(f'<th scope="col"{NUMBER_CLASS if name in numeric else ""}>{esc(name)}</th>'
                   for name in columns)
    # Each column's opening tag and escaping, once per table rather than once per cell.
    opening = [f"<td{NUMBER_CLASS if name in numeric else NOWRAP_CLASS if name in nowrap else ''}"
               + (f' data-label="{esc(name)}">' if stacked else ">") for name in columns]
    written = [_as_is if name in raw_html else esc for name in columns]
    rows = ["<tr>" + "".join(f"{tag}{write(value)}</td>"
                             for tag, write, value in zip(opening, written, record, strict=True))
            + "</tr>" for record in records]
    caption_html = f"<caption>{esc(title)}</caption>" if caption else ""
    table_class = ' class="stacked"' if stacked else ""
    return (f'<div class="table-wrap" role="region" aria-label="{esc(title)}" tabindex="0">'
            f"<table{table_class}>{caption_html}<thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>")


def numeric_columns(frame: pd.DataFrame, skip: int = 1) -> tuple[str, ...]:
    return tuple(frame.columns[skip:])


def figure_html(figure: Figure, lang: str, heading_id: str, level: int = 2) -> str:
    """A chart section: heading, the chart as one labelled image, its caption, its data table."""
    parts = [f'<section aria-labelledby="{heading_id}">',
             f'<h{level} id="{heading_id}">{esc(figure.title)}</h{level}>']
    if figure.chart is None:
        parts.append(f'<p class="muted">{esc(figure.description)}</p>')
    else:
        picture = render.svg(figure.chart, lang, figure.description, width=CHART_WIDTH,
                                      id_prefix=heading_id)
        caption = f"<figcaption>{esc(figure.note)}</figcaption>" if figure.note else ""
        parts.append(f'<figure><div class="chart">{picture}</div>{caption}</figure>')
    if not figure.table.empty:
        parts.append(f"<details><summary>{esc(text.t('site.chart_table', lang))}</summary>"
                     + table_html(figure.table, figure.title, numeric_columns(figure.table))
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


def unique_anchor(prefix: str, value: str, used: set[str]) -> str:
    """An id made of safe characters only, unique on the page."""
    base = prefix + "-" + (re.sub(r"[^A-Za-z0-9_-]+", "-", value).strip("-") or "x")
    anchor, number = base, 2
    while anchor in used:
        anchor, number = f"{base}-{number}", number + 1
    used.add(anchor)
    return anchor


def link(url: object, label: str) -> str:
    """A link to evidence or minutes: http(s) only (the loader checked), escaped, no referrer."""
    if not isinstance(url, str) or not url.lower().startswith(("http://", "https://")):
        return ""
    return f'<a href="{esc(url)}" rel="noopener noreferrer external">{esc(label)}</a>'


def size_text(count: int, lang: str) -> str:
    if count < 1024:
        return f"{text.format_number(count, lang)} o" if lang == "fr" else f"{count} B"
    unit = "ko" if lang == "fr" else "kB"
    return f"{text.format_number(count / 1024, lang, decimals=1)} {unit}"
