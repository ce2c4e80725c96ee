"""How an import meets the rows already there: replace the file, append rows, or update them.

- `replace`: the uploaded file becomes the table's file (its bytes, as before).
- `append`: the uploaded rows are added after the current ones, none removed. A row whose
  values are those of a current row is skipped (and counted); a row whose key (the contract's
  `Table.key`) is a current row's with other values is refused, naming its row.
- `upsert`: a row whose key is a current row's replaces it where it stands; the others are
  added at the end.

Rows are compared on their typed values (`15/03/2025` = `2025-03-15`), on the contract columns
the uploaded file has: a column it does not have keeps its current cells in an update. The
result is the bytes to publish, written in the current file's encoding, separator and line
endings (an append adds its lines after the current bytes, untouched), and `origins`, the
uploaded row behind each written row, so that a problem found later names the person's row.
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import io
from dataclasses import dataclass, field

from ogp_metrics.contract.aliases import header_key
from ogp_metrics.contract.schema import Table
from ogp_metrics.ingest.csv_files import UnreadableFile, decode_text, sniff_separator
from ogp_metrics.ingest.load import new_connection, stage_one
from ogp_metrics.ingest.problems import Problem

LISTED = 20  # collisions listed before "… and N more"


@dataclass
class Merged:
    content: bytes = b""
    origins: dict[int, int] = field(default_factory=dict)  # written row -> uploaded row
    added: int = 0
    replaced: int = 0
    skipped: int = 0
    problems: list[Problem] = field(default_factory=list)


def merge(table: Table, mode: str, current: bytes | None, incoming: bytes,
          incoming_rows: dict[int, int] | None = None, keep_existing: bool = False) -> Merged:
    """The file `mode` makes of the current one and the incoming one (problems: nothing to write).

    `incoming_rows` maps the incoming file's rows to the person's own (after a profile's
    conversion); problems and `origins` use the person's rows. With `keep_existing`, a row whose
    key is a current row's is skipped whatever its values (a profile's `existing = "keep"`: an
    institution the folder already names keeps the folder's names).
    """
    own = (lambda row: incoming_rows.get(row, row)) if incoming_rows else (lambda row: row)
    if not table.key:
        return Merged(problems=[Problem(table.filename, "mode_needs_key", details={"mode": mode})])
    if current is None:
        current = b""
    connection = new_connection()
    try:
        problems: list[Problem] = []
        if current.strip():
            _current_report, current_problems = stage_one(connection, current, table, "current_rows")
            if current_problems:
                return Merged(problems=[Problem(table.filename, "mode_needs_valid_file",
                                                details={"mode": mode})])
        _incoming_report, incoming_problems = stage_one(connection, incoming, table, "incoming_rows")
        if incoming_problems:
            return Merged(problems=[dataclasses.replace(p, row=own(p.row) if p.row else None,
                                                        details=dict(p.details))
                                    for p in incoming_problems])
        try:
            current_text, current_encoding = decode_text(current) if current.strip() else ("", "utf-8")
            incoming_text, _encoding = decode_text(incoming)
        except UnreadableFile as error:  # the loader read them: cannot happen, but say so if it does
            return Merged(problems=[Problem(table.filename, error.code, row=error.row,
                                            column=error.column, details=error.details)])
        try:
            incoming_header, incoming_records = _parse(incoming_text)
            current_parsed = _parse(current_text)
        except csv.Error:  # a cell beyond the csv module's limits
            return Merged(problems=[Problem(table.filename, "not_csv")])
        compared = [c.name for c in table.columns if c.name in
                    {header_key(name) for name in incoming_header}]
        if not current.strip():
            plan = {row: None for row in _incoming_rows(connection)}
        else:
            plan = _plan(connection, table, mode, compared, problems, own, keep_existing)
        problems += _duplicate_keys(connection, table, own)
        if problems:
            return Merged(problems=_limited(problems))
        return _write(mode, plan, current, current_text, current_encoding, current_parsed,
                      incoming_header, incoming_records, own)
    finally:
        connection.close()


def _key_match(table: Table) -> str:
    return " AND ".join(f"i.{c} IS NOT DISTINCT FROM e.{c}" for c in table.key)


def _incoming_rows(connection) -> list[int]:
    return [row for (row,) in connection.execute("SELECT _row FROM incoming_rows ORDER BY _row").fetchall()]


def _plan(connection, table: Table, mode: str, compared: list[str], problems: list[Problem],
          own, keep_existing: bool = False) -> dict[int, int | None | str]:
    """Each incoming row -> the current row it replaces, None (added) or "skip" (identical)."""
    same = " AND ".join(f"i.{c} IS NOT DISTINCT FROM e.{c}" for c in compared) or "true"
    matches: dict[int, list[tuple[int, bool]]] = {}
    for row, current_row, identical in connection.execute(
            f"SELECT i._row, e._row, {same} FROM incoming_rows i LEFT JOIN current_rows e "
            f"ON {_key_match(table)} ORDER BY i._row, e._row").fetchall():
        matches.setdefault(row, [])
        if current_row is not None:
            matches[row].append((current_row, bool(identical)))
    plan: dict[int, int | None | str] = {}
    for row, found in matches.items():
        if not found:
            plan[row] = None
        elif keep_existing or any(identical for _row, identical in found):
            plan[row] = "skip"
        elif len(found) > 1:
            problems.append(Problem(table.filename, "ambiguous_key", row=own(row),
                                    value=_key_text(connection, table, row),
                                    details={"rows": ", ".join(str(r) for r, _i in found[:10]),
                                             "key_columns": " + ".join(table.key)}))
        elif mode == "append":
            problems.append(Problem(table.filename, "key_collision", row=own(row),
                                    value=_key_text(connection, table, row),
                                    details={"existing_row": str(found[0][0]),
                                             "key_columns": " + ".join(table.key)}))
        else:
            plan[row] = found[0][0]
    return plan


def _key_text(connection, table: Table, row: int) -> str:
    values = connection.execute(
        f"SELECT {', '.join(f'CAST({c} AS VARCHAR)' for c in table.key)} FROM incoming_rows "
        "WHERE _row = $row", {"row": row}).fetchone()
    return " / ".join(value if value is not None else "—" for value in values)


def _duplicate_keys(connection, table: Table, own) -> list[Problem]:
    """Two incoming rows with the same key (a table with `unique` says so itself, later)."""
    if table.unique:
        return []
    key = ", ".join(table.key)
    rows = connection.execute(
        f"SELECT _row FROM (SELECT _row, row_number() OVER (PARTITION BY {key} ORDER BY _row) AS n "
        "FROM incoming_rows) WHERE n > 1 ORDER BY _row").fetchall()
    return [Problem(table.filename, "duplicate_key", row=own(row),
                    value=_key_text(connection, table, row), details={"key_columns": " + ".join(table.key)})
            for (row,) in rows]


def _limited(problems: list[Problem]) -> list[Problem]:
    by_code: dict[str, list[Problem]] = {}
    for problem in problems:
        by_code.setdefault(problem.code, []).append(problem)
    kept = []
    for code, found in by_code.items():
        kept += found[:LISTED]
        if len(found) > LISTED:
            kept.append(Problem(found[0].file, "more_problems",
                                details={"count": str(len(found) - LISTED), "of": code}))
    return kept


# ---------------------------------------------------------------- writing

def _parse(text: str) -> tuple[list[str], list[list[str]]]:
    """Header and records (blank ones too, so that record n is spreadsheet row n + 1)."""
    if not text:
        return [], []
    separator = sniff_separator(text.split("\n", 1)[0])
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=separator))
    return (records[0] if records else []), records[1:]


def _write(mode: str, plan: dict[int, int | None | str], current: bytes, current_text: str,
           encoding: str, current_parsed: tuple[list[str], list[list[str]]], incoming_header: list[str],
           incoming_records: list[list[str]], own) -> Merged:
    current_header, current_records = current_parsed
    separator = sniff_separator(current_text.split("\n", 1)[0]) if current_text else ","
    newline = "\r\n" if "\r\n" in current_text[:65536] else "\n"
    header = list(current_header)
    positions = {header_key(name): index for index, name in enumerate(header)}
    source = {header_key(name): index for index, name in enumerate(incoming_header)}
    # A column the current file lacks joins it when a written row has a value there (extra
    # columns are kept, as a replaced file keeps them).
    written = [incoming_records[row - 2] for row, target in plan.items() if target != "skip"]
    for key, index in source.items():
        if key and key not in positions and any(
                index < len(record) and record[index].strip() for record in written):
            positions[key] = len(header)
            header.append(incoming_header[index].strip())

    def cells(record: list[str], base: list[str] | None) -> list[str]:
        out = list(base or []) + [""] * (len(header) - len(base or []))
        for key, index in positions.items():
            if key in source:
                out[index] = record[source[key]] if source[key] < len(record) else ""
        return out

    merged = Merged()
    rows = current_records + []
    appended = []
    for row, target in plan.items():
        record = incoming_records[row - 2]
        if target == "skip":
            merged.skipped += 1
        elif target is None:
            appended.append((row, cells(record, None)))
            merged.added += 1
        else:
            rows[target - 2] = cells(record, current_records[target - 2])
            merged.origins[target] = own(row)
            merged.replaced += 1
    first_new = len(current_records) + 2
    for offset, (row, _cells) in enumerate(appended):
        merged.origins[first_new + offset] = own(row)
    extended = len(header) != len(current_header)
    if mode == "append" and current_text and not extended:
        merged.content = _appended(current, encoding, [c for _row, c in appended], separator, newline)
    else:
        rows = [row + [""] * (len(header) - len(row)) if row else row for row in rows]
        merged.content = _encoded(_csv([header, *rows, *(c for _row, c in appended)], separator, newline),
                                  encoding)
    return merged


def _csv(records: list[list[str]], separator: str, newline: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator, lineterminator=newline).writerows(records)
    return buffer.getvalue()


def _appended(current: bytes, encoding: str, records: list[list[str]], separator: str,
              newline: str) -> bytes:
    """The current bytes untouched, then the new records in the same encoding."""
    text = _csv(records, separator, newline)
    if encoding == "cp1252":
        try:
            tail = text.encode("cp1252")
        except UnicodeEncodeError:  # a character Windows-1252 lacks: the whole file becomes UTF-8
            return _encoded(current.decode("cp1252") + _ending(current, newline) + text, "utf-8-sig")
    else:
        tail = text.encode("utf-8")
    return current + _ending(current, newline).encode("ascii") + tail


def _ending(current: bytes | str, newline: str) -> str:
    return "" if not current or current[-1:] in (b"\n", "\n") else newline


def _encoded(text: str, encoding: str) -> bytes:
    if encoding == "cp1252":
        try:
            return text.encode("cp1252")
        except UnicodeEncodeError:
            encoding = "utf-8-sig"
    if encoding == "utf-8-sig":
        return codecs.BOM_UTF8 + text.lstrip("\ufeff").encode("utf-8")
    return text.encode("utf-8")
