"""One project's evaluation sheet (評価シート) in Excel: one sheet per round, ready to print on A4.

A round is one 年度 and phase (中間 / 最終); its sheet, named 「令和7年度最終」, holds in order:

* the project's summary (事業名, 令和N年度, 担当課, partners, period) and the form used;
* the evaluators (side, name, date, 総合評価) and which sides are not shown and why;
* the comparison, item by item: 行政 / 団体 / 第三者, the largest difference, and each gap row
  (a discussion point, :func:`kyodo_desktop.domain.evaluation.compare`) filled light orange and
  marked 「◆論点」 in its own column, so a black-and-white print still shows it; the totals
  (points / maximum) and, on a weighted form, the weighted total;
* the evaluators' comments per item and their 総評;
* targets beside their results (目標値 / 実績, with the share reached when both are numbers);
* the conclusion: 今後の方向性, its comment and date, the improvement actions (who, by when);
* on a page of its own, the charts: the radar of the six 協働のポイント per side (of every item
  on a form that asks fewer than three of them, as the 3段階 form) and the bars of targets vs
  results (:mod:`kyodo_desktop.services.xlsx_charts`).

**What is shown.** The sheet is printed by the administration for its managers, so it shows
exactly what the mutual view shows the administration (``viewer_side="行政"``): submitted
evaluations only (a draft is not shown), and in blind mode a side's scores only once the
administration itself (and every other expected side) has submitted. A hidden side's column
stays empty and a line says why (未提出 / ブラインド). Printing never shows more than the window.

Print setup, fonts and the formula guard are those of every printed sheet
(:mod:`kyodo_desktop.services.sheets`): A4 portrait (the columns fit), fit to width, the title
row on every page, the 事業名 and the 年度 in the page header, 「N / M ページ」 in the footer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import IO, Any

from kyodo_desktop.domain.evaluation import RADAR_MINIMUM, parse_quantity, radar_axes, radar_values
from kyodo_desktop.domain.evaluation_terms import GRADE_LABELS, EvaluatorSide, ScaleKind
from kyodo_desktop.domain.project_terms import PartnerRole
from kyodo_desktop.domain.wareki import fiscal_year_label, to_wareki
from kyodo_desktop.services import sheets, xlsx_charts
from kyodo_desktop.services.evaluation_records import EvaluationRecord, MutualView, TargetRow
from kyodo_desktop.services.evaluation_sheet_form import GAP_MARK, SheetForm
from kyodo_desktop.services.project_records import ProjectRecord
from kyodo_desktop.services.workspace import Workspace

__all__ = [
    "NO_ROUNDS",
    "SHEET_TITLE",
    "VIEWER_SIDE",
    "WIDTHS",
    "RoundSheet",
    "item_label",
    "round_sheets",
    "sheet_name",
    "write_evaluation_sheet",
    "write_evaluation_workbook",
]

SHEET_TITLE = "協働事業評価シート"
#: Whose mutual view the printed sheet shows (see the module).
VIEWER_SIDE = EvaluatorSide.ADMINISTRATION.value
NO_ROUNDS = "この事業の評価はまだありません"
#: 区分, 評価項目, 行政, 団体, 第三者, 差, 論点 (portrait A4 at about full size).
WIDTHS: tuple[float, ...] = (16, 32, 8, 8, 8, 6, 9)
_SIDES = tuple(s.value for s in EvaluatorSide)
_RADAR_STEPS = 5  # grid rings of a points scale (10 points: every 2)
_PERCENT = "0%"


@dataclass(frozen=True)
class RoundSheet:
    """What one round's sheet shows: the administration's mutual view, the evaluations it counts
    (submitted, of the sides shown), the targets beside their results and the form's name."""

    view: MutualView
    evaluations: list[EvaluationRecord]
    targets: list[TargetRow]
    template_label: str


