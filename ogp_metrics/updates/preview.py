"""Checking a change before it is published: every problem, or what would change.

`prepare(folder, uploads)` reads each upload, matches it to its table, and validates it
*together with the current versions of the other files* by loading a staging copy of the
folder built in a temporary directory elsewhere. It returns a `Preparation`: the problems,
or the preview (rows added, removed, changed per table; headline figures before and after)
and the sha256 of every current file, against which `store.publish` checks that nothing
changed meanwhile. Preparing never writes under the data folder."""

from __future__ import annotations

import csv
import dataclasses
import io
import os
import shutil
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd

from ogp_metrics import figures, text
from ogp_metrics.contract.aliases import spelling_key
from ogp_metrics.contract.schema import TABLES_BY_NAME, Table
from ogp_metrics.ingest.csv_files import text_and_separator
from ogp_metrics.ingest.load import Plan, data_folder, load_plan
from ogp_metrics.ingest.plausibility import find_warnings
from ogp_metrics.ingest.problems import DataFolderError, Problem
from ogp_metrics.updates import incoming
from ogp_metrics.updates.history import history, read_object
from ogp_metrics.updates.intake import Candidate, Limits, Upload
from ogp_metrics.updates.layout import PublishRefused, read_current, sha256, table_of
from ogp_metrics.views import headline


@dataclass
class TableChange:
    """How one table differs between the current files and the candidates."""

    table: str
    filename: str
    key: tuple[str, ...]  # the columns rows are matched by; empty: whole rows compared
    rows_before: int
    rows_after: int
    added: pd.DataFrame
    removed: pd.DataFrame
    changed: pd.DataFrame  # key columns, then column, before, after (one line per changed cell)

    @property
    def changed_rows(self) -> int:
        if self.changed.empty:
            return 0
        return len(self.changed.drop_duplicates(subset=list(self.key))) if self.key else 0

    @property
    def is_empty(self) -> bool:
        return self.added.empty and self.removed.empty and self.changed.empty


@dataclass
class Preparation:
    """A checked publish: problems, or what would change; `base` is what it was checked against."""

    folder: Path
    action: str  # publish | restore
    as_of: date
    candidates: list[Candidate] = field(default_factory=list)
    base: dict[str, str | None] = field(default_factory=dict)  # filename -> sha256 (None: absent)
    problems: list[Problem] = field(default_factory=list)
    changes: list[TableChange] = field(default_factory=list)
    headline_before: dict | None = None
    headline_after: dict | None = None
    rows: dict[str, int] = field(default_factory=dict)  # filename -> data rows after
    # Valid but doubtful values in the rows being written (`ingest.plausibility`), in the
    # person's words: they do not refuse the change.
    warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def files(self) -> dict[str, bytes]:
        """The files publishing would write: the candidates whose bytes differ from the current ones."""
        return {c.filename: c.content for c in self.candidates
                if self.base.get(c.filename) != sha256(c.content)}


def prepare(folder: str | os.PathLike | None, uploads: Sequence[Upload], limits: Limits | None = None,
            as_of: date | None = None) -> Preparation:
    """Read, match and validate the uploads with the folder's other files; preview the change."""
    limits = limits or Limits()
    folder = data_folder(folder)
    preparation = Preparation(folder, "publish", as_of or date.today())
    if not uploads:
        preparation.problems.append(Problem("", "no_upload"))
        return preparation
    if len(uploads) > limits.max_files:
        preparation.problems.append(Problem("", "too_many_files",
                                            details={"limit": str(limits.max_files)}))
        return preparation
    deadline = time.monotonic() + limits.max_seconds
    try:
        current = read_current(folder)  # one snapshot: merged with, checked against, compared to
    except PublishRefused as refused:  # a contract file that is no regular file
        preparation.problems = refused.problems
        return preparation
    by_table: dict[str, Candidate] = {}
    for upload in uploads:
        made, problems = incoming.candidates(upload, limits, deadline, current)
        preparation.problems.extend(problems)
        for candidate in made:
            if candidate.table in by_table:
                preparation.problems.append(Problem(candidate.source, "duplicate_upload", details={
                    "other": by_table[candidate.table].source, "table": candidate.filename}))
                continue
            by_table[candidate.table] = candidate
    unreadable = preparation.problems
    preparation.problems = []
    preparation.candidates = list(by_table.values())
    if preparation.candidates:  # check the readable files too: every problem at once
        _check(preparation, current)
    preparation.problems = unreadable + preparation.problems
    return preparation


