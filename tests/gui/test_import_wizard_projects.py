"""The import wizard with 過去の事業一覧: the synthetic past-project list from the 事業 tab's button,
through the mapping (a --set value), drop-invalid and 取り込む, then the database, then undo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project_import import PROJECTS
from kyodo_desktop.gui.importing.history_dialog import COL_STATE
from kyodo_desktop.gui.importing.wizard import PAGE_FILE, PAGE_MAPPING, PAGE_RESULT, PAGE_REVIEW, ImportWizard
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.persistence.models import Organization, Project, ProjectPartner
from kyodo_desktop.services.import_lists import load_mapping_template
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

from ..past_project_list import FIRST_ROW, REGISTERED, write_list
from .conftest import DialogRecorder, type_text, wait_for_rows

#: The list's columns as the wizard proposes them (the two-row header read as one).
PROPOSED = [
    "fiscal_year",
    "title",
    "partner_name",
    "corporate_number",
    "date",
    "amount",
    "selection_reason",
    "section",
    "notes",
]


def _child(parent: QWidget, kind: type[Any], name: str) -> Any:
    widget = parent.findChild(kind, name)
    assert widget is not None, name
    return widget


def _click(qtbot: QtBot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), which
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _next_to(wizard: ImportWizard, qtbot: QtBot, page: int) -> None:
    _click(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.waitUntil(lambda: wizard.currentId() == page and not wizard.busy, timeout=10_000)


def _tick(qtbot: QtBot, check: QCheckBox) -> None:
    assert check.isVisible()
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))


def _choose_file(wizard: ImportWizard, qtbot: QtBot, path: Path) -> None:
    type_text(_child(wizard, QLineEdit, "importFileEdit"), str(path))
    qtbot.waitUntil(lambda: "Excel" in _child(wizard, QLabel, "formatLabel").text(), timeout=3_000)
    sheets = _child(wizard, QComboBox, "sheetCombo")
    qtbot.waitUntil(lambda: sheets.count() == 1, timeout=3_000)


def _choose(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


def _table(view: QTableView) -> list[list[str]]:
    model = view.model()
    return [
        [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _state(folder: Path) -> dict[str, Any]:
    with Workspace.open(folder, write=False) as ws, ws.session_factory() as s:
        projects = list(s.scalars(select(Project)))
        names = {o.id: o.name for o in s.scalars(select(Organization))}
        partners: dict[str, list[str]] = {}
        for link in s.scalars(select(ProjectPartner).order_by(ProjectPartner.position)):
            partners.setdefault(link.project_id, []).append(names[link.organization_id])
        return {
            "projects": {
                (p.fiscal_year, p.title, p.form, p.selection_method, p.import_id): partners.get(p.id, [])
                for p in projects
            },
            "organizations": sorted(names.values()),
        }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A data folder with the list's registered partner in it."""
    data = tmp_path / "data"
    with Workspace.open(data, write=True) as ws:
        OrganizationService(ws).create(
            OrganizationInput(
                name=REGISTERED[0], corporate_number=REGISTERED[1], address="千葉市中央区中央1-1"
            )
        )
    return data


