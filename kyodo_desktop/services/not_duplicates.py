"""Pairs judged 「重複ではない」: kept, audited, undoable, and never proposed again.

A judgement names two records, not their values, so editing either keeps it. When one of the
two is merged into a third record, the judgement follows it to the survivor: the merged record
*is* the survivor now, so the other record is no duplicate of the survivor either. This is
resolved when candidates are searched (``merged_into`` is followed), not written at merge time,
so an unmerge gives the judgement back to the record it was made for.
"""

from __future__ import annotations

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError, NotFoundError
from kyodo_desktop.persistence.models import NotDuplicate, Organization
from kyodo_desktop.services.organizations import ENTITY
from kyodo_desktop.services.workspace import Workspace

#: audit actions (one row on each of the two records)
MARKED = "not_duplicate"
UNDONE = "not_duplicate_undone"


def ordered(a: str, b: str) -> tuple[str, str]:
    """The pair as stored: the smaller id first."""
    return (a, b) if a < b else (b, a)


def _check(s: Session, a: str, b: str) -> None:
    if a == b:
        raise KnownError("同じ団体どうしは組にできません。")
    for org_id in (a, b):
        if s.get(Organization, org_id) is None:
            raise NotFoundError(f"団体が見つかりません: {org_id}")


def _audit(s: Session, ws: Workspace, action: str, a: str, b: str, marked: bool) -> None:
    for record_id, other in ((a, b), (b, a)):
        audit.record(
            s,
            officer=ws.officer.name,
            entity=ENTITY,
            record_id=record_id,
            action=action,
            changes={"not_duplicate_of": [None, other] if marked else [other, None]},
        )


def mark(ws: Workspace, a: str, b: str) -> bool:
    """Record that ``a`` and ``b`` are different groups; False when that was recorded already."""
    ws.require_write()
    first, second = ordered(a, b)
    with ws.session_factory.begin() as s:
        _check(s, first, second)
        if s.get(NotDuplicate, (first, second)) is not None:
            return False
        s.add(NotDuplicate(first_id=first, second_id=second, officer=ws.officer.name))
        _audit(s, ws, MARKED, first, second, True)
    return True


def undo(ws: Workspace, a: str, b: str) -> None:
    """Take the judgement back: the pair may be proposed again."""
    ws.require_write()
    with ws.session_factory.begin() as s:
        undo_in(s, ws, a, b)


def undo_in(s: Session, ws: Workspace, a: str, b: str) -> None:
    """:func:`undo` inside the caller's transaction (the history view's 元に戻す uses it)."""
    first, second = ordered(a, b)
    _check(s, first, second)
    if s.get(NotDuplicate, (first, second)) is None:
        raise KnownError("この組は「重複ではない」と記録されていません（既に取り消されています）。")
    s.execute(delete(NotDuplicate).where(NotDuplicate.first_id == first, NotDuplicate.second_id == second))
    _audit(s, ws, UNDONE, first, second, False)


def is_marked(ws: Workspace, a: str, b: str) -> bool:
    """Whether exactly this pair was judged different (merges not followed)."""
    with ws.session_factory() as s:
        return s.get(NotDuplicate, ordered(a, b)) is not None


def judged_with(s: Session, org_id: str) -> set[str]:
    """The records judged different from ``org_id`` itself (merges not followed)."""
    rows = s.execute(
        select(NotDuplicate.first_id, NotDuplicate.second_id).where(
            or_(NotDuplicate.first_id == org_id, NotDuplicate.second_id == org_id)
        )
    ).tuples()
    return {b if a == org_id else a for a, b in rows}


def dismissed_pairs(s: Session) -> set[tuple[str, str]]:
    """Every judged pair as ordered ids of live records (each side followed through its merges)."""
    pairs = s.execute(select(NotDuplicate.first_id, NotDuplicate.second_id)).all()
    if not pairs:
        return set()
    merged: dict[str, str] = {
        org_id: into
        for org_id, into in s.execute(
            select(Organization.id, Organization.merged_into).where(Organization.merged_into.is_not(None))
        ).tuples()
        if into is not None
    }

    def survivor(org_id: str) -> str:
        seen = {org_id}
        while (nxt := merged.get(org_id)) is not None and nxt not in seen:
            seen.add(nxt)
            org_id = nxt
        return org_id

    out = set()
    for a, b in pairs:
        x, y = survivor(a), survivor(b)
        if x != y:
            out.add(ordered(x, y))
    return out
