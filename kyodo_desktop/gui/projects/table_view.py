"""The table view of the 事業 tab: single-row selection, sample-sized columns, header sorting.

Split from the tab's building code; the tab connects the selection and the header's signals.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from kyodo_desktop.gui.projects.table_model import (
    COL_FORM,
    COL_PARTNER,
    COL_PERIOD_END,
    COL_STAGE,
    COL_TITLE,
    ProjectTableModel,
)
from kyodo_desktop.gui.table_base import table_view


def project_table(model: ProjectTableModel) -> QTableView:
    """The ``projectTable`` view of ``model``: columns sized to typical texts, no sort shown yet."""
    table = table_view("projectTable", model)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    metrics = table.fontMetrics()
    samples = {
        COL_TITLE: "国" * 22,
        COL_FORM: "実行委員会・協議会",
        COL_STAGE: "課題・ニーズの把握",
        COL_PARTNER: "国" * 14,
        COL_PERIOD_END: "令和10年12月31日",
    }
    for column, sample in samples.items():
        table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 18)
    header.setStretchLastSection(True)
    # a header click sorts the loaded rows (the model's sort, a reset); no indicator at first
    header.setSectionsClickable(True)
    header.setSortIndicatorShown(True)
    header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    return table
