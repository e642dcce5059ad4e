"""The data-folder lock: one writer at a time, and everyone told who it is.

The lock is a small JSON file (user, host, pid, since) created with ``O_EXCL``. A lock whose
holder is a dead process on this same host is stale and is cleared on the next attempt; a lock
from another host is respected (we cannot see its processes).
"""

from __future__ import annotations

import contextlib
import getpass
import json
import logging
import os
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from kyodo_desktop.persistence.errors import KnownError, LockedError, LockHolder

log = logging.getLogger(__name__)

LOCK_FILE_NAME = "kyodo.lock"


def current_user() -> str:
    """The OS user name, or ``"unknown"``."""
    try:
        return getpass.getuser()
    except Exception:  # getpass raises various errors when no user name is set
        return "unknown"


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_holder(data_dir: Path) -> LockHolder | None:
    """The current holder named in the lock file, or None when unlocked/unreadable."""
    path = data_dir / LOCK_FILE_NAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return LockHolder(
            user=str(raw["user"]), host=str(raw["host"]), pid=int(raw["pid"]), since=str(raw["since"])
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return LockHolder(user="不明", host="不明", pid=-1, since="")


class DataFolderLock:
    """Exclusive write lock on a data folder; use as a context manager or call acquire/release."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_FILE_NAME
        self.acquired = False

    def acquire(self) -> None:
        """Take the lock or raise :class:`LockedError` naming the holder."""
        me = LockHolder(
            user=current_user(),
            host=socket.gethostname(),
            pid=os.getpid(),
            since=datetime.now(UTC).isoformat(timespec="seconds"),
        )
        payload = json.dumps(me.__dict__, ensure_ascii=False).encode("utf-8")
        for _attempt in range(3):
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                holder = read_holder(self.data_dir)
                if holder is None:
                    continue  # released between our two calls
                if holder.host == me.host and holder.pid == me.pid and self.acquired:
                    return
                if holder.host == me.host and not _pid_alive(holder.pid):
                    log.warning("clearing stale lock of dead process %s", holder.pid)
                    with contextlib.suppress(FileNotFoundError):
                        self.path.unlink()
                    continue
                raise LockedError(holder) from None
            except OSError as exc:
                raise KnownError(
                    f"データフォルダに書き込めません: {self.data_dir}（{exc.strerror}）"
                ) from exc
            try:
                os.write(fd, payload)
                os.fsync(fd)
            finally:
                os.close(fd)
            self.acquired = True
            return
        holder = read_holder(self.data_dir) or LockHolder("不明", "不明", -1, "")
        raise LockedError(holder)

    def release(self) -> None:
        """Remove the lock file if we hold it."""
        if not self.acquired:
            return
        holder = read_holder(self.data_dir)
        if holder is not None and holder.pid == os.getpid() and holder.host == socket.gethostname():
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        self.acquired = False

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
