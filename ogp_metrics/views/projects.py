"""Projects decided by participation (the participatory budget's winners) as the "Votes and
projects" page, the site and the briefing show them: per edition, per sector, per stage, and
their delivery over time (definitions in `figures.project_queries`)."""

from __future__ import annotations

import pandas as pd

from ogp_metrics import text
from ogp_metrics.charts import bars, lines
from ogp_metrics.charts import sectors as sector_charts
from ogp_metrics.contract import schema
from ogp_metrics.contract.vocabulary import PROJECT_STATUSES
from ogp_metrics.views.figure import Card, Figure
from ogp_metrics.views.wording import date_text, missing


def euros(value: object, lang: str) -> str:
    """`7 970 000 €` in French, `€7,970,000` in English."""
    number = text.format_number(value, lang)
    return number if number == "—" else (f"{number}\u00a0€" if text.language(lang) == "fr" else f"€{number}")


def project_cards(by_edition: pd.DataFrame, lang: str) -> list[Card]:
    """Projects won, their budget, and the share delivered, over every edition counted."""
    total = int(by_edition["projects"].sum())
    delivered = int(by_edition["delivered"].sum())
    share = text.format_percent(100 * delivered / total if total else None, lang)
    return [
        Card(
            text.t("projects_page.won", lang),
            text.format_number(total, lang),
            caption=text.tn("projects_page.editions", len(by_edition), lang),
        ),
        Card(text.t("projects_page.amount", lang), euros(by_edition["amount_eur"].sum(), lang)),
        Card(
            text.t("projects_page.delivered_share", lang),
            share,
            caption=text.tn(
                "projects_page.delivered_of", delivered, lang, total=text.format_number(total, lang)
            ),
        ),
    ]


def group_table(by_group: pd.DataFrame, group: str, lang: str) -> pd.DataFrame:
    """Per edition or sector (city-wide last): projects won, budget, delivered, share delivered."""
    frame = by_group
    if group == "sector":  # the map's order (Paris Centre, 5e … 20e), then city-wide
        order = {sector: index for index, sector in enumerate((*schema.SECTORS, schema.CITYWIDE))}
        frame = by_group.sort_values(
            "group_key", key=lambda keys: keys.map(order).fillna(len(order)), kind="stable"
        )
    keys = [
        str(int(k)) if group == "edition" else text.value_label("sector", k, lang) for k in frame["group_key"]
    ]
    return pd.DataFrame(
        {
            text.t(f"projects_page.col.{group}", lang): keys,
            text.t("projects_page.col.projects", lang): [int(v) for v in frame["projects"]],
            text.t("projects_page.col.amount", lang): [euros(v, lang) for v in frame["amount_eur"]],
            text.t("projects_page.col.delivered", lang): [int(v) for v in frame["delivered"]],
            text.t("projects_page.col.delivered_share", lang): [
                text.format_percent(v, lang) for v in frame["delivered_pct"]
            ],
        }
    )


def edition_figure(by_edition: pd.DataFrame, lang: str) -> Figure:
    """Projects won per edition as bars, each saying its budget and share delivered."""
    rows = pd.DataFrame(
        {
            "label": [str(int(k)) for k in by_edition["group_key"]],
            "value": by_edition["projects"].astype(float).tolist(),
            "text": [
                text.t(
                    "projects_page.edition_bar",
                    lang,
                    projects=text.format_number(n, lang),
                    amount=euros(a, lang),
                    pct=text.format_percent(p, lang),
                )
                for n, a, p in zip(
                    by_edition["projects"], by_edition["amount_eur"], by_edition["delivered_pct"], strict=True
                )
            ],
        }
    )
    title = text.t("projects_page.by_edition", lang)
    description = text.t(
        "projects_page.by_edition_alt",
        lang,
        detail="; ".join(
            f"{label} : {value}" if text.language(lang) == "fr" else f"{label}: {value}"
            for label, value in zip(rows["label"], rows["text"], strict=True)
        )
        or "—",
    )
    chart = (
        bars.labelled_bars(
            rows,
            lang,
            text.t("projects_page.col.projects", lang),
            text.t("projects_page.col.edition", lang),
            description=description,
        )
        if len(rows)
        else None
    )
    return Figure(
        "projects-by-edition",
        title,
        description,
        chart,
        group_table(by_edition, "edition", lang),
        text.t("projects_page.by_edition_note", lang),
    )


