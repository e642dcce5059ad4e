"""Reading a returned partner's evaluation form back, with every check, into a plain result.

:func:`read_partner_form` opens the file through the import pipeline's hostile-file guards (a
regular file, an .xlsx, the zip size and compression limits, no DTD in any part, defusedxml,
the row limit: :func:`kyodo_desktop.services.import_pipeline.check_source_file` and
:func:`kyodo_desktop.services.import_lists.xlsx.open_workbook`) and then checks, collecting one
Japanese line per problem (with the cell where one helps):

* it is one of our forms: the identification sheet is there, complete, well-formed and
  unedited (its own digest);
* the template: the caller's lookup knows the form's template id, with the same key and version,
  and the form asks exactly the template's items;
* nothing but the input cells was edited: each area's digest is computed again and an area that
  differs is named (「評価シート」A5:D12（事業の概要）), as are cells written outside every area;
* every score is one of the drop-down entries or a whole number the item allows (a value typed
  past the drop-down, text, 7, 2.5 are refused); a 総合評価 is one of the template's choices;
* the evaluator's name is given; the date parses through the house's date parser.

Any problem raises :class:`FormRefused` with all the lines; nothing is returned. The caller
then checks against the data file what only it knows — that ``project_id`` is the project the
form was made for (and ``form_id`` one it issued) and that the form was not imported before —
and stores the result.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path

from kyodo_desktop.domain.evaluation import ItemScore, Template, TemplateItem, validate_scores
from kyodo_desktop.domain.evaluation_terms import Phase, ScaleKind
from kyodo_desktop.domain.importing import ImportFileError, SourceFormat, format_of_suffix
from kyodo_desktop.domain.validation import ValidationError, parse_date
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services.evaluation_form_layout import (
    FORM_SHEET,
    FORMAT_VERSION,
    GUIDE_SHEET,
    ID_SHEET,
    IDENTITY_KEYS,
    MARKER,
    PARTNER_SIDES,
    Area,
    digests_by_area,
    identity_digest,
    outside_area,
    score_choices,
    score_hint,
)
from kyodo_desktop.services.import_lists import limits

__all__ = ["MAX_FORM_ROWS", "FormRefused", "PartnerFormResult", "TemplateLookup", "read_partner_form"]

#: ``lookup(template_id)``: the template stored under that id as it is now, or None.
TemplateLookup = Callable[[str], Template | None]
#: A form has a few hundred rows at most; a sheet with more is not one we wrote.
MAX_FORM_ROWS = 5000
_MAX_OUTSIDE_SHOWN = 5
_NOT_OURS = (
    "協働デスクが書き出した評価シートではありません（識別情報がありません）。"
    "「評価シートを書き出す」で作ったファイルを記入してもらってください。"
)
_WHOLE = re.compile(r"[0-9]+")


class FormRefused(KnownError):
    """A returned form that cannot be taken; ``problems`` holds one Japanese line per problem.

    ``identity`` is the form's identification (``project_id``, ``form_id`` …) when it could be
    trusted before the other problems were found, so the caller can add what the data file
    says to the same refusal; None otherwise.
    """

    def __init__(
        self, problems: Sequence[str], name: str = "", *, identity: Mapping[str, str] | None = None
    ) -> None:
        self.problems = list(problems)
        self.identity = dict(identity) if identity is not None else None
        head = f"{name} は評価シートとして取り込めません。" if name else "評価シートとして取り込めません。"
        super().__init__("\n".join([head, *self.problems]))


@dataclasses.dataclass(frozen=True)
class PartnerFormResult:
    """What a checked form says: who, for what, the scores with comments and the results.

    ``scores`` has one :class:`ItemScore` per template item in the template's order (score
    ``None`` where left blank); ``target_results`` maps a target's position in the project's
    targets (from 0, as written) to the 実績 text typed (blank ones included as ``""``).
    """

    form_id: str
    project_id: str
    template_id: str
    template_key: str
    template_version: int
    side: str
    fiscal_year: int
    phase: str
    evaluator_name: str
    evaluated_on: date | None
    scores: tuple[ItemScore, ...]
    overall_comment: str
    overall_grade: str
    target_results: Mapping[int, str]


@dataclasses.dataclass
class _Identity:
    values: dict[str, str]
    inputs: dict[str, str]
    areas: list[Area]
    digests: dict[str, str]


Cells = dict[tuple[int, int], str]


def _bounded(rows: Iterable[tuple[int, list[str]]], name: str) -> Cells:
    cells: Cells = {}
    for number, texts in rows:
        if number > MAX_FORM_ROWS:
            raise FormRefused(
                [f"行が多すぎます（{MAX_FORM_ROWS:,} 行まで）。評価シートではない可能性があります。"], name
            )
        for column, text in enumerate(texts, 1):
            if text != "":
                cells[(number, column)] = text
    return cells


def _read_sheets(path: Path) -> dict[str, Cells]:
    """The non-blank cell texts of the form's sheets, read through the import guards."""
    from kyodo_desktop.services.import_lists.xlsx import open_workbook, sheet_texts
    from kyodo_desktop.services.import_pipeline import check_source_file

    check_source_file(path)
    if format_of_suffix(path) is not SourceFormat.XLSX:
        raise ImportFileError(
            f"{path.name} はExcelファイル（.xlsx）ではありません。評価シートは .xlsx のまま返送してもらってください。"
        )
    with open_workbook(path) as wb:
        wanted = {ws.title: ws for ws in wb.worksheets if ws.title in (ID_SHEET, FORM_SHEET, GUIDE_SHEET)}
        if ID_SHEET not in wanted:
            raise FormRefused([_NOT_OURS], path.name)
        return {title: _bounded(sheet_texts(path, ws), path.name) for title, ws in wanted.items()}


