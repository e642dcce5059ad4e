"""Tests for kyodo_desktop.domain.organization: record validation and the search blob."""

from __future__ import annotations

import dataclasses
from datetime import date

import jaconv
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyodo_desktop.domain.organization import (
    ContactInput,
    InteractionInput,
    OrganizationInput,
    search_blob,
    validate_contact,
    validate_interaction,
    validate_organization,
)
from kyodo_desktop.domain.text import UNSAFE_CHARACTERS, nfkc, search_fold, search_terms
from kyodo_desktop.domain.validation import ValidationErrors


def _errors(call: object) -> dict[str, str]:
    """by_field() of the ValidationErrors raised by a zero-argument callable."""
    assert callable(call)
    with pytest.raises(ValidationErrors) as info:
        call()
    return info.value.by_field()


class TestOrganizationInput:
    """Defaults of the input dataclass."""

    def test_defaults(self) -> None:
        org = OrganizationInput()
        assert org.name == ""
        assert org.status == "活動中"
        assert org.fields == []
        assert org.established_on is None
        assert org.member_count is None
        assert OrganizationInput().fields is not org.fields

    def test_field_names(self) -> None:
        assert [f.name for f in dataclasses.fields(OrganizationInput)] == [
            "name",
            "kana",
            "legal_form",
            "corporate_number",
            "municipality_code",
            "municipality_name",
            "postal_code",
            "address",
            "phone",
            "fax",
            "email",
            "website",
            "representative",
            "representative_kana",
            "purpose",
            "status",
            "tags",
            "notes",
            "established_on",
            "certified_on",
            "member_count",
            "fields",
            "business_year_end",
            "nintei_expires_on",
        ]


