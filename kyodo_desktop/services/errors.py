"""Exceptions turned into Japanese messages, in one place, for the window and the ``kyodo`` command.

Every failure falls into one of three kinds (:class:`ErrorKind`):

- **known** — a typed :class:`KnownError` (locked folder, stale edit, trashed record …), a
  validation error, an import file refused as a whole, or an SQLite failure the user can act on
  (locked, disk full, read-only, I/O; a full disk also when an ``OSError`` says so): the
  message is shown as is;
- **file** — any other ``OSError``: a file could not be read or written; the OS's reason is kept
  so that the caller can say which file and what it was doing;
- **bug** — anything else: the user is told to look at the log, and the traceback is logged
  (with :func:`bug_traceback`, which leaves every exception's message out: it may hold a name or
  an address).

No Qt here: ``kyodo_desktop.gui.errors`` wraps this for the window (message boxes, inline
notices, translated templates), and the CLI prints :attr:`ErrorDescription.message`.
"""

from __future__ import annotations

import enum
import errno
import traceback
from dataclasses import dataclass

from kyodo_desktop.domain.importing import ImportFileError
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors
from kyodo_desktop.persistence.errors import KnownError, known_database_error

#: Errors whose ``str()`` is a Japanese message written for the user.
_SELF_EXPLAINING = (KnownError, ValidationError, ValidationErrors, ImportFileError)


class ErrorKind(enum.Enum):
    """What a failure is to the user: see the module docstring."""

    KNOWN = "known"
    FILE = "file"
    BUG = "bug"


@dataclass(frozen=True)
class ErrorDescription:
    """One failure as the user is told about it.

    ``message`` is Japanese and fit to show as is (it may span lines; the CLI folds it to one).
    ``reason`` is the OS's reason for a :attr:`ErrorKind.FILE` failure, else ``""``.
    ``type_name`` names the exception class (shown for bugs, never its message).
    """

    kind: ErrorKind
    message: str
    type_name: str
    reason: str = ""

    @property
    def is_bug(self) -> bool:
        """Whether this is a bug: log its traceback, show only the kind of error."""
        return self.kind is ErrorKind.BUG

    @property
    def is_known(self) -> bool:
        """Whether the message explains the problem itself (a known error)."""
        return self.kind is ErrorKind.KNOWN


def describe_error(exc: BaseException) -> ErrorDescription:
    """The kind of ``exc`` and its Japanese message (see the module docstring)."""
    type_name = type(exc).__name__
    if isinstance(exc, _SELF_EXPLAINING):
        return ErrorDescription(ErrorKind.KNOWN, str(exc), type_name)
    # The SQLite texts are looked for in SQLite's errors only: an OSError saying "Read-only file
    # system" is about the file being written (an export, a backup), not the data file. A full
    # disk is the same advice whichever file it was.
    if not isinstance(exc, OSError) or exc.errno == errno.ENOSPC:
        known = known_database_error(exc)
        if known is not None:
            return ErrorDescription(ErrorKind.KNOWN, str(known), type_name)
    if isinstance(exc, OSError):
        reason = exc.strerror or str(exc)
        return ErrorDescription(
            ErrorKind.FILE, f"ファイルを読み書きできませんでした: {reason}", type_name, reason
        )
    return ErrorDescription(
        ErrorKind.BUG, f"予期しないエラー（{type_name}）。詳細はログを確認してください。", type_name
    )


def user_message(exc: BaseException) -> str:
    """``describe_error(exc).message``: the Japanese text to show for ``exc``."""
    return describe_error(exc).message


def as_known_error(exc: BaseException) -> KnownError | None:
    """``exc`` as a :class:`KnownError` when it is a known one (SQLite failures mapped), else None."""
    if isinstance(exc, KnownError):
        return exc
    description = describe_error(exc)
    return KnownError(description.message) if description.is_known else None


def bug_traceback(exc: BaseException) -> str:
    """The traceback of ``exc`` and of its causes, with class names but without their messages.

    A message may quote what the user typed or a record's name; the frames (file, line, code)
    are what a developer needs, and they hold no personal data.
    """
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or current.__context__
    parts = []
    for link in reversed(chain):  # oldest first, as Python prints a chain
        frames = "".join(traceback.format_tb(link.__traceback__))
        parts.append(
            f"Traceback (most recent call last):\n{frames}{type(link).__module__}.{type(link).__qualname__}"
        )
    return "\n\nwhich led to:\n\n".join(parts)
