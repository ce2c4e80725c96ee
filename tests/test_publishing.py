"""Staff updates through the library: reading uploads, validation with the other files, the
preview, atomic publishing, the history, optimistic concurrency and restore.

Every folder here is a private copy of `tests/fixtures/tiny/`; nothing publishes into `data/`.
"""

from __future__ import annotations

import fcntl
import io
import json
import subprocess
import sys
import threading
import tomllib
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from helpers import FRENCH_EXCEL, ROOT, TINY, csv_text, read_records, snapshot

from ogp_metrics import text, updates
from ogp_metrics.contract.schema import TABLES
from ogp_metrics.ingest import atomic_file, xlsx
from ogp_metrics.ingest.load import inspect_folder, load_plan
from ogp_metrics.ingest.problems import describe_problem
from ogp_metrics.updates import Limits, PublishRefused, Upload, layout, store

AS_OF = date(2025, 6, 30)


# ---------------------------------------------------------------- helpers

def milestones_records() -> list[list[str]]:
    return read_records(TINY / "milestones.csv")


def with_cell(records: list[list[str]], row: int, column: str, value: str) -> list[list[str]]:
    """A copy of `records` with one cell changed (row as a spreadsheet numbers it)."""
    copy = [list(record) for record in records]
    copy[row - 1][copy[0].index(column)] = value
    return copy


def csv_bytes(records: list[list[str]]) -> bytes:
    return csv_text(records).encode("utf-8")


def workbook(records: list[list[object]], title: str = "Feuil1", extra_sheets: tuple[str, ...] = (),
             formats: dict[str, str] | None = None) -> bytes:
    """An .xlsx holding `records` on its first sheet (cells typed as given)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = title
    for record in records:
        sheet.append(record)
    for cell, number_format in (formats or {}).items():
        sheet[cell].number_format = number_format
    for name in extra_sheets:
        book.create_sheet(name).append(["nothing", "here"])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def typed_milestones(completed_c1_m2: object = None) -> list[list[object]]:
    """tiny's milestones as Excel holds them: real dates, real numbers."""
    rows: list[list[object]] = []
    for record in milestones_records():
        if not rows:
            rows.append(list(record))
            continue
        cells: list[object] = []
        for name, value in zip(rows[0], record, strict=True):
            if name.endswith("_date") and value:
                cells.append(datetime.fromisoformat(value))
            elif name == "weight" and value:
                cells.append(int(value))
            else:
                cells.append(value or None)
        rows.append(cells)
    if completed_c1_m2 is not None:
        rows[2][rows[0].index("completed_date")] = completed_c1_m2
    return rows


def only_problem(preparation: updates.Preparation):
    assert not preparation.ok
    return preparation.problems


def refuse_and_check_untouched(folder: Path, uploads: list[Upload], limits: Limits | None = None):
    """Prepare and try to publish `uploads`: refused, and not one byte under `folder` changed."""
    before = snapshot(folder)
    preparation = updates.prepare(folder, uploads, limits, as_of=AS_OF)
    assert not preparation.ok
    with pytest.raises(PublishRefused) as refused:
        updates.publish(preparation, "alice@paris.fr", "test")
    assert refused.value.code == "invalid"
    assert snapshot(folder) == before
    return preparation.problems


def prepared_text(preparation: updates.Preparation, filename: str) -> str:
    return preparation.files[filename].decode("utf-8")


# ---------------------------------------------------------------- matching and reading

@pytest.mark.parametrize("name, table", [
    ("milestones.csv", "milestones"),
    ("Milestones (2).CSV", "milestones"),
    ("progress updates.xlsx", "progress_updates"),
    ("Progress-Updates_2025-06.csv", "progress_updates"),
    ("jalons DDCT juin.xlsx", "milestones"),
    ("Réunions.csv", "meetings"),
    ("C:\\Users\\agent\\Bureau\\engagements.xlsx", "commitments"),
    ("../../etc/targets.csv", "targets"),
    ("plan.csv", "plan"),
    ("plan_milestones.csv", None),  # two tables named: the person chooses
    ("export.csv", None),
])
def test_a_file_is_matched_to_its_table_by_name(name, table):
    assert updates.match_table(name) == table


