"""Documentation is tested: the README states the contract the code enforces, in both languages,
and every text the code shows exists in French and in English."""

from __future__ import annotations

import string

import pytest
from helpers import BUNDLED

from ogp_metrics.contract import docs as contract_docs
from ogp_metrics.contract import schema
from ogp_metrics.locales import all_labels

README = (BUNDLED / "README.md").read_text(encoding="utf-8")
FRENCH_HEADING, ENGLISH_HEADING = "## Le contrat de données", "## The data contract"


def test_readme_contract_is_generated_from_the_schema():
    # If this fails: python -m ogp_metrics docs --write
    assert contract_docs.generated_part(README) == contract_docs.contract_markdown()


def test_readme_is_french_first_then_english():
    generated = contract_docs.generated_part(README)
    assert 0 < generated.index(FRENCH_HEADING) < generated.index(ENGLISH_HEADING)
    assert README.index("**Français.**") < README.index("**English.**") < README.index(contract_docs.BEGIN)
    assert "Données d'illustration" in README and "Illustrative data" in README


def file_section(part: str, table: schema.Table) -> str:
    heading = f"### `{table.filename}`"
    assert part.count(heading) == 1, heading
    start = part.index(heading)
    end = part.find("\n### ", start + 1)
    return part[start: end if end > 0 else len(part)]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("table", schema.TABLES, ids=[table.name for table in schema.TABLES])
def test_every_column_is_documented_in_both_languages(table, language):
    generated = contract_docs.generated_part(README)
    french, english = generated.split(ENGLISH_HEADING)
    section = file_section(french if language == "fr" else english, table)
    description = table.description_fr if language == "fr" else table.description_en
    assert description in section
    for column in table.columns:
        row = next((line for line in section.splitlines() if line.startswith(f"| `{column.name}` |")), None)
        assert row is not None, column.name
        described = column.description_fr if language == "fr" else column.description_en
        assert described.replace("|", "\\|") in row
        required = {"fr": ("oui", "non"), "en": ("yes", "no")}[language][0 if column.required else 1]
        assert f"| {required} |" in row
        for code in column.choices:
            assert f"`{code}`" in row, (column.name, code)


LABELS = all_labels()


def placeholders(template: str) -> set[str]:
    return {name for _text, name, _spec, _conversion in string.Formatter().parse(template) if name}


def test_every_text_exists_in_french_and_english_with_the_same_placeholders():
    assert len(LABELS) > 100
    wrong = []
    for key, pair in sorted(LABELS.items()):
        if len(pair) != 2 or not all(isinstance(words, str) and words.strip() for words in pair):
            wrong.append(f"{key}: French and English text expected, found {pair!r}")
        elif placeholders(pair[0]) != placeholders(pair[1]):
            wrong.append(f"{key}: {sorted(placeholders(pair[0]))} in French, "
                         f"{sorted(placeholders(pair[1]))} in English")
    assert wrong == []


CHOICE_DOMAINS = {"ogp_values": schema.OGP_VALUES, "completion": schema.COMPLETION_SHOWN,
                  "did_it_open_government": schema.OPEN_GOVERNMENT, "assessor": schema.ASSESSORS,
                  "meeting_type": schema.MEETING_TYPES, "phase": schema.PHASES,
                  "activity": schema.ACTIVITIES, "age_group": schema.AGE_GROUPS, "gender": schema.GENDERS,
                  "indicator": schema.INDICATORS, "milestone_status": schema.MILESTONE_STATUSES}


@pytest.mark.parametrize("domain, codes", CHOICE_DOMAINS.items(), ids=CHOICE_DOMAINS.keys())
def test_every_coded_value_has_a_label(domain, codes):
    for code in codes:
        assert f"{domain}.{code}" in LABELS, f"{domain}.{code}"


def test_every_choice_column_has_its_labels():
    for table in schema.TABLES:
        for column in table.columns:
            for code in column.choices:
                assert f"{column.choice_domain}.{code}" in LABELS, (table.name, column.name, code)
