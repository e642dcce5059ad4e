"""The export's choice 「事業一覧・公平性チェック・評価サマリーのシートも書き出す」: off for a
filtered list until ticked, on for the whole registry until chosen otherwise, remembered in
settings.json."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.project import PartnerInput, ProjectInput
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.gui.organizations.tab import OrganizationsTab
from kyodo_desktop.services.export_projects import FAIRNESS_TITLE, PROJECTS_TITLE
from kyodo_desktop.services.export_xlsx import SHEET_TITLE
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

from .conftest import TOTAL, DialogRecorder, wait_for_rows
from .test_export_sheets import _export


@pytest.fixture
def with_project(filled_dir: Path) -> Path:
    with Workspace.open(filled_dir, write=True) as ws:
        with ws.engine.connect() as c:
            org = c.exec_driver_sql("SELECT id FROM organizations ORDER BY kana LIMIT 1").scalar()
        ProjectService(ws).create(
            ProjectInput(
                title="公園の花壇づくり", fiscal_year=2025, section="公園緑地課", partners=[PartnerInput(org)]
            ),
            stage_on=date(2025, 4, 1),
        )
    return filled_dir


@pytest.fixture
def projects_tab(open_window: Any, with_project: Path, qtbot: QtBot) -> OrganizationsTab:
    win: MainWindow = open_window(with_project)
    assert win.organizations_tab is not None
    wait_for_rows(qtbot, win.organizations_tab, TOTAL)
    return win.organizations_tab


def _sheets(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return list(book.sheetnames)
    finally:
        book.close()


def _projects_box(dialog_calls: DialogRecorder) -> QCheckBox:
    [box] = [c for c in dialog_calls.checks if c.objectName() == "exportProjects"]
    assert box.text() == "事業一覧・公平性チェック・評価サマリーのシートも書き出す"
    return box


def test_a_filtered_export_leaves_the_project_sheets_out_until_ticked(
    projects_tab: OrganizationsTab,
    qtbot: QtBot,
    dialog_calls: DialogRecorder,
    tmp_path: Path,
    with_project: Path,
) -> None:
    combo = projects_tab.findChild(QComboBox, "municipalityFilter")
    assert combo is not None
    combo.setCurrentIndex(combo.findText("千葉市"))
    qtbot.waitUntil(lambda: 0 < projects_tab.model.rowCount() < TOTAL, timeout=10_000)

    _export(projects_tab, qtbot, dialog_calls, tmp_path / "filtered.xlsx")
    assert not _projects_box(dialog_calls).isChecked()
    assert _sheets(tmp_path / "filtered.xlsx") == [SHEET_TITLE]

    def tick(checks: list[QCheckBox]) -> None:
        box = next(c for c in checks if c.objectName() == "exportProjects")
        box.show()
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
        box.hide()

    dialog_calls.calls.clear()
    dialog_calls.on_choose = tick
    _export(projects_tab, qtbot, dialog_calls, tmp_path / "ticked.xlsx")
    assert _sheets(tmp_path / "ticked.xlsx") == [SHEET_TITLE, PROJECTS_TITLE, FAIRNESS_TITLE]
    saved = json.loads((with_project / "settings.json").read_text(encoding="utf-8"))
    assert saved["export_with_projects"] is True

    dialog_calls.calls.clear()
    dialog_calls.on_choose = None
    _export(projects_tab, qtbot, dialog_calls, tmp_path / "again.xlsx")
    assert _projects_box(dialog_calls).isChecked()  # offered as last chosen


def test_the_whole_registry_offers_them_ticked(
    projects_tab: OrganizationsTab, qtbot: QtBot, dialog_calls: DialogRecorder, tmp_path: Path
) -> None:
    assert projects_tab.model.in_registry_order
    _export(projects_tab, qtbot, dialog_calls, tmp_path / "all.xlsx")
    assert _projects_box(dialog_calls).isChecked()
    assert _sheets(tmp_path / "all.xlsx") == [SHEET_TITLE, PROJECTS_TITLE, FAIRNESS_TITLE]