def test_the_declared_name_is_only_shown_never_a_path():
    assert updates.shown_name("../../etc/passwd") == "passwd"
    assert updates.shown_name("C:\\x\\milestones.csv") == "milestones.csv"
    assert updates.shown_name("mile\x00stones\n.csv") == "milestones.csv"


def test_content_decides_the_type_not_the_name(tiny):
    # A workbook renamed .csv is read as a workbook; a CSV named .xlsx as a CSV.
    records = with_cell(milestones_records(), 3, "completed_date", "2025-09-01")
    preparation = updates.prepare(tiny, [
        Upload("milestones.csv", workbook(typed_milestones(datetime(2025, 9, 1)))),
        Upload("progress_updates.xlsx", (TINY / "progress_updates.csv").read_bytes()),
    ], as_of=AS_OF)
    assert preparation.ok, preparation.problems
    kinds = {candidate.table: candidate.kind for candidate in preparation.candidates}
    assert kinds == {"milestones": "xlsx", "progress_updates": "csv"}
    assert prepared_text(preparation, "milestones.csv") == csv_text(records)


def test_xlsx_is_converted_faithfully(tiny):
    header = ["update_date", "milestone_id", "progress_pct", "note", "reported_by"]
    rows = [header,
            [datetime(2024, 6, 30), "C1-M1", 50, None, "DDCT"],
            [datetime(2025, 3, 31), "C1-M2", 0.2, "comme saisi : 20 %", "DDCT"],
            [datetime(2025, 6, 30), "C1-M2", 40.5, "Séance reportée, « en retard »", "DDCT"],
            [datetime(2025, 5, 15), "C2-M2", 11.25, "ligne 1\nligne 2", None]]
    data = workbook(rows, title="Avancement", formats={"C3": "0%"})
    preparation = updates.prepare(tiny, [Upload("avancement.xlsx", data)], as_of=AS_OF)
    assert preparation.ok, preparation.problems
    assert prepared_text(preparation, "progress_updates.csv") == (
        "update_date,milestone_id,progress_pct,note,reported_by\n"
        "2024-06-30,C1-M1,50,,DDCT\n"
        "2025-03-31,C1-M2,20%,comme saisi : 20 %,DDCT\n"
        "2025-06-30,C1-M2,40.5,\"Séance reportée, « en retard »\",DDCT\n"
        "2025-05-15,C2-M2,11.25,\"ligne 1\nligne 2\",\n")
    assert preparation.candidates[0].sheet == "Avancement"


def test_xlsx_sheet_named_like_the_table_wins_over_the_first(tiny):
    book = openpyxl.Workbook()
    book.active.title = "Notes"
    book.active.append(["rien", "à", "lire"])
    sheet = book.create_sheet("Milestones")
    for record in typed_milestones():
        sheet.append(record)
    buffer = io.BytesIO()
    book.save(buffer)
    preparation = updates.prepare(tiny, [Upload("jalons.xlsx", buffer.getvalue())], as_of=AS_OF)
    assert preparation.ok, preparation.problems
    assert preparation.candidates[0].sheet == "Milestones"
    assert preparation.files == {}  # the same data as the current file, to the byte


def test_xlsx_problems_name_the_row_excel_shows(tiny):
    rows = typed_milestones()
    rows.insert(3, [None] * len(rows[0]))  # an empty row 4 in the middle
    rows[5][rows[0].index("due_date")] = "31/02/2025"  # row 6 in Excel
    problems = refuse_and_check_untouched(tiny, [Upload("Jalons juin.xlsx", workbook(rows))])
    assert [(p.file, p.row, p.column, p.value) for p in problems] == [
        ("Jalons juin.xlsx", 6, "due_date", "31/02/2025")]
    assert "Jalons juin.xlsx" in describe_problem(problems[0], "fr")


