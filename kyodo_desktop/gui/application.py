"""The QApplication of 協働デスク: names, the language, Qt messages routed into logging, and a
last-resort error hook."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from kyodo_desktop import APP_NAME
from kyodo_desktop.gui import dialogs
from kyodo_desktop.gui.i18n import install_language
from kyodo_desktop.resources import resource

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message_handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def apply_language(app: QApplication, language: str) -> str:
    """Install the translators of ``language`` before any widget is built; returns it."""
    language = install_language(app, language)
    app.setApplicationDisplayName(QApplication.translate("application", "協働デスク"))
    return language


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """A bug: log it with its traceback and tell the user, instead of dying silently."""
    log.critical("unexpected error", exc_info=(kind, exc, tb))
    try:
        dialogs.error(
            None,
            QApplication.translate("application", "予期しないエラー"),
            QApplication.translate(
                "application", "予期しないエラーが発生しました（{kind}）。詳細はログを確認してください。"
            ).format(kind=kind.__name__),
        )
    except Exception:  # never let the hook itself raise
        log.exception("could not show the error dialog")


def create_application(argv: Sequence[str], language: str = "ja") -> QApplication:
    """The application object (reused if one exists), named for settings and window titles,
    with the translators of ``language`` ("ja" or "en") installed."""
    qInstallMessageHandler(_qt_message_handler)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("KyodoDesktop")
    apply_language(app, language)
    icon = resource("icons/kyodo.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    sys.excepthook = _excepthook
    return app
