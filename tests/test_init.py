"""`init`: a new plan's folder, valid as it stands, that any OGP member fills with `import`."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from helpers import run_cli, snapshot

from ogp_metrics.contract.schema import TABLES

EXPORTS = Path(__file__).resolve().parent / "fixtures" / "exports"


def test_a_new_plan_is_valid_and_empty(tmp_path, capsys):
    folder = tmp_path / "athenes"
    code, out, err = run_cli(capsys, "init", str(folder), "--name", "Plan d'Athènes, 2025-2027", "--start",
                             "2025-01-01", "--end", "2027-12-31", "--member", "Greece", "--lang", "en")
    assert code == 0, err
    assert "13 files" in out  # the nine files of the first version, decisions, events, votes, projects
    assert sorted(path.name for path in folder.iterdir()) == sorted(table.filename for table in TABLES)
    with (folder / "plan.csv").open(encoding="utf-8", newline="") as file:
        (plan,) = list(csv.DictReader(file))
    assert (plan["name_fr"], plan["member"], plan["start_date"], plan["end_date"], plan["data_status"]) == (
        "Plan d'Athènes, 2025-2027", "Greece", "2025-01-01", "2027-12-31", "real")
    for table in TABLES:
        if table.name != "plan":
            assert (folder / table.filename).read_text(encoding="utf-8") == ",".join(
                column.name for column in table.columns) + "\n"
    assert run_cli(capsys, "validate", str(folder))[0] == 0
    code, out, _err = run_cli(capsys, "summary", str(folder), "--as-of", "2026-01-01", "--json")
    document = json.loads(out)
    assert (document["commitments"]["total"], document["votes"], document["projects"]["total"]) == (0, [], 0)


def test_a_member_fills_its_new_plan_from_ogps_export(tmp_path, capsys):
    folder = tmp_path / "athenes"
    run_cli(capsys, "init", str(folder), "--name", "Greece", "--start", "2014-07-01", "--end", "2025-12-31")
    code, _out, err = run_cli(capsys, "import", str(EXPORTS / "ogp-commitments.csv"), "--profile",
                              "ogp-commitments", "--member", "Greece", "--data", str(folder), "--by", "test",
                              "--reason", "premier import", "--yes", "--as-of", "2025-12-31")
    assert code == 0, err
    code, out, _err = run_cli(capsys, "summary", str(folder), "--as-of", "2025-12-31", "--json")
    commitments = json.loads(out)["commitments"]
    # GR0026 limited and GR0029 not started at end of term (2017); GR0086 not assessed (ND, NR).
    assert commitments["total"] == 3
    assert commitments["completion_independent"] == {
        "not_started": 1, "limited": 1, "substantial": 0, "complete": 0, "withdrawn": 0, "not_assessed": 1}
    assert commitments["completion"]["not_assessed"] == 3  # no self-assessment yet


def test_nothing_is_written_into_a_folder_that_holds_files_or_for_an_end_before_the_start(tiny, tmp_path,
                                                                                           capsys):
    before = snapshot(tiny)
    code, _out, err = run_cli(capsys, "init", str(tiny), "--name", "Nouveau")
    assert code == 2 and "n'est pas un dossier vide" in err
    assert snapshot(tiny) == before
    code, _out, err = run_cli(capsys, "init", str(tmp_path / "new"), "--name", "Nouveau", "--start",
                              "2026-01-01", "--end", "2025-12-31", "--lang", "en")
    assert code == 2 and "--end 2025-12-31 is before --start 2026-01-01" in err
    assert not (tmp_path / "new").exists()
