"""``kyodo evaluations export PROJECT_ID OUT.xlsx``: a project's evaluation sheet (評価シート).

Added to the ``evaluations`` group made by :mod:`kyodo_desktop.cli.evaluations` (listed after
it in :data:`kyodo_desktop.cli.GROUPS`); the workbook is written by
:mod:`kyodo_desktop.services.evaluation_sheet`.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kyodo_desktop.cli.common import EXIT_OK, CommandParser, Commands, one_line

GROUP = "evaluations"


def register(commands: Commands) -> None:
    """Add ``kyodo evaluations export``."""
    commands.command(
        "export",
        group=GROUP,
        help="事業の評価シート（年度・時期ごとの行政・団体・第三者の評価、論点、結論、グラフ）を"
        "Excelに書き出す（A4で印刷できる形）",
        description=(
            "事業の評価シートをExcelに書き出す。評価の回（年度・中間/最終）ごとに1シート: 事業の概要、"
            "評価者、項目ごとの比較（差が基準以上の項目は「◆論点」）、合計と加重合計、コメント、"
            "目標値と実績、結論と改善策、協働のポイントのレーダーチャートと目標値・実績のグラフ。"
            "評価タブで行政に見える内容と同じく、提出済みの評価だけを載せ、ブラインドの回では"
            "伏せられている評価者区分の点数を載せない。"
        ),
        example="kyodo evaluations export PROJECT_ID 評価シート.xlsx",
        options=_options,
        run=_export,
    )


def _options(p: CommandParser) -> None:
    p.add_argument("id", help="事業のID（kyodo projects list で分かる）")
    p.add_argument("out", type=Path, metavar="OUT.xlsx", help="書き出すExcelファイル")


def _export(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.evaluation_sheet import write_evaluation_sheet
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws:
        title = write_evaluation_sheet(args.out, args.id, ws)
    print(f"事業「{one_line(title)}」の評価シートを書き出しました: {args.out}")
    return EXIT_OK
