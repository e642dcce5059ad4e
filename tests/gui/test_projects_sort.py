"""The 事業 tab sorts by a click on a column header: the model reset, the selection kept."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.gui.projects.tab import ProjectsTab
from kyodo_desktop.gui.projects.table_model import COL_PERIOD_END, COL_STAGE, COL_TITLE, COL_YEAR
from tests.gui.test_projects_tab import Stored, _show_tab, _wait_loaded, stored, win  # noqa: F401


def _click_header(qtbot: QtBot, tab: ProjectsTab, column: int) -> None:
    header = tab.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    with qtbot.waitSignal(tab.model.modelReset, timeout=2000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_header_clicks_sort_and_keep_the_selection(
    qtbot: QtBot,
    win: MainWindow,  # noqa: F811
    stored: Stored,  # noqa: F811
) -> None:
    tab = _show_tab(qtbot, win)
    assert tab.model.ids() == [stored.drill, stored.river, stored.meals]  # the service's order
    assert tab.table.horizontalHeader().sortIndicatorSection() == -1
    tab.select_id(stored.river)

    _click_header(qtbot, tab, COL_TITLE)  # 事業名, ascending: 子ども… < 河川… < 防災… in code points
    titles = [tab.model.index(r, COL_TITLE).data() for r in range(tab.model.rowCount())]
    assert titles == sorted(titles)
    assert tab.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert tab.current_id() == stored.river  # still selected, wherever it went
    assert tab.detail.isEnabled()

    _click_header(qtbot, tab, COL_TITLE)  # again: descending
    assert [tab.model.index(r, COL_TITLE).data() for r in range(3)] == sorted(titles, reverse=True)
    assert tab.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    _click_header(qtbot, tab, COL_STAGE)  # the cycle's order, not the names': ニーズ < 実施 < 評価
    assert tab.model.ids() == [stored.meals, stored.river, stored.drill]

    _click_header(qtbot, tab, COL_YEAR)  # oldest first; ties keep the service's order (担当課)
    assert tab.model.ids() == [stored.meals, stored.drill, stored.river]
    assert tab.current_id() == stored.river

    # a filter's query brings new rows: they come in the order clicked
    tab.reload()
    _wait_loaded(qtbot, tab)
    assert tab.model.ids() == [stored.meals, stored.drill, stored.river]

    _click_header(qtbot, tab, COL_PERIOD_END)
    assert tab.model.ids()[0] == stored.meals  # 2025-03-31 before the 2099 ends
