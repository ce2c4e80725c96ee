"""Tables as files that are safe to open in a spreadsheet, and the tables that can be exported.

- `csv_bytes(frame)`: UTF-8 with BOM, `;` and a decimal comma by default (French Excel), or
  `,` and a decimal point; cells a spreadsheet would run as a formula are neutralised.
- `xlsx_bytes(frame, dictionary)`: a workbook with the table and its data dictionary; numbers
  and dates stay numbers and dates, text that looks like a formula is stored as text.
- `DATASETS`: every table of the data contract as loaded and typed (its CSV loads back to the
  same table) and the computed tables (`milestone_status`, `commitment_summary`, ...), each
  with `build(cursor, as_of)` and a documented dictionary (`dictionary(dataset, lang)`).
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from ogp_metrics import figures, text
from ogp_metrics.contract import docs as contract_docs
from ogp_metrics.contract import schema
from ogp_metrics.contract.schema import Kind

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "xlsx")
SEPARATORS = (";", ",")


def neutralise_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula, prefixed with `'`; anything else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def looks_like_formula(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_PREFIXES)


def neutralise(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells cannot run as formulas; numbers, dates and booleans untouched."""
    result = frame.copy()
    for column in result.columns:
        if result[column].dtype == object or pd.api.types.is_string_dtype(result[column]):
            result[column] = result[column].map(neutralise_cell)
    return result


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def _joined(value: object) -> object:
    """A list of codes (`ogp_values`) as the contract writes it: `a|b`."""
    if isinstance(value, list | tuple) or getattr(value, "ndim", 0) == 1:  # a list or an array
        return "|".join(str(item) for item in value if not _is_missing(item))
    return value


def _date_text(value: object) -> object:
    """`2025-06-30` (a date, or a timestamp at midnight); anything else as is."""
    if _is_missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _all_whole(series: pd.Series) -> bool:
    values = series.dropna()
    return bool(len(values)) and bool(((values % 1) == 0).all()) and bool((values.abs() < 2**53).all())


def _decimal_text(value: float, decimal: str) -> str:
    """`100` or `11,25`: as few digits as the value needs (15 significant at most)."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.15g}".replace(".", decimal)


def for_text_file(frame: pd.DataFrame, decimal: str = ".") -> pd.DataFrame:
    """Cells as the data contract writes them: ISO dates, `true`/`false`, lists as `a|b`, numbers
    with as few digits as they need (numbers become text: neutralise before, not after)."""
    result = frame.copy()
    for column in result.columns:
        series = result[column]
        if pd.api.types.is_float_dtype(series) and _all_whole(series):
            result[column] = series.astype("Int64")  # `1200`, not `1200,0`
        elif pd.api.types.is_float_dtype(series):
            result[column] = series.map(lambda v: None if _is_missing(v) else _decimal_text(v, decimal))
        elif pd.api.types.is_datetime64_any_dtype(series):
            result[column] = series.map(_date_text).astype(object)
        elif pd.api.types.is_bool_dtype(series):
            result[column] = series.map(lambda v: None if _is_missing(v) else ("true" if v else "false"))
        elif series.dtype == object:
            result[column] = series.map(lambda v: _date_text(v) if isinstance(v, date) else (
                ("true" if v else "false") if isinstance(v, bool) else _joined(v)))
    return result


def csv_bytes(frame: pd.DataFrame, separator: str = ";") -> bytes:
    """CSV for French Excel: UTF-8 with BOM, `;` and a decimal comma by default, formulas neutralised.

    With `,` as separator, decimals take a point. Whole numbers are written without thousands
    separators, dates as `YYYY-MM-DD`, lines end in CRLF: the loader reads every one of these back.
    """
    decimal = "," if separator == ";" else "."
    prepared = for_text_file(neutralise(frame), decimal)
    # CRLF, as Excel writes: with it a cell holding a line break or a carriage return is quoted.
    return prepared.to_csv(index=False, sep=separator, lineterminator="\r\n").encode("utf-8-sig")


# ---------------------------------------------------------------- xlsx

def _sheet_title(name: str) -> str:
    # Excel sheet names: 31 characters at most, none of []:*?/\
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in name)
    return cleaned[:31] or "data"


def _excel_value(value: object) -> object:
    """A Python value openpyxl writes as a number, date, boolean or text."""
    if _is_missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, bool | int | float | date):
        return value
    value = _joined(value)
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return value.item()
    return value if isinstance(value, str) else str(value)


def _write_sheet(sheet, frame: pd.DataFrame) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    for column_index, name in enumerate(frame.columns, start=1):
        cell = sheet.cell(row=1, column=column_index, value=str(name))
        cell.font = bold
    widths = [len(str(name)) for name in frame.columns]
    for row_index, row in enumerate(frame.itertuples(index=False), start=2):
        for column_index, raw in enumerate(row, start=1):
            value = _excel_value(raw)
            if isinstance(value, str):
                value = ILLEGAL_CHARACTERS_RE.sub("", value)
            cell = sheet.cell(row=row_index, column=column_index)
            cell.value = value
            if isinstance(value, str):
                # Stored as text, never as a formula; the quote prefix is Excel's own mark for
                # text typed as `'=1+1`, so that editing the cell does not turn it into one.
                cell.data_type = "s"
                if looks_like_formula(value):
                    cell.quotePrefix = True
            elif isinstance(value, datetime):
                cell.number_format = "yyyy-mm-dd hh:mm"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            width = 10 if isinstance(value, date) else len(str(value)) if value is not None else 0
            widths[column_index - 1] = max(widths[column_index - 1], min(width, 60))
    for column_index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column_index)].width = max(8, width + 2)
    sheet.freeze_panes = "A2"
    if len(frame.columns):
        sheet.auto_filter.ref = sheet.dimensions


def xlsx_bytes(frame: pd.DataFrame, dictionary_frame: pd.DataFrame | None = None,
               sheet_name: str = "data", lang: str = text.DEFAULT_LANGUAGE) -> bytes:
    """A workbook: the table on its first sheet, its data dictionary on a second one."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(sheet_name)
    _write_sheet(sheet, frame)
    if dictionary_frame is not None:
        _write_sheet(workbook.create_sheet(_sheet_title(text.t("export.dictionary_sheet", lang))),
                     dictionary_frame)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- what can be exported

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
DATASETS: dict[str, Dataset] = {
    **{table.name: _contract(table.name) for table in schema.TABLES},
    **{dataset.name: dataset for dataset in COMPUTED},
}


