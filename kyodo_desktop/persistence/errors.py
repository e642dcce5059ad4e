"""Typed errors of the storage layer.

Every error a user can meet (locked folder, foreign file, corrupt file, stale edit …) is a
``KnownError`` with a Japanese message fit to show as is; anything else is a bug.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kyodo_desktop.domain.local_time import utc_iso_to_local_text


class KnownError(Exception):
    """An error the user can understand and act on; ``str(e)`` is the Japanese message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class NotSQLiteError(KnownError):
    """The data file is not an SQLite database at all; it was left untouched."""


class ForeignDatabaseError(KnownError):
    """The data file is an SQLite database of another program; it was left untouched."""


class NewerVersionError(KnownError):
    """The data file was written by a newer version of this program; it was left untouched."""


@dataclass(frozen=True)
class BackupInfo:
    """One verified backup file and when it was taken (local time, from the file name)."""

    path: Path
    taken_at: datetime
    reason: str


class CorruptDatabaseError(KnownError):
    """The data file failed ``quick_check``; ``backups`` lists verified backups, newest first.

    The message says what happened and what to do; SQLite's own findings (English, often many
    lines) are kept apart in ``details`` for a 詳細 section, never pasted into the message.
    """

    def __init__(
        self, message: str, path: Path, backups: list[BackupInfo], details: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.path = path
        self.backups = backups
        self.details = details


@dataclass(frozen=True)
class LockHolder:
    """Who holds the data-folder lock."""

    user: str
    host: str
    pid: int
    since: str  # ISO timestamp, UTC

    def describe(self) -> str:
        """``user（host、2026-12-01 10:28 +09:00 から）``: the time in local time, with its offset."""
        since = utc_iso_to_local_text(self.since, seconds=False)
        return f"{self.user}（{self.host}、{since} から）"


class LockedError(KnownError):
    """Another process writes to this data folder."""

    def __init__(self, holder: LockHolder) -> None:
        super().__init__(
            f"データフォルダは {holder.describe()} が使用中です。書き込みはできません（閲覧のみ可能です）。"
        )
        self.holder = holder


class ReadOnlyError(KnownError):
    """The data folder can be read but not written here (a read-only folder, drive or file).

    The window opens such a folder read-only with this message in its banner, as it does when
    another program holds the lock.
    """


class ReadOnlyFolderError(ReadOnlyError):
    """The data folder (or the drive it is on) does not let this program write."""

    def __init__(self, data_dir: Path, reason: str) -> None:
        super().__init__(
            f"データフォルダに書き込めません（{reason}）: {data_dir}。"
            "閲覧はできます。書き込むには、書き込めるフォルダを指定するか、フォルダの設定を確認してください。"
        )
        self.data_dir = data_dir


class ReadOnlyFileError(ReadOnlyError):
    """The data file itself is marked read-only."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"データファイルが読み取り専用になっています: {path}。"
            "閲覧はできます。書き込むには、ファイルのプロパティで読み取り専用を外してください。"
        )
        self.path = path


#: errno values that mean "this place does not let us write" (as opposed to a broken disk).
NOT_WRITABLE_ERRNOS = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})


def not_writable_reason(exc: OSError) -> str | None:
    """Why ``exc`` refused a write, in Japanese, when it says the place is read-only; else None."""
    if exc.errno == errno.EROFS:
        return "読み取り専用のドライブです"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "書き込みの権限がありません"
    return None


class NotFoundError(KnownError):
    """The record does not exist (or is in the trash when that matters)."""


class StaleEditError(KnownError):
    """The record changed since the user opened it; the save was refused."""


class BackupError(KnownError):
    """A backup could not be written or verified."""


def known_database_error(exc: BaseException) -> KnownError | None:
    """A clear message for the SQLite failures a user can act on (locked, full, read-only)."""
    text = str(getattr(exc, "orig", None) or exc).lower()
    if "database is locked" in text or "database table is locked" in text:
        return KnownError(
            "データファイルが他の処理（バックアップ、書き出し、別のパソコン）で使用中です。"
            "少し待ってからもう一度操作してください。入力内容はそのままです。"
        )
    if "disk is full" in text or "no space left" in text:
        return KnownError(
            "ディスクの空き容量が足りません。空きを作ってからもう一度操作してください。入力内容はそのままです。"
        )
    if "readonly" in text or "read-only" in text:
        return KnownError(
            "データファイルに書き込めません（読み取り専用の場所です）。データフォルダの場所を確認してください。"
        )
    if "unable to open database" in text:
        # SQLite says this when it cannot create the journal beside the file (a read-only
        # folder) as well as when the drive is gone: name both, the folder first
        return KnownError(
            "データファイルを開けません（データフォルダに書き込めないか、ドライブに接続できません）。"
            "フォルダの書き込みの権限と接続を確認してください。入力内容はそのままです。"
        )
    if "disk i/o error" in text:
        return KnownError(
            "データファイルを読み書きできません（ディスクまたはネットワークドライブの問題）。接続を確認してください。"
        )
    return None
