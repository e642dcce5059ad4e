"""The QApplication set-up: Qt's own buttons speak Japanese."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.application import _install_qt_translation


def test_qt_standard_texts_are_japanese(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translator = _install_qt_translation(app)
    assert translator is not None, "qtbase_ja.qm ships with PySide6 and is kept in the bundle"
    try:
        assert QApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
    finally:
        app.removeTranslator(translator)
