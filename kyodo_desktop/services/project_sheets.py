"""One project's sheets in Excel: 事業計画書 and 役割分担表, ready to print on A4.

事業計画書 is a form (a label column and the values beside it) in sections: the basics (事業名,
年度 as 令和N年度, 担当課, 関係・形態, 期間 …), how the relationship kind was judged (the
questionnaire's answers, the recommendation in the manual's words, the kind chosen and the reason
for a different one), the purposes shared (目的の共有), the targets,
the budget, the partners and how they were chosen. 役割分担表 is one row per task with ○ under
行政, 団体 or 共同, the person responsible and a note.

Print setup, fonts and the formula guard are those of every printed sheet
(:mod:`kyodo_desktop.services.sheets`): A4 in the orientation the width needs, fit to width, the
title rows repeated on every page, the sheet's name and the 年度 in the page header, 「N / M
ページ」 in the footer. The sheets are small, so an ordinary (not write-only) workbook is used:
it can merge cells and draw borders. Dates are shown in 和暦 as officers write them; amounts are
numbers (formatted ``1,000,000円``) so they can be summed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import IO, Any

from kyodo_desktop.domain.cell_text import cell_copy
from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT
from kyodo_desktop.domain.kind_account import kind_account
from kyodo_desktop.domain.project_terms import PURPOSE_KINDS, BudgetSide, RoleSide
from kyodo_desktop.domain.wareki import fiscal_year_label, to_wareki
from kyodo_desktop.persistence.errors import NotFoundError
from kyodo_desktop.services import sheets
from kyodo_desktop.services.export_cells import LINE_HEIGHT, wrapped_height
from kyodo_desktop.services.project_records import ProjectRecord
from kyodo_desktop.services.workspace import Workspace

__all__ = [
    "PLAN_TITLE",
    "PLAN_WIDTHS",
    "ROLES_COLUMNS",
    "ROLES_TITLE",
    "export_project",
    "write_project_workbook",
]

PLAN_TITLE = "事業計画書"
ROLES_TITLE = "役割分担表"
#: 事業計画書: the label column and three value columns (portrait A4 at full size).
PLAN_WIDTHS: tuple[float, ...] = (18, 26, 22, 28)
#: 役割分担表: header and width of each column.
ROLES_COLUMNS: tuple[tuple[str, float], ...] = (
    ("作業", 28),
    (RoleSide.ADMINISTRATION.value, 7),
    (RoleSide.ORGANIZATION.value, 7),
    (RoleSide.JOINT.value, 7),
    ("担当者", 18),
    ("備考", 36),
)
YEN_FORMAT = '#,##0"円"'
NO_ROLES = "役割分担はまだ登録されていません"
NO_ANSWERS = "（問いへの答えは記録されていません）"
_TITLE_SIZE = 14
_TITLE_LINE_HEIGHT = 22.0  # points per line of the 14-point title


class _Styles:
    """The few styles of the two sheets, made once (openpyxl is imported when they are)."""

    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="FF808080")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.fill = PatternFill(
            fill_type="solid", start_color=sheets.HEADER_FILL, end_color=sheets.HEADER_FILL
        )
        self.bold = Font(
            name=sheets.FONT_NAME, size=sheets.FONT_SIZE, charset=sheets.SHIFT_JIS_CHARSET, bold=True
        )
        self.title = Font(
            name=sheets.FONT_NAME, size=_TITLE_SIZE, charset=sheets.SHIFT_JIS_CHARSET, bold=True
        )
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.label = Alignment(vertical="top", wrap_text=True)
        # ○ level with the first line of the task, as the text beside it starts at the top
        self.mark = Alignment(horizontal="center", vertical="top")


class _Form:
    """Writes the 事業計画書 row by row: section headings, label + value rows, small tables."""

    def __init__(self, ws: Any, styles: _Styles) -> None:
        self.ws = ws
        self.styles = styles
        self.row = 1
        self.last = len(PLAN_WIDTHS)

    def title(self, text: str, widths: Sequence[float]) -> None:
        """The sheet's title across ``widths``, the row as high as its (larger) lines need."""
        self._merged(self.row, 1, self.last, text, font=self.styles.title, alignment=self.styles.center)
        lines = _line_count(text, sum(widths) * sheets.FONT_SIZE / _TITLE_SIZE)
        self.ws.row_dimensions[self.row].height = max(28.0, lines * _TITLE_LINE_HEIGHT + 6)
        self.row += 1

    def section(self, text: str) -> None:
        self.row += 1  # a blank row between sections
        self._merged(self.row, 1, self.last, text, font=self.styles.bold, fill=True)
        self.row += 1

    def field(self, label: str, value: object, *, number_format: str | None = None) -> None:
        """A label and its value across the value columns."""
        self._cell(self.row, 1, label, font=self.styles.bold, fill=True, alignment=self.styles.label)
        cell = self._merged(self.row, 2, self.last, value, alignment=self.styles.wrap)
        if number_format is not None:
            cell.number_format = number_format
        if isinstance(value, str):
            self._fit(value, sum(PLAN_WIDTHS[1:]), label)
        self.row += 1

    def table(self, header: Sequence[str], rows: Sequence[Sequence[object]], spans: Sequence[int]) -> None:
        """A small table: ``spans`` tells how many columns each cell takes."""
        self._cells(header, spans, heading=True)
        for values in rows:
            self._cells(values, spans, heading=False)

    def _cells(self, values: Sequence[object], spans: Sequence[int], *, heading: bool) -> None:
        column = 1
        needed = 1
        for value, span in zip(values, spans, strict=True):
            end = column + span - 1
            alignment = self.styles.center if heading else self.styles.wrap
            font = self.styles.bold if heading else None
            self._merged(self.row, column, end, value, font=font, fill=heading, alignment=alignment)
            if isinstance(value, str) and not heading:
                width = sum(PLAN_WIDTHS[column - 1 : end])
                needed = max(needed, _line_count(value, width))
            column = end + 1
        if needed > 1:
            self.ws.row_dimensions[self.row].height = needed * LINE_HEIGHT
        self.row += 1

    def _fit(self, value: str, width: float, label: str) -> None:
        lines = max(_line_count(value, width), _line_count(label, PLAN_WIDTHS[0]))
        if lines > 1:
            self.ws.row_dimensions[self.row].height = lines * LINE_HEIGHT

    def _merged(
        self,
        row: int,
        first: int,
        last: int,
        value: object,
        *,
        font: Any = None,
        fill: bool = False,
        alignment: Any = None,
    ) -> Any:
        cell = self._cell(row, first, value, font=font, fill=fill, alignment=alignment)
        for column in range(first + 1, last + 1):
            self.ws.cell(row=row, column=column).border = self.styles.border
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
        return cell

    def _cell(
        self,
        row: int,
        column: int,
        value: object,
        *,
        font: Any = None,
        fill: bool = False,
        alignment: Any = None,
    ) -> Any:
        cell = self.ws.cell(row=row, column=column)
        sheets.put_cell(cell, value)
        cell.border = self.styles.border
        if font is not None:
            cell.font = font
        if fill:
            cell.fill = self.styles.fill
        if alignment is not None:
            cell.alignment = alignment
        return cell


