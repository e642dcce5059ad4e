"""The first-run officer panel, and Excel export off the UI thread with progress and Cancel."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QProgressDialog, QPushButton, QToolButton
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.gui.organizations.tab import OrganizationsTab
from kyodo_desktop.gui.tasks import BackgroundTask, show_progress
from kyodo_desktop.persistence.lock import current_user
from kyodo_desktop.services.organizations import OrganizationService

from .conftest import OFFICER, TOTAL, type_text


def test_officer_panel_saves_the_officer_for_the_audit_log(
    window: MainWindow, tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService
) -> None:
    panel = window.findChild(QFrame, "officerPanel")
    assert panel is not None and panel.isVisible()  # the name came from KYODO_OFFICER
    type_text(panel.findChild(QLineEdit, "officerNameEdit"), "千葉 花子")  # type: ignore[arg-type]
    type_text(panel.findChild(QLineEdit, "officerSectionEdit"), "県民生活課")  # type: ignore[arg-type]
    qtbot.mouseClick(panel.findChild(QPushButton, "officerSaveButton"), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]

    assert not panel.isVisible()
    settings = json.loads((reader.ws.data_dir / "settings.json").read_text(encoding="utf-8"))
    assert settings["officers"][current_user()] == {"name": "千葉 花子", "section": "県民生活課"}
    status = window.statusBar().findChild(QLabel, "officerStatusLabel")
    assert status is not None and "千葉 花子（県民生活課）" in status.text()

    org_id = tab.model.row_id(0)
    tab.table.selectRow(0)
    tab.trash_action.trigger()
    with sqlite3.connect(reader.ws.db_path) as conn:
        officer, action = conn.execute(
            "SELECT officer, action FROM audit_log WHERE record_id = ? ORDER BY id DESC", (org_id,)
        ).fetchone()
    assert (officer, action) == ("千葉 花子", "delete")

    window.officer_action.trigger()
    assert panel.isVisible()
    assert panel.findChild(QLineEdit, "officerNameEdit").text() == "千葉 花子"  # type: ignore[union-attr]


def test_officer_panel_refuses_an_empty_name(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.findChild(QFrame, "officerPanel")
    assert panel is not None
    qtbot.mouseClick(panel.findChild(QPushButton, "officerSaveButton"), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    error = panel.findChild(QLabel, "officerError")
    assert error is not None and error.isVisible()
    assert panel.isVisible()
    assert window.workspace is not None and window.workspace.officer.name == OFFICER


def test_no_panel_once_the_officer_is_set(open_window: Any, filled_dir: Path) -> None:
    (filled_dir / "settings.json").write_text(
        json.dumps({"officers": {current_user(): {"name": "設定済み職員", "section": ""}}}), encoding="utf-8"
    )
    window: MainWindow = open_window(filled_dir)
    assert window.officer_panel is not None and not window.officer_panel.isVisible()


def test_export_writes_the_workbook(
    tab: OrganizationsTab, qtbot: QtBot, dialog_calls: Any, tmp_path: Path
) -> None:
    pytest.importorskip("kyodo_desktop.services.export_xlsx")
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "団体一覧.xlsx"
    dialog_calls.save_path = str(out)
    qtbot.mouseClick(tab.findChild(QToolButton, "exportButton"), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: "info" in dialog_calls.names() or "error" in dialog_calls.names(), timeout=30_000)
    assert dialog_calls.names() == ["choose", "get_save_file_name", "info"], dialog_calls.calls
    assert f"{TOTAL:,} 件" in dialog_calls.texts("info")[0]
    assert out.is_file()
    wb = openpyxl.load_workbook(out, read_only=True)
    try:
        assert sum(1 for _row in wb.worksheets[0].iter_rows()) == TOTAL + 1  # header + every organization
    finally:
        wb.close()  # a read-only workbook keeps its file open until closed


def test_export_cancelled_in_the_file_dialog_does_nothing(tab: OrganizationsTab, dialog_calls: Any) -> None:
    dialog_calls.save_path = ""
    assert tab.export_to_excel() is None
    assert dialog_calls.names() == ["choose", "get_save_file_name"]


def test_progress_dialog_cancel_stops_the_work(tab: OrganizationsTab, qtbot: QtBot) -> None:
    """Cancel in the progress dialog makes the work's progress callback return False."""
    seen: list[int] = []

    def work(task: BackgroundTask) -> int:
        for done in range(1_000_000):
            if not task.report(done, 1_000_000):
                raise RuntimeError("cancelled")
            seen.append(done)
        return done

    task = BackgroundTask(work, tab)
    failures: list[Exception] = []
    task.failed.connect(failures.append)
    progress = show_progress(tab, task, "試験", "作業中…", cancellable=True)
    assert isinstance(progress, QProgressDialog)
    task.start()
    qtbot.waitUntil(lambda: len(seen) > 10, timeout=5_000)
    cancel = progress.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "キャンセル"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(task.isFinished, timeout=5_000)
    qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    assert str(failures[0]) == "cancelled"
    assert len(seen) < 1_000_000
