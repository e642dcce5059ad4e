"""The first start after an upgrade updates the data file in a worker behind a notice."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.gui import migration_notice
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.persistence.lock import DataFolderLock
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

from ..persistence.old_files import as_revision
from .conftest import wait_for_rows


def _older_file(data_dir: Path) -> None:
    """A data file as the program before migration 0004 left it (schema 3)."""
    with Workspace.open(data_dir, write=True) as ws:
        OrganizationService(ws).create(OrganizationInput(name="ひだまりの会"))
    as_revision(data_dir / sqlite_file.DB_FILE_NAME, "0003")


def _user_version(data_dir: Path) -> int:
    return sqlite_file.read_header(data_dir / sqlite_file.DB_FILE_NAME)[1]


def test_an_older_file_is_updated_in_a_worker_while_a_notice_shows(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "old"
    _older_file(data_dir)
    seen: dict[str, Any] = {}
    real_update = migration_notice._update

    def slow_update(folder: Path) -> None:
        seen["thread"] = threading.current_thread() is not threading.main_thread()
        release = threading.Event()
        seen["release"] = release
        release.wait(10)  # held until the notice has been seen on screen
        real_update(folder)

    def look() -> None:
        notices = [w for w in QApplication.topLevelWidgets() if w.objectName() == "migrationNotice"]
        if notices and notices[0].isVisible():
            assert isinstance(notices[0], QProgressDialog)
            seen["text"] = notices[0].labelText()
            seen["release"].set()
        else:
            QTimer.singleShot(20, look)

    monkeypatch.setattr(migration_notice, "_update", slow_update)
    QTimer.singleShot(0, look)
    assert migration_notice.update_data_format(data_dir) is True
    assert seen["thread"] is True
    assert seen["text"].startswith("データ形式を更新しています…")
    assert _user_version(data_dir) == sqlite_file.SCHEMA_VERSION
    QCoreApplication.processEvents()
    assert not any(
        w.objectName() == "migrationNotice" and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_a_current_file_shows_no_notice(tmp_path: Path) -> None:
    data_dir = tmp_path / "current"
    Workspace.open(data_dir, write=True).close()
    assert migration_notice.update_data_format(data_dir) is False
    assert migration_notice.update_data_format(tmp_path / "none") is False  # no file yet: created later


def test_the_window_opens_an_older_file_updated(open_window: Any, tmp_path: Path, qtbot: QtBot) -> None:
    data_dir = tmp_path / "old"
    _older_file(data_dir)
    window: MainWindow = open_window(data_dir)
    assert window.problem is None and window.organizations_tab is not None
    wait_for_rows(qtbot, window.organizations_tab, 1)
    assert window.workspace is not None and window.workspace.writable
    assert _user_version(data_dir) == sqlite_file.SCHEMA_VERSION


def test_an_older_file_held_by_another_program_is_left_to_the_window(
    open_window: Any, tmp_path: Path, qtbot: QtBot
) -> None:
    data_dir = tmp_path / "old"
    _older_file(data_dir)
    lock = DataFolderLock(data_dir)
    lock.acquire()  # another program writes: no update now, the window says why
    try:
        assert migration_notice.update_data_format(data_dir) is True  # tried, failed quietly
        assert _user_version(data_dir) == 3
        window: MainWindow = open_window(data_dir)
        assert window.problem is not None and "古い形式" in str(window.problem)
    finally:
        lock.release()
