"""The partner's evaluation form (評価シート) as an Excel workbook to fill in and send back.

The workbook has three sheets: 「記入のしかた」 (what to fill, how to choose the scores, not to
change the other cells, how to return it), 「評価シート」 (the project summary, the targets with
a 実績 column, the items in their groups with a score drop-down and a comment each, the 総合評価
when the template has one, the overall comment, the evaluator's name and the date) and a "very
hidden" identification sheet (see :mod:`kyodo_desktop.services.evaluation_form_layout`).

Only the input cells (light yellow) are unlocked; both visible sheets are protected without a
password (a guard against accidents, not security — the digests find edits) and so is the
workbook's structure. Rows may still be resized, so a long comment can be shown in full.
A level score is chosen from a list of ``"5 想定をはるかに上回った"`` entries (the number and its
words, what a partner understands and what reads back unambiguously); a points score is a whole
number 0..maximum (data validation). Print setup is that of every printed sheet
(:mod:`kyodo_desktop.services.sheets`): A4 portrait, fit to width, the 年度 in the page header.

:func:`write_partner_form` writes the file; the caller stores ``form_id`` to know the form again
when :func:`kyodo_desktop.services.evaluation_form_read.read_partner_form` reads it back.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from kyodo_desktop.domain.cell_text import cell_copy
from kyodo_desktop.domain.evaluation import Template, TemplateItem
from kyodo_desktop.domain.evaluation_terms import GRADE_LABELS, Phase, ScaleKind
from kyodo_desktop.domain.wareki import fiscal_year_label, to_wareki
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services import sheets
from kyodo_desktop.services.evaluation_form_cells import INPUT_FILL, FormSheet, FormStyles
from kyodo_desktop.services.evaluation_form_layout import (
    FORM_SHEET,
    FORMAT_VERSION,
    GUIDE_SHEET,
    ID_SHEET,
    LAST_COLUMN,
    MARKER,
    PARTNER_SIDES,
    digests_by_area,
    identity_digest,
    score_choices,
    score_hint,
)
from kyodo_desktop.services.project_records import ProjectRecord

__all__ = ["FORM_WIDTHS", "INPUT_FILL", "write_partner_form", "write_partner_form_to"]

#: 評価シート's columns: label / No., item text, score, comment (portrait A4 at full size).
FORM_WIDTHS: tuple[float, ...] = (14, 36, 26, 30)
# Excel refuses a list validation whose formula is longer than this.
_LIST_LIMIT = 255
#: 記入日 shows a typed date in 和暦 (令和7年3月31日), as Japanese Excel's own format does.
_WAREKI_DATE = '[$-411]ggge"年"m"月"d"日"'
_COMMENT_LINES = 3  # room for a short comment beside each item
_OVERALL_LINES = 6


@dataclasses.dataclass(frozen=True, slots=True)
class _Request:
    """What one form is written for (the arguments of :func:`write_partner_form`)."""

    project: ProjectRecord
    template: Template
    template_id: str
    side: str
    fiscal_year: int
    phase: str
    form_id: str
    organization_name: str


def _partner_names(req: _Request) -> str:
    if req.organization_name.strip():
        return req.organization_name.strip()
    return "、".join(p.name for p in req.project.partners)


def _period(rec: ProjectRecord) -> str:
    start, end = rec.data.period_start, rec.data.period_end
    if not start and not end:
        return ""
    return f"{to_wareki(start) if start else ''}〜{to_wareki(end) if end else ''}"


def _target_text(rec: ProjectRecord, n: int) -> str:
    t = rec.data.targets[n]
    due = f"（{to_wareki(t.due_on)}まで）" if t.due_on else ""
    return "：".join(part for part in (t.what, t.amount) if part) + due


def _summary(s: FormSheet, req: _Request) -> None:
    d = req.project.data
    s.begin("表題")
    s.text(
        1, f"協働事業評価シート（{req.side}記入用）", last=s.last, font=s.styles.title, align=s.styles.center
    )
    s.next(2)
    s.text(1, req.template.name, last=s.last, align=s.styles.center)
    s.next()
    s.row += 1
    s.begin("事業の概要")
    s.text(1, "事業の概要", last=s.last, heading=True)
    s.next()
    rows = (
        ("事業名", d.title),
        ("年度", fiscal_year_label(req.fiscal_year)),
        ("評価の時期", f"{req.phase}評価"),
        ("担当課", d.section),
        ("団体名", _partner_names(req)),
        ("事業期間", _period(req.project)),
        ("評価者区分", req.side),
    )
    value_width = sum(FORM_WIDTHS[1:])
    for label, value in rows:
        s.text(1, label, bold=True)
        s.text(2, value, last=s.last)
        s.next(s.lines((value, value_width)))
    s.row += 1
    s.begin("目標と実績")
    s.text(1, "目標と実績", last=s.last, heading=True)
    s.next()
    s.text(1, "No.", heading=True)
    s.text(2, "目標（何を・どれだけ・いつまでに）", heading=True)
    s.text(3, "実績（ご記入ください）", last=s.last, heading=True)
    s.next()
    if not d.targets:
        s.text(1, "（目標は登録されていません）", last=s.last)
        s.next()
    for n in range(len(d.targets)):
        text = _target_text(req.project, n)
        s.number(1, n + 1)
        s.text(2, text)
        s.field(3, f"target:{n}", last=s.last)
        s.next(max(2, s.lines((text, FORM_WIDTHS[1]))))
    s.row += 1


def _score_validation(ws: Any, template: Template, item: TemplateItem, made: dict[str, Any]) -> Any:
    """The data validation of ``item``'s score cell: one per distinct list (or range) in ``made``."""
    from openpyxl.worksheet.datavalidation import DataValidation

    hint = score_hint(template, item)
    if template.scale.kind is ScaleKind.POINTS:
        maximum = template.item_maximum(item)
        key = f"whole:{maximum}"
        dv = DataValidation(
            type="whole", operator="between", formula1="0", formula2=str(maximum), allow_blank=True
        )
    else:
        choices = score_choices(template, item)
        formula = '"' + ",".join(choices) + '"'
        if len(formula) > _LIST_LIMIT:  # too long for Excel: the numbers only (the reader takes both)
            formula = '"' + ",".join(str(value) for value, _ in template.item_labels(item)) + '"'
        key = formula
        dv = DataValidation(type="list", formula1=formula, allow_blank=True)
    if key not in made:
        made[key] = dv
        dv.showErrorMessage = True
        dv.errorStyle = "stop"
        dv.errorTitle = "評価の入力"
        dv.error = f"評価は{hint}で入力してください。"
        dv.showInputMessage = True
        dv.promptTitle = "評価"
        dv.prompt = hint
        ws.add_data_validation(dv)
    return made[key]


