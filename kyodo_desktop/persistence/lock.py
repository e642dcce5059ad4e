"""The data-folder lock: one writer at a time, and everyone told who it is.

The lock is an operating-system lock (``fcntl.flock`` / ``msvcrt.locking``) held on
``kyodo.lock`` for as long as the writer runs; the file's content names the holder (user, host,
pid, since). The OS drops the lock when the process dies, however it dies, so a dead writer's
lock clears itself and two writers can never both hold it. The file itself is never deleted
(deleting a locked file would let a second process lock a fresh one); a free lock is an empty
or unlocked file.
"""

from __future__ import annotations

import getpass
import json
import logging
import os
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from kyodo_desktop.persistence.errors import (
    KnownError,
    LockedError,
    LockHolder,
    ReadOnlyFolderError,
    not_writable_reason,
)

log = logging.getLogger(__name__)

LOCK_FILE_NAME = "kyodo.lock"
#: Windows locks a byte range; lock one byte far past the holder text so readers can read it.
_WINDOWS_LOCK_OFFSET = 1 << 20


def current_user() -> str:
    """The OS user name, or ``"unknown"``."""
    try:
        return getpass.getuser()
    except Exception:  # getpass raises various errors when no user name is set
        return "unknown"


def _try_lock(fd: int) -> bool:
    """Take the OS lock on ``fd`` without waiting; False when another process holds it."""
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        return
    import fcntl

    fcntl.flock(fd, fcntl.LOCK_UN)


def read_holder(data_dir: Path) -> LockHolder | None:
    """Who the lock file names, or None when it names nobody (free, or being written)."""
    try:
        text = (data_dir / LOCK_FILE_NAME).read_text(encoding="utf-8").strip()
    except (FileNotFoundError, PermissionError):
        return None
    except OSError:
        return LockHolder(user="不明", host="不明", pid=-1, since="")
    if not text:
        return None
    try:
        raw = json.loads(text)
        return LockHolder(
            user=str(raw["user"]), host=str(raw["host"]), pid=int(raw["pid"]), since=str(raw["since"])
        )
    except (ValueError, KeyError, TypeError):
        return LockHolder(user="不明", host="不明", pid=-1, since="")


class DataFolderLock:
    """Exclusive write lock on a data folder; use as a context manager or call acquire/release."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_FILE_NAME
        self._fd: int | None = None

    @property
    def acquired(self) -> bool:
        """Whether this object holds the lock."""
        return self._fd is not None

    def acquire(self) -> None:
        """Take the lock or raise :class:`LockedError` naming the holder."""
        if self._fd is not None:
            return
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            reason = not_writable_reason(exc)
            if reason is not None:  # a read-only folder or drive: readable, say so
                raise ReadOnlyFolderError(self.data_dir, reason) from exc
            raise KnownError(f"データフォルダに書き込めません: {self.data_dir}（{exc.strerror}）") from exc
        if not _try_lock(fd):
            os.close(fd)
            holder = read_holder(self.data_dir) or LockHolder("不明", "不明", -1, "")
            raise LockedError(holder)
        me = LockHolder(
            user=current_user(),
            host=socket.gethostname(),
            pid=os.getpid(),
            since=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        try:
            os.ftruncate(fd, 0)
            os.write(fd, json.dumps(me.__dict__, ensure_ascii=False).encode("utf-8"))
            os.fsync(fd)
        except OSError as exc:
            _unlock(fd)
            os.close(fd)
            raise KnownError(f"データフォルダに書き込めません: {self.data_dir}（{exc.strerror}）") from exc
        self._fd = fd

    def release(self) -> None:
        """Clear the holder text and drop the OS lock (the file stays)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)
        except OSError:
            log.warning("could not clear the lock file")
        finally:
            _unlock(fd)
            os.close(fd)

    def __enter__(self) -> DataFolderLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