def _identity(cells: Cells, name: str) -> _Identity:
    """The identification sheet's rows, checked (FormRefused when it cannot be trusted)."""
    rows: list[tuple[str, str]] = []
    last_row = max((r for r, _ in cells), default=0)
    for r in range(1, last_row + 1):
        key, value = cells.get((r, 1), ""), cells.get((r, 2), "")
        if key or value:
            rows.append((key, value))
    values = dict(rows[:-1]) if rows else {}
    if values.get("marker") != MARKER:
        raise FormRefused([_NOT_OURS], name)
    if not rows or rows[-1][0] != "digest" or rows[-1][1] != identity_digest(rows[:-1]):
        raise FormRefused(
            ["識別情報（非表示のシート）が書き換えられているため、どの事業の評価か確かめられません。"], name
        )
    problems = [f"識別情報に「{key}」がありません。" for key in IDENTITY_KEYS if not values.get(key)]
    if len(values) != len(rows) - 1:
        problems.append("識別情報に同じ項目が二度あります。")
    if problems:
        raise FormRefused(problems, name)
    if values["format_version"] != FORMAT_VERSION:
        raise FormRefused(
            [
                f"この評価シートの形式（第{values['format_version']}版）は読めません。新しい協働デスクで作られた可能性があります。"
            ],
            name,
        )
    inputs = {k.removeprefix("input:"): v for k, v in values.items() if k.startswith("input:")}
    digests = {k.removeprefix("digest:"): v for k, v in values.items() if k.startswith("digest:")}
    try:
        areas = [Area.parse(k.removeprefix("area:"), v) for k, v in values.items() if k.startswith("area:")]
        uuid.UUID(values["form_id"])
        int(values["template_version"])
        int(values["fiscal_year"])
        for address in inputs.values():
            _row_column(address)
    except ValueError:
        raise FormRefused(["識別情報の形式が正しくありません。"], name) from None
    if values["side"] not in PARTNER_SIDES:
        problems.append(f"評価者区分が読めません: {values['side']}")
    if values["phase"] not in {p.value for p in Phase}:
        problems.append(f"評価の時期が読めません: {values['phase']}")
    if problems:
        raise FormRefused(problems, name)
    return _Identity(values, inputs, areas, digests)


