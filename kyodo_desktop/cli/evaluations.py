"""``kyodo evaluations list``: evaluations (評価シート) of projects.

The group is made here; other modules add their commands to it (``export``, ``export-form``,
``import``) with ``commands.command(..., group=GROUP)``, the way
:mod:`kyodo_desktop.cli.project_import` adds ``import`` to ``projects`` (listed after this
module in :data:`kyodo_desktop.cli.GROUPS`). 年度 is printed as the 西暦 year it begins in, the
number ``--fiscal-year`` takes, as ``kyodo projects list`` prints it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kyodo_desktop.argparse_ja import integer
from kyodo_desktop.cli.common import EXIT_OK, CommandParser, Commands, print_json, write_records

GROUP = "evaluations"


def register(commands: Commands) -> None:
    """Add the ``evaluations`` group and its ``list`` command."""
    commands.group(
        GROUP,
        help="事業の評価（行政・団体・第三者の評価シート）の一覧など",
        example="kyodo evaluations list --fiscal-year 2025\nkyodo evaluations list --json",
    )
    commands.command(
        "list",
        group=GROUP,
        help="評価の一覧。1行に1件: ID<TAB>PROJECT_ID<TAB>年度（西暦の開始年）<TAB>時期<TAB>評価者区分<TAB>合計",
        description=(
            "評価の一覧。1行に1件: ID<TAB>PROJECT_ID<TAB>年度（西暦の開始年）<TAB>時期（中間・最終）"
            "<TAB>評価者区分（行政・団体・第三者）<TAB>合計（点数/満点、例: 42/55）。"
            "下書きの評価も含む。ゴミ箱の事業の評価は出さない。"
        ),
        example="kyodo evaluations list\nkyodo evaluations list --fiscal-year 2025 --json",
        options=_list_options,
        run=_list,
    )


def _list_options(p: CommandParser) -> None:
    p.add_argument(
        "--fiscal-year", type=integer, metavar="Y", help="年度（西暦の開始年。令和7年度なら 2025）で絞り込む"
    )
    p.add_argument("--json", action="store_true", help="JSONで出力する")


def _list(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.evaluations import EvaluationService
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws:
        rows = EvaluationService(ws).evaluation_list(args.fiscal_year)
    if args.json:
        print_json(rows)
    else:
        write_records((r.id, r.project_id, r.fiscal_year, r.phase, r.side, r.total) for r in rows)
    return EXIT_OK
