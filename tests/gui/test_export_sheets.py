"""Ctrl+E writes the rows in the table's order on screen, with the 連絡先 and 対応記録 sheets the
officer ticks (issue 10); the ticks are remembered like the layout."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QToolButton
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.organizations.tab import OrganizationsTab
from kyodo_desktop.gui.organizations.table_model import COL_PHONE
from kyodo_desktop.services.export_details import CONTACTS_TITLE, INTERACTIONS_TITLE
from kyodo_desktop.services.export_xlsx import SHEET_TITLE

from .conftest import TOTAL, wait_for_rows


def _click_header(tab: OrganizationsTab, qtbot: QtBot, column: int) -> None:
    header = tab.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _export(tab: OrganizationsTab, qtbot: QtBot, dialog_calls: Any, out: Path) -> None:
    dialog_calls.save_path = str(out)
    qtbot.mouseClick(tab.findChild(QToolButton, "exportButton"), Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: "info" in dialog_calls.names() or "error" in dialog_calls.names(), timeout=30_000)
    assert "error" not in dialog_calls.names(), dialog_calls.calls


def _tick_all(qtbot: QtBot) -> Any:
    def tick(checks: list[QCheckBox]) -> None:
        assert [c.objectName() for c in checks] == ["exportContacts", "exportInteractions", "exportProjects"]
        for check in checks[:2]:
            check.show()
            qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
            assert check.isChecked()
            check.hide()

    return tick


def _contacts_of(filled_dir: Path, org_ids: set[str]) -> int:
    conn = sqlite3.connect(filled_dir / "kyodo.db")
    try:
        return sum(
            1 for (org_id,) in conn.execute("SELECT organization_id FROM contacts") if org_id in org_ids
        )
    finally:
        conn.close()


def test_a_sorted_filtered_list_exports_in_the_order_on_screen_with_the_ticked_sheets(
    tab: OrganizationsTab, qtbot: QtBot, dialog_calls: Any, tmp_path: Path, filled_dir: Path
) -> None:
    wait_for_rows(qtbot, tab, TOTAL)
    combo = tab.findChild(QComboBox, "municipalityFilter")
    assert combo is not None
    combo.setCurrentIndex(combo.findText("千葉市"))
    _click_header(tab, qtbot, COL_PHONE)
    _click_header(tab, qtbot, COL_PHONE)  # descending: an order the 台帳 never has
    model = tab.model
    shown = [model.org_row(r) for r in range(model.rowCount())]
    phones = [row.phone or "" for row in shown]
    assert phones == sorted(phones, reverse=True) and 1 < len(shown) < TOTAL

    dialog_calls.on_choose = _tick_all(qtbot)
    out = tmp_path / "課長用.xlsx"
    _export(tab, qtbot, dialog_calls, out)
    book = openpyxl.load_workbook(out, read_only=True)
    try:
        assert book.sheetnames == [SHEET_TITLE, CONTACTS_TITLE, INTERACTIONS_TITLE]
        rows = list(book[SHEET_TITLE].iter_rows(min_row=2, values_only=True))
        contact_names = [row[0] for row in book[CONTACTS_TITLE].iter_rows(min_row=2, values_only=True)]
        interaction_names = {
            row[0] for row in book[INTERACTIONS_TITLE].iter_rows(min_row=2, values_only=True)
        }
    finally:
        book.close()
    assert [(row[0], row[4]) for row in rows] == [(r.name, r.phone or None) for r in shown]
    names = {r.name for r in shown}
    assert len(contact_names) == _contacts_of(filled_dir, {r.id for r in shown}) > 0
    assert set(contact_names) <= names and interaction_names <= names
    # grouped by organization in the order on screen
    position = {r.name: n for n, r in reversed(list(enumerate(shown)))}
    assert [position[n] for n in contact_names] == sorted(position[n] for n in contact_names)

    saved = json.loads((filled_dir / "settings.json").read_text(encoding="utf-8"))
    assert saved["export_with_contacts"] is True and saved["export_with_interactions"] is True
    dialog_calls.calls.clear()
    dialog_calls.on_choose = None
    _export(tab, qtbot, dialog_calls, tmp_path / "again.xlsx")
    assert [c.isChecked() for c in dialog_calls.checks[:2]] == [True, True]  # offered as last ticked


def test_an_unsorted_unfiltered_export_has_one_sheet_in_the_registry_order(
    tab: OrganizationsTab, qtbot: QtBot, dialog_calls: Any, tmp_path: Path, filled_dir: Path
) -> None:
    wait_for_rows(qtbot, tab, TOTAL)
    assert tab.model.in_registry_order
    out = tmp_path / "一覧.xlsx"
    _export(tab, qtbot, dialog_calls, out)
    assert [c.isChecked() for c in dialog_calls.checks[:2]] == [False, False]
    book = openpyxl.load_workbook(out, read_only=True)
    try:
        assert book.sheetnames == [SHEET_TITLE]
        names = [row[0] for row in book[SHEET_TITLE].iter_rows(min_row=2, values_only=True)]
    finally:
        book.close()
    assert names == [tab.model.org_row(r).name for r in range(tab.model.rowCount())]
