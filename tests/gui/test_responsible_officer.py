"""An organization's 担当職員 chosen in the form: stored, audited, shown again, cleared."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPushButton
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.project import OfficerInput
from kyodo_desktop.services import officers
from kyodo_desktop.services.workspace import Workspace

from .conftest import OFFICER, TOTAL, wait_for_rows


def _audit(db: Path, org_id: str) -> list[tuple[str, str, dict[str, Any]]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT officer, action, changes FROM audit_log WHERE record_id = ? ORDER BY id", (org_id,)
        ).fetchall()
    return [(who, action, json.loads(changes)) for who, action, changes in rows]


def _stored(db: Path, org_id: str) -> tuple[str | None, int]:
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT responsible_officer_id, version FROM organizations WHERE id = ?", (org_id,)
        ).fetchone()
    return row[0], row[1]


def test_choose_an_officer_in_the_form_then_clear_it(
    open_window: Any, filled_dir: Path, qtbot: QtBot
) -> None:
    with Workspace.open(filled_dir, write=True) as ws:
        aoki = officers.add_officer(ws, OfficerInput("青木 由紀", "アオキ ユキ", "県民生活課", "主査"))
        officers.add_officer(ws, OfficerInput("岡田 真理", "オカダ マリ", "子ども家庭課"))
        with ws.engine.connect() as c:
            org_id = c.exec_driver_sql("SELECT id FROM organizations ORDER BY kana LIMIT 1").scalar()
    db = filled_dir / "kyodo.db"
    _, version = _stored(db, org_id)
    window = open_window(filled_dir)
    tab = window.organizations_tab
    wait_for_rows(qtbot, tab, TOTAL)
    dialog = tab.open_organization(org_id)
    assert dialog is not None
    combo = dialog.findChild(QComboBox, "responsibleOfficerCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "",
        "岡田 真理（子ども家庭課）",  # by 所属課, then フリガナ
        "青木 由紀（県民生活課）",
    ]
    assert combo.currentIndex() == 0 and not dialog.has_unsaved_changes

    combo.setCurrentIndex(combo.findText("青木 由紀（県民生活課）"))
    assert dialog.has_unsaved_changes
    qtbot.mouseClick(dialog.findChild(QPushButton, "saveButton"), Qt.MouseButton.LeftButton)
    assert _stored(db, org_id) == (aoki, version + 1)
    who, action, changes = _audit(db, org_id)[-1]
    assert (who, action, changes) == (OFFICER, "update", {"responsible_officer_id": [None, aoki]})
    assert combo.currentText() == "青木 由紀（県民生活課）" and not dialog.has_unsaved_changes

    combo.setCurrentIndex(0)  # blank: no 担当職員
    qtbot.mouseClick(dialog.findChild(QPushButton, "saveButton"), Qt.MouseButton.LeftButton)
    assert _stored(db, org_id) == (None, version + 2)
    assert _audit(db, org_id)[-1][2] == {"responsible_officer_id": [aoki, None]}


def test_the_history_names_the_field() -> None:
    from kyodo_desktop.gui.history.model import field_text

    assert field_text("organization", "responsible_officer_id") == "担当職員"
