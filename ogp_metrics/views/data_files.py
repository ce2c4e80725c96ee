"""What the Data page shows about a loaded folder (headless)."""

from __future__ import annotations

import pandas as pd

from ogp_metrics import text
from ogp_metrics.contract import schema
from ogp_metrics.ingest.load import FolderReport


def files_table(report: FolderReport, lang: str, public: bool = False) -> pd.DataFrame:
    """One row per file of the contract: present, rows, encoding, separator, size, date, hash
    (in public mode, not the internal files)."""
    separators = {";": "; (point-virgule)" if lang == "fr" else "; (semicolon)",
                  ",": ", (virgule)" if lang == "fr" else ", (comma)", "\t": "tab"}
    rows = []
    for file in report.files:
        if public and file.table in schema.INTERNAL_TABLES:
            continue
        rows.append({
            text.t("data.file", lang): file.filename,
            text.t("data.present", lang): text.t("data.yes" if file.present else "data.no", lang),
            text.t("data.rows", lang): text.format_number(file.rows if file.present else None, lang),
            text.t("data.encoding", lang): file.encoding.upper() if file.present else "",
            text.t("data.separator", lang): separators.get(file.separator, file.separator),
            text.t("data.size", lang): text.format_number(file.size if file.present else None, lang),
            text.t("data.modified", lang): text.format_date(file.modified, lang) if file.modified else "",
            text.t("data.fingerprint", lang): file.sha256[:12],
            text.t("data.ignored", lang): ", ".join(file.extra_columns),
        })
    return pd.DataFrame(rows)


def count_columns(lang: str) -> tuple[str, ...]:
    """`files_table`'s columns that hold counts (aligned right)."""
    return text.t("data.rows", lang), text.t("data.size", lang)


def sources_table(sources: pd.DataFrame, lang: str) -> pd.DataFrame:
    """`figures.sources` for people: each file's sources and licences, with their rows."""
    return pd.DataFrame({
        text.t("imports.sources.file", lang): [f"{name}.csv" for name in sources["table_name"]],
        text.t("imports.sources.source", lang): sources["source"].fillna("—"),
        text.t("imports.sources.licence", lang): sources["licence"].fillna("—"),
        text.t("imports.sources.rows", lang): [text.format_number(rows, lang) for rows in sources["rows"]],
    })


def source_lines(sources: pd.DataFrame, lang: str) -> list[str]:
    """The same as sentences, for the briefing and the site: `participation.csv : … (ODbL, 17 lignes)`."""
    return [text.tn("imports.sources.line", row.rows, lang, file=f"{row.table_name}.csv",
                    source=row.source if isinstance(row.source, str) else "—",
                    licence=row.licence if isinstance(row.licence, str) else "—")
            for row in sources.itertuples(index=False)]
