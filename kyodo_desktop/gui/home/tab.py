"""The home tab's page (``homeTab``): the officer's day, read in a worker, and the quick actions.

The list comes from :func:`kyodo_desktop.services.today.today_items`, read off the UI thread
(:class:`~kyodo_desktop.gui.tasks.BackgroundTask`) in plain ``sqlite3`` (no ORM). The first
read is the start-up worker's (``gui.preload.StartupRead``, :meth:`HomeTab.use_startup_read`),
made while the window is built, and shown when it is the read the tab would make (the same
day, officer and choice, nobody wrote to the file since); otherwise the tab reads once the
registry's rows are shown (:meth:`HomeTab.hold_until`), so that the registry's start-up is
not slowed. Above the list, the 年度's headline figures
(``homeHeadline``, :mod:`kyodo_desktop.gui.home.headline`), read after each read of the list.

With an officer chosen (職員の設定), the list is that officer's own day by default; the
checkbox 「自分の担当だけ」 (``homeMineOnly``, remembered in the settings) shows everyone's.
Without one it is everyone's, and a line (``homeHint``) says that choosing the officer narrows it.
"""

from __future__ import annotations

import contextlib
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kyodo_desktop.gui import errors
from kyodo_desktop.gui.home.headline import HeadlineStrip
from kyodo_desktop.gui.home.model import TodayModel
from kyodo_desktop.gui.table_base import table_view
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services import home_settings
from kyodo_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from kyodo_desktop.gui.preload import StartupRead
    from kyodo_desktop.services.today import DayRead, Target, TodayItem


def _read(ws: Workspace, today: date, mine_only: bool) -> list[TodayItem]:
    from kyodo_desktop.services.today import officer_record_id, today_items

    return today_items(ws, today, officer_record_id(ws) if mine_only else None)


