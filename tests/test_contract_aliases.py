"""Accepted spellings of coded values come from the contract alone, and cover every label.

A label is a word on screen; the contract decides what a file may hold. Rewording a label
must not make a file that uses the old word invalid, and a file that uses the label shown on
screen must be read: so every label of an allowed value is also an accepted spelling.
"""

from __future__ import annotations

import pytest
from helpers import TINY, copy_tiny, read_records, write_records

from ogp_metrics import text
from ogp_metrics.contract import aliases, schema
from ogp_metrics.ingest.load import load_plan

CHOICE_COLUMNS = [(table, column) for table in schema.TABLES for column in table.columns
                  if column.kind in (schema.Kind.CHOICE, schema.Kind.CHOICE_LIST)]


@pytest.mark.parametrize(("table", "column"), CHOICE_COLUMNS,
                         ids=[f"{t.name}.{c.name}" for t, c in CHOICE_COLUMNS])
def test_every_label_of_an_allowed_value_is_an_accepted_spelling(table, column):
    accepted = aliases.accepted_spellings(column)
    for code in column.choices:
        for lang in text.LANGUAGES:
            label = text.value_label(column.choice_domain, code, lang)
            assert accepted.get(aliases.spelling_key(label)) == code, (column.name, code, lang, label)


def test_aliases_name_only_allowed_values():
    domains = {column.choice_domain: column.choices for _table, column in CHOICE_COLUMNS}
    for domain, spellings in aliases.ALIASES.items():
        assert domain in domains, domain
        for spelling, code in spellings.items():
            assert code in domains[domain], (domain, spelling, code)
            assert spelling == aliases.spelling_key(spelling), f"{spelling!r} is not written as a key"


def test_spelling_key_ignores_case_accents_spaces_and_hyphens():
    assert aliases.spelling_key("  Comité de   pilotage ") == "comite_de_pilotage"
    assert aliases.spelling_key("\ufeffMise-en-Œuvre") == "mise_en_œuvre"


def test_a_file_written_with_french_labels_loads_as_codes(tmp_path):
    folder = copy_tiny(tmp_path)
    records = read_records(TINY / "meetings.csv")
    column = records[0].index("meeting_type")
    for record in records[1:]:
        record[column] = text.value_label("meeting_type", record[column], "fr")
    write_records(folder / "meetings.csv", records)
    plan = load_plan(folder)
    types = {row[0] for row in plan.cursor().execute("SELECT meeting_type FROM meetings").fetchall()}
    assert types == {row[column] for row in read_records(TINY / "meetings.csv")[1:]}
