"""The 団体台帳 tab: search and filter the registry, open, create, trash and export records.

Rows come from a ``persistence.rows.RowStore`` (raw ``sqlite3``; ids loaded off the UI thread);
``OrganizationService`` — and with it SQLAlchemy — is imported only when a record is opened,
saved, trashed or exported, so the window shows its table without paying for the ORM.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT, ACTIVITY_FIELDS, LEGAL_FORMS, OrgStatus
from kyodo_desktop.domain.municipalities import CHIBA_MUNICIPALITIES
from kyodo_desktop.gui import dialogs
from kyodo_desktop.gui.organizations.table_model import (
    COL_FIELDS,
    COL_KANA,
    COL_LAST_CONTACT,
    COL_LEGAL_FORM,
    COL_MUNICIPALITY,
    COL_NAME,
    COL_PHONE,
    COL_REGISTERED,
    COL_REPRESENTATIVE,
    COL_STATUS,
    OrganizationTableModel,
)
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup, show_progress
from kyodo_desktop.persistence.errors import KnownError, known_database_error
from kyodo_desktop.persistence.rows import RowStore, load_row
from kyodo_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from kyodo_desktop.gui.importing.wizard import ImportWizard
    from kyodo_desktop.gui.organizations.edit_dialog import OrganizationDialog
    from kyodo_desktop.services.organizations import OrganizationService

log = logging.getLogger(__name__)

#: Keystroke-to-filter delay: short enough to feel immediate, long enough to skip most keystrokes
#: of a fast typist (filtering 100k rows takes 6–21 ms).
SEARCH_DEBOUNCE_MS = 80

#: Typical content of each column, sized with the current font (so DPI and fonts do not clip).
_COLUMN_SAMPLES = {
    COL_NAME: "国" * 18,
    COL_KANA: "国" * 14,
    COL_LEGAL_FORM: "認定特定非営利活動法人",
    COL_MUNICIPALITY: "南房総市国",
    COL_FIELDS: "国" * 12,
    COL_STATUS: "活動中",
    COL_PHONE: "0000-00-0000",
    COL_REPRESENTATIVE: "佐々木 美咲",
    COL_LAST_CONTACT: "最終接触日",
    COL_REGISTERED: "2024-04-01",
}


class OrganizationsTab(QWidget):
    """The registry list with its search field, filters and record actions.

    Signals: ``count_changed(int, int)`` (shown, loaded) whenever the list changes;
    ``rows_loaded(int)`` after a (re)load finished.
    """

    count_changed = Signal(int, int)
    rows_loaded = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("organizationsTab")
        self._ws = workspace
        self._service_instance: OrganizationService | None = None
        self._tasks = TaskGroup()
        self._retry_after_verify = False
        self._load_generation = 0
        self._shown_generation = 0
        self._loading = False
        self._dialogs: dict[str, OrganizationDialog] = {}
        self._new_dialogs: list[OrganizationDialog] = []
        self._import_wizard: ImportWizard | None = None
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
        self.new_action = QAction(self.tr("新規"), self)
        self.new_action.setShortcut(QKeySequence(QKeySequence.StandardKey.New))
        self.new_action.setToolTip(self.tr("団体を新しく登録（Ctrl+N）"))
        self.new_action.triggered.connect(self._on_new_triggered)

        self.open_action = QAction(self.tr("開く"), self)
        # Key_Enter first: menus show the first shortcut, and officers call the key "Enter".
        self.open_action.setShortcuts([QKeySequence(Qt.Key.Key_Enter), QKeySequence(Qt.Key.Key_Return)])
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.open_action.setToolTip(self.tr("選択した団体を開く（Enter）"))
        self.open_action.triggered.connect(self._on_open_triggered)

        self.trash_action = QAction(self.tr("ゴミ箱へ移す"), self)
        self.trash_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.trash_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.trash_action.setToolTip(self.tr("選択した団体をゴミ箱へ移す（Delete）"))
        self.trash_action.triggered.connect(self._on_trash_triggered)

        self.show_trash_action = QAction(self.tr("ゴミ箱を表示"), self)
        self.show_trash_action.setCheckable(True)
        self.show_trash_action.setToolTip(self.tr("ゴミ箱に移した団体を表示する"))
        self.show_trash_action.toggled.connect(self._on_show_trash_toggled)

        self.export_action = QAction(self.tr("Excelに書き出す…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setToolTip(self.tr("団体台帳をExcelファイルに書き出す（Ctrl+E）"))
        self.export_action.triggered.connect(self._on_export_triggered)

        self.import_action = QAction(self.tr("インポート…"), self)
        self.import_action.setObjectName("importAction")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.setToolTip(
            self.tr("NPO法人ポータルサイトのCSVやExcelの一覧から団体を取り込む（Ctrl+I）")
        )
        self.import_action.triggered.connect(self._on_import_triggered)

        self.reload_action = QAction(self.tr("最新の情報に更新"), self)
        self.reload_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.reload_action.triggered.connect(self.reload)

        # Window-wide shortcuts must work with or without the menu bar.
        self.addActions([self.new_action, self.export_action, self.import_action, self.reload_action])

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

        self.municipality_filter = self._filter_combo(
            "municipalityFilter", self.tr("すべての市町村"), [(n, c) for c, n in CHIBA_MUNICIPALITIES.items()]
        )
        self.field_filter = self._filter_combo(
            "fieldFilter",
            self.tr("すべての活動分野"),
            [(self.tr(s), c) for c, s in ACTIVITY_FIELD_SHORT.items()],
        )
        for code in ACTIVITY_FIELD_SHORT:
            self.field_filter.setItemData(code, self.tr(ACTIVITY_FIELDS[code]), Qt.ItemDataRole.ToolTipRole)
        self.legal_form_filter = self._filter_combo(
            "legalFormFilter", self.tr("すべての法人格"), [(self.tr(f), f) for f in LEGAL_FORMS]
        )
        self.status_filter = self._filter_combo(
            "statusFilter", self.tr("すべての状態"), [(self.tr(s.value), s.value) for s in OrgStatus]
        )
        for combo in (
            self.municipality_filter,
            self.field_filter,
            self.legal_form_filter,
            self.status_filter,
        ):
            filters.addWidget(combo)
        self.trash_toggle = self._tool_button("trashToggle", self.show_trash_action)
        self.trash_toggle.setText(self.tr("ゴミ箱"))
        filters.addWidget(self.trash_toggle)
        layout.addLayout(filters)

        buttons = QHBoxLayout()
        buttons.addWidget(self._tool_button("newButton", self.new_action))
        buttons.addWidget(self._tool_button("openButton", self.open_action))
        self.trash_button = self._tool_button("trashButton", self.trash_action)
        buttons.addWidget(self.trash_button)
        buttons.addWidget(self._tool_button("exportButton", self.export_action))
        buttons.addWidget(self._tool_button("importButton", self.import_action))
        buttons.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("orgCountLabel")
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        self.table = QTableView()
        self.table.setObjectName("orgTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        metrics = self.table.fontMetrics()
        for column, sample in _COLUMN_SAMPLES.items():
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 18)
        header.setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._on_row_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.addActions([self.open_action, self.trash_action])
        layout.addWidget(self.table, 1)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)

    def _filter_combo(self, name: str, all_label: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(all_label, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setMaxVisibleItems(20)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(self._on_filter_changed)
        return combo

    @staticmethod
    def _tool_button(name: str, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

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
    def reload(self, preloaded: BackgroundTask | None = None) -> None:
        """Load the rows again from the data file, off the UI thread.

        ``preloaded`` is a read of the registry rows started before the workspace was opened, so
        that reading overlapped the start-up health check; its rows are used if it succeeds, else
        the rows are read again.
        """
        self._load_generation += 1
        generation = self._load_generation
        self._loading = True
        self.count_label.setText(self.tr("読み込み中…"))
        if preloaded is not None and not self.trash_mode:
            preloaded.succeeded.connect(lambda rows: self._on_rows_loaded(generation, rows))
            preloaded.failed.connect(lambda _exc: self._on_preload_failed(generation))
            # The outcome is stored before the signal is sent: if it is there, the signal may
            # have gone out before we connected, so take it now (a second delivery is ignored).
            if preloaded.outcome is not None:
                ok, value = preloaded.outcome
                if ok:
                    self._on_rows_loaded(generation, value)
                else:
                    self._on_preload_failed(generation)
            return
        trash, db_path = self.trash_mode, self._ws.db_path
        task = BackgroundTask(lambda _task: RowStore.open(db_path, trash=trash), self)
        task.succeeded.connect(lambda rows: self._on_rows_loaded(generation, rows))
        task.failed.connect(self._on_load_failed)
        self._tasks.start(task)

    def _on_rows_loaded(self, generation: int, rows: RowStore) -> None:
        if generation != self._load_generation or generation == self._shown_generation:
            return  # a newer load (e.g. the trash was toggled meanwhile) wins
        self._shown_generation = generation
        self._loading = False
        selected = self.current_id()
        self._set_filter_on_model()
        self.model.set_store(rows)
        self._read_ahead(rows, "search_text")
        if selected:
            self.select_id(selected)
        self._report_count()
        log.info("registry rows loaded: %d", len(rows))
        self.rows_loaded.emit(len(rows))

    def _on_preload_failed(self, generation: int) -> None:
        if generation == self._load_generation and generation != self._shown_generation:
            if self._ws.verified:
                self.reload()  # e.g. the file was migrated after the early read
            else:
                self._retry_after_verify = True

    def on_verified(self) -> None:
        """The start-up check passed: read the rows again if the early read failed."""
        if self._retry_after_verify:
            self._retry_after_verify = False
            self.reload()

    def _read_ahead(self, store: RowStore, column: str) -> None:
        """Read a column every filter needs in a worker, so the first keystroke does not wait."""
        task = BackgroundTask(lambda _task: store.read_column(column), self)
        task.succeeded.connect(
            lambda result: self.model.install_column(column, *result) if self.model.store is store else None
        )
        self._tasks.start(task)

    def _on_load_failed(self, exc: Exception) -> None:
        self._loading = False
        log.error("loading registry rows failed: %s", exc)
        self.count_label.setText(self.tr("読み込みに失敗しました"))
        if not self._ws.verified:
            # The start-up check is still running: a damaged file gets its own page, and a file
            # that only needed its journal rolled back (a writer killed mid-save) is read again.
            self._retry_after_verify = True
            return
        dialogs.error(
            self,
            self.tr("読み込みエラー"),
            self.tr("団体一覧を読み込めませんでした: {error}").format(error=exc),
        )

    def shutdown(self) -> None:
        """Stop background work (before the window closes)."""
        self._search_timer.stop()
        if self._import_wizard is not None:
            self._import_wizard.shutdown()  # its running work must stop before the data file closes
        self._tasks.stop_all()
        self.model.store.close()

    def has_unsaved_dialogs(self) -> bool:
        """Whether an open organization form holds unsaved edits."""
        return any(d.has_unsaved_changes for d in self.open_dialogs())

    def open_dialogs(self) -> list[OrganizationDialog]:
        """Organization forms currently open from this tab."""
        return [*self._dialogs.values(), *self._new_dialogs]

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
        if self._loading:
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
        has_selection = self.table.selectionModel().hasSelection()
        self.new_action.setEnabled(self.writable and not self.trash_mode)
        self.open_action.setEnabled(has_selection)
        self.trash_action.setEnabled(self.writable and has_selection)
        self.import_action.setEnabled(self.writable)

    def _on_show_trash_toggled(self, checked: bool) -> None:
        if checked:
            self.trash_action.setText(self.tr("元に戻す"))
            self.trash_action.setToolTip(self.tr("選択した団体をゴミ箱から元に戻す"))
        else:
            self.trash_action.setText(self.tr("ゴミ箱へ移す"))
            self.trash_action.setToolTip(self.tr("選択した団体をゴミ箱へ移す（Delete）"))
        self.trash_toggle.setText(self.tr("ゴミ箱"))
        self.table.clearSelection()
        self.model.set_rows([])
        self.reload()
        self._update_actions()

    # -- records ------------------------------------------------------------------------------
    def new_organization(self) -> OrganizationDialog | None:
        """Open an empty form (None when this window is read-only)."""
        if not self.writable:
            return None
        from kyodo_desktop.gui.organizations.edit_dialog import OrganizationDialog

        dialog = OrganizationDialog(self.service(), None, parent=self)
        self._new_dialogs.append(dialog)
        self._wire_dialog(dialog)
        dialog.show()
        return dialog

    def open_organization(self, org_id: str) -> OrganizationDialog | None:
        """Open (or bring forward) the form of one record."""
        existing = self._dialogs.get(org_id)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return existing
        from kyodo_desktop.gui.organizations.edit_dialog import OrganizationDialog

        try:
            dialog = OrganizationDialog(self.service(), org_id, read_only=not self.writable, parent=self)
        except KnownError as exc:
            dialogs.error(self, self.tr("団体を開けません"), str(exc))
            return None
        self._dialogs[org_id] = dialog
        self._wire_dialog(dialog)
        dialog.show()
        return dialog

    def _wire_dialog(self, dialog: OrganizationDialog) -> None:
        dialog.organization_saved.connect(lambda org_id, d=dialog: self._on_organization_saved(d, org_id))
        dialog.open_existing_requested.connect(self.open_organization)
        dialog.finished.connect(lambda _result, d=dialog: self._forget_dialog(d))

    def _forget_dialog(self, dialog: OrganizationDialog) -> None:
        self._dialogs = {k: d for k, d in self._dialogs.items() if d is not dialog}
        self._new_dialogs = [d for d in self._new_dialogs if d is not dialog]

    def _on_organization_saved(self, dialog: OrganizationDialog, org_id: str) -> None:
        if any(d is dialog for d in self._new_dialogs):
            self._new_dialogs = [d for d in self._new_dialogs if d is not dialog]
            self._dialogs[org_id] = dialog
        self.refresh_row(org_id)
        self.select_id(org_id)

    def refresh_row(self, org_id: str) -> None:
        """Re-read one row after it changed and patch it into the list."""
        row = load_row(self._ws.db_path, org_id)
        if row is None or (row.deleted_at is not None) != self.trash_mode:
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
        label = f"「{self.model.org_row(first_row).name}」"
        if len(ids) > 1:
            label += self.tr(" ほか {n} 件").format(n=f"{len(ids) - 1:,}")
        if self.trash_mode:
            title, text, ok = (
                self.tr("ゴミ箱から戻す"),
                self.tr("{label}を元に戻しますか？").format(label=label),
                self.tr("元に戻す"),
            )
        else:
            title, text, ok = (
                self.tr("ゴミ箱へ移す"),
                self.tr("{label}をゴミ箱へ移しますか？（ゴミ箱から元に戻せます）").format(label=label),
                self.tr("ゴミ箱へ移す"),
            )
        if not dialogs.confirm(self, title, text, ok_text=ok):
            return
        service = self.service()
        try:  # one transaction: all selected records move, or none
            if self.trash_mode:
                service.restore_many(ids)
            else:
                service.delete_many(ids)
        except Exception as exc:
            known = exc if isinstance(exc, KnownError) else known_database_error(exc)
            if known is None:
                raise
            dialogs.error(self, title, str(known))
            return
        self.model.remove_rows(ids)
        self._report_count()
        if self.model.rowCount() > 0:
            self.table.selectRow(min(first_row, self.model.rowCount() - 1))

    # -- export -------------------------------------------------------------------------------
    def export_to_excel(self) -> BackgroundTask | None:
        """Ask for a file and write the registry to it in the background (Cancel stops it)."""
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = str(Path(documents or Path.home()) / f"団体台帳_{date.today():%Y%m%d}.xlsx")
        chosen = dialogs.get_save_file_name(
            self, self.tr("Excelに書き出す"), default, self.tr("Excel ブック (*.xlsx)")
        )
        if not chosen:
            return None
        out = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
        ws = self._ws

        def work(task: BackgroundTask) -> int:
            from kyodo_desktop.services.export_xlsx import export_organizations

            return int(export_organizations(ws, out, progress=task.report))

        task = BackgroundTask(work, self)
        task.succeeded.connect(lambda count: self._on_export_done(out, count))
        task.failed.connect(self._on_export_failed)
        show_progress(
            self,
            task,
            self.tr("Excelに書き出す"),
            self.tr("{name} に書き出しています…").format(name=out.name),
            cancellable=True,
        )
        self._tasks.start(task)
        return task

    def _on_export_triggered(self) -> None:
        self.export_to_excel()

    def _on_export_done(self, out: Path, count: int) -> None:
        log.info("exported %d organizations", count)
        dialogs.info(
            self,
            self.tr("Excelに書き出す"),
            self.tr("{count} 件を書き出しました。\n{path}").format(count=f"{count:,}", path=out),
        )

    def _on_export_failed(self, exc: Exception) -> None:
        if isinstance(exc, ImportError):
            log.error("export module unavailable", exc_info=exc)
            dialogs.error(
                self, self.tr("Excelに書き出す"), self.tr("Excel書き出しの機能を読み込めませんでした。")
            )
            return
        from kyodo_desktop.services.export_xlsx import ExportCancelled

        if isinstance(exc, ExportCancelled):
            log.info("export cancelled")
            return
        if isinstance(exc, KnownError):
            dialogs.error(self, self.tr("Excelに書き出す"), str(exc))
            return
        if isinstance(exc, OSError):
            dialogs.error(
                self,
                self.tr("Excelに書き出す"),
                self.tr("ファイルを書き込めませんでした: {error}").format(error=exc.strerror or exc),
            )
            return
        log.error("export failed", exc_info=exc)
        dialogs.error(
            self,
            self.tr("Excelに書き出す"),
            self.tr("書き出しに失敗しました（{kind}）。詳細はログを確認してください。").format(
                kind=type(exc).__name__
            ),
        )

    # -- import -------------------------------------------------------------------------------
    def open_import_wizard(self) -> ImportWizard | None:
        """Show the import wizard (or bring the open one forward); None when read-only."""
        if not self.writable:
            return None
        if self._import_wizard is not None:
            self._import_wizard.raise_()
            self._import_wizard.activateWindow()
            return self._import_wizard
        from kyodo_desktop.gui.importing.wizard import ImportWizard

        wizard = ImportWizard(self._ws, parent=self)
        wizard.import_finished.connect(self._on_import_finished)
        wizard.finished.connect(lambda _result, w=wizard: self._forget_import_wizard(w))
        self._import_wizard = wizard
        wizard.show()
        return wizard

    def _on_import_triggered(self) -> None:
        self.open_import_wizard()

    def _on_import_finished(self, _summary: object) -> None:
        self.reload()

    def _forget_import_wizard(self, wizard: ImportWizard) -> None:
        if self._import_wizard is wizard:
            self._import_wizard = None
        wizard.deleteLater()
