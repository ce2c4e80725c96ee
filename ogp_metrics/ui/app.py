"""The one module that imports streamlit: the cached plan, the shared controls, page helpers.

`dashboard.py` calls `settings()` to build the navigation; each page calls `current_view()`
once (it draws the language, as-of date and mode controls) and lays out what the library
computes.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

from ogp_metrics import figures, text
from ogp_metrics.contract import schema
from ogp_metrics.ingest.cache import load_plan_cached
from ogp_metrics.ingest.load import FolderReport, Plan, data_folder
from ogp_metrics.ingest.problems import DataFolderError
from ogp_metrics.outputs import datasets as export

CACHE_TTL_SECONDS = 3600


@dataclass(frozen=True)
class View:
    """What every page needs: the data, the date figures are computed at, language and mode."""

    plan: Plan | None
    report: FolderReport
    folder: str
    fingerprint: tuple
    as_of: date
    lang: str
    public: bool

    def t(self, key: str, **values: object) -> str:
        return text.t(key, self.lang, **values)

    def label(self, domain: str, code: object) -> str:
        return text.value_label(domain, code, self.lang)

    def number(self, value: object, decimals: int = 0) -> str:
        return text.format_number(value, self.lang, decimals)

    def date(self, value, style: str = "medium") -> str:
        return text.format_date(value, self.lang, style)

    def q(self, query: Callable, *args: object, **kwargs: object):
        """`query(cursor, *args, **kwargs)`, cached per data version and parameters.

        `query` is a function of a headless module (such as `figures.milestones`).
        """
        path = f"{query.__module__}:{query.__qualname__}"
        return _query(self.folder, self.fingerprint, path, args, tuple(sorted(kwargs.items())))


# ---------------------------------------------------------------- data, cached per version

def _fingerprint(folder: Path) -> tuple:
    """Cheap identity of the folder's files: changes when any file is replaced or edited."""
    entries = []
    for table in schema.TABLES:
        path = folder / table.filename
        try:
            stat = path.stat()
            entries.append((table.filename, stat.st_size, stat.st_mtime_ns))
        except OSError:
            entries.append((table.filename, None, None))
    return tuple(entries)


