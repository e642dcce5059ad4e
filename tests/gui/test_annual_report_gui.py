"""ファイル → 年度レポート…: the menu entry, the 年度 and 課 chosen in its dialog, the file written
in the background; the workbook's sheets and rows checked."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.project import PartnerInput, ProjectInput
from kyodo_desktop.domain.wareki import fiscal_year, fiscal_year_label
from kyodo_desktop.gui.annual_report_dialog import AnnualReportDialog
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

from .conftest import DialogRecorder

LAST_YEAR = fiscal_year(date.today()) - 1


@pytest.fixture
def with_projects(filled_dir: Path) -> Path:
    with Workspace.open(filled_dir, write=True) as ws:
        with ws.engine.connect() as c:
            orgs = c.exec_driver_sql("SELECT id FROM organizations ORDER BY kana LIMIT 2").scalars().all()
        projects = ProjectService(ws)
        for title, section, org in (
            ("公園の花壇づくり", "公園緑地課", orgs[0]),
            ("子ども食堂", "子ども家庭課", orgs[1]),
        ):
            projects.create(
                ProjectInput(
                    title=title, fiscal_year=LAST_YEAR, section=section, partners=[PartnerInput(org)]
                ),
                stage_on=date(LAST_YEAR, 4, 1),
            )
    return filled_dir


def test_the_menu_entry_writes_the_report_of_the_year_and_section_chosen(
    open_window: Any,
    with_projects: Path,
    qtbot: QtBot,
    dialog_calls: DialogRecorder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    win: MainWindow = open_window(with_projects)
    ws = win.workspace
    assert ws is not None
    qtbot.waitUntil(lambda: ws.verified or not ws.writable, timeout=30_000)
    action = win.annual_report.action
    file_menu = win.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
    assert action.text() == "年度レポート…"

    offered: dict[str, list[Any]] = {}

    def choose(dialog: AnnualReportDialog) -> int:
        years, sections = dialog.year_combo, dialog.section_combo
        offered["years"] = [years.itemData(n) for n in range(years.count())]
        offered["sections"] = [sections.itemText(n) for n in range(sections.count())]
        assert years.currentData() == fiscal_year(date.today())  # the current 年度 first
        years.setCurrentIndex(years.findData(LAST_YEAR))
        sections.setCurrentIndex(sections.findText("公園緑地課"))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(AnnualReportDialog, "exec", choose)
    out = tmp_path / "report.xlsx"
    dialog_calls.save_path = str(out)
    action.trigger()
    qtbot.waitUntil(lambda: "info" in dialog_calls.names() or "error" in dialog_calls.names(), timeout=60_000)
    assert "error" not in dialog_calls.names(), dialog_calls.calls

    assert offered["years"] == [fiscal_year(date.today()), LAST_YEAR]
    assert offered["sections"][0] == "すべて"
    assert {"公園緑地課", "子ども家庭課"} <= set(offered["sections"])
    [(_, save_args)] = [c for c in dialog_calls.calls if c[0] == "get_save_file_name"]
    assert Path(save_args[2]).name == f"{fiscal_year_label(LAST_YEAR)}_公園緑地課_協働レポート.xlsx"
    assert str(out) in dialog_calls.texts("info")[-1]

    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [
        "概要",
        "団体一覧",
        "事業一覧",
        "分野別・市町村別",
        "公平性チェック",
        "評価サマリー",
        "引継状況",
    ]
    projects = list(wb["事業一覧"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[5]) for r in projects] == [("公園の花壇づくり", "公園緑地課")]
    assert len(list(wb["団体一覧"].iter_rows(min_row=2))) == 1  # the 課's one partner
    assert wb["事業一覧"].oddHeader.right.text == f"{fiscal_year_label(LAST_YEAR)}　公園緑地課"


def test_cancel_in_the_year_dialog_writes_nothing(
    open_window: Any,
    with_projects: Path,
    dialog_calls: DialogRecorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    win: MainWindow = open_window(with_projects)
    monkeypatch.setattr(AnnualReportDialog, "exec", lambda _self: QDialog.DialogCode.Rejected.value)
    assert win.annual_report.run() is None
    assert "get_save_file_name" not in dialog_calls.names()
