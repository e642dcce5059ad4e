"""Check and restore the data file (the CLI's ``check`` / ``restore`` and the GUI's recovery)."""

from __future__ import annotations

from pathlib import Path

from kyodo_desktop.persistence import backup, sqlite_file
from kyodo_desktop.persistence.errors import KnownError, known_database_error
from kyodo_desktop.persistence.lock import DataFolderLock


def check(data_dir: Path) -> list[str]:
    """Problems found by identity, ``integrity_check`` and ``foreign_key_check`` (empty = ok).

    A damaged file is told as every other command tells it: the first line is the Japanese
    message with the newest verified backup and its ``kyodo restore`` command; SQLite's own
    findings (English) follow, one a line, as details.
    """
    path = data_dir / sqlite_file.DB_FILE_NAME
    if not path.exists():
        return [f"データファイルがありません: {path}"]
    try:
        sqlite_file.check_identity(path)
    except KnownError as exc:
        return [str(exc)]
    try:
        # read-write: a hot journal left by a killed writer must be rolled back first
        with sqlite_file.connection(path) as conn:
            problems = sqlite_file.integrity_problems(conn)
    except Exception as exc:  # a damaged file can fail already at open
        known = known_database_error(exc)
        if known is not None:
            raise known from exc  # busy is not damaged
        problems = [str(exc)]
    if not problems:
        return []
    return [backup.corrupt_error(path, problems).message, *(f"詳細: {p}" for p in problems)]


def restore(data_dir: Path, backup_file: Path) -> Path | None:
    """Replace the data file with ``backup_file`` under the folder lock; see ``backup.restore_backup``."""
    if not backup_file.is_file():
        raise KnownError(f"バックアップファイルが見つかりません: {backup_file}")
    sqlite_file.check_identity(backup_file)
    with DataFolderLock(data_dir):
        return backup.restore_backup(data_dir / sqlite_file.DB_FILE_NAME, backup_file)
