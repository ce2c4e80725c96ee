"""`rows_of(frame)` gives what `frame.to_dict("records")` gives, converted column by column."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from helpers import BUNDLED
from test_no_filters import FIGURES

from ogp_metrics.figures.rows import rows_of
from ogp_metrics.ingest.load import load_plan


def same(left: object, right: object) -> bool:
    if isinstance(left, np.ndarray) or isinstance(right, np.ndarray):
        return np.array_equal(left, right)
    if left is None or right is None:
        return left is right
    if pd.isna(left) and pd.isna(right):
        return type(left) is type(right)
    return type(left) is type(right) and left == right


def test_each_kind_of_column_worked_by_hand():
    frame = pd.DataFrame({
        "count": pd.array([3, None], dtype="Int64"),
        "starred": pd.array([True, None], dtype="boolean"),
        "title": pd.Series(["Assemblée", None], dtype="str"),
        "due": pd.to_datetime(["2026-12-31", None]),
        "share": [12.5, np.nan],
        "whole": np.array([7, 8], dtype="int64"),
    })
    assert rows_of(frame) == [
        {"count": 3, "starred": True, "title": "Assemblée", "due": pd.Timestamp("2026-12-31"),
         "share": 12.5, "whole": 7},
        {"count": None, "starred": None, "title": pytest.approx(np.nan, nan_ok=True),
         "due": pd.NaT, "share": pytest.approx(np.nan, nan_ok=True), "whole": 8},
    ]
    assert type(rows_of(frame)[0]["whole"]) is int  # a Python int, as to_dict gives
    assert rows_of(frame.iloc[0:0]) == []


@pytest.fixture(scope="module")
def plan():
    plan = load_plan(BUNDLED)
    yield plan
    plan.connection.close()


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_every_figure_as_to_dict_gives_it(plan, name):
    frame = FIGURES[name](plan.cursor(), date(2026, 6, 30))
    if not isinstance(frame, pd.DataFrame):
        return  # the headline is a dict of figures
    expected, got = frame.to_dict("records"), rows_of(frame)
    assert len(got) == len(expected)
    for want, have in zip(expected, got, strict=True):
        assert list(have) == list(want)
        assert all(same(want[key], have[key]) for key in want), (want, have)
