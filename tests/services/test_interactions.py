"""Correcting a 対応記録 and linking it to a 担当者: one audited transaction, stale edits refused."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from sqlalchemy import select

from kyodo_desktop.domain.organization import ContactInput, InteractionInput, OrganizationInput
from kyodo_desktop.domain.validation import ValidationErrors
from kyodo_desktop.persistence.errors import KnownError, StaleEditError
from kyodo_desktop.persistence.models import AuditEntry, Interaction
from kyodo_desktop.services import duplicates
from kyodo_desktop.services.interactions import InteractionService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

CALL = InteractionInput(occurred_on=date(2026, 11, 2), kind="電話", summary="会場の確認")


def _org(svc: OrganizationService, name: str, *contacts: str) -> str:
    return svc.create(
        OrganizationInput(name=name), contacts=[ContactInput(name=c) for c in contacts], allow_duplicate=True
    )


def _audit(ws: Workspace, entity: str = "interaction") -> list[AuditEntry]:
    with ws.session_factory() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.entity == entity).order_by(AuditEntry.id)))


def _row(ws: Workspace, interaction_id: str) -> Interaction:
    with ws.session_factory() as s:
        entry = s.get(Interaction, interaction_id)
        assert entry is not None
        return entry


def test_a_correction_changes_the_row_links_the_contact_and_is_audited(
    ws: Workspace, svc: OrganizationService
) -> None:
    org = _org(svc, "みどりの会", "緑 花子", "森 太郎")
    entry_id = svc.add_interaction(org, CALL)
    record = svc.get(org)
    hanako = next(c.id for c in record.contacts if c.data.name == "緑 花子")
    (stored,) = record.interactions
    assert (stored.version, stored.data.officer, stored.data.contact_id) == (1, "テスト職員", None)

    corrected = dataclasses.replace(
        stored.data,
        occurred_on=date(2026, 11, 3),
        kind="面談",
        summary="会場と日程の確認",
        officer="佐藤",
        next_action_on=date(2026, 12, 1),
        contact_id=hanako,
    )
    assert InteractionService(ws).update(entry_id, corrected, expected_version=1) == 2

    row = _row(ws, entry_id)
    assert (row.occurred_on, row.kind, row.summary, row.officer, row.next_action_on, row.contact_id) == (
        date(2026, 11, 3),
        "面談",
        "会場と日程の確認",
        "佐藤",
        date(2026, 12, 1),
        hanako,
    )
    assert row.version == 2 and row.updated_at is not None
    assert svc.get(org).last_contact_on == date(2026, 11, 3)  # 最終接触日 follows the corrected date
    assert svc.get(org).version == record.version  # the organization's own version is untouched
    *_, last = _audit(ws)
    assert (last.action, last.record_id, last.officer) == ("update", org, "テスト職員")
    assert json.loads(last.changes) == {
        "interaction_id": [entry_id, entry_id],
        "occurred_on": ["2026-11-02", "2026-11-03"],
        "kind": ["電話", "面談"],
        "summary": ["会場の確認", "会場と日程の確認"],
        "officer": ["テスト職員", "佐藤"],
        "next_action_on": [None, "2026-12-01"],
        "contact_id": [None, hanako],
        "contact": [None, "緑 花子"],
    }


def test_a_stale_correction_is_refused_and_changes_nothing(ws: Workspace, svc: OrganizationService) -> None:
    org = _org(svc, "みどりの会")
    entry_id = svc.add_interaction(org, CALL)
    InteractionService(ws).update(entry_id, dataclasses.replace(CALL, summary="一人目"), expected_version=1)
    audits = len(_audit(ws))
    with pytest.raises(StaleEditError, match="開いた後に他の操作で修正されています"):
        InteractionService(ws).update(
            entry_id, dataclasses.replace(CALL, summary="二人目"), expected_version=1
        )
    assert _row(ws, entry_id).summary == "一人目"
    assert len(_audit(ws)) == audits


def test_no_change_writes_no_audit_row_and_invalid_input_is_refused(
    ws: Workspace, svc: OrganizationService
) -> None:
    org = _org(svc, "みどりの会")
    entry_id = svc.add_interaction(org, CALL)
    stored = svc.get(org).interactions[0]
    assert InteractionService(ws).update(entry_id, stored.data, expected_version=1) == 1
    assert len(_audit(ws)) == 1  # only the create
    with pytest.raises(ValidationErrors):
        InteractionService(ws).update(entry_id, dataclasses.replace(CALL, summary=""), expected_version=1)


def test_a_contact_of_another_organization_cannot_be_linked(ws: Workspace, svc: OrganizationService) -> None:
    mine, theirs = _org(svc, "みどりの会"), _org(svc, "ひだまり", "日向 一郎")
    other_contact = svc.get(theirs).contacts[0].id
    with pytest.raises(KnownError, match="この団体に登録されていません"):
        svc.add_interaction(mine, dataclasses.replace(CALL, contact_id=other_contact))
    entry_id = svc.add_interaction(mine, CALL)
    with pytest.raises(KnownError, match="この団体に登録されていません"):
        InteractionService(ws).update(
            entry_id, dataclasses.replace(CALL, contact_id=other_contact), expected_version=1
        )
    assert _row(ws, entry_id).contact_id is None


def test_deleting_the_contact_leaves_the_entry_without_a_link(
    ws: Workspace, svc: OrganizationService
) -> None:
    org = _org(svc, "みどりの会", "緑 花子")
    contact = svc.get(org).contacts[0].id
    entry_id = svc.add_interaction(org, dataclasses.replace(CALL, contact_id=contact))
    assert json.loads(_audit(ws)[-1].changes)["contact"] == [None, "緑 花子"]
    svc.remove_contact(contact)
    row = _row(ws, entry_id)
    assert (row.contact_id, row.summary) == (None, "会場の確認")


def test_a_merge_carries_the_links_and_an_unmerge_unlinks_across_organizations(
    ws: Workspace, svc: OrganizationService
) -> None:
    keep, other = _org(svc, "みどりの会", "緑 花子"), _org(svc, "みどりの会", "森 太郎")
    taro = svc.get(other).contacts[0].id
    of_other = svc.add_interaction(other, dataclasses.replace(CALL, contact_id=taro))
    of_keep = svc.add_interaction(keep, CALL)
    duplicates.merge(ws, keep, other)
    merged = svc.get(keep)
    assert {i.id: i.data.contact_id for i in merged.interactions} == {of_other: taro, of_keep: None}
    # while merged, the survivor's own entry is linked to the contact that came with the merge
    entry = next(i for i in merged.interactions if i.id == of_keep)
    InteractionService(ws).update(
        of_keep, dataclasses.replace(entry.data, contact_id=taro), expected_version=1
    )

    duplicates.unmerge(ws, other)
    assert _row(ws, of_other).contact_id == taro  # back home together
    row = _row(ws, of_keep)
    assert (row.organization_id, row.contact_id, row.version) == (keep, None, 3)
    unmerge = next(a for a in _audit(ws, "organization") if a.action == "unmerge" and a.record_id == keep)
    assert json.loads(unmerge.changes)["unlinked_interactions"] == [[of_keep], None]


def _correction_rows(ws: Workspace) -> list[int]:
    return [a.id for a in _audit(ws) if a.action in ("update", "undo")]


def test_a_correction_is_undone_only_while_nothing_newer_depends_on_it(
    ws: Workspace, svc: OrganizationService
) -> None:
    from kyodo_desktop.services.history import HistoryService, UndoRefusedError

    org = _org(svc, "みどりの会", "緑 花子")
    hanako = svc.get(org).contacts[0].id
    entry_id = svc.add_interaction(org, CALL)
    corrections = InteractionService(ws)
    corrections.update(
        entry_id, dataclasses.replace(CALL, summary="一回目", contact_id=hanako), expected_version=1
    )
    corrections.update(
        entry_id, dataclasses.replace(CALL, summary="二回目", contact_id=hanako), expected_version=2
    )
    first, second = _correction_rows(ws)
    history = HistoryService(ws)
    assert all(e.undoable_kind for e in history.entries([first, second]).values())
    with pytest.raises(UndoRefusedError, match="後の修正"):
        history.undo(first)  # the second correction changed 内容 again
    assert history.undo(second) == 4
    assert (_row(ws, entry_id).summary, _row(ws, entry_id).contact_id) == ("一回目", hanako)
    assert history.undo(first) == 5  # the newer one is undone: now the first can be
    row = _row(ws, entry_id)
    assert (row.summary, row.contact_id, row.version) == ("会場の確認", None, 5)
    *_, last = _audit(ws)
    assert (last.action, last.context) == ("undo", f"undo:{first}")
    assert json.loads(last.changes)["contact"] == ["緑 花子", None]
    assert svc.get(org).interactions[0].version == 5


def test_undoing_a_correction_is_refused_when_the_record_or_its_contact_is_gone(
    ws: Workspace, svc: OrganizationService
) -> None:
    from kyodo_desktop.services.history import HistoryService, UndoRefusedError

    org = _org(svc, "みどりの会", "緑 花子", "森 太郎")
    people = {c.data.name: c.id for c in svc.get(org).contacts}
    entry_id = svc.add_interaction(org, dataclasses.replace(CALL, contact_id=people["緑 花子"]))
    InteractionService(ws).update(
        entry_id, dataclasses.replace(CALL, contact_id=people["森 太郎"]), expected_version=1
    )
    (correction,) = _correction_rows(ws)
    svc.remove_contact(people["緑 花子"])  # the contact the undo would put back
    with pytest.raises(UndoRefusedError, match="この団体に登録されていません"):
        HistoryService(ws).undo(correction)
    assert _row(ws, entry_id).contact_id == people["森 太郎"]
    svc.remove_interaction(entry_id)
    with pytest.raises(UndoRefusedError, match="削除されている"):
        HistoryService(ws).undo(correction)
