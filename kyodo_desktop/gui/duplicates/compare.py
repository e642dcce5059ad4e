"""The two records of the selected candidate pair side by side: what an officer judges them by."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.gui.styles import HINT_STYLE
from kyodo_desktop.services.duplicates import CandidatePair, PairSide

#: (PairSide field, label) in the order shown
ROWS = (
    ("legal_form", QT_TRANSLATE_NOOP("PairComparison", "法人格")),
    ("municipality", QT_TRANSLATE_NOOP("PairComparison", "市町村")),
    ("address", QT_TRANSLATE_NOOP("PairComparison", "住所")),
    ("phone", QT_TRANSLATE_NOOP("PairComparison", "電話")),
    ("representative", QT_TRANSLATE_NOOP("PairComparison", "代表者")),
    ("corporate_number", QT_TRANSLATE_NOOP("PairComparison", "法人番号")),
)
#: a value both records have and that differs: a reason to think they are different groups
DIFFERS_STYLE = "color: #b00020;"


class PairComparison(QWidget):
    """A grid: one row per field, 団体A and 団体B in two columns; differing values marked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pairComparison")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.names = (QLabel(), QLabel())
        self.values: dict[str, tuple[QLabel, QLabel]] = {}
        for column, label in enumerate(self.names, start=1):
            label.setObjectName(f"compareName{'AB'[column - 1]}")
            label.setStyleSheet("font-weight: bold;")
            grid.addWidget(label, 0, column)
        for row, (field, title) in enumerate(ROWS, start=1):
            caption = QLabel(self.tr(title))
            caption.setStyleSheet(HINT_STYLE)
            grid.addWidget(caption, row, 0)
            pair = (QLabel(), QLabel())
            for column, label in enumerate(pair, start=1):
                label.setObjectName(f"compare_{field}_{'AB'[column - 1]}")
                label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                grid.addWidget(label, row, column)
            self.values[field] = pair
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.show_pair(None)

    def show_pair(self, pair: CandidatePair | None) -> None:
        """Show ``pair`` (None: empty)."""
        sides: tuple[PairSide, PairSide] = (pair.first, pair.second) if pair else (PairSide(), PairSide())
        self.names[0].setText(pair.first_name if pair else "")
        self.names[1].setText(pair.second_name if pair else "")
        for field, labels in self.values.items():
            a, b = (getattr(side, field) for side in sides)
            differs = bool(a and b and a != b)
            for label, value in zip(labels, (a, b), strict=True):
                label.setText((value or self.tr("（なし）")) if pair else "")
                label.setStyleSheet(DIFFERS_STYLE if differs else "")
