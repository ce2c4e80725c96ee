"""Every command opens the data folder through the content-keyed cache: an unchanged folder is
read and checked once, whatever the commands that follow; `--no-cache` reads it again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import TINY

from ogp_metrics.cli.main import main
from ogp_metrics.ingest import load


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("OGP_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def full_reads(monkeypatch) -> list[Path]:
    """The folders read and checked in full (cache misses)."""
    reads: list[Path] = []
    real = load._load

    def counting(folder, database=None):
        reads.append(folder)
        return real(folder, database)

    monkeypatch.setattr(load, "_load", counting)
    return reads


def run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_validate_answers_from_the_cache_and_says_so(tiny, cache, full_reads, capsys):
    code, out = run(capsys, "validate", str(tiny), "--verbose")
    assert code == 0 and "Tous les fichiers ont été lus et vérifiés" in out
    code, out = run(capsys, "validate", str(tiny), "--verbose", "--lang", "en")
    assert code == 0 and "Answered from the cache" in out and str(cache) in out
    assert "participation.csv: 8 rows" in out  # the rows counted when it was checked
    assert len(full_reads) == 1
    code, out = run(capsys, "validate", str(tiny), "--verbose", "--no-cache")
    assert code == 0 and "Tous les fichiers ont été lus et vérifiés" in out
    assert len(full_reads) == 2
    code, out = run(capsys, "validate", str(tiny))
    assert code == 0 and "cache" not in out  # said only with --verbose
    assert len(full_reads) == 2


def test_every_command_reads_an_unchanged_folder_once(tiny, cache, full_reads, capsys, tmp_path):
    as_of = ["--as-of", "2025-06-30"]
    code, first = run(capsys, "summary", str(tiny), "--json", *as_of)
    assert code == 0
    assert run(capsys, "report", str(tiny), *as_of, "--out", str(tmp_path / "b.pdf"))[0] == 0
    assert run(capsys, "publish", str(tiny), *as_of, "--out", str(tmp_path / "site"))[0] == 0
    assert run(capsys, "export", "meetings", str(tiny), *as_of, "--out", str(tmp_path / "m.csv"))[0] == 0
    assert run(capsys, "validate", str(tiny))[0] == 0
    code, again = run(capsys, "summary", str(tiny), "--json", *as_of)
    assert code == 0 and json.loads(again) == json.loads(first)
    assert full_reads == [tiny]


def test_a_changed_file_is_read_again(tiny, cache, full_reads, capsys):
    assert run(capsys, "summary", str(tiny), "--json")[0] == 0
    path = tiny / "participation.csv"
    path.write_text(path.read_text(encoding="utf-8") + "2025-01-01,other,,,7,,,\n", encoding="utf-8")
    assert run(capsys, "summary", str(tiny), "--json")[0] == 0
    assert len(full_reads) == 2


def test_an_invalid_folder_is_checked_every_time(tiny, cache, full_reads, capsys):
    path = tiny / "meetings.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2024-", "hier-", 1), encoding="utf-8")
    for _attempt in range(2):
        assert main(["summary", str(tiny), "--json"]) == 1
        assert "meetings.csv" in capsys.readouterr().err
    assert len(full_reads) == 2
    assert not list(cache.glob("plan-*.duckdb"))


def test_an_import_leaves_the_published_folder_in_the_cache(tiny, cache, capsys):
    upload = TINY / "participation.csv"
    text = upload.read_text(encoding="utf-8") + "2025-02-01,other,,,9,,,\n"
    new = tiny.parent / "participation.csv"
    new.write_text(text, encoding="utf-8")
    code = main(["import", str(new), "--data", str(tiny), "--by", "Test", "--reason", "one more row"])
    assert code == 0
    capsys.readouterr()
    code, out = run(capsys, "validate", str(tiny), "--verbose", "--lang", "en")
    assert code == 0 and "Answered from the cache" in out
