"""Workbooks are read under limits, the load included, and never misread (issue 15, finding 2 and
the formula of finding 3).

The bombs are built here as the security test built them: a few hundred kilobytes of zip that
unzip to a sheet of 190 MB (or 95 MB, just under the sheet's cap) of empty rows, a row of 16,384
empty cells, a declared range of a whole sheet, a small workbook whose shared strings expand to a
CSV text larger than an upload may be. Each is refused with its own message, in a child process
whose address space is capped (`RLIMIT_AS`), quickly and with little memory.
"""

from __future__ import annotations

import io
import resource
import subprocess
import sys
import time
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from helpers import ROOT
from test_publishing import typed_milestones  # tiny's milestones as Excel keeps them

from ogp_metrics import updates
from ogp_metrics.ingest import xlsx
from ogp_metrics.ingest.problems import describe_problem
from ogp_metrics.updates import Upload

MEMORY_CAP = 1024 * 1024 * 1024  # the child's whole address space (Python, openpyxl, buffers)
SHEET = "xl/worksheets/sheet1.xml"
HEAD = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>milestone_id'
        b'</t></is></c></row>')
TAIL = b"</sheetData></worksheet>"


def plain_workbook(rows: list[list[object]], title: str = "Feuil1") -> bytes:
    book = openpyxl.Workbook()
    book.active.title = title
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_sheet_xml(pieces, repeat: int = 1, dimension: bytes = b"") -> bytes:
    """A workbook whose first sheet's XML is `HEAD`, `pieces` `repeat` times, then `TAIL`, streamed
    into the zip (never held whole)."""
    source = zipfile.ZipFile(io.BytesIO(plain_workbook([["milestone_id"]])))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            if info.filename != SHEET:
                archive.writestr(info, source.read(info.filename))
                continue
            with archive.open(SHEET, "w", force_zip64=True) as stream:
                stream.write(HEAD.replace(b"<sheetData>", dimension + b"<sheetData>"))
                for _ in range(repeat):
                    stream.write(pieces)
                stream.write(TAIL)
    return out.getvalue()


