"""The cells of past-project lists: several 法人番号, 共同提案体 names, dashes, amounts, dates."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kyodo_desktop.domain.project_cells import (
    PartnerCell,
    cell_text,
    is_empty_marker,
    parse_amount,
    parse_applicants,
    parse_cell_date,
    parse_corporate_numbers,
    partners_from_cells,
    split_partners,
)
from kyodo_desktop.domain.validation import ValidationError

A, B, C = "4011405001520", "8040005004621", "7010405000001"


@pytest.mark.parametrize("cell", ["－", "-", "―", "ー", " － ", "‐", "—", "−", "", "  ", None])
def test_a_dash_alone_is_an_empty_value(cell: str | None) -> None:
    assert is_empty_marker(cell)
    assert cell_text(cell) == ""


@pytest.mark.parametrize("cell", ["－－", "ー月", "0", 0, "A-"])
def test_a_dash_with_something_else_is_a_value(cell: str | int) -> None:
    assert not is_empty_marker(cell)


def test_cell_text_keeps_lines_and_strips_them() -> None:
    assert cell_text(" みどりの森 \r\n\n 千葉市 ") == "みどりの森\n千葉市"
    assert cell_text(12.0) == "12"


@pytest.mark.parametrize(
    ("cell", "numbers"),
    [
        (f"①{A}\n②{B}", [A, B]),
        (f"{A}\n{B}\n{C}", [A, B, C]),
        (f"1. {A}\n2. {B}", [A, B]),
        (f"(1){A}\n(2){B}", [A, B]),
        (f"⑴{A}\n⑵{B}", [A, B]),
        (f"{A}、{B}", [A, B]),
        ("４０１１４０５００１５２０", [A]),
        ("4011-405-001520", [A]),
        (f"{A}\n{A}", [A]),
        (f"①{A}\n②－", [A]),
        (int(A), [A]),
        (float(A), [A]),
        ("－", []),
        (None, []),
    ],
)
def test_corporate_numbers_of_a_cell(cell: str | int | float | None, numbers: list[str]) -> None:
    assert parse_corporate_numbers(cell) == numbers


def test_a_wrong_corporate_number_names_its_place() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_corporate_numbers(f"①{A}\n②8040005004622")
    assert caught.value.field == "法人番号"
    assert caught.value.message == "法人番号のチェックデジットが一致しません（2件目「②8040005004622」）"
    with pytest.raises(ValidationError) as caught:
        parse_corporate_numbers("123")
    assert caught.value.message == "法人番号は13桁の数字です（「123」）"


@pytest.mark.parametrize(
    ("cell", "expected", "partners"),
    [
        (
            "①公益財団法人みらい育成協会\n東京都千代田区霞が関1-1-1\n②一般社団法人つばさ\n千葉県千葉市中央区都町1-2",
            None,
            [
                ("公益財団法人みらい育成協会", "東京都千代田区霞が関1-1-1"),
                ("一般社団法人つばさ", "千葉県千葉市中央区都町1-2"),
            ],
        ),
        (
            "公益財団法人みらい育成協会\n東京都千代田区霞が関1-1-1\n一般社団法人つばさ\n〒260-0001\n千葉県千葉市中央区都町1-2",
            None,
            [
                ("公益財団法人みらい育成協会", "東京都千代田区霞が関1-1-1"),
                ("一般社団法人つばさ", "〒260-0001 千葉県千葉市中央区都町1-2"),
            ],
        ),
        (
            "公益財団法人みらい育成協会\n東京都千代田区霞が関1-1-1\nNPO法人21世紀の森\n千葉県千葉市中央区都町1-2",
            2,
            [
                ("公益財団法人みらい育成協会", "東京都千代田区霞が関1-1-1"),
                ("NPO法人21世紀の森", "千葉県千葉市中央区都町1-2"),
            ],
        ),
        # one name per line, no addresses, two numbers: two names
        (
            "公益財団法人みらい育成協会\n一般社団法人つばさ",
            2,
            [("公益財団法人みらい育成協会", ""), ("一般社団法人つばさ", "")],
        ),
        # a name wrapped in its cell, one number: one name
        ("特定非営利活動法人\nみどりの森", 1, [("特定非営利活動法人みどりの森", "")]),
        ("特定非営利活動法人\nみどりの森", None, [("特定非営利活動法人みどりの森", "")]),
        (
            "【共同提案体】\n（代表者）公益財団法人みらい育成協会\n（構成員）一般社団法人つばさ",
            None,
            [("公益財団法人みらい育成協会", ""), ("一般社団法人つばさ", "")],
        ),
        (
            "公益財団法人画像情報教育振興協会 東京都中央区銀座１丁目８番１６号",
            1,
            [("公益財団法人画像情報教育振興協会", "東京都中央区銀座1丁目8番16号")],
        ),
        ("－", None, []),
    ],
)
def test_the_partners_of_a_name_cell(
    cell: str, expected: int | None, partners: list[tuple[str, str]]
) -> None:
    assert split_partners(cell, expected) == partners


def test_names_and_numbers_are_paired_when_the_counts_match() -> None:
    result = partners_from_cells(
        f"①{A}\n②{B}",
        "①公益財団法人みらい育成協会\n東京都千代田区霞が関1-1-1\n②一般社団法人つばさ\n千葉県千葉市中央区都町1-2",
    )
    assert result.warning == ""
    assert result.partners == (
        PartnerCell("公益財団法人みらい育成協会", "東京都千代田区霞が関1-1-1", A),
        PartnerCell("一般社団法人つばさ", "千葉県千葉市中央区都町1-2", B),
    )


def test_counts_that_differ_keep_the_names_without_numbers() -> None:
    result = partners_from_cells(f"{A}\n{B}", "①みどりの会\n②つばさ\n③あおぞら")
    assert [p.name for p in result.partners] == ["みどりの会", "つばさ", "あおぞら"]
    assert all(p.corporate_number == "" for p in result.partners)
    assert (
        result.warning == "法人番号が2件、団体名が3件で数が合わないため、法人番号を使わず団体名で照合します"
    )


def test_numbers_without_names_and_names_without_numbers() -> None:
    assert partners_from_cells(A, "－").partners == (PartnerCell("", "", A),)
    assert partners_from_cells("－", "みどりの会\n千葉市中央区1-1").partners == (
        PartnerCell("みどりの会", "千葉市中央区1-1", ""),
    )
    assert partners_from_cells(None, None).partners == ()


@pytest.mark.parametrize(
    ("cell", "amount"),
    [
        (12345, 12345),
        (12345.0, 12345),
        ("12345", 12345),
        ("12,345円", 12345),
        ("１２，３４５円", 12345),
        ("￥12,345", 12345),
        ("金12,345円", 12345),
        ("12,345 円", 12345),
        ("1,234千円", 1_234_000),
        ("1.5千円", 1500),
        ("120万円", 1_200_000),
        ("3百万円", 3_000_000),
        ("12,345円（税込）", 12345),
        ("12,345円\n（うち消費税1,122円）", 12345),
        (0, 0),
        ("0円", 0),
        ("－", None),
        (None, None),
    ],
)
def test_amounts(cell: str | int | float | None, amount: int | None) -> None:
    assert parse_amount(cell) == amount


@pytest.mark.parametrize(
    "cell",
    [
        "＠21,600円ほか",
        "単価契約",
        "12,345円\n23,456円",
        "△100",
        "-100",
        -100,
        12.5,
        "12.5円",
        "1,2345円",
        True,
        date(2020, 4, 1),
    ],
)
def test_what_is_not_an_amount_is_a_clear_error(cell: str | int | float | bool | date) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount(cell)
    assert caught.value.field == "金額"
    assert caught.value.message.startswith("金額として読めません: 「")


def test_the_unit_price_of_the_issue_is_reported_in_its_words() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_amount("＠21,600円ほか", field="契約金額")
    assert caught.value.message == (
        "契約金額として読めません: 「＠21,600円ほか」（12,345円・1,234千円のように金額だけを書いてください）"
    )


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("令和2年4月1日\n（4～6月分）", date(2020, 4, 1)),
        ("令和２年４月１日", date(2020, 4, 1)),
        ("R2.4.1", date(2020, 4, 1)),
        ("2020/4/1", date(2020, 4, 1)),
        (datetime(2020, 4, 1, 0, 0), date(2020, 4, 1)),
        (date(2020, 4, 1), date(2020, 4, 1)),
        ("－", None),
        (None, None),
    ],
)
def test_dates_go_through_the_one_parser(cell: str | date | None, expected: date | None) -> None:
    assert parse_cell_date(cell) == expected


@pytest.mark.parametrize("cell", ["4～6月分", 43922])
def test_what_is_not_a_date_is_an_error(cell: str | int) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_cell_date(cell, "契約日")
    assert caught.value.field == "契約日"


@pytest.mark.parametrize(
    ("cell", "count"),
    [(3, 3), ("3", 3), ("3者", 3), ("１社", 1), ("2団体", 2), ("1者（随意契約）", 1), ("－", None)],
)
def test_applicants(cell: str | int, count: int | None) -> None:
    assert parse_applicants(cell) == count


@pytest.mark.parametrize("cell", ["多数", -1, 1.5])
def test_what_is_not_a_count_of_applicants_is_an_error(cell: str | int | float) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_applicants(cell)
    assert caught.value.field == "応募者数"
