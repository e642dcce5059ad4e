"""Loading the registry rows off the UI thread, for the 団体台帳 tab.

A load is numbered; only the newest one is shown (the trash may be toggled while a load runs).
At start-up the window hands over a read begun before the workspace was opened, and a read that
fails before the start-up check has finished is retried once the check passed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup
from kyodo_desktop.persistence.rows import RowStore
from kyodo_desktop.services.workspace import Workspace

log = logging.getLogger(__name__)


class RowLoader(QObject):
    """Reads the rows of the registry (or of the trash) into a :class:`RowStore` in a worker.

    Signals: ``loaded(object)`` with the :class:`RowStore` of the newest load;
    ``failed(object, bool)`` with the exception of a failed load and whether it will be retried
    (a load that fails before the start-up check has finished is read again by
    :meth:`on_verified`).
    """

    loaded = Signal(object)
    failed = Signal(object, bool)

    def __init__(
        self, workspace: Workspace, tasks: TaskGroup, trash: Callable[[], bool], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._tasks = tasks
        self._trash = trash
        self._retry_after_verify = False
        self._load_generation = 0
        self._shown_generation = 0
        self._loading = False
        self._held_reads: list[BackgroundTask] | None = None  # read-aheads waiting (held)

    @property
    def loading(self) -> bool:
        """Whether a load runs whose rows are not shown yet."""
        return self._loading

    def reload(self, preloaded: BackgroundTask | None = None) -> None:
        """Load the rows again from the data file, off the UI thread.

        ``preloaded`` is a read of the registry rows started before the workspace was opened, so
        that reading overlapped the start-up health check; its rows are used if it succeeds, else
        the rows are read again.
        """
        self._load_generation += 1
        generation = self._load_generation
        self._loading = True
        if preloaded is not None and not self._trash():
            preloaded.succeeded.connect(lambda rows: self._on_rows_loaded(generation, rows))
            preloaded.failed.connect(lambda _exc: self._on_preload_failed(generation))
            # The outcome is stored before the signal is sent: if it is there, the signal may
            # have gone out before we connected, so take it now (a second delivery is ignored).
            if preloaded.outcome is not None:
                ok, value = preloaded.outcome
                if ok:
                    self._on_rows_loaded(generation, value)
                else:
                    self._on_preload_failed(generation)
            return
        trash, db_path = self._trash(), self._ws.db_path
        task = BackgroundTask(lambda _task: RowStore.open(db_path, trash=trash), self)
        task.succeeded.connect(lambda rows: self._on_rows_loaded(generation, rows))
        task.failed.connect(self._on_load_failed)
        self._tasks.start(task)

    def on_verified(self) -> None:
        """The start-up check passed: read the rows again if the early read failed."""
        if self._retry_after_verify:
            self._retry_after_verify = False
            self.reload()

    def read_ahead(self, store: RowStore, column: str, install: Callable[[Any], object]) -> None:
        """Read a column every filter needs in a worker, so the first keystroke does not wait.

        ``install`` receives what :meth:`RowStore.read_column` returned.
        """
        task = BackgroundTask(lambda _task: store.read_column(column), self)
        task.succeeded.connect(install)
        if self._held_reads is not None:
            self._held_reads.append(task)
        else:
            self._tasks.start(task)

    def hold_read_ahead(self, *signals: SignalInstance) -> None:
        """Start no read-ahead before the first of ``signals`` or :meth:`release_read_ahead`:
        the window's first page (the home tab's list) is read and painted first. On two cores
        the column read (100,000 rows, in Python) beside it made that list 0.1–0.2 s later."""
        if self._held_reads is None:
            self._held_reads = []
        for signal in signals:
            signal.connect(self.release_read_ahead)

    def release_read_ahead(self, *_args: object) -> None:
        """Start the read-aheads held, and any later one at once."""
        held, self._held_reads = self._held_reads, None
        for task in held or ():
            self._tasks.start(task)

    def _on_rows_loaded(self, generation: int, rows: RowStore) -> None:
        if generation != self._load_generation or generation == self._shown_generation:
            return  # a newer load (e.g. the trash was toggled meanwhile) wins
        self._shown_generation = generation
        self._loading = False
        self.loaded.emit(rows)

    def _on_preload_failed(self, generation: int) -> None:
        if generation == self._load_generation and generation != self._shown_generation:
            if self._ws.verified:
                self.reload()  # e.g. the file was migrated after the early read
            else:
                self._retry_after_verify = True

    def _on_load_failed(self, exc: Exception) -> None:
        self._loading = False
        log.error("loading registry rows failed: %s", exc)
        if not self._ws.verified:
            # The start-up check is still running: a damaged file gets its own page, and a file
            # that only needed its journal rolled back (a writer killed mid-save) is read again.
            self._retry_after_verify = True
        self.failed.emit(exc, self._retry_after_verify)
