"""Returned forms that are refused, each with a clear line per problem (and nothing returned)."""

from __future__ import annotations

import dataclasses
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kyodo_desktop.domain.evaluation import Template
from kyodo_desktop.domain.evaluation_templates import POINTS_FIVE, URAYASU_THREE, WEIGHTED_POINTS
from kyodo_desktop.services import evaluation_form_read
from kyodo_desktop.services.errors import describe_error
from kyodo_desktop.services.evaluation_form_layout import FORM_SHEET, GUIDE_SHEET, ID_SHEET
from kyodo_desktop.services.evaluation_form_read import FormRefused, read_partner_form

from ..evaluation_forms import TEMPLATES, export, fill, item_row, labelled

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData>'
    b"</worksheet>"
)


def _refused(
    path: Path, *expected: str, lookup: Callable[[str], Template | None] = TEMPLATES.get
) -> list[str]:
    with pytest.raises(FormRefused) as caught:
        read_partner_form(path, lookup=lookup)
    text = str(caught.value)
    for words in expected:
        assert words in text, text
    assert text.splitlines()[0] == f"{path.name} は評価シートとして取り込めません。"
    assert text.splitlines()[1:] == caught.value.problems
    return caught.value.problems


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A 5-level form, every item scored, name and date given: it reads back as is."""
    path = tmp_path / "returned.xlsx"
    export(path, POINTS_FIVE)
    fill(path, POINTS_FIVE, scores={item.key: 4 for item in POINTS_FIVE.items}, results=["10か所"])
    read_partner_form(path, lookup=TEMPLATES.get)
    return path


def _edit(path: Path, sheet: str, change: Callable[[Any], None]) -> None:
    wb = openpyxl.load_workbook(path)
    change(wb[sheet])
    wb.save(path)


def _score_cell(path: Path, template: Template, key: str) -> str:
    ws = openpyxl.load_workbook(path)[FORM_SHEET]
    return f"C{item_row(ws, template.item(key).text)}"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (7, "7"),
        (0, "0"),
        (2.5, "2.5"),
        ("とても良い", "とても良い"),
        ("5 想定をはるかに超えた", "5 想定をはるかに超えた"),
        (True, "TRUE"),
    ],
)
def test_a_score_past_the_drop_down(filled: Path, value: object, shown: str) -> None:
    address = _score_cell(filled, POINTS_FIVE, "p2")
    _edit(filled, FORM_SHEET, lambda ws: ws.__setitem__(address, value))
    (problem,) = _refused(filled)
    text = POINTS_FIVE.item("p2").text
    assert problem == f"{address}: 「{text}」の評価は1〜5（一覧から選択）で入力してください: {shown}"


def test_points_out_of_range_and_each_problem_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    export(path, WEIGHTED_POINTS, side="第三者")
    fill(path, WEIGHTED_POINTS, scores={"w1": 11, "w2": -1, "w3": 10, "w4": "8点"}, name="", on="あした")
    problems = _refused(path)
    assert [p.split(": ", 1)[1] for p in problems] == [
        f"「{WEIGHTED_POINTS.item('w1').text}」の評価は0〜10点の整数で入力してください: 11",
        f"「{WEIGHTED_POINTS.item('w2').text}」の評価は0〜10点の整数で入力してください: -1",
        f"「{WEIGHTED_POINTS.item('w4').text}」の評価は0〜10点の整数で入力してください: 8点",
        "記入者名を入力してください。",
        "記入日が日付として読めません: あした（例：令和7年3月31日、2025/3/31）",
    ]
    assert problems[0].startswith(_score_cell(path, WEIGHTED_POINTS, "w1") + ": ")


def test_a_grade_that_is_not_a_choice(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    export(path, URAYASU_THREE)
    fill(path, URAYASU_THREE, scores={"u1": "3 的確であった"}, grade="最高")
    address = labelled(openpyxl.load_workbook(path)[FORM_SHEET], "総合評価").coordinate
    assert _refused(path) == [f"{address}: 総合評価は 優良・良好・改善が必要 から選んでください: 最高"]


def test_an_edited_project_title(filled: Path) -> None:
    def rename(ws: Any) -> None:
        row = next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == "事業名")
        ws.cell(row=row, column=2).value = "別の事業"

    _edit(filled, FORM_SHEET, rename)
    (problem,) = _refused(filled, "（事業の概要）が書き換えられています")
    assert problem.startswith("「評価シート」A4:D12（事業の概要）")


def test_an_edited_item_text(filled: Path) -> None:
    address = f"B{item_row(openpyxl.load_workbook(filled)[FORM_SHEET], POINTS_FIVE.item('r3').text)}"
    _edit(filled, FORM_SHEET, lambda ws: ws.__setitem__(address, "手法の妥当性"))
    (problem,) = _refused(filled)
    assert "（評価項目（事業の成果））が書き換えられています" in problem
    assert "協働のポイント" not in problem


def test_writing_outside_the_form_and_editing_the_guide(filled: Path) -> None:
    _edit(filled, FORM_SHEET, lambda ws: (ws.__setitem__("F3", "メモ"), ws.__setitem__("A200", "追記")))
    _edit(filled, GUIDE_SHEET, lambda ws: ws.__setitem__("A3", "書き換え"))
    problems = _refused(filled)
    assert "「評価シート」の記入欄以外に書き込みがあります: F3、A200" in problems
    assert any("「記入のしかた」A1:D8（記入のしかた）が書き換えられています" in p for p in problems)


def test_a_wrong_or_unknown_template_version(filled: Path) -> None:
    newer = dataclasses.replace(POINTS_FIVE, version=2)
    (problem,) = _refused(filled, lookup=lambda _id: newer)
    assert problem.startswith(
        "様式の版が違います: この評価シートは「協働のポイントと成果（5段階）」の第1版（points-5）"
    )
    assert "登録されているのは第2版（points-5）" in problem
    _refused(filled, "様式の版が違います", "（urayasu-3）", lookup=lambda _id: URAYASU_THREE)
    assert _refused(filled, lookup=lambda _id: None) == [
        "この評価シートの様式（points-5 第1版）は登録されていません。"
    ]
    fewer = dataclasses.replace(POINTS_FIVE, items=POINTS_FIVE.items[:-1])
    assert _refused(filled, lookup=lambda _id: fewer) == ["評価シートの評価項目が様式と一致しません。"]


def _set_identity(key: str, value: str | None) -> Callable[[Any], None]:
    def change(ws: Any) -> None:
        for row in ws.iter_rows():
            if row[0].value == key:
                if value is None:
                    ws.delete_rows(row[0].row)
                else:
                    row[1].value = value
                return
        raise AssertionError(key)

    return change


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("project_id", "another-project"),
        ("template_version", "2"),
        ("input:evaluator_name", "B3"),
        ("digest", None),
    ],
)
def test_altered_identification(filled: Path, key: str, value: str | None) -> None:
    _edit(filled, ID_SHEET, _set_identity(key, value))
    assert _refused(filled) == [
        "識別情報（非表示のシート）が書き換えられているため、どの事業の評価か確かめられません。"
    ]


def test_removed_identification_or_a_workbook_that_is_not_a_form(filled: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(filled)
    del wb[ID_SHEET]
    wb.save(filled)
    (problem,) = _refused(filled)
    assert problem.startswith("協働デスクが書き出した評価シートではありません（識別情報がありません）。")
    other = tmp_path / "list.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["団体名", "評価"])
    wb.active.append(["みどりの会", 5])
    wb.create_sheet(ID_SHEET).append(["marker", "something else"])
    wb.save(other)
    _refused(other, "協働デスクが書き出した評価シートではありません")


def test_hostile_files_are_refused_by_the_import_guards(filled: Path, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xlsx"
    shutil.copy(filled, bomb)
    with zipfile.ZipFile(bomb, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/zeros.bin", b"\0" * (5 * 1024 * 1024))
    assert _refused(bomb, "xl/media/zeros.bin", "圧縮率")[0].startswith("bomb.xlsx の中の")

    laughs = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(filled) as source, zipfile.ZipFile(laughs, "w") as target:
        for info in source.infolist():
            data = BILLION_LAUGHS if info.filename == "xl/worksheets/sheet2.xml" else source.read(info)
            target.writestr(info, data)
    _refused(laughs, "エンティティ")

    text = tmp_path / "text.xlsx"
    text.write_text("団体名,評価\nみどりの会,5\n", encoding="utf-8")
    _refused(text, "text.xlsx はExcelファイル（.xlsx）ではありません")
    csv = tmp_path / "returned.csv"
    shutil.copy(filled, csv)
    _refused(csv, "returned.csv はExcelファイル（.xlsx）ではありません")
    _refused(tmp_path, "フォルダです")
    _refused(tmp_path / "none.xlsx", "開けません")


def test_a_sheet_with_too_many_rows(filled: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evaluation_form_read, "MAX_FORM_ROWS", 20)
    _refused(filled, "行が多すぎます（20 行まで）")


def test_a_refusal_is_a_known_error_with_every_line() -> None:
    refused = FormRefused(["B12: 一つ目", "B13: 二つ目"], "returned.xlsx")
    description = describe_error(refused)
    assert description.is_known
    assert description.message == "returned.xlsx は評価シートとして取り込めません。\nB12: 一つ目\nB13: 二つ目"
