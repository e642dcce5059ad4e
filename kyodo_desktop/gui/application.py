"""The QApplication of 協働デスク: names, the language, Qt messages routed into logging, and a
last-resort error hook."""

from __future__ import annotations

import collections
import logging
import os
import sys
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from kyodo_desktop import APP_NAME, qt_preflight
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


# Qt's last warnings: when its platform plugin fails, the reason (a missing xcb-cursor0 …) comes
# in a warning just before the fatal message, which only says that no plugin could start.
_recent_warnings: collections.deque[str] = collections.deque(maxlen=5)


def _qt_message_handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
    if kind == QtMsgType.QtWarningMsg:
        _recent_warnings.append(message)
    elif kind == QtMsgType.QtFatalMsg:
        _fatal(message)


def _fatal(message: str) -> None:
    """Qt is about to abort (status 134, silently for a windowed program): say why, exit with 1."""
    details = "\n".join([*_recent_warnings, message])
    qt_preflight.report(f"Qt が起動できませんでした（画面の表示に必要な部品が読み込めません）。\n{details}")
    logging.shutdown()
    os._exit(1)  # Qt cannot carry on after qFatal; exit cleanly rather than abort


def apply_language(app: QApplication, language: str) -> str:
    """Install the translators of ``language`` before any widget is built; returns it."""
    language = install_language(app, language)
    app.setApplicationDisplayName(QApplication.translate("application", "協働デスク"))
    return language


# Whether the crash dialog is open: its own event loop paints and may raise again, and each such
# error would open one more box on top (a storm of hundreds); they are logged only.
_crash_dialog_open = False


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """A bug: log it with its traceback and tell the user, instead of dying silently."""
    global _crash_dialog_open
    log.critical("unexpected error", exc_info=(kind, exc, tb))
    if _crash_dialog_open:
        return
    _crash_dialog_open = True
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
    finally:
        _crash_dialog_open = False


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
