"""The past-project import (補助金・委託契約の一覧): its targets and its row converter.

The second :class:`~kyodo_desktop.domain.import_kind.ImportKind` after the organization import:
one row of a 課's list is one project (事業). The columns' names are those the CLI takes
(``--column 金額=E``, ``--set 形態=委託``) and the government lists' headings are synonyms
(契約金額 / 交付決定額 → 金額, 契約締結日 → 日付, 契約の相手方の商号又は名称及び住所 → 団体名 …).
Each cell goes through :mod:`kyodo_desktop.domain.project_cells` (several 法人番号, 共同提案体
names with addresses, dashes, amounts, 和暦 dates with notes); 年度 comes from the 年度 cell or
else from the 日付. The record is then checked by :func:`~kyodo_desktop.domain.project.validate_project`.

A row whose values fail keeps them out of its ``draft`` (``--drop-invalid`` imports that), each
problem naming its value's field; a missing 事業名, partner or 年度 is no one value's problem.
Partners are matched to the registry by the service, not here. Pure: no file access.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.import_kind import IGNORE, ImportKind, ImportTarget, column_label
from kyodo_desktop.domain.importing import ImportRow, RowProblem
from kyodo_desktop.domain.project import ProjectInput, SelectionInput, validate_project
from kyodo_desktop.domain.project_cells import (
    PartnerCell,
    PartnerCells,
    cell_text,
    parse_amount,
    parse_applicants,
    parse_cell_date,
    partners_from_cells,
)
from kyodo_desktop.domain.project_terms import (
    BudgetSide,
    ProjectForm,
    RelationshipKind,
    SelectionMethod,
    Stage,
)
from kyodo_desktop.domain.text import nfkc, search_fold
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors
from kyodo_desktop.domain.wareki import fiscal_year

__all__ = ["PROJECTS", "PastProjectRow", "parse_fiscal_year", "past_project_row", "title_key"]


def _label(text: str) -> str:
    return QT_TRANSLATE_NOOP("ImportTarget", text)


#: field → (label, header synonyms, header endings). The labels are the names ``--column`` and
#: ``--set`` take.
_TARGETS: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    "title": (
        _label("事業名"),
        ("件名", "契約件名", "契約名", "業務名", "委託業務名", "補助事業名", "事業の名称", "補助事業の名称"),
        ("事業名", "業務名", "件名"),
    ),
    "partner_name": (
        _label("団体名"),
        (
            "名称",
            "法人名",
            "相手方",
            "契約の相手方",
            "契約の相手方の商号又は名称",
            "契約の相手方の商号又は名称及び住所",
            "交付先",
            "交付先名",
            "補助金交付先名",
            "補助事業者名",
            "受託者",
            "委託先",
            "団体等名称",
            "法人等の名称",
        ),
        ("商号又は名称", "商号又は名称及び住所", "名称及び住所", "交付先名", "交付先", "相手方", "委託先"),
    ),
    "corporate_number": (_label("法人番号"), ("法人番号13桁",), ("法人番号",)),
    "address": (_label("住所"), ("所在地", "相手方の住所", "事務所所在地"), ("住所", "所在地")),
    "fiscal_year": (_label("年度"), ("実施年度", "事業年度", "契約年度", "交付年度"), ("年度",)),
    "date": (
        _label("日付"),
        ("契約締結日", "契約日", "交付決定日", "決定日", "交付日", "契約年月日", "交付決定年月日"),
        ("締結日", "決定日", "契約日"),
    ),
    "section": (
        _label("担当課"),
        ("所管課", "担当部署", "所管部署", "担当部局", "部局名", "課名"),
        ("担当課", "所管課"),
    ),
    "relationship_kind": (_label("関係"), ("関係の種類",), ()),
    "form": (_label("形態"), ("協働の形態", "事業形態", "契約の種類", "区分"), ("形態",)),
    "selection_method": (
        _label("選定方法"),
        ("契約方法", "契約の方法", "契約方式", "選定の方法", "入札方法", "一般競争入札・指名競争入札の別"),
        ("選定方法", "契約方法"),
    ),
    "selection_reason": (
        _label("選定理由"),
        ("随意契約によることとした理由", "随意契約の理由", "選定の理由", "理由"),
        ("理由",),
    ),
    "applicant_count": (
        _label("応募者数"),
        ("応募者", "応札者数", "応募数", "入札者数", "参加者数"),
        ("者数",),
    ),
    "amount": (
        _label("金額"),
        (
            "契約金額",
            "交付決定額",
            "補助金額",
            "委託料",
            "補助金交付額",
            "交付額",
            "決定額",
            "予算額",
            "事業費",
        ),
        ("金額", "決定額", "交付額"),
    ),
    "period_start": (_label("期間開始"), ("開始日", "事業開始日", "契約期間開始", "期間の始め"), ("開始日",)),
    "period_end": (
        _label("期間終了"),
        ("終了日", "事業終了日", "契約期間終了", "履行期限", "期間の終わり"),
        ("終了日", "履行期限"),
    ),
    "stage": (_label("段階"), ("状況", "進捗"), ()),
    "notes": (_label("備考"), ("摘要", "メモ", "特記事項"), ()),
}

#: What a value given in a list means in the vocabularies of project_terms.
_FORM_WORDS = {"補助": ProjectForm.SUBSIDY, "補助金": ProjectForm.SUBSIDY, "助成": ProjectForm.SUBSIDY}
_FORM_WORDS |= {
    "助成金": ProjectForm.SUBSIDY,
    "交付金": ProjectForm.SUBSIDY,
    "業務委託": ProjectForm.COMMISSION,
}
_METHOD_WORDS = {
    "随契": SelectionMethod.DISCRETIONARY,
    "特命随意契約": SelectionMethod.DISCRETIONARY,
    "随意契約(企画競争)": SelectionMethod.PROPOSAL,
    "企画競争": SelectionMethod.PROPOSAL,
    "公募": SelectionMethod.PROPOSAL,
    "プロポーザル": SelectionMethod.PROPOSAL,
    "公募型プロポーザル": SelectionMethod.PROPOSAL,
    "一般競争": SelectionMethod.OPEN_TENDER,
    "指名競争入札": SelectionMethod.NOMINATED,
    "指名競争": SelectionMethod.NOMINATED,
}
_VOCABULARIES: dict[str, tuple[tuple[str, ...], Mapping[str, str]]] = {
    "relationship_kind": (tuple(RelationshipKind), {}),
    "form": (tuple(ProjectForm), _FORM_WORDS),
    "selection_method": (tuple(SelectionMethod), _METHOD_WORDS),
    "stage": (tuple(Stage), {}),
}


@dataclasses.dataclass(frozen=True)
class PastProjectRow:
    """One project read from a list: the project (validated, no partners yet), its partners as
    the list names them, its stage ("" when the list gives none) and remarks that do not stop it."""

    project: ProjectInput
    partners: tuple[PartnerCell, ...]
    stage: str = ""
    #: (field, message): a 共同提案体 whose names and numbers could not be paired …
    notices: tuple[tuple[str, str], ...] = ()


_ERA_YEAR = re.compile(r"^(令和|平成|昭和|R|H|S)(元|[0-9]{1,2})(?:年度?)?$")
_YEAR = re.compile(r"^([0-9]{4})(?:年度?)?$")
_ERA_START = {"令和": 2018, "R": 2018, "平成": 1988, "H": 1988, "昭和": 1925, "S": 1925}


def parse_fiscal_year(text: str, field: str = "年度") -> int | None:
    """A 年度 cell: 令和2年度, R2, 令和元年度, 2020年度, 2020, or a date (its 年度); blank gives None."""
    value = cell_text(text)
    if not value:
        return None
    compact = nfkc(value.split("\n")[0]).replace(" ", "").upper()
    match = _ERA_YEAR.match(compact)
    if match:
        return _ERA_START[match[1]] + (1 if match[2] == "元" else int(match[2]))
    match = _YEAR.match(compact)
    if match:
        return int(match[1])
    try:
        found = parse_cell_date(value, field)
    except ValidationError:
        found = None
    if found is None:
        raise ValidationError(field, f"年度として読めません: 「{value}」（例: 令和6年度、2024）")
    return fiscal_year(found)


#: The same 年度 and date texts recur on most rows of a list: each distinct one is parsed once
#: (a failure is not kept, and is raised again for each row that has it).
_fiscal_year = functools.lru_cache(maxsize=4096, typed=True)(parse_fiscal_year)
_cell_date = functools.lru_cache(maxsize=16_384, typed=True)(parse_cell_date)
_amount = functools.lru_cache(maxsize=16_384, typed=True)(parse_amount)


def title_key(title: str) -> str:
    """A 事業名 as compared across files and years: folded, without spaces."""
    return "".join(search_fold(title).split())


def _one_line(text: str) -> str:
    return " ".join(cell_text(text).split())


@functools.lru_cache(maxsize=4096)
def _choice(field: str, text: str) -> str:
    allowed, words = _VOCABULARIES[field]
    value = _one_line(text)
    if not value or value in allowed:
        return value
    compact = nfkc(value).replace(" ", "")
    for word in (compact, compact.replace("(", "（").replace(")", "）")):
        if word in allowed:
            return word
        if word in words:
            return str(words[word])
    shown = "".join(f"「{v}」" for v in allowed)
    raise ValidationError(field, f"{_TARGETS[field][0]}は{shown}のいずれかです: {value}")


#: validate_project's fields → the target a problem is reported on
_VALIDATION_FIELDS = {
    "title": "title",
    "section": "section",
    "notes": "notes",
    "selection": "selection_reason",
    "period_end": "period_end",
    "fiscal_year": "fiscal_year",
    "budget": "amount",
}


class _Values:
    """The parsed values of one row (None / "" for a blank or failed one) and its problems."""

    def __init__(self, cells: Mapping[str, str]) -> None:
        self.cells = cells
        self.values: dict[str, Any] = {}
        self.problems: list[tuple[str, str]] = []  # (field, message); field "" = not one value's

    def parse(self, field: str, parser: Any) -> None:
        try:
            self.values[field] = parser(self.cells.get(field, ""), _TARGETS[field][0])
        except ValidationError as error:
            self.values[field] = None
            self.problems.append((field, error.message))


@functools.lru_cache(maxsize=16_384)
def _partner_cells(numbers: str, names: str) -> tuple[PartnerCells, str]:
    """The partners of a 法人番号 cell and a name cell, and the numbers' problem ("" if none);
    parsed once per pair of texts (a list names the same partners year after year)."""
    try:
        return partners_from_cells(numbers, names), ""
    except ValidationError as error:
        return partners_from_cells("", names), error.message


def _partners(row: _Values) -> tuple[tuple[PartnerCell, ...], list[tuple[str, str]]]:
    """The row's partners (a 共同提案体: several) with the 住所 column given to them."""
    numbers, names = row.cells.get("corporate_number", ""), row.cells.get("partner_name", "")
    notices: list[tuple[str, str]] = []
    found, problem = _partner_cells(numbers, names)
    if problem:
        row.problems.append(("corporate_number", problem))
    if found.warning:
        notices.append(("corporate_number", found.warning))
    partners = list(found.partners)
    addresses = [line for line in cell_text(row.cells.get("address", "")).split("\n") if line]
    if addresses:
        if len(addresses) != len(partners):
            addresses = [" ".join(addresses)] + [""] * (len(partners) - 1)
        partners = [
            dataclasses.replace(p, address=p.address or address)
            for p, address in zip(partners, addresses, strict=False)
        ]
    return tuple(partners), notices


