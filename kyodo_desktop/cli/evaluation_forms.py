"""``kyodo evaluations export-form|import``: the partner's evaluation form (評価シート) workbook.

``export-form`` writes the form a partner (団体) or a third-party evaluator (第三者) fills in
Excel; ``import`` takes the returned workbook back, checked, as one import (listed by
``kyodo imports list``, undone by ``kyodo imports undo``). Both are
:mod:`kyodo_desktop.services.evaluation_form_import`; the group is made by
:mod:`kyodo_desktop.cli.evaluations`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kyodo_desktop.argparse_ja import integer
from kyodo_desktop.cli.common import EXIT_ERROR, EXIT_OK, CommandParser, Commands, one_line, write_records

GROUP = "evaluations"
_SIDES = ("団体", "第三者")
_PHASES = ("中間", "最終")


def register(commands: Commands) -> None:
    """Add ``kyodo evaluations export-form`` and ``kyodo evaluations import``."""
    commands.command(
        "export-form",
        group=GROUP,
        help="団体・第三者が記入する評価シート（Excel）を書き出す",
        description=(
            "事業の評価シート（Excel）を書き出す。団体（または第三者）が黄色のセルに記入して返送し、"
            "kyodo evaluations import で取り込む。評価の回（年度・時期）がまだなければ作る。"
            "様式はその回の評価シートの様式。既定: 団体用、事業の年度、最終評価。"
        ),
        example=(
            "kyodo evaluations export-form 事業ID 評価シート.xlsx\n"
            "kyodo evaluations export-form 事業ID 第三者評価.xlsx --side 第三者 --fiscal-year 2025 --phase 中間"
        ),
        options=_export_options,
        run=_export,
    )
    commands.command(
        "import",
        group=GROUP,
        help="記入済みの評価シート（Excel）を取り込む",
        description=(
            "団体・第三者が記入して返送した評価シートを取り込み、提出済みの評価として保存する（実績も）。"
            "事業・様式の版・評価の範囲・書き換え・取り込み済みかを確かめ、問題があれば1行に1件、"
            "標準エラーに出して何も保存しない（終了コード1）。取り込めたら、保存した評価を "
            "ID<TAB>PROJECT_ID<TAB>年度<TAB>時期<TAB>評価者区分<TAB>合計 で出力する。"
            "取り込みは kyodo imports list に載り、kyodo imports undo で取り消せる。"
        ),
        example="kyodo evaluations import 評価シート_記入済み.xlsx",
        options=_import_options,
        run=_import,
    )


def _export_options(p: CommandParser) -> None:
    p.add_argument("project_id", metavar="PROJECT_ID", help="事業のID（kyodo projects list で分かる）")
    p.add_argument("out", type=Path, metavar="OUT.xlsx", help="書き出すExcelファイル")
    p.add_argument("--side", choices=_SIDES, default="団体", help="記入する人（既定: 団体）")
    p.add_argument(
        "--fiscal-year", type=integer, metavar="Y", help="評価する年度（西暦の開始年。既定: 事業の年度）"
    )
    p.add_argument("--phase", choices=_PHASES, default="最終", help="評価の時期（既定: 最終）")


def _import_options(p: CommandParser) -> None:
    p.add_argument("file", type=Path, metavar="FILE.xlsx", help="記入済みの評価シート（.xlsx）")


def _export(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.evaluation_form_import import export_partner_form
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=True) as ws:
        export_partner_form(
            ws, args.project_id, args.out, side=args.side, fiscal_year=args.fiscal_year, phase=args.phase
        )
    print(f"評価シート（{args.side}用）を書き出しました: {args.out}")
    return EXIT_OK


def _import(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.evaluation_form_import import import_partner_form
    from kyodo_desktop.services.evaluation_form_read import FormRefused
    from kyodo_desktop.services.evaluations import EvaluationService
    from kyodo_desktop.services.import_pipeline import check_source_file
    from kyodo_desktop.services.workspace import Workspace

    check_source_file(args.file)  # before the write lock: a FIFO would hold it for ever
    with Workspace.open(data_dir, write=True) as ws:
        try:
            done = import_partner_form(ws, args.file)
        except FormRefused as exc:
            head = str(exc).splitlines()[0]
            sys.stderr.write(f"kyodo: エラー: {one_line(head)}\n")
            for problem in exc.problems:
                sys.stderr.write(f"{one_line(problem)}\n")
            return EXIT_ERROR
        e = done.evaluation
        line = next(r for r in EvaluationService(ws).evaluation_list(e.fiscal_year) if r.id == e.id)
    write_records([(line.id, line.project_id, line.fiscal_year, line.phase, line.side, line.total)])
    sys.stderr.write(
        f"事業「{one_line(done.project_title)}」の{e.side}の評価を取り込みました（取り込みID {done.import_id}）。\n"
    )
    return EXIT_OK
