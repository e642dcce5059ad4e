"""The 「重複の候補」 view: pairs of registry records that look like one group, and their merge.

The pairs are found in a worker (a national-size registry takes a few seconds). Choosing a pair
opens the :class:`MergeDialog`; the last merge done here can be undone with 「統合を取り消す」.
A pair of different groups is marked 「重複ではない」 (Delete) and is not proposed again.
The selected pair's two records are shown side by side below the list.
The view is non-modal: the officer may look records up in the registry while it is open.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.gui import errors
from kyodo_desktop.gui.duplicates.compare import PairComparison
from kyodo_desktop.gui.duplicates.merge_dialog import MergeDialog
from kyodo_desktop.gui.duplicates.model import COL_FIRST, COL_REASONS, COL_SECOND, CandidateTableModel
from kyodo_desktop.gui.duplicates.progress import SearchProgress
from kyodo_desktop.gui.keys import enter_presses_only_the_focused_button
from kyodo_desktop.gui.styles import ERROR_STYLE, SUCCESS_STYLE
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup
from kyodo_desktop.services import duplicates, not_duplicates
from kyodo_desktop.services.duplicates import CandidatePair
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MergeDone:
    """A merge done in this session (what 「統合を取り消す」 undoes)."""

    keep_id: str
    keep_name: str
    other_id: str
    other_name: str


class DuplicatesView(QDialog):
    """Lists duplicate candidates and merges a chosen pair.

    Signals: ``merged(str, str)`` (survivor id, merged id) after a merge;
    ``unmerged(str, str)`` (survivor id, restored id) after the undo of a merge;
    ``candidates_loaded(int)`` with the number of pairs after each search;
    ``dismissed(str, str)`` after a pair was marked 「重複ではない」.
    """

    dismissed = Signal(str, str)
    merged = Signal(str, str)
    unmerged = Signal(str, str)
    candidates_loaded = Signal(int)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesView")
        self.setWindowTitle(self.tr("重複の候補"))
        self.setModal(False)
        self._ws = ws
        self._service = OrganizationService(ws)
        self._tasks = TaskGroup()
        self._generation = 0
        self._searching = False
        self._busy = False
        self._merge_dialog: MergeDialog | None = None
        self.last_merge: MergeDone | None = None
        self.model = CandidateTableModel(self)
        self._build()
        self._update_buttons()
        self.resize(900, 560)

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "同じ法人番号・名称・電話番号・メールアドレス、またはよく似た名称の団体の組です。"
                "同じ団体の組を選んで「統合…」を押すと（ダブルクリックまたはEnterでも）、一つにまとめられます。"
                "別の団体の組は「重複ではない」（Delete）で候補から外せます。確からしい組から順に並びます。"
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)

        progress_row = QHBoxLayout()
        self.progress = SearchProgress()
        progress_row.addWidget(self.progress, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("duplicatesCount")
        progress_row.addWidget(self.count_label)
        layout.addLayout(progress_row)

        self.table = QTableView()
        self.table.setObjectName("duplicatesTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # No column at first: the pairs stay in the order found (most reasons first).
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        width = self.table.fontMetrics().horizontalAdvance("国" * 20) + 18
        self.table.setColumnWidth(COL_FIRST, width)
        self.table.setColumnWidth(COL_SECOND, width)
        self.table.activated.connect(self._on_row_activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.setAccessibleName(self.tr("重複の候補の一覧"))
        layout.addWidget(self.table, 1)
        self.comparison = PairComparison()
        layout.addWidget(self.comparison)

        self.message_label = QLabel()
        self.message_label.setObjectName("duplicatesMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        layout.addWidget(self.message_label)

        buttons = QHBoxLayout()
        self.merge_button = self._button("mergeButton", self.tr("統合…(&M)"), self.open_merge_dialog)
        self.merge_button.setToolTip(self.tr("選んだ組を統合する（Enter・ダブルクリック）"))
        self.rescan_button = self._button("rescanButton", self.tr("再検索(&R)"), self.rescan)
        self.rescan_button.setToolTip(self.tr("重複の候補を探し直す（F5）"))
        self.unmerge_button = self._button(
            "unmergeButton", self.tr("統合を取り消す(&U)"), self.undo_last_merge
        )
        self.unmerge_button.setToolTip(self.tr("この画面で最後に行った統合を元に戻す"))
        self.close_button = self._button("closeDuplicatesButton", self.tr("閉じる"), self.close)
        self.dismiss_button = self._button(
            "notDuplicateButton", self.tr("重複ではない(&N)"), self.dismiss_current_pair
        )
        self.dismiss_button.setToolTip(self.tr("選んだ組を別の団体と記録し、候補に出さない（Delete）"))
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.rescan_button)
        buttons.addWidget(self.unmerge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)

        refresh = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self)
        refresh.activated.connect(self.rescan)
        dismiss = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
        dismiss.setContext(Qt.ShortcutContext.WidgetShortcut)
        dismiss.activated.connect(self.dismiss_current_pair)

    @staticmethod
    def _button(name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter belongs to the table (merge the current pair)
        button.clicked.connect(slot)
        return button

    # -- searching ----------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._generation == 0:
            self.rescan()

    def present(self) -> None:
        """Show the view (searching again when it was opened before) and bring it to the front."""
        if self.isVisible():
            self.raise_()
            self.activateWindow()
            return
        searched = self._generation > 0
        self.show()
        if searched:
            self.rescan()
        self.raise_()
        self.activateWindow()

    def refresh_if_shown(self) -> None:
        """Search again when the view is open (after an import); a closed view searches on opening."""
        if self.isVisible():
            self.rescan()

    def rescan(self) -> None:
        """Look for candidate pairs again, off the UI thread."""
        self._generation += 1
        generation = self._generation
        self._searching = True
        self.progress.start()
        self.count_label.clear()
        self._update_buttons()
        ws = self._ws
        task = BackgroundTask(lambda _task: duplicates.find_candidates(ws), self)
        task.succeeded.connect(lambda pairs: self._on_found(generation, pairs))
        task.failed.connect(lambda exc: self._on_search_failed(generation, exc))
        self._tasks.start(task)

    def _end_search(self) -> None:
        self._searching = False
        self.progress.stop()

    @property
    def searching(self) -> bool:
        """Whether a search is running."""
        return self._searching

    def _on_found(self, generation: int, pairs: list[CandidatePair]) -> None:
        if generation != self._generation:
            return  # a newer search was started meanwhile
        self._end_search()
        selected = self.current_pair()
        self.model.set_pairs(pairs)
        if selected is not None:
            self._select_pair(selected.first_id, selected.second_id)
        elif pairs:
            self.table.selectRow(0)
        self._show_count()
        self._update_buttons()
        self.candidates_loaded.emit(len(pairs))

    def _on_search_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self._end_search()
        text = errors.error_text(
            exc,
            known=self.tr("重複の候補を探せませんでした: {reason}"),
            bug=self.tr("重複の候補を探せませんでした（{kind}）。詳細はログを確認してください。"),
            what="duplicate search",
            logger=log,
        )
        self._show_message(text, error=True)
        self._update_buttons()

    def _show_count(self) -> None:
        n = self.model.rowCount()
        if n:
            self.count_label.setText(self.tr("候補 {n} 組").format(n=f"{n:,}"))
        else:
            self.count_label.setText(self.tr("重複の候補はありません"))

    # -- selection ----------------------------------------------------------------------------
    def current_pair(self) -> CandidatePair | None:
        """The selected pair, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.pair(rows[0].row()) if rows else None

    def select_pair(self, first_id: str, second_id: str) -> bool:
        """Select the pair of these two records (in either order); False when it is not listed."""
        return self._select_pair(first_id, second_id)

    def _select_pair(self, first_id: str, second_id: str) -> bool:
        wanted = {first_id, second_id}
        for row, pair in enumerate(self.model.pairs()):
            if {pair.first_id, pair.second_id} == wanted:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, COL_REASONS))
                return True
        return False

    def _update_buttons(self) -> None:
        writable = self._ws.writable
        pair = self.current_pair()
        has_pair = pair is not None
        self.comparison.show_pair(pair)
        self.merge_button.setEnabled(writable and has_pair and not self._busy)
        self.dismiss_button.setEnabled(writable and has_pair and not self._busy)
        self.rescan_button.setEnabled(not self._searching)
        self.unmerge_button.setEnabled(writable and self.last_merge is not None and not self._busy)
        if self.last_merge is not None:
            self.unmerge_button.setToolTip(
                self.tr("「{other}」を「{keep}」に統合したのを元に戻す").format(
                    other=self.last_merge.other_name, keep=self.last_merge.keep_name
                )
            )

    # -- merging ------------------------------------------------------------------------------
    def _on_row_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.table.selectRow(index.row())
            self.open_merge_dialog()

    def open_merge_dialog(self) -> MergeDialog | None:
        """Open the merge dialog on the selected pair (window-modal, it does not block)."""
        pair = self.current_pair()
        if pair is None or not self._ws.writable or self._busy:
            return None
        if self._merge_dialog is not None:
            self._merge_dialog.raise_()
            self._merge_dialog.activateWindow()
            return self._merge_dialog
        try:
            first, second = self._service.get(pair.first_id), self._service.get(pair.second_id)
        except Exception as exc:
            known = errors.known_text(exc)
            if known is None:
                raise
            self._show_message(
                self.tr("団体を読み込めませんでした: {reason}").format(reason=known), error=True
            )
            return None
        dialog = MergeDialog(self._ws, first, second, self)
        dialog.merged.connect(self._on_merged)
        dialog.finished.connect(self._on_merge_dialog_finished)
        self._merge_dialog = dialog
        dialog.open()
        return dialog

    @property
    def merge_dialog(self) -> MergeDialog | None:
        """The merge dialog currently open, if any."""
        return self._merge_dialog

    def _on_merge_dialog_finished(self, _result: int) -> None:
        self._merge_dialog = None
        self.table.setFocus()

    def _on_merged(self, keep_id: str, other_id: str) -> None:
        names = {}
        for pair in self.model.pairs():
            names[pair.first_id], names[pair.second_id] = pair.first_name, pair.second_name
        done = MergeDone(keep_id, names.get(keep_id, ""), other_id, names.get(other_id, ""))
        self.last_merge = done
        self.model.remove_involving(other_id)
        self._show_count()
        self._show_message(
            self.tr(
                "「{other}」を「{keep}」に統合しました。元に戻すには「統合を取り消す」を押してください。"
            ).format(other=done.other_name, keep=done.keep_name)
        )
        self.merged.emit(keep_id, other_id)
        self.rescan()  # the survivor may now match other records, or no longer match

    def dismiss_current_pair(self) -> None:
        """Mark the selected pair 「重複ではない」 (one small write, audited) and drop it from the list."""
        pair = self.current_pair()
        if pair is None or not self._ws.writable or self._busy or self._merge_dialog is not None:
            return
        row = self.table.selectionModel().selectedRows()[0].row()
        try:
            not_duplicates.mark(self._ws, pair.first_id, pair.second_id)
        except Exception as exc:
            text = errors.error_text(
                exc,
                known=self.tr("「重複ではない」と記録できませんでした: {reason}"),
                bug=self.tr(
                    "「重複ではない」と記録できませんでした（{kind}）。詳細はログを確認してください。"
                ),
                what="not duplicate",
                logger=log,
            )
            self._show_message(text, error=True)
            return
        self.model.remove_pair(pair.first_id, pair.second_id)
        if self.model.rowCount():
            self.table.selectRow(min(row, self.model.rowCount() - 1))
        self._show_count()
        self._update_buttons()
        self._show_message(
            self.tr("「{a}」と「{b}」は別の団体と記録しました。今後は候補に出しません。").format(
                a=pair.first_name, b=pair.second_name
            )
        )
        self.dismissed.emit(pair.first_id, pair.second_id)

    def undo_last_merge(self) -> None:
        """Undo the last merge done in this view (after a backup), in a worker."""
        done = self.last_merge
        if done is None or self._busy or not self._ws.writable:
            return
        ws = self._ws

        def work(_task: BackgroundTask) -> str:
            return duplicates.unmerge(ws, done.other_id)  # backs up first

        self._busy = True
        self._update_buttons()
        self._show_message(self.tr("統合を取り消しています…"))
        task = BackgroundTask(work, self)
        task.succeeded.connect(lambda keep_id: self._on_unmerged(done, keep_id))
        task.failed.connect(self._on_unmerge_failed)
        self._tasks.start(task)

    def _on_unmerged(self, done: MergeDone, keep_id: str) -> None:
        log.info("unmerged organization %s from %s", done.other_id, keep_id)
        self._busy = False
        self.last_merge = None
        self._show_message(
            self.tr("統合を取り消しました。「{other}」と「{keep}」は別の団体に戻りました。").format(
                other=done.other_name, keep=done.keep_name
            )
        )
        self._update_buttons()
        self.unmerged.emit(keep_id, done.other_id)
        self.rescan()

    def _on_unmerge_failed(self, exc: Exception) -> None:
        self._busy = False
        text = errors.error_text(
            exc,
            known=self.tr("統合を取り消せませんでした: {reason}"),
            file=self.tr("バックアップを作成できなかったため、取り消しませんでした: {reason}"),
            bug=self.tr("統合を取り消せませんでした（{kind}）。詳細はログを確認してください。"),
            what="unmerge",
            logger=log,
        )
        self._show_message(text, error=True)
        self._update_buttons()

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE if error else SUCCESS_STYLE)
        self.message_label.setText(text)
        self.message_label.show()

    # -- keys and closing ---------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The table handles Enter (merge the current pair) and passes it on; QDialog would then
        # press a default button as well.
        if not enter_presses_only_the_focused_button(self, event):
            super().keyPressEvent(event)

    def shutdown(self) -> None:
        """Wait for running work and close (before the data folder is released)."""
        if self._merge_dialog is not None:
            self._merge_dialog.shutdown()
            self._merge_dialog.close()
        self._tasks.stop_all()  # a search cannot be interrupted; it is waited for
        self.progress.stop()
        self.close()
