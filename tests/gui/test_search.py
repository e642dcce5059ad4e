"""Typing in the search field filters the table to exactly what ``OrganizationService.search`` finds."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.organizations.tab import OrganizationsTab
from kyodo_desktop.persistence.rows import load_rows
from kyodo_desktop.services.organizations import OrganizationService

from .conftest import TOTAL, type_text, wait_for_rows


def _search(tab: OrganizationsTab, qtbot: QtBot, query: str) -> set[str]:
    edit = tab.findChild(QLineEdit, "orgSearchEdit")
    assert edit is not None
    edit.clear()
    type_text(edit, query)
    assert edit.text() == query
    qtbot.waitUntil(lambda: not tab._search_timer.isActive(), timeout=2_000)
    return set(tab.model.visible_ids())


QUERIES = [
    "こども",  # hiragana: names (こども食堂) and katakana readings (コドモ…)
    "千葉 食堂",  # two terms: both must match
    "コドモ",  # katakana query finds hiragana data
    "ミドリ",  # katakana query finds hiragana (みどりの風) and half-width (ﾐﾄﾞﾘの森) data
    "ﾐﾄﾞﾘ",  # half-width katakana query
    "みどり",  # hiragana query
    "IT しえん",  # ASCII/kana mix: name 「IT支援…」 and reading 「アイティーシエン」
    "ｉｔ支援",  # full-width latin folds like ASCII
    "5-1",  # ASCII typed with key clicks: address numbers
    "船橋　本町",  # ideographic space separates terms
]


@pytest.mark.parametrize("query", QUERIES)
def test_search_matches_the_service(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService, query: str
) -> None:
    shown = _search(tab, qtbot, query)
    expected = {org_id for org_id, _name in reader.search(query)}
    assert shown == expected
    assert tab.model.rowCount() == len(expected)


def test_queries_that_must_find_something(tab: OrganizationsTab, qtbot: QtBot) -> None:
    names = {}
    for query in ("コドモ", "ミドリ", "ﾐﾄﾞﾘ", "みどり", "IT しえん", "ｉｔ支援", "千葉 食堂", "船橋　本町"):
        ids = _search(tab, qtbot, query)
        names[query] = {tab.model.org_row(tab.model.row_of(i)).name for i in ids}
        assert names[query], query
    assert {"ミドリの森クラブ", "みどりの風ネット"} <= names["ミドリ"]
    assert names["ﾐﾄﾞﾘ"] == names["みどり"] == names["ミドリ"]
    assert any("こども" in name for name in names["コドモ"])  # katakana query, hiragana name
    assert any("IT支援" in name for name in names["IT しえん"])
    assert names["ｉｔ支援"] <= names["IT しえん"]


def test_count_label_and_clearing(tab: OrganizationsTab, qtbot: QtBot) -> None:
    shown = _search(tab, qtbot, "みどり")
    label = tab.findChild(QLabel, "orgCountLabel")
    assert label is not None
    assert label.text() == f"{len(shown):,} 件（全 {TOTAL:,} 件）"
    tab.search_edit.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == TOTAL, timeout=2_000)
    assert label.text() == f"{TOTAL:,} 件"


def test_filters_combine_with_the_search(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService
) -> None:
    rows = {r.id: r for r in load_rows(reader.ws.db_path)}
    combo = tab.findChild(QComboBox, "municipalityFilter")
    assert combo is not None
    assert combo.count() == 55 and combo.itemText(0) == "すべての市町村"
    combo.setCurrentIndex(combo.findText("千葉市"))
    shown = _search(tab, qtbot, "こども")
    expected = {i for i, _n in reader.search("こども") if rows[i].municipality_code == "12100"}
    assert shown == expected and expected

    field = tab.findChild(QComboBox, "fieldFilter")
    assert field is not None
    field.setCurrentIndex(field.findData(13))
    expected = {i for i in expected if "13" in rows[i].activity_fields.split(",")}
    assert set(tab.model.visible_ids()) == expected

    status = tab.findChild(QComboBox, "statusFilter")
    legal = tab.findChild(QComboBox, "legalFormFilter")
    assert status is not None and legal is not None
    status.setCurrentIndex(status.findData("活動中"))
    legal.setCurrentIndex(legal.findData("任意団体"))
    expected = {i for i in expected if rows[i].status == "活動中" and rows[i].legal_form == "任意団体"}
    assert set(tab.model.visible_ids()) == expected

    for box in (combo, field, status, legal):
        box.setCurrentIndex(0)
    tab.search_edit.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == TOTAL, timeout=2_000)


def test_trash_view_matches_the_service(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService, dialog_calls: object
) -> None:
    victims = sorted(_search(tab, qtbot, "みどり"))
    tab.table.selectAll()
    tab.trash_action.trigger()
    assert tab.model.rowCount() == 0
    assert {i for i, _n in reader.search("みどり")} == set()

    tab.show_trash_action.trigger()
    wait_for_rows(qtbot, tab, len(victims))
    assert (
        sorted(tab.model.visible_ids())
        == victims
        == sorted(i for i, _n in reader.search("みどり", trash=True))
    )
    assert tab.trash_action.text() == "元に戻す"
    assert not tab.new_action.isEnabled()

    tab.table.selectRow(0)
    restored = tab.model.row_id(0)
    tab.trash_action.trigger()
    assert restored not in tab.model.visible_ids()
    tab.show_trash_action.trigger()
    wait_for_rows(qtbot, tab, TOTAL - len(victims) + 1)
    assert {i for i, _n in reader.search("みどり")} == {restored}


def test_sorting_by_header_click(tab: OrganizationsTab, qtbot: QtBot) -> None:
    header = tab.table.horizontalHeader()
    muni_column = 3
    x = header.sectionViewportPosition(muni_column) + header.sectionSize(muni_column) // 2
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    codes = [tab.model.org_row(r).municipality_code or "99999" for r in range(tab.model.rowCount())]
    assert codes == sorted(codes)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    codes = [tab.model.org_row(r).municipality_code or "99999" for r in range(tab.model.rowCount())]
    assert codes == sorted(codes, reverse=True)


@pytest.mark.parametrize("query", ["こども 柏", "ﾐﾄﾞﾘ", "ネットワーク"])
def test_table_shows_what_the_cli_prints(
    tab: OrganizationsTab, qtbot: QtBot, filled_dir: Path, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    from kyodo_desktop.cli import main

    shown = _search(tab, qtbot, query)
    capsys.readouterr()
    assert main(["--data-dir", str(filled_dir), "orgs", "search", query]) == 0
    printed = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert shown == set(printed) and len(printed) == len(shown)
