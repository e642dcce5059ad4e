"""Small table models of the organization dialog: contact persons and the interaction log."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject, Qt

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui.table_base import ModelIndex, RowsTableModel

if TYPE_CHECKING:
    from kyodo_desktop.services.organizations import ContactRecord, InteractionRecord

#: The record id of a row.
IdRole = Qt.ItemDataRole.UserRole

_Record = TypeVar("_Record")


def _date_text(value: date | None) -> str:
    return value.isoformat() if value else ""


class _RecordTableModel(RowsTableModel[_Record]):
    """Read-only rows of records that have an ``id``; subclasses say what each column shows."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = [self.tr(h) for h in self.HEADERS]

    def set_records(self, records: Sequence[_Record]) -> None:
        """Replace all rows."""
        self.set_rows(records)

    def record(self, row: int) -> _Record:
        """The record shown at ``row``."""
        return self._rows[row]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rec = self.row_at(index.row())
        if rec is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(rec, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(rec, index.column())
        if role == IdRole:
            return getattr(rec, "id", None)
        return None

    def _display(self, rec: _Record, column: int) -> str:
        raise NotImplementedError

    def _tooltip(self, rec: _Record, column: int) -> str | None:
        return None


class ContactTableModel(_RecordTableModel["ContactRecord"]):
    """Contact persons (担当者) of one organization; 主担当 is marked with ●."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ContactTableModel", "氏名"),
        QT_TRANSLATE_NOOP("ContactTableModel", "フリガナ"),
        QT_TRANSLATE_NOOP("ContactTableModel", "役職"),
        QT_TRANSLATE_NOOP("ContactTableModel", "電話"),
        QT_TRANSLATE_NOOP("ContactTableModel", "メール"),
        QT_TRANSLATE_NOOP("ContactTableModel", "主担当"),
    )

    def _display(self, rec: ContactRecord, column: int) -> str:
        d = rec.data
        values = (d.name, d.kana, d.role, d.phone, d.email, "●" if d.is_primary else "")
        return values[column] if 0 <= column < len(values) else ""


class InteractionTableModel(_RecordTableModel["InteractionRecord"]):
    """The interaction log (対応記録) of one organization, newest first, with the 担当者 spoken with."""

    HEADERS = (
        QT_TRANSLATE_NOOP("InteractionTableModel", "対応日"),
        QT_TRANSLATE_NOOP("InteractionTableModel", "種類"),
        QT_TRANSLATE_NOOP("InteractionTableModel", "内容"),
        QT_TRANSLATE_NOOP("InteractionTableModel", "職員"),
        QT_TRANSLATE_NOOP("InteractionTableModel", "次回対応日"),
        QT_TRANSLATE_NOOP("InteractionTableModel", "先方の担当者"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._contact_names: dict[str, str] = {}

    def set_contact_names(self, names: dict[str, str]) -> None:
        """The names of the organization's contacts by id (the 担当者 column shows them)."""
        self._contact_names = dict(names)
        if self._rows:
            last = self.index(len(self._rows) - 1, len(self.HEADERS) - 1)
            self.dataChanged.emit(self.index(0, len(self.HEADERS) - 1), last)

    def _display(self, rec: InteractionRecord, column: int) -> str:
        d = rec.data
        values = (
            _date_text(d.occurred_on),
            d.kind,
            " ".join(d.summary.split()),
            d.officer,
            _date_text(d.next_action_on),
            self._contact_names.get(d.contact_id, "") if d.contact_id else "",
        )
        return values[column] if 0 <= column < len(values) else ""

    def _tooltip(self, rec: InteractionRecord, column: int) -> str | None:
        d = rec.data
        if column == 0 and d.occurred_on:
            return to_wareki(d.occurred_on)
        if column == 4 and d.next_action_on:
            return to_wareki(d.next_action_on)
        if column == 2:
            return d.summary
        return None
