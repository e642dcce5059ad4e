"""変更履歴 with 元に戻す, and ファイル → バックアップから復元…, driven in the window, checked in the file."""

from __future__ import annotations

import dataclasses
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTabWidget
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.gui.backup_restore import BackupListModel, BackupRestoreDialog
from kyodo_desktop.gui.history.model import COL_CHANGES, COL_TIME, HistoryTableModel
from kyodo_desktop.gui.history.view import HistoryPanel
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.persistence import backup
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

from .conftest import DialogRecorder, type_text, wait_for_rows

_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})? [+-]\d{2}:\d{2}$")


def _folder(tmp_path: Path, phones: tuple[str, ...] = ("043-223-2222",)) -> tuple[Path, str]:
    """A data folder with けやきの会, its phone changed to each of ``phones`` in turn, and あおぞら会."""
    folder = tmp_path / "data"
    with Workspace.open(folder, write=True) as ws:
        svc = OrganizationService(ws)
        org_id = svc.create(OrganizationInput(name="けやきの会", phone="043-223-1111"))
        for phone in phones:
            rec = svc.get(org_id)
            svc.update(org_id, dataclasses.replace(rec.data, phone=phone), expected_version=rec.version)
        svc.create(OrganizationInput(name="あおぞら会"))
    return folder, org_id


def _row(db: Path, org_id: str) -> tuple[str, int]:
    with sqlite3.connect(db) as conn:
        phone, version = conn.execute(
            "SELECT phone, version FROM organizations WHERE id = ?", (org_id,)
        ).fetchone()
    return phone, version


def _audit(db: Path, org_id: str) -> list[tuple[str, str, dict[str, Any]]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT action, context, changes FROM audit_log WHERE record_id = ? ORDER BY id", (org_id,)
        ).fetchall()
    return [(action, context, json.loads(changes)) for action, context, changes in rows]


def _history_tab(qtbot: QtBot, window: MainWindow, org_id: str) -> tuple[Any, HistoryPanel]:
    tab = window.organizations_tab
    assert tab is not None
    wait_for_rows(qtbot, tab, 2)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=10_000)
    dialog = tab.open_organization(org_id)
    assert dialog is not None
    tabs = dialog.findChild(QTabWidget, "dialogTabs")
    panel = dialog.findChild(HistoryPanel, "historyPanel")
    assert tabs is not None and panel is not None
    tabs.setCurrentWidget(panel)
    return dialog, panel


def _click_undo(qtbot: QtBot, panel: HistoryPanel, row: int) -> None:
    panel.table.selectRow(row)
    button = panel.findChild(QPushButton, "undoButton")
    assert button is not None and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_undo_in_the_record_history_puts_the_old_value_back(
    tmp_path: Path, open_window: Any, qtbot: QtBot, dialog_calls: DialogRecorder
) -> None:
    folder, org_id = _folder(tmp_path)
    db = folder / "kyodo.db"
    _phone, version = _row(db, org_id)
    window = open_window(folder)
    dialog, panel = _history_tab(qtbot, window, org_id)
    model = panel.model
    assert model.rowCount() == 2  # 変更 then 登録, newest first
    assert _OFFSET.match(model.index(0, COL_TIME).data())
    assert model.index(0, COL_CHANGES).data() == "電話番号: 043-223-1111 → 043-223-2222"
    _click_undo(qtbot, panel, 0)

    assert dialog_calls.names() == ["confirm"]
    assert _row(db, org_id) == ("043-223-1111", version + 1)
    action, context, changes = _audit(db, org_id)[-1]
    assert action == "undo" and context.startswith("undo:")
    assert changes == {"phone": ["043-223-2222", "043-223-1111"]}
    # the form shows the stored record again, and the history the undo on top
    phone_edit = dialog.findChild(QLineEdit, "phoneEdit")
    assert phone_edit is not None and phone_edit.text() == "043-223-1111"
    assert dialog.version == version + 1
    assert model.rowCount() == 3 and model.index(0, 3).data() == "元に戻す"


def test_undo_while_the_form_holds_edits_keeps_them_and_their_save_is_refused_as_stale(
    tmp_path: Path, open_window: Any, qtbot: QtBot, dialog_calls: DialogRecorder
) -> None:
    folder, org_id = _folder(tmp_path)
    db = folder / "kyodo.db"
    window = open_window(folder)
    dialog, panel = _history_tab(qtbot, window, org_id)
    phone_edit = dialog.findChild(QLineEdit, "phoneEdit")
    assert phone_edit is not None
    dialog.findChild(QTabWidget, "dialogTabs").setCurrentIndex(0)
    phone_edit.selectAll()
    type_text(phone_edit, "043-223-9999")  # typed, not saved
    dialog.findChild(QTabWidget, "dialogTabs").setCurrentWidget(panel)
    _click_undo(qtbot, panel, 0)
    assert _row(db, org_id)[0] == "043-223-1111"
    assert phone_edit.text() == "043-223-9999"
    save = dialog.findChild(QPushButton, "saveButton")
    assert save is not None
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    stale = dialog.findChild(QLabel, "staleLabel")
    assert stale is not None and "更新されています" in stale.text()
    assert _row(db, org_id)[0] == "043-223-1111"


