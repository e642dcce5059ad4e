"""TaskGroup: started tasks are kept until they finish; after close() nothing starts (an owner
going away must not leave a thread running that is deleted with it)."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup


def test_a_task_runs_and_is_forgotten_when_finished(qtbot: QtBot) -> None:
    group = TaskGroup()
    task = BackgroundTask(lambda _task: 42)
    with qtbot.waitSignal(task.succeeded, timeout=10_000) as got:
        group.start(task)
    assert got.args == [42]
    qtbot.waitUntil(lambda: len(group) == 0, timeout=10_000)


def test_after_close_a_task_is_never_started(qtbot: QtBot) -> None:
    group = TaskGroup()
    release = threading.Event()
    running = BackgroundTask(lambda _task: release.wait(10))
    group.start(running)
    release.set()
    group.close()  # waits for the running one
    assert running.isFinished()
    qtbot.waitUntil(lambda: len(group) == 0, timeout=10_000)
    ran: list[bool] = []
    late = BackgroundTask(lambda _task: ran.append(True))
    assert not group.start(late).isRunning()  # e.g. from a timer firing after the shutdown
    qtbot.wait(100)  # dropped (deleted), never run
    assert ran == [] and len(group) == 0
