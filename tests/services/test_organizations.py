"""Registry use cases: validation, duplicates, versions, trash, search, audit."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import text

from kyodo_desktop.domain.organization import ContactInput, InteractionInput, OrganizationInput
from kyodo_desktop.domain.validation import ValidationErrors
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError, LockedError, NotFoundError, StaleEditError
from kyodo_desktop.services.organizations import DuplicateOrganizationError, OrganizationService
from kyodo_desktop.services.workspace import Workspace


def _count(ws: Workspace, table: str) -> int:
    with ws.engine.connect() as c:
        return int(c.execute(text(f"SELECT count(*) FROM {table}")).scalar() or 0)


def test_create_normalises_and_audits_with_the_officer(svc: OrganizationService, ws: Workspace) -> None:
    org_id = svc.create(
        OrganizationInput(
            name="ＮＰＯ法人　みどりの会",
            kana="みどりのかい",
            legal_form="NPO法人",
            phone="０４３（２２３）１１１１",
            postal_code="〒２６０－８６６７",
            email="Info@Example.JP",
            address="千葉県千葉市中央区市場町1－1",
            fields=[13, 1, 13],
        ),
        contacts=[ContactInput(name="佐藤 花子", phone="090-1234-5678", is_primary=True)],
    )
    rec = svc.get(org_id)
    assert rec.version == 1
    assert rec.data.phone == "043-223-1111"
    assert rec.data.postal_code == "260-8667"
    assert rec.data.legal_form == "特定非営利活動法人"
    assert rec.data.kana == "ミドリノカイ"
    assert rec.data.municipality_code == "12100"
    assert rec.data.fields == [1, 13]
    assert [c.data.name for c in rec.contacts] == ["佐藤 花子"]
    with ws.session_factory() as s:
        rows = audit.history(s, org_id)
    assert [(r.action, r.entity, r.officer) for r in rows] == [
        ("create", "organization", "テスト職員"),
        ("create", "contact", "テスト職員"),
    ]
    assert json.loads(rows[0].changes)["phone"] == [None, "043-223-1111"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "12-345", "電話番号"),
        ("email", "not-an-address", "メールアドレス"),
        ("postal_code", "12345", "郵便番号"),
        ("corporate_number", "1234567890123", "法人番号"),
        ("name", "", "団体名"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    svc: OrganizationService, ws: Workspace, field: str, value: str, message: str
) -> None:
    data = OrganizationInput(name="正しい名前の会")
    setattr(data, field, value)
    with pytest.raises(ValidationErrors) as err:
        svc.create(data)
    assert field in err.value.by_field()
    assert message in str(err.value)
    assert _count(ws, "organizations") == 0
    assert _count(ws, "audit_log") == 0


@pytest.mark.parametrize(
    ("existing", "new", "reason"),
    [
        (
            OrganizationInput(name="特定非営利活動法人 ひまわりの会"),
            OrganizationInput(name="ひまわりの会（特非）"),
            "名称が同じ",
        ),
        (
            OrganizationInput(name="ヒマワリノカイ"),
            OrganizationInput(name="ﾋﾏﾜﾘﾉｶｲ"),
            "名称が同じ",
        ),
        (
            OrganizationInput(name="甲の会", corporate_number="7000012050002"),
            OrganizationInput(name="乙の会", corporate_number="７０００-０１２０-５０００２"),
            "法人番号が同じ",
        ),
        (
            OrganizationInput(name="丙の会", phone="043-223-1111"),
            OrganizationInput(name="丁の会", phone="0432231111"),
            "電話番号が同じ",
        ),
        (
            OrganizationInput(name="戊の会", email="a@example.jp"),
            OrganizationInput(name="己の会", email="a@EXAMPLE.jp"),
            "メールアドレスが同じ",
        ),
        (
            OrganizationInput(name="庚の会", email="INFO@a.jp"),
            OrganizationInput(name="辛の会", email="info@a.jp"),
            "メールアドレスが同じ",
        ),
        (
            OrganizationInput(name="子育てサポートセンター"),
            OrganizationInput(name="子育て\u200bサポート\u00adセンタ－\ufeff"),
            "名称が同じ",
        ),
    ],
)
def test_likely_duplicate_is_refused_unless_confirmed(
    svc: OrganizationService, ws: Workspace, existing: OrganizationInput, new: OrganizationInput, reason: str
) -> None:
    first = svc.create(existing)
    with pytest.raises(DuplicateOrganizationError) as err:
        svc.create(new)
    assert err.value.matches[0].id == first
    assert reason in err.value.matches[0].reasons
    assert _count(ws, "organizations") == 1
    svc.create(new, allow_duplicate=True)
    assert _count(ws, "organizations") == 2


def test_trashed_records_do_not_count_as_duplicates(svc: OrganizationService) -> None:
    org_id = svc.create(OrganizationInput(name="なのはなの会"))
    svc.delete(org_id)
    svc.create(OrganizationInput(name="なのはなの会"))


def test_update_bumps_version_and_audits_old_and_new(svc: OrganizationService, ws: Workspace) -> None:
    org_id = svc.create(OrganizationInput(name="さくらの会", phone="043-223-1111"))
    data = svc.get(org_id).data
    data.phone = "047-431-1111"
    assert svc.update(org_id, data, expected_version=1) == 2
    assert svc.get(org_id).data.phone == "047-431-1111"
    with ws.session_factory() as s:
        last = audit.history(s, org_id)[-1]
    assert last.action == "update"
    assert json.loads(last.changes) == {"phone": ["043-223-1111", "047-431-1111"]}


def test_stale_save_is_refused_and_nothing_changes(svc: OrganizationService) -> None:
    org_id = svc.create(OrganizationInput(name="かもめの会"))
    mine = svc.get(org_id)
    theirs = svc.get(org_id).data
    theirs.notes = "別の職員が先に保存"
    svc.update(org_id, theirs, expected_version=1)
    mine.data.notes = "私の変更"
    with pytest.raises(StaleEditError, match="開き直して"):
        svc.update(org_id, mine.data, expected_version=mine.version)
    assert svc.get(org_id).data.notes == "別の職員が先に保存"


def test_trash_and_restore(svc: OrganizationService, ws: Workspace) -> None:
    org_id = svc.create(OrganizationInput(name="いちょうの会"))
    svc.delete(org_id)
    assert svc.search("いちょう") == []
    assert svc.search("いちょう", trash=True) == [(org_id, "いちょうの会")]
    assert svc.get(org_id).deleted_at is not None
    svc.restore(org_id)
    assert svc.search("いちょう") == [(org_id, "いちょうの会")]
    with ws.session_factory() as s:
        assert [r.action for r in audit.history(s, org_id)] == ["create", "delete", "restore"]


def test_missing_record_is_a_clear_error(svc: OrganizationService) -> None:
    with pytest.raises(NotFoundError, match="見つかりません"):
        svc.get("00000000-0000-0000-0000-000000000000")


def test_search_folds_width_kana_and_case_and_needs_every_term(svc: OrganizationService) -> None:
    a = svc.create(OrganizationInput(name="ミドリの森クラブ", address="千葉県柏市中央1-1", tags="環境"))
    b = svc.create(OrganizationInput(name="ﾐﾄﾞﾘ子ども食堂", address="千葉県船橋市本町2-2"))
    c = svc.create(OrganizationInput(name="Green Chiba", representative="鈴木 一郎"))
    ids = lambda q: {i for i, _ in svc.search(q)}  # noqa: E731
    assert ids("みどり") == {a, b}
    assert ids("ミドリ") == {a, b}
    assert ids("ﾐﾄﾞﾘ") == {a, b}
    assert ids("みどり　柏") == {a}
    assert ids("みどり 船橋") == {b}
    assert ids("GREEN") == {c}
    assert ids("鈴木") == {c}
    assert ids("環境") == {a}
    assert ids("") == {a, b, c}
    assert ids("存在しない") == set()


def test_interactions_move_the_last_contact_date(svc: OrganizationService) -> None:
    org_id = svc.create(OrganizationInput(name="すずらんの会"))
    svc.add_interaction(
        org_id, InteractionInput(occurred_on=date(2026, 4, 1), kind="面談", summary="顔合わせ")
    )
    later = svc.add_interaction(
        org_id, InteractionInput(occurred_on=date(2026, 6, 1), kind="電話", summary="日程調整")
    )
    rec = svc.get(org_id)
    assert rec.last_contact_on == date(2026, 6, 1)
    assert rec.version == 1  # derived: an edit form open on the record stays valid
    assert rec.interactions[0].data.officer == "テスト職員"
    svc.remove_interaction(later)
    assert svc.get(org_id).last_contact_on == date(2026, 4, 1)


def test_only_one_primary_contact(svc: OrganizationService) -> None:
    org_id = svc.create(OrganizationInput(name="つばきの会"))
    first = svc.add_contact(org_id, ContactInput(name="甲", is_primary=True))
    svc.add_contact(org_id, ContactInput(name="乙", is_primary=True))
    contacts = {c.id: c.data.is_primary for c in svc.get(org_id).contacts}
    assert contacts[first] is False and sum(contacts.values()) == 1


def test_reader_cannot_write(data_dir, ws: Workspace) -> None:  # type: ignore[no-untyped-def]
    with Workspace.open(data_dir, write=False) as reader, pytest.raises(LockedError):
        OrganizationService(reader).create(OrganizationInput(name="読み取り専用"))


def test_trashing_several_is_one_transaction(svc: OrganizationService, ws: Workspace) -> None:
    a = svc.create(OrganizationInput(name="一の会"))
    b = svc.create(OrganizationInput(name="二の会"))
    svc.delete(b)
    with pytest.raises(KnownError, match="既にゴミ箱"):
        svc.delete_many([a, b])
    assert svc.get(a).deleted_at is None  # nothing moved
    svc.restore(b)
    svc.delete_many([a, b])
    assert svc.search("の会") == []
    svc.restore_many([a, b])
    assert {i for i, _ in svc.search("の会")} == {a, b}


def test_changing_the_primary_contact_is_audited(svc: OrganizationService, ws: Workspace) -> None:
    org_id = svc.create(OrganizationInput(name="監査の会"))
    first = svc.add_contact(org_id, ContactInput(name="甲", is_primary=True))
    svc.add_contact(org_id, ContactInput(name="乙", is_primary=True))
    with ws.session_factory() as s:
        rows = [json.loads(r.changes) for r in audit.history(s, org_id) if r.action == "update"]
    assert {"contact_id": [first, first], "is_primary": [True, False]} in rows
