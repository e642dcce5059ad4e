"""``kyodo handover export`` (the workbook; the PDF is refused in Japanese) and the demo's handovers:
``kyodo demo --projects`` → ``kyodo handover pending`` lists exactly the transferring officers'
unsigned scopes, counted again here straight from the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.services.workspace import Workspace

from ..handover_world import make_note, make_world


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_writes_the_workbook_and_refuses_a_pdf_and_an_unknown_note(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workspace.open(data_dir) as ws:
        note_id = make_note(make_world(ws))
    out = tmp_path / "引継書.xlsx"
    code, stdout, _ = _run(data_dir, capsys, "handover", "export", note_id, str(out))
    assert code == 0 and str(out) in stdout and "2件" in stdout
    assert openpyxl.load_workbook(out).sheetnames == ["概要", "1 みどりの会", "2 公園の花壇づくり"]
    code, _, err = _run(data_dir, capsys, "handover", "export", note_id, str(tmp_path / "x.pdf"))
    assert code == 1 and "「引継」タブ" in err and not (tmp_path / "x.pdf").exists()
    code, _, err = _run(data_dir, capsys, "handover", "export", "nope", str(tmp_path / "y.xlsx"))
    assert code == 1 and "引継書が見つかりません: nope" in err and not (tmp_path / "y.xlsx").exists()


_UNSIGNED = """
SELECT o.id, o.name, o.transferred_on,
  (SELECT count(*) FROM organizations g WHERE g.responsible_officer_id = o.id
     AND g.deleted_at IS NULL AND g.merged_into IS NULL
     AND g.id NOT IN (SELECT i.organization_id FROM handover_items i JOIN handover_notes n ON n.id = i.note_id
                      WHERE n.from_officer_id = o.id AND n.status IN ('署名済', '訂正済') AND i.organization_id IS NOT NULL))
  + (SELECT count(*) FROM projects p WHERE p.lead_officer_id = o.id
     AND p.deleted_at IS NULL AND p.is_draft = 0 AND p.stage NOT IN ('中止', '終了')
     AND p.id NOT IN (SELECT i.project_id FROM handover_items i JOIN handover_notes n ON n.id = i.note_id
                      WHERE n.from_officer_id = o.id AND n.status IN ('署名済', '訂正済') AND i.project_id IS NOT NULL))
FROM officers o WHERE o.transferred_on IS NOT NULL AND o.deleted_at IS NULL
"""


def test_the_demo_pending_handovers_are_the_transferring_officers_unsigned_scopes(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = _run(data_dir, capsys, "demo", "--orgs", "300", "--projects", "120")
    assert code == 0
    code, out, _ = _run(data_dir, capsys, "handover", "pending")
    assert code == 0
    listed = sorted(tuple(line.split("\t")) for line in out.splitlines())
    db = sqlite3.connect(data_dir / "kyodo.db")
    try:
        expected = sorted((i, n, on, str(c)) for i, n, on, c in db.execute(_UNSIGNED) if c > 0)
        transferring = db.execute(
            "SELECT count(*) FROM officers WHERE transferred_on IS NOT NULL"
        ).fetchone()[0]
        signed = db.execute("SELECT count(*) FROM handover_notes WHERE status = '署名済'").fetchone()[0]
        commitments = dict(
            db.execute("SELECT status = '完了', count(*) FROM commitments GROUP BY 1").fetchall()
        )
        handed = db.execute(
            "SELECT count(*) FROM organizations g JOIN handover_items i ON i.organization_id = g.id "
            "JOIN handover_notes n ON n.id = i.note_id WHERE g.responsible_officer_id = n.to_officer_id"
        ).fetchone()[0]
    finally:
        db.close()
    assert listed == expected and len(listed) == transferring == 3
    assert signed == 2 and handed >= 2  # the signed notes moved their organizations to the successors
    assert commitments.get(0, 0) > 0 and commitments.get(1, 0) > 0  # open and done ones
