"""The comparison of two records in the merge dialog: which fields are rows, and who wins each.

No widgets are built here (a :class:`FieldRow` only holds the ones the dialog made for it), so
the rules — the default survivor, blank filled from the other record, linked 市町村 fields —
can be read and tested apart from the dialog's layout.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel

from kyodo_desktop.domain.column_mapping import TARGETS
from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.services.organizations import OrganizationRecord

KEEP = "keep"
OTHER = "other"
#: Sides of the dialog: the first record of the pair is 団体A, the second 団体B.
SIDE_A = 0
SIDE_B = 1

#: Fields in form order (the order of the column-mapping targets).
FIELD_ORDER: tuple[str, ...] = tuple(
    f for f in TARGETS if f in {x.name for x in dataclasses.fields(OrganizationInput)}
)
#: Fields chosen together on one row: a 市町村 name with another record's code would contradict
#: itself, so the 市町村 row carries both.
LINKED: dict[str, tuple[str, ...]] = {"municipality_name": ("municipality_code", "municipality_name")}
#: Fields shown on one row each, in form order.
ROW_FIELDS: tuple[str, ...] = tuple(
    f for f in FIELD_ORDER if not any(f in linked and f != row for row, linked in LINKED.items())
)
#: The 担当職員 row after the form's fields: not part of the input, an officer record's id
#: (``duplicates.merge`` takes it from the other record like a field, when told or when blank).
OFFICER_FIELD = "responsible_officer_id"
#: The tint of the value the survivor will have.
CHOSEN_BACKGROUND = "#d4edd6"
#: Long free text is cut in the table; the whole text is in the tooltip.
PREVIEW_CHARS = 120


def blank(value: Any) -> bool:
    """Whether a value (or every part of a linked value) is empty."""
    if isinstance(value, tuple):
        return all(blank(part) for part in value)
    return value in ("", None, [])


def row_value(data: OrganizationInput, field: str) -> Any:
    """What a row compares: the field's value, or a tuple for linked fields."""
    linked = LINKED.get(field)
    if linked is None:
        return getattr(data, field)
    return tuple(getattr(data, f) for f in linked)


def record_value(record: OrganizationRecord, field: str) -> Any:
    """What a row compares on one record: :func:`row_value`, or the 担当職員's id."""
    return record.responsible_officer_id if field == OFFICER_FIELD else row_value(record.data, field)


def record_display(record: OrganizationRecord, field: str) -> str:
    """A row's value on one record as the officer reads it (the 担当職員 as ``氏名（所属課）``)."""
    if field == OFFICER_FIELD:
        return record.responsible_officer
    return display_value(field, row_value(record.data, field))


def display_value(field: str, value: Any) -> str:
    """A stored value as the officer reads it (和暦 dates, activity field labels)."""
    if blank(value):
        return ""
    if isinstance(value, tuple):  # linked fields: the last one is what people read (市町村名)
        return next((display_value(field, part) for part in reversed(value) if not blank(part)), "")
    if field == "fields":
        return "、".join(ACTIVITY_FIELD_SHORT.get(code, str(code)) for code in value)
    if isinstance(value, date):
        return to_wareki(value)
    if field == "member_count":
        return f"{value:,} 人"
    return str(value)


def filled_count(data: OrganizationInput) -> int:
    """How many fields of a record hold a value (the fuller record is the default survivor)."""
    return sum(not blank(getattr(data, f)) for f in FIELD_ORDER)


def default_survivor(first: OrganizationRecord, second: OrganizationRecord) -> int:
    """:data:`SIDE_A` or :data:`SIDE_B`: the record with more filled fields, else the older one."""
    a, b = filled_count(first.data), filled_count(second.data)
    if a != b:
        return SIDE_A if a > b else SIDE_B
    if (first.registered_on, first.created_at) <= (second.registered_on, second.created_at):
        return SIDE_A
    return SIDE_B


class FieldRow:
    """One field of the comparison: its two values and how the survivor's value is settled.

    Only a field filled differently on both sides is a choice (a combo whose item 0 is always
    団体A's value and item 1 団体B's). Otherwise the row says what the survivor gets: the common
    value, or the only filled one (the service fills a blank from the other record).
    """

    def __init__(self, field: str, values: tuple[Any, Any]) -> None:
        self.field = field
        self.values = values
        self.cells: list[QLabel] = []  # 団体A's and 団体B's value
        self.combo: QComboBox | None = None
        self.fixed: QLabel | None = None
        self.touched = False  # the officer changed the choice: it survives a change of survivor

    @property
    def differs(self) -> bool:
        return bool(self.values[0] != self.values[1])

    @property
    def is_choice(self) -> bool:
        return self.differs and not blank(self.values[0]) and not blank(self.values[1])

    def side(self, keep: int) -> int:
        """The side whose value the survivor gets when ``keep`` stays."""
        if self.combo is not None:
            return max(self.combo.currentIndex(), 0)
        if not self.differs:
            return keep
        return SIDE_B if blank(self.values[SIDE_A]) else SIDE_A
