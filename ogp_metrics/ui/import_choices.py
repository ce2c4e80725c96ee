"""The Update page's choices for each dropped file, and what the preview adds about each.

For a file: its table, how it meets the current rows (replace, append, update; append is
preselected where the contract says so: participation and meetings) and how to read it
(`mapping_step`). In the preview: the mode, the rows skipped as already there, the columns
nothing reads and the warnings about its rows.
"""

from __future__ import annotations

import dataclasses

import streamlit as st

from ogp_metrics import updates
from ogp_metrics.contract import schema
from ogp_metrics.ingest import mapping
from ogp_metrics.ingest.problems import describe_problem, problem_count
from ogp_metrics.ui import mapping_step
from ogp_metrics.ui.view import View
from ogp_metrics.ui.widgets import plain
from ogp_metrics.updates import summary


def file_upload(view: View, file, limits: updates.Limits) -> updates.Upload:
    """What the person chose for one dropped file (`file` is Streamlit's uploaded file)."""
    choices = [None, *(table.name for table in schema.TABLES)]
    table = st.selectbox(
        plain(file.name), choices, index=choices.index(updates.match_table(file.name)),
        key=f"update_table_{file.file_id}",
        format_func=lambda name: view.t("update.choose") if name is None
        else schema.TABLES_BY_NAME[name].filename)
    upload = updates.Upload(file.name, file.getvalue(), table)
    if table is None:
        return upload
    profile = mapping_step.reading(view, file.file_id, upload, limits)
    filled = profile.table_names if profile is not None and profile.tables else [table]
    target = schema.TABLES_BY_NAME[filled[0]]
    modes = schema.IMPORT_MODES if target.key else ("replace",)
    mode = st.radio(view.t("imports.ui.mode"), modes, index=modes.index(target.default_mode),
                    key=f"update_mode_{file.file_id}_{target.name}", horizontal=True,
                    format_func=lambda code: view.t(f"imports.ui.mode.{code}"),
                    help=view.t("imports.ui.mode_help", key_columns=" + ".join(target.key) or "—"))
    return dataclasses.replace(upload, mode=mode, profile=profile)


def signature(file, upload: updates.Upload) -> tuple:
    """What decides a check's result: the file, and every choice made for it."""
    profile = mapping.profile_toml(upload.profile) if upload.profile is not None else None
    return (file.file_id, upload.table, upload.mode, profile)


def show_notes(view: View, preparation: updates.Preparation) -> None:
    """Per file: how it meets the current rows, what was skipped or ignored, and the warnings."""
    for file in summary.file_summaries(preparation):
        lines = [view.t("imports.ui.note", file=plain(file.file), target=file.filename,
                        mode=view.t(f"imports.mode.{file.mode}"), skipped=view.number(file.skipped))]
        if file.ignored_columns:
            lines.append(view.t("imports.cli.ignored", columns=plain(", ".join(file.ignored_columns))))
        st.caption("  \n".join(lines))
        if file.warnings:
            label = view.tn("imports.ui.warnings", problem_count(list(file.warnings)), file=plain(file.file))
            with st.expander(label, icon=":material/warning:"):
                for warning in file.warnings:
                    st.markdown("- " + plain(describe_problem(warning, view.lang)))
