"""The registry list's widgets: the ``orgTable`` view and the filter combo boxes above it.

Split from the 団体台帳 tab's building code; the tab owns the texts (translated in its context)
and connects the signals (a combo's ``currentIndexChanged``, the table's selection).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QTableView

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
from kyodo_desktop.gui.table_base import table_view

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


def registry_table(model: OrganizationTableModel, row_height: int) -> QTableView:
    """The ``orgTable`` view: whole rows selected, columns sized for their typical content."""
    table = table_view("orgTable", model, multi=True)
    table.verticalHeader().setDefaultSectionSize(row_height)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    metrics = table.fontMetrics()
    for column, sample in _COLUMN_SAMPLES.items():
        table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 18)
    header.setSortIndicator(COL_NAME, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    return table


def filter_combo(name: str, all_label: str, items: list[tuple[str, Any]]) -> QComboBox:
    """A filter combo box named ``name``: ``all_label`` (no filter, data None) first, then ``items``."""
    combo = QComboBox()
    combo.setObjectName(name)
    combo.addItem(all_label, None)
    for text, value in items:
        combo.addItem(text, value)
    combo.setMaxVisibleItems(20)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo
