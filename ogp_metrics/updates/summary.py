"""A prepared change as data: what `import --json` prints, and the per-file lines of a preview.

    {"published": false|true, "version": N|null,
     "files": [{"file", "table", "mode", "added", "removed", "changed", "skipped",
                "ignored_columns": [...], "warnings": [{"file", "row", "column", "value", "message"}]}],
     "headline_before": {...}, "headline_after": {...}}

The headline objects are what `summary --json` prints (`figures.headline`). A refused import
is `{"published": false, "problems": [{"file", "row", "column", "value", "message"}]}`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ogp_metrics.ingest.problems import Problem, problem_message
from ogp_metrics.updates.intake import Candidate
from ogp_metrics.updates.preview import Preparation, TableChange


@dataclass(frozen=True)
class FileSummary:
    """One file of a change: where it goes, how, and what it does to the rows."""

    file: str  # the person's file
    table: str
    mode: str
    added: int
    removed: int
    changed: int
    skipped: int
    ignored_columns: tuple[str, ...]
    warnings: tuple[Problem, ...]
    sheet: str | None = None

    @property
    def filename(self) -> str:
        return f"{self.table}.csv"


def file_summaries(preparation: Preparation) -> list[FileSummary]:
    changes: dict[str, TableChange] = {change.table: change for change in preparation.changes}
    return [_summary(candidate, changes.get(candidate.table), preparation.warnings)
            for candidate in preparation.candidates]


def _summary(candidate: Candidate, change: TableChange | None, warnings: list[Problem]) -> FileSummary:
    return FileSummary(
        candidate.source, candidate.table, candidate.mode,
        len(change.added) if change is not None else 0,
        len(change.removed) if change is not None else 0,
        change.changed_rows if change is not None else 0,
        candidate.skipped, candidate.ignored,
        tuple(w for w in warnings if w.file == candidate.source), candidate.sheet)


def record(problem: Problem, lang: str) -> dict:
    """A problem or a warning as JSON: where, the value as written, and what is wrong."""
    return {"file": problem.file, "row": problem.row, "column": problem.column, "value": problem.value,
            "message": problem_message(problem, lang)}


def preview_document(preparation: Preparation, lang: str, published: bool = False,
                     version: int | None = None) -> dict:
    files = [{"file": s.file, "table": s.table, "mode": s.mode, "added": s.added, "removed": s.removed,
              "changed": s.changed, "skipped": s.skipped, "ignored_columns": list(s.ignored_columns),
              "warnings": [record(w, lang) for w in s.warnings]}
             for s in file_summaries(preparation)]
    return {"published": published, "version": version, "files": files,
            "headline_before": preparation.headline_before, "headline_after": preparation.headline_after}


def refused_document(problems: list[Problem], lang: str) -> dict:
    return {"published": False, "problems": [record(problem, lang) for problem in problems]}
