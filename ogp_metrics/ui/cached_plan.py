"""The plan and its figures, cached per data version: shared by every session of the server.

A DuckDB connection is not thread-safe and Streamlit runs each session in its own thread: one
connection is cached per folder version, and each query opens its own cursor."""

from __future__ import annotations

import importlib
from pathlib import Path

import streamlit as st

from ogp_metrics.contract import schema
from ogp_metrics.ingest.cache import load_plan_cached
from ogp_metrics.ingest.load import FolderReport, Plan, data_folder
from ogp_metrics.ingest.problems import DataFolderError

CACHE_TTL_SECONDS = 3600


def folder_fingerprint(folder: Path) -> tuple:
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
def loaded_plan(folder: str, fingerprint: tuple) -> tuple[Plan | None, FolderReport]:
    try:
        plan = load_plan_cached(folder)
    except DataFolderError as error:
        return None, error.report
    return plan, plan.report


@st.cache_data(max_entries=512, ttl=CACHE_TTL_SECONDS, show_spinner=False)
def cached_query(folder: str, fingerprint: tuple, path: str, args: tuple, kwargs: tuple):
    module, name = path.split(":")
    query = getattr(importlib.import_module(module), name)
    plan, _report = loaded_plan(folder, fingerprint)
    with plan.cursor() as cursor:
        return query(cursor, *args, **dict(kwargs))


def current_data() -> tuple[str, tuple, Plan | None, FolderReport]:
    folder = data_folder()
    fingerprint = folder_fingerprint(folder)
    plan, report = loaded_plan(str(folder), fingerprint)
    return str(folder), fingerprint, plan, report
