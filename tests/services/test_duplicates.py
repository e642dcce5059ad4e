"""Duplicates already in the registry: candidates, merge with moved children, undo."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from kyodo_desktop.domain.organization import ContactInput, InteractionInput, OrganizationInput
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services import duplicates
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


def test_candidates_name_their_reasons(ws: Workspace, svc: OrganizationService) -> None:
    a = svc.create(OrganizationInput(name="NPO法人 ひまわり", corporate_number="7000012050002"))
    b = svc.create(
        OrganizationInput(name="ひまわり（特非）", corporate_number="7000012050002"), allow_duplicate=True
    )
    c = svc.create(OrganizationInput(name="柏こども食堂ネットワーク", municipality_code="12217"))
    d = svc.create(OrganizationInput(name="柏こども食堂ネットワ一ク", municipality_code="12217"))  # a typo
    svc.create(OrganizationInput(name="まったく別の会"))
    pairs = {frozenset((p.first_id, p.second_id)): p.reasons for p in duplicates.find_candidates(ws)}
    assert pairs[frozenset((a, b))] == ("法人番号が同じ", "名称が同じ")
    assert pairs[frozenset((c, d))] == ("名称がよく似ている",)
    assert len(pairs) == 2


def test_candidates_ignore_the_case_of_an_email_address(ws: Workspace, svc: OrganizationService) -> None:
    a = svc.create(OrganizationInput(name="ひまわりの会", email="INFO@a.jp"))
    b = svc.create(OrganizationInput(name="あさがおの会", email="info@a.jp"), allow_duplicate=True)
    svc.create(OrganizationInput(name="すみれの会", email="info2@a.jp"))
    pairs = {frozenset((p.first_id, p.second_id)): p.reasons for p in duplicates.find_candidates(ws)}
    assert pairs == {frozenset((a, b)): ("メールアドレスが同じ",)}


def test_merge_moves_children_keeps_a_tombstone_and_unmerge_restores(
    ws: Workspace, svc: OrganizationService
) -> None:
    keep = svc.create(OrganizationInput(name="残す会", phone="043-223-1111"))
    other = svc.create(OrganizationInput(name="残す会（旧）", phone="047-431-1111", email="old@example.jp"))
    contact = svc.add_contact(other, ContactInput(name="佐藤 花子"))
    svc.add_interaction(
        other, InteractionInput(occurred_on=date(2026, 5, 1), kind="面談", summary="顔合わせ")
    )

    duplicates.merge(ws, keep, other, take_from_other=["phone"])
    survivor = svc.get(keep)
    assert survivor.data.phone == "047-431-1111"  # taken on request
    assert survivor.data.email == "old@example.jp"  # filled a blank
    assert survivor.data.name == "残す会"  # kept
    assert [c.id for c in survivor.contacts] == [contact]
    assert survivor.last_contact_on == date(2026, 5, 1)
    assert {i for i, _ in svc.search("")} == {keep}
    assert svc.search("", trash=True) == []  # a tombstone is not in the trash
    with pytest.raises(KnownError, match="統合されています"):
        svc.restore(other)
    with ws.engine.connect() as c:
        assert (
            c.execute(text("SELECT merged_into FROM organizations WHERE id = :i"), {"i": other}).scalar()
            == keep
        )

    assert duplicates.unmerge(ws, other) == keep
    back, again = svc.get(keep), svc.get(other)
    assert (back.data.phone, back.data.email, back.contacts, back.last_contact_on) == (
        "043-223-1111",
        "",
        [],
        None,
    )
    assert [c.id for c in again.contacts] == [contact] and again.deleted_at is None
    assert {i for i, _ in svc.search("")} == {keep, other}


def test_merge_refuses_itself_and_trashed_records(ws: Workspace, svc: OrganizationService) -> None:
    a = svc.create(OrganizationInput(name="甲の会"))
    b = svc.create(OrganizationInput(name="乙の会"))
    with pytest.raises(KnownError, match="同じ団体"):
        duplicates.merge(ws, a, a)
    svc.delete(b)
    with pytest.raises(KnownError, match="ゴミ箱"):
        duplicates.merge(ws, a, b)
    with pytest.raises(KnownError, match="統合されていません"):
        duplicates.unmerge(ws, a)
