"""Update (staff only): drop CSV or Excel files, say how each is read and meets the current rows,
see their problems or the change, publish."""

import streamlit as st

from ogp_metrics import updates
from ogp_metrics.ui import import_choices, staff
from ogp_metrics.ui.view import current_view

view = current_view()
staff.require_staff(view)
st.title(view.t("update.title"))
st.write(view.t("update.intro"))
staff.flash("update_flash")
recovered = updates.recover(view.folder)  # finishes a publish a crash interrupted (rare)
if recovered:
    st.info(view.t("update.recovered", version=recovered), icon=":material/info:")

limits = updates.Limits()
upload_round = st.session_state.setdefault("update_round", 0)  # a new round empties the uploader
files = st.file_uploader(
    view.t("update.upload"), type=["csv", "xlsx"], accept_multiple_files=True,
    key=f"update_files_{upload_round}", max_upload_size=limits.max_bytes // updates.MB,
    help=view.t("update.upload_help", limit=limits.max_bytes // updates.MB))
if not files:
    st.caption(view.t("update.limit_rows", rows=view.number(limits.max_rows),
                      columns=view.number(limits.max_columns)))
    st.stop()

st.subheader(view.t("update.tables"))
uploads = [import_choices.file_upload(view, file, limits) for file in files]
choices = zip(files, uploads, strict=True)
signature = (tuple(import_choices.signature(file, upload) for file, upload in choices), view.as_of)
preparation = staff.checked_once("update_preparation", signature,
                                 lambda: updates.prepare(view.folder, uploads, limits, view.as_of),
                                 view.t("update.checking"))
if not preparation.ok:
    staff.show_problems(view, preparation.problems, {updates.shown_name(f.name) for f in files})
    st.stop()
if not preparation.files:
    st.info(view.t("update.nothing"), icon=":material/info:")
    st.stop()
st.success(view.t("update.valid"), icon=":material/check_circle:")
st.subheader(view.t("update.changes"))
import_choices.show_notes(view, preparation)
staff.show_changes(view, preparation)
staff.show_figures(view, preparation)

form = staff.PublishForm("update_publish", view.t("update.confirm_title"),
                         view.t("update.reason_placeholder"),
                         view.tn("update.publish", len(preparation.files)), ":material/publish:",
                         confirm=view.t("update.confirm"))
version = staff.confirm_and_publish(view, preparation, form, "update_preparation")
if version is not False:
    st.session_state["update_round"] = upload_round + 1
    staff.flash("update_flash", view.t("update.published", version=version) if version
                else view.t("update.nothing"))
    st.rerun()
