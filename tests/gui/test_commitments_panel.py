"""The 約束・宿題 panel: add a commitment through the widgets, change its status, stale refusal."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kyodo_desktop.domain.organization import InteractionInput, OrganizationInput
from kyodo_desktop.domain.project import OfficerInput
from kyodo_desktop.gui.commitments_panel import CommitmentDialog, CommitmentsPanel
from kyodo_desktop.gui.organizations.edit_dialog import OrganizationDialog
from kyodo_desktop.persistence.models_handover import Commitment
from kyodo_desktop.services import officers
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace
from tests.gui.conftest import DialogRecorder, type_text


@pytest.fixture
def org(ws: Workspace) -> str:
    return OrganizationService(ws).create(OrganizationInput(name="みどりの会", municipality_name="千葉市"))


def _rows(ws: Workspace) -> list[Commitment]:
    with ws.session_factory() as s:
        return list(s.scalars(select(Commitment)))


def _select(qtbot: QtBot, panel: CommitmentsPanel, text: str) -> None:
    row = next(n for n, r in enumerate(panel.model.records) if r.text == text)
    panel.table.selectRow(row)
    assert panel.selected() is not None and panel.selected().text == text  # type: ignore[union-attr]


def test_add_and_close_a_commitment_through_the_widgets(qtbot: QtBot, ws: Workspace, org: str) -> None:
    sato = officers.add_officer(ws, OfficerInput(name="佐藤 一郎", section="市民協働課"))
    panel = CommitmentsPanel(ws, lambda: org)
    qtbot.addWidget(panel)
    panel.refresh()
    assert panel.model.rowCount() == 0 and not panel.status_button.isEnabled()

    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.findChild(CommitmentDialog, "commitmentDialog")
    assert dialog is not None and dialog.isVisible()
    # an invalid date keeps the dialog open and says why, in Japanese
    type_text(dialog.text_edit, "協定書案を送る")
    dialog.owner_combo.setCurrentIndex(dialog.owner_combo.findData(sato))
    type_text(dialog.due_edit, "2025-13-40")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error.isVisible() and _rows(ws) == []
    assert "日付" in dialog.error.text() or "期限" in dialog.error.text()
    dialog.due_edit.clear()
    type_text(dialog.due_edit, "令和7年4月10日")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("対応中"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    [row] = _rows(ws)
    assert (row.text, row.organization_id, row.owner_officer_id) == ("協定書案を送る", org, sato)
    assert (row.due_on, row.status, row.source) == (date(2025, 4, 10), "対応中", "手入力")
    assert panel.model.rowCount() == 1
    # past its due date and open: marked with ⚠ and red
    assert panel.model.text(0, 0) == "⚠ 令和7年4月10日" and panel.model.is_overdue(0)
    assert panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert panel.model.text(0, 2) == "佐藤 一郎（市民協働課）"

    _select(qtbot, panel, "協定書案を送る")
    assert panel.status_combo.currentData() == "対応中"
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("完了"))
    qtbot.mouseClick(panel.status_button, Qt.MouseButton.LeftButton)
    [row] = _rows(ws)
    assert row.status == "完了" and row.closed_on == date.today()
    assert panel.model.text(0, 3) == "完了" and not panel.model.is_overdue(0)


def test_open_items_come_first(qtbot: QtBot, ws: Workspace, org: str) -> None:
    service = CommitmentService(ws)
    done = service.add("先に済んだ件", organization_id=org, due_on=date(2025, 1, 1))
    service.set_status(done, "完了", expected_version=1)
    service.add("期限なしの件", organization_id=org)
    service.add("来月の件", organization_id=org, due_on=date(2099, 5, 1))
    panel = CommitmentsPanel(ws, lambda: org)
    qtbot.addWidget(panel)
    panel.refresh()
    assert [r.text for r in panel.model.records] == ["来月の件", "期限なしの件", "先に済んだ件"]
    assert panel.model.text(1, 0) == "（期限なし）" and panel.model.text(1, 2) == "（未定）"


def test_a_stale_status_change_is_refused_in_japanese(
    qtbot: QtBot, ws: Workspace, org: str, dialog_calls: DialogRecorder
) -> None:
    service = CommitmentService(ws)
    cid = service.add("会場を予約する", organization_id=org)
    panel = CommitmentsPanel(ws, lambda: org)
    qtbot.addWidget(panel)
    panel.refresh()
    service.set_status(cid, "対応中", expected_version=1)  # someone else, after the list was read
    _select(qtbot, panel, "会場を予約する")
    panel.status_combo.setCurrentIndex(panel.status_combo.findData("取り下げ"))
    qtbot.mouseClick(panel.status_button, Qt.MouseButton.LeftButton)
    [text] = dialog_calls.texts("error")
    assert "他の操作で更新されています" in text and "開き直してください" in text
    [row] = _rows(ws)
    assert row.status == "対応中" and row.version == 2
    assert panel.model.records[0].status == "対応中"  # the list was read again


def test_the_organization_dialog_has_the_tab(qtbot: QtBot, ws: Workspace, org: str) -> None:
    CommitmentService(ws).add("報告書を届ける", organization_id=org)
    dialog = OrganizationDialog(OrganizationService(ws), org)
    qtbot.addWidget(dialog)
    tabs = dialog._tabs
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == "約束・宿題")
    assert tabs.isTabEnabled(index)
    tabs.setCurrentIndex(index)
    panel = tabs.widget(index)
    assert isinstance(panel, CommitmentsPanel)
    assert [r.text for r in panel.model.records] == ["報告書を届ける"]
    assert panel.add_button.isEnabled()


def test_the_project_detail_has_the_tab(qtbot: QtBot, ws: Workspace, org: str) -> None:
    from kyodo_desktop.domain.project import PartnerInput, ProjectInput
    from kyodo_desktop.gui.projects.detail_panel import TAB_COMMITMENTS, ProjectDetailPanel
    from kyodo_desktop.services.projects import ProjectService

    projects = ProjectService(ws)
    pid = projects.create(
        ProjectInput(
            title="公園の管理", fiscal_year=2025, section="公園緑地課", partners=[PartnerInput(org)]
        ),
        stage_on=date(2025, 4, 1),
    )
    CommitmentService(ws).add("中間報告の日程を決める", project_id=pid)
    panel = ProjectDetailPanel(ws)
    qtbot.addWidget(panel)
    panel.show_record(projects.get(pid), [])
    assert panel.tabs.tabText(TAB_COMMITMENTS) == "約束・宿題"
    panel.tabs.setCurrentIndex(TAB_COMMITMENTS)
    assert [r.text for r in panel.commitments.model.records] == ["中間報告の日程を決める"]
    qtbot.mouseClick(panel.commitments.add_button, Qt.MouseButton.LeftButton)
    dialog = panel.commitments.findChild(CommitmentDialog, "commitmentDialog")
    assert dialog is not None
    type_text(dialog.text_edit, "資料を共有する")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert sorted(r.text for r in _rows(ws) if r.project_id == pid) == [
        "中間報告の日程を決める",
        "資料を共有する",
    ]
    assert panel.commitments.model.rowCount() == 2


def test_an_interaction_becomes_a_commitment(qtbot: QtBot, ws: Workspace, org: str) -> None:
    OrganizationService(ws).add_interaction(
        org, InteractionInput(date(2026, 5, 1), "面談", "見積書を届ける", next_action_on=date(2026, 5, 20))
    )
    dialog = OrganizationDialog(OrganizationService(ws), org)
    qtbot.addWidget(dialog)
    dialog._tabs.setCurrentIndex(2)  # 対応記録
    dialog._interactions.table.selectRow(0)
    dialog.make_commitment_action.trigger()
    [row] = _rows(ws)
    assert (row.text, row.due_on, row.source, row.organization_id) == (
        "見積書を届ける",
        date(2026, 5, 20),
        "対応記録",
        org,
    )
    assert row.source_id == OrganizationService(ws).get(org).interactions[0].id
    assert dialog._tabs.tabText(dialog._tabs.currentIndex()) == "約束・宿題"
    assert [r.text for r in dialog._commitments.model.records] == ["見積書を届ける"]
