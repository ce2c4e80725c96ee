"""`python -m ogp_metrics import | history | restore`: exit codes, messages, the JSON log."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import FRENCH_EXCEL, ROOT, TINY, csv_text, read_records, snapshot

from ogp_metrics import updates
from ogp_metrics.cli.main import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def write(path: Path, records: list[list[str]]) -> Path:
    path.write_text(csv_text(records), encoding="utf-8")
    return path


@pytest.fixture
def completed(tmp_path: Path) -> Path:
    """An upload: tiny's milestones with C1-M2 completed, under a name people give files."""
    records = read_records(TINY / "milestones.csv")
    records[2][records[0].index("completed_date")] = "2025-09-01"
    return write(tmp_path / "Milestones (2).CSV", records)


def test_import_publishes_and_history_lists_it(tiny, completed, capsys):
    code, out, err = run(capsys, "import", str(completed), "--data", str(tiny), "--by", "alice@paris.fr",
                         "--reason", "bilan de juin", "--lang", "en")
    assert code == 0, err
    assert ("milestones.csv ← Milestones (2).CSV (file replaced): 0 added, 0 removed, 1 changed, "
            "0 already there (skipped)") in out
    assert "Version 1 published." in out
    assert (tiny / "milestones.csv").read_bytes() == completed.read_bytes()

    code, out, _err = run(capsys, "history", "--data", str(tiny), "--json")
    assert code == 0
    (entry,) = json.loads(out)
    assert list(entry) == ["version", "time", "by", "reason", "action", "file", "sha256_before",
                           "sha256_after", "rows"]
    assert [entry[key] for key in ("version", "by", "reason", "action", "file", "rows")] == [
        1, "alice@paris.fr", "bilan de juin", "publish", "milestones.csv", 5]

    code, out, _err = run(capsys, "history", "--data", str(tiny))
    assert code == 0 and "alice@paris.fr" in out and "milestones.csv" in out


def test_import_of_a_bad_file_lists_the_problems_and_changes_nothing(tiny, tmp_path, capsys):
    records = read_records(TINY / "milestones.csv")
    records[3][records[0].index("due_date")] = "31/02/2026"
    bad = write(tmp_path / "jalons.csv", records)
    before = snapshot(tiny)
    code, out, err = run(capsys, "import", str(bad), "--data", str(tiny), "--by", "a", "--reason", "r",
                         "--lang", "en")
    assert code == 1
    assert "Refused: 1 problem. Nothing was changed." in err
    assert "jalons.csv, row 4, column “due_date”: “31/02/2026” is not a date" in err
    assert snapshot(tiny) == before


def test_import_of_a_french_excel_csv_and_an_explicit_table(tiny, tmp_path, capsys):
    export = tmp_path / "export.csv"
    export.write_bytes((FRENCH_EXCEL / "progress_updates.csv").read_bytes().replace(b"11,25", b"12,5"))
    code, out, err = run(capsys, "import", str(export), "--table", "export.csv=progress_updates",
                         "--data", str(tiny), "--by", "a", "--reason", "r", "--lang", "en")
    assert code == 0, err
    assert "progress_updates.csv ← export.csv (file replaced): 0 added, 0 removed, 1 changed" in out
    assert (tiny / "progress_updates.csv").read_bytes() == export.read_bytes()


def test_import_of_identical_files_publishes_nothing(tiny, capsys):
    code, out, _err = run(capsys, "import", str(TINY / "milestones.csv"), "--data", str(tiny),
                          "--by", "a", "--reason", "r", "--lang", "en")
    assert code == 0 and "nothing to publish" in out
    assert updates.history(tiny) == []


@pytest.mark.parametrize("argv", [
    ["import", "milestones.csv", "--by", "a"],  # no --reason
    ["import", "milestones.csv", "--reason", "r"],  # no --by
    ["import", "milestones.csv", "--by", "a", "--reason", "   "],
    ["import", "milestones.csv", "--by", " ", "--reason", "r"],
    ["import", "milestones.csv", "--by", "a", "--reason", "x" * 201],
    ["import", "no-such-file.csv", "--by", "a", "--reason", "r"],
    ["import", "milestones.csv", "--table", "milestones.csv=jalons", "--by", "a", "--reason", "r"],
    ["restore", "one", "--by", "a", "--reason", "r"],
    ["restore", "1", "--by", "a"],
    ["history", "--unknown"],
])
def test_usage_errors_exit_2_and_change_nothing(tiny, capsys, monkeypatch, argv):
    monkeypatch.chdir(TINY)
    before = snapshot(tiny)
    code, _out, err = run(capsys, *argv, "--data", str(tiny))
    assert code == 2
    assert err.strip()
    assert snapshot(tiny) == before


def test_restore_round_trips_and_is_logged(tiny, completed, capsys):
    original = (tiny / "milestones.csv").read_bytes()
    assert run(capsys, "import", str(completed), "--data", str(tiny), "--by", "a", "--reason", "v1")[0] == 0
    code, out, err = run(capsys, "restore", "1", "--before", "--data", str(tiny), "--by", "b@paris.fr",
                         "--reason", "annuler v1", "--lang", "en")
    assert code == 0, err
    assert "Version 2 published." in out
    assert (tiny / "milestones.csv").read_bytes() == original
    code, out, _err = run(capsys, "restore", "1", "--data", str(tiny), "--by", "b", "--reason", "refaire")
    assert code == 0
    assert (tiny / "milestones.csv").read_bytes() == completed.read_bytes()
    entries = json.loads(run(capsys, "history", "--data", str(tiny), "--json")[1])
    assert [(e["version"], e["action"]) for e in entries] == [(1, "publish"), (2, "restore"), (3, "restore")]


def test_restore_of_an_unknown_version_is_refused(tiny, capsys):
    code, _out, err = run(capsys, "restore", "9", "--data", str(tiny), "--by", "a", "--reason", "r",
                          "--lang", "en")
    assert code == 1 and "There is no version 9" in err


def test_history_of_refusals(tiny, completed, capsys):
    first = updates.prepare(tiny, [updates.Upload("milestones.csv", completed.read_bytes())])
    second = updates.prepare(tiny, [updates.Upload("milestones.csv", completed.read_bytes()
                                                         .replace(b"First session", b"Session 1"))])
    updates.publish(first, "a", "first")
    with pytest.raises(updates.PublishRefused):
        updates.publish(second, "b", "second")
    code, out, _err = run(capsys, "history", "--data", str(tiny), "--refused", "--json")
    (refusal,) = json.loads(out)
    assert code == 0 and refusal["by"] == "b" and refusal["changed_since_checked"] == ["milestones.csv"]
    assert [e["reason"] for e in json.loads(run(capsys, "history", "--data", str(tiny), "--json")[1])] == [
        "first"]


def test_the_command_runs_as_a_module(tiny, completed):
    """`python -m ogp_metrics` finds the staff commands by itself (they live in cli_staff.py)."""
    result = subprocess.run([sys.executable, "-m", "ogp_metrics", "import", str(completed),
                             "--data", str(tiny), "--by", "a", "--reason", "r", "--lang", "en"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    result = subprocess.run([sys.executable, "-m", "ogp_metrics", "history", "--data", str(tiny), "--json"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert [e["version"] for e in json.loads(result.stdout)] == [1]
