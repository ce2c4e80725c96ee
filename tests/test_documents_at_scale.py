"""Documents built section by section at scale: each distinct query runs once (`RememberingCursor`
gives the figures a plain cursor gives), and long lists of the briefing and of the public site
show their first rows, then how many more there are (and where all of them are)."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from helpers import BUNDLED
from pypdf import PdfReader

from ogp_metrics import figures
from ogp_metrics.figures.sql import RememberingCursor
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.outputs import briefing, site, site_pages

DATES = (date(2025, 6, 30), date(2026, 11, 30))


@pytest.fixture(scope="module")
def bundled():
    plan = load_plan(BUNDLED)
    yield plan
    plan.connection.close()


class CountingCursor:
    def __init__(self, cursor) -> None:
        self.cursor, self.queries = cursor, []

    def execute(self, sql, params=None):
        self.queries.append(sql)
        return self.cursor.execute(sql, params or {})


@pytest.mark.parametrize("as_of", DATES)
def test_a_remembering_cursor_gives_the_same_figures(bundled, as_of):
    def everything(cursor) -> list:
        return [figures.headline(cursor, as_of), figures.changes_since_last_steering_committee(cursor, as_of),
                figures.plan(cursor), figures.last_update(cursor, as_of),
                figures.meeting_totals(cursor, as_of), figures.co_creation(cursor, as_of),
                figures.milestones(cursor, as_of).to_dict("list"),
                figures.targets(cursor, as_of).to_dict("list"), figures.meeting_count(cursor, as_of)]

    assert everything(RememberingCursor(bundled.cursor())) == everything(bundled.cursor())


def test_a_remembering_cursor_runs_each_query_once(bundled):
    counting = CountingCursor(bundled.cursor())
    remembering = RememberingCursor(counting)
    first = figures.headline(remembering, DATES[0])
    asked = len(counting.queries)
    again = figures.headline(remembering, DATES[0])
    assert again == first and len(counting.queries) == asked
    figures.headline(remembering, DATES[1])  # another date: other parameters, asked again
    assert len(counting.queries) == 2 * asked


def test_the_briefing_lists_the_first_rows_then_counts_the_others(bundled, monkeypatch):
    # On 30 Nov 2026 the points of attention are nine: three milestones overdue (FRPA0001-M5,
    # FRPA0002-M4 and FRPA0004-M4: due before, not completed), two open decisions past their
    # due date (D2026-01-1, D2026-05-1), two milestones not started and due on 31 Dec (FRPA0002-M6,
    # FRPA0004-M6) and two targets of completed milestones behind the time elapsed. FRPA0002 and
    # FRPA0004 have six milestones each, FRPA0001 five and FRPA0003 four. Since the committee of
    # 13 Oct 2026: one milestone became late (FRPA0001-M5), three meetings were held (M084, M085,
    # M086) and that committee took two decisions (D2026-10-1 and -2).
    monkeypatch.setattr(briefing, "LISTED", 1)
    content = briefing.briefing_pdf(bundled, DATES[1], "en")
    words = " ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
    # the meetings since, the points of attention, then each commitment's milestones
    for more in (2, 8, 5, 5, 4, 3):
        assert f"… and {more} more, not listed here." in words
    assert words.count("… and one more, not listed here.") == 1  # the decisions since
    assert words.count("more, not listed here.") == 6 + 1


def test_the_points_of_attention_word_only_the_rows_listed(bundled):
    # The nine points of 30 Nov 2026 (above), for staff: the first two are 153 days late,
    # FRPA0002-M4 (due 30 Jun 2026, 75 % done) then the decision of 20 Jan 2026 (due 30 Jun too);
    # asked for two, the table has those two rows and the count is still nine.
    from ogp_metrics.views import committee

    cursor, as_of = bundled.cursor(), DATES[1]
    names = committee.Names.of({}, figures.commitments(cursor, as_of), "en", public=False)
    args = (figures.milestones(cursor, as_of), figures.targets(cursor, as_of), names, as_of,
            figures.decisions(cursor, as_of))
    whole, first = committee.attention_rows(*args), committee.attention_rows(*args, first=2)
    assert (whole.total, len(whole.rows), first.total, len(first.rows)) == (9, 9, 9, 2)
    assert first.rows.equals(whole.rows.head(2))
    assert list(first.rows["Why"]) == ["153 days past its due date; progress 75%",
                                       "Decided on 20 Jan 2026; 153 days past its due date"]


def test_a_large_plans_briefing_gives_each_commitment_one_line(bundled, monkeypatch):
    # With sections for at most 3 commitments, the bundled plan's 4 are a table of 4 lines, with
    # their milestones counted (five, six, four and six; on 30 Nov 2026 FRPA0001, FRPA0002 and
    # FRPA0004 have one overdue each) and no milestone listed.
    monkeypatch.setattr(briefing, "SECTIONS_AT_MOST", 3)
    content = briefing.briefing_pdf(bundled, DATES[1], "en")
    words = " ".join(" ".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages).split())
    assert "This plan has 4 commitments: one line each" in words
    for total in (5, 6, 4):
        assert f"of {total} · overdue:" in words
    assert words.count("· overdue: 1") == 3 and words.count("· overdue: 0") == 1
    assert "No milestone is defined" not in words and "Weighted progress" in words
    assert "FRPA0001-M5" not in words  # milestones are not listed


def test_the_site_lists_the_first_meetings_then_links_the_data_file(bundled, monkeypatch, tmp_path):
    monkeypatch.setattr(site_pages, "LISTED", 3)
    site.publish_site(bundled, tmp_path / "site", DATES[0])
    page = (tmp_path / "site" / "fr" / "meetings.html").read_text(encoding="utf-8")
    held = figures.meeting_totals(bundled.cursor(), DATES[0])["held"]
    assert f"… et {held - 3} autres, tous dans le fichier de données" in page
    assert '<a href="../data/meetings.csv">meetings.csv</a>' in page
    assert (tmp_path / "site" / "data" / "meetings.csv").is_file()


def test_a_large_plan_s_milestones_chart_draws_the_most_late_and_the_table_all(monkeypatch, tmp_path):
    # The tiny plan as of 1 July 2025 (by hand): C1 has 1 milestone complete, 1 in progress and
    # 1 not started; C2 has both of its milestones overdue. With room for one bar, C2 is drawn.
    from helpers import copy_tiny

    from ogp_metrics.views import print_figures

    monkeypatch.setattr(print_figures, "CHART_COMMITMENTS_AT_MOST", 1)
    plan = load_plan(copy_tiny(tmp_path))
    figure = print_figures.milestones_figure(plan.cursor(), date(2025, 7, 1), "fr")
    drawn = figure.chart.to_dict()["datasets"]
    assert {row["commitment_id"] for rows in drawn.values() for row in rows} == {"C2"}
    assert figure.table.iloc[:, 0].tolist() == ["Assemblée citoyenne", "Citoyenneté européenne"]
    assert figure.table.iloc[:, 1:].values.tolist() == [[1, 1, 1, 0], [0, 0, 0, 2]]
    assert figure.note == ("Le graphique montre les 1 engagements qui ont le plus de jalons en retard, "
                           "sur 2\u202f; le tableau les donne tous.")
    plan.connection.close()
