"""The same chart functions drawn offline: PNG for the briefing, inline SVG for the site.

vl-convert renders without a browser; the charts get the PDF's font and the language's
number and date formats.
"""

from __future__ import annotations

import re
from functools import lru_cache
from html import escape
from pathlib import Path

import altair as alt
import vl_convert

from ogp_metrics import text

FONTS = Path(__file__).resolve().parents[1] / "fonts"
# The PDF's own font, so that the charts' text matches the page's.
PDF_FONT = "DejaVu Sans"
_VEGA_LOCALES = {"fr": "fr-FR", "en": "en-GB"}


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
    # DejaVu Sans is wider than the screen's fonts: two legend columns, each label cut to its
    # column's width, keep a legend within the page's margins (three spilled past the right one).
    legend = printed["config"].setdefault("legend", {})
    legend["columns"] = min(legend.get("columns", 2), 2)
    if width is not None:
        legend["labelLimit"] = min(legend.get("labelLimit", width), width // 2 - 40)
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
