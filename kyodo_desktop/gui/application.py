"""The QApplication of 協働デスク: names, Qt messages routed into logging, and a last-resort error hook."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtCore import (
    QLibraryInfo,
    QLocale,
    QMessageLogContext,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from kyodo_desktop import APP_NAME
from kyodo_desktop.gui import dialogs
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


def _install_qt_translation(app: QApplication) -> QTranslator | None:
    """Qt's own texts (OK/Cancel, file dialogs) in Japanese: the office PCs' language."""
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(QLocale.Language.Japanese), "qtbase", "_", folder):
        app.installTranslator(translator)
        return translator
    log.info("Qt's Japanese translation not found in %s", folder)
    return None


def create_application(argv: Sequence[str]) -> QApplication:
    """The application object (reused if one exists), named for settings and window titles."""
    qInstallMessageHandler(_qt_message_handler)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("KyodoDesktop")
    app.setApplicationDisplayName(QApplication.translate("application", "協働デスク"))
    _install_qt_translation(app)
    icon = resource("icons/kyodo.png")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    sys.excepthook = _excepthook
    return app
