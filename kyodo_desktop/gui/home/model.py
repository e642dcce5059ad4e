"""The home tab's list: one row per item of the day (services/today.py), dates in 和暦."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QColor

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.wareki import to_wareki_short
from kyodo_desktop.gui.table_base import ModelIndex, RowsTableModel

if TYPE_CHECKING:
    from kyodo_desktop.services.today import TodayItem

#: overdue rows are written in this colour (the app's warning red, readable on white and grey)
OVERDUE = QColor("#b00020")


def day_text(on: date | None, today: date) -> str:
    """The date in 和暦 with 今日 / 期限超過 told (an undated item shows a dash)."""
    if on is None:
        return "—"
    text = to_wareki_short(on)
    if on == today:
        return QCoreApplication.translate("TodayModel", "{date}（今日）").format(date=text)
    return text


class TodayModel(RowsTableModel["TodayItem"]):
    """The items in the order given (most overdue first); columns 日付, 種類, 件名, 内容."""

    HEADERS = (
        QT_TRANSLATE_NOOP("TodayModel", "日付"),
        QT_TRANSLATE_NOOP("TodayModel", "種類"),
        QT_TRANSLATE_NOOP("TodayModel", "件名"),
        QT_TRANSLATE_NOOP("TodayModel", "内容"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr(h) for h in self.HEADERS]
        self.today = date.today()

    @property
    def items(self) -> list[TodayItem]:
        """The items shown, in their order."""
        return self.rows

    def set_items(self, items: list[TodayItem], today: date) -> None:
        """Show ``items`` (as of ``today``)."""
        self.today = today
        self.set_rows(items)

    def item(self, row: int) -> TodayItem:
        """The item shown on ``row``."""
        return self.rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.row_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return day_text(item.on, self.today)
            if column == 1:
                kind = QCoreApplication.translate("TodayKind", item.kind.value)
                return (
                    QCoreApplication.translate("TodayModel", "{kind}（期限超過）").format(kind=kind)
                    if item.overdue
                    else kind
                )
            return item.title if column == 2 else item.detail
        if role == Qt.ItemDataRole.ForegroundRole and item.overdue:
            return OVERDUE
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return item.detail
        return None
