"""The evaluations tab's left side: the projects due for evaluation, or any project found.

Two lists over one table: 「評価の予定」 (``services.evaluation_due``) and 「すべての事業」 (the
projects' own listing, narrowed by 年度 and a title search typed here). Both are read off the
UI thread; choosing a row emits ``project_chosen(project_id, fiscal_year)``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.text import nfkc
from kyodo_desktop.gui import errors
from kyodo_desktop.gui.evaluations.labels import term
from kyodo_desktop.gui.projects.labels import year_label
from kyodo_desktop.gui.table_base import ModelIndex, RowsTableModel, table_view
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup

if TYPE_CHECKING:
    from kyodo_desktop.services.workspace import Workspace


@dataclass(frozen=True)
class ListRow:
    """One row of the left list: a project, its 年度, why it is listed and its partner."""

    project_id: str
    title: str
    fiscal_year: int | None
    reason: str
    partner: str


class ProjectListModel(RowsTableModel[ListRow]):
    """The rows of the left list: 年度, 事業名, 理由 (or 段階), 主たるパートナー."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr("年度"), self.tr("事業名"), self.tr("理由・段階"), self.tr("パートナー")]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.rows[index.row()]
        return (year_label(row.fiscal_year), row.title, row.reason, row.partner)[index.column()]

    def row_of(self, project_id: str) -> int:
        """The row showing ``project_id``, or -1."""
        return next((n for n, r in enumerate(self.rows) if r.project_id == project_id), -1)


class ProjectList(QWidget):
    """The due list and the project search; ``project_chosen(id, 年度 or 0)`` on a choice."""

    project_chosen = Signal(str, int)
    rows_loaded = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._tasks = TaskGroup()
        self._generation = 0
        self._all: list[ListRow] = []
        self.loading = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        modes = QHBoxLayout()
        self.due_mode = QRadioButton(self.tr("評価の予定"))
        self.due_mode.setObjectName("dueProjectsMode")
        self.all_mode = QRadioButton(self.tr("すべての事業"))
        self.all_mode.setObjectName("allProjectsMode")
        group = QButtonGroup(self)
        group.addButton(self.due_mode)
        group.addButton(self.all_mode)
        self.due_mode.setChecked(True)
        self.due_mode.toggled.connect(lambda _on: self.reload())
        modes.addWidget(self.due_mode)
        modes.addWidget(self.all_mode)
        modes.addStretch(1)
        layout.addLayout(modes)
        search = QHBoxLayout()
        self.year_filter = QComboBox()
        self.year_filter.setObjectName("evaluationYearFilter")
        self.year_filter.addItem(self.tr("すべての年度"), None)
        self.year_filter.currentIndexChanged.connect(lambda _n: self._apply_filter())
        self.search = QLineEdit()
        self.search.setObjectName("evaluationProjectSearch")
        self.search.setPlaceholderText(self.tr("事業名で絞り込む"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._apply_filter())
        search.addWidget(self.year_filter)
        search.addWidget(self.search, 1)
        layout.addLayout(search)
        self.model = ProjectListModel(self)
        self.table = table_view("evaluationProjectTable", self.model)
        self.table.horizontalHeader().setStretchLastSection(True)
        metrics = self.table.fontMetrics()
        for column, sample in enumerate(("令和10年度", "国" * 10, "最終評価が未提出")):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 18)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("evaluationProjectCount")
        layout.addWidget(self.count_label)

    def reload(self) -> None:
        """Read the list of the chosen mode again, off the UI thread."""
        self._generation += 1
        generation = self._generation
        self.loading = True
        self.count_label.setText(self.tr("読み込み中…"))
        due = self.due_mode.isChecked()
        ws = self._ws
        task = BackgroundTask(lambda _task: _read_rows(ws, due), self)
        task.succeeded.connect(lambda rows: self._on_loaded(generation, rows))
        task.failed.connect(lambda exc: self._on_failed(generation, exc))
        self._tasks.start(task)

    def _on_loaded(self, generation: int, rows: list[ListRow]) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self._all = rows
        chosen = self.year_filter.currentData()
        self.year_filter.blockSignals(True)
        self.year_filter.clear()
        self.year_filter.addItem(self.tr("すべての年度"), None)
        for year in sorted({r.fiscal_year for r in rows if r.fiscal_year is not None}, reverse=True):
            self.year_filter.addItem(year_label(year), year)
        found = self.year_filter.findData(chosen)
        self.year_filter.setCurrentIndex(max(found, 0))
        self.year_filter.blockSignals(False)
        self._apply_filter()
        self.rows_loaded.emit(len(rows))

    def _on_failed(self, generation: int, exc: Exception) -> None:
        if generation != self._generation:
            return
        self.loading = False
        self.count_label.setText(errors.error_text(exc, known=self.tr("読み込めませんでした: {reason}")))

    def _apply_filter(self) -> None:
        year = self.year_filter.currentData()
        words = nfkc(self.search.text()).lower().split()
        shown = [
            r
            for r in self._all
            if (year is None or r.fiscal_year == year) and all(w in nfkc(r.title).lower() for w in words)
        ]
        self.model.set_rows(shown)
        self.count_label.setText(self.tr("{shown} 件").format(shown=f"{len(shown):,}"))

    def _on_selection(self, *_args: object) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            row = self.model.rows[rows[0].row()]
            self.project_chosen.emit(row.project_id, row.fiscal_year or 0)

    def select_project(self, project_id: str) -> bool:
        """Select the row of ``project_id`` (which emits ``project_chosen``); False when not listed."""
        row = self.model.row_of(project_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def shutdown(self) -> None:
        """Stop the reads (before the window closes)."""
        self._tasks.stop_all()


def _read_rows(ws: Workspace, due: bool) -> list[ListRow]:
    if due:
        from kyodo_desktop.services.evaluation_due import due_projects

        return [
            ListRow(d.project_id, d.title, d.fiscal_year, term_reasons(d.reasons), d.partner)
            for d in due_projects(ws)
        ]
    from kyodo_desktop.services.projects import ProjectService

    return [
        ListRow(p.id, p.title, p.fiscal_year, term(p.stage, "ProjectTerm"), p.main_partner)
        for p in ProjectService(ws).list_projects()
    ]


def term_reasons(reasons: tuple[str, ...]) -> str:
    """The due reasons as shown (``EvaluationDue`` labels), joined with 「・」."""
    return "・".join(term(r, "EvaluationDue") for r in reasons)
