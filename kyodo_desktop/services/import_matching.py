"""How an import row is matched to a stored organization, and what an update may change.

Used by :func:`kyodo_desktop.services.importing.plan_import`. A row matches by our own record id,
then by 法人番号 — only when the names are the same organization
(:func:`~kyodo_desktop.domain.org_names.same_organization_name`): Excel rounds 法人番号, and two
organizations sharing a rounded one are a conflict to report, never a merge — then by name and
市町村, then by phone or e-mail. An update fills blank fields; a stored non-blank value is only
offered, unticked, and the name is never changed unless the officer chooses it.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Protocol

from sqlalchemy import select

from kyodo_desktop.domain.cell_text import is_cell_copy
from kyodo_desktop.domain.column_mapping import TARGETS
from kyodo_desktop.domain.importing import ImportRow, RowProblem
from kyodo_desktop.domain.municipalities import outside_list_notice
from kyodo_desktop.domain.org_names import same_name_key
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.text import email_key
from kyodo_desktop.persistence.listing import listing_clause
from kyodo_desktop.persistence.models import Organization, table_of
from kyodo_desktop.services.organizations import INPUT_FIELDS, fields_from_text
from kyodo_desktop.services.workspace import Workspace

FIELDS = INPUT_FIELDS
_BLANK: tuple[Any, ...] = ("", None, [])


def is_blank(value: Any) -> bool:
    """Whether a stored or imported value is nothing at all."""
    return value in _BLANK


def _comparable(field: str, value: Any) -> Any:
    if field == "fields":
        return sorted(value or [])
    if isinstance(value, date):
        return value.isoformat()
    return value


def _provided(row: ImportRow) -> frozenset[str] | set[str]:
    data = row.data
    assert data is not None
    if row.provided_fields:
        return row.provided_fields
    return {f for f in FIELDS if not is_blank(getattr(data, f))}


def changes_of(stored: OrganizationInput, row: ImportRow) -> dict[str, tuple[Any, Any]]:
    """Fields the row would change: provided by the source, not blank, and different."""
    data = row.data
    assert data is not None
    out: dict[str, tuple[Any, Any]] = {}
    provided = _provided(row)
    for field in FIELDS:
        if field not in provided:
            continue
        new = getattr(data, field)
        if is_blank(new):
            continue  # an empty cell never erases what the officer recorded
        old = getattr(stored, field)
        if _comparable(field, old) != _comparable(field, new):
            if type(old) is str and type(new) is str and is_cell_copy(new, old):
                continue  # our own export's copy (shortened, or without control characters)
            out[field] = (old, new)
    return out


def default_accepted(changes: dict[str, tuple[Any, Any]], *, number_conflict: bool = False) -> set[str]:
    """The changes ticked before the officer chooses: blank stored fields filled, nothing else.

    A 法人番号 that another organization already carries is not filled in by default either.
    """
    return {
        field
        for field, (old, _new) in changes.items()
        if is_blank(old) and not (number_conflict and field == "corporate_number")
    }


def place(data: OrganizationInput) -> str:
    """The 市町村 a row or record is matched within."""
    return data.municipality_code or data.municipality_name


class Registry:
    """The live records, indexed for matching (one column select, no ORM objects)."""

    def __init__(self, ws: Workspace) -> None:
        plain = [f for f in FIELDS if f != "fields"]
        table = table_of(Organization)
        # a Core select on a plain connection: no ORM row processing for the whole registry
        stmt = select(
            table.c.id, table.c.activity_fields, table.c.dup_key, *(table.c[f] for f in plain)
        ).where(listing_clause(table.c))
        self.records: dict[str, OrganizationInput] = {}
        #: the stored folded names (``dup_key``), for the same-name check of a shared 法人番号
        self.keys: dict[str, str] = {}
        self.by_number: dict[str, list[str]] = {}
        self.by_key: dict[tuple[str, str], str] = {}
        self.by_phone: dict[str, str] = {}
        self.by_email: dict[str, str] = {}
        with ws.engine.connect() as connection:
            for r in connection.execute(stmt):
                values = dict(zip(plain, r[3:], strict=True))
                data = OrganizationInput(**values, fields=fields_from_text(r[1]))
                self.add(r[0], data, r[2])

    def add(self, org_id: str, data: OrganizationInput, key: str) -> None:
        self.records[org_id] = data
        self.keys[org_id] = key
        if data.corporate_number:
            self.by_number.setdefault(data.corporate_number, []).append(org_id)
        self.by_key.setdefault((key, place(data)), org_id)
        if data.phone:
            self.by_phone.setdefault(data.phone, org_id)
        if data.email:
            self.by_email.setdefault(email_key(data.email), org_id)

    def number_conflicts(self, data: OrganizationInput, key: str) -> list[str]:
        """Stored records with the row's 法人番号 whose names are clearly another organization's."""
        ids = self.by_number.get(data.corporate_number, []) if data.corporate_number else []
        return [i for i in ids if not same_name_key(self.keys[i], key)]

    def match(self, row: ImportRow, key: str) -> tuple[str, str]:
        """``(record id, reason)`` of the record this row describes, or ``("", "")``."""
        data = row.data
        assert data is not None
        if row.record_id and row.record_id in self.records:
            return row.record_id, "IDが同じ"
        for org_id in self.by_number.get(data.corporate_number, []) if data.corporate_number else []:
            if same_name_key(self.keys[org_id], key):
                return org_id, "法人番号が同じ"
        if (key, place(data)) in self.by_key:
            return self.by_key[(key, place(data))], "名称と市町村が同じ"
        if data.phone and data.phone in self.by_phone:
            return self.by_phone[data.phone], "電話番号が同じ"
        if data.email and email_key(data.email) in self.by_email:
            return self.by_email[email_key(data.email)], "メールアドレスが同じ"
        return "", ""


def number_notice(row: ImportRow, text: str) -> RowProblem:
    """A remark on a row's 法人番号 (a conflict; the row is still imported)."""
    return RowProblem(row.row_number, TARGETS["corporate_number"], text, row.sheet, field="corporate_number")


