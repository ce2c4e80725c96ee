"""The URL as part of the page's state: `?lang=`, `?as_of=`, `?mode=` and page parameters
survive a reload and can be shared as a link."""

from __future__ import annotations

from datetime import date

import streamlit as st


def parse_date(raw: str | None) -> date | None:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def from_url(name: str, widget_key: str, parse) -> None:
    """Apply `?name=` to the widget when the URL changed it (a shared link, a page reload)."""
    raw = st.query_params.get(name)
    if raw is None or raw == st.session_state.get(f"_url_{name}"):
        return
    value = parse(raw)
    if value is not None:
        st.session_state[widget_key] = value
    st.session_state[f"_url_{name}"] = raw


def to_url(name: str, value: str | None) -> None:
    if value is None:
        if name in st.query_params:
            del st.query_params[name]
        st.session_state.pop(f"_url_{name}", None)
        return
    if st.query_params.get(name) != value:
        st.query_params[name] = value
    st.session_state[f"_url_{name}"] = value


def url_bound_select(param: str, key: str, options: list[str], label: str, format_func,
                     placeholder: str, help_text: str | None = None) -> tuple[str | None, str | None]:
    """A select whose choice is `?param=` in the URL (a shared link opens that choice).

    Returns the choice and, when the URL names a value that is not an option, that value
    (so that the page can say it was not found); a new link wins over the last choice, a
    click over the URL.
    """
    raw = st.query_params.get(param)
    if raw is None:
        st.session_state.pop(f"_url_{param}", None)
    elif raw != st.session_state.get(f"_url_{param}") or key not in st.session_state:
        st.session_state[f"_url_{param}"] = raw
        if raw in options:
            st.session_state[key] = raw
    chosen = st.selectbox(label, options, index=None, key=key, format_func=format_func,
                          placeholder=placeholder, help=help_text)
    unknown = raw if raw is not None and raw not in options and chosen is None else None
    if chosen is not None:
        st.query_params[param] = chosen
        st.session_state[f"_url_{param}"] = chosen
    elif unknown is None and param in st.query_params:
        del st.query_params[param]
    return chosen, unknown
