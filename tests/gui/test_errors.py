"""gui.errors: the caller's templates, message boxes through gui.dialogs, bugs logged without data."""

from __future__ import annotations

import errno
import logging
import sqlite3

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui import errors
from kyodo_desktop.persistence.errors import KnownError

from .conftest import DialogRecorder

TEMPLATES = {
    "known": "統合できませんでした: {reason}",
    "file": "バックアップを作成できなかったため、統合しませんでした: {reason}",
    "bug": "統合できませんでした（{kind}）。詳細はログを確認してください。",
}


def test_a_known_error_fills_the_known_template() -> None:
    assert errors.error_text(KnownError("団体はゴミ箱にあります。"), **TEMPLATES) == (
        "統合できませんでした: 団体はゴミ箱にあります。"
    )


def test_a_locked_data_file_is_a_known_error() -> None:
    text = errors.error_text(sqlite3.OperationalError("database is locked"), **TEMPLATES)
    assert text.startswith("統合できませんでした: データファイルが他の処理")


def test_an_oserror_fills_the_file_template_with_the_os_reason(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        text = errors.error_text(PermissionError(errno.EACCES, "Permission denied"), **TEMPLATES)
    assert text == "バックアップを作成できなかったため、統合しませんでした: Permission denied"
    assert caplog.records == []  # a file problem is not a bug


def test_without_a_file_template_an_oserror_is_a_bug(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        text = errors.error_text(PermissionError(errno.EACCES, "Permission denied"), known="{reason}")
    assert text == "予期しないエラーが発生しました（PermissionError）。詳細はログを確認してください。"
    assert len(caplog.records) == 1


_SECRET = "千葉 花子 043-223-1111"


def _fail() -> None:
    raise ValueError(_SECRET)


def test_a_bug_is_logged_with_its_traceback_but_without_its_message(caplog: pytest.LogCaptureFixture) -> None:
    logger = logging.getLogger("kyodo_desktop.gui.test")
    try:
        _fail()
    except ValueError as exc:
        with caplog.at_level(logging.ERROR, logger="kyodo_desktop.gui.test"):
            text = errors.error_text(exc, **TEMPLATES, what="merge", logger=logger)
    assert text == "統合できませんでした（ValueError）。詳細はログを確認してください。"
    [record] = caplog.records
    assert record.name == "kyodo_desktop.gui.test"
    logged = record.getMessage()
    assert logged.startswith("merge failed: ValueError")
    assert "_fail" in logged and "builtins.ValueError" in logged
    assert "千葉" not in logged and "043" not in logged
    assert record.exc_info is None  # the standard formatter would print the message


def test_known_text_is_none_for_file_problems_and_bugs() -> None:
    assert errors.known_text(KnownError("x")) == "x"
    assert errors.known_text(OSError(errno.EACCES, "Permission denied")) is None
    assert errors.known_text(RuntimeError("boom")) is None


def test_show_error_opens_a_message_box_through_dialogs(dialog_calls: DialogRecorder) -> None:
    errors.show_error(None, "統合", KnownError("団体はゴミ箱にあります。"), known=TEMPLATES["known"])
    assert dialog_calls.names() == ["error"]
    assert dialog_calls.calls[0][1][1] == "統合"
    assert dialog_calls.texts("error") == ["統合できませんでした: 団体はゴミ箱にあります。"]


def test_show_inline_fills_and_shows_the_label(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.show()
    label.hide()
    errors.show_inline(label, OSError(errno.ENOSPC, "No space left on device"), file="{reason}")
    assert label.isVisible()
    assert label.text().startswith("ディスクの空き容量が足りません。")
