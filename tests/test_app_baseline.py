"""The Overview's baseline picker ("Comparer avec") on a plan with many steering committees.

The tiny fixture's committees (15 March 2024, 10 May 2025, 1 October 2025) plus 30 more, one on
the 5th of each month from January 2024 to June 2026, and a second committee on 5 June 2026:
as of 1 July 2026 that is 33 days with a committee (30 on the 5th, 15 March 2024, 10 May 2025,
1 Oct 2025) and 34 committees. The list offers the 24 latest days, each once, then "another
date": the six of 2026 (5 June first), the fourteen of 2025 (twelve on the 5th, 1 Oct, 10 May),
and 5 Dec, Nov, Oct and Sept 2024."""

from __future__ import annotations

from datetime import date

import pytest
from helpers import copy_tiny, html_tables, new_app

from ogp_metrics import figures
from ogp_metrics.ingest.load import load_plan

AS_OF = "2026-07-01"
MONTHLY = [date(2024 + (month - 1) // 12, (month - 1) % 12 + 1, 5) for month in range(1, 31)]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    folder = copy_tiny(tmp_path_factory.mktemp("baseline"))
    rows = [f"S{index},{day.isoformat()},steering_committee,implementation,Comité {index},,,false,8,3,"
            for index, day in enumerate(MONTHLY, start=1)]
    rows.append("S99,2026-06-05,steering_committee,implementation,Comité bis,,,false,8,3,")
    with (folder / "meetings.csv").open("a", encoding="utf-8") as file:
        file.write("\n".join(rows) + "\n")
    return folder


def test_each_committee_day_is_one_baseline(folder):
    plan = load_plan(folder)
    days = figures.steering_committees(plan.cursor(), date.fromisoformat(AS_OF))
    plan.connection.close()
    expected = sorted({*MONTHLY, date(2024, 3, 15), date(2025, 5, 10), date(2025, 10, 1)}, reverse=True)
    assert [day.date() for day in days["date"]] == expected
    assert len(expected) == 33  # 5 June 2026, with two committees, once


def offered(app) -> list[str]:
    return list(app.selectbox(key="overview_since_choice").options)


def test_the_list_offers_the_24_latest_committee_days_once_each(monkeypatch, folder):
    app = new_app(monkeypatch, folder, timeout=90, as_of=AS_OF)
    app.run()
    assert not app.exception
    options = offered(app)
    assert options[0] == "Comité de pilotage du 5 juin 2026"
    assert options[-2] == "Comité de pilotage du 5 sept. 2024"
    assert options[-1] == "Une autre date…"
    assert len(options) == 25 and len(set(options)) == 25
    assert any(header.value == "Depuis le comité de pilotage du 5 juin 2026" for header in app.header)


def test_an_older_committee_in_the_address_is_still_a_committee(monkeypatch, folder):
    # 15 March 2024 is not among the 24 offered: it is picked as another date, and still named
    # as a committee's.
    app = new_app(monkeypatch, folder, timeout=90, as_of=AS_OF, since="2024-03-15")
    app.run()
    assert not app.exception
    assert app.selectbox(key="overview_since_choice").value == "other"
    assert app.date_input(key="overview_since_date").value == date(2024, 3, 15)
    assert any(header.value == "Depuis le comité de pilotage du 15 mars 2024" for header in app.header)
    assert html_tables(app)  # the changes since then are listed