# ---------------------------------------------------------------- data dictionary

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
}


def _source_column(dataset: Dataset, name: str) -> schema.Column | None:
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
    column = _source_column(dataset, name)
    if column is not None:
        return column.description_fr if lang == "fr" else column.description_en
    return ""


def _allowed(dataset: Dataset, name: str, lang: str) -> str:
    column = _source_column(dataset, name)
    if dataset.contract_table and column is not None:
        return contract_docs.allowed_values(column, lang).replace("`", "")
    if name in CODED_COLUMNS:
        domain, codes = CODED_COLUMNS[name]
        return ", ".join(f"{code} ({text.value_label(domain, code, lang)})" for code in codes)
    if column is not None and column.choices:
        return contract_docs.allowed_values(column, lang).replace("`", "")
    return ""


def dictionary(dataset: Dataset, lang: str, frame: pd.DataFrame | None = None,
               file_name: str | None = None) -> pd.DataFrame:
    """One row per column of the dataset: file, column, type, description, allowed values.

    `frame` (the built table) gives the columns of a computed dataset and their types.
    """
    if dataset.contract_table:
        names = [column.name for column in schema.TABLES_BY_NAME[dataset.contract_table].columns]
    else:
        names = list(frame.columns) if frame is not None else []
    rows = []
    for name in names:
        column = _source_column(dataset, name)
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
            text.t("contract.type", lang): kind,
            text.t("contract.description", lang): column_description(dataset, name, lang),
            text.t("contract.allowed", lang): _allowed(dataset, name, lang),
        })
    return pd.DataFrame(rows)


def frame_bytes(dataset: Dataset, frame: pd.DataFrame, file_format: str = "csv", separator: str = ";",
                lang: str = text.DEFAULT_LANGUAGE) -> bytes:
    """A built dataset as CSV, or as xlsx with its dictionary sheet."""
    if file_format == "xlsx":
        return xlsx_bytes(frame, dictionary(dataset, lang, frame), sheet_name=dataset.name, lang=lang)
    return csv_bytes(frame, separator)


def export_bytes(cursor: figures.Cursor, name: str, as_of: date, file_format: str = "csv",
                 separator: str = ";", lang: str = text.DEFAULT_LANGUAGE) -> bytes:
    """The dataset `name` as CSV or xlsx bytes, computed as of the date."""
    dataset = DATASETS[name]
    return frame_bytes(dataset, dataset.build(cursor, as_of), file_format, separator, lang)
