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
from kyodo_desktop.gui.home.tab import HomeTab
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.persistence.rows import RowStore
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


def _watch_read_ahead(monkeypatch: pytest.MonkeyPatch, homes: list[HomeTab]) -> list[bool]:
    """For each column read ahead: whether the home tab's list had been painted by then."""
    painted_then: list[bool] = []
    real = RowStore.read_column

    def read_column(store: RowStore, name: str) -> tuple[int, list[Any]]:
        painted_then.append(bool(homes) and homes[0]._painted)
        return real(store, name)

    monkeypatch.setattr(RowStore, "read_column", read_column)
    return painted_then


def test_the_registry_reads_ahead_after_the_home_list_is_painted(
    qtbot: QtBot, open_window: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opened on the home tab, the registry's search column is read once the day's list is on
    screen (on two cores the two slowed each other), then kept for the first keystroke."""
    _folder(data_dir)
    homes: list[HomeTab] = []
    painted_then = _watch_read_ahead(monkeypatch, homes)
    window: MainWindow = open_window(data_dir, home=True)
    assert window.home_tab is not None and window.organizations_tab is not None
    homes.append(window.home_tab)
    qtbot.waitUntil(lambda: painted_then != [], timeout=20_000)
    assert painted_then == [True]
    store = window.organizations_tab.model.store
    assert store is not None
    qtbot.waitUntil(lambda: store.has_column("search_text"), timeout=20_000)


def test_opened_on_the_registry_it_reads_ahead_at_once(
    qtbot: QtBot, open_window: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _folder(data_dir)
    homes: list[HomeTab] = []
    painted_then = _watch_read_ahead(monkeypatch, homes)
    window: MainWindow = open_window(data_dir)  # brought forward: the home tab is never painted
    assert window.home_tab is not None and window.organizations_tab is not None
    homes.append(window.home_tab)
    qtbot.waitUntil(lambda: painted_then != [], timeout=20_000)
    assert painted_then == [False]
    assert not window.home_tab._painted
