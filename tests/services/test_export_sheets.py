"""The export's optional sheets (issue 10): 連絡先 and 対応記録 of exactly the organizations exported.

Each sheet is print-ready through ``services.sheets``, names the organization on every row (and
its ID in the 全項目 layout), follows the main sheet's order, shows dates as officers read them
and keeps formula-looking text as text. Rows passed by id can keep the order they were given in
(the table's sort on screen).
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kyodo_desktop.domain.organization import ContactInput, InteractionInput, OrganizationInput
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.persistence.listing import OrgFilter
from kyodo_desktop.services import demo
from kyodo_desktop.services.export_details import (
    CONTACT_COLUMNS,
    CONTACTS_TITLE,
    INTERACTION_COLUMNS,
    INTERACTIONS_TITLE,
    detail_columns,
)
from kyodo_desktop.services.export_xlsx import HEADERS, SHEET_TITLE, export_organizations
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


@contextmanager
def _book(path: Path) -> Iterator[Any]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        yield book
    finally:
        book.close()


def _values(book: Any, title: str) -> list[tuple[Any, ...]]:
    return list(book[title].iter_rows(values_only=True))


def _padded(rows: list[tuple[Any, ...]], width: int) -> list[tuple[Any, ...]]:
    """Read-only sheets drop trailing empty cells: give every row its full width."""
    return [tuple(row) + (None,) * (width - len(row)) for row in rows]


@pytest.fixture
def registry(ws: Workspace) -> Workspace:
    demo.generate(ws, 300, seed=3)
    return ws


def _db(ws: Workspace, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(ws.db_path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_a_filtered_export_holds_exactly_the_contacts_and_interactions_of_its_organizations(
    registry: Workspace, tmp_path: Path
) -> None:
    org_filter = OrgFilter(municipality_code="12100")
    expected = OrganizationService(registry).search("", org_filter=org_filter)
    wanted = {org_id for org_id, _ in expected}
    assert 0 < len(wanted) < 300
    contacts = [
        (names, name, phone or None)
        for org_id, names, name, phone in _db(
            registry,
            "SELECT c.organization_id, o.name, c.name, c.phone FROM contacts c "
            "JOIN organizations o ON o.id = c.organization_id",
        )
        if org_id in wanted
    ]
    interactions = [
        (names, to_wareki(date.fromisoformat(day)), kind)
        for org_id, names, day, kind in _db(
            registry,
            "SELECT i.organization_id, o.name, i.occurred_on, i.kind FROM interactions i "
            "JOIN organizations o ON o.id = i.organization_id",
        )
        if org_id in wanted
    ]
    assert contacts and interactions  # the demo data has both, and other places have more
    out = tmp_path / "課長用.xlsx"
    count = export_organizations(
        registry, out, layout="一覧", org_filter=org_filter, with_contacts=True, with_interactions=True
    )
    assert count == len(expected)
    with _book(out) as book:
        assert book.sheetnames == [SHEET_TITLE, CONTACTS_TITLE, INTERACTIONS_TITLE]
        contact_rows = _padded(_values(book, CONTACTS_TITLE), len(CONTACT_COLUMNS))
        interaction_rows = _padded(_values(book, INTERACTIONS_TITLE), len(INTERACTION_COLUMNS))
        listed = [row[0] for row in _values(book, SHEET_TITLE)[1:]]
    assert list(contact_rows[0]) == [h for h, _ in CONTACT_COLUMNS]
    assert list(interaction_rows[0]) == [h for h, _ in INTERACTION_COLUMNS]
    assert Counter((r[0], r[1], r[4]) for r in contact_rows[1:]) == Counter(contacts)
    assert Counter((r[0], r[1], r[2]) for r in interaction_rows[1:]) == Counter(interactions)
    # organization by organization, in the main sheet's order
    order = {name: n for n, name in reversed(list(enumerate(listed)))}
    for rows in (contact_rows[1:], interaction_rows[1:]):
        positions = [order[row[0]] for row in rows]
        assert positions == sorted(positions)


def test_the_full_layout_names_the_organization_by_id_and_dates_are_dates_beside_their_wareki(
    ws: Workspace, tmp_path: Path
) -> None:
    svc = OrganizationService(ws)
    first = svc.create(OrganizationInput(name="あおば会", kana="アオバカイ"))
    second = svc.create(OrganizationInput(name="さくら会", kana="サクラカイ"))
    svc.add_contact(second, ContactInput(name="佐藤 花子", phone="043-111-2222"))
    svc.add_contact(second, ContactInput(name="主 担当", is_primary=True))
    svc.add_contact(first, ContactInput(name="鈴木 一郎", role="会長"))
    svc.add_interaction(first, InteractionInput(date(2024, 4, 1), "面談", "古い記録"))
    svc.add_interaction(
        first, InteractionInput(date(2025, 5, 10), "電話", "一行目\n二行目", next_action_on=date(2025, 6, 1))
    )
    out = tmp_path / "全項目.xlsx"
    assert export_organizations(ws, out, with_contacts=True, with_interactions=True) == 2
    book = openpyxl.load_workbook(out)
    contacts = book[CONTACTS_TITLE]
    assert [c.value for c in contacts[1]] == [h for h, _ in detail_columns(CONTACTS_TITLE, with_ids=True)]
    rows = list(contacts.iter_rows(min_row=2, values_only=True))
    assert [(r[0], r[1], r[-1]) for r in rows] == [
        ("あおば会", "鈴木 一郎", first),
        ("さくら会", "主 担当", second),  # 主担当 first
        ("さくら会", "佐藤 花子", second),
    ]
    assert rows[1][6] == "●" and rows[2][6] is None
    phone = contacts.cell(row=4, column=5)
    assert (phone.value, phone.data_type, phone.number_format) == ("043-111-2222", "s", "@")

    interactions = book[INTERACTIONS_TITLE]
    headers = [c.value for c in interactions[1]]
    assert headers == [h for h, _ in detail_columns(INTERACTIONS_TITLE, with_ids=True)]
    rows = list(interactions.iter_rows(min_row=2, values_only=True))
    assert [r[0] for r in rows] == ["あおば会", "あおば会"]
    newest = dict(zip(headers, rows[0], strict=True))  # newest first
    assert newest["対応日"].date() == date(2025, 5, 10)
    assert newest["対応日（和暦）"] == "令和7年5月10日"
    assert newest["次回対応日（和暦）"] == "令和7年6月1日"
    assert newest["内容"] == "一行目\n二行目" and newest["団体ID"] == first
    summary = interactions.cell(row=2, column=headers.index("内容") + 1)
    assert summary.alignment.wrap_text
    assert rows[1][headers.index("次回対応日")] is None
    book.close()


def test_each_extra_sheet_is_print_ready(registry: Workspace, tmp_path: Path) -> None:
    for layout in ("一覧", "全項目"):
        out = tmp_path / f"{layout}.xlsx"
        export_organizations(registry, out, layout=layout, with_contacts=True, with_interactions=True)
        book = openpyxl.load_workbook(out)
        for title in (CONTACTS_TITLE, INTERACTIONS_TITLE):
            sheet = book[title]
            setup = sheet.page_setup
            assert (setup.paperSize, setup.orientation) == (9, "landscape")  # A4, wider than portrait
            assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
            assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
            assert sheet.print_title_rows == "$1:$1"
            assert sheet.oddHeader.right.text.startswith("令和") and sheet.oddHeader.right.text.endswith(
                " 現在"
            )
            assert sheet.oddFooter.center.text == "&P / &N ページ"
            assert sheet.freeze_panes == "A2"
            assert sheet.oddHeader.left.text == title
            assert sheet.auto_filter.ref.startswith("A1:")
            header = sheet["A1"]
            assert header.font.bold and header.font.name == "Yu Gothic"
        assert [c.value for c in book[CONTACTS_TITLE][1]][-1] == (
            "団体ID" if layout == "全項目" else "主担当"
        )
        book.close()


def test_formula_looking_text_stays_text_on_the_extra_sheets(ws: Workspace, tmp_path: Path) -> None:
    svc = OrganizationService(ws)
    org = svc.create(OrganizationInput(name="=1+1の会"))
    svc.add_contact(org, ContactInput(name="@山田", role="-代表"))
    svc.add_interaction(org, InteractionInput(date(2025, 1, 6), "電話", '=HYPERLINK("http://x")'))
    out = tmp_path / "一覧.xlsx"
    export_organizations(ws, out, layout="一覧", with_contacts=True, with_interactions=True)
    book = openpyxl.load_workbook(out)
    for title, texts in (
        (CONTACTS_TITLE, ("=1+1の会", "@山田", "-代表")),
        (INTERACTIONS_TITLE, ("=1+1の会", '=HYPERLINK("http://x")')),
    ):
        cells = {c.value: c for row in book[title].iter_rows(min_row=2) for c in row if c.value is not None}
        for text in texts:
            assert cells[text].data_type == "s" and cells[text].quotePrefix, (title, text)
    assert book[INTERACTIONS_TITLE]["B2"].value == "令和7年1月6日"
    book.close()


def test_without_the_options_there_is_one_sheet(registry: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    export_organizations(registry, out, with_interactions=True)
    with _book(out) as book:
        assert book.sheetnames == [SHEET_TITLE, INTERACTIONS_TITLE]
    export_organizations(registry, out)
    with _book(out) as book:
        assert book.sheetnames == [SHEET_TITLE]


def test_ids_in_given_order_are_written_in_that_order_and_so_are_their_contacts(
    registry: Workspace, tmp_path: Path
) -> None:
    everyone = OrganizationService(registry).search("")
    chosen = [everyone[n][0] for n in (250, 3, 77, 3)]  # a repeated id is written once
    out = tmp_path / "ids.xlsx"
    count = export_organizations(registry, out, ids=chosen, in_given_order=True, with_contacts=True)
    assert count == 3
    with _book(out) as book:
        ids = [row[HEADERS.index("ID")] for row in _values(book, SHEET_TITLE)[1:]]
        contact_ids = [row[-1] for row in _values(book, CONTACTS_TITLE)[1:]]
    assert ids == chosen[:3]
    assert list(dict.fromkeys(contact_ids)) == [i for i in ids if i in set(contact_ids)]


def test_long_text_wraps_in_print_and_its_row_is_as_high_as_it_needs(ws: Workspace, tmp_path: Path) -> None:
    from kyodo_desktop.services.export_cells import LINE_HEIGHT

    svc = OrganizationService(ws)
    svc.create(OrganizationInput(name="あ会", kana="ア", phone="043-000-0001", fields=[1, 2, 3, 4, 5, 13]))
    long_one = svc.create(OrganizationInput(name="い会", kana="イ", phone="043-000-0002"))
    svc.add_interaction(long_one, InteractionInput(date(2025, 1, 6), "面談", "一行目\n二行目\n三行目"))
    out = tmp_path / "一覧.xlsx"
    export_organizations(ws, out, layout="一覧", with_interactions=True)
    book = openpyxl.load_workbook(out)
    sheet = book[SHEET_TITLE]
    fields = [c.value for c in sheet[1]].index("活動分野") + 1
    tall, short = sheet.cell(row=2, column=fields), sheet.cell(row=3, column=2)
    assert "、" in tall.value and tall.alignment.wrap_text
    assert sheet.row_dimensions[2].height >= 2 * LINE_HEIGHT
    assert sheet.row_dimensions[3].height is None  # one line: the sheet's own height
    # every text cell of a row of several lines starts at its top, the phone still text
    assert {sheet.cell(row=2, column=n).alignment.vertical for n in (1, 5, fields)} == {"top"}
    assert sheet.cell(row=2, column=5).number_format == "@"
    assert short.alignment.vertical is None
    interactions = book[INTERACTIONS_TITLE]
    assert interactions.row_dimensions[2].height == 3 * LINE_HEIGHT
    assert interactions["D2"].value == "一行目\n二行目\n三行目" and interactions["D2"].alignment.wrap_text
    book.close()