def _row_column(address: str) -> tuple[int, int]:
    from openpyxl.utils.cell import coordinate_to_tuple

    try:
        row, column = coordinate_to_tuple(address)
    except (ValueError, TypeError, KeyError) as exc:
        raise ValueError(address) from exc
    return row, column


def _template_problems(ident: _Identity, lookup: TemplateLookup) -> tuple[Template | None, list[str]]:
    values = ident.values
    template = lookup(values["template_id"])
    version = int(values["template_version"])
    if template is None:
        return None, [f"この評価シートの様式（{values['template_key']} 第{version}版）は登録されていません。"]
    if template.key != values["template_key"] or template.version != version:
        return None, [
            f"様式の版が違います: この評価シートは「{template.name}」の第{version}版（{values['template_key']}）、"
            f"登録されているのは第{template.version}版（{template.key}）です。新しい評価シートを書き出して記入してもらってください。"
        ]
    asked = {name.removeprefix("score:") for name in ident.inputs if name.startswith("score:")}
    if asked != {item.key for item in template.items}:
        return None, ["評価シートの評価項目が様式と一致しません。"]
    return template, []


def _edit_problems(ident: _Identity, sheets_cells: Mapping[str, Cells]) -> list[str]:
    """One line per area whose fixed text differs from what was written."""
    problems = [
        f"シート「{title}」がありません。" for title in (FORM_SHEET, GUIDE_SHEET) if title not in sheets_cells
    ]
    inputs = {(FORM_SHEET, *_row_column(address)) for address in ident.inputs.values()}
    cells = {
        title: [(r, c, t) for (r, c), t in cs.items()]
        for title, cs in sheets_cells.items()
        if title != ID_SHEET
    }
    found = digests_by_area(ident.areas, cells, inputs)
    by_name = {area.name: area for area in ident.areas}
    for name, expected in ident.digests.items():
        if found.get(name, expected) == expected:
            continue
        area = by_name.get(name)
        if area is not None:
            problems.append(
                f"{area.where}（{name}）が書き換えられています。記入欄（黄色のセル）以外は変えないでください。"
            )
        else:
            sheet = next((t for t in cells if outside_area(t) == name), "")
            problems.append(_outside_problem(ident, sheet, sheets_cells.get(sheet, {}), inputs))
    return problems


def _outside_problem(ident: _Identity, sheet: str, cells: Cells, inputs: set[tuple[str, int, int]]) -> str:
    from openpyxl.utils.cell import get_column_letter

    from kyodo_desktop.services.evaluation_form_layout import area_of

    outside = sorted(
        (r, c)
        for (r, c) in cells
        if (sheet, r, c) not in inputs and area_of(ident.areas, sheet, r, c) == outside_area(sheet)
    )
    shown = "、".join(f"{get_column_letter(c)}{r}" for r, c in outside[:_MAX_OUTSIDE_SHOWN])
    more = " など" if len(outside) > _MAX_OUTSIDE_SHOWN else ""
    return f"「{sheet}」の記入欄以外に書き込みがあります: {shown}{more}"


def _score(template: Template, item: TemplateItem, raw: str) -> int | None:
    """The score ``raw`` stands for; ValueError when it is none the item allows."""
    text = unicodedata.normalize("NFKC", raw).strip()
    if not text:
        return None
    if template.scale.kind is ScaleKind.POINTS:
        allowed = set(range(0, template.item_maximum(item) + 1))
    else:
        labels = template.item_labels(item)
        allowed = {value for value, _ in labels}
        for (value, _), entry in zip(labels, score_choices(template, item), strict=True):
            if text == unicodedata.normalize("NFKC", entry):
                return value
    if _WHOLE.fullmatch(text) and int(text) in allowed:
        return int(text)
    raise ValueError(raw)