@st.cache_resource(max_entries=4, ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _loaded(folder: str, fingerprint: tuple) -> tuple[Plan | None, FolderReport]:
    try:
        plan = load_plan_cached(folder)
    except DataFolderError as error:
        return None, error.report
    return plan, plan.report


@st.cache_data(max_entries=512, ttl=CACHE_TTL_SECONDS, show_spinner=False)
def _query(folder: str, fingerprint: tuple, path: str, args: tuple, kwargs: tuple):
    module, name = path.split(":")
    query = getattr(importlib.import_module(module), name)
    plan, _report = _loaded(folder, fingerprint)
    with plan.cursor() as cursor:
        return query(cursor, *args, **dict(kwargs))


# ---------------------------------------------------------------- URL and controls

def _parse_date(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def _from_url(name: str, widget_key: str, parse) -> None:
    """Apply `?name=` to the widget when the URL changed it (a shared link, a page reload)."""
    raw = st.query_params.get(name)
    if raw is None or raw == st.session_state.get(f"_url_{name}"):
        return
    value = parse(raw)
    if value is not None:
        st.session_state[widget_key] = value
    st.session_state[f"_url_{name}"] = raw


def _to_url(name: str, value: str | None) -> None:
    if value is None:
        if name in st.query_params:
            del st.query_params[name]
        st.session_state.pop(f"_url_{name}", None)
        return
    if st.query_params.get(name) != value:
        st.query_params[name] = value
    st.session_state[f"_url_{name}"] = value


def _keep_a_language(previous: str) -> None:
    # Clicking the selected language deselects it: keep the language instead.
    if st.session_state.get("ui_lang") not in text.LANGUAGES:
        st.session_state["ui_lang"] = previous


@dataclass(frozen=True)
class Settings:
    """What the router needs before any page runs: language, mode, whether the data loaded."""

    lang: str
    public: bool
    data_ok: bool


def _apply_url() -> None:
    """Take `?lang=`, `?as_of=` and `?mode=` into the controls' state (before they are drawn)."""
    _from_url("lang", "ui_lang", lambda raw: raw if raw in text.LANGUAGES else None)
    _from_url("as_of", "ui_as_of", _parse_date)
    _from_url("mode", "ui_public", lambda raw: {"public": True, "internal": False}.get(raw))
    st.session_state.setdefault("ui_lang", text.DEFAULT_LANGUAGE)
    st.session_state.setdefault("ui_as_of", date.today())
    st.session_state.setdefault("ui_public", False)
    # Each page draws its own copy of the controls: a different widget for Streamlit, whose
    # state it would drop on a page change (public mode was lost when changing page). Giving
    # the values back as plain state keeps them (Streamlit's documented way).
    for key in ("ui_lang", "ui_as_of", "ui_public"):
        st.session_state[key] = st.session_state[key]


def _data() -> tuple[str, tuple, Plan | None, FolderReport]:
    folder = data_folder()
    fingerprint = _fingerprint(folder)
    plan, report = _loaded(str(folder), fingerprint)
    return str(folder), fingerprint, plan, report


def settings() -> Settings:
    """For `dashboard.py`: read the URL and the session, draw nothing."""
    _apply_url()
    _folder, _fingerprint_, plan, _report = _data()
    return Settings(text.language(st.session_state.get("ui_lang")),
                    bool(st.session_state.get("ui_public")), plan is not None)


def current_view() -> View:
    """For each page, once per run: draw the shared controls and return what they set.

    Pages draw the controls (not the router) so that a page run on its own, as AppTest
    reruns them, behaves as in the browser.
    """
    _apply_url()
    lang = text.language(st.session_state.get("ui_lang"))
    folder, fingerprint, plan, report = _data()

    with st.sidebar:
        st.segmented_control(text.t("app.language", lang), options=list(text.LANGUAGES),
                             format_func=lambda code: text.t(f"app.language.{code}", lang),
                             key="ui_lang", selection_mode="single", on_change=_keep_a_language,
                             args=(lang,))
        st.date_input(text.t("app.as_of", lang), key="ui_as_of", format="DD/MM/YYYY",
                      help=text.t("app.as_of_help", lang))
        st.toggle(text.t("app.public_mode", lang), key="ui_public",
                  help=text.t("app.public_mode_help", lang))

    as_of = st.session_state.get("ui_as_of") or date.today()
    public = bool(st.session_state.get("ui_public"))
    _to_url("lang", None if lang == text.DEFAULT_LANGUAGE else lang)
    _to_url("as_of", None if as_of == date.today() else as_of.isoformat())
    _to_url("mode", "public" if public else None)

    view = View(plan, report, folder, fingerprint, as_of, lang, public)
    if public:
        _public_style()
    _sidebar_footer(view)
    # Last in the sidebar: the empty element's gap then falls below everything, out of sight.
    _declare_language(lang)
    return view


def _declare_language(lang: str) -> None:
    # Streamlit's page says lang="en" whatever it shows: screen readers would read French with
    # English pronunciation (WCAG 3.1.1). `lang` is one of our own codes, never user text.
    with st.sidebar:
        st.html(f"<script>document.documentElement.lang = '{text.language(lang)}'</script>",
                unsafe_allow_javascript=True)


def _public_style() -> None:
    # Projected on a wall: larger type everywhere, no Streamlit chrome.
    # Charts and tables size themselves to their container in unzoomed pixels: zoomed, they
    # would spill past the right edge (the as-of line and the latest months cut off).
    st.html("<style>[data-testid='stMainBlockContainer'] { zoom: 1.3; }"
            "[data-testid='stVegaLiteChart'], [data-testid='stDataFrame'] { zoom: calc(1 / 1.3); }"
            "</style>")


def _sidebar_footer(view: View) -> None:
    with st.sidebar:
        if view.plan is not None:
            last = view.q(figures.last_update, view.as_of)
            st.caption(view.t("app.last_update", date=view.date(last)))
        st.caption(view.t("app.illustrative"))


# ---------------------------------------------------------------- page helpers

_AUTOLINK = re.compile(r"(?i)(https?|ftp|mailto|www)")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def plain(value: object) -> str:
    """Text from a CSV made safe for `st.markdown`: no markup, links, images or HTML."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", str(value)).replace("\n", "  \n")
    # Escaping does not stop bare addresses from becoming links (GFM autolinks): an invisible
    # word joiner inside the scheme or `www.` does.
    return _AUTOLINK.sub("\\1\u2060", escaped)


def empty_state(view: View, key: str, **values: object) -> None:
    st.info(view.t(key, **values), icon=":material/info:")


def show_chart(view: View, chart: alt.TopLevelMixin, data: pd.DataFrame, name: str,
               caption: str | None = None) -> None:
    """A chart, then its data as a table with a download: the text alternative every chart has."""
    st.altair_chart(chart, width="stretch")
    if caption:
        st.caption(caption)
    with st.expander(view.t("app.chart_data"), icon=":material/table:"):
        st.dataframe(data, hide_index=True, width="stretch", placeholder="—")
        st.download_button(view.t("app.download_csv"), data=export.csv_bytes(data),
                           file_name=f"{name}-{view.as_of.isoformat()}.csv", mime="text/csv",
                           key=f"download-{name}", icon=":material/download:")


def persistent_multiselect(view: View, label: str, options: list, key: str, format_func=str):
    """A filter that keeps its choice when the user goes to another page and back."""
    store = f"_filter_{key}"
    # The store is updated by the widget's callback, which runs before the script: it always
    # holds the latest click, so the choice can be restored on every run. (Testing `key in
    # st.session_state` is not enough: a filter with the same key on another page leaves its
    # key behind, but it is a different widget there, which would start empty.)
    st.session_state[key] = [value for value in st.session_state.get(store, []) if value in options]
    selected = st.multiselect(label, options, key=key, format_func=format_func,
                              placeholder=view.t("app.filter_all"), on_change=_remember_filter,
                              args=(key, store))
    st.session_state[store] = selected
    return selected


def _remember_filter(key: str, store: str) -> None:
    st.session_state[store] = st.session_state[key]
