"""Staff updates: intake of files, a preview of the change, the crash-safe store, its history.

Use them through this package: `updates.prepare(folder, uploads)` checks and previews,
`updates.publish(preparation, by, reason)` writes; `updates.history(folder)` reads the log.
"""

from ogp_metrics.updates.history import (
    has_object,
    history,
    history_table,
    last_version,
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
    file_sha256,
    sha256,
)
from ogp_metrics.updates.preview import Preparation, TableChange, headline_rows, prepare, prepare_restore
from ogp_metrics.updates.store import MAX_BY, MAX_REASON, publish, recover, restore

__all__ = [
    "HISTORY", "LOCK", "LOG", "LOG_KEYS", "MAX_BY", "MAX_REASON", "MB", "OBJECTS", "PAUSE_ENV",
    "PENDING", "REFUSED", "Candidate", "Limits", "Preparation", "PublishRefused", "TableChange",
    "Upload", "file_sha256", "has_object", "headline_rows", "history", "history_table",
    "last_version", "match_table", "pending", "prepare", "prepare_restore", "publish",
    "read_object", "read_upload", "recover", "refusals", "refusals_table", "restore", "sha256",
    "shown_name", "version_labels", "versions",
]