def round_sheets(ws: Workspace, project_id: str) -> tuple[ProjectRecord, list[RoundSheet]]:
    """The project and its rounds' contents, 年度 oldest first, 中間 before 最終."""
    from kyodo_desktop.services.evaluations import EvaluationService
    from kyodo_desktop.services.projects import ProjectService

    project = ProjectService(ws).get(project_id)
    svc = EvaluationService(ws)
    evaluations = svc.evaluations_of_project(project_id)
    out = []
    for r in svc.rounds_of_project(project_id):
        view = svc.mutual_view(r.id, viewer_side=VIEWER_SIDE)
        shown = [
            e for e in evaluations if e.round_id == r.id and e.submitted and e.side in view.visible_sides
        ]
        template = view.template
        out.append(RoundSheet(view, shown, svc.target_rows(r.id), f"{template.name}（版{template.version}）"))
    return project, out


def sheet_name(view: MutualView) -> str:
    """The round's sheet name, 「令和7年度最終」 (unique per round, within Excel's 31 characters)."""
    return f"{fiscal_year_label(view.round.fiscal_year)}{view.round.phase}"


def _whole(value: float | None) -> float | int | None:
    """A mean that is a whole number as an int (5, not 5.0, in the chart's table)."""
    return int(value) if value is not None and value.is_integer() else value


def item_label(view: MutualView, key: str) -> str:
    """An item's short name: its 協働のポイント, or its text up to 「：」."""
    item = view.template.item(key)
    return item.point or item.text.split("：", 1)[0]


def write_evaluation_sheet(path: Path, project_id: str, workspace: Workspace) -> str:
    """Write the project's evaluation sheet to ``path`` (.xlsx, atomically); return its 事業名."""
    from kyodo_desktop.services.export_xlsx import write_xlsx_atomically

    project, rounds = round_sheets(workspace, project_id)
    write_xlsx_atomically(
        Path(path),
        lambda fh: write_evaluation_workbook(fh, project, rounds),
        place="書き出し先",
        failure="Excelファイルを書き出せません",
        retry="もう一度書き出してください",
    )
    return project.data.title


def write_evaluation_workbook(fh: IO[bytes], project: ProjectRecord, rounds: Sequence[RoundSheet]) -> None:
    """Write one sheet per round (or one saying there is none yet) to ``fh``."""
    from openpyxl import Workbook

    wb = Workbook()
    sheets.use_default_font(wb)
    wb.remove(wb.active)
    if not rounds:
        ws = wb.create_sheet(SHEET_TITLE)
        form = _start(ws, project, "")
        _summary(form, project, None)
        form.note(NO_ROUNDS)
    for content in rounds:
        _round_sheet(wb, project, content)
    sheets.save_workbook(wb, fh)


def _start(ws: Any, project: ProjectRecord, round_text: str) -> SheetForm:
    sheets.set_widths(ws, WIDTHS)
    ws.freeze_panes = None  # a form: nothing to keep in view
    year = fiscal_year_label(project.data.fiscal_year) if project.data.fiscal_year else ""
    header_year = round_text.split("年度", 1)[0] + "年度" if round_text else year
    sheets.set_print_setup(ws, WIDTHS, f"{SHEET_TITLE}　{project.data.title}", dated=header_year)
    form = SheetForm(ws, WIDTHS)
    form.title(f"{SHEET_TITLE}（{round_text}）" if round_text else SHEET_TITLE)
    return form


def _round_sheet(wb: Any, project: ProjectRecord, content: RoundSheet) -> None:
    view = content.view
    r = view.round
    ws = wb.create_sheet(sheet_name(view))
    form = _start(ws, project, f"{fiscal_year_label(r.fiscal_year)} {r.phase}評価")
    _summary(form, project, content)
    _evaluators(form, content)
    _comparison(form, view)
    _comments(form, content)
    _targets(form, content.targets)
    _conclusion(form, view)
    _charts(form, content)


def _day(value: date | None) -> str:
    return to_wareki(value) if value else ""


