"""The validation problems of a data folder, for people who fix the files (uses streamlit)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ogp_metrics import text
from ogp_metrics.ingest.problems import describe_problem, problem_count
from ogp_metrics.ui.view import current_view
from ogp_metrics.ui.widgets import plain


def problems_table(report, lang: str) -> pd.DataFrame:
    return pd.DataFrame(
        [{text.t("problems.file", lang): p.file, text.t("problems.row", lang): p.row,
          text.t("problems.column", lang): p.column or "", text.t("problems.value", lang): p.value or "",
          text.t("problems.what", lang): describe_problem(p, lang)} for p in report.problems]
    )


def show_problems() -> None:
    view = current_view()
    st.title(view.t("problems.title"))
    st.error(view.tn("problems.intro", problem_count(view.report.problems), folder=view.report.folder),
             icon=":material/error:")
    for problem in view.report.problems[:200]:
        st.markdown("- " + plain(describe_problem(problem, view.lang)))
    with st.expander(view.t("problems.as_table")):
        st.dataframe(problems_table(view.report, view.lang), hide_index=True, width="stretch")
    st.caption(view.t("problems.help"))