def zip_of(name: str, piece: bytes, repeat: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive, \
            archive.open(name, "w", force_zip64=True) as stream:
        for _ in range(repeat):
            stream.write(piece)
    return out.getvalue()


def read_in_a_capped_child(tmp_path: Path, data: bytes) -> tuple[str, float, int]:
    """`xlsx.kind_of`, then `xlsx.sheet_to_csv`, as an upload is read, on `data` in a child
    process whose address space is capped: its
    answer (a problem code, or "read"), wall time in seconds and peak resident memory in MB."""
    path = tmp_path / "upload.xlsx"
    path.write_bytes(data)
    code = ("import sys, time\n"
            "from ogp_metrics.ingest import xlsx\n"
            "data = open(sys.argv[1], 'rb').read()\n"
            "try:\n"
            "    kind = xlsx.kind_of(data)\n"
            "    if kind != 'xlsx':\n"
            "        raise xlsx.ReadError(kind)\n"
            "    xlsx.sheet_to_csv(data, 'milestones', 50_000, 50, time.monotonic() + 20)\n"
            "    print('read')\n"
            "except xlsx.ReadError as error:\n"
            "    print(error.code)\n"
            # This process's own peak (VmHWM): the rusage of a child forked from a large test
            # worker also counts the worker's pages from before the exec.
            "status = open('/proc/self/status').read().splitlines()\n"
            "print(next(line.split()[1] for line in status if line.startswith('VmHWM')))\n")

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    started = time.monotonic()
    child = subprocess.Popen([sys.executable, "-c", code, str(path)], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, preexec_fn=cap_memory)
    output, errors = child.stdout.read(), child.stderr.read()
    child.wait()
    assert child.returncode == 0, errors.decode()[-2000:]
    answer, peak_kb = output.decode().split()
    return answer, time.monotonic() - started, int(peak_kb) // 1024


@pytest.mark.parametrize("name, build, expected", [
    # 190 MB of empty rows in a 0.4 MB upload: refused by its unzipped size, before parsing.
    ("190 MB sheet", lambda: with_sheet_xml(b"<row></row>" * 100_000, repeat=173), "sheet_too_large"),
    # 95 MB, under the sheet's cap: refused by its number of rows, while streaming.
    ("95 MB sheet", lambda: with_sheet_xml(b"<row></row>" * 100_000, repeat=87), "too_many_rows"),
    # 16,384 empty cells in each row (what took 28 s): refused at the first such row.
    ("16,384 columns", lambda: with_sheet_xml(b"<row>" + b'<c s="0"/>' * 16_384 + b"</row>", repeat=200),
     "too_many_columns"),
    # A whole sheet declared: refused when the declaration is met, before the rows.
    ("declared A1:XFD1048576", lambda: with_sheet_xml(b"", dimension=b'<dimension ref="A1:XFD1048576"/>'),
     "too_many_rows"),
    ("declared A1:XFD2", lambda: with_sheet_xml(b"", dimension=b'<dimension ref="A1:XFD2"/>'),
     "declared_range_too_large"),
    # A zip whose `mimetype` member unzips to 1.5 GB: recognising the file must not read it.
    ("1.5 GB mimetype", lambda: zip_of("mimetype", b"\0" * (1 << 20), repeat=1536), "not_text"),
])
def test_a_workbook_bomb_is_refused_quickly_under_a_memory_bound(tmp_path, name, build, expected):
    data = build()
    assert len(data) < 2_000_000, len(data)  # what an upload of a few hundred kB can hold
    answer, seconds, peak_mb = read_in_a_capped_child(tmp_path, data)
    assert answer == expected, name
    assert seconds < 30, (name, seconds)  # seconds alone; a bomb read whole takes minutes
    assert peak_mb < 200, (name, peak_mb)


def test_the_10_mb_limit_applies_to_the_csv_a_workbook_expands_to():
    # 11,000 cells sharing one string of 1,000 characters: a small workbook, an 11 MB CSV.
    text = "x" * 1_000
    data = plain_workbook([["milestone_id", "title_fr"], *[[f"M{n}", text] for n in range(11_000)]])
    assert len(data) < 300_000
    with pytest.raises(xlsx.ReadError) as refused:
        xlsx.sheet_to_csv(data, "milestones", 50_000, 50, time.monotonic() + 60, max_bytes=10 * 1024 * 1024)
    assert refused.value.code == "workbook_csv_too_large"
    assert refused.value.details == {"limit": "10"}


def test_a_formula_without_a_saved_value_is_refused_with_its_row_and_column(tiny):
    # openpyxl (like other tools that write workbooks without computing them) saves the formula
    # only: read as an empty cell, the completed milestone would have become not completed.
    data = plain_workbook(typed_milestones("=DATE(2025,6,1)"))
    preparation = updates.prepare(tiny, [Upload("milestones.xlsx", data)])
    assert [(p.code, p.row, p.column) for p in preparation.problems] == [
        ("formula_without_value", 3, "completed_date")]
    message = describe_problem(preparation.problems[0], "en")
    assert message.startswith("milestones.xlsx, row 3, column “completed_date”: Cell H3 holds a formula "
                              "with no saved value (=DATE(2025,6,1))")


def test_a_formula_with_its_saved_value_is_read_as_that_value():
    data = with_sheet_xml(b'<row r="2"><c r="A2"><f>1+1</f><v>2</v></c></row>'
                          b'<row r="3"><c r="A3" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>'
                          b'<row r="4"><c r="A4" t="str"><f>""</f><v></v></c></row>'
                          b'<row r="5"><c r="A5">'
                          b'<v>5</v></c></row>')
    text, _sheet = xlsx.sheet_to_csv(data, "milestones", 50_000, 50, time.monotonic() + 20)
    assert text == 'milestone_id\n2\nab\n""\n5\n'  # an empty text result: a blank row


def test_the_visible_sheet_is_read_not_a_hidden_first_one():
    book = openpyxl.Workbook()
    book.active.title = "old"
    book.active.append(["milestone_id"])
    book.active.append(["OLD-1"])
    book.active.sheet_state = "hidden"
    shown = book.create_sheet("Feuil2")
    shown.append(["milestone_id"])
    shown.append(["NEW-1"])
    book.active = 1
    buffer = io.BytesIO()
    book.save(buffer)
    assert xlsx.sheet_to_csv(buffer.getvalue(), "milestones", 50, 50, time.monotonic() + 20) == (
        "milestone_id\nNEW-1\n", "Feuil2")
    # A hidden sheet named like the table is not read either.
    book["old"].title = "milestones"
    buffer = io.BytesIO()
    book.save(buffer)
    assert xlsx.sheet_to_csv(buffer.getvalue(), "milestones", 50, 50, time.monotonic() + 20)[1] == "Feuil2"
    # No visible sheet at all (Excel does not save that, a script may): said so.
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    hidden = io.BytesIO()
    with zipfile.ZipFile(hidden, "w") as archive:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "xl/workbook.xml":
                content = content.replace(b'state="visible"', b'state="hidden"')
            archive.writestr(info, content)
    with pytest.raises(xlsx.ReadError) as refused:
        xlsx.sheet_to_csv(hidden.getvalue(), "milestones", 50, 50, time.monotonic() + 20)
    assert refused.value.code == "no_visible_sheet"


def test_cells_are_read_as_excel_shows_them():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["id", "date", "progress", "number", "done", "text", "time", "moment"])
    sheet.append(["a", datetime(2025, 3, 1), 0.625, 12.5, True, 'x, "y"\nz', None,
                  datetime(2025, 3, 1, 10, 5)])
    sheet.append([])
    sheet.append(["b", None, 1, 1e-7, False, "é€’", None, None])
    sheet["C2"].number_format = "0.0%"
    sheet["C4"].number_format = "0%"  # 1 shown as 100 %: not 1 %
    sheet["J6"] = "far"
    buffer = io.BytesIO()
    book.save(buffer)
    text, _sheet = xlsx.sheet_to_csv(buffer.getvalue(), "x", 50, 50, time.monotonic() + 20)
    assert text.split("\n") == [
        "id,date,progress,number,done,text,time,moment",
        'a,2025-03-01,62.5%,12.5,true,"x, ""y""', 'z",,2025-03-01 10:05:00',
        ",,,,,,,",
        "b,,100%,0.0000001,false,é€’,,",
        ",,,,,,,",
        ",,,,,,,,,far",
        ""]


def test_characters_excel_escapes_are_read_back():
    # Excel writes a carriage return as _x000D_, and a literal "_x000D_" as _x005F_x000D_.
    data = with_sheet_xml(b'<row r="2"><c r="A2" t="inlineStr"><is><t>a_x000D_b</t></is></c></row>'
                          b'<row r="3"><c r="A3" t="inlineStr"><is><t>_x005F_x000D_</t></is></c></row>')
    text, _sheet = xlsx.sheet_to_csv(data, "milestones", 50, 50, time.monotonic() + 20)
    assert text == 'milestone_id\n"a\nb"\n_x000D_\n'