def _legend(template: Template) -> str:
    if template.scale.kind is ScaleKind.POINTS:
        return f"各項目を0〜{template.scale.maximum}点の整数で採点してください（満点の異なる項目は項目名に示します）。"
    words = "　".join(f"{value} {word}" for value, word in template.scale.levels)
    own = "（項目によって言葉が異なります）" if any(item.level_labels for item in template.items) else ""
    return f"評価欄の▼から選んでください。{words}{own}"


def _items(s: FormSheet, req: _Request) -> None:
    template = req.template
    made: dict[str, Any] = {}
    s.begin("評価のしかた")
    legend = _legend(template)
    s.text(1, legend, last=s.last)
    s.next(s.lines((legend, sum(FORM_WIDTHS))))
    s.row += 1
    number = 0
    for group in template.groups:
        s.begin(f"評価項目（{group}）")
        s.text(1, group, last=s.last, heading=True)
        s.next()
        for column, header in enumerate(("No.", "評価項目", "評価", "コメント"), 1):
            s.text(column, header, heading=True)
        s.next()
        for item in (i for i in template.items if i.group == group):
            number += 1
            text = item.text
            if template.scale.kind is ScaleKind.POINTS:
                text += f"（{template.item_maximum(item)}点）"
            s.number(1, number)
            s.text(2, text)
            cell = s.field(3, f"score:{item.key}", number_format="General")
            _score_validation(s.ws, template, item, made).add(cell.coordinate)
            s.field(4, f"comment:{item.key}")
            s.next(max(_COMMENT_LINES, s.lines((text, FORM_WIDTHS[1]))))
        s.row += 1


