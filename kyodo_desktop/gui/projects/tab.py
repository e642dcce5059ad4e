"""The 事業 tab: the projects list with its filters, a detail view, stage changes and the trash.

The listing is read with plain ``sqlite3`` off the UI thread, first by the window's start-up
read (``gui.preload.StartupRead``), later by the tab's loader (``loader.py``): listing never
imports SQLAlchemy. The tab holds those rows and a filter change filters them in Python
(``persistence.project_listing.filter_rows``, the partner text over the partners' search
texts, read ahead) and resets the model at once. ``ProjectService`` is imported when a
project is first opened or changed.
The project wizard (``gui/projects/wizard.py``, ``open_project_wizard``) is imported inside the
slots that open it; where it is not installed the buttons say so instead. 「一覧から取り込む…」
opens the import wizard for past-project lists (``past_import.py``). The stage, log and trash
dialogs are in ``changes.py`` (``ProjectChanges``), the table view in ``table_view.py``.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.project_flags import overdue_flags
from kyodo_desktop.domain.text import search_terms
from kyodo_desktop.gui import errors
from kyodo_desktop.gui.lazy_pane import LazyPane
from kyodo_desktop.gui.preload import StartupRead
from kyodo_desktop.gui.projects.changes import ProjectChanges
from kyodo_desktop.gui.projects.filters import ProjectFilters
from kyodo_desktop.gui.projects.loader import ProjectListLoader
from kyodo_desktop.gui.projects.past_import import OpenImport, import_button, open_past_project_import
from kyodo_desktop.gui.projects.table_model import COL_TITLE, ProjectTableModel
from kyodo_desktop.gui.projects.table_view import project_table
from kyodo_desktop.persistence import project_listing
from kyodo_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from kyodo_desktop.gui.importing.wizard import ImportWizard
    from kyodo_desktop.gui.projects.detail_panel import ProjectDetailPanel
    from kyodo_desktop.gui.projects.stage_dialog import LogEntryDialog, StageDialog
    from kyodo_desktop.services.projects import ProjectService

log = logging.getLogger(__name__)

WIZARD_MODULE = "kyodo_desktop.gui.projects.wizard"


def wizard_available() -> bool:
    """Whether the project wizard is installed (it is built beside this tab)."""
    return importlib.util.find_spec(WIZARD_MODULE) is not None


def _button(name: str, text: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


class ProjectsTab(QWidget):
    """The projects (事業) of the data folder, filtered, with the selected one's detail.

    ``open_organization`` opens a partner's form (the registry's, so one record has one form);
    ``open_import`` the window's import wizard with a kind chosen; ``preloaded`` the window's
    start-up read, whose projects listing the first load uses.

    Signals: ``rows_loaded(int)`` after a (re)load was shown; ``project_changed(str)`` after a
    stage change, a log entry, a move to or out of the trash, or a wizard save.
    """

    rows_loaded = Signal(int)
    project_changed = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        open_organization: Callable[[str], object] | None = None,
        parent: QWidget | None = None,
        *,
        open_import: OpenImport | None = None,
        preloaded: StartupRead | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projectsTab")
        self._ws = workspace
        self._open_organization = open_organization
        self._open_import = open_import
        self._service_instance: ProjectService | None = None
        self._loading = False
        self._loader = ProjectListLoader(workspace.db_path, self, preloaded)
        self._loader.ready.connect(self._show_filtered)
        self._loader.failed.connect(self._on_load_failed)
        self._started = False
        self._pending_select: str | None = None
        self._wizard = wizard_available()
        self.model = ProjectTableModel(self)
        self._changes = ProjectChanges(self)
        self._build()
        self._update_actions()

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.filters = ProjectFilters()
        self.filters.changed.connect(self._on_filters_changed)
        layout.addWidget(self.filters)

        buttons = QHBoxLayout()
        self.new_button = _button("newProjectButton", self.tr("新しい事業…"))
        self.new_button.clicked.connect(self._on_new_clicked)
        self.edit_button = _button("editProjectButton", self.tr("編集…"))
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.resume_button = _button("resumeDraftButton", self.tr("再開…"))
        self.resume_button.setToolTip(self.tr("下書きの続きから入力する"))
        self.resume_button.clicked.connect(self._on_edit_clicked)
        self.stage_button = _button("advanceStageButton", self.tr("段階を進める…"))
        self.stage_button.clicked.connect(self.advance_stage)
        self.log_button = _button("addLogButton", self.tr("経過を記録…"))
        self.log_button.clicked.connect(self.add_log_entry)
        self.trash_button = _button("projectTrashButton", self.tr("ゴミ箱へ移動"))
        self.trash_button.clicked.connect(self.move_to_trash)
        self.import_button = import_button(self.open_import_wizard)
        self.drafts_toggle = _button("projectDraftsToggle", self.tr("下書き"))
        self.drafts_toggle.setCheckable(True)
        self.drafts_toggle.setToolTip(self.tr("入力の途中で保存された事業を表示する"))
        self.drafts_toggle.toggled.connect(self._on_mode_toggled)
        self.trash_toggle = _button("projectTrashToggle", self.tr("ゴミ箱"))
        self.trash_toggle.setCheckable(True)
        self.trash_toggle.setToolTip(self.tr("ゴミ箱の事業を表示する"))
        self.trash_toggle.toggled.connect(self._on_mode_toggled)
        for button in (
            self.new_button,
            self.edit_button,
            self.resume_button,
            self.stage_button,
            self.log_button,
            self.trash_button,
            self.import_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("projectCountLabel")
        buttons.addWidget(self.count_label)
        buttons.addWidget(self.drafts_toggle)
        buttons.addWidget(self.trash_toggle)
        layout.addLayout(buttons)

        self.table = project_table(self.model)
        header = self.table.horizontalHeader()
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.table.activated.connect(self._on_row_activated)

        # the detail below the list is built on first use (the tab shown, a project selected):
        # its modules (partners, log, commitments) are not imported at start-up
        self._detail: ProjectDetailPanel | None = None
        self._detail_slot = LazyPane(self._build_detail)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("projectSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self._detail_slot)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

    @property
    def detail(self) -> ProjectDetailPanel:
        """The selected project's detail (``ProjectDetailPanel``), built on first use."""
        return self._ensure_detail()

    def _build_detail(self) -> QWidget:
        from kyodo_desktop.gui.projects.detail_panel import ProjectDetailPanel

        panel = ProjectDetailPanel(self._ws)
        panel.partner_activated.connect(self._on_partner_activated)
        panel.log_changed.connect(lambda pid, changed: self.after_change(pid, changed=changed))
        self._detail = panel
        return panel

    def _ensure_detail(self) -> ProjectDetailPanel:
        self._detail_slot.ensure()
        assert self._detail is not None
        return self._detail

    def _clear_detail(self) -> None:
        if self._detail is not None:
            self._detail.clear()

    # -- state --------------------------------------------------------------------------------
    @property
    def writable(self) -> bool:
        """Whether this window may change records."""
        return self._ws.writable

    @property
    def drafts_mode(self) -> bool:
        """Whether the list shows the wizard's drafts instead of the projects."""
        return self.drafts_toggle.isChecked()

    @property
    def trash_mode(self) -> bool:
        """Whether the list shows the trash."""
        return self.trash_toggle.isChecked()

    @property
    def loading(self) -> bool:
        """Whether a query runs whose rows are not shown yet."""
        return self._loading

    @property
    def started(self) -> bool:
        """Whether the rows have been asked for (the tab was shown, or a project was requested)."""
        return self._started

    def service(self) -> ProjectService:
        """The project service, created (and SQLAlchemy imported) on first use."""
        if self._service_instance is None:
            from kyodo_desktop.services.projects import ProjectService

            self._service_instance = ProjectService(self._ws)
        return self._service_instance

    def current_id(self) -> str | None:
        """The id of the selected project, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_id(rows[0].row()) if rows else None

    def select_id(self, project_id: str) -> bool:
        """Select and show the row of ``project_id``; False when it is not listed."""
        row = self.model.row_of(project_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, COL_TITLE))
        return True

    def _on_sort_indicator(self, column: int, order: Qt.SortOrder) -> None:
        """A header click flipped the indicator (ascending first): sort, the selection kept."""
        selected = self.current_id()
        self.model.sort(column, order)
        if selected:
            self.select_id(selected)

    # -- loading ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._ensure_detail()  # the tab's first show builds its detail panel
        if not self._started:
            self.reload()

    def reload(self) -> None:
        """Read the projects again (after a change, an import, another list) and show them
        with the current filters; the read runs off the UI thread."""
        self._started = True
        self._begin_loading()
        partners = bool(self._partner_terms())
        if self._loader.reload(drafts=self.drafts_mode, trash=self.trash_mode, partners=partners):
            self._show_filtered()

    def _on_filters_changed(self) -> None:
        if not self._started:
            return  # read, with the filters, when the tab is first shown
        if self._loader.request(partners=bool(self._partner_terms())):
            self._show_filtered()
        else:
            self._begin_loading()

    def _partner_terms(self) -> list[str]:
        return search_terms(self.filters.query()["partner"] or "")

    def _begin_loading(self) -> None:
        self._loading = True
        self.count_label.setText(self.tr("読み込み中…"))

    def _show_filtered(self) -> None:
        """Show the rows held that the filters leave."""
        loader = self._loader
        terms = self._partner_terms()
        if (loader.rows is None or (terms and loader.partners is None)) and not loader.request(
            partners=bool(terms)
        ):
            return  # a read is under way; its ready comes here again
        rows, partners = loader.rows, loader.partners
        assert rows is not None and (partners is not None or not terms)
        self._loading = False
        self.filters.offer(loader.years, loader.sections)
        query = self.filters.query()
        del query["partner"]
        ids = partners.matching(terms) if partners is not None and terms else None
        shown = project_listing.filter_rows(rows, ids=ids, **query)
        selected = self._pending_select or self.current_id()
        self._pending_select = None
        self.model.set_rows(shown)
        if not (selected and self.select_id(selected)):
            self._on_selection_changed()
        self._report_count()
        self.rows_loaded.emit(len(shown))

    def _on_load_failed(self, exc: Exception) -> None:
        self._loading = False
        self.count_label.setText(self.tr("読み込みに失敗しました"))
        errors.show_error(
            self,
            self.tr("読み込みエラー"),
            exc,
            known=self.tr("事業の一覧を読み込めませんでした: {reason}"),
            what="loading projects",
            logger=log,
        )

    def _report_count(self) -> None:
        text = self.tr("{shown} 件").format(shown=f"{self.model.rowCount():,}")
        if self.drafts_mode:
            text = self.tr("下書き: ") + text
        if self.trash_mode:
            text = self.tr("ゴミ箱: ") + text
        self.count_label.setText(text)

    def shutdown(self) -> None:
        """Stop background work (before the window closes)."""
        self.filters.stop()
        self._loader.stop()

    def show_project(self, project_id: str) -> None:
        """Select ``project_id`` (the filters cleared when they hide it) and show its detail."""
        if self.model.row_of(project_id) >= 0 and self.select_id(project_id):
            return
        self._pending_select = project_id
        self._show_detail(project_id)
        for toggle in (self.drafts_toggle, self.trash_toggle):
            toggle.blockSignals(True)
            toggle.setChecked(False)
            toggle.blockSignals(False)
        self._update_actions()
        if self.filters.is_set:
            self.filters.clear()  # reloads
        else:
            self.reload()

    # -- selection and detail -----------------------------------------------------------------
    def _on_selection_changed(self, *_args: object) -> None:
        project_id = self.current_id()
        if project_id is None:
            self._clear_detail()
        else:
            self._show_detail(project_id)
        self._update_actions()

    def _show_detail(self, project_id: str) -> None:
        try:
            record = self.service().get(project_id)
        except Exception as exc:  # gone meanwhile, or the file is locked
            if errors.known_text(exc) is None:
                raise
            self.detail.clear()
            errors.show_error(self, self.tr("事業を開けません"), exc)
            return
        data = record.data
        flags = overdue_flags(record.stage, data.period_end, data.review_on, self.model.today)
        self.detail.show_record(record, flags)

    def _update_actions(self) -> None:
        has = self._detail is not None and self._detail.record is not None and self.current_id() is not None
        live = has and not self.trash_mode
        write = self.writable
        wizard_tip = "" if self._wizard else self.tr("事業の登録画面（ウィザード）はこの版にはまだありません")
        self.new_button.setEnabled(write and self._wizard and not self.trash_mode)
        self.new_button.setToolTip(wizard_tip or self.tr("新しい事業を登録する"))
        self.edit_button.setVisible(not self.drafts_mode)
        self.resume_button.setVisible(self.drafts_mode)
        for button in (self.edit_button, self.resume_button):
            button.setEnabled(write and self._wizard and live)
            button.setToolTip(wizard_tip or button.toolTip())
        self.stage_button.setEnabled(write and live and not self.drafts_mode)
        self.log_button.setEnabled(write and live and not self.drafts_mode)
        self.trash_button.setEnabled(write and has)
        self.import_button.setEnabled(write)
        self.trash_button.setText(self.tr("元に戻す") if self.trash_mode else self.tr("ゴミ箱へ移動"))

    def _on_mode_toggled(self, _checked: bool) -> None:
        self.table.clearSelection()
        self.model.set_rows([])
        self._clear_detail()
        self._update_actions()
        self.reload()

    def _on_row_activated(self, index: QModelIndex) -> None:
        if index.isValid() and self.writable and self._wizard and not self.trash_mode:
            self.open_wizard(self.model.row_id(index.row()))

    def _on_partner_activated(self, org_id: str) -> None:
        if self._open_organization is not None:
            self._open_organization(org_id)

    # -- the wizard ---------------------------------------------------------------------------
    def open_wizard(self, project_id: str | None = None) -> str | None:
        """新しい事業… / 編集… / 再開…: the project wizard; the saved project's id, or None."""
        if not self._wizard or not self.writable:
            return None
        wizard = importlib.import_module(WIZARD_MODULE)
        saved = wizard.open_project_wizard(self, self._ws, project_id=project_id)
        if saved:
            self.after_change(str(saved))
        elif project_id is not None:
            self.reload()  # a draft may have been kept mid-way
        return str(saved) if saved else None

    def open_import_wizard(self) -> ImportWizard | None:
        """The import wizard with 過去の事業一覧 chosen; None when read-only."""
        if not self.writable:
            return None
        return open_past_project_import(self, self._ws, self._open_import, self.reload)

    def _on_new_clicked(self) -> None:
        self.open_wizard(None)

    def _on_edit_clicked(self) -> None:
        project_id = self.current_id()
        if project_id is not None:
            self.open_wizard(project_id)

    # -- stage, log, trash (ProjectChanges) -----------------------------------------------------
    def advance_stage(self) -> StageDialog | None:
        """段階を進める…: the stage dialog of the selected project (shown, not waited for)."""
        return self._changes.advance_stage()

    def add_log_entry(self) -> LogEntryDialog | None:
        """経過を記録…: the log entry dialog of the selected project (shown, not waited for)."""
        return self._changes.add_log_entry()

    def move_to_trash(self) -> bool:
        """ゴミ箱へ移動 (or 元に戻す in the trash) for the selected project, after asking."""
        return self._changes.move_to_trash()

    def after_change(self, project_id: str, *, changed: bool = True) -> None:
        """``project_id`` was saved (or refused, ``changed`` False): show it again, reload."""
        self._pending_select = project_id
        self._show_detail(project_id)
        self.reload()
        if changed:
            self.project_changed.emit(project_id)
