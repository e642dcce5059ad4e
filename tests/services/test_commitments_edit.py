"""Correcting and removing commitments (約束・宿題): versioned, audited, undone from the trash; a
signed handover note keeps the item as it was signed."""

from __future__ import annotations

import json
from datetime import date

import pytest

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import OfficerInput
from kyodo_desktop.domain.validation import ValidationErrors
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError, NotFoundError, StaleEditError
from kyodo_desktop.services import officers
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.handover import HandoverService
from kyodo_desktop.services.handover_checklist import HandoverChecklistService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


def _changes(ws: Workspace, record_id: str) -> list[tuple[str, dict[str, list[object]]]]:
    with ws.session_factory() as s:
        return [(r.action, json.loads(r.changes)) for r in audit.history(s, record_id)]


def test_update_corrects_text_owner_and_due_and_is_audited(ws: Workspace) -> None:
    sato = officers.add_officer(ws, OfficerInput("佐藤 一郎", section="市民協働課"))
    org = OrganizationService(ws).create(OrganizationInput(name="みどりの会"))
    svc = CommitmentService(ws)
    cid = svc.add("協定書案をおくる", organization_id=org, due_on=date(2027, 4, 10))
    v2 = svc.update(
        cid, 1, text=" 協定書案を送る ", owner_officer_id=sato, due_on=date(2027, 4, 20), status="対応中"
    )
    record = svc.get(cid)
    assert (record.text, record.owner_officer_id, record.due_on, record.status, record.version) == (
        "協定書案を送る",
        sato,
        date(2027, 4, 20),
        "対応中",
        v2,
    )
    action, changes = _changes(ws, cid)[-1]
    assert action == "update"
    assert changes["text"] == ["協定書案をおくる", "協定書案を送る"]
    assert changes["due_on"] == ["2027-04-10", "2027-04-20"]
    assert changes["owner_officer_id"] == [None, sato]
    # nothing changed: the version stays, no audit row
    assert svc.update(cid, v2, text="協定書案を送る", owner_officer_id=sato, due_on=date(2027, 4, 20)) == v2
    assert len(_changes(ws, cid)) == 2
    # closing through the correction dates it
    v3 = svc.update(cid, v2, text="協定書案を送る", owner_officer_id=None, due_on=None, status="完了")
    done = svc.get(cid)
    assert (done.status, done.closed_on, done.due_on, done.owner, done.version) == (
        "完了",
        date.today(),
        None,
        "",
        v3,
    )


def test_update_refuses_stale_empty_and_unknown_owner(ws: Workspace) -> None:
    org = OrganizationService(ws).create(OrganizationInput(name="みどりの会"))
    svc = CommitmentService(ws)
    cid = svc.add("会場を予約する", organization_id=org)
    svc.set_status(cid, "対応中", expected_version=1)
    with pytest.raises(StaleEditError, match="他の操作で更新されています"):
        svc.update(cid, 1, text="会場を押さえる", owner_officer_id=None, due_on=None)
    with pytest.raises(ValidationErrors, match="内容を入力してください"):
        svc.update(cid, 2, text=" \u3000", owner_officer_id=None, due_on=None)
    with pytest.raises(ValidationErrors, match="状態は"):
        svc.update(cid, 2, text="x", owner_officer_id=None, due_on=None, status="保留")
    with pytest.raises(NotFoundError, match="職員が見つかりません"):
        svc.update(cid, 2, text="x", owner_officer_id="nobody", due_on=None)
    assert svc.get(cid).text == "会場を予約する" and svc.get(cid).version == 2


def test_delete_moves_to_the_trash_and_restore_takes_it_back(ws: Workspace) -> None:
    org = OrganizationService(ws).create(OrganizationInput(name="みどりの会"))
    svc = CommitmentService(ws)
    keep = svc.add("名簿の更新", organization_id=org)
    cid = svc.add("チラシ配布", organization_id=org)
    svc.set_status(cid, "対応中", expected_version=1)
    with pytest.raises(StaleEditError):
        svc.delete(cid, 1)
    assert [c.id for c in svc.of(organization_id=org)] == [keep, cid]
    svc.delete(cid, 2)
    assert [c.id for c in svc.of(organization_id=org)] == [keep]
    with pytest.raises(NotFoundError, match="約束・宿題が見つかりません"):
        svc.get(cid)
    with pytest.raises(NotFoundError):
        svc.delete(cid, 3)
    with pytest.raises(NotFoundError):
        svc.update(cid, 3, text="x", owner_officer_id=None, due_on=None)
    version = svc.restore(cid)
    back = svc.get(cid)
    assert (back.text, back.status, back.version) == ("チラシ配布", "対応中", version)
    assert [c.id for c in svc.of(organization_id=org)] == [keep, cid]
    with pytest.raises(KnownError, match="ゴミ箱にありません"):
        svc.restore(cid)
    with pytest.raises(NotFoundError):
        svc.restore("nope")
    actions = [a for a, _ in _changes(ws, cid)]
    assert actions == ["create", "update", "delete", "restore"]


def test_a_signed_note_keeps_a_commitment_as_it_was_signed(ws: Workspace) -> None:
    sato = officers.add_officer(ws, OfficerInput("佐藤 一郎", section="市民協働課"))
    suzuki = officers.add_officer(ws, OfficerInput("鈴木 花子", section="市民協働課"))
    org = OrganizationService(ws).create(OrganizationInput(name="みどりの会"), responsible_officer_id=sato)
    svc = CommitmentService(ws)
    edited = svc.add("協定書案を送る", organization_id=org, due_on=date(2027, 4, 10))
    removed = svc.add("会計報告を受け取る", organization_id=org)
    handover = HandoverService(ws)
    note_id = handover.create_note(sato, suzuki, date(2027, 3, 25), [org], [], today=date(2027, 3, 1))
    draft = handover.get(note_id)
    version = handover.sign(note_id, "前任", "佐藤 一郎", date(2027, 3, 25), expected_version=draft.version)
    handover.sign(note_id, "後任", "鈴木 花子", date(2027, 3, 26), expected_version=version)

    svc.update(edited, 1, text="協定書の最終案を送る", owner_officer_id=suzuki, due_on=date(2027, 5, 1))
    svc.delete(removed, 1)

    signed = handover.get(note_id)
    assert signed.status == "署名済"
    dossier = signed.items[0].dossier
    assert dossier is not None
    assert [(i.text, i.due_on) for i in dossier.open_items] == [
        ("協定書案を送る", date(2027, 4, 10)),
        ("会計報告を受け取る", None),
    ]
    # the successor still acknowledges what was signed, the removed item included
    checklist = HandoverChecklistService(ws)
    key = f"団体:{org}/commitment:{removed}"
    assert key in [e.key for e in checklist.checklist(note_id)]
    checklist.acknowledge(note_id, key, by=suzuki)
    assert key not in [e.key for e in checklist.unacknowledged(note_id)]
    # the records themselves show the correction
    assert [c.text for c in svc.of(organization_id=org)] == ["協定書の最終案を送る"]
