"""`generate` writes valid folders: both variants load to the same tables; a seed fixes the bytes."""

from __future__ import annotations

from pathlib import Path

from ogp_metrics.cli.main import main
from ogp_metrics.contract.schema import TABLES
from ogp_metrics.ingest.load import load_plan
from ogp_metrics.outputs.synthetic_plan import generate, sizes


def _tables(folder: Path) -> dict:
    plan = load_plan(folder)
    return {table.name: plan.connection.execute(f"SELECT * EXCLUDE (_row) FROM {table.name}").df()
            for table in TABLES}


def test_both_variants_validate_and_load_to_the_same_tables(tmp_path: Path, capsys) -> None:
    plain, french = tmp_path / "plain", tmp_path / "french"
    assert main(["generate", str(plain), "--participation-rows", "3000", "--seed", "7"]) == 0
    assert main(["generate", str(french), "--participation-rows", "3000", "--seed", "7",
                 "--variant", "french-excel"]) == 0
    for folder in (plain, french):
        assert main(["validate", str(folder)]) == 0
    raw = (french / "participation.csv").read_bytes()
    assert b"\r\n" in raw and b";" in raw.splitlines()[0]
    assert b"\xe9" in (french / "meetings.csv").read_bytes()  # é in Windows-1252
    assert b"oui" in (french / "meetings.csv").read_bytes()
    first, second = _tables(plain), _tables(french)
    for name, frame in first.items():
        assert frame.equals(second[name]), name
    assert len(first["participation"]) == 3000
    assert len(first["meetings"]) == sizes(3000).meetings


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "a", 2000, seed=3)
    generate(tmp_path / "b", 2000, seed=3)
    generate(tmp_path / "c", 2000, seed=4)
    for table in TABLES:
        if table.optional and not (tmp_path / "a" / table.filename).exists():
            continue  # the generator writes no decisions.csv
        assert (tmp_path / "a" / table.filename).read_bytes() == \
            (tmp_path / "b" / table.filename).read_bytes(), table.filename
    assert (tmp_path / "a" / "participation.csv").read_bytes() != \
        (tmp_path / "c" / "participation.csv").read_bytes()


def test_sizes_grow_with_participation() -> None:
    small, large = sizes(10_000), sizes(1_000_000)
    assert large.meetings > small.meetings
    assert large.progress_updates > small.progress_updates
    assert large.milestones > small.milestones
