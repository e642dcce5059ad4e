"""The 団体台帳 tab: search and filter the registry, open, create, trash and export records.

The tab composes its actions (:mod:`.actions`: menu entries, buttons, shortcuts), its table
view and filter combos (:mod:`.table_view`), the row loader (:mod:`.row_loader`), the export
flow (:mod:`.export_flow`) and the import wizard (:mod:`.import_flow`); it keeps the list, its
filters, the open forms and the trash.

Rows come from a ``persistence.rows.RowStore`` (raw ``sqlite3``; ids loaded off the UI thread);
``OrganizationService`` — and with it SQLAlchemy — is imported only when a record is opened,
saved, trashed or exported, so the window shows its table without paying for the ORM.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT, ACTIVITY_FIELDS, LEGAL_FORMS, OrgStatus
from kyodo_desktop.domain.municipalities import CHIBA_MUNICIPALITIES
from kyodo_desktop.gui import errors
from kyodo_desktop.gui.organizations import trash
from kyodo_desktop.gui.organizations.actions import RegistryActions, tool_button
from kyodo_desktop.gui.organizations.empty_state import RegistryStack
from kyodo_desktop.gui.organizations.export_flow import ExportFlow
from kyodo_desktop.gui.organizations.import_flow import ImportFlow
from kyodo_desktop.gui.organizations.open_forms import OpenForms
from kyodo_desktop.gui.organizations.row_loader import RowLoader
from kyodo_desktop.gui.organizations.table_model import (
    COL_NAME,
    OrganizationTableModel,
)
from kyodo_desktop.gui.organizations.table_view import filter_combo, registry_table
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup
from kyodo_desktop.persistence.listing import is_listed
from kyodo_desktop.persistence.rows import RowStore, load_row
from kyodo_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from kyodo_desktop.domain.import_kind import ImportKind
    from kyodo_desktop.gui.importing.wizard import ImportWizard
    from kyodo_desktop.gui.organizations.edit_dialog import OrganizationDialog
    from kyodo_desktop.services.organizations import OrganizationService

log = logging.getLogger(__name__)

#: Keystroke-to-filter delay: short enough to feel immediate, long enough to skip most keystrokes
#: of a fast typist (filtering 100k rows takes 6–21 ms).
SEARCH_DEBOUNCE_MS = 80


class OrganizationsTab(QWidget):
    """The registry list with its search field, filters and record actions.

    Signals: ``count_changed(int, int)`` (shown, loaded) whenever the list changes;
    ``rows_loaded(int)`` after a (re)load finished; ``imported()`` after an import was saved;
    ``project_requested(str)`` with a project's id double-clicked in an organization's form.
    """

    count_changed = Signal(int, int)
    rows_loaded = Signal(int)
    imported = Signal()
    project_requested = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organizationsTab")
        self._ws = workspace
        self._service_instance: OrganizationService | None = None
        self._tasks = TaskGroup()
        self._loader = RowLoader(workspace, self._tasks, lambda: self.trash_mode, self)
        self._loader.loaded.connect(self._on_rows_loaded)
        self._loader.failed.connect(self._on_load_failed)
        self._export = ExportFlow(workspace, self._tasks, self)
        self._forms = OpenForms(self.service, lambda: self.writable, self)
        self._forms.saved.connect(self._on_organization_saved)
        #: ``(str)`` after a form stored a record, a contact or an interaction (the home tab reads again)
        self.organization_saved = self._forms.saved
        self._forms.project_requested.connect(self.project_requested)
        self._imports = ImportFlow(workspace, self)
        self._imports.imported.connect(self._on_import_finished)
        self.model = OrganizationTableModel(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DEBOUNCE_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self._build_actions()
        self._build()
        self._update_actions()

    # -- building -----------------------------------------------------------------------------
    def _build_actions(self) -> None:
        self._actions = RegistryActions(self)
        self.new_action = self._actions.new_action
        self.open_action = self._actions.open_action
        self.trash_action = self._actions.trash_action
        self.show_trash_action = self._actions.show_trash_action
        self.export_action = self._actions.export_action
        self.import_action = self._actions.import_action
        self.reload_action = self._actions.reload_action
        self.new_action.triggered.connect(self._on_new_triggered)
        self.open_action.triggered.connect(self._on_open_triggered)
        self.trash_action.triggered.connect(self._on_trash_triggered)
        self.show_trash_action.toggled.connect(self._on_show_trash_toggled)
        self.export_action.triggered.connect(self._on_export_triggered)
        self.import_action.triggered.connect(self._on_import_triggered)
        self.reload_action.triggered.connect(self._on_reload_triggered)

    def _build(self) -> None:
        layout = QVBoxLayout(self)

        filters = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("orgSearchEdit")
        self.search_edit.setPlaceholderText(
            self.tr("団体名・フリガナ・住所・代表者・法人番号・タグで検索（スペースで絞り込み）")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(360)
        self.search_edit.textChanged.connect(self._on_search_text_changed)
        self.search_edit.returnPressed.connect(self._on_search_return_pressed)
        filters.addWidget(self.search_edit, 1)

        self.municipality_filter = filter_combo(
            "municipalityFilter", self.tr("すべての市町村"), [(n, c) for c, n in CHIBA_MUNICIPALITIES.items()]
        )
        self.field_filter = filter_combo(
            "fieldFilter",
            self.tr("すべての活動分野"),
            [(self.tr(s), c) for c, s in ACTIVITY_FIELD_SHORT.items()],
        )
        for code in ACTIVITY_FIELD_SHORT:
            self.field_filter.setItemData(code, self.tr(ACTIVITY_FIELDS[code]), Qt.ItemDataRole.ToolTipRole)
        self.legal_form_filter = filter_combo(
            "legalFormFilter", self.tr("すべての法人格"), [(self.tr(f), f) for f in LEGAL_FORMS]
        )
        self.status_filter = filter_combo(
            "statusFilter", self.tr("すべての状態"), [(self.tr(s.value), s.value) for s in OrgStatus]
        )
        for combo in (
            self.municipality_filter,
            self.field_filter,
            self.legal_form_filter,
            self.status_filter,
        ):
            combo.currentIndexChanged.connect(self._on_filter_changed)
            filters.addWidget(combo)
        self.trash_toggle = tool_button("trashToggle", self.show_trash_action)
        self.trash_toggle.setText(self.tr("ゴミ箱"))
        filters.addWidget(self.trash_toggle)
        layout.addLayout(filters)

        buttons = QHBoxLayout()
        buttons.addWidget(tool_button("newButton", self.new_action))
        buttons.addWidget(tool_button("openButton", self.open_action))
        self.trash_button = tool_button("trashButton", self.trash_action)
        buttons.addWidget(self.trash_button)
        buttons.addWidget(tool_button("exportButton", self.export_action))
        buttons.addWidget(tool_button("importButton", self.import_action))
        buttons.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("orgCountLabel")
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        self.table = registry_table(self.model, self.fontMetrics().height() + 10)
        self.table.activated.connect(self._on_row_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.addActions(self._actions.table_actions())
        self.stack = RegistryStack(self, self.table, self._ws, self._tasks)  # or a guide when empty
        layout.addWidget(self.stack, 1)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)

    # -- state --------------------------------------------------------------------------------
    @property
    def trash_mode(self) -> bool:
        """Whether the list shows the trash instead of the registry."""
        return self.show_trash_action.isChecked()

    @property
    def writable(self) -> bool:
        """Whether this window may change records."""
        return self._ws.writable

    def service(self) -> OrganizationService:
        """The registry service, created (and SQLAlchemy imported) on first use."""
        if self._service_instance is None:
            from kyodo_desktop.services.organizations import OrganizationService

            self._service_instance = OrganizationService(self._ws)
        return self._service_instance

    def selected_ids(self) -> list[str]:
        """Ids of the selected rows, in view order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.row_id(row) for row in rows]

    def current_id(self) -> str | None:
        """The id of the current row (or the first selected one), if any."""
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return self.model.row_id(index.row())
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select_id(self, org_id: str) -> bool:
        """Select and show the row of ``org_id``; False when it is not in the list."""
        row = self.model.row_of(org_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, COL_NAME))
        return True

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search field."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    # -- loading ------------------------------------------------------------------------------
    @property
    def loading(self) -> bool:
        """Whether rows are being read that are not shown yet."""
        return self._loader.loading

    def hold_read_ahead(self, *signals: SignalInstance) -> None:
        """Read no column ahead before the first of ``signals`` (the home tab's list painted)
        or this tab shown (:meth:`RowLoader.hold_read_ahead`)."""
        self._loader.hold_read_ahead(*signals)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._loader.release_read_ahead()  # looked at: its first keystroke comes next

    def reload(self, preloaded: BackgroundTask | None = None) -> None:
        """Load the rows again from the data file, off the UI thread (see :class:`RowLoader`)."""
        self.count_label.setText(self.tr("読み込み中…"))
        self._loader.reload(preloaded)

    def on_verified(self) -> None:
        """The start-up check passed: read the rows again if the early read (or a row) failed."""
        if self.model.unreadable:
            self.reload()
        else:
            self._loader.on_verified()

    def _on_reload_triggered(self) -> None:
        self.reload()

    def _on_rows_loaded(self, rows: RowStore) -> None:
        selected = self.current_id()
        self._set_filter_on_model()
        self.model.set_store(rows)
        column = "search_text"
        self._loader.read_ahead(
            rows,
            column,
            lambda result: self.model.install_column(column, *result) if self.model.store is rows else None,
        )
        if selected:
            self.select_id(selected)
        self._report_count()
        log.info("registry rows loaded: %d", len(rows))
        self.rows_loaded.emit(len(rows))

    def _on_load_failed(self, exc: Exception, retrying: bool) -> None:
        self.count_label.setText(self.tr("読み込みに失敗しました"))
        if retrying:
            return  # read again after the start-up check (a damaged file gets its own page)
        failed = self.tr("団体一覧を読み込めませんでした: {reason}")
        errors.show_error(
            self,
            self.tr("読み込みエラー"),
            exc,
            known=failed,
            file=failed,
            bug=self.tr("団体一覧を読み込めませんでした（{kind}）。詳細はログを確認してください。"),
            what="loading registry rows",
            logger=log,
        )

    def shutdown(self) -> None:
        """Stop background work (before the window closes)."""
        self._search_timer.stop()
        self._imports.shutdown()  # the wizard's running work must stop before the data file closes
        self._tasks.close()
        self.model.store.close()

    def has_unsaved_dialogs(self) -> bool:
        """Whether an open organization form holds unsaved edits."""
        return self._forms.has_unsaved()

    def open_dialogs(self) -> list[OrganizationDialog]:
        """Organization forms currently open from this tab."""
        return self._forms.all()

    # -- filtering ----------------------------------------------------------------------------
    def _on_search_text_changed(self, _text: str) -> None:
        self._search_timer.start()

    def _on_filter_changed(self, _index: int) -> None:
        self._apply_filter()

    def _on_search_return_pressed(self) -> None:
        self._search_timer.stop()
        self._apply_filter()
        if self.model.rowCount() > 0:
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)
            if not self.selected_ids():
                self.table.selectRow(0)

    def _set_filter_on_model(self) -> None:
        self.model.apply_filter(
            self.search_edit.text(),
            self.municipality_filter.currentData(),
            self.field_filter.currentData(),
            self.legal_form_filter.currentData(),
            self.status_filter.currentData(),
        )

    def _apply_filter(self) -> None:
        self._search_timer.stop()
        selected = self.current_id()
        self._set_filter_on_model()
        if selected:
            self.select_id(selected)
        self._report_count()

    def _report_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count
        if self.loading:
            text = self.tr("読み込み中…")
        elif self.model.is_filtered:
            text = self.tr("{shown} 件（全 {total} 件）").format(shown=f"{shown:,}", total=f"{total:,}")
        else:
            text = self.tr("{shown} 件").format(shown=f"{shown:,}")
        if self.trash_mode:
            text = self.tr("ゴミ箱: ") + text
        self.count_label.setText(text)
        self._update_actions()
        self.count_changed.emit(shown, total)

    def _update_actions(self) -> None:
        self._actions.update(
            writable=self.writable,
            trash_mode=self.trash_mode,
            has_selection=self.table.selectionModel().hasSelection(),
        )

    def _on_show_trash_toggled(self, checked: bool) -> None:
        self._actions.set_trash_mode(checked)
        self.trash_toggle.setText(self.tr("ゴミ箱"))
        self.table.clearSelection()
        self.model.set_rows([])
        self.reload()
        self._update_actions()

    # -- records ------------------------------------------------------------------------------
    def new_organization(self) -> OrganizationDialog | None:
        """Open an empty form (None when this window is read-only)."""
        return self._forms.open_new()

    def open_organization(self, org_id: str) -> OrganizationDialog | None:
        """Open (or bring forward) the form of one record."""
        return self._forms.open(org_id)

    def _on_organization_saved(self, org_id: str) -> None:
        self.refresh_row(org_id)
        self.select_id(org_id)

    def refresh_row(self, org_id: str) -> None:
        """Re-read one row after it changed and patch it into the list."""
        row = load_row(self._ws.db_path, org_id)
        if row is None or not is_listed(row, trash=self.trash_mode):
            self.model.remove_row(org_id)
        else:
            self.model.upsert_row(row)
        self._report_count()

    def _on_new_triggered(self) -> None:
        self.new_organization()

    def _on_open_triggered(self) -> None:
        org_id = self.current_id()
        if org_id is not None:
            self.open_organization(org_id)

    def _on_row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_organization(self.model.row_id(index.row()))

    def _on_trash_triggered(self) -> None:
        ids = self.selected_ids()
        if not ids or not self.writable:
            return
        first_row = self.model.row_of(ids[0])
        name = self.model.org_row(first_row).name
        if not trash.confirm_and_move(self, self.service, ids, name, restore=self.trash_mode):
            return
        self.model.remove_rows(ids)
        self._report_count()
        if self.model.rowCount() > 0:
            self.table.selectRow(min(first_row, self.model.rowCount() - 1))

    # -- export -------------------------------------------------------------------------------
    def export_to_excel(self) -> BackgroundTask | None:
        """Ask the layout and a file and write what the list shows (the filtered rows when a
        search or filter is set, else the whole registry), in the table's order on screen, in the
        background (Cancel stops it)."""
        model = self.model
        on_screen = model.is_filtered or not model.in_registry_order
        return self._export.run(model.visible_ids() if on_screen and not self.trash_mode else None)

    def _on_export_triggered(self) -> None:
        self.export_to_excel()

    # -- import -------------------------------------------------------------------------------
    def open_import_wizard(self, kind: ImportKind | None = None) -> ImportWizard | None:
        """Show the import wizard (or bring the open one forward), ``kind`` chosen; None when read-only."""
        return self._imports.open(kind) if self.writable else None

    def _on_import_triggered(self) -> None:
        self.open_import_wizard()

    def _on_import_finished(self) -> None:
        self.reload()
        self.imported.emit()
