"""The handover side of a duplicate merge: commitments and handover items move with the record.

A merge (``services/duplicates.merge``) moves the other record's 約束・宿題 (``commitments``)
and the handover items (``handover_items``) that name it to the survivor, and its audit row
keeps their ids so ``unmerge`` moves exactly those back. A signed note's compiled dossier
(JSON) stays as it was signed; only the reference to the organization moves.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kyodo_desktop.persistence.models import table_of
from kyodo_desktop.persistence.models_handover import Commitment, HandoverItem

MOVED_COMMITMENTS = "moved_commitments"
MOVED_HANDOVER_ITEMS = "moved_handover_items"


def move_to_survivor(s: Session, keep_id: str, other_id: str) -> dict[str, list[Any]]:
    """Move ``other_id``'s commitments and handover items to ``keep_id``; the audit changes.

    Only what moved is named (nothing for a record with none), as ``[None, ids]``.
    """
    commitments, items = table_of(Commitment), table_of(HandoverItem)
    commitment_ids = list(
        s.scalars(select(commitments.c.id).where(commitments.c.organization_id == other_id))
    )
    item_ids = list(s.scalars(select(items.c.id).where(items.c.organization_id == other_id)))
    changes: dict[str, list[Any]] = {}
    if commitment_ids:
        # the version moves on, so an edit form open on the commitment is refused as stale
        s.execute(
            update(commitments)
            .where(commitments.c.id.in_(commitment_ids))
            .values(organization_id=keep_id, version=commitments.c.version + 1)
        )
        changes[MOVED_COMMITMENTS] = [None, commitment_ids]
    if item_ids:
        s.execute(update(items).where(items.c.id.in_(item_ids)).values(organization_id=keep_id))
        changes[MOVED_HANDOVER_ITEMS] = [None, item_ids]
    return changes


def move_back(s: Session, changes: dict[str, Any], other_id: str) -> None:
    """Undo :func:`move_to_survivor` from the merge's audit ``changes`` (ids named there)."""
    commitments, items = table_of(Commitment), table_of(HandoverItem)
    commitment_ids = changes.get(MOVED_COMMITMENTS, [None, []])[1]
    item_ids = changes.get(MOVED_HANDOVER_ITEMS, [None, []])[1]
    if commitment_ids:
        s.execute(
            update(commitments)
            .where(commitments.c.id.in_(commitment_ids))
            .values(organization_id=other_id, version=commitments.c.version + 1)
        )
    if item_ids:
        s.execute(update(items).where(items.c.id.in_(item_ids)).values(organization_id=other_id))
