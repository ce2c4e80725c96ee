"""Pages whose cost does not grow with the data: on a plan larger than a page of rows, every
table is sent a page at a time (with a search and the whole as a download), and a timeline of
more milestones than can be read draws its commitments first.

The folders are the project's generator: at 30 000 participation rows, 300 meetings (three
pages of 100) and 15 milestones over 4 commitments; at 250 000, 2 500 meetings.
"""

from __future__ import annotations

import io
from pathlib import Path

import pyarrow as pa
import pytest
from helpers import new_app
from streamlit.testing.v1 import AppTest

from ogp_metrics.outputs.synthetic_plan import generate, sizes
from ogp_metrics.ui import timeline

pytestmark = pytest.mark.usefixtures("fresh_streamlit_caches")
ROWS = 30_000
LARGER_ROWS = 250_000
FEW_THOUSAND = 2000  # what a page may send in one table or chart, whatever the size of the plan
AS_OF = "2025-06-30"


@pytest.fixture(scope="module")
def large(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("large") / "data"
    generate(folder, ROWS, seed=2)
    return folder


@pytest.fixture(scope="module")
def larger(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("larger") / "data"
    generate(folder, LARGER_ROWS, seed=2)
    return folder


def open_page(monkeypatch, folder: Path, page: str, **params: str) -> AppTest:
    app = new_app(monkeypatch, folder, timeout=120, as_of=AS_OF, **params)
    app.run()
    app.switch_page(page).run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def rows_sent(app: AppTest) -> list[int]:
    """The rows of every table and of every chart's data the page sends to the browser."""
    tables = [len(element.value) for element in [*app.table, *app.dataframe]]
    charts = [pa.ipc.open_stream(io.BytesIO(dataset.data.data)).read_all().num_rows
              for chart in app.get("vega_lite_chart") for dataset in chart.proto.datasets]
    return tables + charts


def test_no_page_sends_a_table_that_grows_with_the_data(larger, monkeypatch):
    # Lists of records are sent a page at a time; charts and their data tables are grouped in
    # SQL (by month, by category): bounded by the calendar and the contract, not the rows.
    assert sizes(LARGER_ROWS).meetings > FEW_THOUSAND
    for page in ("overview", "commitments", "milestones", "meetings", "participation"):
        app = open_page(monkeypatch, larger, f"app_pages/{page}.py", commitment="FRPA0001")
        sent = rows_sent(app)
        assert sent and max(sent) <= FEW_THOUSAND, (page, sent)


def test_all_meetings_a_page_at_a_time_with_a_search(large, monkeypatch):
    app = open_page(monkeypatch, large, "app_pages/meetings.py")
    total = sizes(ROWS).meetings
    assert f"Lignes 1 à 100 sur {total}." in [caption.value for caption in app.caption]
    table = app.dataframe[-1].value
    assert len(table) == 100
    app.number_input(key="meetings_all_page").set_value(3).run()
    assert f"Lignes 201 à 300 sur {total}." in [caption.value for caption in app.caption]
    # Meeting titles are "Réunion synthétique n° <i>": the search keeps those holding "n° 12"
    # (12, 120-129) whatever the case and accents, and goes back to a page that exists.
    app.text_input(key="meetings_all_search").input("SYNTHETIQUE N° 12").run()
    assert "Lignes 1 à 11 sur 11." in [caption.value for caption in app.caption]
    assert sorted(app.dataframe[-1].value.iloc[:, 2]) == sorted(
        f"Réunion synthétique n° {n}" for n in (12, *range(120, 130)))
    assert app.number_input(key="meetings_all_page").value == 1
    assert [button.label for button in app.get("download_button")][-1] == "Télécharger les 11 lignes (CSV)"


def test_a_large_timeline_draws_commitments_first(large, monkeypatch):
    monkeypatch.setattr(timeline, "DRAWN_AT_ONCE", 5)
    app = open_page(monkeypatch, large, "app_pages/milestones.py", lang="en")
    assert any("15 milestones: too many to draw them all" in c.value for c in app.caption)
    charts = app.get("vega_lite_chart")
    assert len(charts) == 1
    bars = pa.ipc.open_stream(io.BytesIO(charts[0].proto.datasets[0].data.data)).read_all()
    assert sorted(set(bars.column("milestone_id").to_pylist()) - {""}) == \
        ["FRPA0001", "FRPA0002", "FRPA0003", "FRPA0004"]
    app.selectbox(key="milestones_timeline_pick").select("FRPA0002").run()
    charts = app.get("vega_lite_chart")
    assert len(charts) == 2
    bars = pa.ipc.open_stream(io.BytesIO(charts[1].proto.datasets[0].data.data)).read_all()
    milestones = sorted(set(bars.column("milestone_id").to_pylist()) - {""})
    # Milestone i belongs to commitment 1 + i % 4: FRPA0002 holds i = 1, 5, 9, 13.
    assert milestones == ["M000001", "M000005", "M000009", "M000013"]
