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


def test_pairs_show_both_sides_and_the_strongest_evidence_comes_first(
    ws: Workspace, svc: OrganizationService
) -> None:
    number = svc.create(OrganizationInput(name="みどりの会", corporate_number="7000012050002"))
    number2 = svc.create(
        OrganizationInput(name="緑化推進協会", corporate_number="7000012050002"), allow_duplicate=True
    )
    phone = svc.create(OrganizationInput(name="あさひの会", phone="043-223-1111", municipality_code="12100"))
    phone2 = svc.create(
        OrganizationInput(
            name="朝日ボランティア",
            phone="043-223-1111",
            representative="佐藤 花子",
            legal_form="特定非営利活動法人",
            municipality_code="12100",
            address="千葉市中央区1-1",
        ),
        allow_duplicate=True,
    )
    pairs = duplicates.find_candidates(ws)
    assert [{p.first_id, p.second_id} for p in pairs] == [{number, number2}, {phone, phone2}]
    assert pairs[0].score > pairs[1].score
    sides = {pairs[1].first_id: pairs[1].first, pairs[1].second_id: pairs[1].second}
    assert sides[phone2] == duplicates.PairSide(
        municipality="千葉市",
        address="千葉市中央区1-1",
        phone="043-223-1111",
        representative="佐藤 花子",
        legal_form="特定非営利活動法人",
    )
    assert sides[phone].phone == "043-223-1111" and sides[phone].municipality == "千葉市"


def test_score_weighs_reasons_and_agreement_and_disagreement() -> None:
    side = duplicates.PairSide
    bare = duplicates.score(["名称が同じ"], side(), side())
    assert duplicates.score(["法人番号が同じ"], side(), side()) > bare
    assert duplicates.score(["法人番号が同じ", "名称が同じ"], side(), side()) > duplicates.score(
        ["法人番号が同じ"], side(), side()
    )
    same_rep = duplicates.score(["名称が同じ"], side(representative="佐藤"), side(representative="佐藤"))
    other_rep = duplicates.score(["名称が同じ"], side(representative="佐藤"), side(representative="鈴木"))
    assert other_rep < bare < same_rep
    two_numbers = duplicates.score(
        ["名称が同じ"], side(corporate_number="7000012050002"), side(corporate_number="4011010000000")
    )
    assert two_numbers < other_rep


def test_a_similar_name_alone_is_not_offered_when_the_records_disagree(
    ws: Workspace, svc: OrganizationService
) -> None:
    def org(name: str, **values: str) -> str:
        return svc.create(
            OrganizationInput(name=name, municipality_code="12100", **values), allow_duplicate=True
        )

    # different groups: similar names, but 代表者, 住所 and 電話 all differ (the demo data's case)
    org(
        "さくら若葉高齢者サロンの会",
        representative="清水 陽子",
        address="千葉市旭町4-15",
        phone="043-223-1111",
    )
    org(
        "さくら千葉高齢者サロンの会", representative="田中 翔", address="千葉市北町2-12", phone="043-224-2222"
    )
    # one group entered twice with a typo, the second time with only its name and phone
    typo = org(
        "柏こども食堂ネットワーク", representative="林 誠", address="千葉市本町1-1", phone="043-225-3333"
    )
    typo2 = org("柏こども食堂ネットワ一ク", phone="043-225-3334")
    # different phones alone with everything else differing are no evidence either
    org("みなと音楽の会", phone="043-226-4444", representative="井上 浩", address="千葉市新町1-1")
    org("やまびこ演劇クラブ", phone="043-226-4444", representative="林 誠", address="千葉市西町1-1")
    pairs = {frozenset((p.first_id, p.second_id)): p.reasons for p in duplicates.find_candidates(ws)}
    assert pairs == {frozenset((typo, typo2)): ("名称がよく似ている",)}
