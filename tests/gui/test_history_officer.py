"""The 担当職員 in the change history: shown by name and 所属課, and 元に戻す puts the old one back."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTabWidget
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import OfficerInput
from kyodo_desktop.gui.history.model import COL_CHANGES
from kyodo_desktop.gui.history.view import HistoryPanel
from kyodo_desktop.services import officers
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

from .conftest import DialogRecorder, wait_for_rows


def _folder(tmp_path: Path) -> tuple[Path, str, str, str]:
    """けやきの会 with 担当職員 佐藤 then 鈴木 (two audited changes), and one more organization."""
    folder = tmp_path / "data"
    with Workspace.open(folder, write=True) as ws:
        sato = officers.add_officer(ws, OfficerInput(name="佐藤 一郎", section="市民協働課"))
        suzuki = officers.add_officer(ws, OfficerInput(name="鈴木 花子", section="福祉課"))
        svc = OrganizationService(ws)
        org_id = svc.create(OrganizationInput(name="けやきの会"))
        version = svc.set_responsible_officer(org_id, sato, expected_version=svc.get(org_id).version)
        svc.set_responsible_officer(org_id, suzuki, expected_version=version)
        svc.create(OrganizationInput(name="あおぞら会"))
    return folder, org_id, sato, suzuki


def _stored(db: Path, org_id: str) -> tuple[str | None, int]:
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT responsible_officer_id, version FROM organizations WHERE id = ?", (org_id,)
        ).fetchone()
    conn.close()
    return row[0], row[1]


def _history(qtbot: QtBot, window: Any, org_id: str) -> tuple[Any, HistoryPanel]:
    tab = window.organizations_tab
    wait_for_rows(qtbot, tab, 2)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=10_000)
    dialog = tab.open_organization(org_id)
    panel = dialog.findChild(HistoryPanel, "historyPanel")
    dialog.findChild(QTabWidget, "dialogTabs").setCurrentWidget(panel)
    return dialog, panel


def _undo(qtbot: QtBot, panel: HistoryPanel, row: int) -> None:
    panel.table.selectRow(row)
    button = panel.findChild(QPushButton, "undoButton")
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_the_officer_is_shown_by_name_and_its_change_undone(
    tmp_path: Path, open_window: Any, qtbot: QtBot, dialog_calls: DialogRecorder
) -> None:
    folder, org_id, sato, suzuki = _folder(tmp_path)
    db = folder / "kyodo.db"
    _officer, version = _stored(db, org_id)
    window = open_window(folder)
    dialog, panel = _history(qtbot, window, org_id)
    model = panel.model
    assert model.index(0, COL_CHANGES).data() == "担当職員: 佐藤 一郎（市民協働課） → 鈴木 花子（福祉課）"
    assert model.index(1, COL_CHANGES).data() == "担当職員: （空） → 佐藤 一郎（市民協働課）"

    _undo(qtbot, panel, 1)  # the older change: the newer one changed the same field
    assert dialog_calls.names() == ["confirm", "warning"]
    assert "後の変更" in dialog_calls.texts("warning")[0]
    assert _stored(db, org_id) == (suzuki, version)

    _undo(qtbot, panel, 0)
    assert dialog_calls.names()[-1] == "confirm"
    assert _stored(db, org_id) == (sato, version + 1)  # audited, and the version bumped
    assert model.index(0, 3).data() == "元に戻す"
    assert model.index(0, COL_CHANGES).data() == "担当職員: 鈴木 花子（福祉課） → 佐藤 一郎（市民協働課）"
    assert dialog.version == version + 1  # the form holds the new version: an old save is stale


def test_undo_refused_when_the_officer_changed_since(tmp_path: Path) -> None:
    folder, org_id, sato, suzuki = _folder(tmp_path)
    from kyodo_desktop.services.history import HistoryService, UndoRefusedError

    with Workspace.open(folder, write=True) as ws:
        history = HistoryService(ws)
        newest = history.for_record(org_id)[0]
        assert newest.names == {sato: "佐藤 一郎（市民協働課）", suzuki: "鈴木 花子（福祉課）"}
        svc = OrganizationService(ws)
        svc.update(
            org_id,
            svc.get(org_id).data,
            expected_version=svc.get(org_id).version,
            responsible_officer_id=None,
        )
        try:
            history.undo(newest.id)
        except UndoRefusedError as refused:
            assert "後の変更" in str(refused)
        else:
            raise AssertionError("the undo was not refused")
        assert svc.get(org_id).responsible_officer_id is None
