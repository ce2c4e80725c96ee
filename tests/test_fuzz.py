"""Corrupt one file of the tiny folder at random: it loads, or it is refused with clear messages.

Never another exception, never a message without its file. Each example loads a whole folder
(about half a second), so the number of examples is kept small and the run derandomised: the
same examples every run, no example database written.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

from helpers import TINY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ogp_metrics import figures
from ogp_metrics.contract.schema import TABLES
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.ingest.problems import DataFolderError, describe_problem

FILES = sorted(path.name for path in TINY.glob("*.csv"))
CONTRACT_FILES = {table.filename for table in TABLES}
# Bytes that break CSV files in real life: NUL, quotes, separators, line ends, stray Latin-1 and
# Windows-1252 bytes, a lone UTF-8 continuation byte, the start of a BOM.
NASTY = [b"\x00", b'"', b",", b";", b"\t", b"\n", b"\r", b"\r\n", b"\xe9", b"\x81", b"\x9d", b"\xff",
         b"\x80", b"\xef\xbb\xbf", b"%", b"|", b" ", b"\xc2\xa0"]


def truncate(data: bytes, draw) -> bytes:
    return data[: draw(st.integers(0, len(data)))]


def insert_bytes(data: bytes, draw) -> bytes:
    at = draw(st.integers(0, len(data)))
    chunk = draw(st.lists(st.one_of(st.sampled_from(NASTY), st.binary(min_size=1, max_size=3)),
                          min_size=1, max_size=6))
    return data[:at] + b"".join(chunk) + data[at:]


def delete_line(data: bytes, draw) -> bytes:
    lines = data.splitlines(keepends=True) or [b""]
    del lines[draw(st.integers(0, len(lines) - 1))]
    return b"".join(lines)


def duplicate_line(data: bytes, draw) -> bytes:
    lines = data.splitlines(keepends=True) or [b""]
    index = draw(st.integers(0, len(lines) - 1))
    lines.insert(draw(st.integers(0, len(lines))), lines[index])
    return b"".join(lines)


def swap_lines(data: bytes, draw) -> bytes:
    lines = data.splitlines(keepends=True) or [b""]
    first, second = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
    lines[first], lines[second] = lines[second], lines[first]
    return b"".join(lines)


def reencode(data: bytes, draw) -> bytes:
    encoding = draw(st.sampled_from(["utf-16", "utf-16-le", "latin-1", "cp1252", "utf-8-sig", "utf-32"]))
    return data.decode("utf-8", errors="replace").encode(encoding, errors="replace")


def replace_cell(data: bytes, draw) -> bytes:
    lines = data.decode("utf-8", errors="replace").splitlines(keepends=True) or [""]
    index = draw(st.integers(0, len(lines) - 1))
    cells = lines[index].rstrip("\n").split(",")
    cells[draw(st.integers(0, len(cells) - 1))] = draw(st.one_of(
        st.text(max_size=12),
        st.sampled_from(["", " ", '"', '""', "-1", "1e309", "NaN", "31/02/2025", "0000-00-00",
                         "9999999999999999999999", "100,5 %", "javascript:alert(1)", "75116", "oui",
                         "Comité de pilotage", "C1", "C1-M1", "DDCT", "2025-06-30", "a|b", "\u202f"]),
    ))
    lines[index] = ",".join(cells) + "\n"
    return "".join(lines).encode("utf-8", errors="surrogatepass")


MUTATIONS = [truncate, insert_bytes, delete_line, duplicate_line, swap_lines, reencode, replace_cell]


@st.composite
def corrupted(draw) -> tuple[str, bytes]:
    filename = draw(st.sampled_from(FILES))
    data = (TINY / filename).read_bytes()
    for mutation in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=2)):
        data = mutation(data, draw)
    return filename, data


@settings(max_examples=30, deadline=timedelta(seconds=30), derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(corrupted())
def test_corrupted_file_loads_or_is_refused_clearly(case):
    filename, data = case
    with tempfile.TemporaryDirectory(prefix="ogp-fuzz-") as workdir:
        folder = Path(workdir) / "data"
        shutil.copytree(TINY, folder)
        (folder / filename).write_bytes(data)
        try:
            plan = load_plan(folder)
        except DataFolderError as error:
            found = error.report.problems
            assert found, "refused without a problem"
            for problem in found:
                assert problem.file in CONTRACT_FILES, problem
                for lang in ("fr", "en"):
                    message = describe_problem(problem, lang)
                    assert isinstance(message, str) and message.startswith(problem.file), message
                    assert "problem." not in message  # a message, not a missing text key
            return
        try:
            # What loads must also be usable: every headline figure computes.
            for as_of in (date(2025, 6, 30), date(2025, 6, 30) + timedelta(days=365)):
                totals = figures.headline(plan.cursor(), as_of)
                assert totals["milestones"]["total"] >= 0
        finally:
            plan.connection.close()
