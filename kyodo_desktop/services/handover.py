"""Handover notes (引継書): made, written, signed, corrected. One public method = one transaction.

A note goes from one officer to another on a date, over a scope of organizations and projects;
each item keeps the dossier compiled from the records (:mod:`.handover_dossier`), the five
narrative parts and whether the partner was present. Rules:

- only a draft (下書き) is edited; a signature confirms the note as it is, so an edit after one
  side has signed withdraws that signature (audited);
- a partner marked absent needs a reason, and gets an introduction meeting with the successor
  as a commitment (source 引継) owned by the successor, dated ``handover_on`` + 14 days unless
  another date is given;
- when both sides have signed, the note is 署名済 and frozen (every edit refused), the revision
  it corrects becomes 訂正済, and the scope's responsibility moves to the successor in the same
  transaction: ``organizations.responsible_officer_id`` and ``projects.lead_officer_id``;
- a correction of a signed note is a new revision (a draft copy naming it); the old one is kept.

Everything is audited (entity ``handover_note``; the responsibility moves under the
organization's and the project's own entity, with the note in the context).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from kyodo_desktop.domain.organization import nfkc_multiline
from kyodo_desktop.domain.text import nfkc
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError, NotFoundError, StaleEditError
from kyodo_desktop.persistence.models import Organization, Project, utc_now
from kyodo_desktop.persistence.models_handover import HandoverItem, HandoverNote
from kyodo_desktop.services import handover_effects as effects
from kyodo_desktop.services import officers
from kyodo_desktop.services.handover_dossier import (
    EvaluationProvider,
    compile_organization,
    compile_project,
    evaluation_conclusions,
    load_organization,
    load_project,
)
from kyodo_desktop.services.handover_records import (
    CORRECTED,
    DRAFT,
    NARRATIVE_FIELDS,
    ORGANIZATION,
    PREDECESSOR,
    PROJECT,
    SIGNED,
    SUCCESSOR,
    ItemRecord,
    Narrative,
    NoteRecord,
    dossier_from_json,
    dossier_to_json,
)
from kyodo_desktop.services.workspace import Workspace

ENTITY = "handover_note"


def item_record(s: Session, item: HandoverItem) -> ItemRecord:
    """A stored item as handed out (its subject's current name, in the trash or not)."""
    # a note stays readable when a group or project it names has gone to the trash since
    if item.kind == ORGANIZATION:
        assert item.organization_id is not None
        subject_id = item.organization_id
        org = s.get(Organization, subject_id)
        subject = org.name if org is not None else ""
    else:
        assert item.project_id is not None
        subject_id = item.project_id
        project = s.get(Project, subject_id)
        subject = project.title if project is not None else ""
    return ItemRecord(
        id=item.id,
        kind=item.kind,
        subject_id=subject_id,
        subject=subject,
        position=item.position,
        narrative=Narrative(**{f: getattr(item, f) for f in NARRATIVE_FIELDS}),
        partner_present=item.partner_present,
        present_on=item.present_on,
        attendees=item.attendees,
        absence_reason=item.absence_reason,
        followup_commitment_id=item.followup_commitment_id,
        dossier=dossier_from_json(item.dossier),
    )


def note_record(s: Session, note: HandoverNote) -> NoteRecord:
    """A stored note as handed out."""
    return NoteRecord(
        id=note.id,
        version=note.version,
        from_officer_id=note.from_officer_id,
        from_officer=effects.officer_name(s, note.from_officer_id),
        to_officer_id=note.to_officer_id,
        to_officer=effects.officer_name(s, note.to_officer_id),
        handover_on=note.handover_on,
        revision=note.revision,
        previous_id=note.previous_id,
        status=note.status,
        include_contacts=note.include_contacts,
        signed_by_from_on=note.signed_by_from_on,
        signed_by_from_name=note.signed_by_from_name,
        signed_by_to_on=note.signed_by_to_on,
        signed_by_to_name=note.signed_by_to_name,
        items=tuple(item_record(s, i) for i in note.items),
    )


def load_note(s: Session, note_id: str) -> HandoverNote:
    """The note row (raises NotFoundError)."""
    note = s.get(HandoverNote, note_id)
    if note is None:
        raise NotFoundError(f"引継書が見つかりません: {note_id}")
    return note


class HandoverService:
    """The handover note use cases on one workspace.

    ``evaluations`` gives the evaluation conclusions of an organization or project for the
    dossier (see :data:`~kyodo_desktop.services.handover_dossier.EvaluationProvider`); by
    default the concluded rounds of the evaluations, so every note carries them.
    """

    def __init__(self, workspace: Workspace, *, evaluations: EvaluationProvider | None = None) -> None:
        self.ws = workspace
        self.evaluations = evaluations or evaluation_conclusions(workspace)

    # -- reading ---------------------------------------------------------------------------
    def get(self, note_id: str) -> NoteRecord:
        """One note with its items."""
        with self.ws.session_factory() as s:
            return note_record(s, load_note(s, note_id))

    def revisions(self, note_id: str) -> list[NoteRecord]:
        """Every revision of the note's line, oldest first (the note's own included)."""
        with self.ws.session_factory() as s:
            note = load_note(s, note_id)
            while (
                note.previous_id is not None
                and (earlier := s.get(HandoverNote, note.previous_id)) is not None
            ):
                note = earlier
            line = [note]
            while (
                later := s.scalars(
                    select(HandoverNote).where(HandoverNote.previous_id == line[-1].id)
                ).first()
            ) is not None:
                line.append(later)
            return [note_record(s, n) for n in line]

    def notes(self, *, officer_id: str | None = None) -> list[NoteRecord]:
        """Every note (from or to ``officer_id`` when given), newest handover first."""
        stmt = select(HandoverNote)
        if officer_id is not None:
            stmt = stmt.where(
                (HandoverNote.from_officer_id == officer_id) | (HandoverNote.to_officer_id == officer_id)
            )
        stmt = stmt.order_by(HandoverNote.handover_on.desc(), HandoverNote.revision.desc(), HandoverNote.id)
        with self.ws.session_factory() as s:
            return [note_record(s, n) for n in s.scalars(stmt)]

    # -- making ----------------------------------------------------------------------------
    def create_note(
        self,
        from_officer_id: str,
        to_officer_id: str,
        handover_on: date,
        organization_ids: Sequence[str] = (),
        project_ids: Sequence[str] = (),
        *,
        include_contacts: bool = False,
        today: date | None = None,
    ) -> str:
        """A draft note over the scope, each item's dossier compiled as of ``today``; its id."""
        errors = []
        if from_officer_id == to_officer_id:
            errors.append(ValidationError("to_officer_id", "前任と後任に同じ職員は指定できません"))
        if not organization_ids and not project_ids:
            errors.append(ValidationError("scope", "引き継ぐ団体か事業を1件以上指定してください"))
        if errors:
            raise ValidationErrors(errors)
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            officers.check_live(s, from_officer_id)
            officers.check_live(s, to_officer_id)
            note = HandoverNote(
                from_officer_id=from_officer_id,
                to_officer_id=to_officer_id,
                handover_on=handover_on,
                include_contacts=include_contacts,
            )
            scope = [(ORGANIZATION, x) for x in dict.fromkeys(organization_ids)]
            scope += [(PROJECT, x) for x in dict.fromkeys(project_ids)]
            for position, (kind, subject_id) in enumerate(scope):
                item = HandoverItem(kind=kind, position=position)
                if kind == ORGANIZATION:
                    item.organization_id = load_organization(s, subject_id).id
                else:
                    item.project_id = load_project(s, subject_id).id
                note.items.append(item)
            s.add(note)
            s.flush()
            self._compile(s, note, today or date.today())
            self._audit(
                s,
                note,
                "create",
                {
                    "from_officer_id": [None, from_officer_id],
                    "to_officer_id": [None, to_officer_id],
                    "handover_on": [None, handover_on.isoformat()],
                    "scope": [None, [f"{k}:{x}" for k, x in scope]],
                },
            )
            return note.id

    def _compile(self, s: Session, note: HandoverNote, today: date) -> None:
        for item in note.items:
            if item.kind == ORGANIZATION:
                assert item.organization_id is not None
                dossier = compile_organization(
                    s,
                    item.organization_id,
                    today,
                    include_contacts=note.include_contacts,
                    evaluations=self.evaluations,
                )
            else:
                assert item.project_id is not None
                dossier = compile_project(s, item.project_id, today, evaluations=self.evaluations)
            item.dossier = dossier_to_json(dossier)

    def refresh_dossier(self, note_id: str, *, expected_version: int, today: date | None = None) -> int:
        """Compile a draft's dossiers again from the records as they are now; the new version."""
        with self._editing(note_id, expected_version) as (s, note):
            self._compile(s, note, today or date.today())
            self._touched(s, note, "refresh", {})
            return note.version

    def set_include_contacts(self, note_id: str, include: bool, *, expected_version: int) -> int:
        """Whether the note carries the contacts' telephone and e-mail (compiled again)."""
        with self._editing(note_id, expected_version) as (s, note):
            if note.include_contacts == include:
                return note.version
            note.include_contacts = include
            self._compile(s, note, date.today())
            self._touched(s, note, "update", {"include_contacts": [not include, include]})
            return note.version

    # -- writing ---------------------------------------------------------------------------
    def save_narrative(
        self, note_id: str, item_id: int, narrative: Narrative, *, expected_version: int
    ) -> int:
        """Save an item's five narrative parts (draft only); the note's new version."""
        with self._editing(note_id, expected_version) as (s, note):
            item = self._item(note, item_id)
            before = {f: getattr(item, f) for f in NARRATIVE_FIELDS}
            after = {f: nfkc_multiline(getattr(narrative, f)) for f in NARRATIVE_FIELDS}
            changes = audit.diff(before, after)
            if not changes:
                return note.version
            for field, value in after.items():
                setattr(item, field, value)
            self._touched(s, note, "update", {f"item{item.position}.{k}": v for k, v in changes.items()})
            return note.version

    def set_partner_presence(
        self,
        note_id: str,
        item_id: int,
        *,
        present: bool,
        expected_version: int,
        present_on: date | None = None,
        attendees: str = "",
        absence_reason: str = "",
        introduction_on: date | None = None,
    ) -> int:
        """Record whether the partner was at the handover (パートナー同席); the note's new version.

        Absent: ``absence_reason`` is required, and an introduction meeting is added for the
        successor (a commitment, source 引継), due ``introduction_on`` or 14 days after the
        handover. Present again later: that meeting is withdrawn (取り下げ).
        """
        reason = nfkc_multiline(absence_reason)
        if not present and not reason:
            raise ValidationErrors(
                [ValidationError("absence_reason", "パートナーが同席しなかった理由を入力してください")]
            )
        with self._editing(note_id, expected_version) as (s, note):
            item = self._item(note, item_id)
            before = self._presence(item)
            item.partner_present = present
            item.present_on = (present_on or note.handover_on) if present else None
            item.attendees = nfkc(attendees) if present else ""
            item.absence_reason = "" if present else reason
            if not present and item.followup_commitment_id is None:
                item.followup_commitment_id = effects.introduction(s, self.ws, note, item, introduction_on)
            elif present and item.followup_commitment_id is not None:
                effects.withdraw(s, self.ws, item.followup_commitment_id, note.id)
                item.followup_commitment_id = None
            changes = audit.diff(before, self._presence(item))
            self._touched(s, note, "update", {f"item{item.position}.{k}": v for k, v in changes.items()})
            return note.version

    @staticmethod
    def _presence(item: HandoverItem) -> dict[str, Any]:
        return {
            "partner_present": item.partner_present,
            "present_on": item.present_on,
            "attendees": item.attendees,
            "absence_reason": item.absence_reason,
            "followup_commitment_id": item.followup_commitment_id,
        }

    # -- signing and correcting ------------------------------------------------------------
    def sign(self, note_id: str, side: str, name: str, on: date, *, expected_version: int) -> int:
        """One side's confirmation (前任 / 後任, name, date); the second one freezes the note."""
        if side not in (PREDECESSOR, SUCCESSOR):
            raise ValidationErrors([ValidationError("side", "署名は「前任」か「後任」です")])
        signer = nfkc(name)
        if not signer:
            raise ValidationErrors([ValidationError("name", "署名する職員の氏名を入力してください")])
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            note = load_note(s, note_id)
            self._check_version(note, expected_version)
            self._refuse_frozen(note)
            if side == PREDECESSOR:
                note.signed_by_from_name, note.signed_by_from_on = signer, on
            else:
                note.signed_by_to_name, note.signed_by_to_on = signer, on
            changes: dict[str, Any] = {
                f"signed_by_{'from' if side == PREDECESSOR else 'to'}": [None, [signer, on]]
            }
            both = note.signed_by_from_on is not None and note.signed_by_to_on is not None
            if both:
                note.status = SIGNED
                changes["status"] = [DRAFT, SIGNED]
            self._touched(s, note, "sign", changes)
            if both:
                effects.move_responsibility(s, self.ws, note)
                previous = s.get(HandoverNote, note.previous_id) if note.previous_id else None
                if previous is not None and previous.status == SIGNED:
                    previous.status = CORRECTED
                    previous.updated_at = utc_now()
                    self._audit(
                        s,
                        previous,
                        "update",
                        {"status": [SIGNED, CORRECTED], "corrected_by": [None, note.id]},
                    )
            return note.version

    def revise(self, note_id: str) -> str:
        """A correction of a signed note: a new draft revision copying it; the new note's id."""
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            old = load_note(s, note_id)
            if old.status != SIGNED:
                raise KnownError(
                    "訂正できるのは署名済の引継書です（下書きはそのまま編集できます。訂正済の版は新しい版を訂正してください）。"
                )
            if (
                s.scalars(select(HandoverNote.id).where(HandoverNote.previous_id == old.id)).first()
                is not None
            ):
                raise KnownError("この引継書には訂正中の新しい版があります。その版を編集してください。")
            new = HandoverNote(
                from_officer_id=old.from_officer_id,
                to_officer_id=old.to_officer_id,
                handover_on=old.handover_on,
                revision=old.revision + 1,
                previous_id=old.id,
                include_contacts=old.include_contacts,
            )
            copied = [c.key for c in HandoverItem.__table__.columns if c.key not in ("id", "note_id")]
            for item in old.items:
                new.items.append(HandoverItem(**{k: getattr(item, k) for k in copied}))
            s.add(new)
            s.flush()
            self._audit(s, new, "create", {"revision": [None, new.revision], "previous_id": [None, old.id]})
            return new.id

    # -- helpers ---------------------------------------------------------------------------
    @contextlib.contextmanager
    def _editing(self, note_id: str, expected_version: int) -> Iterator[tuple[Session, HandoverNote]]:
        """One transaction on a draft: a frozen note and a stale version are refused."""
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            note = load_note(s, note_id)
            self._check_version(note, expected_version)
            self._refuse_frozen(note)
            yield s, note

    @staticmethod
    def _item(note: HandoverNote, item_id: int) -> HandoverItem:
        for item in note.items:
            if item.id == item_id:
                return item
        raise NotFoundError(f"引継書の項目が見つかりません: {item_id}")

    @staticmethod
    def _refuse_frozen(note: HandoverNote) -> None:
        if note.status != DRAFT:
            raise KnownError(
                f"この引継書（第{note.revision}版）は{note.status}のため変更できません。訂正は新しい版を作って行ってください。"
            )

    @staticmethod
    def _check_version(note: HandoverNote, expected_version: int) -> None:
        if note.version != expected_version:
            raise StaleEditError(
                "引継書は、開いた後に他の操作で更新されています"
                f"（開いた時: 版{expected_version}、現在: 版{note.version}）。"
                "入力内容は残してあります。開き直してから保存してください。"
            )

    def _touched(self, s: Session, note: HandoverNote, action: str, changes: dict[str, Any]) -> None:
        """A change of the note: audited, versioned, and withdrawing signatures of an edit."""
        if action != "sign":
            self._withdraw_signatures(s, note)
        note.updated_at = utc_now()
        # an item's edit leaves the note's row as it was: flagged, it is updated all the same,
        # so its version moves and a form opened on the older reading is refused
        flag_modified(note, "updated_at")
        s.flush()  # bumps the version (version_id_col)
        self._audit(s, note, action, changes)

    def _withdraw_signatures(self, s: Session, note: HandoverNote) -> None:
        # a signature confirms the note as it was; the one who signed signs the edited note again
        withdrawn: dict[str, Any] = {}
        if note.signed_by_from_on is not None:
            withdrawn["signed_by_from"] = [[note.signed_by_from_name, note.signed_by_from_on], None]
            note.signed_by_from_on, note.signed_by_from_name = None, ""
        if note.signed_by_to_on is not None:
            withdrawn["signed_by_to"] = [[note.signed_by_to_name, note.signed_by_to_on], None]
            note.signed_by_to_on, note.signed_by_to_name = None, ""
        if withdrawn:
            self._audit(s, note, "unsign", withdrawn)

    def _audit(self, s: Session, note: HandoverNote, action: str, changes: dict[str, Any]) -> None:
        audit.record(
            s, officer=self.ws.officer.name, entity=ENTITY, record_id=note.id, action=action, changes=changes
        )
