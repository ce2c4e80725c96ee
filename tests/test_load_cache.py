"""The load cache: same plan as `load_plan`, hit, miss on change, damaged cache rebuilt,
invalid folder never cached, nothing written under the data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ogp_metrics.contract.schema import TABLES
from ogp_metrics.ingest import cache as load_cache
from ogp_metrics.ingest.cache import load_plan_cached
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.ingest.problems import DataFolderError


def _snapshot(folder: Path) -> dict:
    return {path.relative_to(folder): (path.stat().st_size, path.stat().st_mtime_ns)
            for path in folder.rglob("*")}


def _cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("plan-*.duckdb"))


def _same_plan(first, second) -> None:
    assert first.report.files == second.report.files
    assert first.report.problems == second.report.problems == []
    for table in TABLES:
        query = f"SELECT * FROM {table.name} ORDER BY _row"
        assert first.connection.execute(query).df().equals(second.connection.execute(query).df())
        assert [row[:2] for row in first.connection.execute(f"DESCRIBE {table.name}").fetchall()] == \
            [row[:2] for row in second.connection.execute(f"DESCRIBE {table.name}").fetchall()]


@pytest.fixture
def spy(monkeypatch):
    """Counts the real loads (cache misses)."""
    calls = []
    real = load_cache.load.load_plan

    def counting(folder, **options):
        calls.append(folder)
        return real(folder, **options)

    monkeypatch.setattr(load_cache.load, "load_plan", counting)
    return calls


def test_hit_gives_the_same_plan_as_load_plan(tiny: Path, tmp_path: Path, spy) -> None:
    cache = tmp_path / "cache"
    before = _snapshot(tiny)
    first = load_plan_cached(tiny, cache)
    second = load_plan_cached(tiny, cache)
    assert len(spy) == 1 and len(_cache_files(cache)) == 1
    reference = load_plan(tiny)
    _same_plan(reference, first)
    _same_plan(reference, second)
    assert second.version == reference.version
    assert _snapshot(tiny) == before  # nothing written under the data folder


def test_a_changed_file_is_loaded_again(tiny: Path, tmp_path: Path, spy) -> None:
    cache = tmp_path / "cache"
    load_plan_cached(tiny, cache)
    path = tiny / "participation.csv"
    path.write_text(path.read_text(encoding="utf-8") + "2025-01-01,other,,,7,,,\n", encoding="utf-8")
    plan = load_plan_cached(tiny, cache)
    assert len(spy) == 2
    _same_plan(load_plan(tiny), plan)
    os.utime(path)  # touched, same content: still a hit
    load_plan_cached(tiny, cache)
    assert len(spy) == 2


@pytest.mark.parametrize("damage", ["truncate", "garble", "empty"])
def test_a_damaged_cache_is_thrown_away_and_rebuilt(tiny: Path, tmp_path: Path, spy,
                                                    damage: str) -> None:
    cache = tmp_path / "cache"
    load_plan_cached(tiny, cache)
    (path,) = _cache_files(cache)
    data = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "garble":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes(b ^ 0xFF for b in data[middle:middle + 4096])
                         + data[middle + 4096:])
    else:
        path.write_bytes(b"")
    plan = load_plan_cached(tiny, cache)
    assert len(spy) == 2
    _same_plan(load_plan(tiny), plan)
    assert len(_cache_files(cache)) == 1
    load_plan_cached(tiny, cache)
    assert len(spy) == 2  # the rebuilt cache is used


def test_an_invalid_folder_is_never_cached(tiny: Path, tmp_path: Path, spy) -> None:
    cache = tmp_path / "cache"
    path = tiny / "milestones.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("2024-12-31", "31/02/2024"),
                    encoding="utf-8")
    for _attempt in range(2):
        with pytest.raises(DataFolderError):
            load_plan_cached(tiny, cache)
    assert len(spy) == 2
    assert _cache_files(cache) == []
    with pytest.raises(DataFolderError):
        load_plan_cached(tmp_path / "missing", cache)


def test_cache_folder_is_never_inside_the_data_folder(tiny: Path, monkeypatch) -> None:
    monkeypatch.setenv("OGP_CACHE_DIR", str(tiny / "cache"))
    before = _snapshot(tiny)
    load_plan_cached(tiny, tiny / "cache")
    assert _snapshot(tiny) == before
    assert not (tiny / "cache").exists()


def test_a_change_is_seen_even_with_the_old_size_and_modification_time(tiny: Path, tmp_path: Path,
                                                                       spy) -> None:
    cache = tmp_path / "cache"
    load_plan_cached(tiny, cache)
    path = tiny / "participation.csv"
    stat = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("1200", "1300", 1), encoding="utf-8")  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # old modification time put back
    plan = load_plan_cached(tiny, cache)
    assert len(spy) == 2
    _same_plan(load_plan(tiny), plan)
