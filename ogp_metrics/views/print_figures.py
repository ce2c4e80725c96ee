"""Charts drawn offline for the briefing PDF (PNG) and the public site (inline SVG).

Each `*_figure` function returns a `Figure`: the Altair chart (from `ogp_metrics.charts`), a
one-sentence description (the chart's alternative text) and the chart's data as a table a
reader can scan. `png(...)` and `svg(...)` render with vl-convert, with no browser and no
network, in the language's number and date formats.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from html import escape
from pathlib import Path

import altair as alt
import pandas as pd
import vl_convert

from ogp_metrics import figures, text
from ogp_metrics.charts import briefing as briefing_charts
from ogp_metrics.charts.meetings import labelled_bars, meetings_by_month_chart
from ogp_metrics.charts.participation import participation_by_month_chart
from ogp_metrics.charts.sectors import read_boundaries, sector_map, sector_tile_map, sector_values
from ogp_metrics.contract import schema
from ogp_metrics.views import labels as tables
from ogp_metrics.views import privacy
from ogp_metrics.views.labels import as_date

FONTS = Path(__file__).resolve().parents[1] / "fonts"
# The PDF's own font, so that the charts' text matches the page's.
PDF_FONT = "DejaVu Sans"
_VEGA_LOCALES = {"fr": "fr-FR", "en": "en-GB"}


@dataclass(frozen=True)
class Figure:
    slug: str  # a name for files and anchors
    title: str
    description: str  # what the chart shows, in one sentence: its alternative text
    chart: alt.TopLevelMixin | None  # None when there is nothing to draw
    table: pd.DataFrame  # the chart's data, with translated headers and formatted values
    note: str = ""  # a caption under the chart


# ---------------------------------------------------------------- rendering

@lru_cache(maxsize=1)
def _register_fonts() -> None:
    vl_convert.register_font_directory(str(FONTS))


def spec(chart: alt.TopLevelMixin, width: int | None = None, font: str | None = None) -> dict:
    """The chart's Vega-Lite spec with a fixed width (offline renderers have no container)."""
    result = chart.to_dict(validate=False)  # the chart functions validate in their own tests
    if width is not None and not isinstance(result.get("width"), dict):
        if "facet" in result or "spec" in result:
            result.setdefault("spec", {})["width"] = width
        else:
            result["width"] = width
    if font is not None:
        result.setdefault("config", {})["font"] = font
    return result


def png(chart: alt.TopLevelMixin, lang: str, width: int | None = 640, scale: float = 2) -> bytes:
    """The chart as a PNG, in the PDF's font and the language's formats."""
    _register_fonts()
    locale = _VEGA_LOCALES[text.language(lang)]
    printed = spec(chart, width, PDF_FONT)
    # DejaVu Sans is wider than the screen's fonts: three legend columns fit the page, four do not.
    legend = printed["config"].setdefault("legend", {})
    legend["columns"] = min(legend.get("columns", 3), 3)
    return vl_convert.vegalite_to_png(printed, scale=scale, format_locale=locale,
                                      time_format_locale=locale)


_SVG_OPEN = re.compile(r"<svg\b([^>]*)>")


def svg(chart: alt.TopLevelMixin, lang: str, label: str, width: int | None = 640,
        id_prefix: str = "chart") -> str:
    """The chart as inline SVG: one image for assistive technology, named by `label`.

    Its internal ids (gradients, clip paths) take `id_prefix`, so that two charts on one page
    never share one.
    """
    _register_fonts()
    locale = _VEGA_LOCALES[text.language(lang)]
    raw = vl_convert.vegalite_to_svg(spec(chart, width), format_locale=locale,
                                     time_format_locale=locale)
    raw = re.sub(r'\bid="', f'id="{id_prefix}-', raw)
    raw = raw.replace("url(#", f"url(#{id_prefix}-").replace('href="#', f'href="#{id_prefix}-')
    return accessible_svg(raw, label)


def accessible_svg(raw: str, label: str) -> str:
    """The SVG as `role="img"` with an `aria-label` and a `<title>`; its marks hidden from readers."""
    match = _SVG_OPEN.search(raw)
    if match is None:
        return raw
    attributes = re.sub(r'\s(role|aria-[a-z]+|focusable)="[^"]*"', "", match.group(1))
    opening = (f'<svg{attributes} role="img" aria-label="{escape(label)}" focusable="false">'
               f"<title>{escape(label)}</title>")
    body = raw[match.end():]
    # Vega labels each mark for screen readers; inside one image they would only be noise.
    body = re.sub(r'\s(role|aria-roledescription|aria-label)="[^"]*"', "", body)
    return raw[:match.start()] + opening + body


