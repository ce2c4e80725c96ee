"""The daily sums of participation (`participation_daily`) and the figures that read them.

The tiny folder's records, with two added (worked out by hand):
- 14 Sep 2024, citizen workshop, C1: the file's 25 (10 contributions) and 15 (blank, which the
  contract reads as 0) people, and an added 5 (blank): one daily row of 45 participants,
  10 contributions, 3 records;
- 15 Jan 2025, citizen workshop, C2: an added 7 people, contributions blank: 7, 0, 1 record;
- the six other records are each alone on their day: 2 + 6 = 8 daily rows from 10 records.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from helpers import add_record, copy_tiny

from ogp_metrics import figures, text
from ogp_metrics.figures import Filters
from ogp_metrics.ingest.cache import load_plan_cached
from ogp_metrics.ingest.load import load_plan

WORKSHOP = "citizen_workshop"


@pytest.fixture
def folder(tmp_path):
    data = copy_tiny(tmp_path)
    for day, commitment, people in (("2024-09-14", "C1", "5"), ("2025-01-15", "C2", "7")):
        add_record(data, "participation.csv", {"date": day, "activity": WORKSHOP, "commitment_id": commitment,
                                               "arrondissement": "11", "participants": people})
    return data


def daily_rows(plan) -> list[tuple]:
    return plan.cursor().execute(
        "SELECT date, activity, commitment_id, participants, contributions, records "
        "FROM participation_daily WHERE activity = $a ORDER BY date", {"a": WORKSHOP}).fetchall()


WORKSHOP_DAYS = [(date(2024, 9, 14), WORKSHOP, "C1", 45, 10, 3), (date(2025, 1, 15), WORKSHOP, "C2", 7, 0, 1)]


def test_records_of_a_day_activity_and_commitment_are_one_row(folder, tmp_path):
    fresh = load_plan(folder)
    assert daily_rows(fresh) == WORKSHOP_DAYS
    counted = fresh.cursor().execute("SELECT count(*), sum(records) FROM participation_daily").fetchone()
    assert counted == (8, 10)
    cached = load_plan_cached(folder, tmp_path / "cache")
    assert daily_rows(cached) == WORKSHOP_DAYS
    again = load_plan_cached(folder, tmp_path / "cache")
    assert again.from_cache and daily_rows(again) == WORKSHOP_DAYS


def test_figures_from_the_daily_sums_count_what_the_records_say(folder):
    cursor = load_plan(folder).cursor()
    workshops = Filters(activities=[WORKSHOP])
    assert figures.participation_totals(cursor, date(2024, 12, 31), workshops) == {
        "participants": 45, "contributions": 10, "records": 3, "all_records": 10}
    assert figures.participation_totals(cursor, date(2025, 1, 15), workshops)["records"] == 4
    by_commitment = figures.participation_by(cursor, date(2025, 12, 31), "commitment", workshops)
    per_commitment = dict(zip(by_commitment["group_key"], by_commitment["participants"], strict=True))
    assert per_commitment == {"C1": 45, "C2": 7}
    months = figures.participation_by_month(cursor, date(2025, 12, 31), workshops)
    assert [(row.month.date(), row.participants) for row in months.itertuples()] == [
        (date(2024, 9, 1), 45), (date(2025, 1, 1), 7)]
    assert months["contributions"].tolist() == [10, 0]
    # a grouping the daily sums cannot answer reads the records, in the same call
    groups = figures.participation_by_groups(cursor, date(2025, 12, 31), ("activity", "sector"), workshops)
    sectors = dict(zip(groups["sector"]["group_key"], groups["sector"]["participants"], strict=True))
    assert sectors == {"centre": 15 + 25, "11": 5 + 7}
    assert groups["activity"]["participants"].tolist() == [52]


@pytest.mark.parametrize(("value", "lang", "decimals", "fixed", "written"), [
    (1234567.85, "fr", 1, False, "1\u202f234\u202f567,9"),
    (1234567.85, "en", 1, False, "1,234,567.9"),
    (12345.0, "fr", 1, False, "12\u202f345"),
    (12345.0, "fr", 1, True, "12\u202f345,0"),
    (-3.25, "fr", 1, False, "-3,3"),
    (-0.04, "fr", 1, False, "0"),  # never "-0"
    (999.5, "en", 0, False, "1,000"),
    (613610, "fr", 0, False, "613\u202f610"),  # a count, as queries give it: nothing to round
    (np.int64(-12345), "en", 0, False, "-12,345"),
    (np.int64(12345), "fr", 1, False, "12\u202f345"),
    (12345, "fr", 1, True, "12\u202f345,0"),
])
def test_numbers_are_written_as_a_reader_of_the_language_writes_them(value, lang, decimals, fixed, written):
    assert text.format_number(value, lang, decimals, fixed) == written
