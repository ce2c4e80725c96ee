"""History (staff only): every publish and restore; any version against the current files; restore."""

import streamlit as st

from ogp_metrics import updates
from ogp_metrics.ui import staff, widgets
from ogp_metrics.ui.view import current_view

view = current_view()
staff.require_staff(view)
st.title(view.t("history.title"))
st.write(view.t("history.intro"))
staff.flash("history_flash")

interrupted = updates.pending(view.folder)
if interrupted is not None:
    st.warning(view.t("history.pending", version=interrupted.get("version")), icon=":material/warning:")
    if st.button(view.t("history.complete"), icon=":material/build:"):
        updates.recover(view.folder)
        staff.clear_caches()
        st.rerun()

damaged = updates.log_problems(view.folder)  # skipped below; publishing waits for a repair
if damaged:
    st.warning(view.tn("history.damaged", len(damaged), lines=updates.describe_log_problems(damaged)),
               icon=":material/warning:")
entries = updates.history(view.folder)
refused = updates.refusals(view.folder)
if refused:
    with st.expander(view.t("history.refused") + f" ({view.number(len(refused))})"):
        st.dataframe(updates.refusals_table(refused, view.lang), hide_index=True, width="stretch")
widgets.stop_when(view, not entries, "history.empty")
log = updates.history_table(entries, view.lang)
st.dataframe(log, hide_index=True, width="stretch",
             column_config={column: view.t(f"history.column.{column}") for column in log.columns})

st.subheader(view.t("history.compare"))
labels = updates.version_labels(entries, view.lang)
version = st.selectbox(view.t("history.pick"), list(labels), format_func=labels.get, key="history_version")
side = st.radio(view.t("history.content"), ["after", "before"], horizontal=True, key="history_side",
                format_func=lambda name: view.t(f"history.content.{name}"))
kept = [entry for entry in entries if entry["version"] == version
        and updates.has_object(view.folder, entry[f"sha256_{side}"] or "")]
for column, entry in zip(st.columns(max(len(kept), 1)), kept, strict=False):
    column.download_button(view.t("history.download", file=entry["file"]), icon=":material/download:",
                           data=updates.read_object(view.folder, entry[f"sha256_{side}"]),
                           file_name=f"{entry['file'].removesuffix('.csv')}-v{version}-{side}.csv",
                           mime="text/csv", key=f"history_download_{entry['file']}")

try:
    preparation = staff.checked_once("history_preparation", (version, side, len(entries), view.as_of),
                                     lambda: updates.prepare_restore(view.folder, version, side == "before",
                                                                     view.as_of))
except updates.PublishRefused as error:  # a kept version was deleted by hand
    st.error(error.message(view.lang), icon=":material/error:")
    st.stop()
if not preparation.ok:
    st.warning(view.t("history.cannot_restore"), icon=":material/warning:")
    staff.show_problems(view, preparation.problems, set())
    st.stop()
if not preparation.files:
    st.info(view.t("history.same"), icon=":material/check_circle:")
    st.stop()
st.write(view.t("history.diff"))
staff.show_changes(view, preparation)
staff.show_figures(view, preparation)

form = staff.PublishForm("history_restore", view.t("history.restore_title"),
                         view.t("history.restore_reason_placeholder", version=version),
                         view.t("history.restore"), ":material/restore:")
new_version = staff.confirm_and_publish(view, preparation, form, "history_preparation")
if new_version is not False:
    staff.flash("history_flash", view.t("history.restored", version=version, new=new_version))
    st.rerun()