def test_the_french_excel_csv_is_published_as_saved_and_changes_no_row(tiny):
    data = (FRENCH_EXCEL / "milestones.csv").read_bytes()
    preparation = updates.prepare(tiny, [Upload("milestones.csv", data)], as_of=AS_OF)
    assert preparation.ok, preparation.problems
    assert preparation.files == {"milestones.csv": data}  # bytes kept as the person saved them
    (change,) = preparation.changes
    assert change.is_empty and change.rows_before == change.rows_after == 5
    assert preparation.headline_before == preparation.headline_after


# ---------------------------------------------------------------- bad input changes nothing

def bad_inputs() -> dict[str, tuple[list[Upload], Limits | None, str]]:
    """Every class of bad upload: the uploads, the limits, and the problem code expected."""
    records = milestones_records()
    ragged = csv_text(records).replace("C1-M1,C1,", "C1-M1,C1,extra,", 1).encode()
    bad_xlsx_rows = typed_milestones()
    bad_xlsx_rows[2][bad_xlsx_rows[0].index("weight")] = "#DIV/0!"
    many_rows = records + [[f"X{i}", "C1", "t", "", "", "2024-01-01", "2024-02-01", "", "", ""]
                           for i in range(10)]
    return {
        "bad date": ([Upload("milestones.csv", csv_bytes(with_cell(records, 3, "due_date", "31/02/2025")))],
                     None, "bad_date"),
        "unknown reference": ([Upload("milestones.csv", csv_bytes(with_cell(records, 3, "commitment_id",
                                                                            "C9")))],
                              None, "unknown_reference"),
        "reference broken in another file": (
            [Upload("milestones.csv", csv_bytes([records[0], *records[1:2], *records[3:]]))],
            None, "unknown_reference"),
        "ragged row": ([Upload("milestones.csv", ragged)], None, "ragged_row"),
        "missing column": ([Upload("milestones.csv", csv_bytes([r[1:] for r in records]))], None,
                           "missing_column"),
        "duplicate id": ([Upload("milestones.csv", csv_bytes([*records, records[1]]))], None, "duplicate"),
        # a UTF-8 file with a stray byte: two encodings mixed (read as Windows-1252, every accent
        # would turn into Ã©), refused where the byte is
        "stray byte in UTF-8": ([Upload("milestones.csv",
                                        csv_bytes(records).replace(b"Tirage", b"Tir\x81ge"))],
                                None, "mixed_encoding"),
        "undecodable byte": ([Upload("milestones.csv", csv_text(records).encode("cp1252").replace(
            b"Tirage", b"Tir\x81ge"))], None, "undecodable"),
        "empty file": ([Upload("milestones.csv", b"")], None, "empty_file"),
        "binary renamed .csv": ([Upload("milestones.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))], None,
                                "upload_not_table"),
        "random bytes with NUL": ([Upload("milestones.csv", b"id;x\n\x00\x01\x02")], None,
                                  "upload_not_table"),
        "old .xls renamed": ([Upload("milestones.xlsx", xlsx.OLE2 + b"\x00" * 512)], None,
                             "old_office_file"),
        "zip that is no workbook": ([Upload("milestones.xlsx", _zip({"hello.txt": b"hi"}))], None,
                                    "upload_not_table"),
        "damaged workbook": ([Upload("milestones.xlsx", _zip({"xl/workbook.xml": b"<nope"}))], None,
                             "bad_workbook"),
        "xlsx with a bad cell": ([Upload("milestones.xlsx", workbook(bad_xlsx_rows))], None, "bad_decimal"),
        "too large": ([Upload("milestones.csv", csv_bytes(records))], Limits(max_bytes=100),
                      "upload_too_large"),
        "too many rows": ([Upload("milestones.csv", csv_bytes(many_rows))], Limits(max_rows=10),
                          "too_many_rows"),
        "too many rows in xlsx": ([Upload("milestones.xlsx", workbook(many_rows))], Limits(max_rows=10),
                                  "too_many_rows"),
        "too many columns": ([Upload("milestones.csv", csv_bytes([r + ["x"] * 5 for r in records]))],
                             Limits(max_columns=12), "too_many_columns"),
        "too slow": ([Upload("milestones.xlsx", workbook(typed_milestones()))], Limits(max_seconds=-1),
                     "too_slow"),
        "no table in the name": ([Upload("export.csv", csv_bytes(records))], None, "unknown_table"),
        "two files for one table": ([Upload("milestones.csv", csv_bytes(records)),
                                     Upload("jalons.csv", csv_bytes(records))], None, "duplicate_upload"),
        "too many files": ([Upload(f"{t.filename}", b"") for t in TABLES] * 2, None, "too_many_files"),
        "nothing dropped": ([], None, "no_upload"),
    }


def _zip(members: dict[str, bytes]) -> bytes:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("case", list(bad_inputs()))
def test_every_bad_upload_is_refused_and_changes_no_byte(tiny, case):
    uploads, limits, code = bad_inputs()[case]
    problems = refuse_and_check_untouched(tiny, uploads, limits)
    assert code in {problem.code for problem in problems}
    for problem in problems:
        message = describe_problem(problem, "en")
        assert not message.startswith("problem."), message  # every code has its words
        assert "{" not in message, message


def test_bad_uploads_change_nothing_even_after_a_publish(tiny):
    """With a history folder in place, a refused upload leaves it untouched too."""
    publish_cell(tiny, "C1-M2", "completed_date", "2025-09-01")
    refuse_and_check_untouched(tiny, bad_inputs()["bad date"][0])


def test_problems_in_an_upload_carry_the_uploaded_name(tiny):
    records = with_cell(milestones_records(), 4, "owner", "NOBODY")
    preparation = updates.prepare(tiny, [Upload("Milestones (2).CSV", csv_bytes(records))])
    (problem,) = preparation.problems
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "Milestones (2).CSV", 4, "owner", "NOBODY")
    assert describe_problem(problem, "en").startswith("Milestones (2).CSV, row 4, column “owner”")


def test_an_explicit_table_choice_beats_the_name(tiny):
    preparation = updates.prepare(
        tiny, [Upload("export.csv", (TINY / "targets.csv").read_bytes(), table="targets")])
    assert preparation.ok and preparation.files == {}


def test_upload_size_limit_matches_the_server_setting():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * updates.MB == Limits().max_bytes


# ---------------------------------------------------------------- preview

def publish_cell(folder: Path, milestone: str, column: str, value: str, by: str = "alice@paris.fr",
                 reason: str = "test") -> int | None:
    records = read_records(folder / "milestones.csv")
    row = next(i for i, r in enumerate(records, start=1) if r[0] == milestone)
    preparation = updates.prepare(
        folder, [Upload("milestones.csv", csv_bytes(with_cell(records, row, column, value)))], as_of=AS_OF)
    assert preparation.ok, preparation.problems
    return updates.publish(preparation, by, reason)


def test_preview_counts_rows_added_removed_and_changed_by_key(tiny):
    records = milestones_records()
    records = with_cell(records, 3, "completed_date", "2025-06-01")  # C1-M2 completed
    records = with_cell(records, 3, "weight", "2")
    records = [r for r in records if r[0] != "C2-M2"]  # no update refers to it? it does: see below
    records.append(["C2-M3", "C2", "Bilan", "Review", "DGRI", "2025-01-01", "2025-12-31", "", "", ""])
    progress = [r for r in read_records(TINY / "progress_updates.csv") if r[1] != "C2-M2"]
    preparation = updates.prepare(tiny, [Upload("milestones.csv", csv_bytes(records)),
                                            Upload("progress_updates.csv", csv_bytes(progress))],
                                     as_of=AS_OF)
    assert preparation.ok, preparation.problems
    changes = {change.table: change for change in preparation.changes}
    milestones = changes["milestones"]
    assert list(milestones.added["milestone_id"]) == ["C2-M3"]
    assert list(milestones.removed["milestone_id"]) == ["C2-M2"]
    assert milestones.changed_rows == 1
    assert sorted(zip(milestones.changed["column"], milestones.changed["before"],
                      milestones.changed["after"], strict=True)) == [
        ("completed_date", "", "2025-06-01"), ("weight", "3", "2")]
    assert (milestones.rows_before, milestones.rows_after) == (5, 5)
    updates_change = changes["progress_updates"]
    assert updates_change.key == ("milestone_id", "update_date")
    assert len(updates_change.removed) == 1 and updates_change.added.empty
    # The headline figures as of 30 June 2025, before and after, worked out by hand:
    # before, complete = C1-M1 only (C2-M1 completes in July); after, C1-M2 too.
    assert preparation.headline_before["milestones"]["complete"] == 1
    assert preparation.headline_after["milestones"]["complete"] == 2
    rows = updates.headline_rows(preparation, "en")
    complete = rows[rows["figure"] == text.t("headline.milestones_complete", "en")].iloc[0]
    assert (complete["before"], complete["after"], complete["change"]) == ("1 of 5", "2 of 5", "+1")
    assert list(rows.columns) == ["figure", "before", "after", "change"]
    assert rows.iloc[0]["change"] != "±0"  # the figures that change come first


def test_preview_matches_participation_rows_on_their_key(tiny):
    records = read_records(TINY / "participation.csv")
    records.append(["2025-10-01", "volunteering", "", "", "7", "", "", ""])
    records = with_cell(records, 2, "participants", "1 300")
    preparation = updates.prepare(tiny, [Upload("participation.csv", csv_bytes(records), mode="replace")],
                                  as_of=AS_OF)
    (change,) = preparation.changes
    assert change.key == ("date", "activity", "commitment_id", "arrondissement", "age_group", "gender",
                          "record_id")
    assert list(change.added["participants"]) == ["7"] and change.removed.empty
    assert list(zip(change.changed["column"], change.changed["before"], change.changed["after"],
                    strict=True)) == [("participants", "1200", "1300")]


def test_preview_of_a_table_without_a_key_compares_whole_rows(tiny):
    records = read_records(TINY / "plan.csv")
    records = with_cell(records, 2, "name_en", "Another name")
    preparation = updates.prepare(tiny, [Upload("plan.csv", csv_bytes(records))], as_of=AS_OF)
    (change,) = preparation.changes
    assert change.key == ()
    assert list(change.added["name_en"]) == ["Another name"] and len(change.removed) == 1


def test_preview_when_the_current_folder_is_invalid(tiny):
    path = tiny / "milestones.csv"
    good = path.read_bytes()
    path.write_bytes(good.replace(b"2024-12-31", b"31/02/2024"))
    preparation = updates.prepare(tiny, [Upload("milestones.csv", good)], as_of=AS_OF)
    assert preparation.ok, preparation.problems
    assert preparation.headline_before is None and preparation.headline_after is not None
    (change,) = preparation.changes
    assert change.changed_rows == 1 and list(change.changed["after"]) == ["2024-12-31"]


# ---------------------------------------------------------------- publishing and history

def test_publish_writes_the_files_keeps_the_old_and_logs_it(tiny):
    original = (tiny / "milestones.csv").read_bytes()
    version = publish_cell(tiny, "C1-M2", "completed_date", "2025-09-01", reason="  juin :   bilan ")
    assert version == 1
    new = (tiny / "milestones.csv").read_bytes()
    assert new != original
    (entry,) = updates.history(tiny)
    assert list(entry) == list(updates.LOG_KEYS)
    assert entry["version"] == 1 and entry["action"] == "publish" and entry["file"] == "milestones.csv"
    assert entry["by"] == "alice@paris.fr" and entry["reason"] == "juin : bilan"
    assert entry["sha256_before"] == updates.sha256(original)
    assert entry["sha256_after"] == updates.sha256(new) and entry["rows"] == 5
    assert datetime.fromisoformat(entry["time"]).utcoffset().total_seconds() == 0
    assert updates.read_object(tiny, entry["sha256_before"]) == original
    # The loader does not see the history folder, and the folder still loads.
    report = inspect_folder(tiny)
    assert report.ok and {f.filename for f in report.files} == {t.filename for t in TABLES}
    assert updates.pending(tiny) is None
    assert not list(tiny.glob(f".*{atomic_file.TEMP_SUFFIX}"))


def test_versions_increase_and_one_publish_of_several_files_is_one_version(tiny):
    publish_cell(tiny, "C1-M2", "completed_date", "2025-09-01")
    institutions = read_records(tiny / "institutions.csv") + [["DTEC", "Direction", ""]]
    commitments = with_cell(read_records(tiny / "commitments.csv"), 2, "lead_institution", "DTEC")
    preparation = updates.prepare(tiny, [Upload("institutions.csv", csv_bytes(institutions)),
                                            Upload("commitments.csv", csv_bytes(commitments))])
    assert updates.publish(preparation, "bob@paris.fr", "DTEC pilote C1") == 2
    entries = updates.history(tiny)
    assert [(e["version"], e["file"]) for e in entries] == [
        (1, "milestones.csv"), (2, "institutions.csv"), (2, "commitments.csv")]


def test_publishing_identical_files_publishes_nothing(tiny):
    before = snapshot(tiny)
    preparation = updates.prepare(tiny, [Upload("milestones.csv", (tiny / "milestones.csv").read_bytes())])
    assert preparation.ok and preparation.files == {}
    assert updates.publish(preparation, "alice@paris.fr", "rien") is None
    assert updates.history(tiny) == []
    assert {k: v for k, v in snapshot(tiny).items() if not k.startswith(".history")} == before


@pytest.mark.parametrize("by, reason, code", [("", "r", "no_name"), ("a", "  ", "no_reason")])
def test_a_publish_needs_a_name_and_a_reason(tiny, by, reason, code):
    preparation = updates.prepare(tiny, [Upload("targets.csv", b"indicator,target,deadline\n"
                                                                  b"participants,5,2026-12-31\n")])
    before = snapshot(tiny)
    with pytest.raises(PublishRefused) as refused:
        updates.publish(preparation, by, reason)
    assert refused.value.code == code
    assert snapshot(tiny) == before


def test_reading_the_history_and_diffs_writes_nothing(tiny):
    publish_cell(tiny, "C1-M2", "completed_date", "2025-09-01")
    before = snapshot(tiny)
    updates.history(tiny)
    updates.refusals(tiny)
    updates.pending(tiny)
    updates.prepare_restore(tiny, 1, before=True)
    updates.prepare(tiny, [Upload("milestones.csv", b"garbage")])
    assert updates.recover(tiny) is None
    load_plan(tiny).connection.close()
    assert snapshot(tiny) == before


# ---------------------------------------------------------------- concurrency

def test_two_publishes_from_the_same_base_one_wins_one_is_refused_both_recorded(tiny):
    records = milestones_records()
    first = updates.prepare(tiny, [Upload("milestones.csv",
                                             csv_bytes(with_cell(records, 3, "title_en", "A")))])
    second = updates.prepare(tiny, [Upload("milestones.csv",
                                              csv_bytes(with_cell(records, 3, "title_en", "B")))])
    assert first.base == second.base
    assert updates.publish(first, "alice@paris.fr", "first") == 1
    winner = (tiny / "milestones.csv").read_bytes()
    with pytest.raises(PublishRefused) as refused:
        updates.publish(second, "bob@paris.fr", "second")
    assert refused.value.code == "stale"
    assert "milestones.csv" in refused.value.message("en")
    assert (tiny / "milestones.csv").read_bytes() == winner  # no lost update
    assert [e["reason"] for e in updates.history(tiny)] == ["first"]
    (refusal,) = updates.refusals(tiny)
    assert refusal["by"] == "bob@paris.fr" and refusal["reason"] == "second"
    assert refusal["changed_since_checked"] == ["milestones.csv"]
    assert refusal["expected"]["milestones.csv"] == second.base["milestones.csv"]
    assert refusal["found"]["milestones.csv"] == updates.sha256(winner)


def test_a_change_to_another_file_also_refuses_the_publish(tiny):
    """The references were checked against the other files: if one changed, check again."""
    preparation = updates.prepare(tiny, [Upload("milestones.csv", csv_bytes(
        with_cell(milestones_records(), 3, "title_en", "A")))])
    other = updates.prepare(tiny, [Upload("targets.csv", csv_bytes(
        with_cell(read_records(tiny / "targets.csv"), 2, "target", "20000")))])
    updates.publish(other, "bob@paris.fr", "cible")
    with pytest.raises(PublishRefused, match="stale"):
        updates.publish(preparation, "alice@paris.fr", "jalons")


def test_racing_publishers_in_threads_exactly_one_wins(tiny):
    records = milestones_records()
    preparations = [updates.prepare(tiny, [Upload("milestones.csv", csv_bytes(
        with_cell(records, 3, "title_en", f"title {n}")))]) for n in range(4)]
    barrier = threading.Barrier(len(preparations))
    outcomes: list[str] = []

    def race(preparation):
        barrier.wait()
        try:
            updates.publish(preparation, "x@paris.fr", "race")
            outcomes.append("won")
        except PublishRefused as error:
            outcomes.append(error.code)

    threads = [threading.Thread(target=race, args=(p,)) for p in preparations]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["stale", "stale", "stale", "won"]
    assert len(updates.history(tiny)) == 1 and len(updates.refusals(tiny)) == 3


def test_a_publisher_waits_for_the_lock_then_gives_up_clearly(tiny, monkeypatch):
    preparation = updates.prepare(tiny, [Upload("milestones.csv", csv_bytes(
        with_cell(milestones_records(), 3, "title_en", "A")))])
    (tiny / updates.HISTORY).mkdir()
    monkeypatch.setattr(store, "LOCK_TIMEOUT_SECONDS", 0.3)
    with open(tiny / updates.HISTORY / layout.LOCK, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(PublishRefused) as refused:
            updates.publish(preparation, "alice@paris.fr", "busy")
    assert refused.value.code == "busy"
    assert "another publish" in refused.value.message("en")
    assert updates.history(tiny) == []


READER = """
import hashlib, sys, time
from pathlib import Path
path, out, stop = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
seen = []
while not stop.exists():
    seen.append(hashlib.sha256(path.read_bytes()).hexdigest())
out.write_text("\\n".join(seen))
"""


def test_readers_during_100_publishes_never_see_a_torn_file(tiny, tmp_path):
    """A reader process hashes the file without pause while 100 versions are published: every
    hash it saw is one of the published versions (old or new, never a mix)."""
    records = milestones_records()
    target = tiny / "milestones.csv"
    published = {updates.sha256(target.read_bytes())}
    out, stop = tmp_path / "seen.txt", tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(target), str(out), str(stop)])
    try:
        for number in range(100):
            # Each version a different length, so that a mix of two would show.
            title = "Première session " + "x" * (number * 37 % 400)
            content = csv_bytes(with_cell(records, 3, "title_fr", title))
            base = {t.filename: updates.file_sha256(tiny / t.filename) for t in TABLES}
            preparation = updates.Preparation(
                tiny, "publish", AS_OF,
                candidates=[updates.Candidate("milestones.csv", "milestones", "csv", content)],
                base=base, rows={"milestones.csv": 5})
            updates.publish(preparation, "loop@paris.fr", f"publish {number}")
            published.add(updates.sha256(content))
    finally:
        stop.touch()
        reader.wait(timeout=60)
    seen = out.read_text().split("\n")
    assert len(seen) > 100
    assert set(seen) <= published
    assert len(set(seen)) > 10  # the reader did run during the publishes
    assert len(updates.versions(updates.history(tiny))) == 100
    load_plan(tiny).connection.close()


