"""A publish killed (SIGKILL) at each step of the commit leaves each file old or new, whole and
readable, and a consistent log; the next publish (or `recover`) finishes or forgets it.

The real command line publishes two files; `OGP_PUBLISH_PAUSE_AT=<step>` makes it stop at a
named step and wait, so that the kill lands exactly there.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT, TINY, csv_text, read_records

from ogp_metrics import updates
from ogp_metrics.ingest import atomic_file
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.updates import PublishRefused, store

FILES = ("milestones.csv", "progress_updates.csv")
# In commit order: before the intent is written nothing happened; after it, the publish is decided.
STEPS = ("locked", "objects_written", "intent_written",
         "temp_written:milestones.csv", "replaced:milestones.csv",
         "temp_written:progress_updates.csv", "replaced:progress_updates.csv",
         "logged", "intent_cleared")
DECIDED_FROM = STEPS.index("intent_written")
pytestmark = pytest.mark.slow


def new_versions(tmp_path: Path) -> dict[str, Path]:
    """Two files to publish together: C1-M2 completed, and one more progress update."""
    milestones = read_records(TINY / "milestones.csv")
    milestones[2][milestones[0].index("completed_date")] = "2025-09-01"
    progress = read_records(TINY / "progress_updates.csv") + [["2025-11-01", "C1-M3", "40", "", "DDCT"]]
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    (uploads / "milestones.csv").write_text(csv_text(milestones), encoding="utf-8")
    (uploads / "progress_updates.csv").write_text(csv_text(progress), encoding="utf-8")
    return {name: uploads / name for name in FILES}


def start_paused(command: list[str], step: str) -> subprocess.Popen:
    environment = {**os.environ, updates.PAUSE_ENV: step, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "ogp_metrics", *command], cwd=ROOT, env=environment,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def kill_when_paused(process: subprocess.Popen, step: str) -> None:
    marker = f"ogp-publish-paused:{step}"
    lines = []
    for line in process.stderr:
        lines.append(line)
        if line.strip() == marker:
            break
    else:
        process.wait(timeout=30)
        raise AssertionError(f"the publisher never reached {step}: {''.join(lines)}")
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL


def assert_consistent(folder: Path, old: dict[str, bytes], new: dict[str, bytes]) -> str:
    """Each file old or new; the log's lines whole; the log agrees with the files (or an intent
    explains the difference). Returns "old", "new" or "pending"."""
    current = {name: (folder / name).read_bytes() for name in FILES}
    for name in FILES:
        assert current[name] in (old[name], new[name]), f"{name} is neither the old nor the new version"
    load_plan(folder).connection.close()  # readable as a whole folder, too
    log = folder / updates.HISTORY / updates.LOG
    if log.exists():
        for line in log.read_bytes().splitlines():
            json.loads(line)  # a kill never tears a line
    entries = updates.history(folder)
    intent = updates.pending(folder)
    if intent is not None:
        assert {e["file"]: e["sha256_after"] for e in intent["entries"]} == {
            name: updates.sha256(new[name]) for name in FILES}
        assert all(e["version"] == 1 for e in entries)
        return "pending"
    if entries:
        assert {e["file"]: e["sha256_after"] for e in entries} == {
            name: updates.sha256(current[name]) for name in FILES}
        assert current == new
        return "new"
    assert current == old
    return "old"


@pytest.fixture(scope="module")
def crashed(tmp_path_factory) -> dict[str, tuple[Path, dict, dict, str]]:
    """One folder per step, each with a publisher killed at that step (all run side by side)."""
    base = tmp_path_factory.mktemp("crash")
    uploads = new_versions(base)
    new = {name: path.read_bytes() for name, path in uploads.items()}
    old = {name: (TINY / name).read_bytes() for name in FILES}
    runs = {}
    for number, step in enumerate(STEPS):
        folder = base / f"data{number}"
        shutil.copytree(TINY, folder)
        command = ["import", *map(str, uploads.values()), "--data", str(folder), "--by", "crash@paris.fr",
                   "--reason", f"killed at {step}"]
        runs[step] = (folder, start_paused(command, step))
    results = {}
    for step, (folder, process) in runs.items():
        if step == "intent_written":
            # While one publisher holds the lock, another one waits, then gives up clearly.
            store.LOCK_TIMEOUT_SECONDS, saved = 0.5, store.LOCK_TIMEOUT_SECONDS
            try:
                for line in process.stderr:
                    if line.strip() == f"ogp-publish-paused:{step}":
                        break
                with pytest.raises(PublishRefused) as refused:
                    updates.recover(folder)
                assert refused.value.code == "busy"
            finally:
                store.LOCK_TIMEOUT_SECONDS = saved
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        else:
            kill_when_paused(process, step)
        results[step] = (folder, old, new, assert_consistent(folder, old, new))
    return results


@pytest.mark.parametrize("step", STEPS)
def test_a_publish_killed_at_each_step_leaves_old_or_new_and_a_consistent_log(crashed, step):
    folder, old, new, state = crashed[step]
    expected = "old" if STEPS.index(step) < DECIDED_FROM else ("new" if step == "intent_cleared" else
                                                               "pending")
    assert state == expected
    # The next writer finishes (or forgets) the interrupted publish.
    completed = updates.recover(folder)
    assert completed == (1 if expected == "pending" else None)
    final = assert_consistent(folder, old, new)
    assert final == ("old" if expected == "old" else "new")
    assert not list(folder.glob(f".*{atomic_file.TEMP_SUFFIX}"))
    if final == "new":
        entries = updates.history(folder)
        assert [(e["version"], e["file"]) for e in entries] == [(1, name) for name in FILES]
        for entry in entries:  # the old version of each file is kept
            assert updates.read_object(folder, entry["sha256_before"]) == old[entry["file"]]
    else:
        assert updates.history(folder) == []


def test_a_torn_log_line_is_cut_and_the_version_logged_whole(tiny):
    """Power lost in the middle of the log write: recovery cuts the torn tail and logs again."""
    milestones = (tiny / "milestones.csv").read_bytes()
    new = milestones.replace(b"Final report", b"Final report (v2)")
    history_dir = tiny / updates.HISTORY
    (history_dir / updates.OBJECTS).mkdir(parents=True)
    for data in (milestones, new):
        (history_dir / updates.OBJECTS / updates.sha256(data)).write_bytes(data)
    entry = {"version": 1, "time": "2026-01-01T00:00:00+00:00", "by": "a", "reason": "r",
             "action": "publish", "file": "milestones.csv", "sha256_before": updates.sha256(milestones),
             "sha256_after": updates.sha256(new), "rows": 5}
    (history_dir / updates.PENDING).write_text(json.dumps({"version": 1, "entries": [entry]}))
    (history_dir / updates.LOG).write_bytes(json.dumps(entry).encode()[:40])
    assert updates.history(tiny) == []  # a torn line is not a record
    assert updates.recover(tiny) == 1
    assert updates.history(tiny) == [entry]
    assert (tiny / "milestones.csv").read_bytes() == new
    assert updates.pending(tiny) is None
