"""The window's side of the error mapping: known errors as messages, bugs logged.

``kyodo_desktop.services.errors.describe_error`` decides what an exception is (known, a file
problem, a bug) and its Japanese message; this module puts that into the window. A caller names
what failed with translated templates, so the officer reads e.g. 「統合できませんでした: …」:

- ``known`` — for a known error, ``{reason}`` is its message (default: the message alone);
- ``file`` — for an ``OSError``, ``{reason}`` is the OS's reason; without it a file problem is
  treated as a bug;
- ``bug`` — for anything else, ``{kind}`` is the exception's class; the traceback is logged
  without any exception message (no personal data in logs).

Use :func:`error_text` for the text, :func:`show_error` for a message box (through
``gui.dialogs``, so tests mute it) and :func:`show_inline` for a notice label in a form.
:func:`known_text` is for callers that let bugs propagate to the crash dialog.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from kyodo_desktop.gui import dialogs
from kyodo_desktop.services.errors import ErrorKind, bug_traceback, describe_error

log = logging.getLogger(__name__)


def default_bug_template() -> str:
    """The text for a bug when the caller names none (as the crash dialog says it)."""
    # a literal in translate(), so pyside6-lupdate finds it
    return QCoreApplication.translate(
        "errors", "予期しないエラーが発生しました（{kind}）。詳細はログを確認してください。"
    )


def known_text(exc: BaseException) -> str | None:
    """The message of a known error (SQLite failures mapped), or None for a file problem or bug."""
    description = describe_error(exc)
    return description.message if description.is_known else None


def log_bug(exc: BaseException, what: str, logger: logging.Logger | None = None) -> None:
    """Log a bug's traceback, naming what failed, without any exception message."""
    (logger or log).error("%s failed: %s\n%s", what, type(exc).__name__, bug_traceback(exc))


def error_text(
    exc: BaseException,
    *,
    known: str = "{reason}",
    file: str | None = None,
    bug: str | None = None,
    what: str = "operation",
    logger: logging.Logger | None = None,
) -> str:
    """The message for ``exc`` from the caller's templates (see the module docstring).

    A bug (and a file problem when ``file`` is None) is logged as "``what`` failed" to ``logger``.
    """
    description = describe_error(exc)
    if description.kind is ErrorKind.KNOWN:
        return known.format(reason=description.message)
    if description.kind is ErrorKind.FILE and file is not None:
        return file.format(reason=description.reason)
    log_bug(exc, what, logger)
    return (bug or default_bug_template()).format(kind=description.type_name)


def show_error(
    parent: QWidget | None,
    title: str,
    exc: BaseException,
    *,
    known: str = "{reason}",
    file: str | None = None,
    bug: str | None = None,
    what: str = "operation",
    logger: logging.Logger | None = None,
) -> None:
    """A message box (``dialogs.error``) telling what failed and why."""
    text = error_text(exc, known=known, file=file, bug=bug, what=what, logger=logger)
    dialogs.error(parent, title, text)


def show_inline(
    label: QLabel,
    exc: BaseException,
    *,
    known: str = "{reason}",
    file: str | None = None,
    bug: str | None = None,
    what: str = "operation",
    logger: logging.Logger | None = None,
) -> None:
    """The message in a notice ``label`` of a form or dialog, which is then shown."""
    label.setText(error_text(exc, known=known, file=file, bug=bug, what=what, logger=logger))
    label.show()