def _summary(form: SheetForm, project: ProjectRecord, content: RoundSheet | None) -> None:
    d = project.data
    form.section("事業の概要")
    form.field("事業名", d.title)
    form.field("年度", fiscal_year_label(d.fiscal_year) if d.fiscal_year else "")
    form.field("担当課", d.section)
    main = [p.name for p in project.partners if p.role == PartnerRole.MAIN.value]
    others = [p.name for p in project.partners if p.role != PartnerRole.MAIN.value]
    form.field("パートナー", "、".join(main) + (f"（協力: {'、'.join(others)}）" if others else ""))
    period = f"{_day(d.period_start)}〜{_day(d.period_end)}" if d.period_start or d.period_end else ""
    form.field("期間", period)
    form.field("段階", project.stage)
    if content is None:
        return
    r = content.view.round
    form.field("評価シート", content.template_label)
    mode = ["ブラインド（他の評価者区分の提出まで点数を伏せる）" if r.blind else "通常"]
    mode.append("第三者評価あり" if r.third_party_planned else "第三者評価なし")
    form.field("評価の方式", "、".join(mode))


def _evaluators(form: SheetForm, content: RoundSheet) -> None:
    view = content.view
    form.section("評価者")
    spans = (1, 1, 2, 3)
    form.table_row(("区分", "評価者名", "評価日", "総合評価"), spans, heading=True)
    for e in content.evaluations:
        grade = e.overall_grade
        if grade and grade in GRADE_LABELS:
            grade = f"{grade}（{GRADE_LABELS[grade]}）"
        form.table_row((e.side, e.evaluator_name, _day(e.evaluated_on), grade), spans)
    for side, why in view.hidden.items():
        form.table_row((side, "", "", f"表示していません（{why}）"), spans)
    if not content.evaluations and not view.hidden:
        form.note("提出された評価はまだありません")


def _comparison(form: SheetForm, view: MutualView) -> None:
    template = view.template
    form.section("評価の比較（差が基準以上の項目は「◆論点」）")
    form.note(_scale_text(view))
    spans = (1, 1, 1, 1, 1, 1, 1)
    form.table_row(("区分", "評価項目", *_SIDES, "差", "論点"), spans, heading=True)
    centered = (2, 3, 4, 5, 6)
    for row in view.rows:
        scores = [row.scores.get(side) if side in view.visible_sides else None for side in _SIDES]
        form.table_row(
            (row.item.group, row.item.text, *scores, row.largest_difference, GAP_MARK if row.flagged else ""),
            spans,
            centered=centered,
            gap=row.flagged,
        )
    totals = [
        f"{view.totals[side].points}/{template.maximum}" if side in view.totals else "" for side in _SIDES
    ]
    form.table_row(("合計（点/満点）", *totals, "", ""), (2, 1, 1, 1, 1, 1), centered=(1, 2, 3))
    if template.weights:
        weights = "・".join(f"{side}{weight}" for side, weight in template.weights.items())
        total = sum(template.weights.values())
        value = (
            f"{view.weighted_total:g}点／{total}点"
            if view.weighted_total is not None
            else "（配点のあるすべての評価者区分の評価がそろうと計算します）"
        )
        form.table_row((f"加重合計（{weights}）", value), (2, 5))
    gaps = len(view.gaps)
    form.note(f"論点（話し合う項目）: {gaps}件" if gaps else "論点（差が基準以上の項目）はありません")


def _scale_text(view: MutualView) -> str:
    template = view.template
    if template.scale.kind is ScaleKind.POINTS:
        return f"評価の尺度: 各項目 {template.scale.minimum}〜{template.scale.maximum}点（項目により満点が異なります）"
    levels = "、".join(f"{value} {label}" for value, label in template.scale.levels)
    return f"評価の尺度: {levels}"


def _comments(form: SheetForm, content: RoundSheet) -> None:
    view = content.view
    rows: list[tuple[str, str]] = []
    for item in view.template.items:
        for e in content.evaluations:
            for score in e.scores:
                if score.item_key == item.key and score.comment:
                    rows.append((_who(e), f"【{item_label(view, item.key)}】{score.comment}"))
    form.section("項目ごとのコメント")
    if not rows:
        form.note("コメントはありません")
    for who, text in rows:
        form.table_row((who, text), (1, 6))
    overall = [(_who(e), e.overall_comment) for e in content.evaluations if e.overall_comment]
    form.section("総評")
    if not overall:
        form.note("総評はありません")
    for who, text in overall:
        form.table_row((who, text), (1, 6))


