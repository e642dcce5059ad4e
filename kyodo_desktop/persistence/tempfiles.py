"""Temporary files that name their owner, and the sweep that removes only a dead owner's.

Every file the program writes under a temporary name before renaming it into place (a backup, a
restore copy, a new data file, settings, an exported workbook and openpyxl's spool of its sheet)
is named by :func:`temp_path`::

    .LABEL.tmp-HOST-PID-START-TOKEN.SUFFIX

``HOST`` and ``PID`` are the writing process's, ``START`` is when that process started (so a pid
the system has since given to another process does not keep a dead writer's file alive) and
``TOKEN`` makes the name unique. SQLite's ``-journal`` beside such a file carries the same name.

:func:`sweep` removes such a file only when its owner is provably dead: same host, and the pid
is not running, or is a zombie, or runs a process that started at another time. A file from
another host, from a live process (this one included) or whose owner cannot be checked is left
alone; age never decides. Removing a dead writer's file is safe because nobody else ever writes
under its unique name.

Files from versions before these names (``.tmp-<hex>.db`` …) carry no owner; for those alone
:func:`sweep_legacy` keeps the old rule (older than an hour), since nothing else can tell.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import socket
import sys
import time
import uuid
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

__all__ = [
    "LEGACY_AGE_S",
    "is_owned_temp",
    "owner_alive",
    "spool_dir",
    "sweep",
    "sweep_legacy",
    "temp_path",
]

#: Files named before owners were recorded are removed after this age (see the module docstring).
LEGACY_AGE_S = 3600

_NAME_RE = re.compile(
    r"^\.(?P<label>.+)\.tmp-(?P<host>[a-z0-9_.-]+)-(?P<pid>\d+)-(?P<start>\d+)-(?P<token>[0-9a-f]{16})"
    r"(?P<suffix>\.[A-Za-z0-9]+)?(?:-journal)?$"
)
_HOST_UNSAFE = re.compile(r"[^a-z0-9_.-]")


def _host() -> str:
    """This machine's name as it appears in temp names (file-name safe, case folded)."""
    return _HOST_UNSAFE.sub("_", socket.gethostname().lower()) or "unknown"


def _linux_stat(pid: int) -> tuple[str, int] | None:
    """(state, start time in clock ticks since boot) of ``pid`` from /proc, or None."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_bytes()
    except OSError:
        return None
    # the command name (field 2) is in parentheses and may hold spaces: split after it
    try:
        fields = raw[raw.rindex(b")") + 2 :].split()
        return fields[0].decode("ascii", "replace"), int(fields[19])
    except (ValueError, IndexError):  # not the layout proc(5) describes: cannot tell
        return None


def _windows_process(pid: int) -> tuple[bool, int] | None:  # pragma: no cover - Windows only
    """(running, creation time) of ``pid``; None when it cannot be asked (no such process: False)."""
    if sys.platform != "win32":
        return None
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        # ERROR_INVALID_PARAMETER: no such process; anything else (access denied): cannot tell
        return (False, 0) if ctypes.get_last_error() == 87 else None
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return None
        created, exited, kernel, user = (wintypes.FILETIME() for _ in range(4))
        start = 0
        if kernel32.GetProcessTimes(
            handle, ctypes.byref(created), ctypes.byref(exited), ctypes.byref(kernel), ctypes.byref(user)
        ):
            start = (created.dwHighDateTime << 32) | created.dwLowDateTime
        return code.value == 259, start  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _process_start(pid: int) -> int:
    """When ``pid`` started, in a platform unit; 0 when the platform does not say."""
    if sys.platform.startswith("linux"):
        stat = _linux_stat(pid)
        return stat[1] if stat else 0
    if sys.platform == "win32":  # pragma: no cover - Windows only
        found = _windows_process(pid)
        return found[1] if found else 0
    return 0  # pragma: no cover - macOS and others: the pid alone is checked


_own: dict[int, str] = {}


def _owner_tag() -> str:
    """``HOST-PID-START`` of this process (computed again after a fork)."""
    pid = os.getpid()
    tag = _own.get(pid)
    if tag is None:
        tag = _own[pid] = f"{_host()}-{pid}-{_process_start(pid)}"
    return tag


#: Bytes of the label kept in a temp name: the whole name must stay under 255 bytes.
_MAX_LABEL_BYTES = 96


def temp_path(folder: Path, label: str, suffix: str = "") -> Path:
    """A fresh temp name in ``folder`` owned by this process: ``.LABEL.tmp-HOST-PID-START-TOKEN.SUFFIX``."""
    while len(label.encode("utf-8", "surrogateescape")) > _MAX_LABEL_BYTES:
        label = label[:-1]
    return folder / f".{label}.tmp-{_owner_tag()}-{uuid.uuid4().hex[:16]}{suffix}"


def is_owned_temp(name: str) -> bool:
    """Whether ``name`` is a temp name made by :func:`temp_path` (or its ``-journal``)."""
    return _NAME_RE.match(name) is not None


def owner_alive(host: str, pid: int, start: int) -> bool:
    """False only when the process that made a temp file is provably dead (see the module doc)."""
    if host != _host():
        return True  # another machine's process cannot be checked from here
    if pid == os.getpid():
        return start == 0 or start == _process_start(pid)
    if sys.platform == "win32":  # pragma: no cover - Windows only
        found = _windows_process(pid)
        if found is None:
            return True
        running, now_start = found
        return running and (start == 0 or now_start == 0 or now_start == start)
    try:
        os.kill(pid, 0)  # signal 0 only asks (never on Windows, where it would kill)
    except ProcessLookupError:
        return False
    except OSError:
        pass  # another user's process: it exists
    if sys.platform.startswith("linux"):
        stat = _linux_stat(pid)  # None when /proc hides other users' processes
        if stat is not None:
            state, now_start = stat
            if state in ("Z", "X"):
                return False  # killed and not yet reaped: it writes nothing any more
            return start == 0 or now_start == start
    return True


def _remove(path: Path) -> bool:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()
    except FileNotFoundError:
        return False
    except OSError:  # another user's file, or still open on Windows: leave it
        log.debug("could not remove leftover temp file %s", path.name, exc_info=True)
        return False
    log.info("removed leftover temp file %s", path.name)
    return True


def sweep(folder: Path, *, label: str | None = None) -> list[Path]:
    """Remove the temp files in ``folder`` whose owner is dead; return what was removed.

    ``label`` limits the sweep to one kind (e.g. ``"backup"``). A folder that cannot be listed
    is skipped: cleaning up must never make the operation itself fail.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        m = _NAME_RE.match(entry.name)
        if m is None or (label is not None and m["label"] != label):
            continue
        if owner_alive(m["host"], int(m["pid"]), int(m["start"])):
            continue
        path = Path(entry.path)
        if _remove(path):
            removed.append(path)
    return removed


def sweep_legacy(folder: Path, patterns: Iterable[str]) -> list[Path]:
    """Remove files matching ``patterns`` (names of older versions) older than :data:`LEGACY_AGE_S`."""
    removed: list[Path] = []
    cutoff = time.time() - LEGACY_AGE_S
    for pattern in patterns:
        for leftover in folder.glob(pattern):
            if is_owned_temp(leftover.name):
                continue  # has an owner: only :func:`sweep` may decide
            with contextlib.suppress(OSError):
                if leftover.stat().st_mtime < cutoff and _remove(leftover):
                    removed.append(leftover)
    return removed


def spool_dir() -> Path:
    """Where openpyxl spools write-only sheets: the system temp folder (names from :func:`temp_path`)."""
    import tempfile

    return Path(tempfile.gettempdir())
