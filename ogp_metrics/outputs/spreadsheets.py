"""Tables as files that are safe to open in a spreadsheet.

- `csv_bytes(frame)`: UTF-8 with BOM, `;` and a decimal comma by default (French Excel), or
  `,` and a decimal point; cells a spreadsheet would run as a formula are neutralised.
- `xlsx_bytes(frame, dictionary)`: a workbook with the table and its data dictionary; numbers
  and dates stay numbers and dates, text that looks like a formula is stored as text."""

from __future__ import annotations

import io
import math
from datetime import date, datetime

import pandas as pd

from ogp_metrics import text

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


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
        series = result[column]
        if series.dtype == object or pd.api.types.is_string_dtype(series):
            formulas = _formula_cells(series)
            if formulas.any():
                result.loc[formulas, column] = "'" + series[formulas].astype(str)
    return result


def _formula_cells(series: pd.Series) -> pd.Series:
    """Which cells are text a spreadsheet would run (vectorised: a public file has 100,000s)."""
    try:
        return series.str.startswith(FORMULA_PREFIXES, na=False).astype(bool)
    except AttributeError:  # a column with no text at all (lists, numbers as objects)
        return series.map(looks_like_formula).astype(bool)


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


def _dates_text(series: pd.Series) -> pd.Series:
    """`_date_text` of each cell; a column of days (every time midnight) in one pass."""
    if (series.isna() | (series == series.dt.normalize())).all():
        return series.dt.strftime("%Y-%m-%d").astype(object).where(series.notna(), None)
    return series.map(_date_text).astype(object)


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
            result[column] = _dates_text(series)
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


def _write_sheet(sheet, frame: pd.DataFrame, date_format: str = "yyyy-mm-dd") -> None:
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
                cell.number_format = date_format
            width = 10 if isinstance(value, date) else len(str(value)) if value is not None else 0
            widths[column_index - 1] = max(widths[column_index - 1], min(width, 60))
    for column_index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column_index)].width = max(8, width + 2)
    sheet.freeze_panes = "A2"
    if len(frame.columns):
        sheet.auto_filter.ref = sheet.dimensions


def xlsx_bytes(frame: pd.DataFrame, dictionary_frame: pd.DataFrame | None = None,
               sheet_name: str = "data", lang: str = text.DEFAULT_LANGUAGE,
               date_format: str = "yyyy-mm-dd") -> bytes:
    """A workbook: the table on its first sheet, its data dictionary on a second one; dates
    shown as `date_format` (Excel's codes: `dd/mm/yyyy` for a reader)."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(sheet_name)
    _write_sheet(sheet, frame, date_format)
    if dictionary_frame is not None:
        _write_sheet(workbook.create_sheet(_sheet_title(text.t("export.dictionary_sheet", lang))),
                     dictionary_frame)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
