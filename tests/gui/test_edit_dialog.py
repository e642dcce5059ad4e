"""Creating and editing organizations through the real form, checked in the database."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.organizations.edit_dialog import OrganizationDialog
from kyodo_desktop.gui.organizations.tab import OrganizationsTab
from kyodo_desktop.services.organizations import OrganizationService

from .conftest import OFFICER, TOTAL, type_text


def _child(dialog: QWidget, cls: type, name: str) -> Any:
    widget = dialog.findChild(cls, name)
    assert widget is not None, name
    return widget


def _click(qtbot: QtBot, dialog: QWidget, name: str) -> None:
    qtbot.mouseClick(_child(dialog, QPushButton, name), Qt.MouseButton.LeftButton)


def _type(dialog: QWidget, name: str, text: str, *, replace: bool = False) -> None:
    edit = _child(dialog, QLineEdit, name)
    if replace:
        edit.clear()
    type_text(edit, text)


def _check(qtbot: QtBot, dialog: QWidget, name: str) -> None:
    """Click a check box on its box (a stretched check box does not react to its empty right part)."""
    box = _child(dialog, QCheckBox, name)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def _db_counts(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as conn:
        orgs = conn.execute("SELECT count(*) FROM organizations").fetchone()[0]
        audits = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
    return orgs, audits


def _audit(db: Path, org_id: str) -> list[tuple[str, str, dict[str, Any]]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT officer, action, changes FROM audit_log WHERE record_id = ? ORDER BY id", (org_id,)
        ).fetchall()
    return [(officer, action, json.loads(changes)) for officer, action, changes in rows]


def _new_dialog(tab: OrganizationsTab, qtbot: QtBot) -> OrganizationDialog:
    qtbot.mouseClick(_child(tab, QToolButton, "newButton"), Qt.MouseButton.LeftButton)
    dialogs = tab.open_dialogs()
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.isVisible() and dialog.org_id is None
    return dialog


def test_create_through_the_form(tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService) -> None:
    db = reader.ws.db_path
    dialog = _new_dialog(tab, qtbot)
    _type(dialog, "nameEdit", "画面から登録した子ども食堂の会")
    _type(dialog, "kanaEdit", "がめんからとうろくしたこどもしょくどうのかい")
    _type(dialog, "phoneEdit", "０４３２２３１１１１")
    _type(dialog, "emailEdit", "INFO@Example.JP")
    _type(dialog, "postalEdit", "〒２６０ー８６６７")
    _type(dialog, "establishedEdit", "令和6年4月1日")
    _check(qtbot, dialog, "fieldCheck13")
    _click(qtbot, dialog, "saveButton")

    org_id = dialog.org_id
    assert org_id is not None
    record = reader.get(org_id)
    assert record.data.name == "画面から登録した子ども食堂の会"
    assert record.data.kana == "ガメンカラトウロクシタコドモショクドウノカイ"
    assert record.data.phone == "043-223-1111"
    assert record.data.email == "INFO@example.jp"
    assert record.data.postal_code == "260-8667"
    assert record.data.established_on is not None and record.data.established_on.isoformat() == "2024-04-01"
    assert record.data.fields == [13]
    [(officer, action, changes)] = _audit(db, org_id)
    assert (officer, action) == (OFFICER, "create")
    assert changes["phone"] == [None, "043-223-1111"]

    # The form now shows what was stored, and the table has the new row.
    assert _child(dialog, QLineEdit, "phoneEdit").text() == "043-223-1111"
    assert tab.model.total_count == TOTAL + 1
    assert tab.current_id() == org_id


def test_invalid_fields_show_messages_beside_them_and_save_nothing(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService
) -> None:
    db = reader.ws.db_path
    before = _db_counts(db)
    dialog = _new_dialog(tab, qtbot)
    _type(dialog, "nameEdit", "入力ミスの会")
    _type(dialog, "phoneEdit", "043-22")
    _type(dialog, "emailEdit", "info@")
    _type(dialog, "postalEdit", "12-34")
    _type(dialog, "corporateNumberEdit", "1234567890123")
    _click(qtbot, dialog, "saveButton")

    for field, words in (
        ("phone", "電話番号"),
        ("email", "メール"),
        ("postal_code", "郵便番号"),
        ("corporate_number", "法人番号"),
    ):
        label = _child(dialog, QLabel, f"{field}Error")
        assert label.isVisible(), field
        assert words in label.text()
    assert not _child(dialog, QLabel, "nameError").isVisible()
    assert dialog.org_id is None
    assert _db_counts(db) == before

    # Fixing the fields clears the messages and saves.
    _type(dialog, "phoneEdit", "043-223-1111", replace=True)
    _child(dialog, QLineEdit, "emailEdit").clear()
    _child(dialog, QLineEdit, "postalEdit").clear()
    _child(dialog, QLineEdit, "corporateNumberEdit").clear()
    _click(qtbot, dialog, "saveButton")
    assert dialog.org_id is not None
    assert not _child(dialog, QLabel, "phoneError").isVisible()
    assert _db_counts(db)[0] == before[0] + 1


def test_missing_name_and_bad_date(tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService) -> None:
    before = _db_counts(reader.ws.db_path)
    dialog = _new_dialog(tab, qtbot)
    _type(dialog, "establishedEdit", "令和6年13月1日")
    _type(dialog, "memberCountEdit", "たくさん")
    _click(qtbot, dialog, "saveButton")
    assert "必須" in _child(dialog, QLabel, "nameError").text()
    assert _child(dialog, QLabel, "established_onError").isVisible()
    assert _child(dialog, QLabel, "member_countError").isVisible()
    assert _db_counts(reader.ws.db_path) == before


def test_duplicate_name_asks_before_saving(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService
) -> None:
    db = reader.ws.db_path
    existing_id, existing_name = reader.search("みどりの風")[0]
    before = _db_counts(db)
    dialog = _new_dialog(tab, qtbot)
    _type(dialog, "nameEdit", "ミドリノ風ネット")  # same group, other spelling
    _click(qtbot, dialog, "saveButton")

    panel = _child(dialog, QWidget, "duplicatePanel")
    assert panel.isVisible()
    assert existing_name in dialog.findChild(QWidget, "duplicateList").item(0).text()  # type: ignore[union-attr]
    assert _db_counts(db) == before

    opened: list[str] = []
    dialog.open_existing_requested.connect(opened.append)
    _click(qtbot, dialog, "openExistingButton")
    assert opened == [existing_id]
    assert existing_id in [d.org_id for d in tab.open_dialogs()]

    _click(qtbot, dialog, "saveAnywayButton")
    assert dialog.org_id is not None and dialog.org_id != existing_id
    assert not panel.isVisible()
    assert _db_counts(db)[0] == before[0] + 1


def test_editing_an_existing_record_updates_it_and_bumps_the_version(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService
) -> None:
    org_id = tab.model.row_id(5)
    before = reader.get(org_id)
    tab.table.selectRow(5)
    qtbot.mouseClick(_child(tab, QToolButton, "openButton"), Qt.MouseButton.LeftButton)
    [dialog] = tab.open_dialogs()
    assert dialog.org_id == org_id
    assert _child(dialog, QLineEdit, "nameEdit").text() == before.data.name
    _type(dialog, "phoneEdit", "047-512-3456", replace=True)
    _type(dialog, "tagsEdit", "防災、子育て", replace=True)
    assert dialog.has_unsaved_changes
    _click(qtbot, dialog, "saveButton")

    after = reader.get(org_id)
    assert after.version == before.version + 1
    assert after.data.phone == "047-512-3456"
    assert after.data.tags == "防災, 子育て"
    assert after.data.name == before.data.name
    assert not dialog.has_unsaved_changes
    row = tab.model.row_of(org_id)
    assert tab.model.org_row(row).phone == "047-512-3456"
    last = _audit(reader.ws.db_path, org_id)[-1]
    assert last[0] == OFFICER and last[1] == "update"
    assert set(last[2]) == {"phone", "tags"}


def test_stale_edit_is_refused_and_the_input_kept(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService
) -> None:
    org_id = tab.model.row_id(0)
    dialog = tab.open_organization(org_id)
    assert dialog is not None
    opened_version = dialog.version

    # Someone else saves meanwhile.
    service = tab.service()
    data = service.get(org_id).data
    service.update(
        org_id,
        dataclasses.replace(data, notes="別の職員の変更"),
        expected_version=opened_version,
    )

    _type(dialog, "nameEdit", "（この画面での変更）")
    typed_name = _child(dialog, QLineEdit, "nameEdit").text()
    _click(qtbot, dialog, "saveButton")

    stale = _child(dialog, QLabel, "staleLabel")
    assert stale.isVisible()
    assert "更新されています" in stale.text()
    assert _child(dialog, QLineEdit, "nameEdit").text() == typed_name
    stored = reader.get(org_id)
    assert stored.version == opened_version + 1
    assert stored.data.name == data.name
    assert stored.data.notes == "別の職員の変更"

    _click(qtbot, dialog, "reloadButton")
    assert not stale.isVisible()
    assert dialog.version == opened_version + 1
    assert _child(dialog, QLineEdit, "nameEdit").text() == data.name
    assert "別の職員の変更" in _child(dialog, QWidget, "notesEdit").toPlainText()


def test_escape_with_unsaved_changes_asks_first(
    tab: OrganizationsTab, qtbot: QtBot, dialog_calls: Any
) -> None:
    dialog = tab.open_organization(tab.model.row_id(0))
    assert dialog is not None
    _type(dialog, "tagsEdit", "未保存")
    dialog_calls.confirm_answer = False
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    assert dialog_calls.names() == ["confirm"]
    dialog_calls.confirm_answer = True
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert tab.open_dialogs() == []


def test_ctrl_s_saves(tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService) -> None:
    dialog = _new_dialog(tab, qtbot)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    _type(dialog, "nameEdit", "Ctrl S Club")
    qtbot.keyClick(_child(dialog, QLineEdit, "nameEdit"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert dialog.org_id is not None
    assert reader.get(dialog.org_id).data.name == "Ctrl S Club"


def test_contacts_and_interactions_of_a_new_record(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService
) -> None:
    dialog = _new_dialog(tab, qtbot)
    tabs = _child(dialog, QWidget, "dialogTabs")
    assert not tabs.isTabEnabled(1) and not tabs.isTabEnabled(2)
    _type(dialog, "nameEdit", "担当者テストの会")
    _click(qtbot, dialog, "saveButton")
    org_id = dialog.org_id
    assert org_id is not None
    assert tabs.isTabEnabled(1) and tabs.isTabEnabled(2)

    tabs.setCurrentIndex(1)
    _type(dialog, "contactNameEdit", "千葉 花子")
    _type(dialog, "contactPhoneEdit", "090-1234-5678")
    _check(qtbot, dialog, "contactPrimaryCheck")
    _click(qtbot, dialog, "addContactButton")
    _type(dialog, "contactNameEdit", "電話 誤り")
    _type(dialog, "contactPhoneEdit", "12")
    _click(qtbot, dialog, "addContactButton")
    assert _child(dialog, QLabel, "contactError").isVisible()
    contacts = reader.get(org_id).contacts
    assert [(c.data.name, c.data.is_primary) for c in contacts] == [("千葉 花子", True)]

    table = _child(dialog, QWidget, "contactTable")
    table.selectRow(0)
    assert _child(dialog, QLineEdit, "contactNameEdit").text() == "千葉 花子"
    _type(dialog, "contactRoleEdit", "事務局長", replace=True)
    _click(qtbot, dialog, "updateContactButton")
    assert reader.get(org_id).contacts[0].data.role == "事務局長"

    tabs.setCurrentIndex(2)
    _type(dialog, "interactionDateEdit", "令和7年5月1日", replace=True)
    type_text(_child(dialog, QWidget, "interactionSummaryEdit"), "活動内容の聞き取り")
    _click(qtbot, dialog, "addInteractionButton")
    record = reader.get(org_id)
    assert [
        (i.data.occurred_on.isoformat(), i.data.summary, i.data.officer) for i in record.interactions
    ] == [("2025-05-01", "活動内容の聞き取り", OFFICER)]
    assert tab.model.org_row(tab.model.row_of(org_id)).last_contact_on == "2025-05-01"

    # The interaction moved 最終接触日 (a new version); the form follows, so a save is not stale.
    _type(dialog, "tagsEdit", "聞き取り済み")
    _click(qtbot, dialog, "saveButton")
    assert not _child(dialog, QLabel, "staleLabel").isVisible()
    assert reader.get(org_id).data.tags == "聞き取り済み"

    _child(dialog, QWidget, "interactionTable").selectRow(0)
    _click(qtbot, dialog, "removeInteractionButton")
    assert reader.get(org_id).interactions == []
    _child(dialog, QWidget, "contactTable").selectRow(0)
    _click(qtbot, dialog, "removeContactButton")
    assert reader.get(org_id).contacts == []


def test_control_characters_are_refused_beside_their_field(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService
) -> None:
    db = reader.ws.db_path
    before = _db_counts(db)
    dialog = _new_dialog(tab, qtbot)
    _type(dialog, "nameEdit", "逆\u202e向きの会")
    notes = _child(dialog, QPlainTextEdit, "notesEdit")
    notes.setPlainText("一行目\n二行目\x1b[31m")  # pasted, as a terminal's colour codes would be
    _click(qtbot, dialog, "saveButton")

    name_error = _child(dialog, QLabel, "nameError")
    assert name_error.isVisible() and "U+202E" in name_error.text() and "制御文字" in name_error.text()
    notes_error = _child(dialog, QLabel, "notesError")
    assert notes_error.isVisible() and "U+001B" in notes_error.text()
    assert dialog.org_id is None and _db_counts(db) == before

    # Removing them saves, and the line break of the notes stays.
    _type(dialog, "nameEdit", "向きの会", replace=True)
    notes.setPlainText("一行目\n二行目")
    _click(qtbot, dialog, "saveButton")
    assert dialog.org_id is not None
    assert not name_error.isVisible() and not notes_error.isVisible()
    assert reader.get(dialog.org_id).data.notes == "一行目\n二行目"
