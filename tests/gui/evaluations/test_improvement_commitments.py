"""The 評価 tab's 約束・宿題にする: a recorded improvement action made a commitment of the project and
its main partner through the button, then shown as tracked and not offered again; an action not
recorded yet, edited since, or 完了 is not offered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kyodo_desktop.gui.evaluations.conclusion import COL_STATUS, COL_TRACKED
from kyodo_desktop.persistence.models_handover import Commitment
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace
from tests.gui.conftest import DialogRecorder
from tests.gui.evaluations.test_evaluations_tab import (
    _choose,
    _make_project,
    _open_tab,
    _pick,
    _type_in_cell,
    _window,
)


def _commitments(data_dir: Path) -> list[Commitment]:
    with Workspace.open(data_dir, write=False) as ws, ws.session_factory() as s:
        rows = list(s.scalars(select(Commitment)))
        s.expunge_all()
        return rows


def test_a_recorded_action_becomes_a_commitment_once(
    qtbot: QtBot, open_window: Any, data_dir: Path, dialog_calls: DialogRecorder
) -> None:
    pid = _make_project(data_dir)
    window = _window(qtbot, open_window, data_dir)
    page = _open_tab(qtbot, window)
    _choose(qtbot, page, "公園の花壇づくり")
    panel = page.conclusion
    page.sections.setCurrentWidget(panel)
    _pick(qtbot, panel.direction, "改善して継続")
    panel.decided_on.clear()
    QTest.keyClicks(panel.decided_on, "2026-03-25")
    for row, values in enumerate((("議事録の共有", "協働推進課", "2026-06-30"), ("名簿の整理", "団体", ""))):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
        for column, text in enumerate(values):
            if text:
                _type_in_cell(qtbot, panel.action_table, row, column, text)
    done = panel.action_table.cellWidget(1, COL_STATUS)
    assert isinstance(done, QComboBox)
    done.setCurrentIndex(done.findData("完了"))
    # not recorded yet: nothing to track
    panel.action_table.setCurrentCell(0, 0)
    assert not panel.commit_button.isEnabled() and not panel.commit_action.isEnabled()

    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    assert panel.action_table.rowCount() == 2
    panel.action_table.setCurrentCell(1, 0)
    assert not panel.commit_button.isEnabled()  # 完了
    panel.action_table.setCurrentCell(0, 0)
    assert panel.commit_button.isEnabled() and panel.commit_action.isEnabled()
    qtbot.mouseClick(panel.commit_button, Qt.MouseButton.LeftButton)

    [made] = _commitments(data_dir)
    with Workspace.open(data_dir, write=False) as ws:
        project = ProjectService(ws).get(pid)
        [r] = EvaluationService(ws).rounds_of_project(pid)
    main = project.data.partners[0].organization_id
    assert (made.text, made.due_on.isoformat() if made.due_on else None) == (
        "議事録の共有(担当: 協働推進課)",
        "2026-06-30",
    )
    assert (made.project_id, made.organization_id, made.source, made.source_id) == (
        pid,
        main,
        "評価",
        str(r.actions[0].id),
    )
    tracked = panel.action_table.item(0, COL_TRACKED)
    assert tracked is not None and tracked.text() == "✓ 登録済"
    assert not panel.commit_button.isEnabled() and not panel.commit_action.isEnabled()
    panel.commit_action.trigger()  # not offered again: nothing happens
    assert len(_commitments(data_dir)) == 1

    # recorded again with the text unchanged: still tracked; an edited text is a new action
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    tracked = panel.action_table.item(0, COL_TRACKED)
    assert tracked is not None and tracked.text() == "✓ 登録済"
    _type_in_cell(qtbot, panel.action_table, 1, 0, "名簿の整理と更新")
    done = panel.action_table.cellWidget(1, COL_STATUS)
    assert isinstance(done, QComboBox)
    done.setCurrentIndex(done.findData("対応中"))
    panel.action_table.setCurrentCell(1, 0)
    assert not panel.commit_button.isEnabled()  # edited since it was recorded
    assert not dialog_calls.texts("error") and page.notice.isHidden()