def prepare_restore(folder: str | os.PathLike | None, version: int, before: bool = False,
                    as_of: date | None = None) -> Preparation:
    """Prepare writing back what `version` published (or, with `before`, what it replaced).

    Its `changes` are the difference between the current files and that version: the diff
    the History page shows. Raises `PublishRefused` for an unknown version.
    """
    folder = data_folder(folder)
    entries = [entry for entry in history(folder) if entry["version"] == version]
    if not entries:
        raise PublishRefused("unknown_version", version=str(version))
    preparation = Preparation(folder, "restore", as_of or date.today())
    for entry in entries:
        digest = entry["sha256_before"] if before else entry["sha256_after"]
        source = f"{entry['file']} (version {version})"
        if digest is None:
            preparation.problems.append(Problem(entry["file"], "restore_absent",
                                                details={"version": str(version)}))
            continue
        preparation.candidates.append(Candidate(source, table_of(entry["file"]), "version",
                                                read_object(folder, digest)))
    if preparation.problems:
        return preparation
    return _check(preparation)


def _check(preparation: Preparation, current: dict[str, bytes | None] | None = None) -> Preparation:
    """Stage the current files and the candidates outside the data folder; load both."""
    folder = preparation.folder
    if current is None:
        try:
            current = read_current(folder)
        except PublishRefused as refused:  # a contract file that is no regular file
            preparation.problems = refused.problems
            return preparation
    preparation.base = {name: (sha256(data) if data is not None else None)
                        for name, data in current.items()}
    staging = Path(tempfile.mkdtemp(prefix="ogp-publish-"))
    try:
        if _inside(staging, folder):  # never: the system's temporary folder is elsewhere
            raise RuntimeError("the staging folder must be outside the data folder")
        before_dir, after_dir = staging / "before", staging / "after"
        before_dir.mkdir()
        after_dir.mkdir()
        if not folder.is_dir():
            preparation.problems.append(Problem("", "missing_folder", value=str(folder)))
            return preparation
        for name, data in current.items():
            if data is not None:
                (before_dir / name).write_bytes(data)
                (after_dir / name).write_bytes(data)
        for candidate in preparation.candidates:
            (after_dir / candidate.filename).write_bytes(candidate.content)
        try:
            after = load_plan(after_dir)
        except DataFolderError as error:
            preparation.problems = _rename(error.report.problems, preparation.candidates)
            return preparation
        try:
            before: Plan | None = load_plan(before_dir)
        except DataFolderError:
            before = None  # the current folder is invalid: an upload may be its fix
        try:
            preparation.rows = {f.filename: f.rows for f in after.report.files if f.present}
            preparation.headline_after = figures.headline(after.cursor(), preparation.as_of)
            if before is not None:
                preparation.headline_before = figures.headline(before.cursor(), preparation.as_of)
            preparation.changes = [
                _compare(TABLES_BY_NAME[c.table], before, after, current.get(c.filename), c.content)
                for c in preparation.candidates]
            scope = {c.table: sorted(c.origins) if c.origins is not None else None
                     for c in preparation.candidates}
            preparation.warnings = _rename(find_warnings(after.cursor(), scope=scope),
                                           preparation.candidates)
        finally:
            after.connection.close()
            if before is not None:
                before.connection.close()
        return preparation
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _inside(path: Path, folder: Path) -> bool:
    try:
        return path.resolve().is_relative_to(folder.resolve())
    except OSError:
        return False


def _rename(problems: list[Problem], candidates: list[Candidate]) -> list[Problem]:
    """Name each problem in an uploaded file by the person's file, row and column."""
    by_file = {c.filename: c for c in candidates}
    renamed = []
    for problem in problems:
        candidate = by_file.get(problem.file)
        if candidate is None:
            renamed.append(problem)
        elif candidate.origins is None or problem.row is None:
            renamed.append(dataclasses.replace(problem, file=candidate.source,
                                               column=incoming.shown_column(candidate, problem.column),
                                               details=dict(problem.details)))
        elif problem.row in candidate.origins:
            renamed.append(dataclasses.replace(
                problem, file=candidate.source, row=candidate.origins[problem.row],
                column=incoming.shown_column(candidate, problem.column),
                details={**problem.details, "domain": problem.column or ""}))
        else:  # a row of the current file, kept by an append or an update
            renamed.append(problem)
    return renamed



def _compare(table: Table, before: Plan | None, after: Plan, before_bytes: bytes | None,
             after_bytes: bytes) -> TableChange:
    """Rows added, removed and changed; typed values compared, so `15/03/2025` = `2025-03-15`."""
    if before is not None:
        old, new = _typed_rows(before, table), _typed_rows(after, table)
    else:  # the current folder does not load: compare the cells as written
        old = _written_rows(before_bytes, table)
        new = _written_rows(after_bytes, table)
    key = table.key if table.key and not (old.duplicated(list(table.key)).any()
                                         or new.duplicated(list(table.key)).any()) else ()
    columns = [column.name for column in table.columns]
    empty_changes = pd.DataFrame(columns=[*key, "column", "before", "after"])
    if key:
        old_keys = set(map(tuple, old[list(key)].itertuples(index=False)))
        new_keys = set(map(tuple, new[list(key)].itertuples(index=False)))
        added = new[[tuple(row) not in old_keys for row in new[list(key)].itertuples(index=False)]]
        removed = old[[tuple(row) not in new_keys for row in old[list(key)].itertuples(index=False)]]
        changed = _changed_cells(old.merge(new, on=list(key), suffixes=("__before", "__after")),
                                 key, [c for c in columns if c not in key], empty_changes)
    else:
        added, removed = _unmatched_rows(old, new, columns)
        changed = empty_changes
    return TableChange(table.name, table.filename, tuple(key), len(old), len(new),
                       added.reset_index(drop=True), removed.reset_index(drop=True),
                       changed.reset_index(drop=True))