def _closing(s: FormSheet, req: _Request) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    template = req.template
    s.begin("総合評価")
    s.text(1, "総合評価" if template.overall_choices else "総合的なコメント", last=s.last, heading=True)
    s.next()
    if template.overall_choices:
        s.text(1, "総合評価", bold=True)
        cell = s.field(2, "overall_grade", last=s.last, number_format="General")
        dv = DataValidation(
            type="list", formula1='"' + ",".join(template.overall_choices) + '"', allow_blank=True
        )
        dv.showErrorMessage = True
        dv.errorTitle = "総合評価の入力"
        dv.error = "総合評価は一覧から選んでください。"
        s.ws.add_data_validation(dv)
        dv.add(cell.coordinate)
        s.next()
        meaning = "　".join(f"{g}：{GRADE_LABELS[g]}" for g in template.overall_choices if g in GRADE_LABELS)
        if meaning:
            s.text(1, meaning, last=s.last)
            s.next(s.lines((meaning, sum(FORM_WIDTHS))))
    s.text(1, "総合的なコメント", bold=True)
    s.field(2, "overall_comment", last=s.last)
    s.next(_OVERALL_LINES)
    s.row += 1
    s.begin("記入者")
    s.text(1, "記入者", last=s.last, heading=True)
    s.next()
    s.text(1, "記入者名", bold=True)
    s.field(2, "evaluator_name", last=s.last)
    s.next()
    s.text(1, "記入日", bold=True)
    s.field(2, "evaluated_on", last=s.last, number_format=_WAREKI_DATE)
    s.next()
    s.text(1, "記入日は 令和7年3月31日 や 2025/3/31 のように入力してください。", last=s.last)
    s.next()
    s.end()


def _guide(s: FormSheet, req: _Request) -> None:
    template = req.template
    section = req.project.data.section or "担当課"
    if template.scale.kind is ScaleKind.POINTS:
        how = "「評価」欄には点数（0〜満点の整数）を入力してください。範囲外の数や小数は入力できません。"
    else:
        example = score_choices(template, template.items[0])[0]
        how = (
            "「評価」欄のセルを選ぶと右に▼が出ます。▼を押し、一覧から当てはまるもの"
            f"（例：「{example}」）を選んでください。一覧にない値は入力できません。"
        )
    lines = [
        f"この評価シートは「{req.project.data.title}」の{fiscal_year_label(req.fiscal_year)}"
        f"{req.phase}評価のためのものです。{req.side}の立場から評価し、記入してください。",
        "1. 記入するのは「評価シート」の黄色のセルだけです：目標ごとの実績、各評価項目の評価とコメント、"
        + ("総合評価、" if template.overall_choices else "")
        + "総合的なコメント、記入者名、記入日。",
        f"2. {how}",
        "3. コメントは自由に記入してください。文字が隠れるときは、行の境目をドラッグして行を高くできます。",
        "4. 黄色以外のセルは書き換えないでください。シートの保護を解除したり、行・列・シートを追加・削除したりしないでください。"
        "書き換えられた評価シートは取り込めません。",
        "5. 記入者名は必ず入力してください。記入日は 令和7年3月31日 や 2025/3/31 のように入力します。",
        f"6. 記入が終わったら、Excelブック（.xlsx）のまま上書き保存し、このファイルを{section}へ返送してください"
        "（ファイル名は変えてもかまいません）。",
    ]
    s.begin(GUIDE_SHEET)
    s.text(1, GUIDE_SHEET, last=s.last, font=s.styles.title, align=s.styles.wrap)
    s.next(2)
    for line in lines:
        s.text(1, line, last=s.last)
        s.next(s.lines((line, sum(FORM_WIDTHS))))
    s.end()


def _protect(ws: Any) -> None:
    ws.protection.sheet = True
    # Resizing rows is allowed (False = not protected), so a long comment can be shown in full.
    ws.protection.formatRows = False
    ws.protection.formatColumns = False


