"""What a handover note does to other records, in the note's own transaction.

The successor's introduction meeting when a partner was absent (a commitment, source 引継),
its withdrawal when the partner is marked present after all, and the move of the scope's
responsibility to the successor when the note is signed by both sides.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.models import Officer, Organization, Project, utc_now
from kyodo_desktop.persistence.models_handover import Commitment, HandoverItem, HandoverNote
from kyodo_desktop.services import commitments
from kyodo_desktop.services.handover_records import ORGANIZATION
from kyodo_desktop.services.workspace import Workspace

#: Days after the handover the successor's introduction meeting is due when the partner was absent.
INTRODUCTION_AFTER_DAYS = 14


def officer_name(s: Session, officer_id: str) -> str:
    """The officer's name, "" when there is no such record."""
    officer = s.get(Officer, officer_id)
    return officer.name if officer is not None else ""


def introduction(s: Session, ws: Workspace, note: HandoverNote, item: HandoverItem, on: date | None) -> str:
    """Add the successor's introduction meeting for the item's partner; the commitment's id."""
    successor = officer_name(s, note.to_officer_id)
    return commitments.add_in(
        s,
        ws,
        text=f"後任（{successor}）の紹介の場を設ける（引継時にパートナー不在のため）",
        organization_id=item.organization_id,
        project_id=item.project_id,
        owner_officer_id=note.to_officer_id,
        due_on=on or note.handover_on + timedelta(days=INTRODUCTION_AFTER_DAYS),
        source="引継",
        source_id=note.id,
        context=f"handover:{note.id}",
    )


def withdraw(s: Session, ws: Workspace, commitment_id: str, note_id: str) -> None:
    """Withdraw (取り下げ) an introduction meeting no longer needed."""
    c = s.get(Commitment, commitment_id)
    if c is None or c.status in ("完了", "取り下げ"):
        return
    old, c.status, c.closed_on = c.status, "取り下げ", date.today()
    c.updated_at = utc_now()
    audit.record(
        s,
        officer=ws.officer.name,
        entity=commitments.ENTITY,
        record_id=c.id,
        action="update",
        changes={"status": [old, "取り下げ"]},
        context=f"handover:{note_id}",
    )


def move_responsibility(s: Session, ws: Workspace, note: HandoverNote) -> None:
    """The scope's organizations and projects go to the successor (audited on each record).

    One in the trash moves too: taken back out, it is the successor's.
    """
    context = f"handover:{note.id}"
    for item in note.items:
        record: Organization | Project | None
        if item.kind == ORGANIZATION:
            assert item.organization_id is not None
            record, column, entity = (
                s.get(Organization, item.organization_id),
                "responsible_officer_id",
                "organization",
            )
        else:
            assert item.project_id is not None
            record, column, entity = s.get(Project, item.project_id), "lead_officer_id", "project"
        if record is None or getattr(record, column) == note.to_officer_id:
            continue
        old = getattr(record, column)
        setattr(record, column, note.to_officer_id)
        record.updated_at = utc_now()
        s.flush()
        audit.record(
            s,
            officer=ws.officer.name,
            entity=entity,
            record_id=record.id,
            action="update",
            changes={column: [old, note.to_officer_id]},
            context=context,
        )
