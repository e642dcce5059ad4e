"""Verified, rotated backups of the data file.

A backup is written with the SQLite backup API to a temporary name, checked with
``integrity_check``, fsynced and only then renamed to ``kyodo-YYYYmmdd-HHMMSS-REASON.db``, so a
file under a backup name is always a complete, sound database. The name is chosen at that rename
and never replaces another backup (two of the same second are numbered). The temporary name names its
owner (:mod:`kyodo_desktop.persistence.tempfiles`): each backup first removes the temp files and
journals that a killed backup left, never a running one's.

A backup taken before a change (an import) may instead be the newest backup of the same day
under a second name (a hard link), when no write has happened since: see
:func:`unchanged_backup`. Restoring either name gives back the file as it was before the change.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import shutil
import sqlite3
import uuid
from datetime import date, datetime
from pathlib import Path

from kyodo_desktop.domain.local_time import local_text
from kyodo_desktop.persistence import sqlite_file, tempfiles
from kyodo_desktop.persistence.errors import (
    BackupError,
    BackupInfo,
    CorruptDatabaseError,
    not_writable_reason,
)

log = logging.getLogger(__name__)

BACKUP_DIR_NAME = "backups"
#: How many backups of each kind are kept; the oldest beyond this are deleted.
KEEP = {"daily": 14, "manual": 20}
KEEP_OTHER = 20

_NAME_RE = re.compile(r"^kyodo-(\d{8}-\d{6})(?:-(\d+))?-([a-z-]+)\.db$")


def backups_dir(data_dir: Path) -> Path:
    """``DATA_DIR/backups``."""
    return data_dir / BACKUP_DIR_NAME


def list_backups(directory: Path) -> list[BackupInfo]:
    """Backups in ``directory``, newest first (by the time in the name)."""
    found: list[tuple[datetime, int, BackupInfo]] = []
    if not directory.is_dir():
        return []
    for entry in directory.iterdir():
        m = _NAME_RE.match(entry.name)
        if not m:
            continue
        taken = datetime.strptime(m.group(1), "%Y%m%d-%H%M%S")
        found.append((taken, _seq(entry.name), BackupInfo(path=entry, taken_at=taken, reason=m.group(3))))
    found.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [t[2] for t in found]


def _seq(name: str) -> int:
    m = _NAME_RE.match(name)
    return int(m.group(2) or 1) if m else 0


def verify(path: Path) -> bool:
    """True when ``path`` opens read-only and passes ``integrity_check``."""
    try:
        sqlite_file.check_identity(path)
        with sqlite_file.connection(path, readonly=True) as conn:
            return not sqlite_file.integrity_problems(conn)
    except (sqlite3.Error, Exception):  # any failure means "not a usable backup"
        return False


def verified_backups(directory: Path) -> list[BackupInfo]:
    """Backups that pass ``integrity_check``, newest first."""
    return [b for b in list_backups(directory) if verify(b.path)]


def has_backup_from(directory: Path, day: date, reason: str) -> bool:
    """Whether a backup with ``reason`` was taken on ``day`` (local date)."""
    return any(b.reason == reason and b.taken_at.date() == day for b in list_backups(directory))


def create_backup(
    db_path: Path, directory: Path, reason: str, *, reuse_unchanged: bool = False
) -> BackupInfo:
    """Copy ``db_path`` into ``directory`` (verified, fsynced, atomically named) and rotate.

    ``reuse_unchanged`` (the backups before an import): when today's newest backup holds the
    file as it is now (:func:`unchanged_backup`), that backup is published under this reason's
    name too, a hard link instead of a second copy and ``integrity_check`` of the whole file.
    """
    if not re.fullmatch(r"[a-z-]+", reason):
        raise ValueError(f"bad backup reason {reason!r}")
    now = datetime.now().replace(microsecond=0)
    if reuse_unchanged:
        shared = _share_unchanged(db_path, directory, now, reason)
        if shared is not None:
            return shared
    tmp = tempfiles.temp_path(directory, "backup", ".db")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        sweep_leftovers(directory)
        # Creating the temporary file here proves the folder writable and keeps the OS's reason:
        # SQLite would only say "unable to open database file" (read as a disk problem).
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    except OSError as exc:
        raise _write_error(directory, exc) from exc
    try:
        try:
            src = sqlite_file.connect(db_path, readonly=True)
        except sqlite3.DatabaseError as exc:
            raise _read_error(exc) from exc
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
                problems = sqlite_file.integrity_problems(dst)
            finally:
                dst.close()
        finally:
            src.close()
        if problems:
            raise BackupError("バックアップの検証に失敗しました: " + "; ".join(problems[:3]))
        sqlite_file.fsync_path(tmp)
        final = _publish(tmp, directory, now, reason)
        sqlite_file.fsync_path(directory)
    except sqlite3.DatabaseError as exc:
        # the copy writes the temporary file (its journal too): a refused write is the folder's
        text = str(exc).lower()
        if "readonly" in text or "read-only" in text or "unable to open" in text:
            raise _write_error(directory, OSError(errno.EACCES, "")) from exc
        if "disk is full" in text:
            raise _write_error(directory, OSError(errno.ENOSPC, "")) from exc
        raise _read_error(exc) from exc
    except OSError as exc:
        raise _write_error(directory, exc) from exc
    finally:
        with contextlib.suppress(OSError):  # on a read-only drive even the unlink is refused
            tmp.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            tmp.with_name(tmp.name + "-journal").unlink(missing_ok=True)
    log.info("backup written: %s (%s)", final.name, reason)
    rotate(directory)
    return BackupInfo(path=final, taken_at=now, reason=reason)


#: Header bytes a copy by the backup API writes of its own: the file change counter, the schema
#: cookie and the version-valid-for number (every other byte of the copy is the source's).
_OWN_HEADER = ((24, 28), (40, 44), (92, 96))
_CHUNK = 1 << 20


def _masked(header: bytes) -> bytes:
    out = bytearray(header)
    for start, end in _OWN_HEADER:
        out[start:end] = bytes(end - start)
    return bytes(out)


def _same_content(db_path: Path, copy: Path) -> bool:
    """Whether ``copy`` holds byte for byte what a backup of ``db_path`` would hold now."""
    with db_path.open("rb") as live, copy.open("rb") as kept:
        if os.fstat(live.fileno()).st_size != os.fstat(kept.fileno()).st_size:
            return False
        if _masked(live.read(100)) != _masked(kept.read(100)):
            return False
        while True:
            chunk = live.read(_CHUNK)
            if chunk != kept.read(_CHUNK):
                return False
            if not chunk:
                return True


def unchanged_backup(db_path: Path, directory: Path, day: date) -> BackupInfo | None:
    """Today's newest backup when it still holds ``db_path`` as it is, else None.

    "As it is" is checked on the bytes, not trusted from a counter or a time: every page of the
    backup must equal the file's (the header too, but for the three numbers a copy writes of its
    own), read under a read transaction, so no write can commit meanwhile and a journal left by
    a killed write has been rolled back. The backup was checked with ``integrity_check`` when it
    was written; being still equal to the file now, it has not decayed since (unless the file and
    the backup had changed in the very same bytes). Only a backup of ``day`` is considered, the
    rule the house's daily backup keeps: a reused backup is never older than the day's first.
    The caller holds the data folder's write lock.
    """
    backups = list_backups(directory)
    if not backups or backups[0].taken_at.date() != day:
        return None
    newest = backups[0]
    try:
        src = sqlite_file.connect(db_path, readonly=True)
    except sqlite3.Error:
        return None
    try:
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()  # holds the shared lock
        return newest if _same_content(db_path, newest.path) else None
    except (sqlite3.Error, OSError):
        return None
    finally:
        src.close()


def _share_unchanged(db_path: Path, directory: Path, now: datetime, reason: str) -> BackupInfo | None:
    """Publish today's unchanged backup under ``reason``'s name (a hard link), or None."""
    found = unchanged_backup(db_path, directory, now.date())
    if found is None:
        return None
    final = _link_as(found.path, directory, now, reason)
    if final is None:
        return None
    try:
        sqlite_file.fsync_path(directory)
    except OSError as exc:
        raise _write_error(directory, exc) from exc
    log.info("backup written: %s (%s, the same as %s)", final.name, reason, found.path.name)
    rotate(directory)
    return BackupInfo(path=final, taken_at=now, reason=reason)


def _link_as(source: Path, directory: Path, taken: datetime, reason: str) -> Path | None:
    """A hard link to ``source`` under a new backup name, or None where that fails (no hard
    links on the drive, a read-only folder): the caller then copies as usual."""
    same_second = [b for b in list_backups(directory) if b.taken_at == taken]
    n = 1 + max((_seq(b.path.name) for b in same_second), default=0)
    while True:
        final = directory / _backup_name(taken, n, reason)
        try:
            os.link(source, final)
        except FileExistsError:
            n += 1
            continue
        except OSError as exc:
            log.info("no hard link for a backup (%s): copying", exc.errno)
            return None
        return final


def _backup_name(taken: datetime, n: int, reason: str) -> str:
    stamp = taken.strftime("%Y%m%d-%H%M%S")
    return f"kyodo-{stamp}-{reason}.db" if n == 1 else f"kyodo-{stamp}-{n}-{reason}.db"


def _publish(tmp: Path, directory: Path, taken: datetime, reason: str) -> Path:
    """Give the verified copy ``tmp`` its backup name, never replacing another backup.

    The name is chosen now, not before the copy: another backup of the same second (a reader's
    ``kyodo backup`` while the window takes its daily one) may have been published meanwhile.
    Within one second backups are numbered, so their order survives rotation. A hard link
    claims a name atomically and fails if it is taken; where the drive has no hard links
    (FAT/exFAT sticks, some shares) the name is reserved by a marker instead
    (:func:`_rename_reserved`).
    """
    same_second = [b for b in list_backups(directory) if b.taken_at == taken]
    n = 1 + max((_seq(b.path.name) for b in same_second), default=0)
    use_link = True
    while True:
        final = directory / _backup_name(taken, n, reason)
        if use_link:
            try:
                os.link(tmp, final)
            except FileExistsError:
                n += 1
                continue
            except OSError as exc:  # EPERM, ENOTSUP, EXDEV … : no hard links here
                log.info("no hard links in the backup folder (%s): reserving names", exc.errno)
                use_link = False
                continue
            return final  # the caller removes the temporary name
        if _rename_reserved(tmp, final):
            return final
        n += 1


#: Suffix of the marker that reserves a backup name where hard links are not supported.
_RESERVED = ".reserved"


def _rename_reserved(tmp: Path, final: Path) -> bool:
    """Rename ``tmp`` to ``final`` under a marker created with O_EXCL; False if ``final`` is taken.

    Every publisher without hard links renames only while it holds the name's marker and after
    seeing the name free, and a name is published before its marker is removed, so two never
    publish the same name. The marker, not the backup name, is what a kill leaves behind: a
    file under a backup name is always a complete backup.
    """
    marker = final.with_name(f".{final.name}{_RESERVED}")
    try:
        os.close(os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    except FileExistsError:
        return False
    try:
        if os.path.lexists(final):
            return False
        os.replace(tmp, final)
        return True
    finally:
        with contextlib.suppress(OSError):
            marker.unlink()


def _write_error(directory: Path, exc: OSError) -> BackupError:
    """The backup folder refused the copy: read-only, full, or another reason of the OS."""
    reason = not_writable_reason(exc)
    if reason is not None:
        return BackupError(
            f"バックアップ先のフォルダに書き込めません（{reason}）: {directory}。"
            "書き込めるフォルダか、ドライブの設定を確認してください。データファイルはそのままです。"
        )
    if exc.errno == errno.ENOSPC:
        return BackupError(
            f"バックアップを書き込めません（ディスクの空き容量が足りません）: {directory}。"
            "空きを作ってからもう一度作成してください。"
        )
    return BackupError(f"バックアップを書き込めません: {directory}（{exc.strerror or exc}）")


def _read_error(exc: sqlite3.DatabaseError) -> BackupError:
    return BackupError(f"バックアップを作成できません（データファイルの読み取りに失敗: {exc}）")


#: Temp names of versions before the owner was named in them (removed after an hour), and the
#: name markers of :func:`_rename_reserved` (held for milliseconds: one an hour old is a kill's).
LEGACY_TEMPS = (".tmp-*.db", ".tmp-*.db-journal", f".kyodo-*.db{_RESERVED}")


def sweep_leftovers(directory: Path) -> None:
    """Remove what killed backups left in ``directory``: their temp copies and journals."""
    tempfiles.sweep(directory)
    tempfiles.sweep_legacy(directory, LEGACY_TEMPS)


def rotate(directory: Path) -> None:
    """Delete the oldest backups of each reason beyond :data:`KEEP`."""
    by_reason: dict[str, list[BackupInfo]] = {}
    for b in list_backups(directory):
        by_reason.setdefault(b.reason, []).append(b)
    for reason, items in by_reason.items():
        for old in items[KEEP.get(reason, KEEP_OTHER) :]:
            old.path.unlink(missing_ok=True)
            log.info("old backup rotated out: %s", old.path.name)


#: At most this many lines of SQLite's findings go into ``CorruptDatabaseError.details``.
DETAIL_LINES = 10


def corrupt_error(db_path: Path, problems: list[str]) -> CorruptDatabaseError:
    """The error for a damaged data file, listing verified backups to restore from.

    The message is one line: what happened, the newest verified backup and the command that
    restores it (or where to look when there is none). ``problems`` (SQLite's findings) become
    the error's ``details``: at most :data:`DETAIL_LINES` lines, the rest counted.
    """
    backups = verified_backups(backups_dir(db_path.parent))
    if backups:
        newest = backups[0]
        hint = (
            f"最新の正常なバックアップ: {newest.path}（{local_text(newest.taken_at, seconds=False)}）。"
            f"`kyodo restore {newest.path}` で復元できます。"
        )
    else:
        hint = (
            "正常なバックアップが見つかりません。データフォルダの「backups」フォルダや、"
            "共有フォルダの以前のバージョンをシステム担当に確認してください。"
        )
    # our own findings are Japanese and short: name their kind; SQLite's go to the details only
    violations = sum(p.startswith(sqlite_file.FK_VIOLATION) for p in problems)
    what = (
        f"{sqlite_file.FK_VIOLATION}が {violations} 件あります" if violations else "整合性検査に失敗しました"
    )
    return CorruptDatabaseError(
        f"データファイルが破損しています（{what}）: {db_path}。{hint}",
        path=db_path,
        backups=backups,
        details=detail_lines(problems),
    )


def detail_lines(problems: list[str]) -> tuple[str, ...]:
    """SQLite's findings one a line, at most :data:`DETAIL_LINES`, then how many were left out."""
    lines = [line.strip() for problem in problems for line in problem.splitlines() if line.strip()]
    if len(lines) <= DETAIL_LINES:
        return tuple(lines)
    return (*lines[:DETAIL_LINES], f"ほか {len(lines) - DETAIL_LINES} 行")


def restore_backup(db_path: Path, backup_path: Path) -> Path | None:
    """Replace ``db_path`` with a verified copy of ``backup_path``.

    The copy is made and verified first, under a temporary name, so a failure (disk full, bad
    backup) leaves the current file as it was. Then the current file is backed up (reason
    ``pre-restore``) when it is sound, or copied beside itself as ``kyodo.db.damaged-STAMP``
    when it is not, and the copy is renamed into place. Returns that kept path, if any.
    The caller must hold the data-folder lock.
    """
    if not verify(backup_path):
        raise BackupError(f"{backup_path} は正常なバックアップではありません（整合性検査に失敗）。")
    directory = backups_dir(db_path.parent)
    tempfiles.sweep(db_path.parent, label="restore")  # copies of killed restores
    tmp = tempfiles.temp_path(db_path.parent, "restore", ".db")
    kept: Path | None = None
    try:
        shutil.copyfile(backup_path, tmp)
        if not verify(tmp):
            raise BackupError("復元用のコピーが検証に失敗しました。データファイルはそのままです。")
        sqlite_file.fsync_path(tmp)
        if db_path.exists():
            if verify(db_path):
                kept = create_backup(db_path, directory, "pre-restore").path
            else:
                kept = db_path.with_name(f"{db_path.name}.damaged-{datetime.now():%Y%m%d-%H%M%S}")
                shutil.copyfile(db_path, kept)
        # a hot journal belongs to the old file: applied to the restored one it would damage it
        journal = db_path.with_name(db_path.name + "-journal")
        if journal.exists():
            os.replace(journal, db_path.with_name(f"{db_path.name}-journal.old-{uuid.uuid4().hex[:8]}"))
        os.replace(tmp, db_path)
        sqlite_file.fsync_path(db_path.parent)
    except OSError as exc:
        raise BackupError(
            f"復元できませんでした（{exc.strerror or exc}）。データファイルはそのままです。"
        ) from exc
    finally:
        tmp.unlink(missing_ok=True)
    log.info("restored data file from %s", backup_path.name)
    return kept