# ---------------------------------------------------------------- figures

def _month(value: object, lang: str) -> str:
    return text.format_date(as_date(value), lang, style="month")


def milestones_figure(cursor: figures.Cursor, as_of: date, lang: str) -> Figure:
    """How many milestones of each commitment are complete, in progress, not started, overdue."""
    milestones = figures.milestones(cursor, as_of)
    commitments = figures.commitments(cursor, as_of)
    titles = {row["commitment_id"]: tables.localised_title(row, lang)
              for row in commitments.to_dict("records")}
    counts = briefing_charts.status_counts(milestones)
    title = text.t("publish.chart.milestones", lang)
    status_headers = [text.value_label("milestone_status", code, lang)
                      for code in schema.MILESTONE_STATUSES]
    rows = []
    for commitment_id in titles:
        mine = counts[counts["commitment_id"] == commitment_id].set_index("status")["milestones"]
        rows.append([f"{commitment_id} · {titles[commitment_id]}",
                     *[int(mine.get(code, 0)) for code in schema.MILESTONE_STATUSES]])
    table = pd.DataFrame(rows, columns=[text.t("col.commitment", lang), *status_headers])
    totals = {code: int((milestones["status"] == code).sum()) for code in schema.MILESTONE_STATUSES}
    description = text.t("publish.chart.milestones_alt", lang,
                         total=text.format_number(len(milestones), lang),
                         **{code: text.format_number(totals[code], lang) for code in totals})
    chart = briefing_charts.milestones_by_status(counts, lang) if len(milestones) else None
    return Figure("milestones", title, description, chart, table)


def meetings_figure(cursor: figures.Cursor, as_of: date, lang: str, height: int = 260) -> Figure:
    """Meetings per month, by type; held up to the as-of date, planned after it."""
    by_month = figures.meetings_by_month(cursor, as_of)
    title = text.t("publish.chart.meetings", lang)
    held = int(by_month.loc[by_month["state"] == "held", "meetings"].sum()) if len(by_month) else 0
    planned = int(by_month.loc[by_month["state"] == "planned", "meetings"].sum()) if len(by_month) else 0
    description = text.t("publish.chart.meetings_alt", lang, held=text.format_number(held, lang),
                         planned=text.format_number(planned, lang),
                         date=text.format_date(as_of, lang))
    if by_month.empty:
        return Figure("meetings", title, description, None, pd.DataFrame())
    pivot = by_month.pivot_table(index="month", columns="state", values="meetings", aggfunc="sum",
                                 fill_value=0).reindex(columns=["held", "planned"], fill_value=0)
    table = pd.DataFrame({
        text.t("publish.col.month", lang): [_month(month, lang) for month in pivot.index],
        text.value_label("meeting_state", "held", lang): pivot["held"].astype(int).tolist(),
        text.value_label("meeting_state", "planned", lang): pivot["planned"].astype(int).tolist(),
    })
    chart = meetings_by_month_chart(by_month, lang, as_of=as_of, height=height)
    return Figure("meetings", title, description, chart, table,
                  note=text.t("publish.chart.meetings_note", lang))


def participation_figure(cursor: figures.Cursor, as_of: date, lang: str, height: int = 260) -> Figure:
    """Participants per month, stacked by activity."""
    by_month = figures.participation_by_month(cursor, as_of)
    title = text.t("publish.chart.participation", lang)
    total = float(by_month["participants"].sum()) if len(by_month) else 0.0
    description = text.t("publish.chart.participation_alt", lang, total=text.format_number(total, lang),
                         date=text.format_date(as_of, lang))
    if by_month.empty:
        return Figure("participation", title, description, None, pd.DataFrame())
    table = pd.DataFrame({
        text.t("publish.col.month", lang): [_month(month, lang) for month in by_month["month"]],
        text.t("participation.activity", lang): [text.value_label("activity", code, lang)
                                                 for code in by_month["activity"]],
        text.t("indicator.participants", lang): [text.format_number(value, lang)
                                                 for value in by_month["participants"]],
        text.t("indicator.contributions", lang): [text.format_number(value, lang)
                                                  for value in by_month["contributions"]],
    })
    chart = participation_by_month_chart(by_month, lang, height=height)
    return Figure("participation", title, description, chart, table)