def municipality_notices(row: ImportRow) -> list[RowProblem]:
    """A remark on a row whose 市町村 is none of the prefecture's list (横浜市): imported as typed."""
    assert row.data is not None
    notice = outside_list_notice(row.data.municipality_code, row.data.municipality_name)
    if notice is None:
        return []
    text = f"{notice}（県外の団体でなければ確認してください。このまま取り込みます）"
    return [
        RowProblem(row.row_number, TARGETS["municipality_name"], text, row.sheet, field="municipality_name")
    ]


class PlannedLike(Protocol):
    """What :class:`FileNumbers` reads and writes of a planned row (``importing.PlannedRow``)."""

    row: ImportRow
    dup_key: str
    warnings: list[RowProblem]


class FileNumbers:
    """The 法人番号 of the rows planned so far: a later row with the same number is the same
    organization only when the names are; otherwise both rows are told of the conflict."""

    def __init__(self) -> None:
        self._rows: dict[str, list[tuple[PlannedLike, str]]] = {}

    def earlier_same(self, row: ImportRow, key: str) -> int:
        """The row number of an earlier row of the same organization with this number, or 0."""
        number = row.data.corporate_number if row.data is not None else ""
        for planned, earlier_key in self._rows.get(number, []) if number else []:
            if same_name_key(earlier_key, key):
                return planned.row.row_number
        return 0

    def add(self, planned: PlannedLike) -> bool:
        """Remember ``planned``; whether its number is another organization's in the file."""
        data = planned.row.data
        if data is None or not data.corporate_number:
            return False
        others = self._rows.setdefault(data.corporate_number, [])
        conflict = False
        for earlier, earlier_key in others:
            if same_name_key(earlier_key, planned.dup_key):
                continue
            conflict = True
            number = data.corporate_number
            earlier.warnings.append(
                number_notice(
                    earlier.row,
                    f"法人番号 {number} は {planned.row.row_number} 行目「{data.name}」と同じですが、"
                    "名称が違うため別の団体として扱います（Excelで丸められた番号かもしれません）",
                )
            )
            assert earlier.row.data is not None
            planned.warnings.append(
                number_notice(
                    planned.row,
                    f"法人番号 {number} は {earlier.row.row_number} 行目「{earlier.row.data.name}」と"
                    "同じですが、名称が違うため別の団体として扱います（Excelで丸められた番号かもしれません）",
                )
            )
        others.append((planned, planned.dup_key))
        return conflict
