"""The start-up worker's 事業 listing can be let go: a 事業 tab shown before the worker reaches
it reads its rows itself (beside the day's read, not after it), and the worker then skips it."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.preload import StartupRead
from kyodo_desktop.persistence.sqlite_file import DB_FILE_NAME
from kyodo_desktop.services import demo
from kyodo_desktop.services.demo_projects import generate_projects
from kyodo_desktop.services.workspace import Workspace


def _folder(data_dir: Path) -> Path:
    ws = Workspace.open(data_dir)
    try:
        demo.generate(ws, 30, seed=2)
        generate_projects(ws, 5, seed=2)
    finally:
        ws.close()
    return data_dir / DB_FILE_NAME


def test_released_before_it_begins_the_worker_skips_the_listing(qtbot: QtBot, data_dir: Path) -> None:
    task = StartupRead(_folder(data_dir))
    assert task.release_projects()  # not begun: the tab reads itself
    with qtbot.waitSignal(task.finished, timeout=20_000):
        task.start()
    assert task.projects_outcome == (None,)
    assert task.day_outcome is not None and task.day_outcome[0] is not None  # the day still read
    assert task.release_projects()  # asked again: the same answer


def test_once_begun_it_is_not_let_go(qtbot: QtBot, data_dir: Path) -> None:
    task = StartupRead(_folder(data_dir))
    with qtbot.waitSignal(task.finished, timeout=20_000):
        task.start()
    assert not task.release_projects()  # read (or being read): the tab waits for it
    assert task.projects_outcome is not None
    rows, _index = task.projects_outcome[0] or (None, None)
    assert rows is not None and len(rows) == 5


def test_the_day_let_go_before_it_begins_is_not_read(qtbot: QtBot, data_dir: Path) -> None:
    task = StartupRead(_folder(data_dir))
    assert task.release_day()  # the window shows another tab first
    with qtbot.waitSignal(task.finished, timeout=20_000):
        task.start()
    assert task.day_outcome == (None,)  # the home tab reads its own day when shown
    assert task.projects_outcome is not None and task.projects_outcome[0] is not None
