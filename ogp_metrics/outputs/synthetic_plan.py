"""A synthetic, valid, deterministic action plan of any size, for benchmarks and tests.

`generate(folder, participation_rows, seed, variant)` writes all nine files of the data
contract. Participation has exactly `participation_rows` records; meetings, milestones and
progress updates grow with it. The big files are written by DuckDB's `COPY` (no Python loop
per row), so ten million rows take seconds, not minutes.

Three variants, all of which the loader must read to the same tables:
- `plain`: UTF-8, `,`, ISO dates, `.` decimals, true/false, LF;
- `french-excel`: Windows-1252, `;`, DD/MM/YYYY, decimal comma, oui/non, CRLF, thousands
  separated by a space, as Excel with a French locale saves a workbook;
- `staff`: as city staff export it: `plain` with a byte-order mark and every arrondissement
  written as its postcode (`75011`), unknown age groups and genders left empty.
Every pseudo-random choice is `hash(row, seed, purpose)`: the same seed gives the same bytes.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ogp_metrics.contract import schema

VARIANTS = ("plain", "french-excel", "staff")
FIRST_DAY = "2021-10-01"
DAYS = 1918  # 2021-10-01 .. 2026-12-31
INSTITUTIONS = (
    ("CAB_PARTICIPATION", "Cabinet de l'adjointe chargée de la participation citoyenne",
     "Office of the Deputy Mayor for citizen participation"),
    ("CAB_INTERNATIONAL", "Cabinet de l'adjoint chargé des relations internationales",
     "Office of the Deputy Mayor for international relations"),
    ("DGRI", "Délégation générale aux relations internationales",
     "General Delegation for International Relations"),
    ("DDCT", "Direction de la démocratie, des citoyen·ne·s et des territoires",
     "Directorate for Democracy, Citizens and Territories"),
    ("DTEC", "Direction de la transition écologique et du climat",
     "Directorate for Ecological Transition and Climate"),
    ("DSIN", "Direction des systèmes d'information et du numérique",
     "Directorate for Information Systems and Digital"),
)
ARRONDISSEMENTS_PLAIN = ("", "", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13",
                         "14", "15", "16", "17", "18", "19", "20")
ARRONDISSEMENTS_FRENCH = ("", "", "1er", "2e", "75003", "Paris Centre", "5e", "6", "7", "8", "9",
                          "10e", "11", "12", "13e", "14", "15", "75116", "17e", "18", "19", "20e")
ARRONDISSEMENTS_POSTCODES = ("", "", *(f"750{n:02d}" for n in range(1, 21)))
AGE_GROUPS = ("", *schema.AGE_GROUPS)
GENDERS = ("", *schema.GENDERS)


@dataclass(frozen=True)
class Sizes:
    participation: int
    meetings: int
    commitments: int
    milestones: int
    progress_updates: int
    assessments: int


def sizes(participation_rows: int) -> Sizes:
    """How many rows each file gets for `participation_rows` participation records."""
    milestones = max(12, min(participation_rows // 2000, 5000))
    commitments = max(4, min(milestones // 4, 200))
    return Sizes(
        participation=participation_rows,
        meetings=max(40, participation_rows // 100),
        commitments=commitments,
        milestones=milestones,
        progress_updates=max(milestones, participation_rows // 50),
        assessments=commitments * 4,
    )


@dataclass(frozen=True)
class _Format:
    """How one variant writes dates, decimals, booleans, whole numbers and records."""

    french: bool
    postcodes: bool = False

    @property
    def arrondissements(self) -> tuple[str, ...]:
        if self.postcodes:
            return ARRONDISSEMENTS_POSTCODES
        return ARRONDISSEMENTS_FRENCH if self.french else ARRONDISSEMENTS_PLAIN

    @property
    def separator(self) -> str:
        return ";" if self.french else ","

    @property
    def newline(self) -> str:
        return "\r\n" if self.french else "\n"

    def date(self, sql: str) -> str:
        return f"strftime({sql}, '%d/%m/%Y')" if self.french else f"strftime({sql}, '%Y-%m-%d')"

    def decimal(self, sql: str) -> str:
        return f"replace(CAST({sql} AS VARCHAR), '.', ',')" if self.french else f"CAST({sql} AS VARCHAR)"

    def boolean(self, sql: str) -> str:
        return f"CASE WHEN {sql} THEN 'oui' ELSE 'non' END" if self.french else \
            f"CASE WHEN {sql} THEN 'true' ELSE 'false' END"

    def whole(self, sql: str) -> str:
        # French Excel separates thousands with a space.
        return f"replace(format('{{:,}}', {sql}), ',', ' ')" if self.french else f"CAST({sql} AS VARCHAR)"


def _pick(values: tuple[str, ...], hash_sql: str) -> str:
    listed = ", ".join("'" + value.replace("'", "''") + "'" for value in values)
    return f"[{listed}][1 + ({hash_sql}) % {len(values)}]"


def _h(seed: int, purpose: str, row: str = "i") -> str:
    """A deterministic pseudo-random unsigned integer for one row and purpose."""
    return f"CAST(hash({row}, {int(seed)}, '{purpose}') >> 1 AS BIGINT)"


def generate(folder: str | os.PathLike, participation_rows: int, seed: int = 1,
             variant: str = "plain") -> Sizes:
    """Write a valid synthetic plan into `folder` (created if needed); return its sizes."""
    if variant not in VARIANTS:
        raise ValueError(f"variant must be one of {', '.join(VARIANTS)}")
    if participation_rows < 0:
        raise ValueError("participation_rows must be >= 0")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fmt = _Format(french=variant == "french-excel", postcodes=variant == "staff")
    size = sizes(participation_rows)
    encoding = {"french-excel": "cp1252", "staff": "utf-8-sig"}.get(variant, "utf-8")
    connection = duckdb.connect(":memory:", config={"autoinstall_known_extensions": False,
                                                    "autoload_known_extensions": False})
    try:
        _write_small(folder, size, seed, fmt, encoding)
        _copy(connection, folder / "milestones.csv", _milestones_sql(size, seed, fmt), fmt, encoding)
        _copy(connection, folder / "progress_updates.csv", _updates_sql(size, seed, fmt), fmt,
              encoding)
        _copy(connection, folder / "meetings.csv", _meetings_sql(size, seed, fmt), fmt, encoding)
        _copy(connection, folder / "participation.csv", _participation_sql(size, seed, fmt), fmt,
              encoding)
    finally:
        connection.close()
    return size


def _records(path: Path, records: list[list[str]], fmt: _Format, encoding: str) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=fmt.separator, lineterminator=fmt.newline).writerows(records)
    path.write_bytes(buffer.getvalue().encode(encoding))


def _iso_to(fmt: _Format, iso: str) -> str:
    if not fmt.french or not iso:
        return iso
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def _write_small(folder: Path, size: Sizes, seed: int, fmt: _Format, encoding: str) -> None:
    _records(folder / "institutions.csv", [["code", "name_fr", "name_en"], *map(list, INSTITUTIONS)],
             fmt, encoding)
    values = schema.OGP_VALUES
    commitments = [["commitment_id", "title_fr", "title_en", "lead_institution", "ogp_values",
                    "start_date", "end_date", "description_fr", "description_en"]]
    for number in range(1, size.commitments + 1):
        start_year = 2021 + number % 3
        commitments.append([
            f"FRPA{number:04d}", f"Engagement synthétique n° {number}", f"Synthetic commitment {number}",
            INSTITUTIONS[number % len(INSTITUTIONS)][0],
            "|".join(values[: 1 + (number + seed) % len(values)]),
            _iso_to(fmt, f"{start_year}-{1 + number % 12:02d}-01"), _iso_to(fmt, "2026-12-31"),
            f"Description de l'engagement {number} ; « illustratif »", f"Description of {number}",
        ])
    _records(folder / "commitments.csv", commitments, fmt, encoding)
    assessments = [["assessment_date", "commitment_id", "assessor", "completion",
                    "did_it_open_government", "note"]]
    for number in range(1, size.commitments + 1):
        for index, day in enumerate(("2024-06-28", "2024-12-20", "2025-06-30", "2025-12-19")):
            assessor = "independent" if index % 2 else "self"
            completion = schema.COMPLETION[min(index + (number + seed) % 2, 3)]
            judged = schema.OPEN_GOVERNMENT[(number + index) % 5] if assessor == "independent" else ""
            assessments.append([_iso_to(fmt, day), f"FRPA{number:04d}", assessor, completion, judged,
                                "Évaluation synthétique"])
    _records(folder / "assessments.csv", assessments, fmt, encoding)
    target = f"{150000 * max(1, size.participation // 10000):,}".replace(",", " ") if fmt.french \
        else str(150000 * max(1, size.participation // 10000))
    _records(folder / "targets.csv", [
        ["indicator", "target", "deadline", "commitment_id"],
        ["meetings_held", str(size.meetings), _iso_to(fmt, "2026-12-31"), ""],
        ["public_meetings_held", str(size.meetings // 2), _iso_to(fmt, "2026-12-31"), ""],
        ["participants", target, _iso_to(fmt, "2026-12-31"), ""],
        ["milestones_complete", str(size.milestones // 2), _iso_to(fmt, "2026-12-31"), "FRPA0001"],
    ], fmt, encoding)
    _records(folder / "plan.csv", [
        ["name_fr", "name_en", "member", "submitted_date", "start_date", "end_date",
         "alternative_end_date", "source_url"],
        ["Plan d'action synthétique 2024-2026", "Synthetic action plan 2024–2026", "Paris, France",
         _iso_to(fmt, "2024-03-29"), _iso_to(fmt, "2024-04-01"), _iso_to(fmt, "2026-12-31"),
         _iso_to(fmt, "2026-10-31"), "https://www.opengovpartnership.org/members/paris-france/"],
    ], fmt, encoding)


def _day(offset_sql: str) -> str:
    return f"(DATE '{FIRST_DAY}' + CAST({offset_sql} AS INTEGER))"


def _commitment(size: Sizes, seed: int) -> str:
    number = f"1 + {_h(seed, 'commitment')} % {size.commitments}"
    return f"'FRPA' || lpad(CAST({number} AS VARCHAR), 4, '0')"


def _milestones_sql(size: Sizes, seed: int, fmt: _Format) -> str:
    start = _day(f"{_h(seed, 'start')} % 1400")
    due = f"({start} + CAST(30 + {_h(seed, 'length')} % 400 AS INTEGER))"
    completed = f"({due} + CAST({_h(seed, 'late')} % 120 AS INTEGER) - 60)"
    institutions = tuple(code for code, _fr, _en in INSTITUTIONS)
    return f"""
    SELECT 'M' || lpad(CAST(i AS VARCHAR), 6, '0') AS milestone_id,
           'FRPA' || lpad(CAST(1 + i % {size.commitments} AS VARCHAR), 4, '0') AS commitment_id,
           'Jalon synthétique ' || i AS title_fr, 'Synthetic milestone ' || i AS title_en,
           {_pick(institutions, _h(seed, 'owner'))} AS owner,
           {fmt.date(start)} AS start_date, {fmt.date(due)} AS due_date,
           CASE WHEN {_h(seed, 'done')} % 3 = 0 AND {completed} >= {start}
                THEN {fmt.date(completed)} ELSE '' END AS completed_date,
           {fmt.decimal(f"1 + ({_h(seed, 'weight')} % 4) * 0.5")} AS weight,
           CASE WHEN i % 2 = 0 THEN 'https://www.paris.fr/pages/jalon-' || i ELSE '' END AS evidence_url
    FROM range({size.milestones}) t(i) ORDER BY i"""


def _updates_sql(size: Sizes, seed: int, fmt: _Format) -> str:
    # Update k is milestone k % M's (k // M)-th: one update per milestone per date by design.
    offset = _h(seed, "offset", f"i % {size.milestones}")
    return f"""
    SELECT {fmt.date(_day(f"(i // {size.milestones}) * 7 + {offset} % 900"))} AS update_date,
           'M' || lpad(CAST(i % {size.milestones} AS VARCHAR), 6, '0') AS milestone_id,
           {fmt.decimal(f"least(100, (i // {size.milestones}) * 12.5 + {_h(seed, 'pct')} % 10)")}
               AS progress_pct,
           CASE WHEN i % 5 = 0 THEN 'Point d''étape' ELSE '' END AS note,
           {_pick(('DDCT', 'DGRI', 'DTEC', ''), _h(seed, 'by'))} AS reported_by
    FROM range({size.progress_updates}) t(i) ORDER BY i"""


def _meetings_sql(size: Sizes, seed: int, fmt: _Format) -> str:
    arrondissements = fmt.arrondissements
    co_creation = "i < 40"  # the first 40 are the co-creation process, as in Paris's plan
    day = _day(f"CASE WHEN {co_creation} THEN i * 21 ELSE 880 + {_h(seed, 'day')} % 1038 END")
    return f"""
    SELECT 'R' || lpad(CAST(i AS VARCHAR), 7, '0') AS meeting_id, {fmt.date(day)} AS date,
           {_pick(schema.MEETING_TYPES, _h(seed, 'type'))} AS meeting_type,
           CASE WHEN {co_creation} THEN 'co_creation' WHEN i % 3 = 0 THEN '' ELSE 'implementation' END
               AS phase,
           'Réunion synthétique n° ' || i AS title,
           CASE WHEN i % 4 = 0 THEN ''
                ELSE {_commitment(size, seed)}
           END AS commitment_id,
           {_pick(arrondissements, _h(seed, 'arrondissement'))} AS arrondissement,
           {fmt.boolean(f"{_h(seed, 'public')} % 2 = 0")} AS is_public,
           CASE WHEN i % 7 = 0 THEN '' ELSE CAST(5 + {_h(seed, 'attendees')} % 300 AS VARCHAR) END
               AS attendees,
           CASE WHEN i % 3 = 0 THEN '' ELSE CAST({_h(seed, 'organisations')} % 20 AS VARCHAR) END
               AS organisations,
           CASE WHEN i % 2 = 0 THEN 'https://www.paris.fr/cr/' || i ELSE '' END AS minutes_url
    FROM range({size.meetings}) t(i) ORDER BY i"""


def _participation_sql(size: Sizes, seed: int, fmt: _Format) -> str:
    arrondissements = fmt.arrondissements
    participants = f"CASE WHEN {_h(seed, 'big')} % 50 = 0 THEN 1000 + {_h(seed, 'n')} % 20000 " \
                   f"ELSE {_h(seed, 'n')} % 120 END"
    return f"""
    SELECT {fmt.date(_day(f"{_h(seed, 'date')} % {DAYS}"))} AS date,
           {_pick(schema.ACTIVITIES, _h(seed, 'activity'))} AS activity,
           CASE WHEN {_h(seed, 'has_commitment')} % 3 = 0 THEN ''
                ELSE {_commitment(size, seed)}
           END AS commitment_id,
           {_pick(arrondissements, _h(seed, 'arrondissement'))} AS arrondissement,
           {fmt.whole(participants)} AS participants,
           CASE WHEN {_h(seed, 'contributions')} % 4 = 0 THEN ''
                ELSE CAST({_h(seed, 'contributions')} % 500 AS VARCHAR) END AS contributions,
           {_pick(AGE_GROUPS, _h(seed, 'age'))} AS age_group,
           {_pick(GENDERS, _h(seed, 'gender'))} AS gender
    FROM range({size.participation}) t(i) ORDER BY i"""


def _copy(connection, path: Path, sql: str, fmt: _Format, encoding: str) -> None:
    """COPY the query to `path`; transcode (Windows-1252, or a byte-order mark) in chunks when
    the variant asks."""
    target = path if encoding == "utf-8" else Path(tempfile.mkstemp(suffix=".csv")[1])
    try:
        connection.execute(
            # Blank cells as NULL: written empty, not as "".
            f"COPY (SELECT nullif(COLUMNS(*), '') FROM ({sql})) TO '{target}' "
            f"(FORMAT csv, HEADER, DELIMITER '{fmt.separator}', QUOTE '\"', NEW_LINE '{fmt.newline}')"
        )
        if target != path:
            with target.open("r", encoding="utf-8", newline="") as source, \
                    path.open("w", encoding=encoding, newline="") as out:
                shutil.copyfileobj(source, out, 16 * 1024 * 1024)
    finally:
        if target != path:
            target.unlink(missing_ok=True)
