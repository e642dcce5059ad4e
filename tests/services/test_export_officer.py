"""The 全項目 export names each organization's 担当職員; re-importing the file leaves it alone."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import OfficerInput
from kyodo_desktop.services import officers
from kyodo_desktop.services.export_xlsx import HEADERS, LAYOUT_LIST, SHEET_TITLE, export_organizations
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


def test_the_full_layout_writes_the_officer_by_name(data_dir: Path, tmp_path: Path) -> None:
    with Workspace.open(data_dir, write=True) as ws:
        sato = officers.add_officer(ws, OfficerInput(name="佐藤 一郎", section="市民協働課"))
        svc = OrganizationService(ws)
        svc.create(OrganizationInput(name="あおぞら会", kana="アオゾラカイ"), responsible_officer_id=sato)
        svc.create(OrganizationInput(name="いちょうの会", kana="イチョウノカイ"))
        out = tmp_path / "全項目.xlsx"
        export_organizations(ws, out)
        listing = tmp_path / "一覧.xlsx"
        export_organizations(ws, listing, layout=LAYOUT_LIST)
    rows = list(openpyxl.load_workbook(out)[SHEET_TITLE].values)
    assert rows[0][-2:] == ("担当職員", "ID")
    at = HEADERS.index("担当職員")
    assert [(r[0], r[at]) for r in rows[1:]] == [("あおぞら会", "佐藤 一郎"), ("いちょうの会", None)]
    assert "担当職員" not in next(openpyxl.load_workbook(listing)[SHEET_TITLE].values)
