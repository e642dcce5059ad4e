"""変更履歴 and 元に戻す: a change is undone only when nothing newer depends on it."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from kyodo_desktop.domain.organization import ContactInput, OrganizationInput
from kyodo_desktop.persistence import audit
from kyodo_desktop.services.history import HistoryService, UndoRefusedError
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


def _org(svc: OrganizationService) -> str:
    return svc.create(
        OrganizationInput(name="けやきの会", phone="043-223-1111", established_on=date(2020, 4, 1))
    )


def _update(svc: OrganizationService, org_id: str, **values: object) -> None:
    rec = svc.get(org_id)
    svc.update(org_id, dataclasses.replace(rec.data, **values), expected_version=rec.version)


def test_undo_puts_the_old_values_back_audited_and_bumps_the_version(
    ws: Workspace, svc: OrganizationService
) -> None:
    org_id = _org(svc)
    _update(svc, org_id, phone="043-223-2222", established_on=date(2021, 5, 10), fields=[3, 7])
    history = HistoryService(ws)
    newest = history.for_record(org_id)[0]
    assert newest.action == "update" and newest.undoable_kind
    before = svc.get(org_id).version
    assert history.undo(newest.id) == before + 1
    rec = svc.get(org_id)
    assert (rec.data.phone, rec.data.established_on, rec.data.fields) == (
        "043-223-1111",
        date(2020, 4, 1),
        [],
    )
    assert rec.version == before + 1
    with ws.session_factory() as s:
        last = audit.history(s, org_id)[-1]
    assert (last.action, last.context, last.officer) == ("undo", f"undo:{newest.id}", "テスト職員")
    assert "phone" in last.changes


def test_undo_is_refused_when_a_later_change_touches_the_same_field(
    ws: Workspace, svc: OrganizationService
) -> None:
    org_id = _org(svc)
    _update(svc, org_id, phone="043-223-2222")
    _update(svc, org_id, phone="043-223-3333")
    history = HistoryService(ws)
    newest, older = history.for_record(org_id)[:2]
    with pytest.raises(UndoRefusedError, match="後の変更"):
        history.undo(older.id)
    assert svc.get(org_id).data.phone == "043-223-3333"
    history.undo(newest.id)  # the newest first, then the older one
    history.undo(older.id)
    assert svc.get(org_id).data.phone == "043-223-1111"


def test_a_later_change_of_another_field_or_a_contact_does_not_block(
    ws: Workspace, svc: OrganizationService
) -> None:
    org_id = _org(svc)
    _update(svc, org_id, phone="043-223-2222")
    _update(svc, org_id, address="千葉市中央区1-1")
    svc.add_contact(org_id, ContactInput(name="佐藤 花子"))
    history = HistoryService(ws)
    phone_change = next(
        e for e in history.for_record(org_id) if e.entity == "organization" and "phone" in e.changes
    )
    history.undo(phone_change.id)
    rec = svc.get(org_id)
    assert (rec.data.phone, rec.data.address) == ("043-223-1111", "千葉市中央区1-1")


def test_a_create_or_a_contact_change_is_not_undone(ws: Workspace, svc: OrganizationService) -> None:
    org_id = _org(svc)
    svc.add_contact(org_id, ContactInput(name="佐藤 花子"))
    history = HistoryService(ws)
    for entry in history.for_record(org_id):
        assert not entry.undoable_kind
        with pytest.raises(UndoRefusedError, match="元に戻せません"):
            history.undo(entry.id)


def test_whole_registry_ids_newest_first_and_entries_by_id(ws: Workspace, svc: OrganizationService) -> None:
    a = _org(svc)
    b = svc.create(OrganizationInput(name="あおぞら会"))
    history = HistoryService(ws)
    ids = history.entry_ids()
    assert ids == sorted(ids, reverse=True) and len(ids) == 2
    rows = history.entries(ids)
    assert [rows[i].record_id for i in ids] == [b, a]
    assert rows[ids[0]].record_name == "あおぞら会"