def _build(row: _Values, dropped: set[str]) -> ProjectInput:
    v = {k: (None if k in dropped else value) for k, value in row.values.items()}
    day: date | None = v.get("date")
    start = v.get("period_start") or day  # a contract's date is when its period starts
    fy = v.get("fiscal_year") or (fiscal_year(start) if start else None)
    amount = v.get("amount")
    return ProjectInput(
        title=v.get("title") or "",
        fiscal_year=fy,
        section=v.get("section") or "",
        relationship_kind=v.get("relationship_kind") or "",
        form=v.get("form") or "",
        period_start=start,
        period_end=v.get("period_end"),
        budget={} if amount is None else {BudgetSide.ADMINISTRATION.value: amount},
        selection=SelectionInput(
            method=v.get("selection_method") or "",
            applicant_count=v.get("applicant_count"),
            reason=v.get("selection_reason") or "",
        ),
        notes=v.get("notes") or "",
    )


def _validated(row: _Values, dropped: set[str]) -> tuple[ProjectInput | None, list[tuple[str, str]]]:
    try:
        # as a draft: the missing 事業名 and 年度 are told once, by the converter
        return validate_project(_build(row, dropped), draft=True), []
    except ValidationErrors as errors:
        return None, [(_VALIDATION_FIELDS.get(e.field, ""), e.message) for e in errors.errors]


