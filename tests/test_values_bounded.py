"""Numbers are finite and plausible, identifiers compare as people read them (issue 15, finding 3).

- A 400-digit weight was stored as infinity (the commitment's progress and the export broke);
  9 x 10^18 participants were accepted (totals lost precision). Every number column now has a
  documented maximum (`data/README.md`), and a value past it is refused with its row and column.
- `C1` and `C1` followed by a zero-width space, or `C1` and `c1`, counted as two records.
  Identifiers are compared without invisible characters; two that differ only by case are
  refused as duplicates.
"""

from __future__ import annotations

import pytest
from helpers import add_record, only_problem, problems, set_cell, tables

from ogp_metrics.contract import schema
from ogp_metrics.ingest.problems import describe_problem

ZERO_WIDTH_SPACE, BYTE_ORDER_MARK, SOFT_HYPHEN, NO_BREAK = "\u200b", "\ufeff", "\u00ad", "\u00a0"


def test_a_400_digit_weight_is_refused_not_read_as_infinity(tiny):
    set_cell(tiny, "milestones.csv", 3, "weight", "9" * 400)
    problem = only_problem(tiny)
    assert (problem.code, problem.file, problem.row, problem.column) == (
        "above_maximum", "milestones.csv", 3, "weight")
    assert problem.details == {"maximum": "1000"}
    assert describe_problem(problem, "en").endswith("is above the allowed maximum (1000).")


@pytest.mark.parametrize("filename, row, column, value, maximum", [
    ("participation.csv", 2, "participants", "9000000000000000000", schema.MAX_PARTICIPANTS),
    ("participation.csv", 3, "contributions", "10 000 001", schema.MAX_CONTRIBUTIONS),
    ("meetings.csv", 2, "attendees", "1000001", schema.MAX_ATTENDEES),
    ("meetings.csv", 3, "organisations", "100001", schema.MAX_ORGANISATIONS),
    ("targets.csv", 2, "target", "1000000000,5", schema.MAX_TARGET),
])
def test_every_count_has_a_maximum(tiny, filename, row, column, value, maximum):
    set_cell(tiny, filename, row, column, value)
    problem = only_problem(tiny)
    assert (problem.code, problem.row, problem.column) == ("above_maximum", row, column)
    assert problem.details == {"maximum": str(maximum)}


def test_the_largest_plausible_values_load_and_add_up_exactly(tiny):
    set_cell(tiny, "participation.csv", 2, "participants", "10 000 000")
    set_cell(tiny, "milestones.csv", 3, "weight", "1000")
    loaded = tables(tiny)
    assert loaded["participation"]["participants"].iloc[0] == 10_000_000
    assert loaded["milestones"]["weight"].iloc[1] == 1000.0


def test_every_number_column_has_a_documented_maximum():
    numbers = [(table.name, column.name) for table in schema.TABLES for column in table.columns
               if column.kind in (schema.Kind.WHOLE, schema.Kind.DECIMAL, schema.Kind.PERCENT)
               and column.maximum is None]
    assert numbers == []


@pytest.mark.parametrize("invisible", [ZERO_WIDTH_SPACE, BYTE_ORDER_MARK, SOFT_HYPHEN, NO_BREAK],
                         ids=["zero-width space", "byte-order mark", "soft hyphen", "no-break space"])
def test_an_identifier_with_an_invisible_character_is_the_same_identifier(tiny, invisible):
    # A reference pasted with an invisible character still points to its record...
    set_cell(tiny, "milestones.csv", 2, "commitment_id", f"C1{invisible}")
    milestones = tables(tiny)["milestones"]
    assert milestones["commitment_id"].iloc[0] == "C1"
    # ...and a second record with it is the same record twice.
    add_record(tiny, "commitments.csv", {"commitment_id": f"{invisible}C2", "title_fr": "Doublon",
                                         "lead_institution": "DDCT", "start_date": "2024-01-01",
                                         "end_date": "2024-12-31"})
    problem = only_problem(tiny)
    assert (problem.code, problem.file, problem.column) == ("duplicate", "commitments.csv", "commitment_id")


def test_an_invisible_character_inside_an_identifier_is_ignored_too(tiny):
    set_cell(tiny, "progress_updates.csv", 2, "milestone_id", f"C1-{ZERO_WIDTH_SPACE}M1")
    assert tables(tiny)["progress_updates"]["milestone_id"].iloc[0] == "C1-M1"


def test_identifiers_that_differ_only_by_case_are_refused(tiny):
    row = add_record(tiny, "commitments.csv", {"commitment_id": "c1", "title_fr": "Doublon",
                                               "lead_institution": "DDCT", "start_date": "2024-01-01",
                                               "end_date": "2024-12-31"})
    problem = only_problem(tiny)
    assert (problem.code, problem.file, problem.row, problem.column, problem.value) == (
        "duplicate_case", "commitments.csv", row, "commitment_id", "c1")
    assert describe_problem(problem, "en").endswith(
        "“c1” differs only by upper or lower case from an earlier row (commitment_id must be "
        "unique, whatever the case).")


def test_a_composite_key_that_differs_only_by_case_is_refused(tiny):
    # progress_updates is unique by milestone and date: C1-M1 on 30 June 2024 twice.
    row = add_record(tiny, "progress_updates.csv", {"update_date": "30/06/2024", "milestone_id": "c1-m1",
                                                    "progress_pct": "60"})
    found = {(problem.code, problem.row, problem.value) for problem in problems(tiny)}
    assert ("duplicate_case", row, "c1-m1 / 2024-06-30") in found


def test_an_identifier_of_invisible_characters_only_is_refused(tiny):
    set_cell(tiny, "meetings.csv", 2, "meeting_id", ZERO_WIDTH_SPACE * 2)
    problem = only_problem(tiny)
    assert (problem.code, problem.row, problem.column) == ("bad_identifier", 2, "meeting_id")