# ---------------------------------------------------------------- restore and diff

def test_restore_round_trips_byte_for_byte(tiny):
    original = (tiny / "milestones.csv").read_bytes()
    xlsx_version = updates.prepare(tiny, [Upload("jalons.xlsx", workbook(typed_milestones(
        datetime(2025, 9, 1))))])
    assert updates.publish(xlsx_version, "alice@paris.fr", "depuis Excel") == 1
    after_one = (tiny / "milestones.csv").read_bytes()
    french = (FRENCH_EXCEL / "milestones.csv").read_bytes()
    assert updates.publish(updates.prepare(tiny, [Upload("milestones.csv", french)]),
                              "bob@paris.fr", "export Excel") == 2
    assert (tiny / "milestones.csv").read_bytes() == french

    assert updates.restore(tiny, 1, "carol@paris.fr", "retour à la v1") == 3
    assert (tiny / "milestones.csv").read_bytes() == after_one
    assert updates.restore(tiny, 1, "carol@paris.fr", "avant la v1", before=True) == 4
    assert (tiny / "milestones.csv").read_bytes() == original
    assert updates.restore(tiny, 2, "carol@paris.fr", "la v2") == 5
    assert (tiny / "milestones.csv").read_bytes() == french
    entries = updates.history(tiny)
    assert [e["action"] for e in entries] == ["publish", "publish", "restore", "restore", "restore"]
    assert entries[3]["sha256_after"] == entries[0]["sha256_before"]


