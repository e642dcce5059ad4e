"""The import wizard on a government list (two-row header, 名称及び住所), and choosers kept in view."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import openpyxl
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit, QScrollArea, QWidget, QWizard
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.importing.wizard import PAGE_MAPPING, PAGE_RESULT, PAGE_REVIEW, ImportWizard
from kyodo_desktop.gui.organizations.tab import OrganizationsTab
from kyodo_desktop.services.organizations import OrganizationService

from .conftest import type_text


def _child(parent: QWidget, kind: type[Any], name: str) -> Any:
    widget = parent.findChild(kind, name)
    assert widget is not None, name
    return widget


def _open_wizard(tab: OrganizationsTab, path: Path, qtbot: QtBot) -> ImportWizard:
    _child(tab, QAction, "importAction").trigger()
    wizard = tab.findChild(ImportWizard, "importWizard")
    assert wizard is not None and wizard.isVisible()
    type_text(_child(wizard, QLineEdit, "importFileEdit"), str(path))
    qtbot.waitUntil(lambda: "Excel" in _child(wizard, QLabel, "formatLabel").text(), timeout=3_000)
    return wizard


def _next_to(wizard: ImportWizard, qtbot: QtBot, page: int) -> None:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.currentId() == page and not wizard.busy, timeout=10_000)


def test_the_government_list_through_the_wizard(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService, government_list: Path
) -> None:
    wizard = _open_wizard(tab, government_list, qtbot)
    sheets = _child(wizard, QComboBox, "sheetCombo")
    qtbot.waitUntil(lambda: sheets.count() == 2, timeout=3_000)
    assert sheets.currentText() == "契約一覧"

    _next_to(wizard, qtbot, PAGE_MAPPING)
    combos = [_child(wizard, QComboBox, f"mapCombo{i}") for i in range(6)]
    assert [c.currentData() for c in combos] == [
        "ignore",
        "name",
        "address",
        "corporate_number",
        "established_on",
        "ignore",
    ]
    page = wizard.page(PAGE_MAPPING)
    headings = [label.text() for label in page.findChildren(QLabel) if label.buddy() in combos]
    assert "契約の相手方 商号又は名称" in headings and "（見出しなし）" not in headings

    _next_to(wizard, qtbot, PAGE_REVIEW)
    assert "新規 3 件" in _child(wizard, QLabel, "reviewCounts").text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.busy and wizard.currentId() == PAGE_RESULT, timeout=10_000)

    found = {name: reader.get(org_id).data for org_id, name in reader.search("みらい育成協会")}
    mirai = found["公益財団法人みらい育成協会"]
    assert (mirai.address, mirai.legal_form, mirai.established_on) == (
        "東京都千代田区霞が関1-1-1",
        "公益財団法人",
        datetime.date(2019, 5, 10),
    )
    tsubasa = [reader.get(i).data for i, n in reader.search("つばさの会") if n == "NPO法人つばさの会"]
    assert [(t.legal_form, t.established_on) for t in tsubasa] == [
        ("特定非営利活動法人", datetime.date(2020, 4, 1))
    ]


def _wide_list(path: Path, columns: int) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["団体名", *(f"項目{i}" for i in range(1, columns))])
    ws.append(["ひろい一覧の会", *(f"値{i}" for i in range(1, columns))])
    wb.save(path)
    return path


def test_the_chooser_of_the_last_column_is_reachable_and_the_wheel_scrolls(
    tab: OrganizationsTab, qtbot: QtBot, tmp_path: Path
) -> None:
    wizard = _open_wizard(tab, _wide_list(tmp_path / "wide.xlsx", 40), qtbot)
    _next_to(wizard, qtbot, PAGE_MAPPING)
    area = _child(wizard, QScrollArea, "mappingArea")
    last = _child(wizard, QComboBox, "mapCombo39")
    assert last.visibleRegion().isEmpty()  # below the fold at first

    # the chooser that gets the focus (by Tab from the one before) is brought into view
    wizard.activateWindow()
    qtbot.waitUntil(wizard.isActiveWindow, timeout=3_000)
    _child(wizard, QComboBox, "mapCombo38").setFocus(Qt.FocusReason.TabFocusReason)
    wizard.focusNextChild()
    assert QApplication.focusWidget() is last
    qtbot.waitUntil(lambda: not last.visibleRegion().isEmpty(), timeout=3_000)
    assert area.verticalScrollBar().value() > 0

    # the wheel over a chooser without focus scrolls the list, not the chooser's value
    area.verticalScrollBar().setValue(0)
    under = _child(wizard, QComboBox, "mapCombo1")
    before = under.currentData()
    center = QPointF(under.rect().center())
    wheel = QWheelEvent(
        center,
        QPointF(under.mapToGlobal(QPoint(center.toPoint()))),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(under, wheel)
    assert under.currentData() == before
    assert area.verticalScrollBar().value() > 0