def past_project_row(
    mapping: Mapping[int, str],
    cells: Sequence[str],
    row_number: int,
    sheet: str = "",
    *,
    headers: Sequence[str] = (),
) -> ImportRow[PastProjectRow] | None:
    """One list row as a past project; None when every mapped cell is blank (or a dash)."""
    column_of: dict[str, int] = {}
    texts: dict[str, str] = {}
    for index, target in mapping.items():
        if target == IGNORE or target not in _TARGETS or target in column_of:
            continue
        column_of[target] = index
        texts[target] = cells[index] if 0 <= index < len(cells) else ""
    if not any(cell_text(text) for text in texts.values()):
        return None
    row = _Values(texts)
    for field in ("title", "section", "selection_reason", "notes"):
        row.values[field] = (
            _one_line(texts.get(field, ""))
            if field != "selection_reason"
            else cell_text(texts.get(field, ""))
        )
    for field in _VOCABULARIES:
        row.parse(field, lambda text, _label, f=field: _choice(f, text))
    row.parse("fiscal_year", _fiscal_year)
    for field in ("date", "period_start", "period_end"):
        row.parse(field, _cell_date)
    row.parse("amount", _amount)
    row.parse("applicant_count", parse_applicants)
    partners, notices = _partners(row)
    required: list[tuple[str, str]] = []
    if not row.values["title"]:
        required.append(("", "事業名がありません"))
    if not row.values["section"]:  # the fairness check counts each 課's projects: a list of one
        # 課 without the column gives it for every row (--set 担当課=…, the wizard's 全行に同じ値)
        required.append(("", "担当課がありません（担当課の列か、全行に同じ値で担当課を指定してください）"))
    if not any(p.name or p.corporate_number for p in partners):
        required.append(("", "団体名（または法人番号）がありません"))
    failed = {field for field, _ in row.problems}
    draft, invalid = _validated(row, failed)
    if draft is not None and draft.fiscal_year is None:
        required.append(("", "年度がありません（年度か日付の列が必要です）"))
    if draft is None:
        # validation names values of its own (期間終了 before 期間開始): left out too, if it can be
        failed |= {field for field, _ in invalid if field}
        row.problems.extend(invalid)
        draft, invalid = _validated(row, failed)
        required.extend(invalid)

    def where(field: str) -> str:
        # only rows with a problem or a notice name their columns
        if field in column_of:
            return column_label(column_of[field], headers)
        return _TARGETS[field][0] if field in _TARGETS else ""

    order = {field: index for field, index in column_of.items()}
    found = sorted([*row.problems, *required], key=lambda item: order.get(item[0], len(headers) + len(cells)))
    problems = [RowProblem(row_number, where(field), message, sheet, field=field) for field, message in found]
    record = None
    if draft is not None:
        stage = "" if "stage" in failed else row.values.get("stage") or ""
        record = PastProjectRow(
            draft,
            partners,
            stage,
            tuple((where(field), message) for field, message in notices),
        )
    return ImportRow(
        row_number=row_number,
        data=None if problems else record,
        problems=problems,
        sheet=sheet,
        provided_fields=frozenset(column_of),
        draft=record if not required else None,
    )


#: The past-project import: one row of a 課's list per project.
PROJECTS = ImportKind(
    name="projects",
    title="事業",
    targets=tuple(
        ImportTarget(field, label, synonyms, lambda text: (text, ()), suffixes=suffixes)
        for field, (label, synonyms, suffixes) in _TARGETS.items()
    ),
    convert_row=past_project_row,
    required=("title",),
    templates_key="project_import_mappings",
)
