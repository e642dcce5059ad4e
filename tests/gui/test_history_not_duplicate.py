"""変更履歴: 「重複ではない」 by its Japanese name, taken back with 元に戻す; a 対応記録 修正 undone."""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.organization import InteractionInput, OrganizationInput
from kyodo_desktop.gui.history.model import COL_ACTION, COL_CHANGES, COL_RECORD
from kyodo_desktop.gui.history.view import HistoryPanel
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.services import duplicates, not_duplicates
from kyodo_desktop.services.interactions import InteractionService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

from .conftest import DialogRecorder, wait_for_rows

CALL = InteractionInput(occurred_on=date(2026, 11, 2), kind="電話", summary="会場の確認")


def _folder(tmp_path: Path) -> tuple[Path, str, str, str]:
    folder = tmp_path / "data"
    with Workspace.open(folder, write=True) as ws:
        svc = OrganizationService(ws)
        a = svc.create(OrganizationInput(name="ひまわりの会", address="千葉市中央区1-1"))
        b = svc.create(OrganizationInput(name="ひまわりの会", address="銚子市2-2"), allow_duplicate=True)
        assert not_duplicates.mark(ws, a, b)
        entry = svc.add_interaction(a, CALL)
        InteractionService(ws).update(
            entry, dataclasses.replace(CALL, summary="日程の確認"), expected_version=1
        )
    return folder, a, b, entry


def _pairs(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT first_id, second_id FROM not_duplicates").fetchall()
    conn.close()
    return rows


def _registry_history(qtbot: QtBot, window: MainWindow) -> HistoryPanel:
    assert window.organizations_tab is not None
    wait_for_rows(qtbot, window.organizations_tab, 2)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=10_000)
    window.safety_net.history_action.trigger()
    history = window.safety_net.history_dialog
    assert history is not None and history.isVisible()
    return history.panel


def _texts(panel: HistoryPanel, column: int) -> list[str]:
    return [panel.model.index(r, column).data() for r in range(panel.model.rowCount())]


def test_not_duplicate_is_named_in_japanese_and_undone_from_the_history(
    tmp_path: Path, open_window: Any, qtbot: QtBot, dialog_calls: DialogRecorder
) -> None:
    folder, a, b, _entry = _folder(tmp_path)
    db = folder / "kyodo.db"
    assert _pairs(db) == [tuple(sorted((a, b)))]
    panel = _registry_history(qtbot, open_window(folder))
    actions = _texts(panel, COL_ACTION)
    assert actions[:4] == ["対応記録 修正", "対応記録 登録", "重複ではないと記録", "重複ではないと記録"]
    assert "not_duplicate" not in " ".join(actions)
    assert _texts(panel, COL_CHANGES)[2] == "重複ではない相手: （空） → ひまわりの会"
    assert _texts(panel, COL_CHANGES)[0] == "内容: 会場の確認 → 日程の確認"

    panel.table.selectRow(2)
    assert panel.undo_button.isEnabled()
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)

    assert dialog_calls.names() == ["confirm"]
    assert _pairs(db) == []  # the judgement is gone: the pair may be proposed again
    assert panel.model.rowCount() == 8
    assert _texts(panel, COL_ACTION)[:2] == ["重複ではないを取り消し", "重複ではないを取り消し"]
    assert "元に戻しました" in panel.status_label.text()
    with Workspace.open(folder, write=False) as ws:
        assert {(p.first_id, p.second_id) for p in duplicates.find_candidates(ws)} == {tuple(sorted((a, b)))}

    # the other side's row of the same judgement is now refused, with the reason
    rows = _texts(panel, COL_ACTION)
    panel.table.selectRow(rows.index("重複ではないと記録"))
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert "記録されていません" in dialog_calls.texts("warning")[-1]
    assert _pairs(db) == []
    assert panel.model.rowCount() == 8


def test_a_correction_of_a_record_is_undone_from_the_history(
    tmp_path: Path, open_window: Any, qtbot: QtBot, dialog_calls: DialogRecorder
) -> None:
    folder, _a, _b, entry = _folder(tmp_path)
    db = folder / "kyodo.db"
    panel = _registry_history(qtbot, open_window(folder))
    assert _texts(panel, COL_RECORD)[0] == "ひまわりの会"
    panel.table.selectRow(1)  # 対応記録 登録: not undone here
    assert not panel.undo_button.isEnabled()
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT summary, version FROM interactions WHERE id = ?", (entry,)).fetchone()
        context = conn.execute("SELECT action, context FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    conn.close()
    assert row == ("会場の確認", 3)
    assert context[0] == "undo" and context[1].startswith("undo:")
    assert _texts(panel, COL_ACTION)[0] == "対応記録 修正を元に戻す"
    assert panel.status_label.text() == "元に戻しました（団体「ひまわりの会」）"