def _line_count(text: str, width: float) -> int:
    height = wrapped_height([text], [(0, width)])
    return 1 if height is None else round(height / LINE_HEIGHT)


def _day(value: date | None) -> str:
    return to_wareki(value) if value else ""


def _period(rec: ProjectRecord) -> str:
    start, end = rec.data.period_start, rec.data.period_end
    if not start and not end:
        return ""
    return f"{_day(start)}〜{_day(end)}"


def _plan_sheet(wb: Any, rec: ProjectRecord, officer: str, styles: _Styles) -> None:
    d = rec.data
    ws = wb.create_sheet(PLAN_TITLE)
    sheets.set_widths(ws, PLAN_WIDTHS)
    ws.freeze_panes = None  # a form: nothing to keep in view
    year = fiscal_year_label(d.fiscal_year) if d.fiscal_year else ""
    sheets.set_print_setup(ws, PLAN_WIDTHS, PLAN_TITLE, dated=year)
    form = _Form(ws, styles)
    form.title(PLAN_TITLE + ("（下書き）" if rec.is_draft else ""), PLAN_WIDTHS)
    form.section("基本事項")
    form.field("事業名", d.title)
    form.field("年度", year)
    form.field("担当課", d.section)
    form.field("担当職員", officer)
    form.field("関係の種類", d.relationship_kind)
    form.field("形態", d.form)
    form.field("活動分野", "、".join(ACTIVITY_FIELD_SHORT.get(code, str(code)) for code in d.fields))
    form.field("段階", rec.stage)
    form.field("期間", _period(rec))
    if d.review_on:
        form.field("見直しの予定日", _day(d.review_on))
    _kind_section(form, rec)
    form.section("目的の共有")
    for kind in PURPOSE_KINDS:
        form.field(kind, d.purposes.get(kind, ""))
    form.section("目標")
    form.table(
        ("何を", "どれだけ", "いつまでに"),
        [(t.what, t.amount, _day(t.due_on)) for t in d.targets] or [("（未記入）", "", "")],
        (2, 1, 1),
    )
    form.section("予算")
    for side in BudgetSide:
        form.field(side.value, d.budget.get(side.value, 0), number_format=YEN_FORMAT)
    form.field("合計", sum(d.budget.values()), number_format=YEN_FORMAT)
    form.section("パートナー")
    form.table(
        ("役割", "団体名", "法人番号"),
        [(p.role, p.name, p.corporate_number) for p in rec.partners] or [("（未定）", "", "")],
        (1, 2, 1),
    )
    s = d.selection
    form.section("パートナーの選定")
    form.field("選定方法", s.method)
    form.field("検討した候補", s.candidates)
    form.field("応募者数", "" if s.applicant_count is None else f"{s.applicant_count}者")
    form.field("選定の理由", s.reason)
    form.field("審査機関", s.review_body)
    published = "公表済み" if s.is_published else "未公表"
    form.field("公表", f"{_day(s.published_on)} {published}".strip())


