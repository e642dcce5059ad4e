"""The 事業 tab driven with qtbot: filters, detail, stage dialog, log, trash, drafts, wizard hook,
and the organization form's 事業 tab. Every change is checked in the data file."""

from __future__ import annotations

import json
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.gui.projects import tab as tab_module
from kyodo_desktop.gui.projects.tab import ProjectsTab
from kyodo_desktop.gui.projects.table_model import COL_PARTNER, COL_TITLE, COL_YEAR
from kyodo_desktop.persistence import audit
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace
from tests.gui.conftest import TOTAL, DialogRecorder, type_text, wait_for_rows


@dataclass
class Stored:
    """The ids made before the window opened."""

    green: str
    sky: str
    meals: str  # 2024, 協働・委託, みどり (main), period ended, 課題・ニーズの把握 → overdue
    river: str  # 2025, 支援・補助, あおぞら (main) + みどり (協力), review date passed
    drill: str  # 2025, 協働・共催, あおぞら, 評価
    draft: str


@pytest.fixture
def stored(filled_dir: Path) -> Stored:
    with Workspace.open(filled_dir, write=True) as ws:
        orgs = OrganizationService(ws)
        green = orgs.create(OrganizationInput(name="みどりの会", address="千葉市中央区1-1"))
        sky = orgs.create(OrganizationInput(name="あおぞらネット", kana="アオゾラネット"))
        svc = ProjectService(ws)
        meals = svc.create(
            ProjectInput(
                title="子ども食堂の運営",
                fiscal_year=2024,
                section="県民生活課",
                relationship_kind="協働",
                form="委託",
                fields=[13],
                partners=[PartnerInput(green)],
            ),
            stage_on=date(2024, 4, 1),
        )
        river = svc.create(
            ProjectInput(
                title="河川清掃の協働",
                fiscal_year=2025,
                section="環境政策課",
                relationship_kind="支援",
                form="補助・助成",
                fields=[7],
                partners=[PartnerInput(sky), PartnerInput(green, "協力団体")],
                period_end=date(2099, 3, 31),
                review_on=date(2020, 1, 1),
            ),
            stage="実施",
            stage_on=date(2025, 4, 1),
        )
        drill = svc.create(
            ProjectInput(
                title="防災訓練の共催",
                fiscal_year=2025,
                section="危機管理課",
                relationship_kind="協働",
                form="共催",
                fields=[5],
                partners=[PartnerInput(sky)],
                period_end=date(2099, 3, 31),
            ),
            stage="評価",
            stage_on=date(2025, 4, 1),
        )
        draft = svc.create(ProjectInput(title="下書きの事業"), draft=True, draft_step=2)
    return Stored(green, sky, meals, river, drill, draft)


@pytest.fixture
def reader(filled_dir: Path) -> Iterator[ProjectService]:
    ws = Workspace.open(filled_dir, write=False)
    yield ProjectService(ws)
    ws.close()


def _window(open_window: Any, filled_dir: Path, qtbot: QtBot) -> MainWindow:
    win: MainWindow = open_window(filled_dir)
    assert win.organizations_tab is not None
    wait_for_rows(qtbot, win.organizations_tab, TOTAL + 2)
    return win


def _show_tab(qtbot: QtBot, win: MainWindow) -> ProjectsTab:
    tab = win.projects_tab
    assert tab is not None and win.tabs is not None
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        win.tabs.setCurrentWidget(tab)
    return tab


def _wait_loaded(qtbot: QtBot, tab: ProjectsTab) -> None:
    qtbot.waitUntil(lambda: not tab.loading, timeout=10_000)


def _listed(tab: ProjectsTab) -> set[str]:
    return set(tab.model.ids())


@pytest.fixture
def win(open_window: Any, filled_dir: Path, qtbot: QtBot, stored: Stored) -> MainWindow:
    return _window(open_window, filled_dir, qtbot)


def test_rows_are_read_when_the_tab_is_first_shown(qtbot: QtBot, win: MainWindow, stored: Stored) -> None:
    tab = win.projects_tab
    assert tab is not None and tab.objectName() == "projectsTab"
    assert win.tabs is not None and win.tabs.indexOf(tab) == 2  # after ホーム and 団体台帳
    assert win.tabs.tabText(2) == "事業"
    assert not tab.started and tab.model.rowCount() == 0
    tab = _show_tab(qtbot, win)
    assert tab.model.ids() == [stored.drill, stored.river, stored.meals]  # 年度 desc, 担当課; no draft
    meals = tab.model.row_of(stored.meals)
    assert tab.model.index(meals, COL_YEAR).data() == "令和6年度"
    assert tab.model.index(meals, COL_PARTNER).data() == "みどりの会"
    assert tab.model.index(tab.model.row_of(stored.river), COL_PARTNER).data() == "あおぞらネット"
    assert tab.count_label.text() == "3 件"


