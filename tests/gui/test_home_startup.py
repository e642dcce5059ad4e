"""The home tab's first list comes from the start-up worker (``gui.preload.StartupRead``):
shown without a read of the tab's own when it is the read the tab would make, and read again
by the tab when it is not (the file written meanwhile)."""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.home import tab as home_tab
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.services import officers
from kyodo_desktop.services.today import TodayItem, today_items
from kyodo_desktop.services.workspace import Workspace
from tests.handover_world import make_world


def _folder(data_dir: Path) -> list[TodayItem]:
    """A world whose day (today, everyone's) is not empty; that day as the service reads it."""
    ws = Workspace.open(data_dir)
    try:
        w = make_world(ws)
        officers.set_assignment(ws, w.sato, transferred_on=date.today(), successor_id=w.suzuki)
        items = today_items(ws, date.today())
    finally:
        ws.close()
    assert items
    return items


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Count the tab's own reads (its worker's ``_read``)."""
    calls: list[bool] = []
    own = home_tab._read

    def read(ws: Workspace, day: date, mine_only: bool) -> list[TodayItem]:
        calls.append(mine_only)
        return own(ws, day, mine_only)

    monkeypatch.setattr(home_tab, "_read", read)
    return calls


def test_the_first_list_is_the_start_up_read(
    qtbot: QtBot, open_window: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _folder(data_dir)
    calls = _counting(monkeypatch)
    window: MainWindow = open_window(data_dir, home=True)
    home = window.home_tab
    assert home is not None
    qtbot.waitUntil(lambda: home.loaded, timeout=20_000)
    assert home.model.items == expected
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=20_000)
    qtbot.wait(50)  # the registry's rows shown: the tab was released, and did not read again
    assert calls == []
    assert home.status.text().startswith(f"{len(expected)}件")


def test_a_file_written_since_is_read_again(
    qtbot: QtBot, open_window: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = _folder(data_dir)
    calls = _counting(monkeypatch)
    # the file changed after the worker's read began: no stamp is the one taken at the start
    stamps = itertools.count()
    monkeypatch.setattr("kyodo_desktop.gui.preload.file_stamp", lambda _path: (next(stamps),))
    window: MainWindow = open_window(data_dir, home=True)
    home = window.home_tab
    assert home is not None
    qtbot.waitUntil(lambda: home.loaded, timeout=20_000)
    assert calls == [False]  # everyone's day (no officer chosen), read by the tab itself
    assert home.model.items == expected
