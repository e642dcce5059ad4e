"""What officers' lists hold: a name cell with the address, 法人格 in the name, dates as typed."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from kyodo_desktop.domain.column_mapping import row_to_input
from kyodo_desktop.domain.fields import legal_form_from_name
from kyodo_desktop.domain.name_cell import split_name_cell
from kyodo_desktop.domain.organization import OrganizationInput, validate_organization
from kyodo_desktop.domain.validation import ValidationError, parse_date


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        (
            "公益財団法人みらい育成協会\n東京都千代田区霞が関1-1-1",
            ("公益財団法人みらい育成協会", "東京都千代田区霞が関1-1-1"),
        ),
        (
            "一般社団法人つばさ\n〒260-0001\n千葉県千葉市中央区都町1-2",
            ("一般社団法人つばさ", "〒260-0001 千葉県千葉市中央区都町1-2"),
        ),
        (
            "公益財団法人画像情報教育振興協会 東京都中央区銀座１丁目８番１６号",
            ("公益財団法人画像情報教育振興協会", "東京都中央区銀座1丁目8番16号"),
        ),
        ("公益財団法人 東京都市づくり協会", ("公益財団法人 東京都市づくり協会", "")),
        ("特定非営利活動法人\nみどりの森", ("特定非営利活動法人みどりの森", "")),
        ("みどりの会", ("みどりの会", "")),
    ],
)
def test_a_name_cell_splits_into_name_and_address(cell: str, expected: tuple[str, str]) -> None:
    assert split_name_cell(cell) == expected


def test_the_address_of_a_name_cell_fills_the_address_only_without_an_address_column() -> None:
    cell = "公益財団法人みらい育成協会\n東京都千代田区霞が関1-1-1"
    row = row_to_input({0: "name"}, [cell], 5, headers=["名称及び住所"])
    assert row is not None and row.ok and row.data is not None
    assert (row.data.name, row.data.address) == ("公益財団法人みらい育成協会", "東京都千代田区霞が関1-1-1")
    assert "address" in row.provided_fields

    row = row_to_input(
        {0: "name", 1: "address"}, [cell, "千葉県千葉市中央区1-1"], 6, headers=["名称", "住所"]
    )
    assert row is not None and row.data is not None
    assert (row.data.name, row.data.address) == ("公益財団法人みらい育成協会", "千葉県千葉市中央区1-1")


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("公益財団法人画像情報教育振興協会", "公益財団法人"),
        ("公益社団法人あおぞら", "公益社団法人"),
        ("一般財団法人みなと", "一般財団法人"),
        ("一般社団法人つばさ", "一般社団法人"),
        ("NPO法人みどり", "特定非営利活動法人"),
        ("ＮＰＯ法人みどり", "特定非営利活動法人"),
        ("特定非営利活動法人みどり", "特定非営利活動法人"),
        ("認定NPO法人ひかり", "認定特定非営利活動法人"),
        ("認定特定非営利活動法人ひかり", "認定特定非営利活動法人"),
        ("社会福祉法人さくら", "社会福祉法人"),
        ("(一社)つばさ", "一般社団法人"),
        ("（公財）みらい", "公益財団法人"),
        ("みどりの会", ""),
        ("特定非営利活動法人", ""),
    ],
)
def test_legal_form_from_the_name(name: str, form: str) -> None:
    assert legal_form_from_name(name) == form


def test_a_blank_legal_form_is_taken_from_the_name_when_saved_and_a_given_one_is_kept() -> None:
    assert validate_organization(OrganizationInput(name="NPO法人みどり")).legal_form == "特定非営利活動法人"
    given = OrganizationInput(name="NPO法人みどり", legal_form="任意団体")
    assert validate_organization(given).legal_form == "任意団体"
    assert validate_organization(OrganizationInput(name="みどりの会")).legal_form == ""


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("令和元年５月１０日", date(2019, 5, 10)),
        ("令和2年4月1日\n（4～6月分）", date(2020, 4, 1)),
        ("令和2年4月1日（4～6月分）", date(2020, 4, 1)),
        ("R2.4.1", date(2020, 4, 1)),
        ("H31.4.1", date(2019, 4, 1)),
        ("平成31年4月1日", date(2019, 4, 1)),
        ("2020/4/1", date(2020, 4, 1)),
        ("2020-04-01 00:00:00", date(2020, 4, 1)),  # an Excel date cell as the list reader gives it
        (datetime(2020, 4, 1, 0, 0), date(2020, 4, 1)),
        (date(2020, 4, 1), date(2020, 4, 1)),
    ],
)
def test_dates_as_officers_type_them(typed: str | date, expected: date) -> None:
    assert parse_date(typed, "established_on") == expected


@pytest.mark.parametrize("typed", ["(注)", "注記\n令和2年4月1日", "令和2年13月1日\n(4～6月分)"])
def test_a_note_alone_or_before_the_date_is_no_date(typed: str) -> None:
    with pytest.raises(ValidationError):
        parse_date(typed, "established_on")


def test_a_dated_cell_with_a_note_imports_its_date() -> None:
    row = row_to_input({0: "name", 1: "established_on"}, ["みどりの会", "令和2年4月1日\n（4～6月分）"], 3)
    assert row is not None and row.ok and row.data is not None
    assert row.data.established_on == date(2020, 4, 1)
