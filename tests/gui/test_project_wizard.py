"""The project wizard driven as an officer would: typing, radios, Next, Cancel, Finish.

Each test checks what reached the data file (project, partners, roles, checklist, selection).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QRadioButton, QWizard
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kyodo_desktop.domain.project_terms import (
    COLLABORATION_POINTS,
    PointStatus,
    ProjectForm,
    RelationshipKind,
    SelectionMethod,
)
from kyodo_desktop.gui.projects.wizard import (
    PAGE_AGREEMENT,
    PAGE_FORM,
    PAGE_KIND,
    PAGE_NEEDS,
    PAGE_PARTNERS,
    PAGE_POINTS,
    PAGE_PURPOSES,
    PAGE_ROLES,
    PAGE_SUMMARY,
    ProjectWizard,
    open_project_wizard,
)
from kyodo_desktop.gui.projects.wizard.role_defaults import default_roles
from kyodo_desktop.persistence.models import Project
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace
from tests.gui.conftest import DialogRecorder, type_text


@pytest.fixture
def ws(filled_dir: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(filled_dir, write=True)
    yield workspace
    workspace.close()


def make_wizard(qtbot: QtBot, ws: Workspace, project_id: str | None = None) -> ProjectWizard:
    wizard = ProjectWizard(ws, project_id)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def click_next(wizard: ProjectWizard) -> None:
    wizard.button(QWizard.WizardButton.NextButton).click()


def radio(wizard: ProjectWizard, name: str) -> QRadioButton:
    button = wizard.currentPage().findChild(QRadioButton, name)
    assert button is not None, name
    return button


def error_text(wizard: ProjectWizard) -> str:
    label = wizard.currentPage().findChild(QLabel, "pageError")
    assert label is not None
    return label.text() if not label.isHidden() else ""


def fill_needs(wizard: ProjectWizard) -> None:
    page = wizard.pages[PAGE_NEEDS]
    type_text(page.title_edit, "子ども食堂ネットワーク推進事業")
    combo = page.section_combo
    assert combo.lineEdit() is not None
    combo.lineEdit().clear()
    type_text(combo.lineEdit(), "市民協働課")
    year = page.year_combo
    year.setCurrentIndex(year.findData(2025))
    type_text(page.issue_edit, "地域で孤立する子育て世帯が増えている")
    page.field_checks[13].click()


def answer_collaboration(wizard: ProjectWizard) -> None:
    for name in (
        "answer_setter_both",
        "answer_own_purpose_yes",
        "answer_support_aim_no",
        "answer_joint_planning_yes",
    ):
        radio(wizard, name).click()


def test_walk_through_and_finish(qtbot: QtBot, ws: Workspace) -> None:
    wizard = make_wizard(qtbot, ws)
    assert wizard.objectName() == "projectWizard"
    assert wizard.currentId() == PAGE_NEEDS
    fill_needs(wizard)
    click_next(wizard)

    assert wizard.currentId() == PAGE_KIND
    answer_collaboration(wizard)
    rec = wizard.currentPage().findChild(QLabel, "recommendationLabel")
    assert "協働" in rec.text() and "役割分担をした上で" in rec.text()  # the manual's sentence
    assert radio(wizard, "kindCollaboration").isChecked()
    click_next(wizard)

    assert wizard.currentId() == PAGE_FORM
    radio(wizard, "formCommission").click()
    note = wizard.currentPage().findChild(QLabel, "formNoteLabel")
    assert "協働" in note.text() and "外部委託" in note.text()  # 委託 is listed under both
    click_next(wizard)

    assert wizard.currentId() == PAGE_PURPOSES
    page = wizard.pages[PAGE_PURPOSES]
    assert "孤立" in page.issue_label.text()
    type_text(page.purpose_edits["行政の目的"], "子育て世帯の孤立を防ぐ")
    type_text(page.purpose_edits["団体の目的"], "子どもの居場所をつくる")
    type_text(page.purpose_edits["共通の目的"], "地域で子どもを見守る")
    page.targets.add_button.click()
    editor = page.targets.table.viewport().findChild(QLineEdit)  # the cell's editor, opened by 行を追加
    assert editor is not None
    type_text(editor, "参加者数")
    page.targets.table.commitData(editor)
    page.targets.table.closeEditor(editor, page.targets.table.itemDelegate().EndEditHint.NoHint)
    model = page.targets.model
    model.setData(model.index(0, 1), "延べ300人")
    model.setData(model.index(0, 2), "令和8年3月31日")
    click_next(wizard)

    assert wizard.currentId() == PAGE_PARTNERS
    partner_page = wizard.pages[PAGE_PARTNERS]
    type_text(partner_page.search_edit, "ミドリ")
    partner_page.search_button.click()
    hits = partner_page.results_model.stringList()
    assert any("ミドリ・ネットワーク" in h for h in hits)
    partner_page.results_view.setCurrentIndex(
        partner_page.results_model.index(next(i for i, h in enumerate(hits) if "ミドリ・ネットワーク" in h))
    )
    partner_page.add_button.click()
    assert len(partner_page.partner_ids()) == 1
    main_id = partner_page.partner_ids()[0]
    method = partner_page.method_combo
    method.setCurrentIndex(method.findData(SelectionMethod.DISCRETIONARY.value))
    partner_page.applicants_spin.setValue(1)
    # the fairness panel counts this choice: 随意契約 without a reason, one applicant
    qtbot.waitUntil(
        lambda: "随意契約の理由が未記録" in partner_page.fairness.flags_label.text(), timeout=5000
    )
    assert "応募1者" in partner_page.fairness.flags_label.text()
    assert [e.fiscal_year for e in partner_page.fairness.history] == [2021, 2022, 2023, 2024, 2025]
    type_text(partner_page.reason_edit, "地域で唯一の子ども食堂の連絡会を運営している")
    type_text(partner_page.review_body_edit, "協働事業審査会")
    type_text(partner_page.published_date.edit, "令和7年5月1日")
    click_next(wizard)

    assert wizard.currentId() == PAGE_ROLES
    roles = wizard.pages[PAGE_ROLES].editor
    expected = default_roles(ProjectForm.COMMISSION.value)
    assert [r[0] for r in roles.model.rows()] == [r.task for r in expected]
    roles.select_row(0)
    roles.down_button.click()  # 企画 after 広報
    roles.model.setData(roles.model.index(1, 2), "市民協働課 山田")
    roles.select_row(7)
    roles.remove_button.click()  # 評価 removed
    click_next(wizard)

    assert wizard.currentId() == PAGE_AGREEMENT
    agreement = wizard.pages[PAGE_AGREEMENT]
    assert agreement.end_date.edit.text() == "2026-03-31"  # 3月31日 of 令和7年度
    type_text(agreement.start_date.edit, "2025-04-01")
    type_text(agreement.budget_edits[next(iter(agreement.budget_edits))], "1,200,000円")
    type_text(agreement.item_edits["情報共有の方法と頻度"], "月1回の定例会")
    click_next(wizard)

    assert wizard.currentId() == PAGE_POINTS
    radio(wizard, "point0_confirmed").click()
    type_text(wizard.pages[PAGE_POINTS].evidence_edits[COLLABORATION_POINTS[0]], "意見交換会で確認")
    radio(wizard, "point4_partial").click()
    click_next(wizard)

    assert wizard.currentId() == PAGE_SUMMARY
    summary = wizard.pages[PAGE_SUMMARY].browser.toPlainText()
    assert "子ども食堂ネットワーク推進事業" in summary and "令和7年度" in summary and "1,200,000円" in summary
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert not wizard.isVisible()
    assert wizard.saved_id is not None

    record = ProjectService(ws).get(wizard.saved_id)
    assert not record.is_draft
    data = record.data
    assert (data.title, data.fiscal_year, data.section) == (
        "子ども食堂ネットワーク推進事業",
        2025,
        "市民協働課",
    )
    assert data.relationship_kind == RelationshipKind.COLLABORATION.value
    assert data.form == ProjectForm.COMMISSION.value
    assert data.fields == [13]
    assert data.purposes["共通の目的"] == "地域で子どもを見守る"
    assert [(t.what, t.amount, t.due_on and t.due_on.isoformat()) for t in data.targets] == [
        ("参加者数", "延べ300人", "2026-03-31")
    ]
    assert [(p.organization_id, p.role) for p in record.partners] == [(main_id, "主たるパートナー")]
    sel = data.selection
    assert sel.method == "随意契約" and sel.applicant_count == 1 and "唯一" in sel.reason
    assert sel.review_body == "協働事業審査会" and sel.published_on is not None and sel.is_published
    assert [r.task for r in data.roles] == [
        "広報",
        "企画",
        "会場確保",
        "参加者募集",
        "当日運営",
        "経費負担",
        "報告書作成",
    ]
    assert data.roles[1].responsible == "市民協働課 山田"
    assert data.budget == {"行政負担": 1_200_000}
    assert data.period_start is not None and data.period_end is not None
    assert data.agreement == {"情報共有の方法と頻度": "月1回の定例会"}
    assert data.points["相互理解"].status == PointStatus.CONFIRMED.value
    assert data.points["相互理解"].evidence == "意見交換会で確認"
    assert data.points["目的の共有"].status == PointStatus.PARTIAL.value
    assert data.points["効果の可視化"].status == PointStatus.NOT_YET.value
    assert data.lead_officer_id is not None
    with ws.session_factory() as s:
        assert s.scalars(select(Project.is_draft)).all() == [False]


def test_next_refused_with_the_message(qtbot: QtBot, ws: Workspace) -> None:
    wizard = make_wizard(qtbot, ws)
    click_next(wizard)
    assert wizard.currentId() == PAGE_NEEDS
    assert "事業名は必須です" in error_text(wizard)
    fill_needs(wizard)
    click_next(wizard)
    assert wizard.currentId() == PAGE_KIND
    click_next(wizard)  # no answers
    assert wizard.currentId() == PAGE_KIND
    assert "に答えてください" in error_text(wizard)
    answer_collaboration(wizard)
    radio(wizard, "kindOutsourcing").click()  # not the recommendation, and no reason
    click_next(wizard)
    assert wizard.currentId() == PAGE_KIND
    assert "推奨（協働）と異なる関係の種類（外部委託）を選ぶときは、その理由を入力してください" in error_text(
        wizard
    )
    type_text(wizard.pages[PAGE_KIND].reason_edit, "仕様は行政が決めるため")
    click_next(wizard)
    assert wizard.currentId() == PAGE_FORM
    click_next(wizard)
    assert "形態を選んでください" in error_text(wizard)
    radio(wizard, "formCoHosting").click()
    click_next(wizard)
    page = wizard.pages[PAGE_PURPOSES]
    page.targets.model.add_row(values=("", "", "いつか"))
    click_next(wizard)
    assert wizard.currentId() == PAGE_PURPOSES
    assert "目標1行目" in error_text(wizard)
    page.targets.model.set_rows([["", "100人", ""]])
    click_next(wizard)
    assert "目標ごとに「何を」を入力してください" in error_text(wizard)
    # every 次へ accepted kept the draft; the refused ones stored nothing of their page
    [draft] = ProjectService(ws).list_projects(drafts=True)
    record = ProjectService(ws).get(draft.id)
    assert record.draft_step == PAGE_PURPOSES and record.data.form == ProjectForm.CO_HOSTING.value
    assert record.data.targets == []
    assert ProjectService(ws).list_projects() == []


def test_leave_midway_and_resume_the_draft(qtbot: QtBot, ws: Workspace) -> None:
    wizard = make_wizard(qtbot, ws)
    fill_needs(wizard)
    click_next(wizard)
    answer_collaboration(wizard)
    click_next(wizard)
    radio(wizard, "formSubsidy").click()
    click_next(wizard)
    assert wizard.currentId() == PAGE_PURPOSES
    type_text(wizard.pages[PAGE_PURPOSES].purpose_edits["共通の目的"], "地域で子どもを見守る")
    wizard.button(QWizard.WizardButton.CancelButton).click()
    assert not wizard.isVisible()
    draft_id = wizard.saved_id
    assert draft_id is not None

    service = ProjectService(ws)
    [draft] = service.list_projects(drafts=True)
    assert draft.id == draft_id and draft.is_draft
    assert service.list_projects() == []  # a draft is not in the lists
    record = service.get(draft_id)
    assert record.draft_step == PAGE_PURPOSES
    assert record.data.form == ProjectForm.SUBSIDY.value
    assert record.data.purposes["共通の目的"] == "地域で子どもを見守る"  # typed on the page left

    again = make_wizard(qtbot, ws, draft_id)
    assert again.currentId() == PAGE_PURPOSES
    assert again.pages[PAGE_PURPOSES].purpose_edits["共通の目的"].toPlainText() == "地域で子どもを見守る"
    assert again.pages[PAGE_NEEDS].title_edit.text() == "子ども食堂ネットワーク推進事業"
    again.button(QWizard.WizardButton.BackButton).click()
    again.button(QWizard.WizardButton.BackButton).click()
    assert again.currentId() == PAGE_KIND  # the stored kind stands without the answers
    assert radio(again, "kindCollaboration").isChecked()
    for _ in range(PAGE_SUMMARY - PAGE_KIND):
        click_next(again)
    assert again.currentId() == PAGE_SUMMARY, error_text(again)
    again.button(QWizard.WizardButton.FinishButton).click()
    assert again.saved_id == draft_id
    done = service.get(draft_id)
    assert not done.is_draft
    assert [r.task for r in done.data.roles] == [r.task for r in default_roles(ProjectForm.SUBSIDY.value)]
    assert service.list_projects(drafts=True) == []
    assert [p.id for p in service.list_projects()] == [draft_id]

    # editing the finished project reopens the same pages, filled in; leaving keeps nothing
    edit = make_wizard(qtbot, ws, draft_id)
    assert edit.currentId() == PAGE_NEEDS
    assert edit.pages[PAGE_NEEDS].title_edit.text() == "子ども食堂ネットワーク推進事業"
    edit.pages[PAGE_NEEDS].title_edit.setText("変えたが保存しない")
    edit.button(QWizard.WizardButton.CancelButton).click()
    assert service.get(draft_id).data.title == "子ども食堂ネットワーク推進事業"
    assert service.get(draft_id).version == done.version


def test_untouched_wizard_keeps_no_draft(qtbot: QtBot, ws: Workspace) -> None:
    wizard = make_wizard(qtbot, ws)
    wizard.reject()
    assert wizard.saved_id is None
    assert ProjectService(ws).list_projects(drafts=True) == []


def test_open_project_wizard_returns_the_id(qtbot: QtBot, ws: Workspace) -> None:
    """The modal entry point: the wizard is found by name, left at page 2, and the draft id returned."""

    def drive() -> None:
        wizard = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "projectWizard")
        assert isinstance(wizard, ProjectWizard)
        fill_needs(wizard)
        click_next(wizard)
        wizard.reject()

    QTimer.singleShot(0, drive)
    draft_id = open_project_wizard(None, ws)
    assert draft_id is not None
    assert ProjectService(ws).get(draft_id).draft_step == PAGE_KIND


def test_every_next_keeps_the_draft_and_its_answers(qtbot: QtBot, ws: Workspace) -> None:
    """A crash mid-way loses at most the page being typed; the questionnaire comes back."""
    service = ProjectService(ws)
    wizard = make_wizard(qtbot, ws)
    fill_needs(wizard)
    click_next(wizard)
    [draft] = service.list_projects(drafts=True)
    first = service.get(draft.id)
    assert first.draft_step == PAGE_KIND and first.data.title == "子ども食堂ネットワーク推進事業"
    assert first.data.lead_officer_id is not None
    answer_collaboration(wizard)
    click_next(wizard)
    second = service.get(draft.id)
    assert second.draft_step == PAGE_FORM and second.version > first.version
    assert second.data.relationship_kind == RelationshipKind.COLLABORATION.value
    assert second.data.kind_answers == {
        "setter": "both",
        "own_purpose": "yes",
        "support_aim": "no",
        "joint_planning": "yes",
    }
    assert second.data.lead_officer_id == first.data.lead_officer_id
    wizard.close()  # as if the program stopped here: the draft is what the last 次へ stored

    again = make_wizard(qtbot, ws, draft.id)
    assert again.currentId() == PAGE_FORM
    again.button(QWizard.WizardButton.BackButton).click()
    assert again.currentId() == PAGE_KIND
    for name in ("answer_setter_both", "answer_own_purpose_yes", "answer_support_aim_no"):
        assert radio(again, name).isChecked(), name
    assert "推奨: 協働" in again.currentPage().findChild(QLabel, "recommendationLabel").text()


def test_a_stale_draft_save_is_refused_with_the_house_message(qtbot: QtBot, ws: Workspace) -> None:
    service = ProjectService(ws)
    wizard = make_wizard(qtbot, ws)
    fill_needs(wizard)
    click_next(wizard)
    [draft] = service.list_projects(drafts=True)
    record = service.get(draft.id)
    record.data.notes = "他の画面で書き足した"
    service.update(draft.id, record.data, expected_version=record.version)  # another window saved
    answer_collaboration(wizard)
    click_next(wizard)
    assert wizard.currentId() == PAGE_KIND  # not moved on
    assert "下書きを保存できませんでした" in error_text(wizard)
    assert "開いた後に他の操作で更新されています" in error_text(wizard)
    assert service.get(draft.id).data.notes == "他の画面で書き足した"  # the other save stands


def _finished_project(qtbot: QtBot, ws: Workspace) -> str:
    wizard = make_wizard(qtbot, ws)
    fill_needs(wizard)
    click_next(wizard)
    answer_collaboration(wizard)
    click_next(wizard)
    radio(wizard, "formSubsidy").click()
    for _ in range(PAGE_SUMMARY - PAGE_FORM):
        click_next(wizard)
    assert wizard.currentId() == PAGE_SUMMARY, error_text(wizard)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.saved_id is not None
    return wizard.saved_id


def test_leaving_an_edit_with_changes_asks_to_discard(
    qtbot: QtBot, ws: Workspace, dialog_calls: DialogRecorder
) -> None:
    pid = _finished_project(qtbot, ws)
    service = ProjectService(ws)
    version = service.get(pid).version
    assert service.get(pid).data.kind_answers["setter"] == "both"

    untouched = make_wizard(qtbot, ws, pid)
    untouched.button(QWizard.WizardButton.CancelButton).click()
    assert not untouched.isVisible()
    assert "confirm" not in dialog_calls.names()  # nothing changed: nothing to ask

    edit = make_wizard(qtbot, ws, pid)
    edit.pages[PAGE_NEEDS].title_edit.setText("変えた事業名")
    dialog_calls.confirm_answer = False
    edit.button(QWizard.WizardButton.CancelButton).click()
    assert edit.isVisible()  # kept open, the change still typed
    assert edit.pages[PAGE_NEEDS].title_edit.text() == "変えた事業名"
    [question] = dialog_calls.texts("confirm")
    assert "変更を破棄して閉じますか" in question and "子ども食堂ネットワーク推進事業" in question
    dialog_calls.confirm_answer = True
    edit.button(QWizard.WizardButton.CancelButton).click()
    assert not edit.isVisible()
    assert service.get(pid).data.title == "子ども食堂ネットワーク推進事業"
    assert service.get(pid).version == version