def test_filters_narrow_the_rows_as_the_data_file_says(
    qtbot: QtBot, win: MainWindow, stored: Stored, reader: ProjectService
) -> None:
    tab = _show_tab(qtbot, win)
    f = tab.filters

    def choose(combo: Any, value: Any) -> None:
        with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
            combo.setCurrentIndex(combo.findData(value))

    def db(**query: Any) -> set[str]:
        return {s.id for s in reader.list_projects(**query)}

    assert f.year_filter.findText("令和7年度") > 0 and f.section_filter.findText("環境政策課") > 0
    choose(f.year_filter, 2025)
    assert _listed(tab) == db(fiscal_year=2025) == {stored.river, stored.drill}
    choose(f.kind_filter, "協働")
    assert _listed(tab) == db(fiscal_year=2025, kind="協働") == {stored.drill}
    choose(f.kind_filter, None)
    choose(f.year_filter, None)
    choose(f.form_filter, "補助・助成")
    assert _listed(tab) == db(form="補助・助成") == {stored.river}
    choose(f.form_filter, None)
    choose(f.stage_filter, "評価")
    assert _listed(tab) == db(stage="評価") == {stored.drill}
    choose(f.stage_filter, None)
    choose(f.section_filter, "県民生活課")
    assert _listed(tab) == db(section="県民生活課") == {stored.meals}
    choose(f.section_filter, None)
    choose(f.field_filter, 7)
    assert _listed(tab) == db(field=7) == {stored.river}
    choose(f.field_filter, None)
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        type_text(f.partner_edit, "みどり")
    assert _listed(tab) == db(partner="みどり") == {stored.meals, stored.river}  # 協力団体 too
    assert tab.count_label.text() == "2 件"
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        f.clear()
    assert len(_listed(tab)) == 3


