"""Step 3 of the import wizard: what each row will do, its problems, per-field choices, 取り込む.

The per-field choices of an update are the :class:`ChangesPanel` (``changes_panel.py``). 「誤りの
ある値を除いて取り込む」 plans the rows again in a worker, each invalid value left out and listed.

Nothing is written before 「取り込む」; then :func:`~kyodo_desktop.services.importing.apply_import`
runs in a worker (backup, one transaction, Cancel rolls back) and the wizard shows the result.

Past projects are shown by :class:`ProjectReviewModel` (事業名, 年度, 団体名 with how each partner
was found, 金額) and written by :func:`~kyodo_desktop.services.project_import.apply_project_import`;
there is no per-field choice (a stored project is left as it is).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QModelIndex, QRegularExpression, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from kyodo_desktop.gui import errors, styles
from kyodo_desktop.gui.importing.changes_panel import ChangesPanel
from kyodo_desktop.gui.importing.drop_invalid import DropInvalidCheck
from kyodo_desktop.gui.importing.project_review_model import (
    COL_PARTNERS,
    COL_TITLE,
    ProjectReviewModel,
    action_label,
)
from kyodo_desktop.gui.importing.review_model import (
    COL_ACTION,
    COL_MATCH,
    COL_NAME,
    COL_ROW,
    PROBLEM_COL_COLUMN,
    PROBLEM_COL_ROW,
    ActionRole,
    ProblemTableModel,
    ReviewTableModel,
    RowNumberRole,
)
from kyodo_desktop.gui.importing.review_source import raw_names, source_text
from kyodo_desktop.gui.importing.state import PAGE_RESULT, ImportState
from kyodo_desktop.gui.importing.summary_save import save_summary
from kyodo_desktop.gui.importing.widgets import message_label, show_message
from kyodo_desktop.services.importing import Action, ImportPlan, PlannedRow, apply_import
from kyodo_desktop.services.project_import import ProjectImportPlan, apply_project_import

log = logging.getLogger(__name__)

#: Actions listed in the review counts, in this order (スキップ is not planned by the readers).
_COUNTED = (Action.NEW, Action.UPDATE, Action.UNCHANGED, Action.DUPLICATE_IN_FILE, Action.ERROR)
#: The same for past projects (a stored project is never updated).
_PROJECT_COUNTED = (Action.NEW, Action.UNCHANGED, Action.DUPLICATE_IN_FILE, Action.ERROR)


def _counts(plan: ImportPlan | ProjectImportPlan | None, *, outcomes: bool = False) -> dict[Action, int]:
    """Rows per planned action (``outcomes``: an update with nothing taken as 変更なし)."""
    if isinstance(plan, ImportPlan):
        return plan.outcomes() if outcomes else plan.counts()
    return {action: plan.count(action) if plan is not None else 0 for action in Action}


class ReviewPage(QWizardPage):
    """Step 3: what each row will do, the problems, per-field choices for updates, and 取り込む."""

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.setObjectName("importReviewPage")
        self.setTitle(self.tr("内容を確かめて取り込む"))
        self.setSubTitle(
            self.tr(
                "まだ何も保存していません。「取り込む」を押すと、バックアップを取ってから全件を一度に取り込みます。"
            )
        )
        self.setCommitPage(True)  # after the write, 戻る would only show a stale plan
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("取り込む"))
        self._plan: ImportPlan | ProjectImportPlan | None = None
        self._change_row = -1

        layout = QVBoxLayout(self)
        self.source_note = QLabel()
        self.source_note.setObjectName("sourceNote")
        self.source_note.setStyleSheet(styles.HINT_STYLE)
        self.source_note.setWordWrap(True)
        layout.addWidget(self.source_note)

        top = QHBoxLayout()
        self.counts_label = QLabel()
        self.counts_label.setObjectName("reviewCounts")
        self.counts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top.addWidget(self.counts_label, 1)
        filter_label = QLabel(self.tr("表示(&V):"))
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("reviewFilter")
        self.filter_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.filter_combo.currentIndexChanged.connect(self._on_filter_changed)
        filter_label.setBuddy(self.filter_combo)
        top.addWidget(filter_label)
        top.addWidget(self.filter_combo)
        layout.addLayout(top)

        self.organization_model = ReviewTableModel(self)
        self.project_model = ProjectReviewModel(self, state.ws)
        self.model: ReviewTableModel | ProjectReviewModel = self.organization_model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(ActionRole)
        self.proxy.setFilterKeyColumn(COL_ACTION)
        self.table = QTableView()
        self.table.setObjectName("reviewTable")
        self.table.setModel(self.proxy)
        self._setup_view(self.table)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        metrics = self.table.fontMetrics()
        self._set_widths()
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)

        self.problem_model = ProblemTableModel(self)
        self.problem_box = QGroupBox(self.tr("問題のある行"))
        self.problem_box.setObjectName("problemBox")
        self.problem_view = QTableView()
        self.problem_view.setObjectName("problemList")
        self.problem_view.setModel(self.problem_model)
        self._setup_view(self.problem_view)
        self.problem_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problem_view.setColumnWidth(PROBLEM_COL_ROW, metrics.horizontalAdvance("00000") + 18)
        self.problem_view.setColumnWidth(PROBLEM_COL_COLUMN, metrics.horizontalAdvance("国" * 6) + 18)
        self.problem_view.selectionModel().currentRowChanged.connect(self._on_problem_row_changed)
        problem_layout = QVBoxLayout(self.problem_box)
        problem_layout.addWidget(self.problem_view)

        self.change_box = ChangesPanel()
        self.change_box.accepted_changed.connect(self._on_accepted_changed)

        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.setChildrenCollapsible(False)
        lower.addWidget(self.problem_box)
        lower.addWidget(self.change_box)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("reviewSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.drop_invalid_check = DropInvalidCheck(state)
        self.drop_invalid_check.replanned.connect(self._on_replanned)
        self.drop_invalid_check.failed.connect(self._on_replan_failed)
        layout.addWidget(self.drop_invalid_check)
        self.valid_only_check = QCheckBox(self.tr("エラーのない行だけ取り込む(&E)"))
        self.valid_only_check.setObjectName("validOnlyCheck")
        self.valid_only_check.toggled.connect(self._on_valid_only_toggled)
        layout.addWidget(self.valid_only_check)
        self.valid_only_hint = message_label("validOnlyHint")
        layout.addWidget(self.valid_only_hint)
        self.apply_message = message_label("applyMessage")
        layout.addWidget(self.apply_message)

        summary_row = QHBoxLayout()
        self.summary_button = QPushButton(self.tr("この内容をExcelに保存…"))
        self.summary_button.setObjectName("saveSummaryButton")
        self.summary_button.setAutoDefault(False)
        self.summary_button.setToolTip(
            self.tr("各行の処理と問題の一覧をExcelファイルに保存します（データは取り込みません）")
        )
        self.summary_button.clicked.connect(self._on_save_summary_clicked)
        self.summary_status = QLabel()
        self.summary_status.setObjectName("summaryStatus")
        self.summary_status.setWordWrap(True)
        self.summary_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary_row.addWidget(self.summary_button)
        summary_row.addWidget(self.summary_status, 1)
        layout.addLayout(summary_row)

    def _set_widths(self) -> None:
        samples = [(COL_ROW, "00000"), (COL_ACTION, "ファイル内重複")]
        if self.model is self.project_model:
            samples += [(COL_TITLE, "国" * 16), (COL_TITLE + 1, "令和00年度"), (COL_PARTNERS, "国" * 24)]
            samples += [(COL_PARTNERS + 1, "000,000,000")]
        else:
            samples += [(COL_NAME, "国" * 18), (COL_MATCH, "国" * 14)]
        metrics = self.table.fontMetrics()
        for column, sample in samples:
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 18)

    def _use_model(self) -> None:
        """The model of the kind imported (the kind may change between two visits)."""
        model = self.project_model if self.state.projects else self.organization_model
        self.change_box.setVisible(model is self.organization_model)
        if model is not self.model:
            self.model.set_plan(None)
            self.model = model
            self.proxy.setSourceModel(model)
            self._set_widths()

    @staticmethod
    def _setup_view(view: QTableView) -> None:
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)

    # -- showing the plan ---------------------------------------------------------------------
    def initializePage(self) -> None:
        self._use_model()
        plan = self.state.plan
        if plan is not self._plan:
            self._show_plan(plan)
        show_message(self.apply_message, "")
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_plan(self, plan: ImportPlan | ProjectImportPlan | None) -> None:
        self._plan = plan
        self._change_row = -1
        self.model.set_plan(plan, raw_names(self.state, plan))
        remarks = sorted([*plan.problems, *plan.notices], key=lambda p: p.row_number) if plan else []
        self.problem_model.set_problems(remarks)
        self.summary_status.setText("")
        self._show_counts()
        # the filter lists rows by their planned action (an update with nothing ticked is there
        # to be ticked); the count line says what the import will do
        counts = _counts(plan)
        self.source_note.setText(source_text(self.state, plan))
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        self.filter_combo.addItem(self.tr("すべて（{count}）").format(count=f"{sum(counts.values()):,}"), "")
        for action in self._counted():
            if counts[action]:
                self.filter_combo.addItem(f"{self._action_text(action)}（{counts[action]:,}）", action.value)
        self.filter_combo.blockSignals(False)
        self._on_filter_changed(0)
        problems = self.problem_model.rowCount()
        self.problem_box.setTitle(self.tr("問題のある行（{count} 件）").format(count=f"{problems:,}"))
        self.valid_only_check.blockSignals(True)
        self.valid_only_check.setChecked(False)
        self.valid_only_check.blockSignals(False)
        self.valid_only_check.setVisible(plan is not None and plan.has_errors)
        self.drop_invalid_check.show_plan(plan)
        self._update_hint()
        first_update = next(
            (n for n in range(self.model.rowCount()) if self.model.planned_row(n).action is Action.UPDATE), 0
        )
        if self.model.rowCount():
            self._select_source_row(first_update)
        else:
            self._show_changes()
        self.completeChanged.emit()

    def _counted(self) -> tuple[Action, ...]:
        return _PROJECT_COUNTED if isinstance(self._plan, ProjectImportPlan) else _COUNTED

    def _action_text(self, action: Action) -> str:
        return action_label(action) if isinstance(self._plan, ProjectImportPlan) else self.tr(action.value)

    def _show_counts(self) -> None:
        plan = self._plan
        counts = _counts(plan, outcomes=True)
        text = "、".join(
            self.tr("{action} {count} 件").format(action=self._action_text(a), count=f"{counts[a]:,}")
            for a in self._counted()
        )
        if isinstance(plan, ProjectImportPlan):
            text += self.tr("（新しく登録する団体 {count} 件）").format(
                count=f"{len(plan.new_organizations):,}"
            )
        self.counts_label.setText(text)

    def _on_filter_changed(self, _index: int) -> None:
        value = self.filter_combo.currentData() or ""
        pattern = f"^{QRegularExpression.escape(value)}$" if value else ""
        self.proxy.setFilterRegularExpression(QRegularExpression(pattern))

    def _select_source_row(self, source_row: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(source_row, COL_ROW))
        if not index.isValid():  # hidden by the filter: show every row again
            self.filter_combo.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(source_row, COL_ROW))
        if index.isValid():
            self.table.setCurrentIndex(index)
            self.table.selectRow(index.row())
            self.table.scrollTo(index)

    def select_row_number(self, row_number: int) -> bool:
        """Select the review row of a source row number; False when there is none."""
        row = self.model.row_of_number(row_number)
        if row < 0:
            return False
        self._select_source_row(row)
        return True

    def _on_problem_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.select_row_number(int(self.problem_model.data(current, RowNumberRole)))

    # -- choosing the fields of an update -----------------------------------------------------
    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        source = self.proxy.mapToSource(current) if current.isValid() else QModelIndex()
        self._change_row = source.row() if source.isValid() else -1
        self._show_changes()

    def _current_planned(self) -> PlannedRow | None:
        if self.model is self.organization_model and 0 <= self._change_row < self.model.rowCount():
            return self.organization_model.planned_row(self._change_row)
        return None

    def _show_changes(self) -> None:
        self.change_box.show_row(self._current_planned())

    def _on_accepted_changed(self) -> None:
        self.model.refresh_row(self._change_row)
        self._show_counts()  # an update with nothing ticked counts as 変更なし
        self._update_hint()

    def _on_replanned(self, plan: ImportPlan | ProjectImportPlan | None) -> None:
        self._show_plan(plan if plan is not None else self._plan)
        show_message(self.apply_message, "")

    def _on_replan_failed(self, text: str) -> None:
        show_message(self.apply_message, text)

    # -- confirming ---------------------------------------------------------------------------
    def _on_valid_only_toggled(self, _checked: bool) -> None:
        self._update_hint()
        self.completeChanged.emit()

    def _update_hint(self) -> None:
        plan = self._plan
        if plan is None:
            show_message(self.valid_only_hint, "")
            return
        error_rows = plan.count(Action.ERROR)
        if not self.state.ws.writable:
            show_message(self.valid_only_hint, self.tr("閲覧専用で開いているため取り込めません。"))
        elif error_rows and not self.valid_only_check.isChecked():
            show_message(
                self.valid_only_hint,
                self.tr(
                    "エラーのある行が {count} 行あります。エラーの行を除いて取り込むには、"
                    "「エラーのない行だけ取り込む」にチェックを入れてください。"
                    "ファイルを直してから取り込む場合は「キャンセル」で閉じてください。"
                ).format(count=f"{error_rows:,}"),
            )
        elif not self._writes_anything():
            show_message(
                self.valid_only_hint,
                self.tr("新しく登録する事業はありません。取り込んでも何も変わりません。")
                if isinstance(plan, ProjectImportPlan)
                else self.tr("新しく登録する団体も、変わる項目もありません。取り込んでも何も変わりません。"),
                styles.HINT_STYLE,
            )
        elif error_rows:
            show_message(
                self.valid_only_hint,
                self.tr("エラーの {count} 行は取り込まず、残りの行を取り込みます。").format(
                    count=f"{error_rows:,}"
                ),
                styles.HINT_STYLE,
            )
        else:
            show_message(self.valid_only_hint, "")

    def _writes_anything(self) -> bool:
        plan = self._plan
        if isinstance(plan, ProjectImportPlan):
            return plan.count(Action.NEW) > 0
        return plan is not None and any(
            r.action is Action.NEW or (r.action is Action.UPDATE and r.taken_changes()) for r in plan.rows
        )

    def isComplete(self) -> bool:
        plan = self._plan
        if plan is None or not self.state.ws.writable:
            return False
        return not plan.has_errors or self.valid_only_check.isChecked()

    def nextId(self) -> int:
        return PAGE_RESULT if self.state.summary is not None else -1

    def validatePage(self) -> bool:
        state = self.state
        if state.summary is not None:
            return True
        plan = self._plan
        if state.busy or plan is None or not self.isComplete():
            return False
        valid_only = self.valid_only_check.isChecked()
        ws = state.ws
        show_message(self.apply_message, "")
        if isinstance(plan, ProjectImportPlan):
            count = plan.count(Action.NEW)
            projects = plan

            def work(task: Any) -> Any:
                return apply_project_import(ws, projects, valid_only=valid_only, progress=task.report)

        else:
            count = sum(
                1
                for r in plan.rows
                if r.action is Action.NEW or (r.action is Action.UPDATE and r.taken_changes())
            )
            organizations = plan

            def work(task: Any) -> Any:
                return apply_import(ws, organizations, valid_only=valid_only, progress=task.report)

        state.host.run_task(
            work,
            title=self.tr("取り込み"),
            label=self.tr("{count} 件を取り込んでいます…（キャンセルすると何も取り込みません）").format(
                count=f"{count:,}"
            ),
            on_success=state.host.finish_import,
            on_failure=self._on_apply_failed,
        )
        return False

    def _on_apply_failed(self, exc: Exception) -> None:
        # ImportCancelled says itself: 取り込みを中止しました。データは取り込み前のままです。
        text = errors.error_text(
            exc,
            what="import",
            bug=self.tr(
                "取り込みに失敗しました（{kind}）。データは取り込み前のままです。詳細はログを確認してください。"
            ),
        )
        show_message(self.apply_message, text)

    def _on_save_summary_clicked(self) -> None:
        save_summary(self, self.state, self.summary_status)
