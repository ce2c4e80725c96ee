"""What every page starts from: the data, the as-of date, the language and the mode.

`dashboard.py` calls `settings()` to build the navigation; each page calls `current_view()`
once (it draws the language, as-of date and mode controls) and lays out what the library
computes."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import streamlit as st

from ogp_metrics import figures, text
from ogp_metrics.ingest.load import FolderReport, Plan
from ogp_metrics.ui import auth, slideshow, style
from ogp_metrics.ui.cached_plan import cached_query, current_data
from ogp_metrics.ui.url_state import from_url, parse_date, to_url
from ogp_metrics.views.plan_facts import illustrative_notice


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

    def tn(self, key: str, count: object, **values: object) -> str:
        """`t(key)` in the singular or the plural of `count` (`text.tn`)."""
        return text.tn(key, count, self.lang, **values)

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
        # Keyed by the parameters as the query receives them (defaults filled in): a section
        # asking for `q(f, as_of)` and another for `q(f, as_of, NO_FILTERS)` share one run.
        bound = inspect.signature(query).bind(None, *args, **kwargs)
        bound.apply_defaults()
        return cached_query(self.folder, self.fingerprint, path, (), tuple(bound.arguments.items())[1:])


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
    from_url("lang", "ui_lang", lambda raw: raw if raw in text.LANGUAGES else None)
    from_url("as_of", "ui_as_of", parse_date)
    from_url("mode", "ui_public", lambda raw: {"public": True, "internal": False}.get(raw))
    slideshow.apply_url()
    st.session_state.setdefault("ui_lang", text.DEFAULT_LANGUAGE)
    st.session_state.setdefault("ui_as_of", date.today())
    st.session_state.setdefault("ui_public", False)
    # Each page draws its own copy of the controls: a different widget for Streamlit, whose
    # state it would drop on a page change (public mode was lost when changing page). Giving
    # the values back as plain state keeps them (Streamlit's documented way).
    for key in ("ui_lang", "ui_as_of", "ui_public"):
        st.session_state[key] = st.session_state[key]
    if _public_only_here():
        st.session_state["ui_public"] = True  # whatever the URL or the toggle said


def _public_only_here() -> bool:
    """Whether this session gets the public view only (`public_only`, and not signed-in staff)."""
    return auth.public_only() and not auth.is_staff()


def settings() -> Settings:
    """For `dashboard.py`: read the URL and the session, draw nothing."""
    _apply_url()
    _folder, _fingerprint_, plan, _report = current_data()
    return Settings(text.language(st.session_state.get("ui_lang")),
                    bool(st.session_state.get("ui_public")), plan is not None)


def current_view() -> View:
    """For each page, once per run: draw the shared controls and return what they set.

    Pages draw the controls (not the router) so that a page run on its own, as AppTest
    reruns them, behaves as in the browser.
    """
    _apply_url()
    lang = text.language(st.session_state.get("ui_lang"))
    folder, fingerprint, plan, report = current_data()

    with st.sidebar:
        st.segmented_control(text.t("app.language", lang), options=list(text.LANGUAGES),
                             format_func=lambda code: text.t(f"app.language.{code}", lang),
                             key="ui_lang", selection_mode="single", on_change=_keep_a_language,
                             args=(lang,))
        st.date_input(text.t("app.as_of", lang), key="ui_as_of", format="DD/MM/YYYY",
                      help=text.t("app.as_of_help", lang), on_change=_forget_invalid_as_of)
        forced = _public_only_here()
        st.toggle(text.t("app.public_mode", lang), key="ui_public", disabled=forced,
                  help=text.t("app.public_only_help" if forced else "app.public_mode_help", lang))

    as_of = st.session_state.get("ui_as_of") or date.today()
    public = bool(st.session_state.get("ui_public"))
    to_url("lang", None if lang == text.DEFAULT_LANGUAGE else lang)
    invalid = _invalid_as_of()
    if invalid is None:
        to_url("as_of", None if as_of == date.today() else as_of.isoformat())
    to_url("mode", "public" if public else None)

    view = View(plan, report, folder, fingerprint, as_of, lang, public)
    st.html(style.page_style(public))
    if invalid is not None:  # said, and kept in the address for correction
        st.warning(view.t("app.as_of_invalid", value=plain_value(invalid), date=view.date(as_of)),
                   icon=":material/event_busy:")
    _sidebar_footer(view)
    slideshow.run(view)
    # Last in the sidebar: the empty element's gap then falls below everything, out of sight.
    _declare_language(lang)
    return view


def plain_value(value: str) -> str:
    """An address's value shown in Markdown: no markup, at most 40 characters."""
    from ogp_metrics.ui.widgets import plain  # widgets imports this module

    return plain(value[:40])


def _invalid_as_of() -> str | None:
    """`?as_of=` when it is not a date and the reader has not picked one since (else None)."""
    raw = st.query_params.get("as_of")
    if raw is None or parse_date(raw) is not None:
        st.session_state.pop(_INVALID_AS_OF, None)
        return None
    if st.session_state.get(_INVALID_AS_OF) == ("picked", raw):
        return None
    st.session_state[_INVALID_AS_OF] = raw
    return raw


def _forget_invalid_as_of() -> None:
    # A date picked in the sidebar replaces the invalid one in the address.
    raw = st.session_state.get(_INVALID_AS_OF)
    if isinstance(raw, str):
        st.session_state[_INVALID_AS_OF] = ("picked", raw)


_INVALID_AS_OF = "_invalid_as_of"


def _declare_language(lang: str) -> None:
    # Streamlit's page says lang="en" whatever it shows: screen readers would read French with
    # English pronunciation (WCAG 3.1.1). `lang` is one of our own codes, never user text.
    with st.sidebar:
        st.html(f"<script>document.documentElement.lang = '{text.language(lang)}'</script>",
                unsafe_allow_javascript=True)


def _sidebar_footer(view: View) -> None:
    with st.sidebar:
        if view.plan is not None:
            last = view.q(figures.last_update, view.as_of)
            st.caption(view.t("app.last_update", date=view.date(last)))
            notice = illustrative_notice(view.q(figures.plan), view.lang)
            if notice:  # said only when plan.csv says the data is made up
                st.caption(notice)
