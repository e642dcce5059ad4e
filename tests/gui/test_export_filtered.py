"""Ctrl+E exports what the list shows, in the layout the officer chose (issue 10)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QToolButton
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.organizations.tab import OrganizationsTab
from kyodo_desktop.services.export_xlsx import HEADERS, LIST_COLUMNS

from .conftest import TOTAL, type_text, wait_for_rows


def _export(tab: OrganizationsTab, qtbot: QtBot, dialog_calls: Any, out: Path) -> None:
    dialog_calls.save_path = str(out)
    qtbot.mouseClick(tab.findChild(QToolButton, "exportButton"), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: "info" in dialog_calls.names() or "error" in dialog_calls.names(), timeout=30_000)


def test_a_filtered_list_exports_only_its_rows_in_the_list_layout(
    tab: OrganizationsTab, qtbot: QtBot, dialog_calls: Any, tmp_path: Path
) -> None:
    wait_for_rows(qtbot, tab, TOTAL)
    combo = tab.findChild(QComboBox, "municipalityFilter")
    assert combo is not None
    combo.setCurrentIndex(combo.findText("千葉市"))
    type_text(tab.search_edit, "会")
    qtbot.keyClick(tab.search_edit, Qt.Key.Key_Return)  # applies the search now, not after the pause
    assert tab.model.org_filter.query == "会"
    shown = {tab.model.org_row(r).name for r in range(tab.model.rowCount())}
    assert 0 < len(shown) < TOTAL

    out = tmp_path / "課長用.xlsx"
    _export(tab, qtbot, dialog_calls, out)
    assert dialog_calls.names() == ["choose", "get_save_file_name", "info"], dialog_calls.calls
    offered = dialog_calls.calls[0][1]
    assert offered[4] == 0 and offered[3][0].startswith("一覧")  # 一覧 is offered first
    assert f"{tab.model.rowCount():,} 件" in dialog_calls.texts("info")[0]
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert [c.value for c in sheet[1]] == [h for h, _ in LIST_COLUMNS]
    names = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert len(names) == tab.model.rowCount() and set(names) == shown
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$1:$1"


def test_the_full_layout_is_remembered_and_an_unfiltered_list_exports_everything(
    tab: OrganizationsTab, qtbot: QtBot, dialog_calls: Any, tmp_path: Path, filled_dir: Path
) -> None:
    wait_for_rows(qtbot, tab, TOTAL)
    dialog_calls.choose_answer = 1  # 全項目
    out = tmp_path / "全項目.xlsx"
    _export(tab, qtbot, dialog_calls, out)
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert [c.value for c in sheet[1]] == list(HEADERS)
    assert sheet.max_row == TOTAL + 1
    settings = json.loads((filled_dir / "settings.json").read_text(encoding="utf-8"))
    assert settings["export_layout"] == "全項目"

    dialog_calls.calls.clear()
    dialog_calls.choose_answer = None  # OK on what is offered
    _export(tab, qtbot, dialog_calls, tmp_path / "again.xlsx")
    assert dialog_calls.calls[0][1][4] == 1  # the last choice is offered first
    assert openpyxl.load_workbook(tmp_path / "again.xlsx").worksheets[0].max_column == len(HEADERS)


def test_cancelling_the_layout_question_writes_nothing(
    tab: OrganizationsTab, dialog_calls: Any, tmp_path: Path
) -> None:
    dialog_calls.choose_cancel = True
    dialog_calls.save_path = str(tmp_path / "x.xlsx")
    assert tab.export_to_excel() is None
    assert dialog_calls.names() == ["choose"]
    assert not (tmp_path / "x.xlsx").exists()
