"""``kyodo projects import``: past projects (事業) from a 課's Excel or CSV list.

Read and mapped by the one import pipeline, like ``kyodo import`` (the same ``--sheet``,
``--header-row`` and ``--column`` rules); planned and written by
:mod:`kyodo_desktop.services.project_import`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kyodo_desktop.cli.common import EXIT_ERROR, EXIT_OK, CommandParser, Commands, UsageError, one_line
from kyodo_desktop.cli.common import progress_printer as _progress_printer
from kyodo_desktop.cli.imports import check_header_row, column_choices

GROUP = "projects"
_FIELDS = (
    "事業名、団体名、法人番号、住所、年度、日付、担当課、関係、形態、選定方法、選定理由、応募者数、金額、"
    "期間開始、期間終了、段階、備考"
)


def register(commands: Commands) -> None:
    """Add ``kyodo projects import`` (the group is made by :mod:`kyodo_desktop.cli.projects`)."""
    commands.command(
        "import",
        group=GROUP,
        help="過去の事業（補助金・委託契約の一覧など）をExcel・CSVから取り込む。1行が1事業",
        description=(
            "過去の事業の一覧を取り込む。1行が1事業。まず全行を確認して、誤りを1行に1件"
            "（行<TAB>シート<TAB>列<TAB>内容）、続いて件数を出力する。パートナーは法人番号、次に団体名で"
            "台帳と照合し、台帳にない団体はこの取り込みで登録する（共同提案体は複数のパートナー: 最初が"
            "主たるパートナー）。年度は年度の列から、なければ日付から。誤りがなければバックアップを作って"
            "から1回で書き込む。同じファイルを2回取り込んでも増えない（年度・事業名・パートナー・金額・"
            f"期間の始まりが同じ事業は登録済みとみなす）。取り込み先: {_FIELDS}"
        ),
        example=(
            "kyodo projects import 委託契約一覧.xlsx --dry-run --summary 確認結果.xlsx\n"
            "kyodo projects import 補助金一覧.xlsx --set 形態=補助・助成 --set 担当課=市民協働課\n"
            "kyodo projects import 随意契約.xlsx --header-row 3 --column 金額=F --drop-invalid"
        ),
        options=_options,
        run=_run,
    )


def _options(p: CommandParser) -> None:
    p.add_argument("file", type=Path, metavar="FILE", help="取り込むファイル（.xlsx、.xlsm、.csv）")
    p.add_argument("--sheet", help="Excelのシート名（既定: 最初のシート）")
    p.add_argument(
        "--header-row",
        type=int,
        metavar="N",
        help="見出しの行番号（既定: 自動で見つける。2行の見出しは1つにまとめる）",
    )
    p.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help=f"列の対応を指定する（FIELD: {_FIELDS}。HEADER は見出しか列の記号 B）",
    )
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="すべての行に同じ値を入れる（例: --set 選定方法=随意契約 --set 形態=委託）",
    )
    p.add_argument("--dry-run", action="store_true", help="確認だけして何も書き込まない")
    p.add_argument("--valid-only", action="store_true", help="エラーのある行を除いて取り込む")
    p.add_argument(
        "--drop-invalid",
        action="store_true",
        help="誤りのある値（金額として読めない「＠21,600円ほか」など）だけを除いて行を取り込む",
    )
    p.add_argument("--summary", type=Path, metavar="OUT.xlsx", help="確認結果をExcelに保存する")


def _fixed_values(values: list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for value in values:
        field, sep, text = value.partition("=")
        if not sep or not field.strip():
            raise UsageError(f"--set は 取り込み先=値（例: 形態=委託）の形で指定してください: {value}")
        out.append((field.strip(), text.strip()))
    return out


def _run(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.domain.import_kind import ColumnChoiceError
    from kyodo_desktop.domain.importing import format_of_suffix
    from kyodo_desktop.services.import_pipeline import check_source_file
    from kyodo_desktop.services.importing import Action
    from kyodo_desktop.services.project_import import apply_project_import, prepare_project_import
    from kyodo_desktop.services.workspace import Workspace

    check_source_file(args.file)  # before the write lock: a FIFO would hold it for ever
    format_of_suffix(args.file)
    check_header_row(args.header_row)
    columns = column_choices(args.column)
    fixed = _fixed_values(args.set)
    with Workspace.open(data_dir, write=not args.dry_run) as ws:
        try:
            prepared = prepare_project_import(
                ws,
                args.file,
                sheet=args.sheet,
                header_row=args.header_row,
                columns=columns,
                fixed=fixed,
                drop_invalid=args.drop_invalid,
                progress=_progress_printer("読み込み", sys.stderr),
            )
        except ColumnChoiceError as exc:
            raise UsageError(str(exc)) from exc
        plan = prepared.plan
        table = prepared.source.table
        assert table is not None
        shown = "、".join(
            f"{table.headers[i]}→{prepared.source.kind.labels[t]}"
            for i, t in sorted(prepared.mapping.items())
            if t != "ignore"
        )
        print(f"{table.sheet or table.encoding}: {len(plan.rows):,} 行。列の対応: {shown}")
        for problem in sorted([*plan.problems, *plan.notices], key=lambda p: p.row_number):
            print(f"{problem.row_number}\t{problem.sheet}\t{problem.column}\t{one_line(problem.message)}")
        for planned in plan.rows:
            if planned.action is Action.DUPLICATE_IN_FILE:
                print(
                    f"{planned.row.row_number}\t\t\t{planned.duplicate_of_row} 行目と同じ事業です（取り込みません）"
                )
        print(
            f"新規 {plan.count(Action.NEW):,}、登録済み {plan.count(Action.UNCHANGED):,}、"
            f"ファイル内重複 {plan.count(Action.DUPLICATE_IN_FILE):,}、エラー {plan.count(Action.ERROR):,}、"
            f"新しい団体 {len(plan.new_organizations):,}"
        )
        if args.summary is not None:
            from kyodo_desktop.services.project_import_summary import write_project_import_summary

            write_project_import_summary(plan, args.summary)
            print(f"確認結果を保存しました: {args.summary}")
        if args.dry_run:
            return EXIT_ERROR if plan.has_errors else EXIT_OK
        summary = apply_project_import(
            ws, plan, valid_only=args.valid_only, progress=_progress_printer("書き込み", sys.stderr)
        )
    if not summary.backup_path:
        print("取り込む事業はありませんでした（何も書き込んでいません）。")
        return EXIT_OK
    print(
        f"取り込みました: 事業 {summary.projects:,} 件、新しい団体 {summary.organizations:,} 件"
        f"（取り込みID {summary.import_id}、取り込み前のバックアップ: {summary.backup_path}）"
    )
    return EXIT_OK
