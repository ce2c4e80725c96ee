"""The tables that can be exported, and their data dictionary (derived from the contract).

`DATASETS`: every table of the data contract as loaded and typed (its CSV loads back to the
same table) and the computed tables (`milestone_status`, `commitment_summary`, ...), each
with `build(cursor, as_of)` and a documented dictionary (`dictionary(dataset, lang)`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd

from ogp_metrics import figures, text
from ogp_metrics.contract import docs as contract_docs
from ogp_metrics.contract import schema
from ogp_metrics.contract.schema import Kind
from ogp_metrics.figures import risk_rules
from ogp_metrics.outputs.spreadsheets import csv_bytes, xlsx_bytes

FORMATS = ("csv", "xlsx")


SEPARATORS = (";", ",")


Build = Callable[[figures.Cursor, date], pd.DataFrame]


@dataclass(frozen=True)
class Dataset:
    """A table that can be exported: its name, what it holds, and how to build it."""

    name: str
    build: Build
    # the contract's table it is, as loaded (its CSV loads back through the loader)
    contract_table: str | None = None
    # contract tables whose column descriptions apply to columns of the same name
    sources: tuple[str, ...] = ()

    def description(self, lang: str) -> str:
        if self.contract_table:
            table = schema.TABLES_BY_NAME[self.contract_table]
            return table.description_fr if lang == "fr" else table.description_en
        return text.t(f"export.dataset.{self.name}", lang)


def contract_table(cursor: figures.Cursor, name: str) -> pd.DataFrame:
    """A table of the data contract as loaded and typed: its columns, in file order."""
    table = schema.TABLES_BY_NAME[name]
    columns = ", ".join(column.name for column in table.columns)
    return cursor.execute(f"SELECT {columns} FROM {table.name} ORDER BY _row").df()


def _contract(name: str) -> Dataset:
    return Dataset(name, lambda cursor, _as_of: contract_table(cursor, name), contract_table=name)


def _grouped(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    return frame.rename(columns={"group_key": name})


def _participation_by(group: str) -> Build:
    return lambda cursor, as_of: _grouped(figures.participation_by(cursor, as_of, group), group)


def _meetings_by(group: str) -> Build:
    return lambda cursor, as_of: _grouped(figures.meetings_by(cursor, as_of, group), group)


def _targets(cursor: figures.Cursor, as_of: date) -> pd.DataFrame:
    return figures.targets(cursor, as_of).drop(columns=["_row"])


COMPUTED: tuple[Dataset, ...] = (
    Dataset("milestone_status", figures.milestones, sources=("milestones",)),
    Dataset("commitment_summary", figures.commitments, sources=("commitments", "institutions")),
    Dataset("target_progress", _targets, sources=("targets",)),
    Dataset("meetings_by_month", figures.meetings_by_month, sources=("meetings",)),
    Dataset("meetings_by_type", _meetings_by("meeting_type"), sources=("meetings",)),
    Dataset("participation_by_month", figures.participation_by_month, sources=("participation",)),
    Dataset("participation_by_activity", _participation_by("activity"), sources=("participation",)),
    Dataset("participation_by_sector", _participation_by("sector"), sources=("participation",)),
    Dataset("participation_by_age_group", _participation_by("age_group"), sources=("participation",)),
    Dataset("participation_by_gender", _participation_by("gender"), sources=("participation",)),
)


def _projects_by(group: str) -> Build:
    return lambda cursor, as_of: _grouped(figures.projects_by(cursor, as_of, group), group)


# Events, votes, decided projects and the IRM's view (issue 12).
PARTICIPATION_COMPUTED: tuple[Dataset, ...] = (
    Dataset("events_as_of", figures.events, sources=("events",)),
    Dataset("vote_turnout", figures.vote_sectors, sources=("vote_results",)),
    Dataset("vote_options", figures.vote_options, sources=("vote_results",)),
    Dataset("projects_by_edition", _projects_by("edition"), sources=("projects",)),
    Dataset("projects_by_sector", _projects_by("sector"), sources=("projects",)),
    Dataset("project_deliveries", figures.project_deliveries, sources=("projects",)),
    Dataset("irm_assessments", figures.independent_assessments, sources=("assessments", "commitments")),
)


DATASETS: dict[str, Dataset] = {
    **{table.name: _contract(table.name) for table in schema.TABLES},
    **{dataset.name: dataset for dataset in (*COMPUTED, *PARTICIPATION_COMPUTED)},
}


# Computed columns holding coded values: the domain of their labels and their codes.
CODED_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "status": ("milestone_status", schema.MILESTONE_STATUSES),
    "state": ("meeting_state", ("held", "planned")),
    "self_completion": ("completion", schema.COMPLETION_SHOWN),
    "independent_completion": ("completion", schema.COMPLETION_SHOWN),
    "independent_did_it_open_government": ("did_it_open_government", schema.OPEN_GOVERNMENT),
    "sector": ("sector", (*schema.SECTORS, schema.CITYWIDE)),
    "age_group": ("age_group", (*schema.AGE_GROUPS, "unknown")),
    "gender": ("gender", (*schema.GENDERS, "unknown")),
    "phase": ("phase", schema.PHASES),
    "independent_stage": ("stage", schema.STAGES),
    "opened_government": ("did_it_open_government", schema.OPEN_GOVERNMENT),
    "risk": ("risk", risk_rules.MILESTONE_RISKS),
    "target_state": ("target_state", risk_rules.TARGET_STATES),
}


def source_column(dataset: Dataset, name: str) -> schema.Column | None:
    """The contract's column a dataset's column comes from, if any."""
    for table_name in ((dataset.contract_table,) if dataset.contract_table else dataset.sources):
        table = schema.TABLES_BY_NAME[table_name]
        for column in table.columns:
            if column.name == name:
                return column
    return None


def _inferred_kind(series: pd.Series | None) -> str:
    if series is None:
        return "text"
    if pd.api.types.is_bool_dtype(series):
        return "boolean"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    if pd.api.types.is_numeric_dtype(series):
        return "number"
    sample = series.dropna()
    if len(sample) and isinstance(sample.iloc[0], date):
        return "date"
    if len(sample) and not isinstance(sample.iloc[0], str) and hasattr(sample.iloc[0], "__len__"):
        return "list"
    return "text"


def column_description(dataset: Dataset, name: str, lang: str) -> str:
    """What a column holds: its own text key, else the contract's description of that column."""
    labels = text.labels()
    keys = () if dataset.contract_table else (f"export.column.{dataset.name}.{name}",
                                              f"export.column.{name}")
    for key in keys:
        if key in labels:
            return text.t(key, lang)
    column = source_column(dataset, name)
    if column is not None:
        return column.description_fr if lang == "fr" else column.description_en
    return ""