def sector_figure(by_sector: pd.DataFrame, lang: str, boundaries: dict | None = None) -> Figure:
    """Projects won per sector on the map (a count); city-wide projects said in the note."""
    mapped = by_sector[by_sector["group_key"] != schema.CITYWIDE]
    tiles = sector_charts.sector_values(mapped, "projects", lang)
    legend = text.t("projects_page.map_legend", lang)
    citywide = by_sector.loc[by_sector["group_key"] == schema.CITYWIDE, "projects"].sum()
    ranked = mapped.sort_values("projects", ascending=False, kind="stable").head(3)
    top = ", ".join(
        f"{text.value_label('sector', k, lang)} ({text.format_number(v, lang)})"
        for k, v in zip(ranked["group_key"], ranked["projects"], strict=True)
    )
    title = text.t("projects_page.by_sector", lang)
    description = text.t("projects_page.by_sector_alt", lang, top=top or "—")
    chart = (
        sector_charts.sector_map(tiles, lang, legend, boundaries, description=description)
        if len(by_sector)
        else None
    )
    return Figure(
        "projects-by-sector",
        title,
        description,
        chart,
        group_table(by_sector, "sector", lang),
        text.tn("projects_page.citywide_note", int(citywide), lang),
    )


def status_figure(by_status: pd.DataFrame, lang: str) -> Figure:
    """Projects per stage, every stage in the City's order, each named (never colour alone)."""
    counts = {str(k): int(v) for k, v in zip(by_status["group_key"], by_status["projects"], strict=True)}
    total = sum(counts.values())
    rows = pd.DataFrame(
        {
            "label": [text.value_label("project_status", code, lang) for code in PROJECT_STATUSES],
            "value": [float(counts.get(code, 0)) for code in PROJECT_STATUSES],
            "text": [
                f"{text.format_number(counts.get(code, 0), lang)} "
                f"({text.format_percent(100 * counts.get(code, 0) / total if total else None, lang)})"
                for code in PROJECT_STATUSES
            ],
        }
    )
    title = text.t("projects_page.by_status", lang)
    description = text.t(
        "projects_page.by_status_alt",
        lang,
        detail=", ".join(
            f"{label} {value}" for label, value in zip(rows["label"], rows["text"], strict=True)
        ),
    )
    table = pd.DataFrame(
        {
            text.t("projects_page.col.status", lang): rows["label"],
            text.t("projects_page.col.projects", lang): [counts.get(c, 0) for c in PROJECT_STATUSES],
        }
    )
    chart = (
        bars.labelled_bars(rows, lang, text.t("projects_page.col.projects", lang), description=description)
        if total
        else None
    )
    return Figure("projects-by-status", title, description, chart, table)


def delivery_figure(deliveries: pd.DataFrame, lang: str) -> Figure:
    """Projects delivered to date, month by month (projects with no delivery date left out)."""
    series = text.t("projects_page.delivered_series", lang)
    data = pd.DataFrame(
        {
            "month": deliveries["month"],
            "series": series,
            "value": deliveries["delivered_to_date"].astype(float),
        }
    )
    title = text.t("projects_page.deliveries", lang)
    last = int(data["value"].iloc[-1]) if len(data) else 0
    description = text.t(
        "projects_page.deliveries_alt",
        lang,
        count=text.format_number(last, lang),
        date=date_text(data["month"].iloc[-1], lang, "month") if len(data) else "—",
    )
    table = pd.DataFrame(
        {
            text.t("meetings.col.month", lang): [date_text(m, lang, "month") for m in deliveries["month"]],
            text.t("projects_page.col.delivered_month", lang): [int(v) for v in deliveries["delivered"]],
            series: [int(v) for v in deliveries["delivered_to_date"]],
        }
    )
    chart = (
        lines.cumulative_chart(
            data, lang, text.t("projects_page.col.delivered", lang), description=description
        )
        if len(data)
        else None
    )
    return Figure(
        "projects-deliveries", title, description, chart, table, text.t("projects_page.deliveries_note", lang)
    )


def project_rows(projects: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Every counted project: title, edition, sector, budget, stage (its French label), delivery."""
    return pd.DataFrame(
        {
            text.t("projects_page.col.title", lang): projects["title"].tolist(),
            text.t("projects_page.col.edition", lang): [str(int(v)) for v in projects["edition"]],
            text.t("projects_page.col.sector", lang): [
                text.value_label("sector", v, lang) for v in projects["sector"]
            ],
            text.t("projects_page.col.amount", lang): [euros(v, lang) for v in projects["amount_eur"]],
            text.t("projects_page.col.status", lang): [
                text.value_label("project_status", v, lang) for v in projects["status"]
            ],
            text.t("projects_page.col.delivery", lang): [
                "—" if missing(v) else date_text(v, lang, "month") for v in projects["delivery_date"]
            ],
        }
    )