def _kind_section(form: _Form, rec: ProjectRecord) -> None:
    """関係の種類の判断: the questionnaire's answers, the recommendation in the manual's words,
    the kind chosen and the officer's reason (nothing for a project without a kind or answers)."""
    account = kind_account(rec.data)
    if account is None:
        return
    form.section("関係の種類の判断")
    form.table(("問い", "答え"), account.answers or [(NO_ANSWERS, "")], (3, 1))
    rec_ = account.recommendation
    if rec_ is not None:
        form.field("推奨", "\n".join([rec_.kind.value, *(f"「{q}」" for q in rec_.quotes)]))
        if rec_.tentative:
            form.field("注意", rec_.note)
    form.field("選んだ種類", account.chosen + ("（推奨と異なる）" if account.differs else ""))
    if account.reason:
        form.field("推奨と異なる理由" if account.differs else "理由", account.reason)


def _roles_sheet(wb: Any, rec: ProjectRecord, styles: _Styles) -> None:
    d = rec.data
    ws = wb.create_sheet(ROLES_TITLE)
    widths = [width for _, width in ROLES_COLUMNS]
    sheets.set_widths(ws, widths)
    year = fiscal_year_label(d.fiscal_year) if d.fiscal_year else ""
    sheets.set_print_setup(ws, widths, ROLES_TITLE, dated=year)
    ws.print_title_rows = "1:2"  # the project's name and the header on every page
    ws.freeze_panes = "A3"
    last = len(ROLES_COLUMNS)
    form = _Form(ws, styles)
    form.last = last
    form.title(f"{ROLES_TITLE}（{cell_copy(d.title)}）", widths)
    for column, (header, _) in enumerate(ROLES_COLUMNS, 1):
        form._cell(2, column, header, font=styles.bold, fill=True, alignment=styles.center)
    row = 3
    sides = [header for header, _ in ROLES_COLUMNS[1:4]]
    for role in d.roles:
        values: list[object] = [role.task, *("○" if role.side == side else "" for side in sides)]
        values += [role.responsible, role.note]
        for column, value in enumerate(values, 1):
            alignment = styles.mark if 2 <= column <= 4 else styles.wrap
            form._cell(row, column, value, alignment=alignment)
        lines = max(
            _line_count(str(value), width) for value, (_, width) in zip(values, ROLES_COLUMNS, strict=True)
        )
        if lines > 1:
            ws.row_dimensions[row].height = lines * LINE_HEIGHT
        row += 1
    if not d.roles:
        form.row = row
        form._merged(row, 1, last, NO_ROLES, alignment=styles.wrap)


def write_project_workbook(fh: IO[bytes], rec: ProjectRecord, officer: str = "") -> None:
    """Write the two sheets of ``rec`` as a workbook to ``fh``."""
    from openpyxl import Workbook

    wb = Workbook()
    sheets.use_default_font(wb)
    wb.remove(wb.active)
    styles = _Styles()
    _plan_sheet(wb, rec, officer, styles)
    _roles_sheet(wb, rec, styles)
    sheets.save_workbook(wb, fh)


def export_project(ws: Workspace, project_id: str, out: Path) -> str:
    """Write the project's 事業計画書 and 役割分担表 to ``out`` (.xlsx, atomically); return its title."""
    from kyodo_desktop.services.export_xlsx import write_xlsx_atomically
    from kyodo_desktop.services.officers import get_officer
    from kyodo_desktop.services.projects import ProjectService

    rec = ProjectService(ws).get(project_id)
    officer = ""
    if rec.data.lead_officer_id:
        try:
            lead = get_officer(ws, rec.data.lead_officer_id).data
            officer = f"{lead.name}（{lead.section}）" if lead.section else lead.name
        except NotFoundError:
            officer = ""  # removed since: the sheet is still worth printing
    write_xlsx_atomically(
        Path(out),
        lambda fh: write_project_workbook(fh, rec, officer),
        place="書き出し先",
        failure="Excelファイルを書き出せません",
        retry="もう一度書き出してください",
    )
    return rec.data.title