class TestValidateOrganization:
    """validate_organization(): normalisation and error collection."""

    def test_full_record_is_normalised(self) -> None:
        raw = OrganizationInput(
            name="\u3000ＮＰＯ法人　みどりの会 ",
            kana="ｴﾇﾋﾟｰｵｰほうじん みどりのかい",
            legal_form="ＮＰＯ法人",
            corporate_number="７０００－０１２０－５０００２",
            postal_code="〒２６０ー８６６７",
            address="千葉県千葉市中央区市場町１－１",
            phone="０４３（２２３）１１１１",
            fax="043ー223ー1112",
            email="Info@Midori.Example.JP",
            website="www.midori.example.jp",
            representative=" 千葉　太郎 ",
            representative_kana="ちば たろう",
            purpose="地域の緑を守る。\r\n\r\n  子どもの　自然体験  ",
            status="活動中",
            tags="子育て、環境，子育て, ,防災",
            notes="備考１\n備考２",
            established_on=date(2001, 4, 1),
            certified_on=date(2001, 9, 1),
            member_count=25,
            fields=[13, 7, 7, 3],
        )
        org = validate_organization(raw)
        assert org is not raw
        assert org.name == "NPO法人 みどりの会"
        assert org.kana == "エヌピーオーホウジン ミドリノカイ"
        assert org.legal_form == "特定非営利活動法人"
        assert org.corporate_number == "7000012050002"
        assert org.postal_code == "260-8667"
        assert org.address == "千葉県千葉市中央区市場町1-1"
        assert org.municipality_code == "12100"
        assert org.municipality_name == "千葉市"
        assert org.phone == "043-223-1111"
        assert org.fax == "043-223-1112"
        assert org.email == "Info@midori.example.jp"
        assert org.website == "https://www.midori.example.jp"
        assert org.representative == "千葉 太郎"
        assert org.representative_kana == "チバ タロウ"
        assert org.purpose == "地域の緑を守る。\n\n子どもの 自然体験"
        assert org.status == "活動中"
        assert org.tags == "子育て, 環境, 防災"
        assert org.notes == "備考1\n備考2"
        assert org.fields == [3, 7, 13]
        assert org.member_count == 25
        assert org.established_on == date(2001, 4, 1)
        # The input is left untouched.
        assert raw.name == "\u3000ＮＰＯ法人　みどりの会 "
        assert raw.fields == [13, 7, 7, 3]

    def test_minimal_record(self) -> None:
        org = validate_organization(OrganizationInput(name="みどりの会"))
        assert org == OrganizationInput(name="みどりの会")

    def test_validated_record_is_a_fixed_point(self) -> None:
        org = validate_organization(
            OrganizationInput(
                name="ﾐﾄﾞﾘの会",
                kana="みどりのかい",
                phone="0120123456",
                address="袖ヶ浦市坂戸市場1-1",
                tags="a、b",
                purpose="x\ny",
            )
        )
        assert validate_organization(org) == org

    def test_half_width_kana_in_reading(self) -> None:
        assert validate_organization(OrganizationInput(name="a", kana="ﾐﾄﾞﾘﾉｶｲ")).kana == "ミドリノカイ"

    def test_every_error_collected(self) -> None:
        raw = OrganizationInput(
            name=" ",
            legal_form="宗教法人",
            corporate_number="1234567890123",
            municipality_code="13101",
            postal_code="12345",
            phone="03-1234",
            fax="0000000000",
            email="info@",
            website="example.jp",
            status="不明",
            member_count=-1,
            fields=[0, 3, 21],
        )
        with pytest.raises(ValidationErrors) as info:
            validate_organization(raw)
        by_field = info.value.by_field()
        assert by_field == {
            "name": "団体名は必須です",
            "legal_form": "法人格が一覧にありません: 宗教法人",
            "corporate_number": "法人番号のチェックデジットが一致しません",
            "municipality_code": "千葉県の市町村コードではありません: 13101",
            "postal_code": "郵便番号は7桁の数字で入力してください（例: 260-8667）",
            "phone": "電話番号は0から始まる10桁または11桁の数字で入力してください（例: 043-223-1111）",
            "fax": "電話番号の形式が正しくありません（例: 043-223-1111）",
            "email": "メールアドレスの形式が正しくありません",
            "website": "URLの形式が正しくありません（例: https://example.jp）",
            "status": "状態は「活動中」「休止」「解散」のいずれかです",
            "member_count": "会員数は0以上の数で入力してください",
            "fields": "; ".join(f"活動分野は1〜20の番号で指定してください: {n}" for n in (0, 21)),
        }
        # Errors come in form order, so the first one is the first bad field on screen.
        fields = [f.name for f in dataclasses.fields(OrganizationInput)]
        reported = [e.field for e in info.value.errors]
        assert reported == sorted(reported, key=fields.index)
        assert str(info.value).startswith("団体名は必須です; ")

    def test_error_field_names_are_attribute_names(self) -> None:
        attributes = {f.name for f in dataclasses.fields(OrganizationInput)}
        by_field = _errors(
            lambda: validate_organization(
                OrganizationInput(postal_code="1", corporate_number="1", email="x", fields=[99])
            )
        )
        assert set(by_field) <= attributes

    def test_corporate_number_length(self) -> None:
        by_field = _errors(lambda: validate_organization(OrganizationInput(name="a", corporate_number="123")))
        assert by_field == {"corporate_number": "法人番号は13桁の数字です"}

    def test_bool_is_not_an_activity_field(self) -> None:
        by_field = _errors(lambda: validate_organization(OrganizationInput(name="a", fields=[True])))
        assert "fields" in by_field

    @pytest.mark.parametrize("status", ["活動中", "休止", "解散"])
    def test_statuses(self, status: str) -> None:
        assert validate_organization(OrganizationInput(name="a", status=status)).status == status

    def test_blank_status_defaults_to_active(self) -> None:
        assert validate_organization(OrganizationInput(name="a", status="")).status == "活動中"

    def test_member_count_zero_ok(self) -> None:
        assert validate_organization(OrganizationInput(name="a", member_count=0)).member_count == 0


