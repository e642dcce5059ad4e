"""The registry tab's actions — 新規, 開く, ゴミ箱, 書き出し, インポート, 更新 — with their shortcuts.

The same ``QAction`` objects sit in the menu bar (the main window adds them) and behind the
tab's buttons, so a shortcut, a menu entry and a button can never disagree about being enabled.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolButton, QWidget


class RegistryActions(QObject):
    """The actions of the 団体台帳 tab; the tab connects their ``triggered``/``toggled`` signals.

    Window-wide shortcuts (Ctrl+N, Ctrl+E, Ctrl+I, F5) are added to ``owner`` so that they work
    with or without the menu bar; 開く (Enter) and ゴミ箱へ移す (Delete) work only in the table
    (:meth:`table_actions`).
    """

    def __init__(self, owner: QWidget) -> None:
        super().__init__(owner)
        self.new_action = QAction(self.tr("新規"), owner)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.setToolTip(self.tr("団体を新しく登録（Ctrl+N）"))

        self.open_action = QAction(self.tr("開く"), owner)
        # Key_Enter first: menus show the first shortcut, and officers call the key "Enter".
        self.open_action.setShortcuts([QKeySequence(Qt.Key.Key_Enter), QKeySequence(Qt.Key.Key_Return)])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.setToolTip(self.tr("選択した団体を開く（Enter）"))

        self.trash_action = QAction(owner)
        self.trash_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.trash_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

        self.show_trash_action = QAction(self.tr("ゴミ箱を表示"), owner)
        self.show_trash_action.setCheckable(True)
        self.show_trash_action.setToolTip(self.tr("ゴミ箱に移した団体を表示する"))

        self.export_action = QAction(self.tr("Excelに書き出す…"), owner)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip(self.tr("団体台帳をExcelファイルに書き出す（Ctrl+E）"))

        self.import_action = QAction(self.tr("インポート…"), owner)
        self.import_action.setObjectName("importAction")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setToolTip(
            self.tr("NPO法人ポータルサイトのCSVやExcelの一覧から団体を取り込む（Ctrl+I）")
        )

        self.reload_action = QAction(self.tr("最新の情報に更新"), owner)
        self.reload_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))

        self.set_trash_mode(False)
        owner.addActions([self.new_action, self.export_action, self.import_action, self.reload_action])

    def table_actions(self) -> list[QAction]:
        """The actions whose shortcut works only while the table has the focus."""
        return [self.open_action, self.trash_action]

    def set_trash_mode(self, trash: bool) -> None:
        """Relabel ゴミ箱へ移す as 元に戻す while the trash is shown."""
        if trash:
            self.trash_action.setText(self.tr("元に戻す"))
            self.trash_action.setToolTip(self.tr("選択した団体をゴミ箱から元に戻す"))
        else:
            self.trash_action.setText(self.tr("ゴミ箱へ移す"))
            self.trash_action.setToolTip(self.tr("選択した団体をゴミ箱へ移す（Delete）"))

    def update(self, *, writable: bool, trash_mode: bool, has_selection: bool) -> None:
        """Enable what the window's mode and the selection allow."""
        self.new_action.setEnabled(writable and not trash_mode)
        self.open_action.setEnabled(has_selection)
        self.trash_action.setEnabled(writable and has_selection)
        self.import_action.setEnabled(writable)


def tool_button(name: str, action: QAction) -> QToolButton:
    """A text-only button for ``action`` named ``name``."""
    button = QToolButton()
    button.setObjectName(name)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    return button