class HomeTab(QWidget):
    """The ホーム tab: today's list (most overdue first) and three quick actions.

    Signals: ``rows_loaded(int)`` after a read was shown; ``list_shown()`` once, when the first
    read shown has been painted (or has failed): what the window reads ahead waits for it;
    ``open_requested(object)`` with the
    :class:`~kyodo_desktop.services.today.Target` of an item activated (double-click or Enter);
    ``new_organization_requested()``, ``new_project_requested()``, ``log_contact_requested()``
    from the quick actions (the window's wiring, :mod:`.wiring`, answers them).
    """

    rows_loaded = Signal(int)
    list_shown = Signal()
    open_requested = Signal(object)
    new_organization_requested = Signal()
    new_project_requested = Signal()
    log_contact_requested = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("homeTab")
        self._ws = workspace
        self._tasks = TaskGroup()
        self._epoch = 0
        self._held = False  # the first read waits for the start-up read
        self._startup: tuple[int, ...] | None = None  # the file's stamp while the worker's read is awaited
        self._headline_owed = False  # a headline read waits for the registry's rows, or a show
        self._owed_day: date | None = None  # the day asked for while held (None: today)
        self._loaded = False
        self._stale = True  # read at the next show (first: never read)
        layout = QVBoxLayout(self)

        #: the year's headline figures (hidden until their first read)
        self.headline = QWidget()
        self.headline.setObjectName("homeHeadline")
        self.headline_layout = QHBoxLayout(self.headline)
        self.headline_layout.setContentsMargins(0, 0, 0, 0)
        self.headline.hide()
        layout.addWidget(self.headline)
        # the year's figures, read after each read of the list has been shown (the list first)
        self.headline_strip = HeadlineStrip(workspace, self.headline, self.headline_layout)
        self.rows_loaded.connect(self._read_headline)

        actions = QHBoxLayout()
        self.new_organization_action = self._action(
            "newOrganizationButton", self.tr("新しい団体"), "Ctrl+N", self.new_organization_requested
        )
        self.new_project_action = self._action(
            "newProjectButton", self.tr("新しい事業"), "Ctrl+Shift+N", self.new_project_requested
        )
        self.log_contact_action = self._action(
            "logContactButton", self.tr("対応を記録"), "Ctrl+L", self.log_contact_requested
        )
        for action in (self.new_organization_action, self.new_project_action, self.log_contact_action):
            button = QPushButton(action.text())
            button.setObjectName(action.objectName())
            button.setToolTip(action.toolTip())
            button.setAutoDefault(False)
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            button.setEnabled(action.isEnabled())
            actions.addWidget(button)
        actions.addStretch(1)
        self.mine_only = QCheckBox(self.tr("自分の担当だけ"))
        self.mine_only.setObjectName("homeMineOnly")
        self.mine_only.setToolTip(
            self.tr("担当の団体・主担当の事業と、自分の約束・異動だけを表示します（オフで全員分）")
        )
        self.mine_only.toggled.connect(self._on_mine_only_toggled)
        actions.addWidget(self.mine_only)
        self.status = QLabel(self.tr("読み込み中…"))
        self.status.setObjectName("homeStatus")
        actions.addWidget(self.status)
        layout.addLayout(actions)
        self.hint = QLabel(
            self.tr("全員分を表示しています。職員の設定で自分を選ぶと、自分の担当だけに絞り込めます。")
        )
        self.hint.setObjectName("homeHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)
        self.officer_changed()

        self.model = TodayModel(self)
        self.table = table_view("homeTable", self.model, wrap=True)
        self.table.setToolTip(self.tr("ダブルクリックかEnterで開きます"))
        self.table.activated.connect(self._on_activated)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((130, 240, 280)):  # 「協定の終了が近い事業（期限超過）」 unclipped
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)
        self.empty = QLabel(
            self.tr("今日の予定はありません。期限の近い対応・約束、評価や引継ぎの予定がここに並びます。")
        )
        self.empty.setObjectName("homeEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout.addWidget(self.empty, 1)
        self._painted = False  # the first read shown has been painted (list_shown sent)
        for widget in (self.table.viewport(), self.empty):
            widget.installEventFilter(self)
        self.set_writable(workspace.writable)

    def _action(self, name: str, text: str, keys: str, signal: Any) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcut(QKeySequence(keys))
        action.setToolTip(f"{text}（{QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)}）")
        action.triggered.connect(signal)
        self.addAction(action)  # window-wide while this tab is shown
        return action

    def set_writable(self, writable: bool) -> None:
        """Enable the quick actions only when this window may write."""
        for action in (self.new_organization_action, self.new_project_action, self.log_contact_action):
            action.setEnabled(writable)

    # -- whose day ----------------------------------------------------------------------------
    def has_officer(self) -> bool:
        """Whether an officer is chosen in the settings (an env or OS user name is none)."""
        return self._ws.officer.source == "settings"

    def narrowed(self) -> bool:
        """Whether the list is the current officer's own day."""
        return self.has_officer() and self.mine_only.isChecked()

    def officer_changed(self) -> None:
        """The officer was chosen or changed: the checkbox and hint follow, the list is read again."""
        chosen = self.has_officer()
        self.mine_only.setEnabled(chosen)
        # without an officer the list is everyone's: the box says so (the choice kept is shown
        # again once one is chosen; nothing is saved here)
        self.mine_only.blockSignals(True)
        self.mine_only.setChecked(chosen and home_settings.mine_only(self._ws.data_dir))
        self.mine_only.blockSignals(False)
        self.hint.setVisible(not chosen)
        if self._loaded or not self._stale:
            self.mark_stale()

    def _on_mine_only_toggled(self, checked: bool) -> None:
        # a folder that cannot be written keeps the choice for this window only
        with contextlib.suppress(KnownError):
            home_settings.set_mine_only(self._ws.data_dir, checked)
        self.mark_stale()

    # -- reading ------------------------------------------------------------------------------
    def hold_until(self, *signals: SignalInstance) -> None:
        """Read nothing before the first of ``signals`` (the registry's rows shown, the file
        checked): the registry's start-up comes first. The tab's own read is made when it is
        shown; the start-up worker's day (:meth:`use_startup_read`) may come before."""
        self._held = True
        for signal in signals:
            signal.connect(self._release)

    def use_startup_read(self, task: StartupRead) -> None:
        """Show the day that ``task`` (the start-up worker) reads, if it is the read this tab
        would make; until it comes, the tab does not read on its own."""
        self._startup = task.stamp
        task.day_read.connect(self._on_startup_day)
        if task.day_outcome is not None:  # sent before we connected
            self._on_startup_day(task.day_outcome[0])

    def _on_startup_day(self, read: DayRead | None) -> None:
        from kyodo_desktop.gui.preload import file_stamp

        stamp, self._startup = self._startup, None
        if stamp is None:
            return  # dropped: a read of the tab's own came first
        usable = (
            read is not None
            and self._owed_day is None  # no other day asked for meanwhile
            and read.matches(date.today(), self._ws.officer, self.narrowed())
            and file_stamp(self._ws.db_path) == stamp  # nobody wrote meanwhile (a migration …)
        )
        if usable and read is not None:
            self._stale = False
            self._epoch += 1
            self._on_read(self._epoch, read.items, read.day)
        elif not self._held:
            self._read_if_shown()

    def _release(self, *_args: object) -> None:
        if self._held:
            self._held = False
            # after the event loop's turn, so that the registry's rows are painted first
            QTimer.singleShot(0, self, self._read_if_shown)
            QTimer.singleShot(0, self, self._flush_headline)

    def _read_if_shown(self) -> None:
        if self._startup is not None:
            return  # the start-up worker's read is nearly there
        if self.isVisible() and (self._stale or self._epoch == 0):  # owed, or never read
            self.reload(self._owed_day)

    @property
    def loaded(self) -> bool:
        """Whether a read has been shown."""
        return self._loaded

    def reload(self, today: date | None = None) -> BackgroundTask | None:
        """Read the day again (in a worker); an older read still running is dropped. Before
        the registry's rows are shown (held), the read is made when they are."""
        if self._held:
            self._stale, self._owed_day = True, today
            return None
        self._startup, self._owed_day = None, None  # a newer read than the start-up worker's
        self._stale = False
        self._epoch += 1
        epoch, day = self._epoch, today or date.today()
        ws, mine = self._ws, self.narrowed()
        task = BackgroundTask(lambda _task: _read(ws, day, mine), self)
        task.succeeded.connect(lambda items: self._on_read(epoch, items, day))
        task.failed.connect(lambda exc: self._on_failed(epoch, exc))
        return self._tasks.start(task)

    def mark_stale(self) -> None:
        """A record changed: read again now when shown, else at the next show."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _on_read(self, epoch: int, items: list[TodayItem], day: date) -> None:
        if epoch != self._epoch:
            return
        self._loaded = True
        self.model.set_items(items, day)
        overdue = sum(1 for i in items if i.overdue)
        self.status.setText(
            self.tr("{count}件（期限超過 {overdue}件）").format(count=len(items), overdue=overdue)
        )
        self.table.setVisible(bool(items))
        self.empty.setVisible(not items)
        if items and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.rows_loaded.emit(len(items))

    def _on_failed(self, epoch: int, exc: Exception) -> None:
        if epoch != self._epoch:
            return
        self.status.setText(
            errors.error_text(exc, file=self.tr("今日の予定を読み込めませんでした: {reason}"))
        )
        self._on_list_painted()  # nothing more to wait for

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._loaded and not self._painted:
            QTimer.singleShot(0, self, self._on_list_painted)  # after the paint, not in it
        return super().eventFilter(watched, event)

    def _on_list_painted(self) -> None:
        if self._painted:
            return
        self._painted = True
        for widget in (self.table.viewport(), self.empty):
            widget.removeEventFilter(self)
        self.list_shown.emit()
        self._flush_headline()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # first shown, or back on the tab: the day as it is now (at start-up, before the
        # registry's rows, the first read is on its way)
        if not self._held and (self._stale or self._loaded):
            self.reload()
        else:
            self._flush_headline()

    def _read_headline(self, _count: int) -> None:
        self._headline_owed = True
        self._flush_headline()

    def _flush_headline(self) -> None:
        # after the registry's rows and the list's first paint, and only on show (its figures'
        # read imports SQLAlchemy in a worker: a window opened on another tab leaves it unimported)
        if self._headline_owed and self._painted and not self._held and self.isVisible():
            self._headline_owed = False
            self.headline_strip.reload(self.model.today)  # the day the list was read for

    def shutdown(self) -> None:
        """Stop the read under way (before the window closes)."""
        self._epoch += 1
        self._startup = None  # the worker's read, if it comes now, is not shown
        self._tasks.close()
        self.headline_strip.shutdown()

    # -- opening ------------------------------------------------------------------------------
    def target_of(self, row: int) -> Target:
        """What the item on ``row`` opens."""
        return self.model.item(row).target

    def _on_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.target_of(index.row()))
