"""Tests for kyodo_desktop.domain.fields: 活動分野, 法人格 and the status/kind enums."""

from __future__ import annotations

import pytest

from kyodo_desktop.domain.fields import (
    ACTIVITY_FIELD_SHORT,
    ACTIVITY_FIELDS,
    LEGAL_FORMS,
    InteractionKind,
    OrgStatus,
    activity_field_code,
    normalize_legal_form,
)
from kyodo_desktop.domain.validation import ValidationError


def test_activity_fields_are_the_twenty_official_names() -> None:
    assert list(ACTIVITY_FIELDS) == list(range(1, 21))
    assert ACTIVITY_FIELDS[1] == "保健、医療又は福祉の増進を図る活動"
    assert ACTIVITY_FIELDS[6] == "学術、文化、芸術又はスポーツの振興を図る活動"
    assert ACTIVITY_FIELDS[8] == "災害救援活動"
    assert ACTIVITY_FIELDS[19] == "前各号に掲げる活動を行う団体の運営又は活動に関する連絡、助言又は援助の活動"
    assert ACTIVITY_FIELDS[20] == "前各号に掲げる活動に準ずる活動として都道府県又は指定都市の条例で定める活動"
    assert all(name.endswith("活動") for name in ACTIVITY_FIELDS.values())


def test_short_labels() -> None:
    assert list(ACTIVITY_FIELD_SHORT) == list(range(1, 21))
    assert ACTIVITY_FIELD_SHORT[1] == "保健・医療・福祉"
    assert ACTIVITY_FIELD_SHORT[13] == "子どもの健全育成"
    assert ACTIVITY_FIELD_SHORT[20] == "条例で定める活動"
    assert len(set(ACTIVITY_FIELD_SHORT.values())) == 20


@pytest.mark.parametrize("code", range(1, 21))
def test_activity_field_code_round_trips(code: int) -> None:
    assert activity_field_code(ACTIVITY_FIELDS[code]) == code
    assert activity_field_code(ACTIVITY_FIELD_SHORT[code]) == code
    assert activity_field_code(str(code)) == code


@pytest.mark.parametrize(
    ("label", "code"),
    [
        ("７", 7),
        (" 13 ", 13),
        ("第13号", 13),
        ("保健・医療又は福祉の増進を図る活動", 1),
        ("保健、医療、福祉", 1),
        ("保健医療福祉", 1),
        ("まちづくり", 3),
        ("ｽﾎﾟｰﾂ", None),
        ("文化、芸術又はスポーツの振興を図る活動", 6),
        ("環境保全", 7),
        ("中間支援", 19),
    ],
)
def test_activity_field_code_variants(label: str, code: int | None) -> None:
    assert activity_field_code(label) == code


@pytest.mark.parametrize("label", ["", " ", "0", "21", "99", "宇宙開発", "第21号"])
def test_activity_field_code_unknown(label: str) -> None:
    assert activity_field_code(label) is None


def test_legal_forms_order() -> None:
    assert LEGAL_FORMS == (
        "特定非営利活動法人",
        "認定特定非営利活動法人",
        "特例認定特定非営利活動法人",
        "一般社団法人",
        "一般財団法人",
        "公益社団法人",
        "公益財団法人",
        "社会福祉法人",
        "認可地縁団体",
        "協同組合",
        "株式会社等",
        "任意団体",
    )


@pytest.mark.parametrize("form", LEGAL_FORMS)
def test_legal_forms_map_to_themselves(form: str) -> None:
    assert normalize_legal_form(form) == form


@pytest.mark.parametrize(
    ("alias", "form"),
    [
        ("NPO法人", "特定非営利活動法人"),
        ("ＮＰＯ法人", "特定非営利活動法人"),
        ("npo法人", "特定非営利活動法人"),
        ("NPO 法人", "特定非営利活動法人"),
        ("特非", "特定非営利活動法人"),
        ("（特非）", "特定非営利活動法人"),
        ("認定NPO法人", "認定特定非営利活動法人"),
        ("認定ＮＰＯ法人", "認定特定非営利活動法人"),
        ("特例認定NPO法人", "特例認定特定非営利活動法人"),
        ("仮認定NPO法人", "特例認定特定非営利活動法人"),
        ("(一社)", "一般社団法人"),
        ("(公財)", "公益財団法人"),
        ("株式会社", "株式会社等"),
        ("有限会社", "株式会社等"),
        ("合同会社", "株式会社等"),
        ("㈱", "株式会社等"),
        ("生活協同組合", "協同組合"),
        ("ボランティア団体", "任意団体"),
        ("市民活動団体", "任意団体"),
        ("自治会", "任意団体"),
        ("町内会", "任意団体"),
        ("法人格なし", "任意団体"),
        (" 任意団体 ", "任意団体"),
    ],
)
def test_legal_form_aliases(alias: str, form: str) -> None:
    assert normalize_legal_form(alias) == form


@pytest.mark.parametrize("value", [None, "", "\u3000"])
def test_legal_form_blank(value: str | None) -> None:
    assert normalize_legal_form(value) == ""


def test_legal_form_unknown() -> None:
    with pytest.raises(ValidationError) as info:
        normalize_legal_form("宗教法人")
    assert info.value.field == "legal_form"
    assert info.value.message == "法人格が一覧にありません: 宗教法人"


def test_enums() -> None:
    assert [s.value for s in OrgStatus] == ["活動中", "休止", "解散"]
    assert str(OrgStatus.ACTIVE) == "活動中"
    assert OrgStatus("解散") is OrgStatus.DISSOLVED
    assert [k.value for k in InteractionKind] == ["面談", "電話", "メール", "会議", "イベント", "情報交換"]
    assert str(InteractionKind.INFO_EXCHANGE) == "情報交換"
