"""``kyodo projects import`` of a list with a row lacking its 担当課: a row problem, unless
``--set 担当課=…`` gives every row one."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from kyodo_desktop.cli import main
from kyodo_desktop.persistence.models import Project
from kyodo_desktop.services.workspace import Workspace

from ..past_project_list import FIRST_ROW, ROWS, write_list

SECTION_COLUMN = 7


def test_a_row_without_its_section_is_reported_with_its_row(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [list(r) for r in ROWS[:3]]
    rows[1][SECTION_COLUMN] = "－"
    listed = write_list(tmp_path / "一覧.xlsx", rows)
    code = main(["--data-dir", str(data_dir), "projects", "import", str(listed)])
    out = capsys.readouterr().out
    assert code == 1
    assert (
        f"{FIRST_ROW + 1}\t委託契約\t\t担当課がありません（担当課の列か、全行に同じ値で担当課を指定してください）"
        in out
    )
    with Workspace.open(data_dir, write=False) as ws, ws.session_factory() as s:
        assert s.scalars(select(Project.id)).all() == []

    code = main(
        ["--data-dir", str(data_dir), "projects", "import", str(listed), "--set", "担当課=市民協働課"]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    with Workspace.open(data_dir, write=False) as ws, ws.session_factory() as s:
        assert sorted(s.scalars(select(Project.section))) == ["市民協働課"] * 3
