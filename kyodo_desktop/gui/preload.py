"""The plain ``sqlite3`` reads that fill the tables before (or without) SQLAlchemy.

Reading the ids of 100k organizations is one SQLite step with the GIL released
(:meth:`RowStore.open`), so started first it runs on the other core while Python imports and
builds the window, and the table can fill as soon as the window exists. The 事業 tab's listing
is read the same way (:func:`preload_projects`, one JSON step, ``persistence.project_listing``)
when the tab is first shown and after each change: the tab never imports SQLAlchemy to list.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject

from kyodo_desktop.gui.tasks import BackgroundTask
from kyodo_desktop.persistence import project_listing
from kyodo_desktop.persistence.rows import RowStore
from kyodo_desktop.persistence.sqlite_file import DB_FILE_NAME


def preload_rows(data_dir: Path) -> BackgroundTask | None:
    """Start reading the listing of ``data_dir`` in a worker; None when there is no data file yet.

    Reading needs no lock, and the rows are shown only if the file then opens; a read-only
    connection never writes, so a foreign or damaged file stays untouched. The caller hands
    the task to :meth:`MainWindow.open_data_folder`, which owns it from then on.
    """
    db_path = data_dir / DB_FILE_NAME
    if not db_path.is_file():
        return None
    task = BackgroundTask(lambda _task: RowStore.open(db_path))
    task.start()
    return task


def preload_projects(
    db_path: Path,
    *,
    rows: bool,
    drafts: bool = False,
    trash: bool = False,
    terms: Sequence[str] = (),
    parent: QObject | None = None,
) -> BackgroundTask:
    """A task (not started: the caller's ``TaskGroup`` starts it) reading the projects listing
    (with ``rows``) and the projects whose partners match ``terms``, see
    :func:`project_listing.read_file`; it succeeds with ``(rows or None, ids or None)``."""
    terms = tuple(terms)
    return BackgroundTask(
        lambda _task: project_listing.read_file(db_path, rows=rows, drafts=drafts, trash=trash, terms=terms),
        parent,
    )
