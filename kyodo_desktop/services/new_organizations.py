"""New organizations written in bulk, with their ``create`` audit rows: what every import uses.

The organization import and the past-project import (its unmatched partners) both create
organizations here, as plain tuples in batches (a bulk ``insert()``; ``session.add_all`` is far
slower), so that the records and their history read back alike and an import undo finds them
by the audit rows' ``context``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.persistence.audit import last_rowid, record_created_since
from kyodo_desktop.persistence.bulk import RowShape, insert_rows
from kyodo_desktop.persistence.models import Organization, new_id, table_of
from kyodo_desktop.services.organizations import INPUT_FIELDS, org_column_values

__all__ = ["insert_new_organizations"]

#: Records per insert: bounded memory, few round trips.
BATCH = 2_000


def insert_new_organizations(
    s: Session,
    records: Sequence[tuple[OrganizationInput, str]],
    *,
    officer: str,
    now: str,
    context: str,
    tick: Callable[[int], None] | None = None,
) -> list[str]:
    """Store validated new organizations (with their folded names, "" to compute) and their
    ``create`` audit rows naming ``context``, in batches of plain tuples; their ids, in order.

    Every import that creates organizations goes through here (the organization import, the
    past-project import's unmatched partners), so they all read back alike in the history and
    an undo finds them by ``context``.
    """
    today = date.today()
    # what every new record gets besides its own values (the NULL columns given outright, so
    # that building a row needs no merge with defaults)
    fixed = {
        "registered_on": today,
        "version": 1,
        "created_at": now,
        "updated_at": now,
        "last_contact_on": None,
        "deleted_at": None,
        "merged_into": None,
    }
    ids: list[str] = []
    for start in range(0, len(records), BATCH):
        orgs: list[tuple[Any, ...]] = []
        for n, (data, dup_key) in enumerate(records[start : start + BATCH], start + 1):
            if tick is not None:
                tick(n)
            values = org_column_values(data, dup_key=dup_key or None)
            values.update(id=new_id(), **fixed)
            ids.append(values["id"])
            orgs.append(_NEW_ORG.row(values))
        after = last_rowid(s, _ORG_TABLE)
        insert_rows(s, _NEW_ORG, orgs)
        # their create audit rows, built by SQLite from the rows just stored
        record_created_since(
            s,
            _ORG_TABLE,
            after_rowid=after,
            fields=_CREATE_AUDITED,
            occurred_at=now,
            officer=officer,
            entity="organization",
            context=context,
        )
    return ids


_ORG_TABLE = table_of(Organization)
# Every column of a new record: org_column_values(), its id and the ``fixed`` values.
_NEW_ORG = RowShape(
    _ORG_TABLE,
    [
        "id",
        *(f for f in INPUT_FIELDS if f != "fields"),
        "activity_fields",
        "dup_key",
        "search_text",
        "registered_on",
        "version",
        "created_at",
        "updated_at",
        "last_contact_on",
        "deleted_at",
        "merged_into",
    ],
)
# What a create audit row records: every field the officer sees, blank ones left out.
_CREATE_AUDITED = (*(f for f in INPUT_FIELDS if f != "fields"), "activity_fields")
