"""What the 団体台帳 tab shows instead of an empty table.

- The registry holds no organization (a new data folder, or everything in the trash): a short
  guide with the three ways to begin — 新規登録, ファイルから取り込む, デモデータを入れる.
- A search or filter matches nothing in a registry that has records: a one-line notice with a
  button that clears them (no guide: the officer is searching, not starting).
- The trash is empty: a one-line notice.

:class:`RegistryStack` holds the table and these pages and follows the tab's ``count_changed``;
the table comes back as soon as there is a row. Demo data is written by ``services.demo`` in one
transaction, in a worker, behind a progress dialog (shown only when it takes more than a moment)
whose Cancel leaves the registry as it was.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.gui import dialogs, errors
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup, show_progress
from kyodo_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from kyodo_desktop.gui.organizations.tab import OrganizationsTab

log = logging.getLogger(__name__)

#: How many demo organizations the guide's button adds (about a second of work).
DEMO_ORGS = 500
#: The progress dialog appears only when the demo data takes longer than this.
PROGRESS_DELAY_MS = 600


def _label(text: str, name: str = "", *, bold: bool = False, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(wrap)
    if name:
        label.setObjectName(name)
    if bold:
        font = label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        label.setFont(font)
    return label


class EmptyRegistryGuide(QWidget):
    """The first steps for an empty registry: three buttons, each with a line saying what it does.

    Signals: ``new_requested``, ``import_requested``, ``demo_requested``.
    """

    new_requested = Signal()
    import_requested = Signal()
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyRegistryGuide")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QWidget()
        column = QVBoxLayout(box)
        column.addWidget(_label(self.tr("団体台帳にはまだ団体がありません"), "emptyGuideTitle", bold=True))
        column.addWidget(_label(self.tr("次のどれかから始めてください。")))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(12)
        rows = (
            ("guideNewButton", self.tr("新規登録"), self.tr("団体を一件ずつ入力して登録します（Ctrl+N）。")),
            (
                "guideImportButton",
                self.tr("ファイルから取り込む"),
                self.tr("NPO法人ポータルサイトのCSVや、手元のExcel・CSVの名簿から取り込みます（Ctrl+I）。"),
            ),
            (
                "guideDemoButton",
                self.tr("デモデータを入れる"),
                self.tr("操作を試すための架空の団体を {count} 件入れます（あとでゴミ箱へ移せます）。").format(
                    count=f"{DEMO_ORGS:,}"
                ),
            ),
        )
        self.buttons: dict[str, QPushButton] = {}
        for row, (name, text, hint) in enumerate(rows):
            button = QPushButton(text)
            button.setObjectName(name)
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("国" * 11))
            grid.addWidget(button, row, 0)
            # one line each: wrapped labels in a centred grid were cut off at their second line
            grid.addWidget(_label(hint, wrap=False), row, 1)
            self.buttons[name] = button
        column.addLayout(grid)
        self.read_only_label = _label(
            self.tr("閲覧専用で開いているため、登録や取り込みはできません。"), "emptyGuideReadOnly"
        )
        column.addWidget(self.read_only_label)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.buttons["guideNewButton"].clicked.connect(self.new_requested)
        self.buttons["guideImportButton"].clicked.connect(self.import_requested)
        self.buttons["guideDemoButton"].clicked.connect(self.demo_requested)

    def set_writable(self, writable: bool) -> None:
        """Enable the buttons only when the window may write (else say why they are off)."""
        for button in self.buttons.values():
            button.setEnabled(writable)
        self.read_only_label.setVisible(not writable)


class EmptyNotice(QWidget):
    """One centred line, and optionally a button under it (``clicked`` is its signal)."""

    clicked = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        self.label = _label("", f"{name}Label")
        self.label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.label)
        self.button = QPushButton()
        self.button.setObjectName(f"{name}Button")
        self.button.clicked.connect(self.clicked)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def set_text(self, text: str, button: str = "") -> None:
        """Show ``text``, and the button labelled ``button`` (none when empty)."""
        self.label.setText(text)
        self.button.setText(button)
        self.button.setVisible(bool(button))


class DemoFill(QObject):
    """デモデータを入れる: confirm, write in a worker (one transaction), then tell ``done``."""

    done = Signal(int)

    def __init__(self, workspace: Workspace, tasks: TaskGroup, owner: QWidget) -> None:
        super().__init__(owner)
        self._ws = workspace
        self._tasks = tasks
        self._owner = owner
        self.running: BackgroundTask | None = None

    def run(self) -> BackgroundTask | None:
        """Ask, then add :data:`DEMO_ORGS` demo organizations; None when refused or read-only."""
        if not self._ws.writable or self.running is not None:
            return None
        title = self.tr("デモデータを入れる")
        question = self.tr(
            "操作を試すための架空の団体を {count} 件、担当者と対応記録つきで登録します。\n"
            "実在の団体ではありません。不要になったらゴミ箱へ移せます。"
        ).format(count=f"{DEMO_ORGS:,}")
        if not dialogs.confirm(self._owner, title, question, ok_text=self.tr("登録する")):
            return None
        ws = self._ws

        def work(task: BackgroundTask) -> int:
            from kyodo_desktop.services import demo

            return demo.generate(ws, DEMO_ORGS, progress=task.report, atomic=True)

        task = BackgroundTask(work, self._owner)
        task.succeeded.connect(self._on_done)
        task.failed.connect(self._on_failed)
        task.finished.connect(self._on_finished)
        show_progress(
            self._owner,
            task,
            title,
            self.tr("デモデータを登録しています…"),
            cancellable=True,
            delay_ms=PROGRESS_DELAY_MS,
        )
        self.running = task
        self._tasks.start(task)
        return task

    def _on_finished(self) -> None:
        self.running = None

    def _on_done(self, count: int) -> None:
        log.info("demo data added: %d organizations", count)
        self.done.emit(count)

    def _on_failed(self, exc: Exception) -> None:
        from kyodo_desktop.services.demo import DemoCancelled

        if isinstance(exc, DemoCancelled):
            log.info("demo data cancelled; nothing written")
            return
        errors.show_error(
            self._owner,
            self.tr("デモデータを入れる"),
            exc,
            known=self.tr("デモデータを登録できませんでした: {reason}"),
            file=self.tr("デモデータを登録できませんでした: {reason}"),
            bug=self.tr("デモデータを登録できませんでした（{kind}）。詳細はログを確認してください。"),
            what="demo data",
            logger=log,
        )


class RegistryStack(QStackedWidget):
    """The table, the empty-registry guide and the nothing-found notice, one shown at a time."""

    def __init__(
        self, tab: OrganizationsTab, table: QTableView, workspace: Workspace, tasks: TaskGroup
    ) -> None:
        super().__init__(tab)
        self.setObjectName("registryStack")
        self._tab = tab
        self.table = table
        self.guide = EmptyRegistryGuide()
        self.notice = EmptyNotice("emptyNotice")
        self.demo = DemoFill(workspace, tasks, tab)
        for page in (table, self.guide, self.notice):
            self.addWidget(page)
        self.guide.new_requested.connect(tab.new_action.trigger)
        self.guide.import_requested.connect(tab.import_action.trigger)
        self.guide.demo_requested.connect(self.demo.run)
        self.notice.clicked.connect(self._clear_filters)
        self.demo.done.connect(self._on_demo_done)
        tab.count_changed.connect(self._follow)

    def _follow(self, shown: int, total: int) -> None:
        tab = self._tab
        if shown > 0 or tab.loading or tab.model.unreadable:
            self.setCurrentWidget(self.table)
        elif tab.trash_mode:
            self.notice.set_text(self.tr("ゴミ箱は空です。"))
            self.setCurrentWidget(self.notice)
        elif total > 0:  # records exist; the search or a filter excludes them all
            self.notice.set_text(
                self.tr("検索・絞り込みの条件に合う団体はありません。"), self.tr("条件をすべて解除")
            )
            self.setCurrentWidget(self.notice)
        else:
            self.guide.set_writable(tab.writable)
            self.setCurrentWidget(self.guide)

    def _clear_filters(self) -> None:
        tab = self._tab
        tab.search_edit.clear()
        for combo in tab.findChildren(QComboBox):
            if combo.objectName().endswith("Filter"):
                combo.setCurrentIndex(0)
        tab.focus_search()

    def _on_demo_done(self, _count: int) -> None:
        self._tab.reload()
        self._tab.imported.emit()  # like an import: the duplicates list refreshes
