"""Opening the data folder: a second window is read-only, a damaged file offers its backup."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.gui.recovery_page import RecoveryPage
from kyodo_desktop.persistence import backup
from kyodo_desktop.persistence.lock import DataFolderLock, current_user, read_holder
from kyodo_desktop.persistence.rows import load_rows

from .conftest import TOTAL, wait_for_rows


def test_second_window_is_read_only_and_names_the_holder(
    open_window: Any, filled_dir: Path, qtbot: QtBot
) -> None:
    first: MainWindow = open_window(filled_dir)
    second: MainWindow = open_window(filled_dir)
    assert first.workspace is not None and first.workspace.writable
    assert second.workspace is not None and not second.workspace.writable

    banner = second.findChild(QLabel, "readOnlyBanner")
    assert banner is not None and banner.isVisible()
    assert current_user() in banner.text() and "閲覧" in banner.text()
    assert not first.read_only_banner.isVisible()

    tab = second.organizations_tab
    assert tab is not None
    wait_for_rows(qtbot, tab, TOTAL)
    assert not tab.new_action.isEnabled()
    assert tab.new_organization() is None
    tab.table.selectRow(0)
    assert not tab.trash_action.isEnabled()
    dialog = tab.open_organization(tab.model.row_id(0))
    assert dialog is not None
    save = dialog.findChild(QPushButton, "saveButton")
    assert save is not None and not save.isEnabled()

    first.close()
    with DataFolderLock(filled_dir):  # the first window let go of the lock
        pass
    second.close()


def test_corrupt_file_shows_the_recovery_page_and_restores(
    open_window: Any, filled_dir: Path, qtbot: QtBot, corrupt: Callable[[Path], None]
) -> None:
    db = filled_dir / "kyodo.db"
    info = backup.create_backup(db, backup.backups_dir(filled_dir), "manual")
    corrupt(db)

    window: MainWindow = open_window(filled_dir)
    # the whole-file check runs in a worker while the window fills; then the page replaces the tabs
    qtbot.waitUntil(lambda: window.findChild(RecoveryPage, "recoveryPage") is not None, timeout=10_000)
    page = window.findChild(RecoveryPage, "recoveryPage")
    assert page is not None
    qtbot.waitUntil(page.isVisible)
    qtbot.waitUntil(lambda: window.findChild(QTabWidget, "mainTabs") is None)
    assert window.workspace is None
    label = page.findChild(QLabel, "backupLabel")
    assert label is not None
    assert f"{info.taken_at:%Y-%m-%d %H:%M}" in label.text()
    assert str(info.path) in label.text()
    assert "破損" in page.findChild(QLabel, "problemTitle").text()  # type: ignore[union-attr]
    with DataFolderLock(filled_dir):  # the damaged folder is not kept locked
        pass

    button = page.findChild(QPushButton, "restoreButton")
    assert button is not None and button.text() == "このバックアップから復元"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    tabs = window.findChild(QTabWidget, "mainTabs")
    assert tabs is not None
    assert window.organizations_tab is not None
    wait_for_rows(qtbot, window.organizations_tab, TOTAL)
    assert len(load_rows(db)) == TOTAL
    assert list(filled_dir.glob("kyodo.db.damaged-*"))
    qtbot.waitUntil(lambda: page is None or not _alive(page))


def _alive(widget: Any) -> bool:
    try:
        widget.objectName()
    except RuntimeError:
        return False
    return True


def test_corrupt_file_without_backup(
    open_window: Any, filled_dir: Path, qtbot: QtBot, corrupt: Callable[[Path], None]
) -> None:
    corrupt(filled_dir / "kyodo.db")
    window: MainWindow = open_window(filled_dir)
    qtbot.waitUntil(lambda: window.findChild(RecoveryPage, "recoveryPage") is not None, timeout=10_000)
    page = window.findChild(RecoveryPage, "recoveryPage")
    assert page is not None
    assert page.backup is None
    assert "バックアップが見つかりません" in page.backup_label.text()
    assert not page.restore_button.isVisible()


def test_foreign_and_non_sqlite_files_are_left_untouched(open_window: Any, tmp_path: Path) -> None:
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    with sqlite3.connect(foreign / "kyodo.db") as conn:
        conn.execute("CREATE TABLE other (x)")
        conn.execute("PRAGMA application_id = 1234")
    text = tmp_path / "text"
    text.mkdir()
    (text / "kyodo.db").write_bytes("これはデータベースではありません".encode() * 20)

    for folder, title in ((foreign, "データファイルではありません"), (text, "データファイルではありません")):
        before = (folder / "kyodo.db").read_bytes()
        window: MainWindow = open_window(folder)
        page = window.findChild(RecoveryPage, "recoveryPage")
        assert page is not None
        assert title in page.findChild(QLabel, "problemTitle").text()  # type: ignore[union-attr]
        assert "触れていません" in page.problem_label.text()
        assert page.backup_label.parent() is None or not page.backup_label.isVisible()
        window.close()
        assert (folder / "kyodo.db").read_bytes() == before
        assert read_holder(folder) is None


def test_newer_file_is_refused(open_window: Any, filled_dir: Path) -> None:
    db = filled_dir / "kyodo.db"
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA user_version = 99")
    window: MainWindow = open_window(filled_dir)
    page = window.findChild(RecoveryPage, "recoveryPage")
    assert page is not None
    assert "新しいバージョン" in page.findChild(QLabel, "problemTitle").text()  # type: ignore[union-attr]


def test_a_writer_killed_mid_save_leaves_a_journal_the_window_rolls_back(
    open_window: Any, tmp_path: Path, qtbot: QtBot
) -> None:
    import signal
    import subprocess
    import sys
    import time

    folder = tmp_path / "killed"
    cmd = [sys.executable, "-m", "kyodo_desktop.cli", "--data-dir", str(folder), "demo", "--orgs", "200000"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    journal = folder / "kyodo.db-journal"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (
        journal.exists() and journal.stat().st_size > 0 and _committed(folder) >= 5000
    ):
        time.sleep(0.02)
    while time.monotonic() < deadline and not (journal.exists() and journal.stat().st_size > 0):
        time.sleep(0.005)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    assert journal.exists(), "the writer should have died mid-transaction"

    window: MainWindow = open_window(folder)
    tab = window.organizations_tab
    assert tab is not None
    qtbot.waitUntil(
        lambda: tab.model.total_count > 0 and window.workspace is not None and window.workspace.verified,
        timeout=20_000,
    )
    assert tab.model.total_count % 5000 == 0  # whole batches only: the hot journal was rolled back


def _committed(folder: Path) -> int:
    try:
        with sqlite3.connect(folder / "kyodo.db", timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM organizations").fetchone()[0])
    except sqlite3.Error:
        return 0