def test_past_projects_from_the_projects_tab_then_undone(
    open_window: Any, folder: Path, tmp_path: Path, qtbot: QtBot, dialog_calls: DialogRecorder
) -> None:
    listed = write_list(tmp_path / "随意契約一覧.xlsx")
    window: MainWindow = open_window(folder)
    registry, projects_tab = window.organizations_tab, window.projects_tab
    assert registry is not None and projects_tab is not None and window.tabs is not None
    wait_for_rows(qtbot, registry, 1)
    window.tabs.setCurrentWidget(projects_tab)
    qtbot.waitUntil(lambda: projects_tab.started and not projects_tab.loading, timeout=10_000)
    assert projects_tab.model.rowCount() == 0

    qtbot.mouseClick(_child(projects_tab, QPushButton, "importProjectsButton"), Qt.MouseButton.LeftButton)
    wizard = registry.findChild(ImportWizard, "importWizard")  # the window's one import wizard
    assert wizard is not None and wizard.isVisible() and wizard.kind is PROJECTS
    assert wizard.currentId() == PAGE_FILE
    assert _child(wizard, QRadioButton, "importKindProjects").isChecked()
    assert wizard.windowTitle() == "過去の事業の取り込み"
    _choose_file(wizard, qtbot, listed)
    assert not _child(wizard, QWidget, "npoOptions").isVisible()

    _next_to(wizard, qtbot, PAGE_MAPPING)
    combos = [_child(wizard, QComboBox, f"mapCombo{i}") for i in range(len(PROPOSED))]
    assert [c.currentData() for c in combos] == PROPOSED
    assert combos[0].count() == len(PROJECTS.targets) + 1  # the 17 fields and 取り込まない
    fixed = _child(wizard, QGroupBox, "fixedValuesBox")
    assert fixed.isVisible()
    type_text(_child(wizard, QLineEdit, "templateNameEdit"), "随意契約一覧")
    qtbot.mouseClick(_child(wizard, QPushButton, "saveTemplateButton"), Qt.MouseButton.LeftButton)
    template = load_mapping_template(folder, "随意契約一覧", kind=PROJECTS)
    assert set(template.values()) == set(PROPOSED)
    # every row the same 選定方法 and 形態 (the CLI's --set 選定方法=随意契約 --set 形態=委託)
    _choose(_child(wizard, QComboBox, "fixedValue_selection_method"), "随意契約")
    _choose(_child(wizard, QComboBox, "fixedValue_form"), "委託")

    _next_to(wizard, qtbot, PAGE_REVIEW)
    counts = _child(wizard, QLabel, "reviewCounts").text()
    assert "新規 3 件" in counts and "エラー 1 件" in counts and "新しく登録する団体 2 件" in counts
    rows = _table(_child(wizard, QTableView, "reviewTable"))
    assert [r[:4] for r in rows] == [
        [str(FIRST_ROW), "新規", "子育て支援講座", "令和2年度"],
        [str(FIRST_ROW + 1), "新規", "子育て支援講座", "令和3年度"],
        [str(FIRST_ROW + 2), "新規", "環境美化事業", "令和4年度"],
        [str(FIRST_ROW + 3), "エラー", "啓発冊子の印刷", ""],
    ]
    assert "みどりの森（法人番号が同じ）" in rows[0][4] and "あおぞら（新しい団体として登録）" in rows[0][4]
    # the same partner under another name, beside the name it is registered under
    assert rows[1][4] == f"NPO法人 みどりの森 → {REGISTERED[0]}（団体名が同じ）"
    assert rows[0][4].startswith(f"{REGISTERED[0]}（法人番号が同じ）")  # the same name: said once
    assert rows[0][5] == "1,200,000" and rows[1][5] == "1,300,000"
    problems = _table(_child(wizard, QTableView, "problemList"))
    assert [p[:2] for p in problems] == [[str(FIRST_ROW + 3), "契約金額"]]
    assert "金額として読めません" in problems[0][2]
    finish = wizard.button(QWizard.WizardButton.FinishButton)
    assert not finish.isEnabled()  # an error row: drop-invalid or valid-only must be chosen
    assert _state(folder)["organizations"] == [REGISTERED[0]]  # nothing written yet

    # 「誤りのある値を除いて取り込む」: the unit-price row is kept without its amount
    _tick(qtbot, _child(wizard, QCheckBox, "dropInvalidCheck"))
    qtbot.waitUntil(lambda: not wizard.busy and "新規 4 件" in _child(wizard, QLabel, "reviewCounts").text())
    assert "新しく登録する団体 3 件" in _child(wizard, QLabel, "reviewCounts").text()
    problems = _table(_child(wizard, QTableView, "problemList"))
    assert [p[:2] for p in problems] == [[str(FIRST_ROW + 3), "契約金額"]]
    assert "この値を取り込まずに登録します" in problems[0][2]
    assert finish.isEnabled()
    finished: list[Any] = []
    wizard.import_finished.connect(finished.append)
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
    qtbot.waitUntil(lambda: wizard.currentId() == PAGE_RESULT and not wizard.busy, timeout=10_000)
    result = _child(wizard, QLabel, "importResult").text()
    assert "事業 4 件、新しい団体 3 件を取り込みました。" in result and "バックアップ" in result
    import_id = finished[0].import_id
    assert Path(finished[0].backup_path).is_file()

    state = _state(folder)
    assert state["projects"] == {
        (2020, "子育て支援講座", "委託", "随意契約", import_id): [REGISTERED[0], "一般社団法人あおぞら"],
        (2021, "子育て支援講座", "委託", "随意契約", import_id): [REGISTERED[0]],
        (2022, "環境美化事業", "委託", "随意契約", import_id): ["公益財団法人ちば環境財団"],
        (2022, "啓発冊子の印刷", "委託", "随意契約", import_id): ["株式会社さくら印刷"],
    }
    assert state["organizations"] == sorted(
        [REGISTERED[0], "一般社団法人あおぞら", "公益財団法人ちば環境財団", "株式会社さくら印刷"]
    )
    qtbot.waitUntil(lambda: projects_tab.model.rowCount() == 4 and not projects_tab.loading, timeout=10_000)
    wait_for_rows(qtbot, registry, 4)
    _click(qtbot, wizard, QWizard.WizardButton.FinishButton)  # 閉じる
    qtbot.waitUntil(lambda: registry.findChild(ImportWizard, "importWizard") is None, timeout=3_000)

    # 取り込みの履歴 → 元に戻す: the projects and the organizations the import made are gone
    window.safety_net.import_history_action.trigger()
    dialog = window.safety_net.import_history
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    assert dialog.selected_import() is not None and dialog.selected_import().import_id == import_id
    with qtbot.waitSignal(dialog.undone, timeout=10_000):
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert dialog_calls.names() == ["confirm"]
    assert "随意契約一覧.xlsx" in dialog_calls.texts("confirm")[0]
    qtbot.waitUntil(lambda: dialog.model.index(0, COL_STATE).data() == "取り消し済み", timeout=10_000)
    assert _state(folder) == {"projects": {}, "organizations": [REGISTERED[0]]}


