"""Deleting the successor's introduction meeting a handover note made (partner absent): the
panel asks with a sentence saying it came from that note, deletes it when told to, and the
note's item then says the meeting was deleted instead of failing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kyodo_desktop.gui.commitments_panel import CommitmentsPanel
from kyodo_desktop.gui.handover.item_editor import ItemEditor
from kyodo_desktop.persistence.models_handover import Commitment
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.handover import HandoverService
from kyodo_desktop.services.workspace import Workspace
from tests.gui.conftest import DialogRecorder
from tests.handover_world import make_note, make_world


def _deleted(ws: Workspace, commitment_id: str) -> bool:
    with ws.session_factory() as s:
        row = s.scalars(select(Commitment).where(Commitment.id == commitment_id)).one()
        return row.deleted_at is not None


def test_deleting_a_handover_introduction_asks_saying_where_it_came_from(
    qtbot: QtBot, ws: Workspace, dialog_calls: DialogRecorder
) -> None:
    world = make_world(ws)
    note_id = make_note(world)
    service = HandoverService(ws)
    note = service.get(note_id)
    item = note.items[0]
    service.set_partner_presence(
        note_id, item.id, present=False, absence_reason="総会準備で欠席", expected_version=note.version
    )
    item = service.get(note_id).items[0]
    task_id = item.followup_commitment_id
    assert task_id is not None and CommitmentService(ws).get(task_id).source == "引継"
    manual = CommitmentService(ws).add("会場を予約する", organization_id=world.org)

    panel = CommitmentsPanel(ws, lambda: world.org)
    qtbot.addWidget(panel)
    panel.refresh()

    # an ordinary commitment: the ordinary question, without the handover sentence
    dialog_calls.confirm_answer = False
    panel.table.selectRow(next(n for n, r in enumerate(panel.model.records) if r.id == manual))
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    [plain] = dialog_calls.texts("confirm")
    assert "引継書" not in plain and "「会場を予約する」を削除しますか" in plain

    # the introduction meeting: the question says which handover note made it; キャンセル keeps it
    panel.table.selectRow(next(n for n, r in enumerate(panel.model.records) if r.id == task_id))
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    question = dialog_calls.texts("confirm")[-1]
    assert "令和9年3月25日の引継書（佐藤 一郎さんから鈴木 花子さんへ）" in question
    assert "パートナーが同席しなかったために作られた後任の紹介の場です" in question
    assert "取り下げ" in question and "を削除しますか" in question
    assert not _deleted(ws, task_id)

    # answered 削除: it is deleted (not refused), and the note's item says so
    dialog_calls.confirm_answer = True
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert _deleted(ws, task_id) and task_id not in [r.id for r in panel.model.records]
    assert not dialog_calls.texts("error")
    editor = ItemEditor(ws)
    qtbot.addWidget(editor)
    editor.show_item(service.get(note_id).items[0], editable=False)
    assert "削除されています" in editor.followup.text()

    # 元に戻す brings it back, and the note's item shows it again
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert not _deleted(ws, task_id)
    editor.show_item(service.get(note_id).items[0], editable=False)
    assert "後任(鈴木 花子)の紹介の場を設ける" in editor.followup.text()  # stored NFKC