class TestMunicipalityResolution:
    """How validate_organization settles municipality_code / municipality_name."""

    def test_code_wins_and_fills_name(self) -> None:
        org = validate_organization(
            OrganizationInput(name="a", municipality_code="12204", municipality_name="x")
        )
        assert (org.municipality_code, org.municipality_name) == ("12204", "船橋市")

    def test_full_width_code(self) -> None:
        org = validate_organization(OrganizationInput(name="a", municipality_code="１２２０４"))
        assert org.municipality_code == "12204"

    def test_chiba_name_resolved(self) -> None:
        org = validate_organization(OrganizationInput(name="a", municipality_name="鎌ヶ谷市"))
        assert (org.municipality_code, org.municipality_name) == ("12224", "鎌ケ谷市")

    def test_other_prefecture_name_kept_as_free_text(self) -> None:
        org = validate_organization(
            OrganizationInput(name="a", municipality_name="東京都　千代田区", address="千葉市中央区")
        )
        assert (org.municipality_code, org.municipality_name) == ("", "東京都 千代田区")

    def test_address_used_when_neither_given(self) -> None:
        org = validate_organization(OrganizationInput(name="a", address="千葉県印旛郡栄町安食1"))
        assert (org.municipality_code, org.municipality_name) == ("12329", "栄町")

    def test_unknown_address_leaves_both_blank(self) -> None:
        org = validate_organization(OrganizationInput(name="a", address="東京都千代田区"))
        assert (org.municipality_code, org.municipality_name) == ("", "")

    def test_unknown_code_is_an_error(self) -> None:
        by_field = _errors(
            lambda: validate_organization(OrganizationInput(name="a", municipality_code="abc"))
        )
        assert by_field == {"municipality_code": "千葉県の市町村コードではありません: abc"}


class TestValidateContact:
    """validate_contact()."""

    def test_normalised(self) -> None:
        contact = validate_contact(
            ContactInput(
                name=" 佐藤　花子 ",
                kana="さとう はなこ",
                role=" 事務局長 ",
                phone="０９０－１２３４－５６７８",
                email="Hanako@Example.JP",
                is_primary=True,
            )
        )
        assert contact == ContactInput(
            name="佐藤 花子",
            kana="サトウ ハナコ",
            role="事務局長",
            phone="090-1234-5678",
            email="Hanako@example.jp",
            is_primary=True,
        )

    def test_defaults(self) -> None:
        assert ContactInput().is_primary is False
        assert validate_contact(ContactInput(name="a")) == ContactInput(name="a")

    def test_errors(self) -> None:
        by_field = _errors(lambda: validate_contact(ContactInput(phone="123", email="no")))
        assert by_field == {
            "name": "氏名は必須です",
            "phone": "電話番号は0から始まる10桁または11桁の数字で入力してください（例: 043-223-1111）",
            "email": "メールアドレスの形式が正しくありません",
        }


class TestValidateInteraction:
    """validate_interaction()."""

    def test_normalised(self) -> None:
        interaction = validate_interaction(
            InteractionInput(
                occurred_on=date(2025, 4, 1),
                kind=" 面談 ",
                summary="事業の打合せ\r\n次回は５月",
                officer="県民生活課　山田",
                next_action_on=date(2025, 5, 1),
            )
        )
        assert interaction == InteractionInput(
            occurred_on=date(2025, 4, 1),
            kind="面談",
            summary="事業の打合せ\n次回は5月",
            officer="県民生活課 山田",
            next_action_on=date(2025, 5, 1),
        )

    @pytest.mark.parametrize("kind", ["面談", "電話", "メール", "会議", "イベント", "情報交換"])
    def test_kinds(self, kind: str) -> None:
        assert validate_interaction(InteractionInput(date(2025, 4, 1), kind, "x")).kind == kind

    def test_same_day_follow_up_ok(self) -> None:
        d = date(2025, 4, 1)
        assert validate_interaction(InteractionInput(d, "電話", "x", next_action_on=d)).next_action_on == d

    def test_errors(self) -> None:
        by_field = _errors(
            lambda: validate_interaction(
                InteractionInput(date(2025, 4, 1), "雑談", " ", next_action_on=date(2025, 3, 31))
            )
        )
        assert by_field == {
            "kind": "種別は「面談」「電話」「メール」「会議」「イベント」「情報交換」のいずれかです",
            "summary": "内容は必須です",
            "next_action_on": "次回対応日は対応日以降の日付にしてください",
        }

    def test_missing_date(self) -> None:
        raw = InteractionInput(date(2025, 4, 1), "面談", "x", next_action_on=date(2025, 5, 1))
        raw.occurred_on = None  # type: ignore[assignment]  # what an empty GUI/import cell can produce
        assert _errors(lambda: validate_interaction(raw)) == {"occurred_on": "日付は必須です"}