def test_the_kind_chooser_of_the_import_action(
    open_window: Any, folder: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    listed = write_list(tmp_path / "随意契約一覧.xlsx")
    window: MainWindow = open_window(folder)
    registry = window.organizations_tab
    assert registry is not None
    wait_for_rows(qtbot, registry, 1)
    _child(registry, QAction, "importAction").trigger()
    wizard = registry.findChild(ImportWizard, "importWizard")
    assert wizard is not None
    assert _child(wizard, QRadioButton, "importKindOrganizations").isChecked()
    assert wizard.windowTitle() == "団体の取り込み"
    _choose_file(wizard, qtbot, listed)
    _next_to(wizard, qtbot, PAGE_MAPPING)  # read as an organization list
    assert not _child(wizard, QGroupBox, "fixedValuesBox").isVisible()
    organization_combo = _child(wizard, QComboBox, "mapCombo1")
    assert organization_combo.findData("title") < 0 and organization_combo.findData("name") >= 0

    _click(qtbot, wizard, QWizard.WizardButton.BackButton)
    qtbot.mouseClick(_child(wizard, QRadioButton, "importKindProjects"), Qt.MouseButton.LeftButton)
    assert wizard.kind is PROJECTS and wizard.windowTitle() == "過去の事業の取り込み"
    _next_to(wizard, qtbot, PAGE_MAPPING)  # the file read again for the projects' targets
    assert [_child(wizard, QComboBox, f"mapCombo{i}").currentData() for i in range(len(PROPOSED))] == PROPOSED
    assert _child(wizard, QGroupBox, "fixedValuesBox").isVisible()
    # the 事業 tab's button brings the same wizard forward
    assert window.projects_tab is not None
    assert window.projects_tab.open_import_wizard() is wizard
    wizard.reject()


def test_a_tab_without_a_window_opens_its_own_wizard_and_saves_the_review(
    folder: Path, tmp_path: Path, qtbot: QtBot, dialog_calls: DialogRecorder
) -> None:
    from openpyxl import load_workbook

    from kyodo_desktop.gui.projects.tab import ProjectsTab

    listed = write_list(tmp_path / "随意契約一覧.xlsx")
    with Workspace.open(folder, write=True) as ws:
        tab = ProjectsTab(ws)
        qtbot.addWidget(tab)
        tab.show()
        qtbot.waitUntil(lambda: tab.started and not tab.loading, timeout=10_000)
        wizard = tab.open_import_wizard()
        assert isinstance(wizard, ImportWizard) and wizard.kind is PROJECTS and wizard.isVisible()
        _choose_file(wizard, qtbot, listed)
        _next_to(wizard, qtbot, PAGE_MAPPING)
        type_text(_child(wizard, QLineEdit, "fixedValue_section"), "市民協働課")
        _next_to(wizard, qtbot, PAGE_REVIEW)
        # 「この内容をExcelに保存…」 writes the workbook of ``kyodo projects import --summary``
        out = tmp_path / "確認結果.xlsx"
        dialog_calls.save_path = str(out)
        qtbot.mouseClick(_child(wizard, QPushButton, "saveSummaryButton"), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not wizard.busy and out.is_file(), timeout=10_000)
        assert "保存しました" in _child(wizard, QLabel, "summaryStatus").text()
        cells = {str(c.value) for sheet in load_workbook(out) for row in sheet.iter_rows() for c in row}
        assert {"子育て支援講座", "環境美化事業"} <= cells
        # the 担当課 given for every row wins over the list's column (環境政策課 on row 7)
        assert {p.row.data.project.section for p in wizard.plan.rows if p.row.data} == {"市民協働課"}
        _tick(qtbot, _child(wizard, QCheckBox, "validOnlyCheck"))
        _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
        qtbot.waitUntil(lambda: wizard.currentId() == PAGE_RESULT and not wizard.busy, timeout=10_000)
        qtbot.waitUntil(lambda: tab.model.rowCount() == 3 and not tab.loading, timeout=10_000)  # reloaded
        _click(qtbot, wizard, QWizard.WizardButton.FinishButton)
        tab.shutdown()
