"""The project detail panel driven with qtbot: the relationship kind's account, the change
history, and adding and correcting progress log entries (checked in the database)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput
from kyodo_desktop.gui.projects.detail_panel import TAB_HISTORY, TAB_KIND, ProjectDetailPanel
from kyodo_desktop.gui.projects.stage_dialog import LogEntryDialog
from kyodo_desktop.persistence import audit
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

from .conftest import DialogRecorder, type_text

PARK = {"setter": "administration", "own_purpose": "yes", "support_aim": "no", "joint_planning": "no"}
REASON = "団体の提案に基づいて協議し、仕様書に双方の目的を反映させる"


@pytest.fixture
def project(ws: Workspace) -> str:
    org = OrganizationService(ws).create(OrganizationInput(name="みどりの会", municipality_name="千葉市"))
    svc = ProjectService(ws)
    pid = svc.create(
        ProjectInput(
            title="公園の管理",
            fiscal_year=2025,
            section="公園緑地課",
            partners=[PartnerInput(org, "主たるパートナー")],
            relationship_kind="協働",
            kind_reason=REASON,
            kind_answers=dict(PARK),
            form="委託",
        ),
        stage_on=date(2025, 4, 1),
    )
    record = svc.get(pid)
    record.data.section = "みどり推進課"
    record.data.fiscal_year = 2026
    svc.update(pid, record.data, expected_version=record.version)
    svc.change_stage(
        pid,
        "協働の検討",
        changed_on=date(2026, 4, 10),
        note="打合せ開始",
        expected_version=record.version + 1,
    )
    svc.add_log(pid, date(2026, 4, 20), "第1回打合せ")
    return pid


def _panel(qtbot: QtBot, ws: Workspace, pid: str) -> ProjectDetailPanel:
    panel = ProjectDetailPanel(ws)
    qtbot.addWidget(panel)
    panel.resize(900, 520)
    panel.show()
    panel.show_record(ProjectService(ws).get(pid), [])
    return panel


def _grab(panel: ProjectDetailPanel, name: str) -> None:
    """Save what the panel shows when KYODO_GRAB names a folder (to look at it as a person would)."""
    folder = os.environ.get("KYODO_GRAB")
    if folder:
        panel.grab().save(str(Path(folder) / f"{name}.png"))


def test_the_kind_tab_shows_answers_recommendation_choice_and_reason(
    qtbot: QtBot, ws: Workspace, project: str
) -> None:
    panel = _panel(qtbot, ws, project)
    panel.tabs.setCurrentIndex(TAB_KIND)
    assert panel.tabs.tabText(TAB_KIND) == "関係の種類"
    text = panel.kind_label.text()
    assert "推奨: 外部委託" in text
    assert "「「行政のやりたいこと」をNPOが実現する」" in text  # the manual's words
    assert "選んだ種類: 協働（推奨と異なる）" in text
    assert "推奨と異なる理由: " + REASON in text
    assert "事業の目的と内容を決めるのは誰ですか — <b>行政</b>" in text
    assert "役割分担をして、計画の策定や実施を双方で行いますか — <b>いいえ</b>" in text
    _grab(panel, "kind")


def test_the_history_tab_lists_the_projects_audit_rows(qtbot: QtBot, ws: Workspace, project: str) -> None:
    panel = _panel(qtbot, ws, project)
    assert panel.history is None  # made and read only when its tab is shown
    panel.tabs.setCurrentIndex(TAB_HISTORY)
    assert panel.history is not None
    model = panel.history.model
    assert model.rowCount() == 4
    rows = [[model.index(r, c).data() for c in range(5)] for r in range(4)]
    assert [r[3] for r in rows] == ["事業 経過の記録", "事業 段階の変更", "事業 変更", "事業 登録"]
    assert rows[0][4] == "経過の日付: （空） → 令和8年4月20日；経過の内容: （空） → 第1回打合せ"
    assert (
        "段階: 課題・ニーズの把握 → 協働の検討" in rows[1][4]
        and "日付: （空） → 令和8年4月10日" in rows[1][4]
    )
    assert "年度: 令和7年度 → 令和8年度" in rows[2][4] and "担当課: 公園緑地課 → みどり推進課" in rows[2][4]
    assert "パートナー: （空） → みどりの会（主たるパートナー）" in rows[3][4]
    assert "関係の種類の問いへの答え: （空） → 事業の目的と内容を決めるのは誰ですか: 行政" in rows[3][4]
    assert rows[0][0].startswith("令和") and rows[0][1] == ws.officer.name
    assert not panel.history.undo_button.isVisible()
    _grab(panel, "history")


def _choose_log_row(qtbot: QtBot, panel: ProjectDetailPanel, row: int) -> None:
    panel.tabs.setCurrentWidget(panel.log_tab)
    qtbot.waitUntil(panel.log_table.isVisible)
    panel.log_table.selectRow(row)


def test_add_and_correct_a_log_entry(qtbot: QtBot, ws: Workspace, project: str) -> None:
    panel = _panel(qtbot, ws, project)
    svc = ProjectService(ws)
    panel.log_changed.connect(lambda pid, _changed: panel.show_record(svc.get(pid), []))
    _choose_log_row(qtbot, panel, 0)
    qtbot.mouseClick(panel.log_tab.add_button, Qt.MouseButton.LeftButton)
    shown = [d for d in panel.log_tab.findChildren(LogEntryDialog) if d.isVisible()]
    assert len(shown) == 1 and shown[0].windowTitle() == "経過を記録"
    dialog = shown[0]
    dialog.date_edit.setText("令和8年5月1日")
    type_text(dialog.text_edit, "現地確認")
    with qtbot.waitSignal(panel.log_changed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert [(e.occurred_on, e.text) for e in svc.get(project).log][-1] == (date(2026, 5, 1), "現地確認")

    _choose_log_row(qtbot, panel, 0)
    rect = panel.log_table.visualRect(panel.log.index(0, 1))
    qtbot.mouseClick(
        panel.log_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )  # as a real one
    qtbot.mouseDClick(panel.log_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialogs = [d for d in panel.log_tab.findChildren(LogEntryDialog) if d.isVisible()]
    assert len(dialogs) == 1 and dialogs[0].text_edit.toPlainText() == "第1回打合せ"
    fix = dialogs[0]
    fix.text_edit.clear()
    type_text(fix.text_edit, "第1回打合せ（公園事務所）")
    with qtbot.waitSignal(panel.log_changed):
        fix.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    log = svc.get(project).log
    assert [(e.occurred_on, e.text) for e in log] == [
        (date(2026, 4, 20), "第1回打合せ(公園事務所)"),  # stored NFKC-normalised, as every text
        (date(2026, 5, 1), "現地確認"),
    ]
    with ws.session_factory() as s:
        last = audit.history(s, project)[-1]
    assert last.action == "log_update"
    assert '"text": ["第1回打合せ", "第1回打合せ(公園事務所)"]' in last.changes


def test_a_stale_correction_is_refused_and_told(
    qtbot: QtBot, ws: Workspace, project: str, dialog_calls: DialogRecorder
) -> None:
    panel = _panel(qtbot, ws, project)
    svc = ProjectService(ws)
    _choose_log_row(qtbot, panel, 0)
    dialog = panel.log_tab.correct_selected()
    assert dialog is not None
    entry = svc.get(project).log[0]
    svc.correct_log(project, entry.id, entry.occurred_on, "他の職員が直した", expected=entry)
    type_text(dialog.text_edit, "追記")
    with qtbot.waitSignal(panel.log_changed) as signal:
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert signal.args == [project, False]
    assert svc.get(project).log[0].text == "他の職員が直した"  # the other correction stands
    assert any("他の操作で修正されています" in t for t in dialog_calls.texts("error"))


def test_read_only_panel_has_no_log_buttons_enabled(qtbot: QtBot, ws: Workspace, project: str) -> None:
    record = ProjectService(ws).get(project)
    panel = ProjectDetailPanel()
    qtbot.addWidget(panel)
    panel.show_record(record, [])
    assert panel.history is None and not panel.log_tab.add_button.isVisibleTo(panel)
    assert panel.log_tab.add_entry() is None


def test_the_stage_history_and_the_log_show_their_dates_as_wareki(
    qtbot: QtBot, ws: Workspace, project: str
) -> None:
    panel = _panel(qtbot, ws, project)
    assert panel.stages.texts(1) == ["令和7年4月1日", "令和8年4月10日"]
    assert "打合せ開始" in panel.stages.texts(2)
    assert panel.log.texts(0) == ["令和8年4月20日"]
