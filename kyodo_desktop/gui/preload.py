"""The registry ids read at the very start, before the window's own modules are imported.

Reading the ids of 100k organizations is one SQLite step with the GIL released
(:meth:`RowStore.open`), so started first it runs on the other core while Python imports and
builds the window, and the table can fill as soon as the window exists.
"""

from __future__ import annotations

from pathlib import Path

from kyodo_desktop.gui.tasks import BackgroundTask
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
