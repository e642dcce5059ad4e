"""The partner's evaluation form: what it shows, how it is protected and printed, the round trip."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from kyodo_desktop.domain.evaluation import ItemScore, Template
from kyodo_desktop.domain.evaluation_templates import (
    BUILTIN_TEMPLATES,
    POINTS_FIVE,
    URAYASU_THREE,
    WEIGHTED_POINTS,
)
from kyodo_desktop.domain.evaluation_terms import ScaleKind
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services.evaluation_form import INPUT_FILL, write_partner_form
from kyodo_desktop.services.evaluation_form_layout import (
    FORM_SHEET,
    GUIDE_SHEET,
    ID_SHEET,
    MARKER,
    score_choices,
)
from kyodo_desktop.services.evaluation_form_read import read_partner_form

from ..evaluation_forms import PROJECT_ID, TEMPLATES, TITLE, export, fill, item_row, project, template_id
from ..project_data import FORMULA_TITLE


def _answers(template: Template) -> tuple[dict[str, object], list[int]]:
    """What a partner picks for each item (the drop-down entry, or points) and the scores meant."""
    picked: dict[str, object] = {}
    meant: list[int] = []
    for n, item in enumerate(template.items):
        if template.scale.kind is ScaleKind.POINTS:
            value = (n * 3) % (template.item_maximum(item) + 1)
            picked[item.key] = value
        else:
            labels = template.item_labels(item)
            value, _ = labels[n % len(labels)]
            picked[item.key] = score_choices(template, item)[n % len(labels)]
        meant.append(value)
    return picked, meant


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda t: t.key)
def test_round_trip_of_each_builtin_template(tmp_path: Path, template: Template) -> None:
    path = tmp_path / "form.xlsx"
    form_id = export(path, template)
    picked, meant = _answers(template)
    comments = {item.key: f"{item.key}について：よく話し合えた" for item in template.items[::2]}
    grade = template.overall_choices[1] if template.overall_choices else None
    fill(
        path,
        template,
        scores=picked,
        comments=comments,
        results=["12か所", "延べ180人"],
        grade=grade,
        overall="全体として順調でした。\n来年度も続けたい。",
    )
    result = read_partner_form(path, lookup=TEMPLATES.get)
    assert result.form_id == form_id
    assert result.project_id == PROJECT_ID
    assert (result.template_id, result.template_key, result.template_version) == (
        template_id(template),
        template.key,
        template.version,
    )
    assert (result.side, result.fiscal_year, result.phase) == ("団体", 2024, "最終")
    assert result.evaluator_name == "佐藤 花子"
    assert result.evaluated_on == date(2025, 3, 10)
    assert result.scores == tuple(
        ItemScore(item.key, value, comments.get(item.key, ""))
        for item, value in zip(template.items, meant, strict=True)
    )
    assert result.overall_comment == "全体として順調でした。\n来年度も続けたい。"
    assert result.overall_grade == (grade or "")
    assert result.target_results == {0: "12か所", 1: "延べ180人"}


def test_blank_scores_are_unanswered_and_numbers_stand_for_their_entry(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    export(path, POINTS_FIVE, side="第三者")
    # a bare number, a full-width digit and a float a spreadsheet wrote: all the same score
    fill(path, POINTS_FIVE, scores={"p1": 5, "p2": "４", "p3": 3.0}, on=datetime(2025, 3, 31))
    result = read_partner_form(path, lookup=TEMPLATES.get)
    assert [s.score for s in result.scores[:4]] == [5, 4, 3, None]
    assert result.side == "第三者"
    assert result.evaluated_on == date(2025, 3, 31)
    assert result.target_results == {0: "", 1: ""}
    assert result.overall_grade == ""


def test_a_project_without_targets(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    export(path, URAYASU_THREE, rec=project(targets=0))
    fill(path, URAYASU_THREE, scores={"u1": "3 的確であった"}, on="2025/3/31")
    result = read_partner_form(path, lookup=TEMPLATES.get)
    assert result.target_results == {}
    assert result.scores[0] == ItemScore("u1", 3, "")
    texts = [c.value for row in openpyxl.load_workbook(path)[FORM_SHEET].iter_rows() for c in row]
    assert "（目標は登録されていません）" in texts


def test_the_summary_shows_the_project(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    export(path, POINTS_FIVE, organization_name="NPO法人みどりの会")
    ws = openpyxl.load_workbook(path)[FORM_SHEET]
    fields = {
        ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(1, ws.max_row + 1)
    }
    assert fields["事業名"] == TITLE
    assert fields["年度"] == "令和6年度"
    assert fields["評価の時期"] == "最終評価"
    assert fields["担当課"] == "市民協働課"
    assert fields["団体名"] == "NPO法人みどりの会"
    assert fields["事業期間"] == "令和6年4月1日〜令和7年3月31日"
    assert fields["評価者区分"] == "団体"
    assert ws.cell(row=1, column=1).value == "協働事業評価シート（団体記入用）"
    assert ws.cell(row=item_row(ws, "花壇の数"), column=2).value == "花壇の数：10か所（令和7年3月31日まで）"
    assert ws.cell(row=item_row(ws, "参加者数"), column=2).value == "参加者数：延べ200人"
    # without a name given, the project's partners are shown
    export(path, POINTS_FIVE)
    ws = openpyxl.load_workbook(path)[FORM_SHEET]
    names = [
        ws.cell(row=r, column=2).value
        for r in range(1, ws.max_row + 1)
        if ws.cell(row=r, column=1).value == "団体名"
    ]
    assert names == ["みどりの会"]


def test_the_guide_says_what_to_fill_and_how_to_return_it(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    export(path, WEIGHTED_POINTS)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:2] == [GUIDE_SHEET, FORM_SHEET]
    assert wb.active.title == GUIDE_SHEET
    text = "\n".join(str(c.value) for row in wb[GUIDE_SHEET].iter_rows() for c in row if c.value)
    for words in (
        "黄色のセル",
        "点数（0〜満点の整数）",
        "書き換えないで",
        "記入者名は必ず",
        "市民協働課へ返送",
    ):
        assert words in text
    export(path, POINTS_FIVE)
    text = "\n".join(
        str(c.value) for row in openpyxl.load_workbook(path)[GUIDE_SHEET].iter_rows() for c in row if c.value
    )
    assert "「5 想定をはるかに上回った」" in text
    export(path, URAYASU_THREE)
    text = "\n".join(
        str(c.value) for row in openpyxl.load_workbook(path)[GUIDE_SHEET].iter_rows() for c in row if c.value
    )
    assert "「3 的確であった」" in text and "想定" not in text


def _input_addresses(wb: openpyxl.Workbook) -> set[str]:
    return {str(v) for k, v in wb[ID_SHEET].iter_rows(values_only=True) if str(k).startswith("input:")}


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda t: t.key)
def test_only_the_inputs_are_unlocked_and_the_sheets_are_protected(
    tmp_path: Path, template: Template
) -> None:
    path = tmp_path / "form.xlsx"
    export(path, template)
    wb = openpyxl.load_workbook(path)
    inputs = _input_addresses(wb)
    expected = 2 * len(template.items) + 2 + 3 + (1 if template.overall_choices else 0)
    assert len(inputs) == expected
    ws = wb[FORM_SHEET]
    for row in ws.iter_rows():
        for cell in row:
            if cell.coordinate in inputs:
                assert cell.protection.locked is False
                assert cell.fill.start_color.rgb == INPUT_FILL
            elif cell.value is not None:
                assert cell.protection.locked is not False, cell.coordinate
    for title in (GUIDE_SHEET, FORM_SHEET, ID_SHEET):
        assert wb[title].protection.sheet is True
    assert all(c.protection.locked is not False for row in wb[GUIDE_SHEET].iter_rows() for c in row)
    assert wb[ID_SHEET].sheet_state == "veryHidden"
    assert wb[ID_SHEET]["A1"].value == "marker" and wb[ID_SHEET]["B1"].value == MARKER
    assert wb.security is not None and wb.security.lockStructure


@pytest.mark.parametrize("template", BUILTIN_TEMPLATES, ids=lambda t: t.key)
def test_every_score_has_its_drop_down(tmp_path: Path, template: Template) -> None:
    path = tmp_path / "form.xlsx"
    export(path, template)
    ws = openpyxl.load_workbook(path)[FORM_SHEET]
    validations = ws.data_validations.dataValidation
    for item in template.items:
        address = f"C{item_row(ws, item.text)}"
        (dv,) = [dv for dv in validations if address in dv.sqref]
        assert dv.showErrorMessage and dv.errorStyle in (None, "stop")
        if template.scale.kind is ScaleKind.POINTS:
            assert (dv.type, dv.operator, dv.formula1, dv.formula2) == (
                "whole",
                "between",
                "0",
                str(template.item_maximum(item)),
            )
        else:
            assert dv.type == "list"
            assert dv.formula1 == '"' + ",".join(score_choices(template, item)) + '"'
    grade = [dv for dv in validations if dv.formula1 == '"優良,良好,改善が必要"']
    assert len(grade) == (1 if template.overall_choices else 0)


def test_the_words_of_each_item_are_in_its_list() -> None:
    first = URAYASU_THREE.items[0]
    assert score_choices(URAYASU_THREE, first) == (
        "3 的確であった",
        "2 概ね的確であった",
        "1 あまり的確ではなかった",
    )
    assert score_choices(POINTS_FIVE, POINTS_FIVE.items[0])[0] == "5 想定をはるかに上回った"
    assert score_choices(WEIGHTED_POINTS, WEIGHTED_POINTS.items[0]) == ()


def test_print_setup(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    export(path, POINTS_FIVE)
    wb = openpyxl.load_workbook(path)
    for title in (GUIDE_SHEET, FORM_SHEET):
        ws = wb[title]
        assert ws.page_setup.paperSize == 9
        assert ws.page_setup.orientation == "portrait"
        assert ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        assert ws.print_title_rows == "$1:$1"
        assert ws.oddHeader.right.text == "令和6年度"
        assert TITLE in ws.oddHeader.left.text
        assert ws.oddFooter.center.text == "&P / &N ページ"
    assert wb._fonts[0].name == "Yu Gothic"


def test_a_title_excel_would_take_for_a_formula_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    export(path, POINTS_FIVE, rec=project(title=FORMULA_TITLE))
    ws = openpyxl.load_workbook(path)[FORM_SHEET]
    cell = next(
        ws.cell(row=r, column=2)
        for r in range(1, ws.max_row + 1)
        if ws.cell(row=r, column=1).value == "事業名"
    )
    assert cell.data_type == "s" and cell.value == FORMULA_TITLE
    fill(path, POINTS_FIVE, scores={"p1": 5})
    assert read_partner_form(path, lookup=TEMPLATES.get).scores[0].score == 5


def test_a_form_is_for_a_partner_or_a_third_party_only(tmp_path: Path) -> None:
    with pytest.raises(KnownError, match="団体か第三者"):
        export(tmp_path / "form.xlsx", POINTS_FIVE, side="行政")
    with pytest.raises(KnownError, match="中間か最終"):
        write_partner_form(
            tmp_path / "form.xlsx",
            project=project(),
            template=POINTS_FIVE,
            template_id="t",
            side="団体",
            fiscal_year=2024,
            phase="期末",
            form_id="x",
        )
    with pytest.raises(ValueError):
        write_partner_form(
            tmp_path / "form.xlsx",
            project=project(),
            template=POINTS_FIVE,
            template_id="t",
            side="団体",
            fiscal_year=2024,
            phase="最終",
            form_id="not-a-uuid",
        )
    assert not (tmp_path / "form.xlsx").exists()


def test_a_copied_template_with_its_own_maximum_and_long_words(tmp_path: Path) -> None:
    """An item's own maximum is its range; words too long for Excel's list leave the numbers."""
    from kyodo_desktop.domain.evaluation import Scale, TemplateItem

    points = Template(
        "own-points",
        "独自の点数",
        Scale.points(10),
        (TemplateItem("a", "企画", "企画力"), TemplateItem("b", "成果", "成果の大きさ", maximum=20)),
    )
    long_words = Template(
        "own-three",
        "独自の3段階",
        Scale.three(["とても" * 90 + "よかった", "ふつう", "よくなかった"]),
        (TemplateItem("a", "全体", "全体の印象"),),
    )
    lookup = {"tpl-own-points": points, "tpl-own-three": long_words}.get
    path = tmp_path / "form.xlsx"
    export(path, points)
    ws = openpyxl.load_workbook(path)[FORM_SHEET]
    address = f"C{item_row(ws, '成果の大きさ')}"
    (dv,) = [dv for dv in ws.data_validations.dataValidation if address in dv.sqref]
    assert (dv.formula1, dv.formula2) == ("0", "20")
    fill(path, points, scores={"a": 10, "b": 15})
    assert [s.score for s in read_partner_form(path, lookup=lookup).scores] == [10, 15]
    export(path, long_words)
    ws = openpyxl.load_workbook(path)[FORM_SHEET]
    (dv,) = ws.data_validations.dataValidation
    assert dv.formula1 == '"3,2,1"'
    fill(path, long_words, scores={"a": "2"})
    assert read_partner_form(path, lookup=lookup).scores[0].score == 2
    text = "\n".join(
        str(c.value) for row in openpyxl.load_workbook(path)[GUIDE_SHEET].iter_rows() for c in row if c.value
    )
    assert "「3 とても" in text
