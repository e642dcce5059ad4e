"""Slow work (loading, export, backup) off the UI thread, with an optional progress dialog.

A :class:`BackgroundTask` runs one callable in a ``QThread``; its result or exception comes back
to the UI thread through queued signals. Owners keep their running tasks in a :class:`TaskGroup`
and stop them before they are destroyed, because a ``QThread`` destroyed while running aborts
the process.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class BackgroundTask(QThread):
    """Runs ``fn(task)`` in its own thread.

    Signals: ``succeeded(object)`` with the return value, ``failed(object)`` with the exception,
    ``progressed(int, int)`` whenever ``fn`` calls :meth:`report`.
    """

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, fn: Callable[[BackgroundTask], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fn = fn
        self._cancelled = False
        #: ``(True, result)`` or ``(False, exception)``, set just before the signal is emitted, for
        #: a listener that connects late (see ``OrganizationsTab.reload``).
        self.outcome: tuple[bool, Any] | None = None

    def cancel(self) -> None:
        """Ask the work to stop at its next :meth:`report`."""
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called."""
        return self._cancelled

    def report(self, done: int, total: int) -> bool:
        """Progress callback for services: forwards progress; False once cancelled."""
        self.progressed.emit(done, total)
        return not self._cancelled

    def run(self) -> None:
        try:
            result = self._fn(self)
        except Exception as exc:  # handed to the UI thread, which decides how to show it
            self.outcome = (False, exc)
            self.failed.emit(exc)
            return
        self.outcome = (True, result)
        self.succeeded.emit(result)


class TaskGroup:
    """The running tasks of one owner: started here, forgotten when finished, stopped together."""

    def __init__(self) -> None:
        self._tasks: set[BackgroundTask] = set()
        self._closed = False

    def start(self, task: BackgroundTask) -> BackgroundTask:
        """Start ``task`` and keep it until it has finished (after :meth:`close`: dropped,
        never started)."""
        if self._closed:
            task.deleteLater()
            return task
        self._tasks.add(task)
        task.finished.connect(lambda: self._tasks.discard(task))
        task.finished.connect(task.deleteLater)
        task.start()
        return task

    def adopt(self, task: BackgroundTask) -> BackgroundTask:
        """Keep ``task``, started elsewhere (see ``gui.preload``), like one started here."""
        self._tasks.add(task)
        task.finished.connect(lambda: self._tasks.discard(task))
        task.finished.connect(task.deleteLater)
        if task.isFinished():  # finished before the connections: nothing will remove it
            self._tasks.discard(task)
        return task

    def stop_all(self) -> None:
        """Cancel and wait for every task still running (before the owner goes away)."""
        for task in list(self._tasks):
            task.cancel()
            task.wait()

    def close(self) -> None:
        """:meth:`stop_all`, and start nothing from now on: the owner is going away, and a task
        started by a signal or timer still on its way would be deleted with it while running."""
        self._closed = True
        self.stop_all()

    def __len__(self) -> int:
        return len(self._tasks)


def show_progress(
    parent: QWidget,
    task: BackgroundTask,
    title: str,
    label: str,
    *,
    cancellable: bool,
    delay_ms: int = 0,
) -> QProgressDialog:
    """A progress dialog that follows ``task`` and closes when it ends; Cancel cancels it.

    Shown with ``show()`` (never ``exec()``): window-modal, so the window waits, but nothing blocks.
    With ``delay_ms`` it appears only when the work is still running after that long.
    """
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setObjectName("progressDialog")
    dialog.setWindowTitle(title)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(0)
    if cancellable:
        dialog.setCancelButtonText(QCoreApplication.translate("tasks", "キャンセル"))
        dialog.canceled.connect(task.cancel)
    else:
        dialog.setCancelButton(None)

    def on_progress(done: int, total: int) -> None:
        if dialog.maximum() != total:
            dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    task.progressed.connect(on_progress)
    task.finished.connect(dialog.close)
    task.finished.connect(dialog.deleteLater)
    if delay_ms > 0:
        # a timer owned by the dialog: a task done sooner deletes the dialog and the timer with it
        dialog.setMinimumDuration(delay_ms)
        QTimer.singleShot(delay_ms, dialog, lambda: dialog.show() if task.isRunning() else None)
    else:
        dialog.show()
    return dialog
