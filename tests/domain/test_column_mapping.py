"""Tests for the column mapping of Excel/CSV lists (domain.column_mapping): pure, no files."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

import pytest

from kyodo_desktop.domain.column_mapping import (
    IGNORE,
    RECORD_ID,
    SYNONYMS,
    TARGETS,
    column_label,
    column_letter,
    header_key,
    mapping_by_header,
    mapping_from_template,
    mapping_problems,
    propose_mapping,
    provided_fields,
    row_to_input,
    split_activity_fields,
)
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.validation import corporate_number_check_digit

CORPORATE_NUMBER = f"{corporate_number_check_digit('000000000001')}000000000001"


class TestTargets:
    def test_every_organization_field_is_a_target_plus_id_and_ignore(self) -> None:
        fields = [f.name for f in dataclasses.fields(OrganizationInput)]
        assert set(TARGETS) == {*fields, RECORD_ID, IGNORE}
        assert all(label.strip() for label in TARGETS.values())

    def test_synonyms_name_known_targets_only(self) -> None:
        assert set(SYNONYMS) <= set(TARGETS)
        assert IGNORE not in SYNONYMS

    def test_no_header_key_is_claimed_by_two_targets(self) -> None:
        owner: dict[str, str] = {}
        for target, words in SYNONYMS.items():
            for word in (target, TARGETS[target], *words):
                key = header_key(word)
                assert key, word
                assert owner.setdefault(key, target) == target, (word, owner[key], target)

    def test_each_target_label_maps_to_itself(self) -> None:
        labels = [label for target, label in TARGETS.items() if target != IGNORE]
        mapping = propose_mapping(labels)
        assert [mapping[i] for i in range(len(labels))] == [t for t in TARGETS if t != IGNORE]


class TestHeaderKey:
    @pytest.mark.parametrize(
        ("a", "b"),
        [
            ("ＴＥＬ", "tel"),
            ("Tel.", "TEL"),
            ("ﾌﾘｶﾞﾅ", "ふりがな"),
            ("Ｅ－ｍａｉｌ", "email"),
            ("会員数（人）", "会員数(人)"),
            ("【団体名】", "団体名"),
            ("団体 名", "団体名"),
            ("団体\u3000名", "団体名"),
        ],
    )
    def test_equal_keys(self, a: str, b: str) -> None:
        assert header_key(a) == header_key(b)

    def test_different_meanings_keep_different_keys(self) -> None:
        assert header_key("設立日（和暦）") != header_key("設立日")
        assert header_key("代表者フリガナ") != header_key("フリガナ")


class TestProposeMapping:
    @pytest.mark.parametrize(
        ("header", "target"),
        [
            ("団体名", "name"),
            ("名称", "name"),
            ("法人名", "name"),
            ("団体名称", "name"),
            ("法人名称", "name"),
            ("ＮＡＭＥ", "name"),
            ("フリガナ", "kana"),
            ("ふりがな", "kana"),
            ("ﾌﾘｶﾞﾅ", "kana"),
            ("カナ", "kana"),
            ("ｶﾅ", "kana"),
            ("よみがな", "kana"),
            ("ヨミガナ", "kana"),
            ("電話", "phone"),
            ("TEL", "phone"),
            ("ＴＥＬ", "phone"),
            ("Tel", "phone"),
            ("tel.", "phone"),
            ("電話番号", "phone"),
            ("電 話 番 号", "phone"),
            ("FAX", "fax"),
            ("ＦＡＸ", "fax"),
            ("ファックス", "fax"),
            ("ﾌｧｯｸｽ", "fax"),
            ("メール", "email"),
            ("E-mail", "email"),
            ("Ｅ－ｍａｉｌ", "email"),
            ("e-mail", "email"),
            ("Eメール", "email"),
            ("Ｅメール", "email"),
            ("メールアドレス", "email"),
            ("住所", "address"),
            ("所在地", "address"),
            ("郵便番号", "postal_code"),
            ("〒", "postal_code"),
            ("代表者", "representative"),
            ("代表者名", "representative"),
            ("代表者氏名", "representative"),
            ("代表者フリガナ", "representative_kana"),
            ("法人格", "legal_form"),
            ("法人番号", "corporate_number"),
            ("市町村", "municipality_name"),
            ("市区町村", "municipality_name"),
            ("市町村コード", "municipality_code"),
            ("活動分野", "fields"),
            ("分野", "fields"),
            ("設立日", "established_on"),
            ("設立年月日", "established_on"),
            ("認証日", "certified_on"),
            ("会員数", "member_count"),
            ("会員", "member_count"),
            ("人数", "member_count"),
            ("会員数（人）", "member_count"),
            ("状態", "status"),
            ("タグ", "tags"),
            ("備考", "notes"),
            ("活動目的", "purpose"),
            ("目的", "purpose"),
            ("活動内容", "purpose"),
            ("ホームページ", "website"),
            ("ウェブサイト", "website"),
            ("URL", "website"),
            ("ＵＲＬ", "website"),
            ("ID", "record_id"),
            ("id", "record_id"),
            ("ＩＤ", "record_id"),
        ],
    )
    def test_synonym(self, header: str, target: str) -> None:
        assert propose_mapping([header]) == {0: target}

    @pytest.mark.parametrize(
        "header", ["設立日（和暦）", "登録日", "最終接触日", "No.", "", "連番", "担当課"]
    )
    def test_unknown_headers_are_ignored(self, header: str) -> None:
        assert propose_mapping([header]) == {0: IGNORE}

    def test_every_column_gets_a_target_and_each_target_is_used_once(self) -> None:
        headers = ["No.", "団体名", "名称", "TEL", "電話番号", "メモ", "備考", "", "ID"]
        assert propose_mapping(headers) == {
            0: IGNORE,
            1: "name",
            2: IGNORE,  # 団体名 already took "name"
            3: "phone",
            4: IGNORE,
            5: "notes",
            6: IGNORE,
            7: IGNORE,
            8: RECORD_ID,
        }


def test_column_letters() -> None:
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 51, 52, 701, 702, 16383)] == [
        "A",
        "B",
        "Z",
        "AA",
        "AB",
        "AZ",
        "BA",
        "ZZ",
        "AAA",
        "XFD",
    ]
    assert column_label(1, ["団体名", " 電話 "]) == "電話"
    assert column_label(2, ["団体名", "電話", ""]) == "C列"
    assert column_label(5, ["団体名"]) == "F列"


class TestActivityFields:
    @pytest.mark.parametrize(
        ("text", "codes"),
        [
            ("保健・医療・福祉、子どもの健全育成", [1, 13]),
            ("保健、医療又は福祉の増進を図る活動", [1]),
            ("学術・文化・芸術・スポーツ／環境の保全", [6, 7]),
            ("農山漁村・中山間地域,連絡・助言・援助", [5, 19]),
            ("1、3", [1, 3]),
            ("1,13", [1, 13]),
            ("第7号 第13号", [7, 13]),
            ("１３", [13]),
            ("まちづくり\n観光", [3, 4]),
            ("環境保全；まちづくり；環境保全", [7, 3]),
            ("", []),
            ("、、", []),
        ],
    )
    def test_known_labels(self, text: str, codes: list[int]) -> None:
        assert split_activity_fields(text) == (codes, [])

    def test_unknown_labels_are_reported_one_by_one(self) -> None:
        assert split_activity_fields("宇宙開発、まちづくり、その他") == ([3], ["宇宙開発", "その他"])
        assert split_activity_fields("21") == ([], ["21"])

    def test_unknown_pieces_joined_by_nakaguro_are_one_label(self) -> None:
        assert split_activity_fields("保健・宇宙・海洋、観光") == ([4], ["保健・宇宙・海洋"])


HEADERS = [
    "団体名",
    "ﾌﾘｶﾞﾅ",
    "TEL",
    "E-mail",
    "〒",
    "活動分野",
    "設立年月日",
    "会員数（人）",
    "",
    "ID",
    "メモ",
]
MAPPING = propose_mapping(HEADERS)


def _row(values: dict[str, str]) -> list[str]:
    """Cells of one row of HEADERS, given by header text."""
    cells = [""] * len(HEADERS)
    for header, value in values.items():
        cells[HEADERS.index(header)] = value
    return cells


class TestRowToInput:
    def test_the_proposed_mapping(self) -> None:
        assert MAPPING == {
            0: "name",
            1: "kana",
            2: "phone",
            3: "email",
            4: "postal_code",
            5: "fields",
            6: "established_on",
            7: "member_count",
            8: IGNORE,
            9: RECORD_ID,
            10: "notes",
        }

    def test_a_good_row_is_converted_and_validated(self) -> None:
        org_id = str(uuid.uuid4())
        cells = _row(
            {
                "団体名": "ＮＰＯ法人　みどりの会",
                "ﾌﾘｶﾞﾅ": "みどりのかい",
                "TEL": "０４３（２２３）１１１１",
                "E-mail": "Info@Midori.Example.JP",
                "〒": "〒260-8667",
                "活動分野": "保健・医療・福祉、子どもの健全育成",
                "設立年月日": "令和6年4月1日",
                "会員数（人）": "1,234人",
                "ID": org_id.upper(),
                "メモ": "一行目\n二行目",
            }
        )
        row = row_to_input(MAPPING, cells, 7, "名簿", headers=HEADERS)
        assert row is not None
        assert row.ok, row.problems
        assert (row.row_number, row.sheet, row.record_id) == (7, "名簿", org_id)
        assert row.data == OrganizationInput(
            name="NPO法人 みどりの会",
            kana="ミドリノカイ",
            legal_form="特定非営利活動法人",  # issue 10: taken from the name when no column gives it
            phone="043-223-1111",
            email="Info@midori.example.jp",
            postal_code="260-8667",
            fields=[1, 13],
            established_on=date(2024, 4, 1),
            member_count=1234,
            notes="一行目\n二行目",
        )

    @pytest.mark.parametrize(
        ("text", "expected"),
        [("2024-04-01", date(2024, 4, 1)), ("2024/4/1", date(2024, 4, 1)), ("R6.4.1", date(2024, 4, 1))],
    )
    def test_dates(self, text: str, expected: date) -> None:
        row = row_to_input(MAPPING, _row({"団体名": "会", "設立年月日": text}), 2, headers=HEADERS)
        assert row is not None and row.data is not None
        assert row.data.established_on == expected

    @pytest.mark.parametrize(
        ("text", "expected"), [("12", 12), ("12.0", 12), ("0", 0), ("１２ 人", 12), ("", None)]
    )
    def test_member_counts(self, text: str, expected: int | None) -> None:
        row = row_to_input(MAPPING, _row({"団体名": "会", "会員数（人）": text}), 2, headers=HEADERS)
        assert row is not None and row.ok
        assert row.data is not None and row.data.member_count == expected

    def test_blank_rows_and_rows_with_only_ignored_cells_are_skipped(self) -> None:
        assert row_to_input(MAPPING, [], 2, headers=HEADERS) is None
        assert row_to_input(MAPPING, ["", " ", "\u3000"], 2, headers=HEADERS) is None
        ignored_only = [""] * len(HEADERS)
        ignored_only[8] = "合計"
        assert row_to_input(MAPPING, ignored_only, 2, headers=HEADERS) is None

    def test_problems_name_the_source_header_and_come_left_to_right(self) -> None:
        cells = _row(
            {
                "TEL": "12345",
                "E-mail": "foo@@bar",
                "〒": "12-345",
                "活動分野": "宇宙開発、まちづくり",
                "設立年月日": "昨日",
                "会員数（人）": "たくさん",
                "ID": "not-an-id",
            }
        )
        row = row_to_input(MAPPING, cells, 12, "名簿", headers=HEADERS)
        assert row is not None and not row.ok
        assert row.data is None  # validation failed
        assert [(p.row_number, p.sheet, p.column) for p in row.problems] == [
            (12, "名簿", "団体名"),
            (12, "名簿", "TEL"),
            (12, "名簿", "E-mail"),
            (12, "名簿", "〒"),
            (12, "名簿", "活動分野"),
            (12, "名簿", "設立年月日"),
            (12, "名簿", "会員数（人）"),
            (12, "名簿", "ID"),
        ]
        messages = [p.message for p in row.problems]
        assert messages[0] == "団体名は必須です"
        assert "電話番号" in messages[1]
        assert "メールアドレス" in messages[2]
        assert "郵便番号" in messages[3]
        assert messages[4] == "活動分野が一覧にありません: 宇宙開発"
        assert "日付" in messages[5] and "昨日" in messages[5]
        assert "会員数" in messages[6]
        assert "ID" in messages[7]
        assert row.problems[1].describe() == f"シート 名簿 の 12 行目「TEL」: {messages[1]}"

    def test_a_conversion_problem_keeps_the_validated_data_but_the_row_is_not_ok(self) -> None:
        row = row_to_input(MAPPING, _row({"団体名": "会", "活動分野": "宇宙開発"}), 3, headers=HEADERS)
        assert row is not None and row.data is not None and not row.ok
        assert [p.column for p in row.problems] == ["活動分野"]

    def test_blank_header_is_named_by_its_column_letter(self) -> None:
        headers = ["団体名", ""]
        mapping = {0: "name", 1: "phone"}
        row = row_to_input(mapping, ["会", "999"], 4, headers=headers)
        assert row is not None
        assert [p.column for p in row.problems] == ["B列"]

    def test_without_headers_columns_are_named_by_letter_and_missing_ones_by_label(self) -> None:
        row = row_to_input({0: "name", 1: "phone"}, ["会", "999"], 4)
        assert row is not None
        assert [p.column for p in row.problems] == ["B列"]
        row = row_to_input({0: "phone"}, ["043-223-1111"], 4)
        assert row is not None
        assert [(p.column, p.message) for p in row.problems] == [("団体名", "団体名は必須です")]

    def test_legal_form_status_tags_and_corporate_number(self) -> None:
        headers = ["名称", "法人格", "状態", "タグ", "法人番号", "市区町村"]
        row = row_to_input(
            propose_mapping(headers),
            ["会", "(特非)", "休止", "子育て、食育", CORPORATE_NUMBER, "千葉市"],
            2,
            headers=headers,
        )
        assert row is not None and row.ok and row.data is not None
        assert row.data.legal_form == "特定非営利活動法人"
        assert row.data.status == "休止"
        assert row.data.tags == "子育て, 食育"
        assert row.data.corporate_number == CORPORATE_NUMBER
        assert (row.data.municipality_code, row.data.municipality_name) == ("12100", "千葉市")

    def test_provided_fields_are_the_mapped_organization_fields(self) -> None:
        row = row_to_input(MAPPING, _row({"団体名": "会"}), 2, headers=HEADERS)
        assert row is not None
        assert row.provided_fields == {
            "name",
            "kana",
            "phone",
            "email",
            "postal_code",
            "fields",
            "established_on",
            "member_count",
            "notes",
        }

    def test_municipality_comes_with_its_name_code_or_address(self) -> None:
        assert provided_fields(["name", "address"]) == {
            "name",
            "address",
            "municipality_code",
            "municipality_name",
        }
        assert provided_fields(["municipality_name", RECORD_ID, IGNORE]) == {
            "municipality_code",
            "municipality_name",
        }
        assert provided_fields(["name", "phone"]) == {"name", "phone"}

    def test_cells_shorter_than_the_mapping(self) -> None:
        row = row_to_input(MAPPING, ["会"], 2, headers=HEADERS)
        assert row is not None and row.ok


class TestTemplatesAndChecks:
    def test_mapping_by_header_and_back(self) -> None:
        headers = ["団体名", "連絡先", "", "メモ"]
        mapping = {0: "name", 1: "phone", 2: IGNORE, 3: IGNORE}
        template = mapping_by_header(headers, mapping)
        assert template == {"団体名": "name", "連絡先": "phone", "メモ": IGNORE}
        assert mapping_from_template(headers, template) == mapping

    def test_template_matches_headers_by_key_and_fills_the_rest_from_synonyms(self) -> None:
        template = {"団体名": "name", "連絡先": "phone", "メモ": IGNORE}
        headers = ["ＴＥＬ", "団体 名", "連絡先", "メモ", "E-mail", "ＦＡＸ"]
        assert mapping_from_template(headers, template) == {
            0: IGNORE,  # phone is taken by the template's 連絡先
            1: "name",
            2: "phone",
            3: IGNORE,  # the template says so, though メモ is a synonym of notes
            4: "email",
            5: "fax",
        }

    def test_template_with_an_unknown_target_or_a_target_twice(self) -> None:
        template = {"A": "name", "B": "name", "C": "no-such-field"}
        assert mapping_from_template(["A", "B", "C"], template) == {0: "name", 1: IGNORE, 2: IGNORE}

    def test_mapping_problems(self) -> None:
        headers = ["団体名", "TEL", "電話", ""]
        assert mapping_problems({0: "name", 1: "phone", 2: IGNORE, 3: IGNORE}, headers) == []
        problems = mapping_problems({0: "name", 1: "phone", 2: "phone", 3: "nope"}, headers)
        assert problems == [
            "D列: 取り込み先「nope」はありません",
            "「電話番号」に複数の列が割り当てられています: 「TEL」、「電話」",
        ]
        assert mapping_problems({0: IGNORE, 1: "phone"}, headers) == ["「団体名」に割り当てた列がありません"]
