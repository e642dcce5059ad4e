"""The 事業 tab lists and filters without SQLAlchemy (plain sqlite3 rows held in memory) and
shows its dates in 和暦, sorted as dates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.project import ProjectInput
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.gui.projects import loader as loader_module
from kyodo_desktop.gui.projects.table_model import COL_PERIOD_END, day_label
from kyodo_desktop.services.projects import ProjectService
from tests.gui.conftest import type_text
from tests.gui.test_projects_sort import _click_header
from tests.gui.test_projects_tab import Stored, _listed, _show_tab, _window, stored, win  # noqa: F401


def test_period_ends_show_in_wareki_and_sort_as_dates(
    qtbot: QtBot,
    win: MainWindow,  # noqa: F811
    stored: Stored,  # noqa: F811
) -> None:
    tab = _show_tab(qtbot, win)
    ends = {tab.model.row_id(r): tab.model.index(r, COL_PERIOD_END).data() for r in range(3)}
    assert ends == {
        stored.meals: "令和7年3月31日",
        stored.river: "令和81年3月31日",
        stored.drill: "令和81年3月31日",
    }
    assert day_label("2019-05-01") == "令和元年5月1日" and day_label("2019-04-30") == "平成31年4月30日"
    _click_header(qtbot, tab, COL_PERIOD_END)  # by the stored date, not the label
    assert tab.model.ids()[0] == stored.meals
    _click_header(qtbot, tab, COL_PERIOD_END)
    assert tab.model.ids()[-1] == stored.meals


def test_the_tab_lists_and_filters_without_sqlalchemy(filled_dir: Path, stored: Stored) -> None:  # noqa: F811
    """A fresh process opened on the 事業 tab: listing, a 形態 filter and a partner filter leave
    SQLAlchemy unimported (it comes when a project is opened)."""
    script = f"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
from kyodo_desktop.app import create_main_window
app = QApplication(sys.argv)
win = create_main_window(Path({str(filled_dir)!r}))
tab = win.projects_tab
win.tabs.setCurrentWidget(tab)
win.show()
def wait(until):
    end = time.monotonic() + 20
    while not until() and time.monotonic() < end:
        app.processEvents()
wait(lambda: tab.started and not tab.loading and tab.model.rowCount() == 3)
out = [tab.model.rowCount()]
f = tab.filters
f.form_filter.setCurrentIndex(f.form_filter.findData("補助・助成"))
out.append(tab.model.rowCount())
f.form_filter.setCurrentIndex(0)
f.partner_edit.setText("みどり")
f.partner_edit.returnPressed.emit()
wait(lambda: not tab.loading)
out.append(tab.model.rowCount())
print(*out, "sqlalchemy" in sys.modules)
tab.select_id(tab.model.row_id(0))
print(tab.detail.record is not None, "sqlalchemy" in sys.modules)
win.close()
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["3", "1", "2", "False", "True", "True"]


def test_the_detail_is_built_when_the_tab_is_first_shown(filled_dir: Path, stored: Stored) -> None:  # noqa: F811
    """A fresh window opens on the home tab without importing the 事業 tab's detail panel (its
    partners, log and commitments); the panel comes with the tab's first show and shows the
    project chosen."""
    script = f"""
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
from kyodo_desktop.app import create_main_window
app = QApplication(sys.argv)
win = create_main_window(Path({str(filled_dir)!r}))
win.show()
def wait(until):
    end = time.monotonic() + 20
    while not until() and time.monotonic() < end:
        app.processEvents()
wait(lambda: win.home_tab.loaded and win.organizations_tab.model.rowCount() > 0)
tab = win.projects_tab
panel = "kyodo_desktop.gui.projects.detail_panel"
print(panel in sys.modules, tab._detail is None)
win.tabs.setCurrentWidget(tab)
wait(lambda: tab.started and not tab.loading and tab.model.rowCount() == 3)
print(panel in sys.modules, tab._detail is not None and tab._detail.isVisible())
tab.select_id({stored.river!r})
print(tab.detail.record is not None and tab.detail.record.id == {stored.river!r})
win.close()
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "True", "True", "True", "True"]


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, bool]]:
    calls: list[dict[str, bool]] = []
    real = loader_module.read_projects

    def counting(db_path: Path, **kwargs: Any) -> Any:
        calls.append({k: v for k, v in kwargs.items() if k in ("rows", "partners")})
        return real(db_path, **kwargs)

    monkeypatch.setattr(loader_module, "read_projects", counting)
    return calls


def test_the_first_load_takes_the_start_up_read(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    open_window: Any,
    filled_dir: Path,
    stored: Stored,  # noqa: F811
) -> None:
    calls = _count_reads(monkeypatch)
    window = _window(open_window, filled_dir, qtbot)
    tab = _show_tab(qtbot, window)
    assert tab.model.ids() == [stored.drill, stored.river, stored.meals]
    assert not any(c["rows"] for c in calls)  # the window's start-up read gave the rows
    qtbot.waitUntil(lambda: tab._loader.partners is not None, timeout=10_000)  # read ahead
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        type_text(tab.filters.partner_edit, "あおぞら")
    assert _listed(tab) == {stored.river, stored.drill}
    assert calls == [{"rows": False, "partners": True}]


def test_a_file_written_since_the_start_up_read_is_read_again(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    open_window: Any,
    filled_dir: Path,
    stored: Stored,  # noqa: F811
) -> None:
    calls = _count_reads(monkeypatch)
    window = _window(open_window, filled_dir, qtbot)
    assert window.workspace is not None
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=10_000)
    added = ProjectService(window.workspace).create(
        ProjectInput(title="新しい事業", fiscal_year=2026, section="市民協働課")
    )
    tab = _show_tab(qtbot, window)
    assert tab.model.ids()[0] == added and len(_listed(tab)) == 4
    assert calls[0]["rows"]


def test_a_reload_with_a_partner_filter_set_shows_the_filtered_rows(
    qtbot: QtBot,
    win: MainWindow,  # noqa: F811
    stored: Stored,  # noqa: F811
) -> None:
    tab = _show_tab(qtbot, win)
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        type_text(tab.filters.partner_edit, "みどり")
    assert _listed(tab) == {stored.meals, stored.river}
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        tab.reload()  # rows and partner index both read again
    assert not tab.loading and _listed(tab) == {stored.meals, stored.river}
    assert tab.count_label.text() == "2 件"