def test_diff_of_a_version_against_the_current_files(tiny):
    publish_cell(tiny, "C1-M2", "completed_date", "2025-09-01")
    publish_cell(tiny, "C1-M3", "title_en", "Final report (v2)")
    diff = updates.prepare_restore(tiny, 1, as_of=AS_OF)
    (change,) = diff.changes
    assert list(zip(change.changed["column"], change.changed["before"], change.changed["after"],
                    strict=True)) == [("title_en", "Final report (v2)", "Final report")]
    nothing = updates.prepare_restore(tiny, 2)
    assert nothing.ok and nothing.files == {}


def test_restore_is_validated_with_the_current_files(tiny):
    """A version whose references no longer hold is not restored: its problems are listed."""
    records = milestones_records() + [["C1-M4", "C1", "Nouveau", "", "", "2025-01-01", "2025-12-31",
                                       "", "", ""]]
    updates.publish(updates.prepare(tiny, [Upload("milestones.csv", csv_bytes(records))]),
                       "a@paris.fr", "ajout C1-M4")
    progress = read_records(tiny / "progress_updates.csv") + [["2025-10-20", "C1-M4", "10", "", ""]]
    updates.publish(updates.prepare(tiny, [Upload("progress_updates.csv", csv_bytes(progress))]),
                       "a@paris.fr", "point C1-M4")
    before = snapshot(tiny)
    preparation = updates.prepare_restore(tiny, 1, before=True)
    assert {(p.file, p.code, p.value) for p in preparation.problems} == {
        ("progress_updates.csv", "unknown_reference", "C1-M4")}
    with pytest.raises(PublishRefused, match="invalid"):
        updates.publish(preparation, "a@paris.fr", "retour")
    assert snapshot(tiny) == before