class TestSearchBlob:
    """search_blob(): what search terms are matched against."""

    def _org(self) -> OrganizationInput:
        return validate_organization(
            OrganizationInput(
                name="NPO法人 みどりの会",
                kana="ミドリノカイ",
                address="千葉県袖ケ浦市坂戸市場1-1",
                representative="千葉 太郎",
                representative_kana="チバ タロウ",
                corporate_number="7000012050002",
                tags="子育て, 環境",
                purpose="秘密の目的",
                notes="内部メモ",
            )
        )

    def test_layout(self) -> None:
        blob = search_blob(self._org())
        assert blob.split("\x1f") == [
            "npo法人みどりの会",
            "みどりのかい",
            "千葉県袖け浦市坂戸市場1-1",
            "千葉太郎",
            "ちばたろう",
            "7000012050002",
            "子育て,環境",
            "袖け浦市",
        ]

    @pytest.mark.parametrize(
        "query",
        ["ﾐﾄﾞﾘ", "みどり", "ミドリノカイ", "袖ヶ浦", "ちば　タロウ", "７０００", "子育て", "ＮＰＯ", "1ー1"],
    )
    def test_every_term_found(self, query: str) -> None:
        blob = search_blob(self._org())
        assert all(term in blob for term in search_terms(query))

    def test_purpose_and_notes_not_searched(self) -> None:
        blob = search_blob(self._org())
        assert search_fold("秘密") not in blob
        assert search_fold("内部メモ") not in blob

    def test_terms_do_not_span_fields(self) -> None:
        # Name ends in 会 and kana starts with み: joined without a separator they would match 会み.
        assert search_fold("会み") not in search_blob(self._org())

    def test_municipality_name_from_code(self) -> None:
        org = OrganizationInput(name="a", municipality_code="12204")
        assert search_blob(org).split("\x1f")[-1] == "船橋市"

    # search_blob folds the fields joined by NUL in one call (for import speed); it must give
    # what folding each field alone gives, for any text, including marks and dashes at the edges.
    _EDGY = st.text(
        alphabet=st.sampled_from(list("アｶﾞヶ会1２ー-‐ 　\u3099\u309a\u0308\u0327ß¸ABcｰ\x00\x1f\t"))
        | st.characters(),
        max_size=6,
    )

    @settings(max_examples=300)
    @given(st.lists(_EDGY, min_size=7, max_size=7))
    def test_same_as_folding_each_field(self, texts: list[str]) -> None:
        org = OrganizationInput(
            name=texts[0],
            kana=texts[1],
            address=texts[2],
            representative=texts[3],
            representative_kana=texts[4],
            corporate_number=texts[5],
            tags=texts[6],
            municipality_name="袖ヶ浦市",
        )
        parts = [*texts, "袖ヶ浦市"]
        assert search_blob(org) == "\x1f".join(search_fold(part) for part in parts)


@settings(max_examples=300)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab ｱｲ\u3000\n\r\t\u3099\u0301会１ｰ\x1f\u2028"))
        # control characters and bidi overrides are refused (test_validation's TestUnsafeCharacters)
        | st.characters().filter(lambda c: UNSAFE_CHARACTERS.match(c) is None)
    )
)
def test_multiline_text_is_nfkc_of_each_line(text: str) -> None:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    expected = "\n".join(nfkc(line) for line in lines).strip("\n")
    assert validate_organization(OrganizationInput(name="会", purpose=text)).purpose == expected


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("03/31", "03-31"),
        ("3月31日", "03-31"),
        ("１２／３１", "12-31"),
        ("6-30", "06-30"),
        ("", ""),
        ("  ", ""),
    ],
)
def test_business_year_end_is_stored_as_month_day(typed: str, stored: str) -> None:
    assert (
        validate_organization(OrganizationInput(name="会", business_year_end=typed)).business_year_end
        == stored
    )


@pytest.mark.parametrize("typed", ["13/01", "02/30", "年度末", "2025/03/31"])
def test_a_bad_business_year_end_is_refused(typed: str) -> None:
    with pytest.raises(ValidationErrors) as info:
        validate_organization(OrganizationInput(name="会", business_year_end=typed))
    assert info.value.by_field() == {
        "business_year_end": "事業年度終了日は月/日で入力してください（例: 03/31）"
    }


