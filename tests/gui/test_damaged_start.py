"""Starting on a damaged data file: one clear message and the recovery page, never a storm.

The table paints rows read from the file while the whole-file check runs in a worker; a page of
the ``organizations`` table overwritten by a failing disk makes each painted row raise. The
window must then show the recovery page once, not one crash dialog per row.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui import application
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.gui.recovery_page import RecoveryPage
from kyodo_desktop.persistence import backup

from .conftest import TOTAL, DialogRecorder, wait_for_rows
from .damage import btree_pages, damage_random_pages, overwrite_pages

STARTS = 4


@pytest.mark.parametrize("with_backup", [False, True], ids=["no-backup", "backup"])
def test_a_damaged_start_shows_the_recovery_page_with_at_most_one_dialog(
    open_window: Any,
    demo_template: Path,
    tmp_path: Path,
    qtbot: QtBot,
    dialog_calls: DialogRecorder,
    monkeypatch: pytest.MonkeyPatch,
    with_backup: bool,
) -> None:
    # the crash dialog of the real application, so an exception while painting is counted
    monkeypatch.setattr(sys, "excepthook", application._excepthook)
    rng = random.Random(90 + with_backup)
    for start in range(STARTS):
        folder = tmp_path / f"start{start}"
        shutil.copytree(demo_template, folder)
        db = folder / "kyodo.db"
        if with_backup:
            backup.create_backup(db, backup.backups_dir(folder), "manual")
        damage_random_pages(db, "organizations", 3, rng)
        before = len(dialog_calls.calls)

        window: MainWindow = open_window(folder)
        qtbot.waitUntil(
            lambda w=window: w.findChild(RecoveryPage, "recoveryPage") is not None, timeout=20_000
        )
        qtbot.wait(300)  # what painting is still queued has its chance to raise
        page = window.findChild(RecoveryPage, "recoveryPage")
        assert page is not None and page.isVisible()
        assert window.workspace is None
        assert (page.backup is not None) is with_backup
        raised = dialog_calls.calls[before:]
        assert len(raised) <= 1, f"start {start}: {len(raised)} dialogs"
        window.close()


def test_a_row_unreadable_after_the_check_passed_shows_the_recovery_page_once(
    open_window: Any,
    filled_dir: Path,
    qtbot: QtBot,
    dialog_calls: DialogRecorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "excepthook", application._excepthook)
    window: MainWindow = open_window(filled_dir)
    tab = window.organizations_tab
    assert tab is not None
    wait_for_rows(qtbot, tab, TOTAL)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=10_000)
    db = filled_dir / "kyodo.db"
    overwrite_pages(db, btree_pages(db, "organizations"), random.Random(9))
    tab.model.store.close()  # rows not yet read come from the damaged pages
    tab.table.scrollToBottom()

    qtbot.waitUntil(lambda: window.findChild(RecoveryPage, "recoveryPage") is not None, timeout=20_000)
    qtbot.wait(200)
    page = window.findChild(RecoveryPage, "recoveryPage")
    assert page is not None
    assert "破損" in page.findChild(QLabel, "problemTitle").text()  # type: ignore[union-attr]
    assert window.workspace is None
    assert dialog_calls.calls == []


def test_the_crash_dialog_does_not_stack_up(
    dialog_calls: DialogRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error raised while the crash dialog is open (its event loop paints) opens no second one."""

    def nested_error(*args: Any) -> None:
        dialog_calls.calls.append(("error", args))
        try:
            raise ValueError("while the box is open")
        except ValueError as exc:
            application._excepthook(ValueError, exc, exc.__traceback__)

    monkeypatch.setattr(application.dialogs, "error", nested_error)
    try:
        raise RuntimeError("first")
    except RuntimeError as exc:
        application._excepthook(RuntimeError, exc, exc.__traceback__)
    assert len(dialog_calls.calls) == 1
    try:
        raise RuntimeError("later")
    except RuntimeError as exc:
        application._excepthook(RuntimeError, exc, exc.__traceback__)
    assert len(dialog_calls.calls) == 2  # the next error, once the box is closed, is told again


def test_a_locked_read_after_the_check_is_told_and_a_reload_shows_the_rows(
    window: MainWindow, qtbot: QtBot, dialog_calls: DialogRecorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", application._excepthook)
    tab = window.organizations_tab
    assert tab is not None
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=10_000)
    store = tab.model.store

    def locked(_positions: Any) -> None:
        raise sqlite3.OperationalError("database is locked")

    store.prefetch = locked  # type: ignore[method-assign]
    try:
        tab.table.scrollToBottom()  # rows not read yet
        qtbot.waitUntil(lambda: "使用中" in window.statusBar().currentMessage(), timeout=10_000)
        assert window.findChild(RecoveryPage, "recoveryPage") is None
        assert window.workspace is not None and tab.model.unreadable
        assert dialog_calls.calls == []
    finally:
        del store.prefetch  # type: ignore[method-assign]
    tab.reload()
    wait_for_rows(qtbot, tab, TOTAL)
    assert not tab.model.unreadable
    assert tab.model.org_row(TOTAL - 1).name
