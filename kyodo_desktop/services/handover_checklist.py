"""The successor's checklist of a handover note (確認): what to acknowledge, and what is left.

The checklist of a note is, for each item in its scope, every open item and next date of the
item's stored dossier and every narrative part the predecessor wrote. A key reads
``団体:ID/commitment:ID``, ``事業:ID/date:…`` or ``団体:ID/narrative:plans``: it names the subject
and the thing, so it is the same in a corrected revision. Acknowledging changes no content, so a
signed (frozen) note accepts it; it is audited under the note. Only the note's successor (its
to-officer) acknowledges: anyone else is refused.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from kyodo_desktop.domain.handover import date_key
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.persistence.models import Officer
from kyodo_desktop.persistence.models_handover import HandoverAcknowledgement
from kyodo_desktop.services.handover import ENTITY, load_note, note_record
from kyodo_desktop.services.handover_effects import officer_name
from kyodo_desktop.services.handover_records import (
    CORRECTED,
    NARRATIVE_FIELDS,
    ChecklistEntry,
    NoteRecord,
)
from kyodo_desktop.services.workspace import Workspace


def checklist_of(note: NoteRecord) -> list[ChecklistEntry]:
    """The entries of a note's checklist (none acknowledged), in the note's order."""
    entries: list[ChecklistEntry] = []
    for item in note.items:
        prefix = f"{item.key}/"
        if item.dossier is not None:
            for open_item in item.dossier.open_items:
                due = f"（期限 {to_wareki(open_item.due_on)}）" if open_item.due_on else ""
                label = f"{open_item.kind.value}: {open_item.text}{due}"
                entries.append(ChecklistEntry(prefix + open_item.key, item.subject, label))
            for d in item.dossier.next_dates:
                label = f"{d.kind} {to_wareki(d.on)}: {d.subject}"
                entries.append(ChecklistEntry(prefix + date_key(d), item.subject, label))
        for field, label in NARRATIVE_FIELDS.items():
            if getattr(item.narrative, field):
                entries.append(ChecklistEntry(f"{prefix}narrative:{field}", item.subject, label))
    return entries


class HandoverChecklistService:
    """Acknowledging a note's items as the successor, and listing what is not acknowledged yet."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def checklist(self, note_id: str) -> list[ChecklistEntry]:
        """Every entry of the note's checklist with the day it was acknowledged (None: not yet)."""
        with self.ws.session_factory() as s:
            note = note_record(s, load_note(s, note_id))
            done = {
                a.item_key: a.acknowledged_on
                for a in s.scalars(
                    select(HandoverAcknowledgement).where(HandoverAcknowledgement.note_id == note_id)
                )
            }
        return [ChecklistEntry(e.key, e.subject, e.label, done.get(e.key)) for e in checklist_of(note)]

    def current_officer_id(self) -> str | None:
        """The officer record of the workspace's officer, read only (None when there is none):
        the id the settings keep, else the one officer of that name and 所属課 (or of that name
        alone, when the name is all the setting has)."""
        me = self.ws.officer
        with self.ws.session_factory() as s:
            if me.officer_id:
                known = s.get(Officer, me.officer_id)
                if known is not None and known.deleted_at is None:
                    return known.id
            stmt = select(Officer).where(Officer.name == me.name, Officer.deleted_at.is_(None))
            found = list(s.scalars(stmt))
        exact = [o.id for o in found if o.section == me.section]
        if len(exact) == 1:
            return exact[0]
        return found[0].id if len(found) == 1 and not me.section else None

    def unacknowledged(self, note_id: str) -> list[ChecklistEntry]:
        """The entries the successor has not acknowledged yet."""
        return [e for e in self.checklist(note_id) if e.acknowledged_on is None]

    def acknowledge(self, note_id: str, item_key: str, *, by: str, on: date | None = None) -> None:
        """The successor (``by``: the officer id, the note's to-officer and nobody else)
        acknowledges one entry (again: nothing changes)."""
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            note = load_note(s, note_id)
            if by != note.to_officer_id:
                successor = officer_name(s, note.to_officer_id)
                raise KnownError(f"確認できるのは後任の{successor}さんだけです。")
            if note.status == CORRECTED:
                raise KnownError("訂正済の引継書です。新しい版で確認してください。")
            keys = {e.key for e in checklist_of(note_record(s, note))}
            if item_key not in keys:
                raise KnownError(f"この引継書の確認項目ではありません: {item_key}")
            if any(a.item_key == item_key for a in note.acknowledgements):
                return
            day = on or date.today()
            note.acknowledgements.append(
                HandoverAcknowledgement(item_key=item_key, acknowledged_on=day, officer_id=by)
            )
            audit.record(
                s,
                officer=self.ws.officer.name,
                entity=ENTITY,
                record_id=note.id,
                action="acknowledge",
                changes={"acknowledged": [None, [item_key, day]]},
            )
