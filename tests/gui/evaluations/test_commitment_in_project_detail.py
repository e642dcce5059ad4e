"""A commitment made from the 評価 tab (約束・宿題にする) shows in the 事業 tab's project detail,
whose 約束・宿題 page was open before: it is read again when the page is shown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.projects.detail_panel import TAB_COMMITMENTS
from tests.gui.conftest import DialogRecorder
from tests.gui.evaluations.test_evaluations_tab import (
    _choose,
    _make_project,
    _open_tab,
    _pick,
    _type_in_cell,
    _window,
)


def test_the_project_detail_shows_a_commitment_made_in_the_evaluations_tab(
    qtbot: QtBot, open_window: Any, data_dir: Path, dialog_calls: DialogRecorder
) -> None:
    pid = _make_project(data_dir)
    window = _window(qtbot, open_window, data_dir)
    assert window.tabs is not None and window.projects_tab is not None
    window.show_project(pid)
    detail = window.projects_tab.detail
    qtbot.waitUntil(lambda: detail.record is not None and detail.record.id == pid, timeout=10_000)
    detail.tabs.setCurrentIndex(TAB_COMMITMENTS)
    panel = detail.commitments
    assert detail.tabs.currentWidget() is panel and panel.isVisible()
    assert panel.model.rowCount() == 0

    page = _open_tab(qtbot, window)
    assert not panel.isVisible()
    _choose(qtbot, page, "公園の花壇づくり")
    conclusion = page.conclusion
    page.sections.setCurrentWidget(conclusion)
    _pick(qtbot, conclusion.direction, "改善して継続")
    conclusion.decided_on.clear()
    QTest.keyClicks(conclusion.decided_on, "2026-03-25")
    qtbot.mouseClick(conclusion.add_button, Qt.MouseButton.LeftButton)
    for column, text in enumerate(("議事録の共有", "協働推進課", "2026-06-30")):
        _type_in_cell(qtbot, conclusion.action_table, 0, column, text)
    qtbot.mouseClick(conclusion.record_button, Qt.MouseButton.LeftButton)
    conclusion.action_table.setCurrentCell(0, 0)
    qtbot.mouseClick(conclusion.commit_button, Qt.MouseButton.LeftButton)

    # back on the 事業 tab, the detail's 約束・宿題 page (still the current one) lists it
    window.tabs.setCurrentWidget(window.projects_tab)
    assert detail.tabs.currentIndex() == TAB_COMMITMENTS and panel.isVisible()
    assert [r.text for r in panel.model.records] == ["議事録の共有(担当: 協働推進課)"]
    assert panel.model.text(0, 0).endswith("令和8年6月30日")  # ⚠ in front once it is past
    assert not dialog_calls.texts("error")