def sector_figure(cursor: figures.Cursor, as_of: date, lang: str, folder: str | Path | None = None) -> Figure:
    """Participants per sector of Paris, as a map; city-wide and online ones in the caption.

    The map draws the real boundaries when `folder` holds `arrondissements.geojson`, else tiles.
    """
    by_sector = figures.participation_by(cursor, as_of, "sector")
    title = text.t("participation.by_sector", lang)
    values = dict(zip(by_sector["group_key"], by_sector["participants"], strict=True))
    citywide = float(values.get(schema.CITYWIDE, 0) or 0)
    ranked = sorted(((float(v), k) for k, v in values.items() if k != schema.CITYWIDE), reverse=True)
    top = ", ".join(f"{text.value_label('sector', key, lang)} ({text.format_number(value, lang)})"
                    for value, key in ranked[:3])
    description = text.t("publish.chart.sectors_alt", lang, top=top or "—")
    order = [*schema.SECTORS, schema.CITYWIDE]
    table = pd.DataFrame({
        text.t("meetings.col.sector", lang): [text.value_label("sector", key, lang) for key in order],
        text.t("indicator.participants", lang): [text.format_number(float(values.get(key, 0) or 0), lang)
                                                 for key in order],
    })
    note = text.t("publish.chart.citywide_note", lang, count=text.format_number(citywide, lang))
    if by_sector.empty:
        return Figure("sectors", title, description, None, table, note)
    values_by_sector = sector_values(by_sector, "participants", lang)
    boundaries = read_boundaries(folder) if folder is not None else None
    if boundaries is None:
        chart = sector_tile_map(values_by_sector, lang, text.t("indicator.participants", lang),
                                description=description, tile_width=84, tile_height=58)
    else:
        chart = sector_map(values_by_sector, lang, text.t("indicator.participants", lang),
                           boundaries=boundaries, description=description)
    return Figure("sectors", title, description, chart, table, note)


def profile_figure(cursor: figures.Cursor, as_of: date, lang: str, domain: str,
                   public: bool = True) -> Figure:
    """Participants by age group or gender, unknown included; in public mode counts under 5
    are hidden ("< 5"), in the chart and in the table."""
    codes = {"age_group": schema.AGE_GROUPS, "gender": schema.GENDERS}[domain]
    frame = figures.participation_by(cursor, as_of, domain)
    values = dict(zip(frame["group_key"], frame["participants"], strict=True))
    keys = (*codes, "unknown")
    ordered = pd.DataFrame({"group_key": list(keys),
                            "participants": [float(values.get(code, 0) or 0) for code in keys]})
    total = float(ordered["participants"].sum())
    if public:
        ordered = privacy.suppress_small(ordered, "participants")
    else:
        ordered["participants_suppressed"] = False
    small = privacy.small_cell_label(lang)
    labels = [text.value_label(domain, code, lang) for code in ordered["group_key"]]
    pairs = list(zip(ordered["participants"], ordered["participants_suppressed"], strict=True))
    shown = [small if hidden else text.format_number(value, lang) for value, hidden in pairs]
    shares = ["—" if hidden or total == 0 else text.format_percent(100 * value / total, lang)
              for value, hidden in pairs]
    title = text.t(f"publish.chart.{domain}", lang)
    unknown = float(values.get("unknown", 0) or 0)
    hidden_unknown = public and 0 < unknown < privacy.SMALL_CELL
    description = text.t("publish.chart.profile_alt", lang, title=title,
                         pct="—" if hidden_unknown else text.format_percent(
                             100 * unknown / total if total else 0, lang))
    table = pd.DataFrame({
        text.t(f"participation.col.{domain}", lang): labels,
        text.t("indicator.participants", lang): shown,
        text.t("publish.col.share", lang): shares,
    })
    note = text.t("participation.small_cells", lang) if public else ""
    if total == 0:
        return Figure(domain, title, description, None, table, note)
    kinds = ["suppressed" if hidden else ("unknown" if code == "unknown" else "known")
             for code, hidden in zip(ordered["group_key"], ordered["participants_suppressed"], strict=True)]
    bars = pd.DataFrame({"label": labels, "value": ordered["participants"], "text": shown, "kind": kinds})
    chart = labelled_bars(bars, lang, text.t("indicator.participants", lang), description=description)
    return Figure(domain, title, description, chart, table, note)
