"""An opened data folder: checked file, optional write lock, lazily built engine, officer.

``Workspace.open(data_dir, write=True)`` takes the lock (refused with the holder named),
refuses foreign/newer/non-SQLite files untouched, reports corruption with the backups on offer,
creates or migrates the file, and takes the day's first backup. Readers (``write=False``) take
no lock and may run while another process writes.

The SQLAlchemy engine is built on first use so that the GUI can show its table (raw
``sqlite3``) before paying for the ORM import.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from contextlib import AbstractContextManager
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from kyodo_desktop.persistence import backup, health, sqlite_file, tempfiles
from kyodo_desktop.persistence.errors import (
    KnownError,
    LockedError,
    ReadOnlyError,
    ReadOnlyFileError,
    ReadOnlyFolderError,
)
from kyodo_desktop.persistence.lock import DataFolderLock, read_holder
from kyodo_desktop.services.settings import Officer, current_officer

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)


class Workspace:
    """The data folder a program works on. Close it (or use ``with``) to release the lock."""

    def __init__(self, data_dir: Path, lock: DataFolderLock | None, *, verified: bool = True) -> None:
        self.data_dir = data_dir
        self.db_path = data_dir / sqlite_file.DB_FILE_NAME
        self.backups_dir = backup.backups_dir(data_dir)
        self._lock = lock
        self._engine: Engine | None = None
        self._session_factory: sessionmaker[Session] | None = None
        self.officer: Officer = current_officer(data_dir)
        #: whether ``quick_check`` passed; writes wait for it (see :meth:`verify`)
        self.verified = verified
        #: why a reader could not write (a read-only folder or file), told by :meth:`require_write`
        self.read_only_reason: ReadOnlyError | None = None

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(
        cls, data_dir: Path, *, write: bool = True, daily_backup: bool = True, check: bool = True
    ) -> Workspace:
        """Open (creating if needed) the data folder; see the module docstring.

        ``check=False`` leaves the whole-file ``quick_check`` to :meth:`verify` (the GUI runs it
        in a worker while the window fills); the header is checked either way, and writes are
        refused until the file is verified.
        """
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise KnownError(f"データフォルダを作成できません: {data_dir}（{exc.strerror}）") from exc
        lock = DataFolderLock(data_dir) if write else None
        if lock is not None:
            lock.acquire()
        try:
            if lock is not None:
                _refuse_read_only(data_dir)
                _sweep_leftovers(data_dir)
            created = cls._prepare_file(data_dir, lock, check=check)
            ws = cls(data_dir, lock, verified=check or created)
            if write and daily_backup and not created and ws.verified:
                ws.daily_backup()
            return ws
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @staticmethod
    def _prepare_file(data_dir: Path, lock: DataFolderLock | None, *, check: bool) -> bool:
        """Check, create or migrate the data file; True when it was just created."""
        path = data_dir / sqlite_file.DB_FILE_NAME
        if lock is None and not path.exists():
            # a reader never creates: a mistyped --data-dir must not look like an empty registry
            raise KnownError(
                f"データファイルがありません: {path}（データフォルダの指定を確認してください。"
                "団体の登録など、最初の書き込みで作成されます）"
            )
        if lock is None and health.needs_migration(path):
            raise KnownError(
                "データファイルが古い形式です。書き込みできる状態で一度開くと更新されます（閲覧専用では更新しません）。"
            )
        if path.exists():
            if check or health.needs_migration(path):  # never migrate an unchecked file
                health.check_health(path)
            if not health.needs_migration(path):
                return False
        from kyodo_desktop.persistence import database

        with _temporary_lock(data_dir, lock):
            if not path.exists():
                database.create_new(path)
                return True
            database.migrate(path)
        return False

    def verify(self) -> None:
        """Run the whole-file ``quick_check`` now (raises ``CorruptDatabaseError``)."""
        health.check_health(self.db_path)
        self.verified = True

    def daily_backup(self) -> None:
        """The first writer of the day leaves a verified backup behind."""
        if not backup.has_backup_from(self.backups_dir, date.today(), "daily"):
            backup.create_backup(self.db_path, self.backups_dir, "daily")

    # -- properties --------------------------------------------------------------------------
    @property
    def writable(self) -> bool:
        """Whether this workspace holds the write lock."""
        return self._lock is not None and self._lock.acquired

    def require_write(self) -> None:
        """Raise :class:`LockedError` (or why the folder is read-only) unless this workspace may write."""
        if self.writable and not self.verified:
            raise KnownError("データファイルを確認しています。数秒待ってからもう一度保存してください。")
        if not self.writable:
            if self.read_only_reason is not None:  # before the lock file: a dead writer's text may linger
                raise self.read_only_reason
            holder = read_holder(self.data_dir)
            if holder is not None:
                raise LockedError(holder)
            raise KnownError("閲覧専用で開いているため書き込みできません。")

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine (built on first use)."""
        if self._engine is None:
            from kyodo_desktop.persistence.database import make_engine

            self._engine = make_engine(self.db_path)
        return self._engine

    @property
    def session_factory(self) -> sessionmaker[Session]:
        """Session factory; use ``with ws.session_factory.begin() as s:`` per user action."""
        if self._session_factory is None:
            from kyodo_desktop.persistence.database import make_session_factory

            self._session_factory = make_session_factory(self.engine)
        return self._session_factory

    def reader(self) -> AbstractContextManager[sqlite3.Connection]:
        """A read-only plain ``sqlite3`` connection to the data file, closed on leaving: for the
        reads written in SQL (``persistence.day_reads``), which need no ORM."""
        return sqlite_file.connection(self.db_path, readonly=True)

    def reload_officer(self) -> Officer:
        """Re-read the officer after settings changed."""
        self.officer = current_officer(self.data_dir)
        return self.officer

    # -- closing -----------------------------------------------------------------------------
    def close(self) -> None:
        """Dispose the engine and release the lock."""
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
            self._session_factory = None
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _refuse_read_only(data_dir: Path) -> None:
    """Refuse to write where the folder or the data file is read-only (the lock file could be made).

    A data file without any write bit is read-only on purpose (the Windows attribute, or a copy
    someone protected), even for an administrator whom the OS would let write. A folder that
    this user may not write to would fail at the first journal SQLite tries to create.
    """
    path = data_dir / sqlite_file.DB_FILE_NAME
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and (
        not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)
    ):
        raise ReadOnlyFileError(path)
    if not os.access(data_dir, os.W_OK):
        raise ReadOnlyFolderError(data_dir, "書き込みの権限がありません")


#: Temp names of versions before the owner was named in them (new data file, restore, settings).
_LEGACY_TEMPS = (".new-*.db", ".new-*.db-journal", ".restore-*.db", ".settings-*.json")


def _sweep_leftovers(data_dir: Path) -> None:
    """Remove the temp files that killed writes left (their owner is dead; see ``tempfiles``)."""
    tempfiles.sweep(data_dir)
    tempfiles.sweep_legacy(data_dir, _LEGACY_TEMPS)
    backup.sweep_leftovers(backup.backups_dir(data_dir))


class _temporary_lock:
    """Hold ``lock`` if given, else take the folder lock just for this block (create/migrate)."""

    def __init__(self, data_dir: Path, lock: DataFolderLock | None, *, verified: bool = True) -> None:
        self._own = lock is None
        self._lock = lock or DataFolderLock(data_dir)

    def __enter__(self) -> None:
        if self._own:
            self._lock.acquire()

    def __exit__(self, *exc: object) -> None:
        if self._own:
            self._lock.release()
