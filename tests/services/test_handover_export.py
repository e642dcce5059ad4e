"""The handover note's evaluations and its workbook: conclusions from the evaluations, the sheets
read back (values, contact data only when chosen, formula-looking text kept as text), print setup."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from kyodo_desktop.domain.handover import DateKind, ItemKind
from kyodo_desktop.services.handover import HandoverService
from kyodo_desktop.services.handover_export import write_handover_workbook
from kyodo_desktop.services.workspace import Workspace

from ..handover_world import CONTACT, EMAIL, PHONE, World, make_note, make_world


@pytest.fixture
def world(ws: Workspace) -> World:
    return make_world(ws)


def test_every_note_carries_the_final_conclusion_and_its_open_improvement_actions(world: World) -> None:
    note = HandoverService(world.ws).get(make_note(world))
    org_item, project_item = note.items
    for item in (org_item, project_item):
        assert item.dossier is not None
        assert "公園の花壇づくり: 2026年度 最終評価 今後の方向性: 改善して継続" in [
            e.text for e in item.dossier.timeline
        ]
        improvements = [
            (i.text, i.owner, i.due_on) for i in item.dossier.open_items if i.kind is ItemKind.IMPROVEMENT
        ]
        assert improvements == [("広報を早める", "市民協働課", date(2027, 6, 30))]  # the done one is not open
        # the final conclusion is there: no evaluation is due, none missing
        assert DateKind.EVALUATION_DUE not in [d.kind for d in item.dossier.next_dates]
        assert ItemKind.EVALUATION not in [i.kind for i in item.dossier.open_items]


def _texts(sheet: object) -> list[str]:
    return [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]  # type: ignore[attr-defined]


def test_the_workbook_has_a_summary_and_a_sheet_per_subject(world: World, tmp_path: Path) -> None:
    note_id = make_note(world)
    out = tmp_path / "引継書.xlsx"
    write_handover_workbook(out, note_id, world.ws)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["概要", "1 みどりの会", "2 公園の花壇づくり"]
    summary = " ".join(_texts(wb["概要"]))
    for expected in (
        "佐藤 一郎",
        "鈴木 花子",
        "令和9年3月25日",  # 和暦, as the registry prints dates
        "第1版",
        "下書き",
        "未署名",
        "未確認の項目",
        "同席",
        "みどりの会",
    ):
        assert expected in summary
    org_texts = _texts(wb["1 みどりの会"])
    assert "協定書案を送る" in org_texts and "広報を早める" in org_texts
    assert "事業報告書の提出期限" in org_texts  # the NPO's deadline, 3 months after 3月31日
    assert "平成20年から協働" in org_texts
    # dates as a person reads them: the commitment's due date, the interaction, the project's period
    assert {"令和9年4月10日", "令和9年2月1日", "令和8年4月1日〜令和9年3月31日"} <= set(org_texts)
    assert not any(re.search(r"\d{4}-\d{2}-\d{2}", t) for s in wb.worksheets for t in _texts(s))
    # formula-looking text stays text
    cell = next(c for row in wb["1 みどりの会"].iter_rows() for c in row if c.value == "@総会は5月")
    assert cell.data_type == "s" and cell.quotePrefix
    assert any("=来年度の協定" in t for t in org_texts)
    assert not any(c.data_type == "f" for s in wb.worksheets for row in s.iter_rows() for c in row)
    # personal contact data only when chosen
    everything = " ".join(t for s in wb.worksheets for t in _texts(s))
    assert PHONE not in everything and EMAIL not in everything and CONTACT not in everything


def test_contact_data_is_in_the_workbook_when_the_officer_chose_it(world: World, tmp_path: Path) -> None:
    out = tmp_path / "with.xlsx"
    write_handover_workbook(out, make_note(world, include_contacts=True), world.ws)
    wb = openpyxl.load_workbook(out)
    org_texts = _texts(wb["1 みどりの会"])
    assert {PHONE, EMAIL, CONTACT} <= set(org_texts)
    assert "載せる" in _texts(wb["概要"])


def test_every_sheet_prints_on_a4_fit_to_width_with_its_title_row(world: World, tmp_path: Path) -> None:
    out = tmp_path / "print.xlsx"
    write_handover_workbook(out, make_note(world), world.ws)
    wb = openpyxl.load_workbook(out)
    for sheet in wb.worksheets:
        assert sheet.page_setup.paperSize == 9
        assert sheet.page_setup.orientation == "portrait"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.page_setup.fitToWidth == 1 and sheet.page_setup.fitToHeight == 0
        assert sheet.print_title_rows == "$1:$1"
        assert "2026年度" in sheet.oddHeader.right.text or "令和8年度" in sheet.oddHeader.right.text
        assert "ページ" in sheet.oddFooter.center.text
    assert wb["概要"]["A1"].font.name == "Yu Gothic"


def test_an_unknown_note_is_refused_in_japanese(world: World, tmp_path: Path) -> None:
    from kyodo_desktop.persistence.errors import NotFoundError

    with pytest.raises(NotFoundError, match="引継書が見つかりません"):
        write_handover_workbook(tmp_path / "x.xlsx", "nope", world.ws)
    assert not (tmp_path / "x.xlsx").exists()
