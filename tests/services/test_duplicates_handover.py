"""A duplicate merge moves the merged record's 約束・宿題 and handover items; unmerge moves them back."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import OfficerInput
from kyodo_desktop.persistence.models import AuditEntry
from kyodo_desktop.persistence.models_handover import Commitment, HandoverItem
from kyodo_desktop.services import duplicates, officers
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.handover import HandoverService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


def _where(ws: Workspace, model: type[Commitment] | type[HandoverItem], ids: list) -> dict:
    with ws.session_factory() as s:
        return {r.id: r.organization_id for r in s.scalars(select(model).where(model.id.in_(ids)))}


def test_merge_moves_commitments_and_handover_items_and_unmerge_moves_them_back(
    ws: Workspace, svc: OrganizationService
) -> None:
    yamada = officers.add_officer(ws, OfficerInput(name="山田 太郎", section="県民生活課"))
    suzuki = officers.add_officer(ws, OfficerInput(name="鈴木 花子", section="県民生活課"))
    keep = svc.create(OrganizationInput(name="残す会"))
    other = svc.create(OrganizationInput(name="残す会（旧）"), responsible_officer_id=yamada)
    commitments = CommitmentService(ws)
    own = commitments.add("会報を送る", organization_id=keep, due_on=date(2026, 6, 1))
    moved = commitments.add("助成金の情報を届ける", organization_id=other, due_on=date(2026, 7, 1))
    handover = HandoverService(ws)
    note_id = handover.create_note(yamada, suzuki, date(2026, 3, 25), [other], today=date(2026, 3, 1))
    for side, name in (("前任", "山田 太郎"), ("後任", "鈴木 花子")):
        note = handover.get(note_id)
        handover.sign(note_id, side, name, date(2026, 3, 25), expected_version=note.version)
    with ws.session_factory() as s:
        item = s.scalars(select(HandoverItem).where(HandoverItem.note_id == note_id)).one()
        item_id, dossier = item.id, item.dossier
        version_before = s.get(Commitment, moved).version  # type: ignore[union-attr]

    duplicates.merge(ws, keep, other)

    assert _where(ws, Commitment, [own, moved]) == {own: keep, moved: keep}
    assert _where(ws, HandoverItem, [item_id]) == {item_id: keep}
    with ws.session_factory() as s:
        assert s.get(HandoverItem, item_id).dossier == dossier  # type: ignore[union-attr]  # as signed
        assert s.get(Commitment, moved).version == version_before + 1  # type: ignore[union-attr]
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.record_id == keep, AuditEntry.action == "merge")
        ).one()
        changes = json.loads(entry.changes)
    assert changes["moved_commitments"] == [None, [moved]]
    assert changes["moved_handover_items"] == [None, [item_id]]
    # the survivor had no 担当職員 (the signed note gave the other's to 鈴木): it takes the other's
    assert svc.get(keep).responsible_officer_id == suzuki
    assert [c.id for c in commitments.of(organization_id=keep)] == [own, moved]
    assert handover.get(note_id).items[0].subject_id == keep

    duplicates.unmerge(ws, other)

    assert _where(ws, Commitment, [own, moved]) == {own: keep, moved: other}
    assert _where(ws, HandoverItem, [item_id]) == {item_id: other}
    assert svc.get(keep).responsible_officer_id is None


def test_the_survivor_keeps_its_own_officer_and_a_record_with_nothing_moves_nothing(
    ws: Workspace, svc: OrganizationService
) -> None:
    yamada = officers.add_officer(ws, OfficerInput(name="山田 太郎"))
    suzuki = officers.add_officer(ws, OfficerInput(name="鈴木 花子"))
    keep = svc.create(OrganizationInput(name="残す会"), responsible_officer_id=yamada)
    other = svc.create(OrganizationInput(name="残す会（旧）"), responsible_officer_id=suzuki)

    duplicates.merge(ws, keep, other)

    assert svc.get(keep).responsible_officer_id == yamada
    with ws.session_factory() as s:
        entry = s.scalars(
            select(AuditEntry).where(AuditEntry.record_id == keep, AuditEntry.action == "merge")
        ).one()
    changes = json.loads(entry.changes)
    assert "moved_commitments" not in changes and "moved_handover_items" not in changes
