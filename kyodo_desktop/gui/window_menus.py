"""The main window's menu bar kept apart from it: the menus, ヘルプ → バージョン情報's text and
設定 → 表示言語 (their texts stay in the window's translation context, ``MainWindow``)."""

from __future__ import annotations

import platform
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from kyodo_desktop import __version__
from kyodo_desktop.gui import dialogs
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services.settings import set_ui_language, ui_language

if TYPE_CHECKING:
    from kyodo_desktop.gui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def about_text(data_dir: Path) -> str:
    """The text of ヘルプ → バージョン情報 (in the window's context, as when it was a method)."""
    return QCoreApplication.translate(
        "MainWindow",
        "協働デスク（Kyodo Desktop） {version}\n"
        "市民活動団体・NPOとの協働を記録する職員向けアプリ\n\n"
        "Python {python} / PySide6 {pyside}\nデータフォルダ: {folder}",
    ).format(
        version=__version__,
        python=platform.python_version(),
        pyside=pyside_version,
        folder=data_dir,
    )


def language_menu(parent: QWidget, saved: str, choose: Callable[[str], None]) -> QMenu:
    """設定 → 表示言語: 日本語 / English (``saved`` checked); ``choose`` gets the code picked."""
    menu = QMenu(QCoreApplication.translate("MainWindow", "表示言語(&L)"), parent)
    menu.setObjectName("languageMenu")
    group = QActionGroup(menu)
    names = (
        ("ja", QCoreApplication.translate("MainWindow", "日本語")),
        ("en", QCoreApplication.translate("MainWindow", "English")),
    )
    for code, name in names:
        action = menu.addAction(name)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == saved)
        group.addAction(action)
        action.triggered.connect(lambda _checked=False, c=code: choose(c))
    return menu


def build_menus(window: MainWindow) -> None:
    """The menu bar of ``window``: ファイル and ヘルプ always; 団体 and 設定 with a data file open."""
    bar = window.menuBar()
    bar.clear()
    tab = window.organizations_tab if window.workspace is not None else None
    safety_net = window.safety_net
    file_menu = bar.addMenu(_tr("ファイル(&F)"))
    if tab is not None:
        file_menu.addAction(tab.export_action)
        file_menu.addAction(window.annual_report.action)
        file_menu.addSeparator()
        file_menu.addAction(window.evaluation_forms.export_action)
        file_menu.addAction(window.evaluation_forms.import_action)
        window.evaluation_forms.update_enabled()
        file_menu.addSeparator()
        file_menu.addAction(safety_net.backup_action)
        file_menu.addAction(safety_net.restore_action)
        file_menu.addSeparator()
    file_menu.addAction(window.quit_action)
    if tab is not None:
        org_menu = bar.addMenu(_tr("団体(&O)"))
        org_menu.addAction(tab.new_action)
        org_menu.addAction(tab.open_action)
        org_menu.addAction(tab.trash_action)
        org_menu.addAction(tab.import_action)
        org_menu.addAction(safety_net.import_history_action)
        org_menu.addSeparator()
        org_menu.addAction(tab.show_trash_action)
        org_menu.addAction(tab.reload_action)
        org_menu.addSeparator()
        org_menu.addAction(window.duplicates_action)
        org_menu.addAction(safety_net.history_action)
        safety_net.update_enabled()
        window.duplicates_action.setEnabled(window.workspace is not None and window.workspace.writable)
        settings_menu = bar.addMenu(_tr("設定(&S)"))
        settings_menu.addAction(window.officer_action)
        settings_menu.addAction(window.officers_action)
        chosen = ui_language(window.data_dir)
        settings_menu.addMenu(language_menu(window, chosen, lambda code: choose_language(window, code)))
    help_menu = bar.addMenu(_tr("ヘルプ(&H)"))
    help_menu.addAction(window.about_action)


def choose_language(window: MainWindow, language: str) -> None:
    """設定 → 表示言語 picked ``language``: saved for the next start (said in the status bar)."""
    try:
        set_ui_language(window.data_dir, language)
    except KnownError as exc:
        dialogs.error(window, _tr("表示言語"), str(exc))
        return
    window.statusBar().showMessage(_tr("表示言語は次回の起動から切り替わります"), 10000)