def _answers(
    ident: _Identity, template: Template, cells: Cells
) -> tuple[list[str], list[ItemScore], dict[str, str]]:
    """The problems of the input cells, the scores and the other inputs' texts."""
    problems: list[str] = []

    def text(name: str) -> str:
        address = ident.inputs.get(name)
        if address is None:
            return ""
        value = cells.get(_row_column(address), "")
        if len(value) > limits.MAX_CELL_CHARS:
            problems.append(f"{address}: 文字数が多すぎます（{limits.MAX_CELL_CHARS:,} 文字まで）。")
            return ""
        return value

    scores: list[ItemScore] = []
    for item in template.items:
        raw = text(f"score:{item.key}")
        try:
            value = _score(template, item, raw)
        except ValueError:
            address = ident.inputs[f"score:{item.key}"]
            problems.append(
                f"{address}: 「{item.text}」の評価は{score_hint(template, item)}で入力してください: {raw}"
            )
            value = None
        scores.append(ItemScore(item.key, value, text(f"comment:{item.key}").strip()))
    problems += [error.message for error in validate_scores(template, scores)]
    others = {name: text(name) for name in ident.inputs if not name.startswith(("score:", "comment:"))}
    return problems, scores, others


def _closing_problems(
    ident: _Identity, template: Template, others: dict[str, str]
) -> tuple[list[str], date | None]:
    problems: list[str] = []
    where = ident.inputs.get
    if not others.get("evaluator_name", "").strip():
        problems.append(f"{where('evaluator_name', '記入者名')}: 記入者名を入力してください。")
    raw_date = others.get("evaluated_on", "")
    evaluated_on: date | None = None
    try:
        evaluated_on = parse_date(raw_date, "evaluated_on")
    except ValidationError:
        problems.append(
            f"{where('evaluated_on', '記入日')}: 記入日が日付として読めません: {raw_date}（例：令和7年3月31日、2025/3/31）"
        )
    grade = others.get("overall_grade", "").strip()
    if grade and template.overall_choices and grade not in template.overall_choices:
        choices = "・".join(template.overall_choices)
        problems.append(
            f"{where('overall_grade', '総合評価')}: 総合評価は {choices} から選んでください: {grade}"
        )
    return problems, evaluated_on


def read_partner_form(path: Path, *, lookup: TemplateLookup) -> PartnerFormResult:
    """Read and check the returned form at ``path`` (see the module docstring).

    ``lookup(template_id)`` returns the template stored under the form's template id as it is
    now (None when there is none); its key and version must be the form's. Raises
    :class:`FormRefused` with every problem found; a file refused by the guards raises it too,
    with the guard's message as its one line. The caller checks the project and that the form
    was not imported before (``form_id``, ``project_id`` of the result).
    """
    path = Path(path)
    try:
        sheets_cells = _read_sheets(path)
    except ImportFileError as exc:
        raise FormRefused([str(exc)], path.name) from exc
    ident = _identity(sheets_cells[ID_SHEET], path.name)
    template, problems = _template_problems(ident, lookup)
    problems += _edit_problems(ident, sheets_cells)
    if template is None or problems:
        raise FormRefused(problems, path.name, identity=ident.values)
    answer_problems, scores, others = _answers(ident, template, sheets_cells.get(FORM_SHEET, {}))
    closing_problems, evaluated_on = _closing_problems(ident, template, others)
    problems = answer_problems + closing_problems
    if problems:
        raise FormRefused(problems, path.name, identity=ident.values)
    values = ident.values
    targets = {
        int(name.removeprefix("target:")): others[name].strip()
        for name in others
        if name.startswith("target:") and name.removeprefix("target:").isdigit()
    }
    return PartnerFormResult(
        form_id=values["form_id"],
        project_id=values["project_id"],
        template_id=values["template_id"],
        template_key=values["template_key"],
        template_version=int(values["template_version"]),
        side=values["side"],
        fiscal_year=int(values["fiscal_year"]),
        phase=values["phase"],
        evaluator_name=others.get("evaluator_name", "").strip(),
        evaluated_on=evaluated_on,
        scores=tuple(scores),
        overall_comment=others.get("overall_comment", "").strip(),
        overall_grade=others.get("overall_grade", "").strip(),
        target_results=dict(sorted(targets.items())),
    )
