"""Two pieces of the main window's menus kept apart from it: ヘルプ → バージョン情報's text and
設定 → 表示言語 (their texts stay in the window's translation context)."""

from __future__ import annotations

import platform
from collections.abc import Callable
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from kyodo_desktop import __version__


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
