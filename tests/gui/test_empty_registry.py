"""An empty registry shows what to do first; a search that finds nothing says so instead."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from kyodo_desktop.app import create_main_window
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.gui import i18n
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.gui.organizations.empty_state import DEMO_ORGS
from kyodo_desktop.gui.organizations.tab import OrganizationsTab
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

from .conftest import DialogRecorder, type_text, wait_for_rows


def _empty_tab(open_window: Any, data_dir: Path, qtbot: QtBot) -> tuple[MainWindow, OrganizationsTab]:
    window: MainWindow = open_window(data_dir)
    tab = window.organizations_tab
    assert tab is not None
    wait_for_rows(qtbot, tab, 0)
    qtbot.waitUntil(lambda: tab.stack.currentWidget() is tab.stack.guide, timeout=10_000)
    return window, tab


def _button(tab: OrganizationsTab, name: str) -> QPushButton:
    button = tab.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _db_count(data_dir: Path, table: str) -> int:
    with Workspace.open(data_dir, write=False) as ws, ws.engine.connect() as c:
        return int(c.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_a_new_data_folder_shows_the_guide_and_its_buttons_work(
    open_window: Any, tmp_path: Path, qtbot: QtBot
) -> None:
    _window, tab = _empty_tab(open_window, tmp_path / "new", qtbot)
    assert tab.stack.guide.isVisible() and not tab.table.isVisible()
    title = tab.findChild(QLabel, "emptyGuideTitle")
    assert title is not None and title.text() == "団体台帳にはまだ団体がありません"
    buttons = ("guideNewButton", "guideImportButton", "guideDemoButton")
    assert [_button(tab, n).text() for n in buttons] == [
        "新規登録",
        "ファイルから取り込む",
        "デモデータを入れる",
    ]
    assert all(_button(tab, n).isEnabled() for n in buttons)

    qtbot.mouseClick(_button(tab, "guideNewButton"), Qt.MouseButton.LeftButton)
    forms = tab.open_dialogs()
    assert len(forms) == 1 and forms[0].isVisible()  # the same form as 新規 (Ctrl+N)
    forms[0].reject()

    qtbot.mouseClick(_button(tab, "guideImportButton"), Qt.MouseButton.LeftButton)
    wizard = tab.open_import_wizard()  # brings the open one forward: the button opened it
    assert wizard is not None and wizard.isVisible()
    wizard.reject()


def test_demo_data_from_the_guide_fills_the_registry_and_the_table_comes_back(
    open_window: Any, tmp_path: Path, qtbot: QtBot, dialog_calls: DialogRecorder
) -> None:
    data_dir = tmp_path / "new"
    _window, tab = _empty_tab(open_window, data_dir, qtbot)
    dialog_calls.confirm_answer = False
    qtbot.mouseClick(_button(tab, "guideDemoButton"), Qt.MouseButton.LeftButton)
    assert dialog_calls.names() == ["confirm"]
    assert "架空の団体を 500 件" in dialog_calls.texts("confirm")[0]
    assert tab.stack.demo.running is None and tab.stack.currentWidget() is tab.stack.guide

    dialog_calls.confirm_answer = True
    qtbot.mouseClick(_button(tab, "guideDemoButton"), Qt.MouseButton.LeftButton)
    wait_for_rows(qtbot, tab, DEMO_ORGS)
    assert tab.stack.currentWidget() is tab.table and tab.table.isVisible()
    assert tab.count_label.text() == "500 件"
    assert _db_count(data_dir, "organizations") == DEMO_ORGS
    assert dialog_calls.names() == ["confirm", "confirm"]  # no error, no extra box


def test_cancelled_demo_data_writes_nothing(
    open_window: Any, tmp_path: Path, qtbot: QtBot, dialog_calls: DialogRecorder
) -> None:
    data_dir = tmp_path / "new"
    _window, tab = _empty_tab(open_window, data_dir, qtbot)
    task = tab.stack.demo.run()
    assert task is not None
    task.cancel()  # as Cancel in the progress dialog does; the first report then stops the run
    qtbot.waitUntil(lambda: tab.stack.demo.running is None, timeout=10_000)
    assert dialog_calls.names() == ["confirm"]  # a cancel is no error
    assert tab.stack.currentWidget() is tab.stack.guide
    assert _db_count(data_dir, "organizations") == 0
    assert _db_count(data_dir, "audit_log") == 0


def test_the_guide_comes_when_the_last_record_goes_to_the_trash(
    open_window: Any, tmp_path: Path, qtbot: QtBot
) -> None:
    data_dir = tmp_path / "one"
    with Workspace.open(data_dir, write=True) as ws:
        OrganizationService(ws).create(OrganizationInput(name="ひとつだけの会"))
    window: MainWindow = open_window(data_dir)
    tab = window.organizations_tab
    assert tab is not None
    wait_for_rows(qtbot, tab, 1)
    assert tab.stack.currentWidget() is tab.table
    tab.table.selectRow(0)
    tab.trash_action.trigger()
    assert tab.stack.currentWidget() is tab.stack.guide

    tab.show_trash_action.trigger()  # the trash holds it: the table, not the guide
    wait_for_rows(qtbot, tab, 1)
    assert tab.stack.currentWidget() is tab.table
    tab.table.selectRow(0)
    tab.trash_action.trigger()  # 元に戻す: the trash is now empty
    assert tab.stack.currentWidget() is tab.stack.notice
    assert tab.stack.notice.label.text() == "ゴミ箱は空です。"
    assert not tab.stack.notice.button.isVisible()


def test_a_search_that_finds_nothing_says_so_without_the_guide(window: MainWindow, qtbot: QtBot) -> None:
    tab = window.organizations_tab
    assert tab is not None
    type_text(tab.search_edit, "該当するはずのない団体名ぞ")
    qtbot.waitUntil(lambda: tab.model.rowCount() == 0)
    qtbot.waitUntil(lambda: tab.stack.currentWidget() is tab.stack.notice)
    notice = tab.stack.notice
    assert notice.label.text() == "検索・絞り込みの条件に合う団体はありません。"
    assert notice.button.isVisible() and notice.button.text() == "条件をすべて解除"
    assert not tab.stack.guide.isVisible()

    tab.municipality_filter.setCurrentIndex(1)
    qtbot.mouseClick(notice.button, Qt.MouseButton.LeftButton)
    assert tab.search_edit.text() == "" and tab.municipality_filter.currentIndex() == 0
    qtbot.waitUntil(lambda: tab.stack.currentWidget() is tab.table)
    assert tab.model.rowCount() == tab.model.total_count > 0


def test_a_read_only_window_shows_the_guide_with_its_buttons_off(
    open_window: Any, tmp_path: Path, qtbot: QtBot
) -> None:
    data_dir = tmp_path / "held"
    Workspace.open(data_dir, write=True).close()  # create the data file
    with Workspace.open(data_dir, write=True):  # another program holds the write lock
        _window, tab = _empty_tab(open_window, data_dir, qtbot)
        assert not tab.writable
        assert tab.stack.currentWidget() is tab.stack.guide
        names = ("guideNewButton", "guideImportButton", "guideDemoButton")
        assert not any(_button(tab, n).isEnabled() for n in names)
        label = tab.findChild(QLabel, "emptyGuideReadOnly")
        assert label is not None and label.isVisible()
        assert tab.stack.demo.run() is None


def test_the_guide_in_english(tmp_path: Path, qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = create_main_window(tmp_path / "new", language="en")
    try:
        qtbot.addWidget(window)
        window.show()
        tab = window.organizations_tab
        assert tab is not None
        qtbot.waitUntil(lambda: tab.stack.currentWidget() is tab.stack.guide, timeout=10_000)
        texts = [w.text() for w in tab.stack.guide.findChildren(QLabel)]
        texts += [b.text() for b in tab.stack.guide.findChildren(QPushButton)]
        assert "Add demo data" in texts and "The registry holds no organizations yet" in texts
        assert not [t for t in texts if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", t)]
    finally:
        window.close()
        i18n.install_language(app, "ja")
