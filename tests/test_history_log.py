"""A malformed line of the history's log stops nothing but publishing (issue 15, finding 4).

Before: one bad line in `.history/log.jsonl` made `history`, `import`, `restore` and the History
page fail with a traceback, and nothing could be published. Now readers skip the line and say
which (file, line), publishing is refused until `repair-history`, which sets the lines aside
(a copy is kept) so that publishing resumes, with the next version number.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import TINY, csv_text, new_app, read_records, snapshot

from ogp_metrics import updates
from ogp_metrics.cli.main import main

BAD_LINES = [b"{not json", b'{"version": "2", "time": "yesterday"}', b"[1, 2]"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([*argv, "--lang", "en"])
    out, err = capsys.readouterr()
    return code, out, err


def publish_completed(folder: Path, completed: str, by: str = "alice@paris.fr") -> int | None:
    records = read_records(folder / "milestones.csv")
    records[2][records[0].index("completed_date")] = completed
    preparation = updates.prepare(folder, [updates.Upload("milestones.csv", csv_text(records).encode())])
    assert preparation.ok, preparation.problems
    return updates.publish(preparation, by, "test")


@pytest.fixture
def damaged(tiny) -> Path:
    """tiny with two published versions, and three malformed lines between them in the log."""
    assert publish_completed(tiny, "2025-09-01") == 1
    assert publish_completed(tiny, "2025-09-02") == 2
    log = tiny / ".history" / "log.jsonl"
    first, second = log.read_bytes().splitlines()
    log.write_bytes(b"\n".join([first, *BAD_LINES, second]) + b"\n")
    return tiny


def test_readers_skip_malformed_lines_and_say_which(damaged):
    assert [entry["version"] for entry in updates.history(damaged)] == [1, 2]
    assert [(p.file, p.line, p.reason) for p in updates.log_problems(damaged)] == [
        ("log.jsonl", 2, "not_json"), ("log.jsonl", 3, "bad:version,time,by,reason,action,file,"
                                                     "sha256_after,rows"),
        ("log.jsonl", 4, "not_object")]
    assert not updates.history_table(updates.history(damaged), "fr").empty


def test_the_history_command_lists_the_rest_and_warns(damaged, capsys):
    code, out, err = run(capsys, "history", "--data", str(damaged))
    assert code == 0
    assert len(out.splitlines()) == 2
    assert "3 unreadable lines in the history, skipped: log.jsonl:2, log.jsonl:3, log.jsonl:4" in err
    assert "repair-history" in err and "Traceback" not in err


def test_publishing_is_refused_until_repaired_then_continues(damaged, tmp_path, capsys):
    records = read_records(TINY / "milestones.csv")
    upload = tmp_path / "milestones.csv"
    upload.write_text(csv_text(records), encoding="utf-8")
    before = snapshot(damaged)
    code, _out, err = run(capsys, "import", str(upload), "--data", str(damaged), "--by", "bob",
                          "--reason", "retour")
    assert code == 1
    assert "Refused: the history holds unreadable lines (log.jsonl:2, log.jsonl:3, log.jsonl:4)" in err
    assert snapshot(damaged) == before

    code, out, err = run(capsys, "repair-history", "--data", str(damaged))
    assert code == 0, err
    assert "log.jsonl — lines set aside: 3 (log.jsonl:2, log.jsonl:3, log.jsonl:4)" in out
    assert updates.log_problems(damaged) == []
    damaged_dir = damaged / ".history" / "damaged"
    (kept_copy,) = damaged_dir.glob("log-*.jsonl")
    assert [json.loads(line)["text"].encode() for line in kept_copy.read_bytes().splitlines()] == BAD_LINES
    (original,) = damaged_dir.glob("log-*.original")
    assert original.read_bytes() == before[".history/log.jsonl"][0]

    code, out, err = run(capsys, "import", str(upload), "--data", str(damaged), "--by", "bob",
                         "--reason", "retour")
    assert code == 0, err
    assert "Version 3 published." in out
    code, out, _err = run(capsys, "repair-history", "--data", str(damaged))
    assert out.startswith("Nothing to repair")


def test_the_history_page_shows_the_rest_and_the_warning(monkeypatch, damaged, fresh_streamlit_caches):
    test = new_app(monkeypatch, damaged, timeout=120)
    test.secrets["auth"] = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback",
                            "cookie_secret": "hV3q9ZkR2tWm7XcJ4pLs8NbYd6Fg1Ae0TuKo5Ir-Qw_Ez",
                            "client_id": "ogp-metrics", "client_secret": "secret",
                            "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
    test.secrets["ogp_metrics"] = {"staff_emails": ["agent@paris.fr"]}
    test.user = {"is_logged_in": True, "email": "agent@paris.fr", "email_verified": True}
    test.run()
    test.switch_page("app_pages/history.py").run()
    assert not test.exception, [e.value for e in test.exception]
    assert any("3 lignes illisibles" in warning.value for warning in test.warning)
    assert len(test.dataframe[0].value) == 2


def test_a_torn_refusal_log_gets_its_next_record_on_a_line_of_its_own(tiny):
    refused = tiny / ".history" / "refused.jsonl"
    refused.parent.mkdir()
    refused.write_bytes(b'{"time": "2025-01-01T00:00:00+00:00", "fi')  # a crash mid-write
    records = read_records(tiny / "milestones.csv")
    records[2][records[0].index("completed_date")] = "2025-09-01"
    preparation = updates.prepare(tiny, [updates.Upload("milestones.csv", csv_text(records).encode())])
    (tiny / "milestones.csv").write_bytes((tiny / "milestones.csv").read_bytes() + b"\n")  # meanwhile
    with pytest.raises(updates.PublishRefused, match="stale"):
        updates.publish(preparation, "alice@paris.fr", "test")
    assert [entry["by"] for entry in updates.refusals(tiny)] == ["alice@paris.fr"]
    # The torn record is reported (and set aside by repair-history); publishing goes on.
    assert [(problem.file, problem.line) for problem in updates.log_problems(tiny)] == [
        ("refused.jsonl", 1)]
    (tiny / "milestones.csv").write_bytes((TINY / "milestones.csv").read_bytes())
    assert updates.publish(preparation, "alice@paris.fr", "test") == 1


def test_a_name_over_the_limit_is_refused_not_cut(tiny, tmp_path, capsys):
    preparation = updates.prepare(tiny, [updates.Upload("milestones.csv",
                                                        (TINY / "milestones.csv").read_bytes())])
    with pytest.raises(updates.PublishRefused) as refused:
        updates.publish(preparation, "x" * (updates.MAX_BY + 1), "test")
    assert refused.value.code == "long_name"
    upload = tmp_path / "milestones.csv"
    upload.write_bytes((TINY / "milestones.csv").read_bytes())
    code, _out, err = run(capsys, "import", str(upload), "--data", str(tiny), "--by", "x" * 201,
                          "--reason", "test")
    assert code == 2
    assert err.strip() == "--by is longer than 200 characters: shorten it (it is not cut)."
    assert not (tiny / ".history").exists()
