"""The data file on disk: identity checks, PRAGMAs and raw connections (stdlib ``sqlite3`` only).

Identity (SQLite magic, ``application_id``, ``user_version``) is read from the 100-byte file
header without opening the file through SQLite, so a foreign, non-SQLite or newer file is
refused byte-for-byte untouched. Kept free of SQLAlchemy so the GUI can show its table before
the ORM is imported.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kyodo_desktop.persistence.errors import (
    ForeignDatabaseError,
    NewerVersionError,
    NotSQLiteError,
)

#: "KYOD" — stamped into the header so we never mistake another program's database for ours.
APPLICATION_ID = 0x4B594F44
#: The schema version this program writes; equals the number of the newest migration.
SCHEMA_VERSION = 13

#: Page size of new data files. Records with their 目的 and 備考 texts run to 1–2 KB, so 8 KB pages
#: hold more of them per page than SQLite's 4 KB default: a 60,000-record import wrote about
#: 15 % faster and 7 % smaller. Files made with 4 KB pages keep them (only VACUUM changes it).
PAGE_SIZE = 8192

DB_FILE_NAME = "kyodo.db"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000

PRAGMAS = (
    "PRAGMA journal_mode=DELETE",  # never WAL: the file may sit on a shared drive
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def apply_pragmas(conn: sqlite3.Connection) -> None:
    """Set the PRAGMAs decided in ARCHITECTURE.md on a fresh connection."""
    for pragma in PRAGMAS:
        conn.execute(pragma).fetchall()


def read_header(path: Path) -> tuple[int, int]:
    """Return ``(application_id, user_version)`` from the file header, refusing non-SQLite files."""
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise NotSQLiteError(f"データファイルを読めません: {path}（{exc.strerror}）") from exc
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        raise NotSQLiteError(
            f"{path} は協働デスクのデータファイル（SQLite）ではありません。ファイルには触れていません。"
        )
    user_version = int.from_bytes(header[60:64], "big", signed=True)
    application_id = int.from_bytes(header[68:72], "big", signed=True)
    return application_id, user_version


def check_identity(path: Path) -> int:
    """Refuse foreign or newer files (untouched); return the file's schema version."""
    application_id, user_version = read_header(path)
    if application_id != APPLICATION_ID:
        raise ForeignDatabaseError(
            f"{path} は他のプログラムのデータベースです。協働デスクでは開きません（ファイルには触れていません）。"
        )
    if user_version > SCHEMA_VERSION:
        raise NewerVersionError(
            f"{path} は新しいバージョンの協働デスク（データ形式 {user_version}）で作成されています。"
            f"このバージョン（データ形式 {SCHEMA_VERSION} まで）では開けません。"
            "協働デスクを更新してください（ファイルには触れていません）。"
        )
    return user_version


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open a raw connection with our PRAGMAs (``readonly`` opens with ``mode=ro``)."""
    if readonly:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys=ON")
        return conn
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
    apply_pragmas(conn)
    return conn


@contextmanager
def connection(path: Path, *, readonly: bool = False) -> Iterator[sqlite3.Connection]:
    """Context-managed :func:`connect` that always closes."""
    conn = connect(path, readonly=readonly)
    try:
        yield conn
    finally:
        conn.close()


#: How :func:`integrity_problems` begins a foreign-key finding (the only findings in Japanese).
FK_VIOLATION = "外部キー違反"


def quick_check(conn: sqlite3.Connection) -> list[str]:
    """Problems reported by ``PRAGMA quick_check`` (empty list when the file is sound)."""
    return _check(conn, "PRAGMA quick_check")


def integrity_problems(conn: sqlite3.Connection) -> list[str]:
    """Problems from ``integrity_check`` plus ``foreign_key_check`` (empty when sound)."""
    problems = _check(conn, "PRAGMA integrity_check")
    if problems:
        return problems
    try:
        rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [f"{FK_VIOLATION}: 表 {r[0]} の行 {r[1]} が {r[2]} を参照" for r in rows]


def _check(conn: sqlite3.Connection, pragma: str) -> list[str]:
    try:
        rows = [str(r[0]) for r in conn.execute(pragma).fetchall()]
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise  # busy is not damaged: let the caller say "in use"
        return [str(exc)]
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows


def fsync_path(path: Path) -> None:
    """fsync a file (or a directory, where the platform allows it)."""
    flags = os.O_RDONLY
    if path.is_dir():
        if os.name == "nt":
            return  # Windows cannot open directories for fsync
        flags |= getattr(os, "O_DIRECTORY", 0)
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
