"""The main window on a data folder: tabs, menus, status bar, keyboard and start-up cost."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTableView, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.gui.organizations.tab import OrganizationsTab
from kyodo_desktop.persistence.lock import DataFolderLock, read_holder

from .conftest import OFFICER, TOTAL


def _menu_texts(window: MainWindow) -> dict[str, list[str]]:
    menus: dict[str, list[str]] = {}
    for action in window.menuBar().actions():
        menu = action.menu()
        assert menu is not None
        menus[action.text()] = [a.text() for a in menu.actions() if not a.isSeparator()]
    return menus


def test_window_opens_on_the_home_tab(open_window: Any, filled_dir: Path) -> None:
    window = open_window(filled_dir, home=True)
    tabs = window.findChild(QTabWidget, "mainTabs")
    assert tabs is not None
    # real tabs only, no placeholders: the home tab (ホーム), the registry, the projects (事業),
    # the evaluations (評価), the handovers (引継ぎ)
    assert [tabs.widget(n).objectName() for n in range(tabs.count())] == [
        "homeTab",
        "organizationsTab",
        "projectsTab",
        "evaluationsTab",
        "handoverTab",
    ]
    assert tabs.currentIndex() == 0
    assert [tabs.tabText(n) for n in range(tabs.count())] == ["ホーム", "団体台帳", "事業", "評価", "引継ぎ"]


def test_window_shows_the_registry_tab_with_every_row(window: MainWindow) -> None:
    tabs = window.findChild(QTabWidget, "mainTabs")
    assert tabs is not None
    assert tabs.currentWidget() is window.organizations_tab  # brought forward by the fixture
    tab = window.findChild(QWidget, "organizationsTab")
    assert isinstance(tab, OrganizationsTab)
    table = tab.findChild(QTableView, "orgTable")
    assert table is not None
    assert table.model().rowCount() == TOTAL
    count = tab.findChild(QLabel, "orgCountLabel")
    assert count is not None and count.text() == f"{TOTAL:,} 件"
    assert table.verticalHeader().isHidden()
    assert table.isSortingEnabled()


def test_menus_and_status_bar(window: MainWindow) -> None:
    menus = _menu_texts(window)
    assert list(menus) == ["ファイル(&F)", "団体(&O)", "設定(&S)", "ヘルプ(&H)"]
    assert menus["ファイル(&F)"] == [
        "Excelに書き出す…",
        "年度レポート…",
        "評価シートを書き出す（団体・第三者用）…",
        "記入済み評価シートを取り込む…",
        "バックアップを作成",
        "バックアップから復元…",
        "終了",
    ]
    assert menus["団体(&O)"] == [
        "新規",
        "開く",
        "ゴミ箱へ移す",
        "インポート…",
        "取り込みの履歴…",
        "ゴミ箱を表示",
        "最新の情報に更新",
        "重複の候補…",
        "変更履歴…",
    ]
    assert menus["設定(&S)"] == ["職員の設定…", "職員の一覧（着任日・異動日・後任）…", "表示言語(&L)"]
    assert menus["ヘルプ(&H)"] == ["バージョン情報"]
    status = window.statusBar()
    officer = status.findChild(QLabel, "officerStatusLabel")
    folder = status.findChild(QLabel, "folderStatusLabel")
    count = status.findChild(QLabel, "countStatusLabel")
    assert officer is not None and OFFICER in officer.text()
    assert window.workspace is not None
    assert folder is not None and str(window.workspace.data_dir) in folder.text()
    assert count is not None and f"{TOTAL:,}" in count.text()


def test_about_goes_through_the_dialogs_module(window: MainWindow, dialog_calls: Any) -> None:
    window.about_action.trigger()
    assert dialog_calls.names() == ["info"]
    assert "協働デスク" in dialog_calls.texts("info")[0]


def test_manual_backup_runs_in_the_background(window: MainWindow, qtbot: QtBot, dialog_calls: Any) -> None:
    assert window.workspace is not None
    window.safety_net.backup_action.trigger()
    qtbot.waitUntil(lambda: "info" in dialog_calls.names(), timeout=10_000)
    backups = sorted(p.name for p in window.workspace.backups_dir.glob("kyodo-*-manual.db"))
    assert len(backups) == 1
    assert backups[0] in dialog_calls.texts("info")[0]


def test_keyboard_new_find_open_and_delete(window: MainWindow, tab: OrganizationsTab, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    qtbot.keyClick(tab.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search_edit.hasFocus()

    qtbot.keyClick(tab.search_edit, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(tab.open_dialogs()) == 1 and tab.open_dialogs()[0].org_id is None
    tab.open_dialogs()[0].close()

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    tab.table.setFocus()
    tab.table.selectRow(2)
    first_id = tab.model.row_id(2)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    opened = [d for d in tab.open_dialogs() if d.org_id == first_id]
    assert len(opened) == 1
    opened[0].close()

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    tab.table.setFocus()
    tab.table.selectRow(2)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert tab.model.row_of(first_id) == -1
    assert tab.model.rowCount() == TOTAL - 1


def test_double_click_opens_the_record(tab: OrganizationsTab, qtbot: QtBot) -> None:
    org_id = tab.model.row_id(0)
    rect = tab.table.visualRect(tab.model.index(0, 0))
    # A real double click starts with a press; QAbstractItemView checks for it.
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [d.org_id for d in tab.open_dialogs()] == [org_id]


def test_closing_the_window_releases_the_lock(open_window: Any, filled_dir: Path, qtbot: QtBot) -> None:
    window = open_window(filled_dir)
    assert window.workspace.writable
    window.close()
    with DataFolderLock(filled_dir):
        pass


def test_main_shows_the_window_without_sqlalchemy_and_releases_the_lock(filled_dir: Path) -> None:
    """``main()`` end to end in a fresh process: start-up must not import sqlalchemy or openpyxl."""
    script = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication
from kyodo_desktop import app

real_create = app.create_main_window

def create(data_dir, language=None):
    window = real_create(data_dir, language)
    def loaded(count):
        print(count, window.isVisible(), "sqlalchemy" in sys.modules, "openpyxl" in sys.modules)
        QApplication.quit()
    window.organizations_tab.rows_loaded.connect(loaded)
    return window

app.create_main_window = create
sys.exit(app.main(["--data-dir", {str(filled_dir)!r}]))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [str(TOTAL), "True", "False", "False"]
    assert read_holder(filled_dir) is None
    assert (filled_dir / "logs" / "kyodo.log").is_file()


def test_create_application_reuses_and_names_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    from kyodo_desktop.gui.application import create_application

    app = create_application(["kyodo-desktop"])
    assert app is QApplication.instance()
    assert app.organizationName() == "KyodoDesktop"
    assert app.applicationName() == "KyodoDesktop"
    assert sys.excepthook is not sys.__excepthook__


def test_python_dash_m_prints_the_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "kyodo_desktop", "--version"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0
    assert out.stdout.startswith("kyodo-desktop ")
