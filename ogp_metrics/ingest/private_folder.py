"""A folder only the current user can write in: where the load cache may keep its files.

The cache's files hold whole validated tables (internal notes included) and are trusted once
their name's hash matches their bytes: anyone who can write in the folder can plant a file that
changes the figures, and anyone who can read it can read the notes. So a cache folder is created
0700, and an existing one is used only if the current user owns it and neither its group nor
others may write in it (its permissions are then tightened to 0700). Otherwise it is not used:
the plan loads without the cache, and a warning (logger `ogp_metrics.cache`, once per folder)
says which folder and why.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

_LOG = logging.getLogger("ogp_metrics.cache")
_warned: set[tuple[str, str]] = set()


def private_folder(path: Path) -> bool:
    """Make `path` (resolved) a private folder if it can be one; whether it is."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = path.stat()
    except OSError as error:
        return _refuse(path, f"cannot be created or read ({error.strerror})")
    if not stat.S_ISDIR(status.st_mode):
        return _refuse(path, "is not a folder")
    if status.st_uid != os.getuid():
        return _refuse(path, f"belongs to user id {status.st_uid}, not to this process's "
                             f"({os.getuid()})")
    if status.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        # Someone else could have written in it already: its files are not trusted.
        return _refuse(path, f"can be written by others (mode {stat.S_IMODE(status.st_mode):o})")
    if stat.S_IMODE(status.st_mode) != 0o700:
        try:
            os.chmod(path, 0o700)
        except OSError as error:
            return _refuse(path, f"cannot be made private ({error.strerror})")
    return os.access(path, os.W_OK) or _refuse(path, "is not writable")


def _refuse(path: Path, why: str) -> bool:
    if (str(path), why) not in _warned:
        _warned.add((str(path), why))
        _LOG.warning("Cache folder %s not used: it %s.", path, why)
    return False
