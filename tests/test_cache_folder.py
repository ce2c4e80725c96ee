"""The load cache keeps its files only where nobody else can write (issue 15, finding 7).

Before: the cache's fallback folder in /tmp had a predictable name and its owner was not checked.
Another user could create it first and plant a cache file for the plan's key (the key is a hash
of public things: the files' contents and the code), so that the dashboard showed their figures.
Now a cache folder is created 0700 and used only if it is ours and writable by nobody else.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import stat
import tempfile
from pathlib import Path

import duckdb
import pytest
from helpers import set_cell

from ogp_metrics.ingest import cache as load_cache
from ogp_metrics.ingest import private_folder
from ogp_metrics.ingest.cache import load_plan_cached

PLANTED_PARTICIPANTS = 999_999


def plant(folder: Path, target: Path, scratch: Path) -> Path:
    """In `target`, a cache file for `folder`'s key whose tables say something else, made as an
    attacker would: cache a doctored copy, then give it the real key and a matching name."""
    doctored = scratch / "doctored"
    shutil.copytree(folder, doctored)
    set_cell(doctored, "participation.csv", 2, "participants", str(PLANTED_PARTICIPANTS))
    built = scratch / "built"
    load_plan_cached(doctored, built).connection.close()
    (made,) = built.glob("plan-*.duckdb")
    key, _hashes = load_cache.cache_key(folder)
    with duckdb.connect(str(made)) as connection:
        connection.execute(f"UPDATE {load_cache._META} SET key = $key", {"key": key})
    digest = hashlib.sha256(made.read_bytes()).hexdigest()
    planted = target / f"plan-{key}-{digest}.duckdb"
    shutil.move(made, planted)
    return planted


def participants(plan) -> int:
    return plan.cursor().execute("SELECT participants FROM participation ORDER BY _row").fetchone()[0]


@pytest.fixture
def only_the_fallback(monkeypatch, tmp_path):
    """The cache folder candidates reduced to the /tmp fallback (in a private temporary folder)."""
    monkeypatch.delenv("OGP_CACHE_DIR", raising=False)
    home = tmp_path / "home"
    home.write_text("")  # a file: ~/.cache cannot be created (even by root), the fallback is next
    monkeypatch.setenv("HOME", str(home))
    system_tmp = tmp_path / "tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    private_folder._warned.clear()
    return system_tmp / f"ogp-metrics-cache-{os.getuid()}"


def test_a_cache_planted_in_a_folder_others_can_write_is_not_used(tiny, tmp_path, only_the_fallback,
                                                                  caplog):
    fallback = only_the_fallback
    fallback.mkdir()
    fallback.chmod(0o777)  # created first by someone else's umask, or on purpose
    plant(tiny, fallback, tmp_path)
    caplog.set_level(logging.WARNING, logger="ogp_metrics.cache")
    plan = load_plan_cached(tiny)
    assert participants(plan) == 1200  # tiny's own figure, not the planted 999,999
    assert any(f"Cache folder {fallback} not used: it can be written by others (mode 777)" in record.message
               for record in caplog.records)


@pytest.mark.skipif(os.getuid() != 0, reason="giving a folder to another user needs root")
def test_a_cache_folder_owned_by_someone_else_is_not_used(tiny, tmp_path, only_the_fallback, caplog):
    fallback = only_the_fallback
    fallback.mkdir(mode=0o700)
    plant(tiny, fallback, tmp_path)
    os.chown(fallback, 4242, 4242)
    caplog.set_level(logging.WARNING, logger="ogp_metrics.cache")
    assert participants(load_plan_cached(tiny)) == 1200
    assert any("belongs to user id 4242" in record.message for record in caplog.records)


def test_a_new_cache_folder_is_private_and_an_own_open_one_is_tightened(tiny, tmp_path, monkeypatch):
    created = tmp_path / "new" / "cache"
    load_plan_cached(tiny, created).connection.close()
    assert stat.S_IMODE(created.stat().st_mode) == 0o700
    assert len(list(created.glob("plan-*.duckdb"))) == 1
    readable = tmp_path / "readable"
    readable.mkdir(mode=0o755)
    readable.chmod(0o755)
    load_plan_cached(tiny, readable).connection.close()
    assert stat.S_IMODE(readable.stat().st_mode) == 0o700