def _who(e: EvaluationRecord) -> str:
    return f"{e.side}（{e.evaluator_name}）" if e.evaluator_name else e.side


def _targets(form: SheetForm, targets: Sequence[TargetRow]) -> None:
    form.section("目標値と実績")
    spans = (2, 2, 2, 1)
    form.table_row(("目標（何を）", "目標値", "実績", "達成率"), spans, heading=True)
    if not targets:
        form.note("目標は登録されていません")
    for t in targets:
        form.table_row(
            (t.what, t.amount, t.result or "（未記入）", _reached(t)),
            spans,
            centered=(3,),
            number_formats={3: _PERCENT},
        )


def _reached(t: TargetRow) -> float | None:
    goal, result = parse_quantity(t.amount), parse_quantity(t.result)
    if goal is None or result is None or goal <= 0:
        return None
    return round(result / goal, 4)


def _conclusion(form: SheetForm, view: MutualView) -> None:
    r = view.round
    form.section("結論")
    if not r.direction:
        form.note("結論はまだ記録されていません")
        return
    form.field("今後の方向性", r.direction, label_span=2)
    form.field("結論のコメント", r.conclusion, label_span=2)
    form.field("決定日", _day(r.decided_on), label_span=2)
    spans = (2, 2, 2, 1)
    form.table_row(("改善策", "担当", "期限", "状況"), spans, heading=True)
    if not r.actions:
        form.note("改善策はありません")
    for a in r.actions:
        form.table_row((a.text, a.owner, _day(a.due_on), a.status), spans, centered=(3,))


def _charts(form: SheetForm, content: RoundSheet) -> None:
    """The two charts on a page of their own (a chart cut by a page break prints in halves)."""
    from openpyxl.worksheet.pagebreak import Break

    view = content.view
    form.ws.row_breaks.append(Break(id=form.row))
    form.section("グラフ")
    # the six 協働のポイント asked again; a form with fewer of them draws all its items instead
    by_point, axes = radar_axes(view.template)
    header = "協働のポイント" if by_point else "評価項目"
    title = f"{header}（評価の比較）"
    if len(axes) >= RADAR_MINIMUM:
        series = [
            (side, [_whole(v) for v in radar_values(axes, shown)])
            for side in _SIDES
            for shown in [view.scores_by_side[side] if side in view.visible_sides else None]
        ]
        labels = [label if by_point else item_label(view, keys[0]) for label, keys in axes]
        table = xlsx_charts.write_chart_table(form.ws, form.row, 2, header, labels, series)
        anchor = form.row = table.below + 2
        maximum = max(view.template.item_maximum(view.template.item(k)) for _, keys in axes for k in keys)
        xlsx_charts.add_radar_chart(
            form.ws,
            f"A{anchor}",
            title,
            table,
            maximum=maximum,
            step=1 if maximum <= _RADAR_STEPS else maximum / _RADAR_STEPS,
        )
        form.row = anchor + xlsx_charts.rows_spanned(xlsx_charts.RADAR_SIZE_CM) + 1
    else:
        form.note("評価項目が3つ未満のため、レーダーチャートはありません")
    measured = [(t, parse_quantity(t.amount)) for t in content.targets]
    measured = [(t, goal) for t, goal in measured if goal is not None]
    if not measured:
        form.note("数値の目標がないため、目標値と実績のグラフはありません")
        return
    table = xlsx_charts.write_chart_table(
        form.ws,
        form.row + 1,
        2,
        "目標",
        [t.what for t, _ in measured],
        [
            ("目標値", [goal for _, goal in measured]),
            ("実績", [parse_quantity(t.result) for t, _ in measured]),
        ],
    )
    anchor = table.below + 2
    xlsx_charts.add_bar_chart(form.ws, f"A{anchor}", "目標値と実績", table)
    form.row = anchor + xlsx_charts.rows_spanned(xlsx_charts.BAR_SIZE_CM) + 1
