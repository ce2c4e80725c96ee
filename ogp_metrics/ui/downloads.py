"""Download buttons: the briefing PDF and table exports (uses streamlit).

    from ogp_metrics.ui import downloads
    downloads.briefing_button(view)   # the PDF for view.as_of in view.lang
    downloads.table_exports(view)     # choose a table, download it as CSV or xlsx

Files are built only when a button is clicked (a callable `data`), then cached per data
version, date and language, so that a page run never waits for a PDF nobody asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import streamlit as st

from ogp_metrics.ingest.load import Plan
from ogp_metrics.outputs import briefing, public_data
from ogp_metrics.outputs import datasets as export
from ogp_metrics.outputs.datasets import Dataset
from ogp_metrics.ui.cached_plan import CACHE_TTL_SECONDS, loaded_plan
from ogp_metrics.ui.view import View

PDF_MIME = "application/pdf"
CSV_MIME = "text/csv"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _plan(folder: str, fingerprint: tuple) -> Plan:
    plan, report = loaded_plan(folder, fingerprint)
    if plan is None:  # the folder became invalid between the page run and the click
        raise RuntimeError(f"{folder}: {len(report.problems)} problem(s)")
    return plan


@st.cache_data(max_entries=8, ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _briefing_bytes(folder: str, fingerprint: tuple, as_of: date, lang: str) -> bytes:
    return briefing.briefing_pdf(_plan(folder, fingerprint), as_of, lang)


def exportable(public: bool) -> dict[str, Dataset]:
    """The tables offered: every one in internal mode; in public mode, the public site's data
    (no staff notes, no `reported_by`, counts under 5 people by age or gender as "< 5")."""
    return dict(public_data.PUBLIC_DATA) if public else dict(export.DATASETS)


@st.cache_data(max_entries=32, ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _export_bytes(folder: str, fingerprint: tuple, name: str, public: bool, as_of: date,
                  file_format: str, lang: str, readable: bool = True) -> bytes:
    dataset = exportable(public)[name]
    with _plan(folder, fingerprint).cursor() as cursor:
        frame = dataset.build(cursor, as_of)
    return export.frame_bytes(dataset, frame, file_format, ";", lang, readable)


def _deferred(build: Callable[..., bytes], *args: object) -> Callable[[], bytes]:
    return lambda: build(*args)


def briefing_button(view: View) -> None:
    """A button that downloads the steering committee's briefing for the view's date and language."""
    if view.plan is None:
        return
    st.download_button(
        view.t("briefing.button"),
        data=_deferred(_briefing_bytes, view.folder, view.fingerprint, view.as_of, view.lang),
        file_name=briefing.file_name(view.as_of, view.lang), mime=PDF_MIME,
        help=view.t("briefing.button_help"), icon=":material/picture_as_pdf:",
        on_click="ignore", key="download-briefing")


def table_exports(view: View) -> None:
    """A choice of table, with its description, and two buttons: CSV (French Excel) and xlsx."""
    if view.plan is None:
        return
    tables = exportable(view.public)
    if st.session_state.get("export-table") not in tables:  # a choice made in the other mode
        st.session_state.pop("export-table", None)
    name = st.selectbox(view.t("export.table"), list(tables), key="export-table",
                        format_func=lambda key: export.display_name(tables[key], view.lang))
    st.caption(tables[name].description(view.lang))
    # Written to be read unless asked for the machines' codes and ISO dates.
    codes = st.checkbox(view.t("export.codes"), key="export-codes", help=view.t("export.codes_help"))
    stamp = view.as_of.isoformat()
    buttons = (("csv", CSV_MIME, ":material/download:"), ("xlsx", XLSX_MIME, ":material/table_view:"))
    for column, (file_format, mime, icon) in zip(st.columns(2), buttons, strict=True):
        column.download_button(
            view.t(f"export.{file_format}_button"),
            data=_deferred(_export_bytes, view.folder, view.fingerprint, name, view.public,
                           view.as_of, file_format, view.lang, not codes),
            file_name=f"{name}-{stamp}.{file_format}", mime=mime, icon=icon,
            on_click="ignore", key=f"export-{file_format}", help=view.t("export.help"))

