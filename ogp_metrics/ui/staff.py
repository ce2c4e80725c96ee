"""What the staff pages (Update, History) draw alike: the guard, problems, a change's preview."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import SimpleNamespace

import streamlit as st

from ogp_metrics import updates
from ogp_metrics.ingest.problems import Problem, describe_problem, problem_count
from ogp_metrics.ui import auth
from ogp_metrics.ui.problems import problems_table
from ogp_metrics.ui.view import View
from ogp_metrics.ui.widgets import plain


def require_staff(view: View) -> None:
    """Stop the page for anyone but signed-in staff (the router already hides it from them)."""
    if not auth.is_staff() or view.public:
        st.info(view.t("staff.only"), icon=":material/lock:")
        st.stop()


def signed_in_name() -> str:
    user = auth.current_user()
    return auth.user_label(user) if user else ""


def show_problems(view: View, problems: list[Problem], own_files: set[str]) -> None:
    """Every problem in plain words (file, row, column), then the same as a table."""
    st.error(view.tn("update.problems", problem_count(problems)), icon=":material/error:")
    for problem in problems[:200]:
        st.markdown("- " + plain(describe_problem(problem, view.lang)))
    if any(problem.file and problem.file not in own_files for problem in problems):
        st.caption(view.t("update.problems_other_files"))
    with st.expander(view.t("problems.as_table"), icon=":material/table:"):
        st.dataframe(problems_table(SimpleNamespace(problems=problems), view.lang), hide_index=True,
                     width="stretch")


def show_changes(view: View, preparation: updates.Preparation) -> None:
    """Per table: rows added, removed and changed, each list in an expander."""
    headers = {"column": view.t("update.column.column"), "before": view.t("update.column.before"),
               "after": view.t("update.column.after")}
    for candidate, change in zip(preparation.candidates, preparation.changes, strict=True):
        source = candidate.source
        if candidate.sheet:
            source += f" ({view.t('update.sheet', sheet=candidate.sheet)})"
        summary = view.t("update.change_summary", file=change.filename, source=plain(source),
                         added=view.number(len(change.added)), removed=view.number(len(change.removed)),
                         changed=view.number(change.changed_rows),
                         before=view.number(change.rows_before), after=view.number(change.rows_after))
        with st.expander(summary, expanded=not change.is_empty and len(preparation.changes) <= 3):
            if change.is_empty:
                st.caption(view.t("update.no_change_in_table"))
            # An empty cell before or after shows as a dash: blank, not missing.
            cells = change.changed.replace({"before": {"": "—"}, "after": {"": "—"}})
            for key, frame in (("update.added", change.added), ("update.removed", change.removed),
                               ("update.changed", cells.rename(columns=headers))):
                if not frame.empty:
                    st.markdown(f"**{view.t(key)}** ({view.number(len(frame))})")
                    st.dataframe(frame.head(500), hide_index=True, width="stretch")


def show_figures(view: View, preparation: updates.Preparation) -> None:
    """The headline figures before and after; the ones that change come first."""
    st.subheader(view.t("update.figures", date=view.date(preparation.as_of)))
    if preparation.headline_before is None:
        st.caption(view.t("update.figures_no_before"))
    figures = updates.headline_rows(preparation, view.lang)
    st.dataframe(figures, hide_index=True, width="stretch",
                 column_config={name: view.t(f"update.column.{name}") for name in figures.columns})


def clear_caches() -> None:
    """After a publish or restore: drop every cached plan and figure, for every session.

    The cache keys also hold the files' size and modification time, so the next interaction
    of any open session loads the new files even without this; clearing frees the old ones.
    """
    st.cache_data.clear()
    st.cache_resource.clear()


def flash(key: str, message: str | None = None) -> None:
    """Show a message once, across the rerun that follows a publish."""
    if message is not None:
        st.session_state[key] = message
        return
    shown = st.session_state.pop(key, None)
    if shown:
        st.success(shown, icon=":material/check_circle:")


def checked_once(state_key: str, signature: tuple, prepare: Callable[[], updates.Preparation],
                 spinner: str | None = None) -> updates.Preparation:
    """The preparation of this set of files, checked once: a publish is refused if the data
    changed since (the store compares every file's hash), so reruns need not check again."""
    checked = st.session_state.get(state_key)
    if checked is None or checked[0] != signature:
        if spinner:
            with st.spinner(spinner):
                checked = (signature, prepare())
        else:
            checked = (signature, prepare())
        st.session_state[state_key] = checked
    return checked[1]


@dataclass(frozen=True)
class PublishForm:
    """The words of a confirm-and-publish form (Update publishes, History restores)."""

    key: str
    title: str
    placeholder: str
    button: str
    icon: str
    confirm: str | None = None  # a box to tick before publishing, when given


def confirm_and_publish(view: View, preparation: updates.Preparation, form: PublishForm,
                        state_key: str) -> int | None | bool:
    """The form; on submit, the publish. Returns the new version (None: nothing differed), or
    False when nothing was published (not submitted, or refused: the reason is shown)."""
    with st.form(form.key):
        st.subheader(form.title)
        reason = st.text_input(view.t("update.reason"), max_chars=updates.MAX_REASON,
                               placeholder=form.placeholder)
        confirmed = st.checkbox(form.confirm) if form.confirm else True
        submitted = st.form_submit_button(form.button, type="primary", icon=form.icon)
    if not submitted:
        return False
    if not reason.strip():
        st.error(view.t("update.need_reason"), icon=":material/error:")
        return False
    if not confirmed:
        st.error(view.t("update.need_confirm"), icon=":material/error:")
        return False
    try:
        version = updates.publish(preparation, signed_in_name(), reason)
    except updates.PublishRefused as error:
        st.error(error.message(view.lang), icon=":material/block:")
        return False
    finally:
        st.session_state.pop(state_key, None)  # checked again on the next run
    clear_caches()
    return version
