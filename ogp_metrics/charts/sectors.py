"""Paris's 17 sectors as a map: a tile map by default, real boundaries when the folder has them.

The tile map puts each sector on a small grid in roughly its place, so that the snail of
arrondissements can be read: Paris Centre (1st to 4th) in the middle, then 5th to 20th
turning clockwise around it. Each tile carries its name and its value as text, so that
colour (a colour-blind-safe sequential scheme) is never the only carrier.

If the data folder holds `arrondissements.geojson` (opendata.paris.fr's "arrondissements":
one feature per arrondissement, its number in the property `c_ar`), `boundaries_map` draws
the real boundaries; the 1st to 4th take Paris Centre's value, so they read as one sector.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

import altair as alt
import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts.base import finish
from ogp_metrics.charts.palette import DARK
from ogp_metrics.contract import schema

BOUNDARIES_FILE = "arrondissements.geojson"
COLOUR_SCHEME = "blues"  # sequential, single hue: readable with every colour-vision deficiency
# Tiles darker than this share of the largest value get white text.
WHITE_TEXT_FROM = 0.55

# (row, column) of each sector: north at the top, the snail turning clockwise from the centre.
TILE_POSITIONS: dict[str, tuple[int, int]] = {
    "17": (0, 1), "18": (0, 2), "19": (0, 3),
    "8": (1, 1), "9": (1, 2), "10": (1, 3),
    "16": (2, 0), "7": (2, 1), schema.CENTRE: (2, 2), "11": (2, 3), "20": (2, 4),
    "15": (3, 0), "6": (3, 1), "5": (3, 2), "12": (3, 3),
    "14": (4, 1), "13": (4, 2),
}


def short_name(sector: str, lang: str) -> str:
    """`Centre`, `5e` (`5th`): what fits on a tile."""
    if sector == schema.CENTRE:
        return text.t("sectors_map.centre_short", lang)
    return text.t("sectors_map.number_short", lang, number=sector)


def sector_of_arrondissement(number: int) -> str:
    return schema.CENTRE if 1 <= number <= 4 else str(number)


def sector_values(data: pd.DataFrame, value: str, lang: str) -> pd.DataFrame:
    """Every one of the 17 sectors (0 when absent) with its name, value and value as text.

    `data` has `group_key` (a sector code) and the `value` column; other keys (city-wide) are
    left out: they have no place on a map.
    """
    values = {str(key): float(amount) for key, amount in zip(data["group_key"], data[value], strict=True)
              if pd.notna(amount)}
    rows = []
    for sector in schema.SECTORS:
        row, column = TILE_POSITIONS[sector]
        amount = values.get(sector, 0.0)
        rows.append({"sector": sector, "name": short_name(sector, lang),
                     "full_name": text.value_label("sector", sector, lang), "row": row,
                     "column": column, "value": amount,
                     "value_text": text.format_number(amount, lang)})
    return pd.DataFrame(rows)


def _text_colour(maximum: float) -> alt.ConditionalValueDefstringnullExprRef | dict:
    threshold = maximum * WHITE_TEXT_FROM if maximum > 0 else math.inf
    return alt.condition(alt.datum.value >= threshold, alt.value("white"), alt.value(DARK))


def sector_tile_map(data: pd.DataFrame, lang: str, value_title: str, description: str = "",
                    tile_width: int = 96, tile_height: int = 72,
                    legend_format: str = ",d") -> alt.TopLevelMixin:
    """The 17 sectors as tiles in their places; `data` as returned by `sector_values`."""
    maximum = float(data["value"].max()) if len(data) else 0.0
    base = alt.Chart(data).encode(
        x=alt.X("column:O", axis=None, scale=alt.Scale(paddingInner=0.06)),
        y=alt.Y("row:O", axis=None, scale=alt.Scale(paddingInner=0.08)),
    )
    tiles = base.mark_rect(cornerRadius=4, stroke="#B8C2CC", strokeWidth=0.8).encode(
        color=alt.Color("value:Q", title=value_title,
                        scale=alt.Scale(scheme=COLOUR_SCHEME, domainMin=0),
                        legend=alt.Legend(orient="bottom", format=legend_format, gradientLength=260,
                                          tickMinStep=1, titleLimit=640)),
        tooltip=[alt.Tooltip("full_name:N", title=text.t("meetings.col.sector", lang)),
                 alt.Tooltip("value_text:N", title=value_title)],
    )
    names = base.mark_text(baseline="bottom", dy=-1).encode(
        text="name:N", color=_text_colour(maximum))
    values = base.mark_text(baseline="top", dy=3, style="heading").encode(
        text="value_text:N", color=_text_colour(maximum))
    chart = alt.layer(tiles, names, values).properties(
        width=alt.Step(tile_width), height=alt.Step(tile_height), description=description)
    return finish(chart, lang)


# ---------------------------------------------------------------- real boundaries

def boundaries_path(folder: str | Path) -> Path:
    return Path(folder) / BOUNDARIES_FILE


def read_boundaries(folder: str | Path) -> dict | None:
    """The folder's `arrondissements.geojson`, if present and usable; else None (tile map)."""
    path = boundaries_path(folder)
    try:
        stat = path.stat()
    except OSError:
        return None
    return _read_boundaries(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _read_boundaries(path: str, modified: int, size: int) -> dict | None:
    try:
        content = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, ValueError):
        return None
    features = []
    for feature in content.get("features", []) if isinstance(content, dict) else []:
        properties = feature.get("properties") or {}
        try:
            number = int(str(properties.get("c_ar")).strip())
        except ValueError:
            continue
        geometry = feature.get("geometry") or {}
        if 1 <= number <= 20 and geometry.get("type") in ("Polygon", "MultiPolygon"):
            features.append({"type": "Feature",
                             "properties": {"c_ar": number, "sector": sector_of_arrondissement(number)},
                             "geometry": {"type": geometry["type"],
                                          "coordinates": _for_d3(geometry)}})
    if {feature["properties"]["sector"] for feature in features} != set(schema.SECTORS):
        return None  # not the 20 arrondissements: the tile map is the safer picture
    return {"type": "FeatureCollection", "features": features}