def test_undo_of_a_change_a_newer_one_depends_on_is_refused(
    tmp_path: Path, open_window: Any, qtbot: QtBot, dialog_calls: DialogRecorder
) -> None:
    folder, org_id = _folder(tmp_path, ("043-223-2222", "043-223-3333"))
    db = folder / "kyodo.db"
    before = _row(db, org_id)
    window = open_window(folder)
    _dialog, panel = _history_tab(qtbot, window, org_id)
    _click_undo(qtbot, panel, 1)  # the older of the two phone changes

    assert dialog_calls.names() == ["confirm", "warning"]
    assert "後の変更" in dialog_calls.texts("warning")[0]
    assert "後の変更" in panel.status_label.text()
    assert _row(db, org_id) == before
    assert [a for a, _c, _ch in _audit(db, org_id)] == ["create", "update", "update"]


def test_the_whole_registry_history_undoes_from_the_menu(
    tmp_path: Path, open_window: Any, qtbot: QtBot, dialog_calls: DialogRecorder
) -> None:
    folder, org_id = _folder(tmp_path)
    db = folder / "kyodo.db"
    window = open_window(folder)
    assert window.organizations_tab is not None
    wait_for_rows(qtbot, window.organizations_tab, 2)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=10_000)
    window.safety_net.history_action.trigger()
    history = window.safety_net.history_dialog
    assert history is not None and history.isVisible()
    panel = history.panel
    assert panel.model.rowCount() == 3  # あおぞら会 登録, けやきの会 変更, けやきの会 登録
    assert panel.model.index(0, 2).data() == "あおぞら会"
    create_row = 0
    panel.table.selectRow(create_row)
    assert not panel.undo_button.isEnabled()  # a 登録 is not undone here
    _click_undo(qtbot, panel, 1)
    assert _row(db, org_id)[0] == "043-223-1111"
    assert panel.model.rowCount() == 4


def test_restore_from_a_backup_in_the_window(
    tmp_path: Path, open_window: Any, qtbot: QtBot, dialog_calls: DialogRecorder
) -> None:
    folder, _org_id = _folder(tmp_path, ())
    db = folder / "kyodo.db"
    chosen = backup.create_backup(db, backup.backups_dir(folder), "manual")
    with Workspace.open(folder, write=True, daily_backup=False) as ws:
        OrganizationService(ws).create(OrganizationInput(name="復元で消える会"))
    window = open_window(folder)
    assert window.organizations_tab is not None
    wait_for_rows(qtbot, window.organizations_tab, 3)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=10_000)

    window.safety_net.restore_action.trigger()
    dialog = window.safety_net.backup_dialog
    assert isinstance(dialog, BackupRestoreDialog)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.model.rowCount() >= 1, timeout=10_000)
    names = [dialog.model.index(r, 4).data() for r in range(dialog.model.rowCount())]
    assert chosen.path.name in names
    row = names.index(chosen.path.name)
    assert _OFFSET.match(dialog.model.index(row, 0).data())
    assert dialog.model.index(row, 2).data() == "手動"
    assert dialog.model.index(row, 3).data().endswith("KB")
    dialog.table.selectRow(row)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert dialog_calls.names() == ["confirm"]
    tab = window.organizations_tab
    assert tab is not None and window.workspace is not None and window.workspace.writable
    wait_for_rows(qtbot, tab, 2)
    with sqlite3.connect(db) as conn:
        names_now = {n for (n,) in conn.execute("SELECT name FROM organizations")}
    assert names_now == {"けやきの会", "あおぞら会"}
    kept = [b for b in backup.list_backups(backup.backups_dir(folder)) if b.reason == "pre-restore"]
    assert len(kept) == 1
    with sqlite3.connect(kept[0].path) as conn:
        assert (
            conn.execute("SELECT count(*) FROM organizations WHERE name = '復元で消える会'").fetchone()[0]
            == 1
        )


def test_restore_not_confirmed_changes_nothing(
    tmp_path: Path, open_window: Any, qtbot: QtBot, dialog_calls: DialogRecorder
) -> None:
    folder, _org_id = _folder(tmp_path, ())
    db = folder / "kyodo.db"
    backup.create_backup(db, backup.backups_dir(folder), "manual")
    before = db.read_bytes()
    window = open_window(folder)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=10_000)
    dialog_calls.confirm_answer = False
    window.safety_net.restore_action.trigger()
    dialog = window.safety_net.backup_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.loading and dialog.model.rowCount() >= 1, timeout=10_000)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog_calls.names() == ["confirm"] and dialog.isVisible()
    assert db.read_bytes() == before
    assert not [b for b in backup.list_backups(backup.backups_dir(folder)) if b.reason == "pre-restore"]


def test_the_models_pass_the_model_tester(tmp_path: Path, qtmodeltester: Any) -> None:
    folder, org_id = _folder(tmp_path)
    backup.create_backup(folder / "kyodo.db", backup.backups_dir(folder), "manual")
    with Workspace.open(folder, write=False) as ws:
        from kyodo_desktop.services.history import HistoryService

        service = HistoryService(ws)
        model = HistoryTableModel()
        model.set_ids(service.entry_ids(), service.entries)
        qtmodeltester.check(model)
        # the record column holds projects as well as organizations in the whole-registry view
        headers = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
        assert headers[2] == "対象"
        model.set_entries(service.for_record(org_id))
        qtmodeltester.check(model)
    backups = BackupListModel()
    backups.set_backups(
        [(b, b.path.stat().st_size) for b in backup.verified_backups(backup.backups_dir(folder))]
    )
    assert backups.rowCount() == 1
    qtmodeltester.check(backups)
