"""The main window: opens the data folder, places the tabs (or the recovery page) and wires menus.

Work on records lives in the tabs; this module only builds them, connects their signals to the
status bar, and owns the workspace (its lock is released when the window closes).
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QMainWindow, QTabWidget, QVBoxLayout, QWidget

from kyodo_desktop.gui import dialogs, errors
from kyodo_desktop.gui.annual_report_dialog import AnnualReportAction
from kyodo_desktop.gui.evaluation_forms import EvaluationFormActions
from kyodo_desktop.gui.evaluations.tab import EvaluationsTab
from kyodo_desktop.gui.handover.tab import HandoverTab
from kyodo_desktop.gui.home.tab import HomeTab
from kyodo_desktop.gui.home.wiring import install_home_tab
from kyodo_desktop.gui.migration_notice import update_data_format
from kyodo_desktop.gui.officer_panel import OfficerPanel
from kyodo_desktop.gui.organizations.tab import OrganizationsTab
from kyodo_desktop.gui.preload import StartupRead, preload_rows
from kyodo_desktop.gui.projects.tab import ProjectsTab
from kyodo_desktop.gui.recovery_page import RecoveryPage
from kyodo_desktop.gui.safety_net import SafetyNetActions
from kyodo_desktop.gui.startup import open_data_folder
from kyodo_desktop.gui.styles import WARNING_COLORS, panel_style
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup
from kyodo_desktop.gui.window_menus import about_text, build_menus
from kyodo_desktop.gui.window_relays import WindowRelays
from kyodo_desktop.gui.window_status import WindowStatus
from kyodo_desktop.persistence import backup
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services.errors import as_known_error
from kyodo_desktop.services.workspace import Workspace

if TYPE_CHECKING:  # the view imports SQLAlchemy, which start-up must not load
    from kyodo_desktop.gui.duplicates.view import DuplicatesView

log = logging.getLogger(__name__)


class MainWindow(QMainWindow, WindowRelays):
    """協働デスク's window on one data folder.

    Shows the tabs on a sound data file (read-only with a banner when another program holds
    the lock or the folder, its drive or the file is read-only), or a :class:`RecoveryPage` when
    the file cannot be opened.

    Signals: ``problem_shown(str)`` with the message when the recovery page replaces the tabs
    (:attr:`problem` keeps the error); ``file_verified()`` when the start-up check has passed.
    """

    problem_shown = Signal(str)
    file_verified = Signal()

    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.data_dir = data_dir
        self.workspace: Workspace | None = None
        self.organizations_tab: OrganizationsTab | None = None
        self.projects_tab: ProjectsTab | None = None
        self.evaluations_tab: EvaluationsTab | None = None
        self.handover_tab: HandoverTab | None = None
        self.home_tab: HomeTab | None = None
        self.home_chooser: QWidget | None = None  # the home tab's 対応を記録 dialog
        self.tabs: QTabWidget | None = None
        self.officer_panel: OfficerPanel | None = None
        self._tasks = TaskGroup()
        #: the window's background work (stopped before the data file is let go)
        self.tasks = self._tasks
        self._pending_verify: BackgroundTask | None = None
        self._daily_backup_pending = False
        self.problem: KnownError | None = None
        self.setWindowTitle(self.tr("協働デスク"))
        self.resize(1280, 800)

        central = QWidget()
        self._layout = QVBoxLayout(central)
        self._layout.setContentsMargins(6, 6, 6, 0)
        self.read_only_banner = QLabel()
        self.read_only_banner.setObjectName("readOnlyBanner")
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.read_only_banner.setStyleSheet(
            panel_style("readOnlyBanner", *WARNING_COLORS) + " QLabel#readOnlyBanner { padding: 6px; }"
        )
        self.read_only_banner.hide()
        self._layout.addWidget(self.read_only_banner)
        self._content: QWidget | None = None
        self.setCentralWidget(central)

        self._status = WindowStatus(self, data_dir)

        self.quit_action = QAction(self.tr("終了"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.officer_action = QAction(self.tr("職員の設定…"), self)
        self.officer_action.triggered.connect(self._on_officer_triggered)
        self.officers_action = QAction(self.tr("職員の一覧（着任日・異動日・後任）…"), self)
        self.officers_action.setObjectName("officersAction")
        self.officers_action.triggered.connect(self._on_officers_triggered)
        self.duplicates_action = QAction(self.tr("重複の候補…"), self)
        self.duplicates_action.setObjectName("duplicatesAction")
        self.duplicates_action.setToolTip(self.tr("同じ団体らしい組を探して統合する"))
        self.duplicates_action.triggered.connect(self._on_duplicates_triggered)
        self.duplicates_view: DuplicatesView | None = None
        self.safety_net = SafetyNetActions(self)
        self.evaluation_forms = EvaluationFormActions(self)
        self.annual_report = AnnualReportAction(self)  # ファイル → 年度レポート…
        self.evaluation_forms.imported.connect(lambda _id: self._on_imported())
        self.about_action = QAction(self.tr("バージョン情報"), self)
        self.about_action.triggered.connect(self._on_about_triggered)
        self.addAction(self.quit_action)

    # -- opening --------------------------------------------------------------------------------
    def open_data_folder(self, preload: BackgroundTask | None = None) -> None:
        """Open the data folder and show the tabs, or the page explaining why it cannot be opened.

        ``preload`` is a read of the rows already started (:func:`gui.preload.preload_rows`);
        without one the read starts here.
        """
        update_data_format(self.data_dir)  # after an upgrade; first (see gui.migration_notice)
        if preload is None:
            preload = preload_rows(self.data_dir)
        if preload is not None:
            preload.setParent(self)  # deleted with the window at the latest
            self._tasks.adopt(preload)
        outcome = open_data_folder(self.data_dir)
        if outcome.workspace is None:
            assert outcome.error is not None
            self._show_problem(outcome.error)
        else:
            self._show_workspace(outcome.workspace, outcome.read_only_reason, preload)

    def _set_content(self, widget: QWidget) -> None:
        if self._content is not None:
            self._layout.removeWidget(self._content)
            self._content.deleteLater()
        self._content = widget
        self._layout.addWidget(widget, 1)

    def _show_problem(self, error: KnownError) -> None:
        self.problem = error
        page = RecoveryPage(error, self.data_dir)
        page.restore_requested.connect(self._on_restore_requested)
        self._set_content(page)
        self.read_only_banner.hide()
        self._status.clear()
        self._build_menus()
        self.problem_shown.emit(str(error))

    def _show_workspace(
        self, ws: Workspace, read_only: KnownError | None, preload: BackgroundTask | None
    ) -> None:
        self.workspace = ws
        self.problem = None
        if read_only is not None:  # the lock's holder, or why the folder or file is read-only
            self.read_only_banner.setText(
                self.tr("閲覧専用で開いています — {reason}").format(reason=read_only)
            )
            self.read_only_banner.show()

        self.officer_panel = OfficerPanel(ws)
        self.officer_panel.officer_saved.connect(self._on_officer_saved)
        self._layout.insertWidget(1, self.officer_panel)

        tabs = QTabWidget()
        tabs.setObjectName("mainTabs")
        tabs.setDocumentMode(True)
        self.organizations_tab = OrganizationsTab(ws)
        self.organizations_tab.count_changed.connect(self._status.show_count)
        self.organizations_tab.imported.connect(self._on_imported)
        self.organizations_tab.model.read_failed.connect(lambda exc: self._on_rows_unreadable(ws, exc))
        tabs.addTab(self.organizations_tab, self.tr("団体台帳"))
        # its first rows come from the start-up read (gui.preload.StartupRead), after the registry's
        self.projects_tab = ProjectsTab(
            ws,
            self.organizations_tab.open_organization,
            open_import=self.organizations_tab.open_import_wizard,
            preloaded=preload if isinstance(preload, StartupRead) else None,
        )
        self.organizations_tab.project_requested.connect(self.show_project)
        tabs.addTab(self.projects_tab, self.tr("事業"))
        # built on first show like the 事業 tab's rows (start-up imports nothing for it)
        self.evaluations_tab = EvaluationsTab(ws)
        self.evaluations_tab.project_changed.connect(self._on_evaluation_moved_project)
        self.projects_tab.project_changed.connect(lambda _pid: self._reload_evaluations())
        tabs.addTab(self.evaluations_tab, self.tr("評価"))
        self.handover_tab = HandoverTab(ws)
        tabs.addTab(self.handover_tab, self.tr("引継ぎ"))  # built on first show, like 評価
        # the first tab; its first day comes from the start-up read too
        self.home_tab = install_home_tab(self, tabs, preload if isinstance(preload, StartupRead) else None)
        self.tabs = tabs
        self._set_content(tabs)
        self._build_menus()
        self._show_officer()
        if ws.officer.source != "settings":
            self.officer_panel.open_panel()
        if not ws.writable:
            self._status.mark_read_only()
        # The whole-file check runs in a worker once the early read is done (on two cores the
        # two reads side by side delayed the rows by 0.1–0.2 s); writes wait for it, a damaged
        # file turns the window into the recovery page, and the day's first backup follows a
        # clean check.
        self._daily_backup_pending = ws.writable
        verify = BackgroundTask(lambda _task: ws.verify(), self)
        verify.succeeded.connect(lambda _result: self._on_verified(ws))
        verify.failed.connect(lambda exc: self._on_verify_failed(ws, exc))
        self._pending_verify = verify
        if preload is not None:  # connected first: a read finishing now is not missed
            preload.finished.connect(self._start_pending_verify)  # run on this (the UI) thread
        if preload is None or preload.isFinished():
            self._start_verify(verify)
        tab = self.organizations_tab
        QTimer.singleShot(0, lambda: tab.reload(preloaded=preload))

    def _start_pending_verify(self) -> None:
        if self._pending_verify is not None:
            self._start_verify(self._pending_verify)

    def _start_verify(self, verify: BackgroundTask) -> None:
        if self._pending_verify is verify:  # not when the workspace was let go meanwhile
            self._pending_verify = None
            self._tasks.start(verify)

    def _on_verified(self, ws: Workspace) -> None:
        if ws is not self.workspace:
            return
        if self.organizations_tab is not None:
            self.organizations_tab.on_verified()
        self.file_verified.emit()
        self._start_daily_backup()

    def _on_rows_unreadable(self, ws: Workspace, exc: Exception) -> None:
        """A row could not be read while painting: the whole-file check decides what to show.

        Before the start-up check has finished, its outcome decides (the recovery page, or the
        rows read again). After it, the file is checked again; if it passes, a lock is told in
        the status bar, anything else on the recovery page (never a loop of checks and reloads).
        """
        if ws is not self.workspace or not ws.verified:
            return
        recheck = BackgroundTask(lambda _task: ws.verify(), self)
        recheck.succeeded.connect(lambda _result: self._on_recheck_passed(ws, exc))
        recheck.failed.connect(lambda problem: self._on_verify_failed(ws, problem))
        self._tasks.start(recheck)

    def _on_recheck_passed(self, ws: Workspace, exc: Exception) -> None:
        known = as_known_error(exc)  # a lock or a drive was the trouble, not the file: 再読み込み helps
        if known is None:  # only SQLite's own words: damage that the check does not see
            self._on_verify_failed(ws, exc)
        elif ws is self.workspace:
            self.statusBar().showMessage(
                self.tr("団体一覧を読み込めませんでした: {reason}").format(reason=known)
            )

    def _on_verify_failed(self, ws: Workspace, exc: Exception) -> None:
        if ws is not self.workspace:
            return
        log.error("data file failed its start-up check: %s", type(exc).__name__)
        self._drop_workspace()
        # a damaged file keeps its type (the recovery page lists its backups); a read that failed
        # otherwise (an SQLite error no text of ours explains) is told as damage, with the backups
        problem = as_known_error(exc)
        if problem is None:
            problem = (
                backup.corrupt_error(ws.db_path, [str(exc)])
                if isinstance(exc, sqlite3.Error)
                else KnownError(str(exc))
            )
        self._show_problem(problem)

    def _drop_workspace(self) -> None:
        """Let go of the data file: the lock, the officer panel and the tab's hold on it."""
        self.release_workspace()
        self.workspace = None
        if self.officer_panel is not None:
            self._layout.removeWidget(self.officer_panel)
            self.officer_panel.deleteLater()
            self.officer_panel = None
        self.organizations_tab = None
        self.projects_tab = None
        self.evaluations_tab = None
        self.handover_tab = None
        self.home_tab = None
        self.tabs = None

    def _build_menus(self) -> None:
        build_menus(self)

    # -- status bar (WindowStatus) ------------------------------------------------------------
    def _show_officer(self) -> None:
        if self.workspace is not None:
            self._status.show_officer(self.workspace)

    def _on_officer_saved(self) -> None:
        self._show_officer()
        self.statusBar().showMessage(self.tr("職員を設定しました"), 5000)

    # -- actions --------------------------------------------------------------------------------
    def _on_officer_triggered(self) -> None:
        if self.officer_panel is not None:
            self.officer_panel.open_panel()

    def _on_officers_triggered(self) -> None:
        if self.workspace is not None:
            from kyodo_desktop.gui.officers_dialog import open_officers_dialog

            dialog = open_officers_dialog(self, self.workspace)
            dialog.changed.connect(self._on_officer_assignment_changed)

    def _on_duplicates_triggered(self) -> None:
        ws = self.workspace
        if ws is None or not ws.writable:
            return
        if self.duplicates_view is None:
            from kyodo_desktop.gui.duplicates.view import DuplicatesView

            self.duplicates_view = DuplicatesView(ws, self)
            self.duplicates_view.merged.connect(self._on_registry_merged)
            self.duplicates_view.unmerged.connect(self._on_registry_merged)
        self.duplicates_view.present()

    def restore_from_backup(self, backup_file: Path) -> None:
        """ファイル → バックアップから復元…: let go of the file, restore, open it again."""
        tab = self.organizations_tab
        if (
            tab is not None
            and tab.has_unsaved_dialogs()
            and not dialogs.confirm(
                self,
                self.tr("未保存の変更"),
                self.tr("保存していない団体の編集があります。破棄して復元しますか？"),
                ok_text=self.tr("破棄して復元"),
            )
        ):
            return
        self._drop_workspace()
        self._on_restore_requested(backup_file)

    def _on_about_triggered(self) -> None:
        dialogs.info(self, self.tr("バージョン情報"), about_text(self.data_dir))

    def _start_daily_backup(self) -> None:
        ws = self.workspace
        if ws is None or not self._daily_backup_pending:
            return
        self._daily_backup_pending = False
        task = BackgroundTask(lambda _task: ws.daily_backup(), self)
        task.failed.connect(self._on_daily_backup_failed)
        self._tasks.start(task)

    def _on_daily_backup_failed(self, exc: Exception) -> None:
        log.error("daily backup failed: %s", exc)
        self.statusBar().showMessage(self.tr("日次バックアップに失敗しました: {error}").format(error=exc))

    def _on_restore_requested(self, backup_file: Path) -> None:
        from kyodo_desktop.services import maintenance

        page = self._content
        self._pending_verify = None
        self._tasks.stop_all()  # the early read must let go of the file before it is replaced
        try:
            kept = maintenance.restore(self.data_dir, backup_file)
        except (KnownError, OSError) as exc:  # a bug goes to the crash dialog
            text = errors.error_text(exc, file=self.tr("復元できませんでした: {reason}"), what="restore")
            if isinstance(page, RecoveryPage):
                page.show_restore_error(text)
            else:  # from the menu: the file is as it was; open it again and say why
                self.open_data_folder()
                dialogs.error(self, self.tr("バックアップから復元"), text)
            return
        log.info("data file restored from backup; damaged file kept: %s", kept is not None)
        self.open_data_folder()
        if self.workspace is not None:
            self.statusBar().showMessage(
                self.tr("バックアップから復元しました: {name}").format(name=backup_file.name), 10000
            )

    # -- closing ------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        tab = self.organizations_tab
        if (
            tab is not None
            and tab.has_unsaved_dialogs()
            and not dialogs.confirm(
                self,
                self.tr("未保存の変更"),
                self.tr("保存していない団体の編集があります。破棄して終了しますか？"),
                ok_text=self.tr("破棄して終了"),
            )
        ):
            event.ignore()
            return
        self.release_workspace()
        super().closeEvent(event)

    def release_workspace(self) -> None:
        """Stop background work and release the data-folder lock."""
        self.safety_net.close_views()
        if self.duplicates_view is not None:
            self.duplicates_view.shutdown()
            self.duplicates_view = None
        if self.organizations_tab is not None:
            self.organizations_tab.shutdown()
        if self.projects_tab is not None:
            self.projects_tab.shutdown()
        if self.evaluations_tab is not None:
            self.evaluations_tab.shutdown()
        if self.home_tab is not None:
            self.home_tab.shutdown()
        self._pending_verify = None
        self._tasks.stop_all()
        if self.workspace is not None:
            self.workspace.close()
            log.info("data folder released")
