"""The recovery page leads with what to do; SQLite's findings are folded away in 詳細."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.recovery_page import RecoveryPage
from kyodo_desktop.persistence.errors import BackupInfo, CorruptDatabaseError, KnownError

DETAILS = ("*** in database main ***", "Page 7: btreeInitPage() returns error code 11", "ほか 19 行")


def _page(qtbot: QtBot, error: KnownError, tmp_path: Path) -> RecoveryPage:
    page = RecoveryPage(error, tmp_path)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    return page


def test_damage_findings_are_shown_only_on_request(qtbot: QtBot, tmp_path: Path) -> None:
    info = BackupInfo(
        tmp_path / "backups" / "kyodo-20261130-080000-daily.db", datetime(2026, 11, 30, 8), "daily"
    )
    error = CorruptDatabaseError("データファイルが破損しています。", tmp_path / "kyodo.db", [info], DETAILS)
    page = _page(qtbot, error, tmp_path)
    shown = [w.text() for w in page.findChildren(QLabel) if w.isVisible()]
    assert not any("btreeInitPage" in text for text in shown)
    assert page.restore_button.isVisible()

    qtbot.mouseClick(page.details_button, Qt.MouseButton.LeftButton)
    assert page.details_label.isVisible()
    assert page.details_label.text().splitlines()[1:] == list(DETAILS)
    assert page.details_button.text() == "詳細を隠す"
    qtbot.mouseClick(page.details_button, Qt.MouseButton.LeftButton)
    assert not page.details_label.isVisible()


def test_other_problems_keep_their_message_in_view(qtbot: QtBot, tmp_path: Path) -> None:
    page = _page(qtbot, KnownError("データフォルダに書き込めません。"), tmp_path)
    assert page.details_label.isVisible() and not page.details_button.isVisible()
    assert page.details_label.text() == "詳細: データフォルダに書き込めません。"
