"""The data folder's files get the uploads' caps, and clear words (issue 15, findings 5 and 7).

Before: a 0.7 MB `targets.csv` with 100,000 columns took 18 s and 1.2 GB to validate (the upload
path capped columns at 50, the folder path did not); a row of 300,000 cells under a 4-column
header took many minutes; a symlinked `plan.csv` pointing at a device was taken for an absent
file; a 3 MB cell was reported as "an unclosed quote?"; a Windows-1252 file behind a UTF-8 mark
was reported as a missing first column.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from helpers import csv_text, messages, only_problem, read_records, set_cell, snapshot

from ogp_metrics import updates
from ogp_metrics.ingest import limits
from ogp_metrics.ingest.problems import describe_problem


def timed_problem(folder: Path):
    started = time.monotonic()
    problem = only_problem(folder)
    return problem, time.monotonic() - started


def test_a_100000_column_file_is_refused_at_its_header(tiny):
    header = "indicator,target,deadline,commitment_id," + ",".join(f"c{n:05d}" for n in range(100_000))
    (tiny / "targets.csv").write_text(header + "\nparticipants,1,2026-12-31,\n", encoding="utf-8")
    assert (tiny / "targets.csv").stat().st_size > 700_000
    problem, seconds = timed_problem(tiny)
    assert (problem.code, problem.file, problem.row) == ("header_too_long", "targets.csv", 1)
    assert seconds < 5


def test_a_header_wider_than_the_cap_is_refused(tiny):
    header = "indicator,target,deadline,commitment_id," + ",".join(f"x{n}" for n in range(47))
    (tiny / "targets.csv").write_text(header + "\nparticipants,1,2026-12-31,\n", encoding="utf-8")
    problem = only_problem(tiny)
    assert (problem.code, problem.row) == ("too_many_columns", 1)
    assert describe_problem(problem, "en") == (
        "targets.csv, row 1: More than 50 columns (row 1): delete the columns not needed.")


def test_a_row_of_300000_cells_under_a_narrow_header_is_refused_quickly(tiny):
    rows = ["indicator,target,deadline,commitment_id",
            "participants,10000,2026-12-31," + ",x" * 300_000, "milestones_complete,2,2025-12-31,C2"]
    (tiny / "targets.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    problem, seconds = timed_problem(tiny)
    assert (problem.code, problem.row) == ("too_many_columns", 2)
    assert seconds < 10


def test_a_ragged_row_within_the_cap_is_still_reported_as_ragged(tiny):
    records = read_records(tiny / "targets.csv")
    records[1].append("extra")
    (tiny / "targets.csv").write_text(csv_text(records), encoding="utf-8")
    problem = only_problem(tiny)
    assert (problem.code, problem.row, problem.details["found"]) == ("ragged_row", 2, "5")


def test_a_file_over_the_folder_s_size_cap_is_refused(tiny, monkeypatch):
    size = (tiny / "meetings.csv").stat().st_size  # the largest of tiny's files
    monkeypatch.setenv(limits.MAX_FILE_ENV, str((size - 1) / 1024 / 1024))
    problem = only_problem(tiny)
    assert (problem.code, problem.file) == ("file_too_large", "meetings.csv")


def test_a_plan_file_linked_to_a_device_is_refused_not_taken_as_absent(tiny):
    (tiny / "plan.csv").unlink()
    os.symlink("/dev/zero", tiny / "plan.csv")
    problem = only_problem(tiny)
    assert (problem.code, problem.file) == ("not_regular_file", "plan.csv")
    # Publishing reads the current files: refused too, in words, without reading the device.
    upload = updates.Upload("milestones.csv", (tiny / "milestones.csv").read_bytes())
    preparation = updates.prepare(tiny, [upload])
    assert [problem.code for problem in preparation.problems] == ["not_regular_file"]


def test_a_link_to_nothing_is_refused_too(tiny):
    (tiny / "plan.csv").unlink()
    os.symlink(tiny / "no-such-file.csv", tiny / "plan.csv")
    assert only_problem(tiny).code == "not_regular_file"


def test_a_3_mb_cell_is_called_too_long_not_an_unclosed_quote(tiny):
    set_cell(tiny, "milestones.csv", 2, "title_fr", "x" * 3_000_000)
    problem = only_problem(tiny)
    assert (problem.code, problem.row) == ("row_too_long", 2)
    assert describe_problem(problem, "en").startswith(
        "milestones.csv, row 2: This row is longer than 2 MB: a cell too long, or a quote opened")


def test_a_windows_1252_file_behind_a_utf8_mark_is_named_as_such(tiny):
    records = read_records(tiny / "institutions.csv")
    before = snapshot(tiny)
    text = csv_text(records, separator=";")
    (tiny / "institutions.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("cp1252"))
    found = messages(tiny, "en")
    assert found == ["institutions.csv, row 2: The file starts with the UTF-8 mark (BOM) but byte 0xE9 "
                     "on this row is not UTF-8: it was saved as Windows-1252 and then marked. Save it "
                     "as “CSV UTF-8”."]
    assert snapshot(tiny).keys() == before.keys()  # nothing written into the folder


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_new_problem_has_words(lang):
    from ogp_metrics.ingest.problems import Problem

    for code, details in {"not_regular_file": {}, "file_too_large": {"size": "3", "limit": "1"},
                          "header_too_long": {"limit": "64"}, "row_too_long": {"limit": "2"},
                          "bom_not_utf8": {"byte": "0xE9"}}.items():
        words = describe_problem(Problem("plan.csv", code, row=2, details=details), lang)
        assert "{" not in words and "problem." not in words
