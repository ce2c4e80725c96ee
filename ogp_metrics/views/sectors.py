"""Figures by sector of Paris: the map of the 17 sectors, and what has no sector (city-wide, online)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts import sectors as sector_charts
from ogp_metrics.contract import schema
from ogp_metrics.views.figure import Figure
from ogp_metrics.views.wording import percent


def citywide(by_sector: pd.DataFrame, column: str = "participants") -> int:
    """The count with no arrondissement (online or Paris-wide): the figure beside the map."""
    rows = by_sector[by_sector["group_key"] == schema.CITYWIDE]
    return int(rows[column].fillna(0).sum())


def sector_table(by_sector: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Participants and contributions for the 17 sectors, then city-wide; share of the total."""
    tiles = sector_charts.sector_values(by_sector, "participants", lang)
    contributions = dict(zip(by_sector["group_key"], by_sector["contributions"].fillna(0), strict=True))
    total = float(by_sector["participants"].fillna(0).sum())
    sectors = [*tiles["sector"], schema.CITYWIDE]
    participants = [*tiles["value"], float(citywide(by_sector))]
    return pd.DataFrame({
        text.t("meetings.col.sector", lang): [text.value_label("sector", s, lang) for s in sectors],
        text.t("indicator.participants", lang): [int(v) for v in participants],
        text.t("indicator.contributions", lang): [int(contributions.get(s, 0)) for s in sectors],
        text.t("meetings.col.share", lang): [percent(v, total, lang) for v in participants],
    })


def sector_figure(by_sector: pd.DataFrame, column: str, value_title: str, lang: str, slug: str,
                  table: pd.DataFrame, boundaries: dict | None = None, title: str | None = None,
                  tile_size: tuple[int, int] | None = None, description: str | None = None) -> Figure:
    """`column` per sector as a map (real boundaries when given, else tiles); unless given, its
    description names the three largest sectors."""
    title = title or text.t("participation.by_sector", lang)
    if description is None:
        values = dict(zip(by_sector["group_key"], by_sector[column].fillna(0), strict=True))
        ranked = sorted(((float(v), k) for k, v in values.items() if k != schema.CITYWIDE), reverse=True)
        top = ", ".join(f"{text.value_label('sector', key, lang)} ({text.format_number(value, lang)})"
                        for value, key in ranked[:3])
        description = text.t("publish.chart.sectors_alt", lang, top=top or "—")
    if by_sector.empty:
        return Figure(slug, title, description, None, table)
    tiles = sector_charts.sector_values(by_sector, column, lang)
    if boundaries is None and tile_size is not None:
        chart = sector_charts.sector_tile_map(tiles, lang, value_title, description=description,
                                              tile_width=tile_size[0], tile_height=tile_size[1])
    else:
        chart = sector_charts.sector_map(tiles, lang, value_title, boundaries, description=description)
    return Figure(slug, title, description, chart, table)


def read_boundaries(folder: str | Path) -> dict | None:
    """The folder's `arrondissements.geojson`, if it has one (see `charts.sectors`)."""
    return sector_charts.read_boundaries(folder)


def participation_figure(by_sector: pd.DataFrame, lang: str, boundaries: dict | None) -> Figure:
    """Participants per sector, as a map, with every sector's count, contributions and share."""
    title = text.t("participation.by_sector", lang)
    note = text.t("participation.map_caption", lang) + (
        " " + text.t("participation.boundaries_caption", lang) if boundaries else "")
    figure = sector_figure(by_sector, "participants", text.t("indicator.participants", lang), lang,
                           "participation-by-sector", sector_table(by_sector, lang), boundaries, title,
                           description=title)
    return dataclasses.replace(figure, note=note)
