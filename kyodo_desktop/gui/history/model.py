"""The history table: one row per audit row, newest first, fetched as the rows are painted.

The whole registry holds many thousands of audit rows, so the model keeps only their ids and
reads rows a page at a time when the view asks for them (as the registry's table does); one
record's history is small and is given whole.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from kyodo_desktop.domain.column_mapping import TARGETS
from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.local_time import utc_iso_to_local_text
from kyodo_desktop.gui.history.project_text import (
    project_field_text,
    project_value_text,
    wareki_local_time,
)
from kyodo_desktop.gui.table_base import ReadOnlyTableModel
from kyodo_desktop.services.history import HistoryEntry

_ModelIndex = QModelIndex | QPersistentModelIndex
_CONTEXT = "HistoryTableModel"

COL_TIME, COL_OFFICER, COL_RECORD, COL_ACTION, COL_CHANGES = range(5)
#: The entry of a row (``HistoryEntry``), for the view's 元に戻す.
EntryRole = Qt.ItemDataRole.UserRole
#: How many rows one read fetches around the row asked for.
PAGE = 200

_HEADERS = (
    QT_TRANSLATE_NOOP("HistoryTableModel", "日時"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "職員"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "対象"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "操作"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "変更内容（変更前 → 変更後）"),
)
_ENTITIES = {
    "organization": "",
    "contact": QT_TRANSLATE_NOOP("HistoryTableModel", "担当者"),
    "interaction": QT_TRANSLATE_NOOP("HistoryTableModel", "対応記録"),
    "project": QT_TRANSLATE_NOOP("HistoryTableModel", "事業"),
}
_ACTIONS = {
    "create": QT_TRANSLATE_NOOP("HistoryTableModel", "登録"),
    "update": QT_TRANSLATE_NOOP("HistoryTableModel", "変更"),
    "delete": QT_TRANSLATE_NOOP("HistoryTableModel", "ゴミ箱へ移動"),
    "restore": QT_TRANSLATE_NOOP("HistoryTableModel", "ゴミ箱から戻す"),
    "remove": QT_TRANSLATE_NOOP("HistoryTableModel", "削除"),
    "merge": QT_TRANSLATE_NOOP("HistoryTableModel", "統合"),
    "merged": QT_TRANSLATE_NOOP("HistoryTableModel", "統合された"),
    "unmerge": QT_TRANSLATE_NOOP("HistoryTableModel", "統合の取り消し"),
    "undo": QT_TRANSLATE_NOOP("HistoryTableModel", "元に戻す"),
    "not_duplicate": QT_TRANSLATE_NOOP("HistoryTableModel", "重複ではないと記録"),
    "not_duplicate_undone": QT_TRANSLATE_NOOP("HistoryTableModel", "重複ではないを取り消し"),
    "stage": QT_TRANSLATE_NOOP("HistoryTableModel", "段階の変更"),
    "log": QT_TRANSLATE_NOOP("HistoryTableModel", "経過の記録"),
    "log_update": QT_TRANSLATE_NOOP("HistoryTableModel", "経過記録の修正"),
}
#: Actions of a child record said in their own words (an interaction's ``update`` is a 修正).
_CHILD_ACTIONS = {
    ("interaction", "update"): QT_TRANSLATE_NOOP("HistoryTableModel", "修正"),
    ("interaction", "undo"): QT_TRANSLATE_NOOP("HistoryTableModel", "修正を元に戻す"),
}
#: Labels of contact and interaction fields (an organization's come from the import targets).
_CHILD_FIELDS = {
    "name": QT_TRANSLATE_NOOP("HistoryTableModel", "氏名"),
    "kana": QT_TRANSLATE_NOOP("HistoryTableModel", "フリガナ"),
    "role": QT_TRANSLATE_NOOP("HistoryTableModel", "役職"),
    "phone": QT_TRANSLATE_NOOP("HistoryTableModel", "電話番号"),
    "email": QT_TRANSLATE_NOOP("HistoryTableModel", "メールアドレス"),
    "is_primary": QT_TRANSLATE_NOOP("HistoryTableModel", "主担当"),
    "occurred_on": QT_TRANSLATE_NOOP("HistoryTableModel", "日付"),
    "kind": QT_TRANSLATE_NOOP("HistoryTableModel", "種別"),
    "summary": QT_TRANSLATE_NOOP("HistoryTableModel", "内容"),
    "officer": QT_TRANSLATE_NOOP("HistoryTableModel", "担当職員"),
    "next_action_on": QT_TRANSLATE_NOOP("HistoryTableModel", "次の対応日"),
    "contact": QT_TRANSLATE_NOOP("HistoryTableModel", "先方の担当者"),
}
_OTHER_FIELDS = {
    "activity_fields": QT_TRANSLATE_NOOP("ImportTarget", "活動分野"),
    "deleted_at": QT_TRANSLATE_NOOP("HistoryTableModel", "ゴミ箱"),
    "merged_into": QT_TRANSLATE_NOOP("HistoryTableModel", "統合先"),
    "last_contact_on": QT_TRANSLATE_NOOP("HistoryTableModel", "最終接触日"),
    "not_duplicate_of": QT_TRANSLATE_NOOP("HistoryTableModel", "重複ではない相手"),
    "unlinked_interactions": QT_TRANSLATE_NOOP("HistoryTableModel", "担当者の指定を外した対応記録"),
    "responsible_officer_id": QT_TRANSLATE_NOOP("HistoryTableModel", "担当職員"),
    "moved_commitments": QT_TRANSLATE_NOOP("HistoryTableModel", "移した約束・宿題"),
    "moved_handover_items": QT_TRANSLATE_NOOP("HistoryTableModel", "移した引継書の項目"),
}


_EMPTY = QT_TRANSLATE_NOOP("HistoryTableModel", "（空）")
_YES = QT_TRANSLATE_NOOP("HistoryTableModel", "はい")
_NO = QT_TRANSLATE_NOOP("HistoryTableModel", "いいえ")
_COUNT = QT_TRANSLATE_NOOP("HistoryTableModel", "{count} 件")


def _tr(text: str, context: str = _CONTEXT) -> str:
    return QCoreApplication.translate(context, text)


def action_text(entry: HistoryEntry) -> str:
    """``変更``, ``担当者 登録`` …: what kind of change the row is."""
    child = _CHILD_ACTIONS.get((entry.entity, entry.action))
    if child is not None:
        action = _tr(child)
    else:
        action = _tr(_ACTIONS[entry.action]) if entry.action in _ACTIONS else entry.action
    entity = _ENTITIES.get(entry.entity, entry.entity)
    return f"{_tr(entity)} {action}" if entity else action


def field_text(entity: str, field: str) -> str:
    """The label of a changed field as the forms show it."""
    if entity == "project":
        text = project_field_text(field)
        if text is not None:
            return text
    if entity != "organization" and field in _CHILD_FIELDS:
        return _tr(_CHILD_FIELDS[field])
    if field in _OTHER_FIELDS:
        return _tr(_OTHER_FIELDS[field], "ImportTarget" if field == "activity_fields" else _CONTEXT)
    if field in TARGETS:
        return _tr(TARGETS[field], "ImportTarget")
    return field


def value_text(field: str, value: Any) -> str:
    """One side of a change: （空） for nothing, 活動分野 by their short names, times local."""
    if value in (None, "", []):
        return _tr(_EMPTY)
    if field == "activity_fields" and isinstance(value, str):
        codes = [int(p) for p in value.split(",") if p.strip().isdigit()]
        return "、".join(ACTIVITY_FIELD_SHORT.get(code, str(code)) for code in codes)
    if field == "deleted_at" and isinstance(value, str):
        return utc_iso_to_local_text(value, seconds=False)
    if isinstance(value, bool):
        return _tr(_YES) if value else _tr(_NO)
    if isinstance(value, list):
        return _tr(_COUNT).format(count=len(value))
    return " ".join(str(value).split())


#: Id fields shown all the same: the history service names their records (the 担当職員 by
#: ``氏名（所属課）``); other ids mean nothing to an officer and are left out.
_NAMED_IDS = frozenset({"responsible_officer_id", "lead_officer_id"})


def changes_text(entry: HistoryEntry) -> str:
    """``電話番号: 043-… → 043-…`` for every changed field, one a line (ids left out)."""

    def side(field: str, value: Any) -> str:
        if entry.entity == "project":
            text = project_value_text(field, value, entry.names)
            if text is not None:
                return text
        return value_text(field, entry.names.get(value, value) if isinstance(value, str) else value)

    lines = [
        f"{field_text(entry.entity, field)}: {side(field, old)} → {side(field, new)}"
        for field, (old, new) in entry.changes.items()
        if field in _NAMED_IDS or (not field.endswith("_id") and field != "merged_from")
    ]
    return "\n".join(lines)


class HistoryTableModel(ReadOnlyTableModel):
    """Audit rows newest first; :meth:`set_entries` gives them whole, :meth:`set_ids` lazily.

    ``wareki`` shows the times' dates in 和暦 (a project's history).
    """

    def __init__(self, parent: Any = None, *, wareki: bool = False) -> None:
        super().__init__(parent)
        #: dates in 和暦 (a project's history, read beside its 和暦 sheets); else ISO
        self._time_text = wareki_local_time if wareki else utc_iso_to_local_text
        self._headers = [_tr(h) for h in _HEADERS]
        self._ids: list[int] = []
        self._rows: dict[int, HistoryEntry] = {}
        self._fetch: Callable[[Sequence[int]], dict[int, HistoryEntry]] | None = None

    def set_entries(self, entries: Sequence[HistoryEntry]) -> None:
        """Show these rows (already read)."""
        self.beginResetModel()
        self._ids = [e.id for e in entries]
        self._rows = {e.id: e for e in entries}
        self._fetch = None
        self.endResetModel()

    def set_ids(self, ids: Sequence[int], fetch: Callable[[Sequence[int]], dict[int, HistoryEntry]]) -> None:
        """Show the rows of these ids; ``fetch`` reads a page of them when they are painted."""
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = {}
        self._fetch = fetch
        self.endResetModel()

    def entry(self, row: int) -> HistoryEntry | None:
        """The entry shown in ``row`` (read now if it was not yet)."""
        if not 0 <= row < len(self._ids):
            return None
        entry_id = self._ids[row]
        if entry_id not in self._rows and self._fetch is not None:
            start = max(0, row - PAGE // 4)
            self._rows.update(self._fetch(self._ids[start : start + PAGE]))
        return self._rows.get(entry_id)

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            EntryRole,
        ):
            return None
        entry = self.entry(index.row())
        if entry is None:
            return None
        if role == EntryRole:
            return entry
        column = index.column()
        if column == COL_TIME:
            return self._time_text(entry.occurred_at)
        if column == COL_OFFICER:
            return entry.officer
        if column == COL_RECORD:
            return entry.record_name or entry.record_id
        if column == COL_ACTION:
            return action_text(entry)
        if column == COL_CHANGES:
            text = changes_text(entry)
            return text if role == Qt.ItemDataRole.ToolTipRole else text.replace("\n", "；")
        return None
