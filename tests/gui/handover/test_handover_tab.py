"""The 引継ぎ tab: a note made for a transferring officer through the widgets, its narrative
typed, the partner marked absent (a reason required, the introduction task shown and stored),
signed by both officers, then read-only; 訂正する makes revision 2. The tab is rendered to PNG."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.organization import ContactInput, InteractionInput, OrganizationInput
from kyodo_desktop.domain.project import OfficerInput, PartnerInput, ProjectInput
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui.handover.page import HandoverPage
from kyodo_desktop.gui.handover.tab import HandoverTab
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.persistence.models_handover import HandoverAcknowledgement
from kyodo_desktop.services import handover_alerts, officers
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.handover import HandoverService
from kyodo_desktop.services.handover_records import ORGANIZATION, PROJECT
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.settings import set_officer
from kyodo_desktop.services.workspace import Workspace
from tests.gui.conftest import type_text

TRANSFER_ON = date(2027, 4, 1)


def _world(data_dir: Path) -> dict[str, str]:
    with Workspace.open(data_dir, write=True) as ws:
        sato = officers.add_officer(ws, OfficerInput("佐藤 一郎", section="市民協働課"))
        suzuki = officers.add_officer(ws, OfficerInput("鈴木 花子", section="市民協働課"))
        officers.set_assignment(ws, sato, transferred_on=TRANSFER_ON, successor_id=suzuki)
        orgs = OrganizationService(ws)
        org = orgs.create(
            OrganizationInput(name="みどりの会", legal_form="特定非営利活動法人", business_year_end="03-31"),
            contacts=[ContactInput("緑 花子", role="事務局長", phone="043-000-0000")],
            responsible_officer_id=sato,
        )
        orgs.add_interaction(
            org,
            InteractionInput(date(2026, 11, 20), "面談", "来年度の協定", next_action_on=date(2027, 1, 15)),
        )
        project = ProjectService(ws).create(
            ProjectInput(
                title="公園の花壇づくり",
                section="市民協働課",
                fiscal_year=2026,
                lead_officer_id=sato,
                partners=[PartnerInput(org)],
                period_start=date(2026, 4, 1),
                period_end=date(2027, 3, 31),
            ),
            stage="実施",
            stage_on=date(2026, 4, 1),
        )
    return {"sato": sato, "suzuki": suzuki, "org": org, "project": project}


def _open_page(qtbot: QtBot, open_window: Any, data_dir: Path) -> tuple[MainWindow, HandoverPage]:
    window: MainWindow = open_window(data_dir)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=20_000)
    window.resize(1280, 800)
    tabs = window.findChild(QTabWidget, "mainTabs")
    tab = tabs.widget(4) if tabs is not None else None  # after ホーム, 団体台帳, 事業, 評価
    assert isinstance(tab, HandoverTab) and tab.objectName() == "handoverTab"
    assert tab.page is None  # nothing built before it is shown
    tabs.setCurrentWidget(tab)
    assert tab.page is not None
    page = tab.page
    qtbot.waitUntil(lambda: page.view.width() > 600)  # laid out (the editor's buttons clickable)
    return window, page


def _click(qtbot: QtBot, button: Any) -> None:
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_note_made_signed_frozen_and_corrected(
    qtbot: QtBot, open_window: Any, data_dir: Path, tmp_path: Path
) -> None:
    w = _world(data_dir)
    set_officer(data_dir, "鈴木 花子", "市民協働課")  # the successor is at the desk (found by name)
    window, page = _open_page(qtbot, open_window, data_dir)
    # 引継ぎの予定: the transferring officer with both subjects not handed over
    assert page.pending.count() == 1
    assert "佐藤 一郎" in page.pending.item(0).text() and "2件" in page.pending.item(0).text()
    assert "異動日 令和9年4月1日" in page.pending.item(0).text()  # 和暦
    assert any("引継書のない異動" in page.alerts.item(n).text() for n in range(page.alerts.count()))

    dialog = page.open_new_note(w["sato"])
    assert dialog.to_officer.currentData() == w["suzuki"]  # the successor by default
    assert dialog.handover_on.text() == "令和9年4月1日"  # 和暦, parsed back on 作成
    assert dialog.chosen(ORGANIZATION) == [w["org"]] and dialog.chosen(PROJECT) == [w["project"]]
    _click(qtbot, dialog.ok_button)
    view = page.view
    assert view.note is not None
    note_id = view.note.id
    assert page.notes.topLevelItemCount() == 1
    assert "みどりの会" in view.item_choice.currentText()
    dossier = view.editor.dossier.toPlainText()
    assert "来年度の協定" in dossier and "次回対応" in dossier and "事業報告書の提出期限" in dossier
    # dates as a person reads them: the interaction, its next action, the NPO's report deadline
    assert "令和8年11月20日 面談: 来年度の協定" in dossier and "令和9年1月15日" in dossier
    assert "令和9年6月30日" in dossier and "2027-" not in dossier
    assert page.notes.topLevelItem(0).text(0) == "令和9年4月1日"

    assert "043-000-0000" not in dossier and "緑 花子（事務局長）" in dossier  # no contact data unless chosen
    _click(qtbot, view.include_contacts)
    assert HandoverService(window.workspace).get(note_id).include_contacts is True
    assert "043-000-0000" in view.editor.dossier.toPlainText()

    editor = view.editor
    type_text(editor.fields["background"], "平成30年から花壇づくりで協働")
    type_text(editor.fields["agreements"], "毎年4月に協定を更新する")
    editor.presence.setCurrentIndex(2)  # 同席しなかった
    assert editor.reason.isEnabled() and not editor.attendees.isEnabled()
    _click(qtbot, view.save_button)
    assert view.notice.isVisible()
    assert "パートナーが同席しなかった理由を入力してください" in view.notice.text()
    assert HandoverService(window.workspace).get(note_id).items[0].narrative.background == ""  # nothing saved
    assert editor.fields["background"].toPlainText() == "平成30年から花壇づくりで協働"  # typed text kept

    type_text(editor.reason, "代表者の日程が合わなかった")
    _click(qtbot, view.save_button)
    assert not view.notice.isVisible()
    stored = HandoverService(window.workspace).get(note_id).items[0]
    assert stored.narrative.background == "平成30年から花壇づくりで協働"
    assert (stored.partner_present, stored.absence_reason) == (False, "代表者の日程が合わなかった")
    assert stored.followup_commitment_id is not None
    assert editor.followup.isVisible() and "鈴木 花子" in editor.followup.text()
    task = CommitmentService(window.workspace).get(stored.followup_commitment_id)
    assert task.text in editor.followup.text()
    assert (task.organization_id, task.owner_officer_id, task.source, task.status) == (
        w["org"],
        w["suzuki"],
        "引継",
        "未着手",
    )

    view.sections.setCurrentIndex(1)
    signoff = view.signoff
    assert signoff.names["前任"].text() == "佐藤 一郎"
    assert signoff.dates["前任"].text() == to_wareki(date.today())  # 和暦, parsed back on 署名
    _click(qtbot, signoff.buttons["前任"])
    assert signoff.states["前任"].text() == "署名済" and not signoff.buttons["前任"].isEnabled()
    assert view.note is not None and not view.note.frozen
    signoff.dates["後任"].setText("2027-04-02")
    _click(qtbot, signoff.buttons["後任"])

    signed = HandoverService(window.workspace).get(note_id)
    assert (signed.status, signed.signed_by_from_name, signed.signed_by_to_name, signed.signed_by_to_on) == (
        "署名済",
        "佐藤 一郎",
        "鈴木 花子",
        date(2027, 4, 2),
    )
    assert handover_alerts.pending(window.workspace) == []
    assert [page.pending.item(n).text() for n in range(page.pending.count())] == [
        "異動予定の職員の未引継はありません"
    ]
    # read-only with a clear notice; every edit widget disabled
    assert view.frozen_notice.isVisible() and "読み取り専用" in view.frozen_notice.text()
    assert not view.save_button.isEnabled()
    assert all(not e.isEnabled() and e.isReadOnly() for e in editor.fields.values())
    assert not editor.presence.isEnabled() and not editor.reason.isEnabled()
    assert not view.include_contacts.isEnabled()
    assert not any(b.isEnabled() for b in signoff.buttons.values())
    qtbot.wait(50)
    assert window.grab().save(os.environ.get("KYODO_HANDOVER_SIGNED_PNG") or str(tmp_path / "signed.png"))
    assert view.save_item() is False  # an edit forced through is refused by the service
    assert "編集" in view.notice.text() or "署名" in view.notice.text()

    # the successor's checklist: what is left is counted; acknowledging one lowers it
    checklist = view.checklist
    total = checklist.list.count()
    assert total > 0 and f"未確認 {total}件" in checklist.summary.text()
    assert not checklist.locked.isVisible() and checklist.list.isEnabled()
    checklist.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert f"未確認 {total - 1}件" in checklist.summary.text()
    with window.workspace.session_factory() as s:
        [ack] = s.query(HandoverAcknowledgement).all()
        assert ack.officer_id == w["suzuki"]

    _click(qtbot, view.revise_button)
    revisions = HandoverService(window.workspace).revisions(note_id)
    assert [(r.revision, r.status) for r in revisions] == [(1, "署名済"), (2, "下書き")]
    assert view.note is not None and view.note.id == revisions[1].id and view.note.revision == 2
    assert view.revisions.count() == 2 and not view.frozen_notice.isVisible()
    assert editor.fields["background"].isEnabled()
    assert editor.fields["background"].toPlainText() == "平成30年から花壇づくりで協働"

    window.resize(1280, 800)
    target = os.environ.get("KYODO_HANDOVER_PNG") or str(tmp_path / "handover.png")
    view.sections.setCurrentIndex(0)
    qtbot.wait(50)  # laid out again after the revision was shown
    assert window.grab().save(target)


def test_someone_else_than_the_successor_cannot_tick_the_checklist(
    qtbot: QtBot, open_window: Any, data_dir: Path
) -> None:
    w = _world(data_dir)
    with Workspace.open(data_dir, write=True) as ws:
        service = HandoverService(ws)
        note_id = service.create_note(w["sato"], w["suzuki"], TRANSFER_ON, [w["org"]], [w["project"]])
        note = service.get(note_id)
        version = service.sign(note_id, "前任", "佐藤 一郎", TRANSFER_ON, expected_version=note.version)
        service.sign(note_id, "後任", "鈴木 花子", TRANSFER_ON, expected_version=version)
    set_officer(data_dir, "佐藤 一郎", "市民協働課", officer_id=w["sato"])  # the predecessor
    window, page = _open_page(qtbot, open_window, data_dir)
    page.view.open_note(note_id)
    view = page.view
    view.sections.setCurrentIndex(1)
    checklist = view.checklist
    assert checklist.list.count() > 0
    assert checklist.locked.isVisible() and not checklist.list.isEnabled()
    assert "後任の鈴木 花子さんだけ" in checklist.locked.text() and "佐藤 一郎" in checklist.locked.text()
    item = checklist.list.item(0)
    assert not item.flags() & Qt.ItemFlag.ItemIsUserCheckable
    item.setCheckState(Qt.CheckState.Checked)  # forced through: the service refuses it
    assert "後任の鈴木 花子さんだけ" in view.notice.text()
    with window.workspace.session_factory() as s:
        assert s.query(HandoverAcknowledgement).count() == 0

    # the successor sits down and says so (設定 › 職員の設定…): the checklist opens
    assert window.officer_panel is not None
    window.officer_panel.open_panel()
    window.officer_panel.name_edit.clear()
    type_text(window.officer_panel.name_edit, "鈴木 花子")
    window.officer_panel.section_edit.clear()
    type_text(window.officer_panel.section_edit, "市民協働課")
    qtbot.mouseClick(window.officer_panel.save_button, Qt.MouseButton.LeftButton)
    view.sections.setCurrentIndex(0)
    view.sections.setCurrentIndex(1)
    assert not checklist.locked.isVisible() and checklist.list.isEnabled()
    checklist.list.item(0).setCheckState(Qt.CheckState.Checked)
    with window.workspace.session_factory() as s:
        [ack] = s.query(HandoverAcknowledgement).all()
        assert ack.officer_id == w["suzuki"]
