"""Start-up checks of the data file that need no SQLAlchemy (fast path for the GUI)."""

from __future__ import annotations

from pathlib import Path

from kyodo_desktop.persistence import backup, sqlite_file
from kyodo_desktop.persistence.errors import known_database_error


def check_health(path: Path) -> None:
    """Refuse foreign/newer/non-SQLite files (untouched) and report corruption with backups."""
    sqlite_file.check_identity(path)
    try:
        with sqlite_file.connection(path) as conn:
            problems = sqlite_file.quick_check(conn)
    except Exception as exc:  # sqlite3 raises DatabaseError subclasses for damaged files
        known = known_database_error(exc)
        if known is not None:
            raise known from exc  # locked or unreadable is not damaged
        problems = [str(exc)]
    if problems:
        raise backup.corrupt_error(path, problems)


def needs_migration(path: Path) -> bool:
    """Whether the file's schema is older than this program's."""
    return sqlite_file.check_identity(path) < sqlite_file.SCHEMA_VERSION