def _identity(wb: Any, req: _Request, parts: Sequence[FormSheet]) -> None:
    ws = wb.create_sheet(ID_SHEET)
    ws.sheet_state = "veryHidden"
    t = req.template
    rows: list[tuple[str, str]] = [
        ("marker", MARKER),
        ("format_version", FORMAT_VERSION),
        ("form_id", req.form_id),
        ("project_id", req.project.id),
        ("template_id", req.template_id),
        ("template_key", t.key),
        ("template_version", str(t.version)),
        ("side", req.side),
        ("fiscal_year", str(req.fiscal_year)),
        ("phase", req.phase),
    ]
    form = next(p for p in parts if p.ws.title == FORM_SHEET)
    rows += [(f"input:{name}", address) for name, address in form.inputs.items()]
    areas = [area for part in parts for area in part.areas]
    rows += [(f"area:{area.name}", area.spec) for area in areas]
    inputs = {(p.ws.title, *_row_column(address)) for p in parts for address in p.inputs.values()}
    cells = {p.ws.title: [(r, c, text) for (r, c), text in p.texts.items()] for p in parts}
    rows += [(f"digest:{name}", digest) for name, digest in digests_by_area(areas, cells, inputs).items()]
    rows.append(("digest", identity_digest(rows)))
    for key, value in rows:
        ws.append([key, value])
    ws.protection.sheet = True


def _row_column(address: str) -> tuple[int, int]:
    from openpyxl.utils.cell import coordinate_to_tuple

    row, column = coordinate_to_tuple(address)
    return row, column


def _check(req: _Request) -> None:
    if req.side not in PARTNER_SIDES:
        raise KnownError(f"評価シートは団体か第三者に渡すものです（{req.side}は選べません）。")
    if req.phase not in {p.value for p in Phase}:
        raise KnownError(f"評価の時期は中間か最終です: {req.phase}")
    if not req.template.items:
        raise KnownError("評価項目のない様式では評価シートを作れません。")
    # the caller's mistakes, not the officer's: the reader could not know such a form again
    uuid.UUID(req.form_id)
    if not req.template_id or not req.project.id:
        raise ValueError("a form needs the template's and the project's ids")


def write_partner_form_to(
    fh: IO[bytes],
    *,
    project: ProjectRecord,
    template: Template,
    template_id: str,
    side: str,
    fiscal_year: int,
    phase: str,
    form_id: str,
    organization_name: str = "",
) -> None:
    """Write the form workbook to ``fh`` (see :func:`write_partner_form`)."""
    from openpyxl import Workbook
    from openpyxl.workbook.protection import WorkbookProtection

    req = _Request(project, template, template_id, side, fiscal_year, phase, form_id, organization_name)
    _check(req)
    wb = Workbook()
    sheets.use_default_font(wb)
    wb.remove(wb.active)
    styles = FormStyles()
    year = fiscal_year_label(fiscal_year)
    parts: list[FormSheet] = []
    for title, widths in ((GUIDE_SHEET, FORM_WIDTHS), (FORM_SHEET, FORM_WIDTHS)):
        ws = wb.create_sheet(title)
        sheets.set_widths(ws, widths)
        ws.freeze_panes = None  # a form: nothing to keep in view
        sheets.set_print_setup(ws, widths, f"{title}（{cell_copy(project.data.title)}）", dated=year)
        parts.append(FormSheet(ws, styles, widths))
    guide, form = parts
    _guide(guide, req)
    _summary(form, req)
    _items(form, req)
    _closing(form, req)
    assert form.last == LAST_COLUMN
    for part in parts:
        _protect(part.ws)
    _identity(wb, req, parts)
    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)
    sheets.save_workbook(wb, fh)


def write_partner_form(
    path: Path,
    *,
    project: ProjectRecord,
    template: Template,
    template_id: str,
    side: str,
    fiscal_year: int,
    phase: str,
    form_id: str,
    organization_name: str = "",
) -> None:
    """Write the partner's form for ``project`` to ``path`` (.xlsx, atomically).

    ``template_id`` is the stored template's id (kept in the form with the template's key and
    version); ``side`` is 団体 or 第三者, ``phase`` 中間 or 最終; ``form_id`` is a new uuid the
    caller stores to recognise the returned form. ``organization_name`` is shown as 団体名
    (default: the project's partners). Raises :class:`KnownError` for a side, phase or template
    a form cannot be made for, or when the file cannot be written; ValueError when ``form_id``
    is not a uuid or an id is empty (the reader could not know the form again).
    """
    from kyodo_desktop.services.export_xlsx import write_xlsx_atomically

    write_xlsx_atomically(
        Path(path),
        lambda fh: write_partner_form_to(
            fh,
            project=project,
            template=template,
            template_id=template_id,
            side=side,
            fiscal_year=fiscal_year,
            phase=phase,
            form_id=form_id,
            organization_name=organization_name,
        ),
        place="書き出し先",
        failure="評価シートを書き出せません",
        retry="もう一度書き出してください",
    )
