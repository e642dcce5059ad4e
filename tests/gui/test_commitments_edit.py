"""The 約束・宿題 panel's 編集… and 削除: a correction through the dialog (double-click), Japanese
validation, a stale correction refused, a deletion after asking, taken back with Ctrl+Z."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import OfficerInput
from kyodo_desktop.gui.commitments_panel import CommitmentDialog, CommitmentsPanel
from kyodo_desktop.persistence.models_handover import Commitment
from kyodo_desktop.services import officers
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace
from tests.gui.conftest import DialogRecorder, type_text


@pytest.fixture
def org(ws: Workspace) -> str:
    return OrganizationService(ws).create(OrganizationInput(name="みどりの会", municipality_name="千葉市"))


def _row(ws: Workspace, commitment_id: str) -> Commitment:
    with ws.session_factory() as s:
        row = s.scalars(select(Commitment).where(Commitment.id == commitment_id)).one()
        s.expunge(row)
        return row


def _panel(qtbot: QtBot, ws: Workspace, org: str) -> CommitmentsPanel:
    panel = CommitmentsPanel(ws, lambda: org)
    qtbot.addWidget(panel)
    panel.resize(900, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)  # the shortcuts need it active
    panel.refresh()
    return panel


def _select(panel: CommitmentsPanel, text: str) -> int:
    row = next(n for n, r in enumerate(panel.model.records) if r.text == text)
    panel.table.selectRow(row)
    return row


def test_a_double_click_opens_the_correction_and_saves_it(qtbot: QtBot, ws: Workspace, org: str) -> None:
    sato = officers.add_officer(ws, OfficerInput(name="佐藤 一郎", section="市民協働課"))
    cid = CommitmentService(ws).add("協定書案をおくる", organization_id=org, due_on=date(2099, 4, 10))
    panel = _panel(qtbot, ws, org)
    assert not panel.edit_button.isEnabled() and not panel.delete_button.isEnabled()
    row = _select(panel, "協定書案をおくる")
    assert panel.edit_button.isEnabled() and panel.delete_button.isEnabled()
    rect = panel.table.visualRect(panel.model.index(row, 1))
    # a real double click starts with a press; QAbstractItemView checks for it
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = panel.findChild(CommitmentDialog, "commitmentDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "約束・宿題の編集" and dialog.ok_button.text() == "保存"
    assert (dialog.text_edit.text(), dialog.due_edit.text()) == ("協定書案をおくる", "令和81年4月10日")

    # an empty text and a date that is not one: both told in Japanese, nothing stored
    dialog.text_edit.clear()
    dialog.due_edit.clear()
    type_text(dialog.due_edit, "2099-02-30")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "内容を入力してください" in dialog.error.text()
    assert "日付" in dialog.error.text() or "期限" in dialog.error.text()
    assert _row(ws, cid).version == 1

    type_text(dialog.text_edit, "協定書案を送る")
    dialog.due_edit.clear()
    type_text(dialog.due_edit, "令和81年5月1日")
    dialog.owner_combo.setCurrentIndex(dialog.owner_combo.findData(sato))
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("対応中"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    stored = _row(ws, cid)
    assert (stored.text, stored.due_on, stored.owner_officer_id, stored.status, stored.version) == (
        "協定書案を送る",
        date(2099, 5, 1),
        sato,
        "対応中",
        2,
    )
    assert panel.model.text(0, 1) == "協定書案を送る" and panel.model.text(0, 2) == "佐藤 一郎（市民協働課）"


def test_a_stale_correction_is_refused_in_the_dialog(qtbot: QtBot, ws: Workspace, org: str) -> None:
    service = CommitmentService(ws)
    cid = service.add("会場を予約する", organization_id=org)
    panel = _panel(qtbot, ws, org)
    _select(panel, "会場を予約する")
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    dialog = panel.findChild(CommitmentDialog, "commitmentDialog")
    assert dialog is not None and dialog.isVisible()
    service.set_status(cid, "完了", expected_version=1)  # someone else, meanwhile
    dialog.text_edit.clear()
    type_text(dialog.text_edit, "会場を押さえる")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "他の操作で更新されています" in dialog.error.text()
    assert (_row(ws, cid).text, _row(ws, cid).status) == ("会場を予約する", "完了")


def test_delete_asks_then_ctrl_z_takes_it_back(
    qtbot: QtBot, ws: Workspace, org: str, dialog_calls: DialogRecorder
) -> None:
    service = CommitmentService(ws)
    keep = service.add("名簿の更新", organization_id=org, due_on=date(2099, 1, 1))
    cid = service.add("チラシ配布", organization_id=org)
    panel = _panel(qtbot, ws, org)
    assert not panel.undo_button.isEnabled()

    # answered キャンセル: nothing happens
    dialog_calls.confirm_answer = False
    _select(panel, "チラシ配布")
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    [question] = dialog_calls.texts("confirm")
    assert "「チラシ配布」を削除しますか" in question
    assert _row(ws, cid).deleted_at is None and panel.model.rowCount() == 2

    # the Delete key on the list, answered 削除
    dialog_calls.confirm_answer = True
    _select(panel, "チラシ配布")
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert _row(ws, cid).deleted_at is not None
    assert [r.id for r in panel.model.records] == [keep]
    assert panel.undo_button.isEnabled()

    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _row(ws, cid).deleted_at is None
    assert [r.id for r in panel.model.records] == [keep, cid]
    assert panel.selected() is not None and panel.selected().id == cid  # type: ignore[union-attr]
    assert not panel.undo_button.isEnabled()


def test_read_only_panels_offer_no_correction(qtbot: QtBot, ws: Workspace, org: str) -> None:
    CommitmentService(ws).add("報告書を届ける", organization_id=org)
    panel = _panel(qtbot, ws, org)
    panel.read_only = True
    panel.refresh()
    _select(panel, "報告書を届ける")
    assert not panel.edit_button.isEnabled() and not panel.delete_button.isEnabled()
    assert panel.edit_commitment() is None and panel.delete_commitment() is False
