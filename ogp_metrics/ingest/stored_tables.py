"""How a loaded table is kept and seen: its rows in `<table>__stored`, read by every query
through the view `<table>` (`view_sql`), in a fresh load as in the cache file."""

from __future__ import annotations

import duckdb

from ogp_metrics.contract.schema import Table
from ogp_metrics.ingest import normalise

STORED = "__stored"  # suffix of the table that holds a file's rows; the queries read a view


def stored_name(table: Table) -> str:
    return f"{table.name}{STORED}"


def view_sql(table: Table, source: str) -> str:
    """The SELECT the queries read a table through: text columns as VARCHAR.

    The fast path stores coded values as ENUMs (a byte each, cheap to write and to cache);
    every query, frame and export sees them as text, as the contract says."""
    columns = ["_row"]
    for column in table.columns:
        if normalise.SQL_TYPES[column.kind] == "VARCHAR":
            columns.append(f"CAST({column.name} AS VARCHAR) AS {column.name}")
        else:
            columns.append(column.name)
    return f"SELECT {', '.join(columns)} FROM {source}"


def publish(connection: duckdb.DuckDBPyConnection, table: Table, present: bool) -> None:
    """Turn `stage_<table>` into the table the queries read (empty when the file is absent)."""
    if present:
        # Renamed, not copied: the stage is already in file order; its raw columns are dropped.
        for column in table.columns:  # (the fast path's tables have none)
            connection.execute(f"ALTER TABLE stage_{table.name} DROP COLUMN IF EXISTS {column.name}__raw")
        connection.execute(f"ALTER TABLE stage_{table.name} RENAME TO {stored_name(table)}")
    else:
        definitions = ", ".join(
            f"{column.name} {normalise.SQL_TYPES[column.kind]}" for column in table.columns
        )
        connection.execute(f"CREATE TABLE {stored_name(table)} (_row BIGINT, {definitions})")
    connection.execute(f"CREATE VIEW {table.name} AS {view_sql(table, stored_name(table))}")


# Participation summed by day, activity, commitment and event. The figures that need no other
# column (by month, running totals, totals, the targets) read these rows: a vote's thousand
# rows by sector, age and gender are one here, and 10 M generated records about 200,000.
DAILY = "participation_daily"
_DAILY_ROWS = """
SELECT date, activity, commitment_id, event_id,
       CAST(sum(participants) AS BIGINT) AS participants,
       CAST(sum(contributions) AS BIGINT) AS contributions, count(*) AS records
FROM {source} GROUP BY ALL
"""


# The participation records as stored, their coded columns as ENUMs where the fast path wrote
# them: a grouping by sector, age group or gender groups these one-byte codes and turns only
# the groups into text (three times faster at 10 M than grouping the text of every row).
CODED = "participation_coded"


def daily_view_sql(source: str) -> str:
    """The SELECT the queries read `participation_daily` through (its codes as text)."""
    return (f"SELECT date, CAST(activity AS VARCHAR) AS activity, "
            f"CAST(commitment_id AS VARCHAR) AS commitment_id, CAST(event_id AS VARCHAR) AS event_id, "
            f"participants, contributions, records FROM {source}")


def publish_summaries(connection: duckdb.DuckDBPyConnection) -> None:
    """Sum the published participation rows into `participation_daily` (kept, like the tables)."""
    stored = f"{DAILY}{STORED}"
    connection.execute(f"CREATE TABLE {stored} AS {_DAILY_ROWS.format(source='participation' + STORED)}")
    show_summaries(connection, "", "")


def show_summaries(connection: duckdb.DuckDBPyConnection, source: str, target: str) -> None:
    """The views `participation_daily` and `participation_coded` in the schema `target` (a
    prefix such as `memory.main.`, or ""), over the stored tables of `source` (likewise)."""
    connection.execute(f"CREATE VIEW {target}{DAILY} AS {daily_view_sql(f'{source}{DAILY}{STORED}')}")
    connection.execute(f"CREATE VIEW {target}{CODED} AS SELECT * FROM {source}participation{STORED}")