def _signed_area(ring: list) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:], strict=False)) / 2


def _wound(ring: list, exterior: bool) -> list:
    """A ring turned the way d3-geo (Vega's projection) reads it: outer rings clockwise.

    GeoJSON (RFC 7946) asks for the opposite, and files differ: d3 would read an outer ring
    turned the other way as "the whole world but this arrondissement" and paint the map over.
    """
    clockwise = _signed_area(ring) < 0
    return ring if clockwise == exterior else ring[::-1]


def _for_d3(geometry: dict) -> list:
    """The geometry's coordinates rounded, each ring wound as d3-geo expects."""
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    wound = [[_wound(_rounded(ring), exterior=index == 0) for index, ring in enumerate(polygon)]
             for polygon in polygons]
    return wound[0] if geometry["type"] == "Polygon" else wound


def _rounded(coordinates, digits: int = 5):
    """Coordinates to about a metre: the map loses nothing, the page gets lighter."""
    if isinstance(coordinates, (int, float)):
        return round(float(coordinates), digits)
    return [_rounded(part, digits) for part in coordinates]


def _outer_rings(geometry: dict) -> list[list]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    return [polygon[0] for polygon in geometry["coordinates"]]


def _centres(boundaries: dict) -> dict[str, tuple[float, float]]:
    """Where to write each sector's label: the mean of its outline's points."""
    points: dict[str, list] = {}
    for feature in boundaries["features"]:
        sector = feature["properties"]["sector"]
        for ring in _outer_rings(feature["geometry"]):
            points.setdefault(sector, []).extend(ring)
    return {sector: (sum(p[0] for p in ring) / len(ring), sum(p[1] for p in ring) / len(ring))
            for sector, ring in points.items() if ring}


def boundaries_map(boundaries: dict, data: pd.DataFrame, lang: str, value_title: str,
                   description: str = "", height: int = 420, legend_format: str = ",d") -> alt.TopLevelMixin:
    """The arrondissements' real outlines, coloured by their sector's value, labelled per sector.

    `boundaries` as returned by `read_boundaries`; `data` as returned by `sector_values`.
    """
    by_sector = data.set_index("sector")
    features = []
    for feature in boundaries["features"]:
        sector = feature["properties"]["sector"]
        properties = dict(feature["properties"], value=float(by_sector.at[sector, "value"]),
                          name=str(by_sector.at[sector, "full_name"]),
                          value_text=str(by_sector.at[sector, "value_text"]))
        features.append({"type": "Feature", "properties": properties, "geometry": feature["geometry"]})
    maximum = float(data["value"].max()) if len(data) else 0.0
    shapes = alt.Chart(alt.Data(values=features)).mark_geoshape(
        stroke="white", strokeWidth=1).encode(
        color=alt.Color("properties.value:Q", title=value_title,
                        scale=alt.Scale(scheme=COLOUR_SCHEME, domainMin=0),
                        legend=alt.Legend(orient="bottom", format=legend_format, gradientLength=260,
                                          tickMinStep=1, titleLimit=640)),
        tooltip=[alt.Tooltip("properties.name:N", title=text.t("meetings.col.sector", lang)),
                 alt.Tooltip("properties.value_text:N", title=value_title)],
    )
    centres = _centres(boundaries)
    labels = pd.DataFrame([{"longitude": centres[s][0], "latitude": centres[s][1],
                            "name": by_sector.at[s, "name"], "value": by_sector.at[s, "value"],
                            "value_text": by_sector.at[s, "value_text"]}
                           for s in schema.SECTORS if s in centres])
    label_base = alt.Chart(labels).encode(longitude="longitude:Q", latitude="latitude:Q")
    names = label_base.mark_text(baseline="bottom", dy=-1, style="map_name").encode(
        text="name:N", color=_text_colour(maximum))
    values = label_base.mark_text(baseline="top", dy=2, style="map_value").encode(
        text="value_text:N", color=_text_colour(maximum))
    chart = alt.layer(shapes, names, values).project(type="mercator").properties(
        height=height, description=description)
    return finish(chart, lang)


def sector_map(data: pd.DataFrame, lang: str, value_title: str, boundaries: dict | None = None,
               description: str = "", legend_format: str = ",d") -> alt.TopLevelMixin:
    """The real boundaries when given (see `read_boundaries`), else the tile map; a rate's legend
    takes `legend_format=",.1~f"` (counts are whole)."""
    if boundaries is not None:
        return boundaries_map(boundaries, data, lang, value_title, description, legend_format=legend_format)
    return sector_tile_map(data, lang, value_title, description, legend_format=legend_format)
