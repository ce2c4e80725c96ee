"""The Update page's mapping step: how to read a dropped file whose columns are not the contract's.

Each contract column gets a select of the file's columns (or a constant); the date order and
the thousands separator are chosen once for the file; the first rows show as they will be
read; the choice can be saved as a profile of the data folder, which is offered again for the
next file with the same columns.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pandas as pd
import streamlit as st

from ogp_metrics import updates
from ogp_metrics.contract.aliases import spelling_key
from ogp_metrics.contract.schema import TABLES_BY_NAME
from ogp_metrics.ingest import mapping
from ogp_metrics.ingest.problems import describe_problem
from ogp_metrics.ui.view import View
from ogp_metrics.ui.widgets import plain
from ogp_metrics.updates import incoming, profile_store

NONE, CONSTANT = "", "\u0000constant"  # select values that are not column names
THOUSANDS = (None, ",", ".", "'")
SHOWN_ROWS = 5


def reading(view: View, key: str, upload: updates.Upload, limits: updates.Limits) -> mapping.Profile | None:
    """The profile to read `upload` with (None: as the contract reads it), chosen in an expander
    that opens by itself when the file's columns are not its table's."""
    deadline = time.monotonic() + limits.max_seconds
    shape = incoming.export_shape(upload, limits, deadline)
    if shape.problems or not shape.header:
        return None  # the check says what is wrong with the file
    table = upload.table
    saved = [profile for _origin, _path, profile in mapping.available_profiles(Path(view.folder))
             if isinstance(profile, mapping.Profile) and profile.matches(shape.header)]
    differs = not shape.matches(table)
    if not differs and not saved and not st.toggle(
            view.t("imports.ui.read_otherwise", file=plain(upload.name)), key=f"map_open_{key}",
            help=view.t("imports.ui.read_otherwise_help")):
        return None  # the contract's own columns: read as they are, unless the person says otherwise
    with st.expander(view.t("imports.ui.reading", file=plain(upload.name)), expanded=differs,
                     icon=":material/table_chart:"):
        if differs:
            st.warning(view.t("imports.ui.columns_differ", table=TABLES_BY_NAME[table].filename),
                       icon=":material/swap_horiz:")
        names = [None, *(profile.name for profile in saved)]
        chosen = st.selectbox(view.t("imports.ui.profile"), names, index=1 if saved else 0,
                              key=f"map_profile_{key}",
                              format_func=lambda name: view.t("imports.ui.by_hand") if name is None else name)
        if chosen is not None:
            profile = next(profile for profile in saved if profile.name == chosen)
            if profile.description:
                st.caption(plain(profile.description))
            used = profile
        else:
            profile = _by_hand(view, key, table, shape)
            used = profile if _differs_from_contract(profile, table, shape) else None
        _first_rows(view, used, upload, limits, deadline, shape)
        if chosen is None:
            _save(view, key, profile, upload.name)
    return used


def _by_hand(view: View, key: str, table: str, shape: incoming.ExportShape) -> mapping.Profile:
    left, right = st.columns(2)
    order = left.selectbox(view.t("imports.ui.date_order"), mapping.DATE_ORDERS, key=f"map_order_{key}",
                           format_func=lambda code: view.t(f"imports.ui.date_order.{code}"))
    thousands = right.selectbox(view.t("imports.ui.thousands"), THOUSANDS, key=f"map_thousands_{key}",
                                format_func=lambda mark: view.t(f"imports.ui.thousands.{_mark_name(mark)}"))
    st.markdown(f"**{plain(view.t('imports.ui.columns'))}**")
    options = [NONE, *dict.fromkeys(name for name in shape.header if name), CONSTANT]
    by_key = {spelling_key(name): name for name in shape.header if name}
    sources: dict[str, mapping.Source] = {}
    for index, column in enumerate(TABLES_BY_NAME[table].columns):
        if index % 3 == 0:  # a row of three selects: a constant's box stays under its own
            grid = st.columns(3)
        cell = grid[index % 3]
        default = by_key.get(spelling_key(column.name), NONE)
        label = plain(column.name) + (" \\*" if column.required else "")
        choice = cell.selectbox(label, options, index=options.index(default), key=f"map_{key}_{column.name}",
                                format_func=lambda value: _option_text(view, value),
                                help=column.description_fr if view.lang == "fr" else column.description_en)
        if choice == CONSTANT:
            constant = cell.text_input(view.t("imports.ui.constant", column=column.name),
                                       key=f"map_{key}_{column.name}_constant",
                                       label_visibility="collapsed",
                                       placeholder=view.t("imports.ui.constant", column=column.name))
            sources[column.name] = mapping.Source(constant=constant.strip())
        elif choice:
            sources[column.name] = mapping.Source(column=choice)
    # A cleared select (its ×) means the default: day first, spaces for thousands.
    return mapping.Profile("mapping", date_order=order or "dmy", thousands=thousands,
                           tables=(mapping.TableMapping(table, sources),))


def _option_text(view: View, value: str) -> str:
    if value == NONE:
        return view.t("imports.ui.no_column")
    if value == CONSTANT:
        return view.t("imports.ui.a_constant")
    return value


def _mark_name(mark: str | None) -> str:
    return {None: "spaces", ",": "comma", ".": "point", "'": "apostrophe"}[mark]


def _differs_from_contract(profile: mapping.Profile, table: str, shape: incoming.ExportShape) -> bool:
    """Whether the choice reads the file otherwise than the contract would (else its bytes pass)."""
    suggested = mapping.suggested(TABLES_BY_NAME[table], shape.header).columns
    return (profile.date_order != "dmy" or profile.thousands is not None
            or profile.tables[0].columns != suggested)


def _first_rows(view: View, profile: mapping.Profile | None, upload: updates.Upload,
                limits: updates.Limits, deadline: float, shape: incoming.ExportShape) -> None:
    st.markdown(f"**{plain(view.t('imports.ui.first_rows'))}**")
    if profile is None:
        header, rows, problems = shape.header, shape.rows, []
    else:
        header, rows, problems = incoming.read_as(profile, upload, limits, deadline, SHOWN_ROWS)
    for problem in problems[:SHOWN_ROWS]:
        st.error(plain(describe_problem(problem, view.lang)), icon=":material/error:")
    if header:
        width = len(header)
        frame = pd.DataFrame([(row + [""] * width)[:width] for row in rows[:SHOWN_ROWS]],
                             columns=_unique(header))
        st.dataframe(frame, hide_index=True, width="stretch")


def _unique(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def _save(view: View, key: str, profile: mapping.Profile, file_name: str) -> None:
    """Keep the choice as a profile of the data folder, offered again for the same columns."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", file_name.rsplit(".", 1)[0]).strip("-")[:60] or "profil"
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    name = left.text_input(view.t("imports.ui.profile_name"), value=stem, key=f"map_name_{key}",
                           max_chars=63)
    if right.button(view.t("imports.ui.save"), key=f"map_save_{key}", icon=":material/save:"):
        try:
            path = profile_store.save_profile(Path(view.folder), name, profile)
        except (mapping.ProfileError, OSError) as error:
            reason = (view.t(f"profile_error.{error.code}", **error.details)
                      if isinstance(error, mapping.ProfileError) else str(getattr(error, "strerror", error)))
            st.error(plain(reason), icon=":material/error:")
        else:
            st.success(view.t("imports.ui.saved", name=plain(path.stem)), icon=":material/check_circle:")