def _allowed(dataset: Dataset, name: str, lang: str) -> str:
    column = source_column(dataset, name)
    if dataset.contract_table and column is not None:
        return contract_docs.allowed_values(column, lang).replace("`", "")
    if name in CODED_COLUMNS:
        domain, codes = CODED_COLUMNS[name]
        return ", ".join(f"{code} ({text.value_label(domain, code, lang)})" for code in codes)
    if column is not None and column.choices:
        return contract_docs.allowed_values(column, lang).replace("`", "")
    return ""


def dictionary(dataset: Dataset, lang: str, frame: pd.DataFrame | None = None,
               file_name: str | None = None, titles: bool = False) -> pd.DataFrame:
    """One row per column of the dataset: file, column, type, description, allowed values
    (and, with `titles`, the title a readable export gives the column).

    `frame` (the built table) gives the columns of a computed dataset and their types.
    """
    if dataset.contract_table:
        names = [column.name for column in schema.TABLES_BY_NAME[dataset.contract_table].columns]
    else:
        names = list(frame.columns) if frame is not None else []
    rows = []
    for name in names:
        column = source_column(dataset, name)
        if dataset.contract_table and column is not None:
            kind = contract_docs.kind_text(column, lang)
        elif name in CODED_COLUMNS:
            kind = text.t("export.kind.choice", lang)
        elif column is not None and column.kind is Kind.DATE:
            kind = text.t("export.kind.date", lang)  # written as YYYY-MM-DD
        elif column is not None and column.kind not in (Kind.TEXT, Kind.IDENTIFIER):
            kind = contract_docs.kind_text(column, lang)
        else:
            series = frame[name] if frame is not None and name in frame.columns else None
            kind = text.t(f"export.kind.{_inferred_kind(series)}", lang)
        rows.append({
            text.t("export.file", lang): file_name or dataset.name,
            text.t("contract.column", lang): name,
            **({text.t("export.title_column", lang): text.t(f"export.title.{name}", lang)} if titles else {}),
            text.t("contract.type", lang): kind,
            text.t("contract.description", lang): column_description(dataset, name, lang),
            text.t("contract.allowed", lang): _allowed(dataset, name, lang),
        })
    return pd.DataFrame(rows)


def frame_bytes(dataset: Dataset, frame: pd.DataFrame, file_format: str = "csv", separator: str = ";",
                lang: str = text.DEFAULT_LANGUAGE, readable: bool = False) -> bytes:
    """A built dataset as CSV, or as xlsx with its dictionary sheet.

    `readable`: titles, labels, rounded numbers and `31/12/2026` dates in the language
    (`outputs.readable`); else the codes and ISO dates a machine (or the loader) reads.
    """
    from ogp_metrics.outputs.readable import readable as written_to_read

    words = dictionary(dataset, lang, frame, titles=readable)
    if file_format == "xlsx":
        shown = written_to_read(frame, dataset, lang, dates_as_text=False) if readable else frame
        return xlsx_bytes(shown, words, sheet_name=dataset.name, lang=lang,
                          date_format="dd/mm/yyyy" if readable else "yyyy-mm-dd")
    return csv_bytes(written_to_read(frame, dataset, lang) if readable else frame, separator)


def export_bytes(cursor: figures.Cursor, name: str, as_of: date, file_format: str = "csv",
                 separator: str = ";", lang: str = text.DEFAULT_LANGUAGE, readable: bool = False) -> bytes:
    """The dataset `name` as CSV or xlsx bytes, computed as of the date."""
    dataset = DATASETS[name]
    return frame_bytes(dataset, dataset.build(cursor, as_of), file_format, separator, lang, readable)


def display_name(dataset: Dataset, lang: str) -> str:
    """What the export menu calls a table (`Jalons : statut, avancement et retard`)."""
    key = f"export.name.{dataset.name}"
    return text.t(key, lang) if key in text.labels() else dataset.name