def test_every_field_is_carried_over() -> None:
    # validate_organization names each field when it builds its result; a field added to
    # OrganizationInput but not there would silently come back blank.
    full = OrganizationInput(
        name="全項目の会",
        kana="ゼンコウモク",
        legal_form="特定非営利活動法人",
        corporate_number="7000012050002",
        municipality_code="12204",
        municipality_name="船橋市",
        postal_code="273-0005",
        address="千葉県船橋市本町1-1",
        phone="047-431-1111",
        fax="047-431-1112",
        email="a@example.jp",
        website="https://example.jp/",
        representative="代表 一郎",
        representative_kana="ダイヒョウ イチロウ",
        purpose="目的",
        status="休止",
        tags="防災",
        notes="メモ",
        established_on=date(2001, 4, 1),
        certified_on=date(2001, 5, 1),
        member_count=12,
        fields=[1, 13],
        business_year_end="03-31",
        nintei_expires_on=date(2027, 3, 31),
    )
    defaults = OrganizationInput()
    blank = [f.name for f in dataclasses.fields(full) if getattr(full, f.name) == getattr(defaults, f.name)]
    assert blank == []  # the input itself sets every field
    result = validate_organization(full)
    assert dataclasses.asdict(result) == dataclasses.asdict(full)


@settings(max_examples=300)
@given(
    st.text(
        alphabet=st.sampled_from([chr(c) for c in range(0x3000, 0x3100)] + list("ｶﾞ ｱ漢a\u3000"))
        # control characters and bidi overrides are refused (test_validation's TestUnsafeCharacters)
        | st.characters().filter(lambda c: UNSAFE_CHARACTERS.match(c) is None)
    )
)
def test_readings_are_jaconv_katakana_of_the_nfkc_text(text: str) -> None:
    # clean_katakana uses one translate table probed from jaconv.hira2kata, only when hiragana occur
    expected = jaconv.hira2kata(nfkc(text))
    assert validate_organization(OrganizationInput(name="会", kana=text)).kana == expected


def test_every_kana_block_character_reads_as_jaconv_says() -> None:
    for code in range(0x3000, 0x3100):
        char = chr(code)
        kana = validate_organization(
            OrganizationInput(name="会", representative_kana=f"ア{char}")
        ).representative_kana
        assert kana == jaconv.hira2kata(nfkc(f"ア{char}")), hex(code)


class TestUnsafeCharacters:
    """Control characters and bidi overrides are refused at entry, with the field and the code point."""

    @pytest.mark.parametrize(
        ("field", "value", "code"),
        [
            ("name", "色\x1b[31m付きの会", "U+001B"),
            ("name", "消\x7fえる会", "U+007F"),
            ("name", "逆\u202e向きの会", "U+202E"),
            ("address", "千葉市\u2066中央区\u2069", "U+2066"),
            ("representative", "千葉\u200f花子", "U+200F"),
            ("notes", "一行目\n二行目\x00", "U+0000"),
            ("purpose", "目的\x9b", "U+009B"),
            ("tags", "子育て, \u061c防災", "U+061C"),
            ("kana", "ミドリ\x07", "U+0007"),
            ("website", "https://example.jp/\x1b", "U+001B"),
        ],
    )
    def test_refused_with_a_message(self, field: str, value: str, code: str) -> None:
        values = {"name": "みどりの会", field: value}
        with pytest.raises(ValidationErrors) as found:
            validate_organization(OrganizationInput(**values))  # type: ignore[arg-type]
        messages = found.value.by_field()
        assert list(messages) == [field]
        assert code in messages[field] and "制御文字" in messages[field]

    def test_line_breaks_tabs_and_invisible_spaces_stay_allowed(self) -> None:
        org = validate_organization(
            OrganizationInput(
                name="み\u200bどり\tの会", notes="一行目\r\n二行目\n\t字下げ", purpose="目的\u2028続き"
            )
        )
        assert org.name == "み\u200bどり の会"
        assert org.notes == "一行目\n二行目\n字下げ"

    def test_contacts_and_interactions_likewise(self) -> None:
        with pytest.raises(ValidationErrors) as found:
            validate_contact(ContactInput(name="千葉\x1b[2J花子", role="会長\u202e"))
        assert sorted(found.value.by_field()) == ["name", "role"]
        with pytest.raises(ValidationErrors) as found:
            validate_interaction(
                InteractionInput(occurred_on=date(2024, 4, 1), kind="電話", summary="相談\x1b]0;x\x07")
            )
        assert list(found.value.by_field()) == ["summary"]
        ok = validate_interaction(
            InteractionInput(occurred_on=date(2024, 4, 1), kind="電話", summary="一\n二")
        )
        assert ok.summary == "一\n二"
