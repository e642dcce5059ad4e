"""「取り込みの履歴」 counts a past-project import's new projects and organizations apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kyodo_desktop.cli import main
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.gui.importing.history_dialog import COL_CREATED, COL_UPDATED, ImportHistoryModel
from kyodo_desktop.services.import_undo import list_imports
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

from ..past_project_list import REGISTERED, write_list


def test_new_projects_and_organizations_are_counted_apart(
    qtbot: QtBot, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workspace.open(data_dir) as ws:
        OrganizationService(ws).create(OrganizationInput(name=REGISTERED[0], corporate_number=REGISTERED[1]))
    listed = write_list(tmp_path / "随意契約一覧.xlsx")
    args = ["--data-dir", str(data_dir), "projects", "import", str(listed), "--drop-invalid"]
    assert main(args) == 0
    assert "取り込みました: 事業 4 件、新しい団体 3 件" in capsys.readouterr().out
    with Workspace.open(data_dir, write=False) as ws:
        [record] = list_imports(ws)
    assert (record.created, record.created_projects, record.created_organizations) == (7, 4, 3)
    model = ImportHistoryModel()
    model.set_imports([record])
    assert model.index(0, COL_CREATED).data() == "事業 4 / 団体 3"
    assert model.index(0, COL_UPDATED).data() == "0"
