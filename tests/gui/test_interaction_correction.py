"""Correcting a 対応記録 in the organization form: typed, the 担当者 picked, saved; stale refused."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.organization import ContactInput, InteractionInput, OrganizationInput
from kyodo_desktop.gui.organizations.edit_dialog import OrganizationDialog
from kyodo_desktop.gui.organizations.tab import OrganizationsTab
from kyodo_desktop.services.interactions import InteractionService

from .conftest import OFFICER, type_text


def _child(dialog: QWidget, cls: type, name: str) -> Any:
    widget = dialog.findChild(cls, name)
    assert widget is not None, name
    return widget


def _click(qtbot: QtBot, dialog: QWidget, name: str) -> None:
    qtbot.mouseClick(_child(dialog, QPushButton, name), Qt.MouseButton.LeftButton)


def _retype(dialog: QWidget, cls: type, name: str, text: str) -> None:
    widget = _child(dialog, cls, name)
    widget.clear()
    type_text(widget, text)


def _open(tab: OrganizationsTab) -> tuple[OrganizationDialog, str, str, dict[str, str]]:
    service = tab.service()
    org_id = service.create(
        OrganizationInput(name="訂正テストの会"),
        contacts=[ContactInput(name="緑 花子"), ContactInput(name="森 太郎")],
        allow_duplicate=True,
    )
    entry_id = service.add_interaction(
        org_id, InteractionInput(occurred_on=date(2026, 11, 2), kind="電話", summary="会場の確認")
    )
    contacts = {c.data.name: c.id for c in service.get(org_id).contacts}
    dialog = tab.open_organization(org_id)
    assert dialog is not None
    _child(dialog, QWidget, "dialogTabs").setCurrentIndex(2)
    return dialog, org_id, entry_id, contacts


def _row(db: Path, entry_id: str) -> tuple[Any, ...]:
    with sqlite3.connect(db) as conn:
        row = conn.execute(
            "SELECT occurred_on, kind, officer, summary, next_action_on, contact_id, version"
            " FROM interactions WHERE id = ?",
            (entry_id,),
        ).fetchone()
    conn.close()
    return tuple(row)


def _last_audit(db: Path, org_id: str) -> tuple[str, str, str, dict[str, Any]]:
    with sqlite3.connect(db) as conn:
        officer, entity, action, changes = conn.execute(
            "SELECT officer, entity, action, changes FROM audit_log WHERE record_id = ? ORDER BY id DESC LIMIT 1",
            (org_id,),
        ).fetchone()
    conn.close()
    return officer, entity, action, json.loads(changes)


def test_a_record_is_corrected_through_the_form_and_audited(tab: OrganizationsTab, qtbot: QtBot) -> None:
    dialog, org_id, entry_id, contacts = _open(tab)
    db = tab.service().ws.db_path
    table = _child(dialog, QTableView, "interactionTable")
    rect = table.visualRect(table.model().index(0, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert _child(dialog, QPlainTextEdit, "interactionSummaryEdit").toPlainText() == "会場の確認"
    assert _child(dialog, QLineEdit, "interactionOfficerEdit").text() == OFFICER
    assert _child(dialog, QPushButton, "addInteractionButton").text() == "修正を保存"
    assert "修正" in _child(dialog, QGroupBox, "interactionBox").title()

    _retype(dialog, QLineEdit, "interactionDateEdit", "令和8年11月3日")
    _retype(dialog, QLineEdit, "interactionNextEdit", "2026-12-01")
    _retype(dialog, QLineEdit, "interactionOfficerEdit", "佐藤 一郎")
    _retype(dialog, QPlainTextEdit, "interactionSummaryEdit", "会場と日程の確認")
    combo = _child(dialog, QComboBox, "interactionContactCombo")
    assert [combo.itemText(i) for i in range(combo.count())] == ["（指定なし）", "緑 花子", "森 太郎"]
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key.Key_Down)
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "森 太郎"
    _click(qtbot, dialog, "addInteractionButton")

    assert not _child(dialog, QLabel, "interactionError").isVisible()
    assert _row(db, entry_id) == (
        "2026-11-03",
        "電話",
        "佐藤 一郎",
        "会場と日程の確認",
        "2026-12-01",
        contacts["森 太郎"],
        2,
    )
    officer, entity, action, changes = _last_audit(db, org_id)
    assert (officer, entity, action) == (OFFICER, "interaction", "update")
    assert changes == {
        "interaction_id": [entry_id, entry_id],
        "occurred_on": ["2026-11-02", "2026-11-03"],
        "next_action_on": [None, "2026-12-01"],
        "officer": [OFFICER, "佐藤 一郎"],
        "summary": ["会場の確認", "会場と日程の確認"],
        "contact_id": [None, contacts["森 太郎"]],
        "contact": [None, "森 太郎"],
    }
    # the list shows the correction with its 担当者, and the form is back to adding
    model = table.model()
    assert [model.data(model.index(0, c)) for c in range(model.columnCount())] == [
        "2026-11-03",
        "電話",
        "会場と日程の確認",
        "佐藤 一郎",
        "2026-12-01",
        "森 太郎",
    ]
    assert _child(dialog, QPushButton, "addInteractionButton").text() == "記録を追加"
    assert combo.currentText() == "（指定なし）"

    # a deleted 担当者 leaves the record with no link
    contact_table = _child(dialog, QTableView, "contactTable")
    contact_table.selectRow(1)
    _click(qtbot, dialog, "removeContactButton")
    assert _row(db, entry_id)[5] is None
    assert model.data(model.index(0, 5)) == ""
    assert [combo.itemText(i) for i in range(combo.count())] == ["（指定なし）", "緑 花子"]


def test_a_stale_correction_is_refused_and_the_typed_text_kept(tab: OrganizationsTab, qtbot: QtBot) -> None:
    dialog, org_id, entry_id, _contacts = _open(tab)
    db = tab.service().ws.db_path
    _child(dialog, QTableView, "interactionTable").selectRow(0)
    _click(qtbot, dialog, "editInteractionButton")
    _retype(dialog, QPlainTextEdit, "interactionSummaryEdit", "この画面での訂正")

    # someone else corrects the same record meanwhile
    other = InteractionInput(
        occurred_on=date(2026, 11, 2), kind="電話", summary="別の職員の訂正", officer="鈴木"
    )
    InteractionService(tab.service().ws).update(entry_id, other, expected_version=1)
    _click(qtbot, dialog, "addInteractionButton")

    error = _child(dialog, QLabel, "interactionError")
    assert error.isVisible() and "修正されています" in error.text()
    assert _child(dialog, QPlainTextEdit, "interactionSummaryEdit").toPlainText() == "この画面での訂正"
    assert _row(db, entry_id)[2:4] == ("鈴木", "別の職員の訂正")
    assert _last_audit(db, org_id)[3]["summary"] == ["会場の確認", "別の職員の訂正"]
    model = _child(dialog, QTableView, "interactionTable").model()
    assert model.data(model.index(0, 2)) == "別の職員の訂正"  # the list shows it as it is now

    # starting again from the stored record works
    _click(qtbot, dialog, "cancelInteractionEditButton")
    _child(dialog, QTableView, "interactionTable").selectRow(0)
    _click(qtbot, dialog, "editInteractionButton")
    _retype(dialog, QPlainTextEdit, "interactionSummaryEdit", "この画面での訂正")
    _click(qtbot, dialog, "addInteractionButton")
    assert not error.isVisible()
    assert _row(db, entry_id)[3:] == ("この画面での訂正", None, None, 3)