def _unmatched_rows(old: pd.DataFrame, new: pd.DataFrame,
                    columns: list[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Whole rows compared as multisets: the rows only the new file has, and only the old one
    (counted by pandas: a Python loop over a large file's rows took seconds)."""
    if old.empty or new.empty:
        return new.copy(), old.copy()
    sides = pd.concat([old.assign(_old=1, _new=0), new.assign(_old=0, _new=1)], ignore_index=True)
    counts = sides.groupby(columns, sort=False, dropna=False)[["_old", "_new"]].sum()
    surplus = counts["_new"] - counts["_old"]

    def repeated(numbers: pd.Series) -> pd.DataFrame:
        kept = numbers[numbers > 0]
        return kept.index.repeat(kept).to_frame(index=False, name=columns) if len(kept) else \
            pd.DataFrame(columns=columns)
    return repeated(surplus), repeated(-surplus)


def _changed_cells(both: pd.DataFrame, key: tuple[str, ...], columns: list[str],
                   empty: pd.DataFrame) -> pd.DataFrame:
    """One line per cell that differs between the rows matched on `key`, row by row in the
    current file's order, then column by column (compared a column at a time: a large file's
    unchanged rows cost no Python loop)."""
    parts = []
    for position, column in enumerate(columns):
        differs = both[f"{column}__before"] != both[f"{column}__after"]
        if differs.any():
            part = both.loc[differs, [*key, f"{column}__before", f"{column}__after"]].rename(
                columns={f"{column}__before": "before", f"{column}__after": "after"})
            part.insert(len(key), "column", column)
            parts.append(part.assign(_row_order=part.index, _column_order=position))
    if not parts:
        return empty
    lines = pd.concat(parts).sort_values(["_row_order", "_column_order"], kind="stable")
    return lines.drop(columns=["_row_order", "_column_order"])[list(empty.columns)]


def _typed_rows(plan: Plan, table: Table) -> pd.DataFrame:
    """Every row of a loaded table, each value as canonical text ('' for blank)."""
    selects = []
    for column in table.columns:
        if column.kind.value == "choice_list":
            selects.append(f"coalesce(array_to_string({column.name}, '|'), '') AS {column.name}")
        elif column.kind.value in ("decimal", "percent"):  # 55, not 55.0
            selects.append(f"coalesce(regexp_replace(CAST({column.name} AS VARCHAR), '\\.0$', ''), '') "
                           f"AS {column.name}")
        else:
            selects.append(f"coalesce(CAST({column.name} AS VARCHAR), '') AS {column.name}")
    with plan.cursor() as cursor:
        return cursor.execute(f"SELECT {', '.join(selects)} FROM {table.name} ORDER BY _row").df()


def _written_rows(data: bytes | None, table: Table) -> pd.DataFrame:
    """The rows of a CSV file as written (trimmed), in the contract's columns."""
    columns = [column.name for column in table.columns]
    if not data:
        return pd.DataFrame(columns=columns)
    decoded, separator = text_and_separator(data)
    try:
        records = [r for r in csv.reader(io.StringIO(decoded), delimiter=separator)
                   if any(cell.strip() for cell in r)]
    except csv.Error:
        return pd.DataFrame(columns=columns)
    if not records:
        return pd.DataFrame(columns=columns)
    positions = {spelling_key(name): index for index, name in enumerate(records[0])}
    rows = []
    for record in records[1:]:
        rows.append([record[positions[c]].strip() if positions.get(c) is not None
                     and positions[c] < len(record) else "" for c in columns])
    return pd.DataFrame(rows, columns=columns)


def headline_rows(preparation: Preparation, lang: str) -> pd.DataFrame:
    """The headline figures before and after, formatted for `lang`; the ones that change first."""
    if not preparation.headline_after:
        return pd.DataFrame(columns=["figure", "before", "after", "change"])
    after = headline.metrics(preparation.headline_after, preparation.headline_before)
    before = (headline.metrics(preparation.headline_before, None) if preparation.headline_before
              else [None] * len(after))
    rows = [{"figure": text.t(new.key, lang),
             "before": headline.format_value(old, lang) if old else "—",
             "after": headline.format_value(new, lang),
             "change": headline.format_delta(new, lang) or "—",
             "changed": old is None or new.delta != 0 or old.total != new.total}
            for old, new in zip(before, after, strict=True)]
    frame = pd.DataFrame(rows).sort_values("changed", ascending=False, kind="stable")
    return frame.drop(columns="changed").reset_index(drop=True)
