"""The 課長's list (issue 10): filtered exports, the 一覧 and 全項目 layouts, and print setup.

Every sheet a person prints goes through ``services.sheets``: A4, the orientation chosen for the
width, fit to width, the header row repeated, 「令和… 現在」 in the page header and page numbers
in the footer. The export writes exactly the rows the registry's filter rule keeps.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.persistence.listing import OrgFilter
from kyodo_desktop.services import demo, sheets
from kyodo_desktop.services.export_xlsx import HEADERS, LIST_COLUMNS, export_organizations
from kyodo_desktop.services.import_pipeline import prepare_import
from kyodo_desktop.services.importing import Action, apply_import, choose_overwrites
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

LIST_HEADERS = [header for header, _ in LIST_COLUMNS]


def _sheet(path: Path) -> Any:
    return openpyxl.load_workbook(path).worksheets[0]


def _rows(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(min_row=2, values_only=True))


def assert_print_setup(sheet: Any, *, landscape: bool, fit: bool = True) -> None:
    """The print setup every printed sheet carries (what ``sheets.set_print_setup`` writes)."""
    setup = sheet.page_setup
    assert setup.paperSize == 9  # A4
    assert setup.orientation == ("landscape" if landscape else "portrait")
    if fit:
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    else:
        assert sheet.print_title_cols == "$A:$A"
    assert sheet.print_title_rows == "$1:$1"
    assert sheet.oddHeader.right.text.endswith(" 現在")
    assert sheet.oddHeader.right.text.startswith("令和")
    assert sheet.oddHeader.left.text
    assert sheet.oddFooter.center.text == "&P / &N ページ"
    assert sheet.freeze_panes == "A2"


@pytest.fixture
def registry(ws: Workspace) -> Workspace:
    demo.generate(ws, 300, seed=3)
    return ws


def test_the_list_layout_has_the_managers_columns_and_prints_a4_landscape_fit_to_width(
    registry: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "一覧.xlsx"
    assert export_organizations(registry, out, layout="一覧") == 300
    sheet = _sheet(out)
    assert [c.value for c in sheet[1]] == LIST_HEADERS
    assert "ID" not in LIST_HEADERS
    assert_print_setup(sheet, landscape=True)
    assert sheet.oddHeader.left.text == "団体一覧"
    assert sheet.auto_filter.ref == f"A1:H{300 + 1}"


def test_the_full_layout_keeps_every_column_and_is_printed_across_pages_with_the_name_repeated(
    registry: Workspace, tmp_path: Path
) -> None:
    out = tmp_path / "全項目.xlsx"
    export_organizations(registry, out)
    sheet = _sheet(out)
    assert [c.value for c in sheet[1]] == list(HEADERS)
    assert_print_setup(sheet, landscape=True, fit=False)


def test_a_narrow_choice_of_columns_prints_portrait(registry: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "名簿.xlsx"
    export_organizations(registry, out, columns=["団体名", "市町村", "電話番号"])
    sheet = _sheet(out)
    assert [c.value for c in sheet[1]] == ["団体名", "市町村", "電話番号"]
    assert_print_setup(sheet, landscape=False)


def test_unknown_columns_and_layouts_are_refused(registry: Workspace, tmp_path: Path) -> None:
    with pytest.raises(KnownError, match="書き出せない列です: 住所録"):
        export_organizations(registry, tmp_path / "x.xlsx", columns=["団体名", "住所録"])
    with pytest.raises(KnownError, match="一覧・全項目"):
        export_organizations(registry, tmp_path / "x.xlsx", layout="縦")
    assert not (tmp_path / "x.xlsx").exists()


@pytest.mark.parametrize(
    "org_filter",
    [
        OrgFilter(municipality_code="12100"),
        OrgFilter(field_code=13),
        OrgFilter(query="千葉", status="活動中"),
        OrgFilter(legal_form="特定非営利活動法人", municipality_code="12204"),
    ],
)
def test_a_filtered_export_holds_exactly_the_filtered_rows(
    registry: Workspace, tmp_path: Path, org_filter: OrgFilter
) -> None:
    expected = OrganizationService(registry).search("", org_filter=org_filter)
    assert 0 < len(expected) < 300
    out = tmp_path / "filtered.xlsx"
    assert export_organizations(registry, out, org_filter=org_filter) == len(expected)
    rows = _rows(_sheet(out))
    assert [row[HEADERS.index("ID")] for row in rows] == [org_id for org_id, _ in expected]


def test_an_export_of_ids_holds_those_rows_in_the_registry_order(registry: Workspace, tmp_path: Path) -> None:
    everyone = OrganizationService(registry).search("")
    chosen = [everyone[n][0] for n in (250, 3, 77)]
    out = tmp_path / "ids.xlsx"
    assert export_organizations(registry, out, ids=chosen) == 3
    assert [row[-1] for row in _rows(_sheet(out))] == [org_id for org_id, _ in everyone if org_id in chosen]


def test_formula_looking_text_and_leading_zeros_stay_text_in_the_list(ws: Workspace, tmp_path: Path) -> None:
    svc = OrganizationService(ws)
    svc.create(
        OrganizationInput(name='=HYPERLINK("http://x")の会', representative="@山田", phone="043-223-0000")
    )
    svc.create(OrganizationInput(name="＋プラスの会", address="-1番地"))  # saved as +プラスの会
    out = tmp_path / "一覧.xlsx"
    export_organizations(ws, out, layout="一覧")
    sheet = _sheet(out)
    cells = {c.value: c for row in sheet.iter_rows(min_row=2) for c in row if c.value is not None}
    for text in ('=HYPERLINK("http://x")の会', "@山田", "+プラスの会", "-1番地"):  # stored NFKC
        assert cells[text].data_type == "s" and cells[text].quotePrefix, text
    assert cells["043-223-0000"].data_type == "s"
    assert cells["043-223-0000"].number_format == sheets.TEXT_FORMAT


def test_a_reimported_full_export_still_updates_in_place(registry: Workspace, tmp_path: Path) -> None:
    org_filter = OrgFilter(municipality_code="12100")
    out = tmp_path / "全項目.xlsx"
    count = export_organizations(registry, out, org_filter=org_filter)
    book = openpyxl.load_workbook(out)
    sheet = book.worksheets[0]
    phone = HEADERS.index("電話番号") + 1
    sheet.cell(row=2, column=phone).value = "043-223-9999"
    changed_id = sheet.cell(row=2, column=len(HEADERS)).value
    book.save(out)  # as Excel would: the print setup goes along
    plan = prepare_import(registry, out).plan
    assert plan.count(Action.UPDATE) == 1 and plan.count(Action.UNCHANGED) == count - 1
    choose_overwrites(plan, {"phone"})  # a stored value is replaced only when the officer chooses it
    summary = apply_import(registry, plan)
    assert (summary.created, summary.updated) == (0, 1)
    assert OrganizationService(registry).get(changed_id).data.phone == "043-223-9999"
    assert len(OrganizationService(registry).search("")) == 300


def test_plan_print_chooses_the_orientation_for_the_width() -> None:
    assert not sheets.plan_print([30, 20, 20]).landscape
    wide = sheets.plan_print([w for _, w in LIST_COLUMNS])
    assert wide.landscape and wide.fit_to_width
    too_wide = sheets.plan_print([30] * 20)
    assert too_wide.landscape and not too_wide.fit_to_width