def test_overdue_rows_and_detail_are_flagged(qtbot: QtBot, win: MainWindow, stored: Stored) -> None:
    tab = _show_tab(qtbot, win)
    meals, drill = tab.model.row_of(stored.meals), tab.model.row_of(stored.drill)
    assert "評価が未実施" in tab.model.index(meals, COL_TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert tab.model.index(meals, COL_TITLE).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert tab.model.index(drill, COL_TITLE).data(Qt.ItemDataRole.ForegroundRole) is None
    tab.select_id(stored.river)
    assert tab.detail.record is not None and tab.detail.record.id == stored.river
    assert not tab.detail.flags_label.isHidden()
    assert "見直し予定日を過ぎています" in tab.detail.flags_label.text()
    assert tab.detail.partners.texts(0) == ["あおぞらネット", "みどりの会"]
    assert tab.detail.partners.texts(1) == ["主たるパートナー", "協力団体"]
    assert tab.detail.stages.texts(0) == ["実施"]
    assert len(tab.detail.points.texts(0)) == 6 and set(tab.detail.points.texts(1)) == {"未"}
    tab.select_id(stored.drill)
    assert tab.detail.flags_label.isHidden()


def test_advance_the_stage_through_the_dialog(
    qtbot: QtBot, win: MainWindow, stored: Stored, reader: ProjectService
) -> None:
    tab = _show_tab(qtbot, win)
    tab.select_id(stored.meals)
    qtbot.mouseClick(tab.stage_button, Qt.MouseButton.LeftButton)
    dialog = tab.findChild(object, "stageDialog")
    assert dialog is not None
    assert dialog.stage_combo.currentData() == "協働の検討"  # the next one of the cycle
    offered = [dialog.stage_combo.itemData(n) for n in range(dialog.stage_combo.count())]
    assert "中止" in offered and "終了" in offered and "課題・ニーズの把握" not in offered
    assert dialog.date_edit.text() == date.today().isoformat()
    dialog.date_edit.setText("2024-06-01")
    type_text(dialog.note_edit, "団体と初回打合せ")
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    rec = reader.get(stored.meals)
    assert rec.stage == "協働の検討" and rec.version == 2
    change = rec.stage_changes[-1]
    assert (change.stage, change.changed_on, change.note) == (
        "協働の検討",
        date(2024, 6, 1),
        "団体と初回打合せ",
    )
    with reader.ws.session_factory() as s:
        rows = [(r.action, r.officer, json.loads(r.changes)) for r in audit.history(s, stored.meals)]
    assert rows[-1][0] == "stage" and rows[-1][2]["stage"] == ["課題・ニーズの把握", "協働の検討"]
    assert rows[-1][2]["note"] == [None, "団体と初回打合せ"]
    assert tab.current_id() == stored.meals  # still selected, the detail shows the new stage
    assert tab.detail.stages.texts(0) == ["課題・ニーズの把握", "協働の検討"]
    assert tab.model.index(tab.model.row_of(stored.meals), 4).data() == "協働の検討"


def test_an_invalid_date_keeps_the_dialog_open(qtbot: QtBot, win: MainWindow, stored: Stored) -> None:
    tab = _show_tab(qtbot, win)
    tab.select_id(stored.meals)
    dialog = tab.advance_stage()
    assert dialog is not None
    dialog.date_edit.setText("2023-01-01")  # before the previous change
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "前回の変更日" in dialog.error_label.text()
    dialog.date_edit.setText("いつか")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "日付の形式" in dialog.error_label.text()
    dialog.reject()


def test_a_stale_stage_change_is_refused_and_told(
    qtbot: QtBot, win: MainWindow, stored: Stored, reader: ProjectService, dialog_calls: DialogRecorder
) -> None:
    tab = _show_tab(qtbot, win)
    tab.select_id(stored.meals)
    dialog = tab.advance_stage()
    assert dialog is not None
    # meanwhile the project changes (another form of this window, say)
    tab.service().change_stage(stored.meals, "終了", changed_on=date(2024, 5, 1), expected_version=1)
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog_calls.names() == ["error"]
    assert "版1、現在: 版2" in dialog_calls.texts("error")[0]
    assert [c.stage for c in reader.get(stored.meals).stage_changes] == ["課題・ニーズの把握", "終了"]
    assert tab.detail.record is not None and tab.detail.record.stage == "終了"  # shown as it is now


def test_add_a_progress_log_entry(
    qtbot: QtBot, win: MainWindow, stored: Stored, reader: ProjectService
) -> None:
    tab = _show_tab(qtbot, win)
    tab.select_id(stored.drill)
    dialog = tab.add_log_entry()
    assert dialog is not None
    dialog.date_edit.setText("令和7年5月2日")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "必須" in dialog.error_label.text()  # no text yet
    type_text(dialog.text_edit, "中間報告を受領")
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    log = reader.get(stored.drill).log
    assert [(e.occurred_on, e.text) for e in log] == [(date(2025, 5, 2), "中間報告を受領")]
    assert tab.detail.log.texts(1) == ["中間報告を受領"]
    with reader.ws.session_factory() as s:
        assert audit.history(s, stored.drill)[-1].action == "log"


def test_trash_and_restore(
    qtbot: QtBot, win: MainWindow, stored: Stored, reader: ProjectService, dialog_calls: DialogRecorder
) -> None:
    tab = _show_tab(qtbot, win)
    tab.select_id(stored.river)
    assert tab.trash_button.text() == "ゴミ箱へ移動"
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        qtbot.mouseClick(tab.trash_button, Qt.MouseButton.LeftButton)
    assert dialog_calls.names() == ["confirm"] and "河川清掃の協働" in dialog_calls.texts("confirm")[0]
    assert reader.get(stored.river).deleted_at is not None
    assert stored.river not in _listed(tab)
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        tab.trash_toggle.click()
    assert tab.model.ids() == [stored.river] and tab.count_label.text() == "ゴミ箱: 1 件"
    tab.select_id(stored.river)
    assert tab.trash_button.text() == "元に戻す" and not tab.stage_button.isEnabled()
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        tab.trash_button.click()
    assert reader.get(stored.river).deleted_at is None and tab.model.rowCount() == 0
    with reader.ws.session_factory() as s:
        assert [r.action for r in audit.history(s, stored.river)][-2:] == ["delete", "restore"]
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        tab.trash_toggle.click()
    assert stored.river in _listed(tab)


def test_without_the_wizard_its_buttons_are_disabled_and_say_why(
    qtbot: QtBot, open_window: Any, filled_dir: Path, stored: Stored, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(tab_module, "wizard_available", lambda: False)
    win = _window(open_window, filled_dir, qtbot)
    tab = _show_tab(qtbot, win)
    assert not tab.new_button.isEnabled() and "ウィザード" in tab.new_button.toolTip()
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        tab.drafts_toggle.click()
    assert tab.model.ids() == [stored.draft] and tab.count_label.text() == "下書き: 1 件"
    tab.select_id(stored.draft)
    assert tab.resume_button.isVisibleTo(tab) and not tab.edit_button.isVisibleTo(tab)
    assert not tab.resume_button.isEnabled() and "ウィザード" in tab.resume_button.toolTip()
    assert not tab.stage_button.isEnabled()


def test_new_edit_and_resume_call_the_wizard(
    qtbot: QtBot, open_window: Any, filled_dir: Path, stored: Stored, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[Any, Any, str | None]] = []

    def open_project_wizard(parent: Any, workspace: Any, project_id: str | None = None) -> str | None:
        calls.append((parent, workspace, project_id))
        return stored.drill if project_id is None else None

    fake = types.ModuleType(tab_module.WIZARD_MODULE)
    fake.open_project_wizard = open_project_wizard  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, tab_module.WIZARD_MODULE, fake)
    monkeypatch.setattr(tab_module, "wizard_available", lambda: True)
    win = _window(open_window, filled_dir, qtbot)
    tab = _show_tab(qtbot, win)
    assert tab.new_button.isEnabled()
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    assert calls == [(tab, win.workspace, None)]
    assert tab.current_id() == stored.drill  # the saved project is selected
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    assert calls[-1][2] == stored.drill
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        tab.drafts_toggle.click()
    tab.select_id(stored.draft)
    with qtbot.waitSignal(tab.rows_loaded, timeout=10_000):
        qtbot.mouseClick(tab.resume_button, Qt.MouseButton.LeftButton)
    assert calls[-1][2] == stored.draft


def test_a_partner_double_click_opens_the_organization_form(
    qtbot: QtBot, win: MainWindow, stored: Stored
) -> None:
    tab = _show_tab(qtbot, win)
    tab.select_id(stored.river)
    table = tab.detail.partner_table
    tab.detail.tabs.setCurrentWidget(table)
    qtbot.waitUntil(table.isVisible)
    rect = table.visualRect(tab.detail.partners.index(1, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a real one starts so
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.organizations_tab is not None
    assert [d.org_id for d in win.organizations_tab.open_dialogs()] == [stored.green]


def test_the_organization_form_lists_its_projects(
    qtbot: QtBot, win: MainWindow, stored: Stored, reader: ProjectService
) -> None:
    assert win.organizations_tab is not None and win.projects_tab is not None
    dialog = win.organizations_tab.open_organization(stored.green)
    assert dialog is not None
    tabs = dialog.findChild(object, "dialogTabs")
    assert tabs.tabText(4) == "事業"
    qtbot.waitExposed(dialog)
    tabs.setCurrentIndex(4)
    table = dialog.findChild(object, "orgProjectsTable")
    qtbot.waitUntil(table.isVisible)
    model = table.model()
    expected = reader.projects_of_organization(stored.green)
    assert [p.id for p in expected] == [stored.river, stored.meals]
    assert model.texts(1) == ["河川清掃の協働", "子ども食堂の運営"]
    assert model.texts(0) == ["令和7年度", "令和6年度"]
    assert model.texts(2) == ["協力団体", "主たるパートナー"]
    assert model.texts(4) == ["実施", "課題・ニーズの把握"]
    rect = table.visualRect(model.index(1, 1))
    with qtbot.waitSignal(win.projects_tab.rows_loaded, timeout=10_000):
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _wait_loaded(qtbot, win.projects_tab)
    assert win.tabs is not None and win.tabs.currentWidget() is win.projects_tab
    qtbot.waitUntil(lambda: win.projects_tab is not None and win.projects_tab.current_id() == stored.meals)
    assert win.projects_tab.detail.record is not None and win.projects_tab.detail.record.id == stored.meals


def test_the_models_pass_the_model_tester(qtmodeltester: Any, win: MainWindow, qtbot: QtBot) -> None:
    tab = _show_tab(qtbot, win)
    qtmodeltester.check(tab.model)
    tab.select_id(tab.model.row_id(0))
    qtmodeltester.check(tab.detail.stages)
    qtmodeltester.check(tab.detail.points)
