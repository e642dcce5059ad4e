"""The plain ``sqlite3`` reads that fill the tables before (or without) SQLAlchemy.

Reading the ids of 100k organizations is one SQLite step with the GIL released
(:meth:`RowStore.open`), so started first it runs on the other core while Python imports and
builds the window, and the table can fill as soon as the window exists. The same worker then
reads the officer's day for the home tab, the window's first tab (``services.today.read_day``,
plain ``sqlite3`` like the rest: SQLAlchemy is not imported at start-up), and the 事業 tab's
listing (one JSON step, ``persistence.project_listing``), after the registry's rows have been
handed over, so the window's first page fills as soon as it can, and a first click on the 事業
tab finds its rows read (:class:`StartupRead`). A 事業 tab shown before the worker has begun
its listing reads it itself instead (:meth:`StartupRead.release_projects`), beside the day's
read rather than after it. The tab reads the same way later (:func:`read_projects`): listing
never imports SQLAlchemy.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kyodo_desktop.gui.tasks import BackgroundTask
from kyodo_desktop.persistence import project_listing
from kyodo_desktop.persistence.rows import RowStore
from kyodo_desktop.persistence.sqlite_file import DB_FILE_NAME

if TYPE_CHECKING:
    from kyodo_desktop.services.today import DayRead

#: What a projects read succeeds with: the listing rows (or None) and the partner index (or None)
ProjectsRead = tuple[list[project_listing.Row] | None, project_listing.PartnerIndex | None]


def file_stamp(db_path: Path) -> tuple[int, ...]:
    """Sizes and change times of the data file and its WAL: equal stamps before a read and at
    its use mean nobody wrote meanwhile (an empty WAL, made by opening, counts as none)."""
    stamp: list[int] = []
    for path in (db_path, db_path.with_name(db_path.name + "-wal")):
        try:
            st = os.stat(path)
        except OSError:
            stamp += [0, 0]
            continue
        stamp += [st.st_size, st.st_mtime_ns if st.st_size else 0]
    return tuple(stamp)


class _Step:
    """One of the worker's reads, which the window may let go of before it begins."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._begun = False
        self._released = False

    def release(self) -> bool:
        """Let it go unless begun; whether it is let go."""
        with self._lock:
            if not self._begun:
                self._released = True
            return self._released

    def begin(self) -> bool:
        """Begin it unless let go; whether it is to be read."""
        with self._lock:
            self._begun = not self._released
            return self._begun


class StartupRead(BackgroundTask):
    """The registry's ids (``succeeded``, as soon as they are read), then the day, then the
    事業 listing.

    Signals: ``day_read(object)`` with a :class:`~kyodo_desktop.services.today.DayRead`, and
    ``projects_read(object)`` with a :data:`ProjectsRead`, each None when that read failed (e.g.
    a file still to be migrated); kept in ``day_outcome`` and ``projects_outcome`` too, for a
    listener that connects late. ``stamp`` is the file's :func:`file_stamp` before reading.
    """

    day_read = Signal(object)
    projects_read = Signal(object)

    def __init__(self, db_path: Path) -> None:
        super().__init__(lambda _task: RowStore.open(db_path))
        self._db_path = db_path
        self.stamp = file_stamp(db_path)
        self.day_outcome: tuple[DayRead | None] | None = None
        self.projects_outcome: tuple[ProjectsRead | None] | None = None
        self._day_step = _Step()
        self._projects_step = _Step()

    def release_day(self) -> bool:
        """Let go of the day's read if this worker has not begun it (the window shows another
        tab than the home tab: that tab reads its day when shown); True when let go
        (``day_read`` then sends None)."""
        return self._day_step.release()

    def release_projects(self) -> bool:
        """Let the 事業 tab read its listing itself, if this worker has not begun to: True when
        it had not (it will not read it now; ``projects_read`` sends None). A window shown on
        that tab does not wait for the day's read, which comes first here."""
        return self._projects_step.release()

    def run(self) -> None:
        super().run()  # the registry's rows are handed over first
        day: DayRead | None = None
        if self._day_step.begin() and not self.cancelled:  # closing at start-up waits for it
            try:
                # imported here: the worker starts before the services' modules are loaded
                from kyodo_desktop.services.today import read_day

                day = read_day(self._db_path.parent)
            except Exception:
                day = None  # the home tab reads it again itself, and tells what went wrong
        self.day_outcome = (day,)
        self.day_read.emit(day)
        result: ProjectsRead | None = None
        if self._projects_step.begin() and not self.cancelled:
            try:
                result = project_listing.read_file(self._db_path, rows=True)
            except Exception:
                result = None
        self.projects_outcome = (result,)
        self.projects_read.emit(result)


def preload_rows(data_dir: Path) -> StartupRead | None:
    """Start reading the listing of ``data_dir`` in a worker; None when there is no data file yet.

    Reading needs no lock, and the rows are shown only if the file then opens; a read-only
    connection never writes, so a foreign or damaged file stays untouched. The caller hands
    the task to :meth:`MainWindow.open_data_folder`, which owns it from then on.
    """
    db_path = data_dir / DB_FILE_NAME
    if not db_path.is_file():
        return None
    task = StartupRead(db_path)
    task.start()
    return task


def read_projects(
    db_path: Path,
    *,
    rows: bool,
    partners: bool = False,
    drafts: bool = False,
    trash: bool = False,
    parent: QObject | None = None,
) -> BackgroundTask:
    """A task (not started: the caller's ``TaskGroup`` starts it) reading the projects listing
    (with ``rows``) and the partner index (with ``partners``), see
    :func:`project_listing.read_file`; it succeeds with a :data:`ProjectsRead`."""

    def read(_task: Any) -> ProjectsRead:
        result = project_listing.read_file(db_path, rows=rows, partners=partners, drafts=drafts, trash=trash)
        if partners:
            from kyodo_desktop.domain.text import search_terms  # imported by the window already

            # the first Japanese text folded builds the format-character table (a walk of all of
            # Unicode, 0.13 s): made here, ahead, not on the officer's first partner keystroke
            search_terms("あ")
        return result

    return BackgroundTask(read, parent)
