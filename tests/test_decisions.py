"""The steering committee's decisions (`decisions.csv`): an optional, internal file, read like the
others, listed late first, and never shown in public mode, on the public site or in public
exports.

`tests/fixtures/decisions/decisions.csv`, with tiny's commitments and institutions:
K1 (15 Mar 2024, due 30 June 2024, done 1 June 2024), K2 (10 May 2025, due 15 June 2025, open),
K3 (10 May 2025, due 30 Sept 2025, done 20 July 2025), K4 (1 Oct 2025, due 31 Mar 2026, open),
K5 (10 May 2025, dropped).
"""

from __future__ import annotations

import shutil
from datetime import date

import pandas as pd
import pytest
from helpers import FIXTURES, TINY, add_record, copy_tiny, only_problem, set_cell

from ogp_metrics import figures
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.outputs import site
from ogp_metrics.outputs.public_data import PUBLIC_DATA

DECISIONS = FIXTURES / "decisions" / "decisions.csv"


@pytest.fixture
def folder(tmp_path):
    target = copy_tiny(tmp_path)
    shutil.copy(DECISIONS, target)
    return target


def states(folder, day: date, **filters) -> list[tuple]:
    plan = load_plan(folder)
    try:
        frame = figures.decisions(plan.cursor(), day, figures.Filters(**filters))
    finally:
        plan.connection.close()
    return [(row["decision_id"], row["decision_state"],
             None if pd.isna(row["days_late"]) else int(row["days_late"]))
            for row in frame.to_dict("records")]


def test_each_decision_stands_as_of_a_date_late_first(folder):
    # 30 June 2025: K2 is 15 days late; K3 still open (done only on 20 July); K1 done; K5 dropped;
    # K4 is not taken yet.
    assert states(folder, date(2025, 6, 30)) == [("K2", "late", 15), ("K3", "open", None),
                                                 ("K1", "done", None), ("K5", "dropped", None)]
    # 1 October 2025: K3 done, K2 still late (108 days), K4 just taken.
    assert states(folder, date(2025, 10, 1)) == [("K2", "late", 108), ("K4", "open", None),
                                                 ("K1", "done", None), ("K3", "done", None),
                                                 ("K5", "dropped", None)]


def test_a_commitment_keeps_its_own_decisions(folder):
    assert [row[0] for row in states(folder, date(2025, 6, 30), commitments=["C2"])] == ["K3", "K1"]


def test_the_file_is_optional(tmp_path):
    plan = load_plan(TINY)
    try:
        assert figures.decisions(plan.cursor(), date(2025, 6, 30)).empty
    finally:
        plan.connection.close()


@pytest.mark.parametrize(("column", "value", "code"), [
    ("owner", "NOPE", "unknown_reference"),
    ("status", "peut-être", "bad_choice"),
    ("due_date", "2025-05-01", "before"),  # before the committee of 10 May 2025
    ("text", "", "required"),
])
def test_a_bad_row_names_its_file_row_and_column(folder, column, value, code):
    set_cell(folder, "decisions.csv", 3, column, value)
    problem = only_problem(folder)
    assert (problem.file, problem.row, problem.column, problem.code) == ("decisions.csv", 3, column, code)


def test_french_words_for_the_status_are_read(folder):
    add_record(folder, "decisions.csv", {"decision_id": "K6", "date": "2025-05-10", "text": "Tester",
                                         "owner": "DDCT", "status": "Réalisée", "done_date": "2025-06-01"})
    assert ("K6", "done", None) in states(folder, date(2025, 6, 30))


def test_never_public(folder, tmp_path):
    assert all(dataset.name != "decisions" for dataset in PUBLIC_DATA.values())
    out = tmp_path / "site"
    site.publish_site(load_plan(folder), out, date(2025, 6, 30))
    published = " ".join(path.read_text(encoding="utf-8", errors="replace")
                         for path in out.rglob("*") if path.is_file())
    assert "Publier le compte rendu" not in published
    assert "decisions" not in {path.stem for path in (out / "data").glob("*.csv")}
