"""The QApplication set-up: Qt's own buttons speak Japanese."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.i18n import current_language, install_language


def test_qt_standard_texts_are_japanese(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = current_language()
    install_language(app, "en")  # so that "ja" below really installs Qt's translation
    try:
        assert install_language(app, "ja") == "ja"
        # qtbase_ja.qm ships with PySide6 and is kept in the bundle
        assert QApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
    finally:
        install_language(app, previous)
