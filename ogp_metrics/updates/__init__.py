"""Staff updates: intake of files, a preview of the change, the crash-safe store, its history.

Use them through this package: `updates.prepare(folder, uploads)` checks and previews,
`updates.publish(preparation, by, reason)` writes; `updates.history(folder)` reads the log.
"""

from ogp_metrics.updates.history import (
    has_object,
    history,
    history_table,
    last_version,
    log_problems,
    pending,
    read_object,
    refusals,
    refusals_table,
    version_labels,
    versions,
)
from ogp_metrics.updates.intake import MB, Candidate, Limits, Upload, match_table, read_upload, shown_name
from ogp_metrics.updates.layout import (
    HISTORY,
    LOCK,
    LOG,
    LOG_KEYS,
    OBJECTS,
    PAUSE_ENV,
    PENDING,
    REFUSED,
    PublishRefused,
    describe_log_problems,
    file_sha256,
    sha256,
)
from ogp_metrics.updates.log_lines import LogProblem
from ogp_metrics.updates.preview import Preparation, TableChange, headline_rows, prepare, prepare_restore
from ogp_metrics.updates.repair import Repair, repair_history
from ogp_metrics.updates.store import MAX_BY, MAX_REASON, publish, recover, restore

__all__ = [
    "HISTORY", "LOCK", "LOG", "LOG_KEYS", "MAX_BY", "MAX_REASON", "MB", "OBJECTS", "PAUSE_ENV",
    "PENDING", "REFUSED", "Candidate", "Limits", "LogProblem", "Preparation", "PublishRefused",
    "Repair", "TableChange", "Upload", "describe_log_problems", "file_sha256", "has_object",
    "headline_rows", "history", "history_table", "last_version", "log_problems", "match_table",
    "pending", "prepare", "prepare_restore", "publish", "read_object", "read_upload", "recover",
    "refusals", "refusals_table", "repair_history", "restore", "sha256", "shown_name",
    "version_labels", "versions",
]
