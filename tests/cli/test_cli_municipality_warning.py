"""A 市町村 outside the prefecture's list (横浜市): saved as typed, with a warning naming the list —
on ``kyodo orgs add`` (stderr), in an import's plan, its output and its summary workbook."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.domain.importing import ImportRow
from kyodo_desktop.domain.municipalities import outside_list_notice
from kyodo_desktop.domain.organization import OrganizationInput, validate_organization
from kyodo_desktop.services.importing import Action, plan_import
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

NOTICE = "「横浜市」は千葉県の市町村一覧（54市町村）にありません"


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _stored(data_dir: Path, org_id: str) -> OrganizationInput:
    with Workspace.open(data_dir, write=False) as ws:
        return OrganizationService(ws).get(org_id).data


def test_the_notice_names_the_list_and_only_for_a_name_outside_it() -> None:
    data = validate_organization(OrganizationInput(name="会", municipality_name="横浜市"))
    assert outside_list_notice(data.municipality_code, data.municipality_name) == NOTICE
    for kept in (
        OrganizationInput(name="会", municipality_name="鎌ヶ谷市"),
        OrganizationInput(name="会", municipality_code="12217"),
        OrganizationInput(name="会", address="横浜市中区1-1"),  # no 市町村 typed: nothing to warn about
        OrganizationInput(name="会"),
    ):
        data = validate_organization(kept)
        assert outside_list_notice(data.municipality_code, data.municipality_name) is None


def test_orgs_add_saves_it_and_warns_on_stderr(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(data_dir, capsys, "orgs", "add", "--name", "県外の会", "--municipality", "横浜市")
    assert code == 0
    org_id = out.strip()
    assert len(out.splitlines()) == 1  # stdout: the id alone, as scripts read it
    assert err == f"kyodo: 警告: {NOTICE}（そのまま登録しました）\n"
    stored = _stored(data_dir, org_id)
    assert (stored.municipality_code, stored.municipality_name) == ("", "横浜市")

    code, out, err = _run(data_dir, capsys, "orgs", "add", "--name", "柏の会", "--municipality", "柏市")
    assert code == 0 and err == ""


def test_an_import_plans_the_row_as_new_with_the_warning(data_dir: Path) -> None:
    with Workspace.open(data_dir) as ws:
        kept = OrganizationService(ws).create(
            OrganizationInput(name="前からの県外の会", municipality_name="横浜市")
        )
        rows = [
            ImportRow(
                2, validate_organization(OrganizationInput(name="横浜の会", municipality_name="横浜市"))
            ),
            ImportRow(3, validate_organization(OrganizationInput(name="柏の会", municipality_name="柏市"))),
            # stored with 横浜市 already: an unchanged row is no new remark
            ImportRow(
                4,
                validate_organization(OrganizationInput(name="前からの県外の会", municipality_name="横浜市")),
            ),
        ]
        plan = plan_import(ws, rows, source_name="list.csv")
    assert [r.action for r in plan.rows] == [Action.NEW, Action.NEW, Action.UNCHANGED]
    assert [(p.row_number, p.column) for p in plan.notices] == [(2, "市町村")]
    assert plan.notices[0].message.startswith(NOTICE)
    assert plan.rows[2].match_id == kept


def test_kyodo_import_prints_the_warning_on_the_row_imports_it_and_lists_it_in_the_summary(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "団体一覧.csv"
    source.write_text("団体名,市町村\n横浜の会,横浜市\n柏の会,柏市\n", encoding="utf-8")
    summary = tmp_path / "summary.xlsx"
    code, out, err = _run(data_dir, capsys, "import", str(source), "--summary", str(summary))
    assert code == 0, err
    [line] = [line for line in out.splitlines() if NOTICE in line]
    assert line.startswith("2\t\t市町村\t")
    assert "新規 2" in out
    code, found, _ = _run(data_dir, capsys, "orgs", "search", "横浜の会")
    assert code == 0 and len(found.splitlines()) == 1
    stored = _stored(data_dir, found.split("\t")[0])
    assert (stored.municipality_code, stored.municipality_name) == ("", "横浜市")

    book = openpyxl.load_workbook(summary, read_only=True)
    try:
        cells = [
            str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c
        ]
    finally:
        book.close()
    assert any(NOTICE in cell for cell in cells)