def test_unknown_version_and_a_file_that_did_not_exist(tiny):
    with pytest.raises(PublishRefused) as refused:
        updates.prepare_restore(tiny, 7)
    assert refused.value.message("en") == "There is no version 7 in the history."
    (tiny / "targets.csv").unlink()
    updates.publish(updates.prepare(tiny, [Upload("targets.csv", (TINY / "targets.csv").read_bytes())]),
                       "a@paris.fr", "cibles")
    (entry,) = updates.history(tiny)
    assert entry["sha256_before"] is None
    preparation = updates.prepare_restore(tiny, 1, before=True)
    assert [p.code for p in preparation.problems] == ["restore_absent"]


def test_history_table_for_people(tiny):
    publish_cell(tiny, "C1-M2", "completed_date", "2025-09-01")
    table = updates.history_table(updates.history(tiny), "fr")
    assert list(table.columns) == ["version", "time", "by", "action", "file", "rows", "reason",
                                   "sha256_before", "sha256_after"]
    assert table.iloc[0]["action"] == "publication" and len(table.iloc[0]["sha256_after"]) == 12
    labels = updates.version_labels(updates.history(tiny), "en")
    assert list(labels) == [1] and "alice@paris.fr" in labels[1] and "milestones.csv" in labels[1]


def test_the_log_is_json_lines_with_exactly_the_documented_keys(tiny):
    publish_cell(tiny, "C1-M2", "completed_date", "2025-09-01")
    lines = (tiny / updates.HISTORY / updates.LOG).read_text(encoding="utf-8").splitlines()
    assert [list(json.loads(line)) for line in lines] == [list(updates.LOG_KEYS)]
