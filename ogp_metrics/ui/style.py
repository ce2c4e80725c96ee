"""The page's own styles, added once per run by `view.current_view` (no streamlit here: text only)."""

from __future__ import annotations

# Shown on every page (`view.current_view`): the tables' look, the same in both modes; below
# 40rem each row is a card whose cells carry their column's name.
TABLE_STYLE = """
.ogp-table .table-wrap { overflow-x: auto; margin: 0.25rem 0 1rem; }
.ogp-table table { border-collapse: collapse; width: 100%; font-size: 0.95rem; line-height: 1.4; }
.ogp-table th, .ogp-table td { border-bottom: 1px solid #D5DAE1; padding: 0.45rem 0.6rem;
  text-align: left; vertical-align: top; }
.ogp-table td { overflow-wrap: break-word; }
.ogp-table th { hyphens: auto; }
.ogp-table thead th { background: #F2F4F7; font-weight: 600; }
.ogp-table td.nowrap { white-space: nowrap; }
.ogp-table td.number, .ogp-table th.number { text-align: right; font-variant-numeric: tabular-nums;
  white-space: nowrap; }
@media (max-width: 40rem) {
  .ogp-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden;
    clip: rect(0 0 0 0); }
  .ogp-table table, .ogp-table tbody, .ogp-table tr, .ogp-table td { display: block; width: 100%; }
  .ogp-table tr { border: 1px solid #D5DAE1; border-radius: 0.5rem; margin-bottom: 0.6rem;
    padding: 0.3rem 0; }
  .ogp-table td, .ogp-table td.nowrap { border: none; padding: 0.15rem 0.7rem; text-align: left;
    white-space: normal; }
  .ogp-table td.number { text-align: left; }
  .ogp-table td::before { content: attr(data-label) " : "; font-weight: 600; }
}
"""


# Public mode, projected on a wall: larger type, no Streamlit chrome. Charts are drawn for a
# projector by their own configuration (`charts.base.projected`) and sized to their container in
# unzoomed pixels: zoomed, they would spill past the right edge (the as-of line and the latest
# months cut off), so the page's zoom is undone on them and on the grids.
PUBLIC_STYLE = """
[data-testid='stMainBlockContainer'] { zoom: 1.3; }
[data-testid='stVegaLiteChart'], [data-testid='stDataFrame'] { zoom: calc(1 / 1.3); }
.ogp-table table { font-size: 1.2rem; }
.ogp-slides-status { position: fixed; right: 1rem; bottom: 1rem; z-index: 1000; max-width: 60vw;
  padding: 0.5rem 0.9rem; border-radius: 0.5rem; background: #0B1218; color: #FFFFFF;
  font-size: 1.1rem; line-height: 1.4; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.25); }
"""


def page_style(public: bool) -> str:
    return "<style>" + TABLE_STYLE + (PUBLIC_STYLE if public else "") + "</style>"
