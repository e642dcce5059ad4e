"""The home tab's list: one row per item of the day (services/today.py), dates in 和暦."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.wareki import to_wareki_short
from kyodo_desktop.gui.table_base import ModelIndex, ReadOnlyTableModel

if TYPE_CHECKING:  # the service imports SQLAlchemy, loaded in the worker only
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


class TodayModel(ReadOnlyTableModel):
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
        self.items: list[TodayItem] = []
        self.today = date.today()

    def set_items(self, items: list[TodayItem], today: date) -> None:
        """Show ``items`` (as of ``today``)."""
        self.beginResetModel()
        self.items = list(items)
        self.today = today
        self.endResetModel()

    def item(self, row: int) -> TodayItem:
        """The item shown on ``row``."""
        return self.items[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
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
