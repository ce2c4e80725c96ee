"""What the command line prints cannot drive the terminal: control characters are escaped.

A cell value, a file name, `--by` or `--reason` may hold terminal escape sequences (ESC, CSI,
a carriage return that overwrites a line, bidirectional overrides that reorder it). Every
character of text the command line writes goes through `escape`, which writes them as
`\\u001b` — also a valid escape inside a JSON string, so JSON output stays JSON. Line breaks
and tabs the command line writes itself are kept; a value's own line breaks are shown as ↵
before they get here (`ingest.problems.one_line`).
"""

from __future__ import annotations

import contextlib
import io
import re
import sys
from collections.abc import Iterator

# C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional formatting marks.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def escape(text: str) -> str:
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class EscapingWriter(io.TextIOBase):
    """A text stream that writes through to another, escaping what could control a terminal."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escape(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self._stream.isatty()

    @property
    def buffer(self):
        """The raw byte stream, for commands that write a file's bytes (`export` to stdout)."""
        return self._stream.buffer

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", "utf-8")


@contextlib.contextmanager
def escaped_output() -> Iterator[None]:
    """Standard output and error escaped while the command runs."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = EscapingWriter(out), EscapingWriter(err)
    try:
        yield
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        sys.stdout, sys.stderr = out, err
