"""Data: what was loaded, whether it is valid, and the data contract as a dictionary.

Public mode leaves out the server's folder and the internal files (`schema.INTERNAL_TABLES`)."""

import streamlit as st

from ogp_metrics import figures
from ogp_metrics.contract import docs as contract_docs
from ogp_metrics.contract import schema
from ogp_metrics.ingest import plausibility
from ogp_metrics.ingest.problems import describe_problem, problem_count
from ogp_metrics.ui import downloads, tables, widgets
from ogp_metrics.ui.view import current_view
from ogp_metrics.views import data_files

view = current_view()
st.title(view.t("data.title"))
st.write(view.t("data.intro"))
if not view.public:
    st.caption(view.t("data.folder", folder=view.report.folder, version=view.report.version))
st.success(view.t("data.valid"), icon=":material/check_circle:")

st.header(view.t("data.files"))
tables.show_table(view, data_files.files_table(view.report, view.lang, view.public), view.t("data.files"),
                  numeric=data_files.count_columns(view.lang), nowrap=(view.t("data.modified"),))

st.header(view.t("imports.sources.title"))
st.caption(view.t("imports.sources.intro"))
sources = view.q(figures.sources)
if sources.empty:
    st.caption(view.t("imports.sources.none"))
else:
    tables.show_table(view, data_files.sources_table(sources, view.lang), view.t("imports.sources.title"),
                      numeric=(view.t("imports.sources.rows"),))
warnings = [] if view.public else view.q(plausibility.find_warnings)
if warnings:
    with st.expander(view.tn("imports.data_warnings", problem_count(warnings)),
                     icon=":material/warning:"):
        for warning in warnings:
            st.markdown("- " + widgets.plain(describe_problem(warning, view.lang)))

st.header(view.t("data.dictionary"))
st.caption(view.t("data.dictionary_intro"))
for table in schema.TABLES:
    if view.public and table.name in schema.INTERNAL_TABLES:
        continue
    optional = f" ({view.t('contract.optional')})" if table.optional else ""
    with st.expander(f"{table.filename}{optional}"):
        st.write(table.description_fr if view.lang == "fr" else table.description_en)
        st.dataframe(contract_docs.dictionary(table, view.lang), hide_index=True, width="stretch")

st.header(view.t("data.exports"))
downloads.table_exports(view)
