"""Typed errors of the storage layer.

Every error a user can meet (locked folder, foreign file, corrupt file, stale edit …) is a
``KnownError`` with a Japanese message fit to show as is; anything else is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


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
    """The data file failed ``quick_check``; ``backups`` lists verified backups, newest first."""

    def __init__(self, message: str, path: Path, backups: list[BackupInfo]) -> None:
        super().__init__(message)
        self.path = path
        self.backups = backups


@dataclass(frozen=True)
class LockHolder:
    """Who holds the data-folder lock."""

    user: str
    host: str
    pid: int
    since: str  # ISO timestamp, UTC

    def describe(self) -> str:
        since = self.since.replace("T", " ")[:19]
        return f"{self.user}（{self.host}、{since} UTC から）"


class LockedError(KnownError):
    """Another process writes to this data folder."""

    def __init__(self, holder: LockHolder) -> None:
        super().__init__(
            f"データフォルダは {holder.describe()} が使用中です。書き込みはできません（閲覧のみ可能です）。"
        )
        self.holder = holder


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
    if "disk i/o error" in text or "unable to open database" in text:
        return KnownError(
            "データファイルを読み書きできません（ディスクまたはネットワークドライブの問題）。接続を確認してください。"
        )
    return None
