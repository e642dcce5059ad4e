"""The filter bar of the projects tab: 年度, 関係, 形態, 段階, 担当課, 活動分野 and partner text.

Its :meth:`ProjectFilters.query` is the keyword arguments of ``ProjectService.list_projects``;
the tab applies them to the rows it holds (``persistence.project_listing.filter_rows``, the
partner text through the partner index) and resets its model with the rows left.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT
from kyodo_desktop.domain.project_terms import ProjectForm, RelationshipKind, Stage
from kyodo_desktop.gui.i18n import activity_field_name, activity_field_short
from kyodo_desktop.gui.projects.labels import term, year_label

#: Keystroke-to-filter delay of the partner field: the registry search's (``SEARCH_DEBOUNCE_MS``),
#: now that the partner text is matched in memory (a few ms) rather than by a query of the file
PARTNER_DEBOUNCE_MS = 80


class ProjectFilters(QWidget):
    """The filter widgets in one row.

    Signals: ``changed()`` when a filter value changed (the partner text after a pause).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.year_filter = self._combo("projectYearFilter", self.tr("すべての年度"), [])
        self.kind_filter = self._combo(
            "projectKindFilter", self.tr("すべての関係"), [(term(k.value), k.value) for k in RelationshipKind]
        )
        self.form_filter = self._combo(
            "projectFormFilter", self.tr("すべての形態"), [(term(f.value), f.value) for f in ProjectForm]
        )
        self.stage_filter = self._combo(
            "projectStageFilter", self.tr("すべての段階"), [(term(s.value), s.value) for s in Stage]
        )
        self.section_filter = self._combo("projectSectionFilter", self.tr("すべての担当課"), [])
        self.field_filter = self._combo(
            "projectFieldFilter",
            self.tr("すべての活動分野"),
            [(activity_field_short(c), c) for c in ACTIVITY_FIELD_SHORT],
        )
        for n, code in enumerate(ACTIVITY_FIELD_SHORT, start=1):
            self.field_filter.setItemData(n, activity_field_name(code), Qt.ItemDataRole.ToolTipRole)
        self.partner_edit = QLineEdit()
        self.partner_edit.setObjectName("projectPartnerFilter")
        self.partner_edit.setPlaceholderText(self.tr("パートナーの団体名・フリガナ・住所"))
        self.partner_edit.setClearButtonEnabled(True)
        self.partner_edit.setMinimumWidth(200)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PARTNER_DEBOUNCE_MS)
        self._timer.timeout.connect(self.changed)
        self.partner_edit.textChanged.connect(lambda _text: self._timer.start())
        self.partner_edit.returnPressed.connect(self._on_partner_return_pressed)
        for combo in self.combos():
            layout.addWidget(combo)
        layout.addWidget(self.partner_edit, 1)

    def combos(self) -> list[QComboBox]:
        """The choice filters, in order."""
        return [
            self.year_filter,
            self.kind_filter,
            self.form_filter,
            self.stage_filter,
            self.section_filter,
            self.field_filter,
        ]

    def _combo(self, name: str, all_label: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.addItem(all_label, None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setMaxVisibleItems(20)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(lambda _index: self.changed.emit())
        return combo

    def _on_partner_return_pressed(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def query(self) -> dict[str, Any]:
        """The filter values as ``list_projects`` keyword arguments."""
        partner = self.partner_edit.text().strip()
        return {
            "fiscal_year": self.year_filter.currentData(),
            "kind": self.kind_filter.currentData(),
            "form": self.form_filter.currentData(),
            "stage": self.stage_filter.currentData(),
            "section": self.section_filter.currentData(),
            "field": self.field_filter.currentData(),
            "partner": partner or None,
        }

    @property
    def is_set(self) -> bool:
        """Whether any filter narrows the list."""
        return any(v is not None for v in self.query().values())

    def clear(self) -> None:
        """Every filter back to すべて (one ``changed`` at the end)."""
        self._timer.stop()
        for combo in self.combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.partner_edit.blockSignals(True)
        self.partner_edit.clear()
        self.partner_edit.blockSignals(False)
        self.changed.emit()

    def offer(self, years: set[int], sections: set[str]) -> None:
        """Add the 年度 and 担当課 seen in the listed projects to their filters (kept sorted)."""
        self._merge(self.year_filter, years, year_label, reverse=True)
        self._merge(self.section_filter, {s for s in sections if s}, str, reverse=False)

    def stop(self) -> None:
        """Stop the partner field's pending query (before the tab goes away)."""
        self._timer.stop()

    @staticmethod
    def _merge(combo: QComboBox, values: set[Any], text: Any, *, reverse: bool) -> None:
        present = {combo.itemData(n) for n in range(1, combo.count())}
        if values <= present:
            return
        chosen = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value in sorted(present | values, reverse=reverse):
            combo.addItem(text(value), value)
        combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
        combo.blockSignals(False)
