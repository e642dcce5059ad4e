"""``kyodo import``: lists of groups (NPO portal CSV, Excel, CSV) into the registry.

The file is read once, through the import pipeline (:mod:`kyodo_desktop.services.import_pipeline`),
which the import wizard uses too; this module only prints what it found and did.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kyodo_desktop.cli.common import EXIT_ERROR, EXIT_OK, CommandParser, Commands, UsageError
from kyodo_desktop.cli.common import one_line as _one_line
from kyodo_desktop.cli.common import progress_printer as _progress_printer

#: ``--format`` values and what each reads.
FORMATS: dict[str, str] = {
    "npo-portal": "内閣府NPO法人ポータルサイトのCSV",
    "xlsx": "Excel（.xlsx、.xlsm）",
    "csv": "CSV（1行目が見出し）",
}


def register(commands: Commands) -> None:
    """Add ``kyodo import``."""
    commands.command(
        "import",
        help="団体の一覧（NPOポータルCSV、Excel、CSV）を取り込む",
        description=(
            "団体の一覧を取り込む。まず全行を確認して、誤りを1行に1件（行<TAB>シート<TAB>列<TAB>内容）、"
            "続いて件数（新規・更新・変更なし…）を出力する。誤りがなければ、取り込み前のバックアップを"
            "作ってから書き込む（既に登録された団体は更新する）。誤りがあると何も書き込まず終了コード1"
            "（--valid-only なら誤りのない行だけ取り込む。--drop-invalid なら誤りのある値だけを除いて"
            "その行を取り込み、除いた値を1件1行で示す）。登録済みの団体は空欄だけを埋め、入力済みの値"
            "（団体名を含む）は --overwrite 項目名 か --overwrite-all を付けたときだけ書き換える。"
        ),
        example=(
            "kyodo import 団体一覧.xlsx --dry-run --summary 確認結果.xlsx\n"
            "kyodo import 団体一覧.xlsx --valid-only\n"
            "kyodo import 補助金一覧.xlsx --header-row 3 --column 団体名=補助金交付先名 --column 住所=D "
            "--save-mapping 補助金一覧\n"
            "kyodo import 補助金交付先.xlsx --drop-invalid --overwrite 電話番号\n"
            "kyodo import npo_portal.csv --prefecture 千葉県 --skip-dissolved"
        ),
        options=_options,
        run=_cmd_import,
    )


def _options(p: CommandParser) -> None:
    formats = "\n".join(f"  {name:<11} {text}" for name, text in FORMATS.items())
    from kyodo_desktop.domain.importing import ACCEPTED_SUFFIXES

    suffixes = "、".join(ACCEPTED_SUFFIXES)
    p.add_argument("file", type=Path, metavar="FILE", help=f"取り込むファイル（{suffixes}）")
    p.add_argument(
        "--format", choices=list(FORMATS), help=f"{'、'.join(FORMATS)} のどれか（既定: ファイルから判定）"
    )
    p.add_argument("--mapping", metavar="NAME", help="保存した列の対応（テンプレート）を使う")
    p.add_argument("--sheet", help="Excelのシート名（既定: 最初のシート）")
    p.add_argument(
        "--header-row",
        type=int,
        metavar="N",
        help="見出しの行番号（Excelの行番号。既定: 自動で見つける。2行の見出しは1つにまとめる）",
    )
    p.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help="列の対応を指定する（FIELD は取り込み先の名前: 団体名、法人番号、住所…。"
        "HEADER は見出しの文字か列の記号 B、AA。何度でも指定できる）",
    )
    p.add_argument("--save-mapping", metavar="NAME", help="使った列の対応をテンプレートとして保存する")
    p.add_argument(
        "--prefecture",
        help="NPOポータルCSV: この都道府県だけ（既定: 設定の prefecture、なければ千葉県。'' で全国）",
    )
    p.add_argument("--skip-dissolved", action="store_true", help="NPOポータルCSV: 解散した法人を除く")
    p.add_argument("--dry-run", action="store_true", help="確認だけして何も書き込まない")
    p.add_argument("--valid-only", action="store_true", help="エラーのある行を除いて取り込む")
    p.add_argument(
        "--drop-invalid",
        action="store_true",
        help="誤りのある値（検査数字の合わない法人番号など）だけを除いて行を取り込む（団体名の誤りは除けない）",
    )
    p.add_argument(
        "--overwrite",
        action="append",
        default=[],
        metavar="FIELD",
        help="登録済みの団体で、この項目の入力済みの値も書き換える（団体名、電話番号…。繰り返し可）",
    )
    p.add_argument(
        "--overwrite-all", action="store_true", help="登録済みの団体の値を、違う項目はすべて書き換える"
    )
    p.add_argument(
        "--summary", type=Path, metavar="OUT.xlsx", help="確認結果（と取り込み結果）をExcelに保存する"
    )
    p.epilog = f"形式（--format）:\n{formats}\n\n{p.epilog}"


def _read_import_rows(args: argparse.Namespace, ws: Any) -> tuple[Any, list[str]]:
    """The plan of the file (read once, through the import pipeline) and lines describing what was read."""
    from kyodo_desktop.domain.import_kind import ColumnChoiceError
    from kyodo_desktop.domain.importing import SourceFormat
    from kyodo_desktop.services.import_pipeline import prepare_import
    from kyodo_desktop.services.settings import home_prefecture

    progress = _progress_printer("読み込み", sys.stderr)
    fmt = args.format
    prefecture = None
    if fmt in (None, "npo-portal"):
        prefecture = home_prefecture(ws.data_dir) if args.prefecture is None else args.prefecture
    try:
        prepared = prepare_import(
            ws,
            args.file,
            drop_invalid=args.drop_invalid,
            format=SourceFormat(fmt) if fmt else None,
            sheet=args.sheet,
            template_name=args.mapping,
            prefecture=prefecture or None,
            skip_dissolved=args.skip_dissolved,
            progress=progress,
            header_row=args.header_row,
            columns=column_choices(args.column),
        )
    except ColumnChoiceError as exc:
        raise UsageError(str(exc)) from exc
    source = prepared.source
    if source.portal is not None and (args.column or args.save_mapping):
        raise UsageError(
            "NPOポータルCSVは列の並びが決まっているため、--column と --save-mapping は使えません。"
        )
    if source.portal is not None:
        read = source.portal
        return prepared.plan, [
            f"NPOポータルCSV（{read.layout_name}、{read.encoding}）: {read.total_records:,} 件中、"
            f"他の都道府県 {read.other_prefecture:,} 件・解散で除外 {read.dissolved_skipped:,} 件を除く {len(read.rows):,} 件"
        ]
    table = source.table
    assert table is not None
    used = prepared.mapping
    columns = "、".join(
        f"{table.headers[i]}→{target}" for i, target in sorted(used.items()) if target != "ignore"
    )
    label = (fmt or source.format.value).upper()
    notes = [
        f"{label}（{table.sheet or table.encoding}）: {len(prepared.plan.rows):,} 行。列の対応: {columns}"
    ]
    if args.save_mapping:
        from kyodo_desktop.domain.column_mapping import mapping_by_header
        from kyodo_desktop.services.import_lists import save_mapping_template

        save_mapping_template(
            ws.data_dir, args.save_mapping, mapping_by_header(table.headers, used), kind=source.kind
        )
        notes.append(f"列の対応をテンプレート「{' '.join(args.save_mapping.split())}」に保存しました")
    return prepared.plan, notes


def check_header_row(value: int | None) -> None:
    """Refuse a ``--header-row`` below 1 (a usage error), before the data file is opened."""
    if value is not None and value < 1:
        raise UsageError(f"--header-row は1以上の行番号で指定してください: {value}")


def column_choices(values: list[str]) -> list[tuple[str, str]]:
    """``--column FIELD=HEADER`` values as (field, header) pairs; a malformed one is a usage error.

    Shared by every import command (``kyodo import``, ``kyodo projects import``)."""
    choices: list[tuple[str, str]] = []
    for value in values:
        field, sep, column = value.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise UsageError(f"--column は 取り込み先=見出し（例: 団体名=B）の形で指定してください: {value}")
        choices.append((field.strip(), column.strip()))
    return choices


def overwrite_fields(names: list[str]) -> set[str]:
    """The fields ``--overwrite`` names, by label (電話番号) or field name (phone).

    Raises :class:`~kyodo_desktop.persistence.errors.KnownError` naming an unknown one.
    """
    from kyodo_desktop.domain.column_mapping import IGNORE, RECORD_ID, TARGETS
    from kyodo_desktop.domain.text import search_fold
    from kyodo_desktop.persistence.errors import KnownError

    known = {k: v for k, v in TARGETS.items() if k not in (IGNORE, RECORD_ID)}
    by_word = {search_fold(word): field for field, label in known.items() for word in (field, label)}
    chosen: set[str] = set()
    for name in names:
        field = by_word.get(search_fold(name))
        if field is None:
            raise KnownError(f"--overwrite の項目「{name}」はありません。項目名: {'、'.join(known.values())}")
        chosen.add(field)
        if field in ("municipality_code", "municipality_name"):  # settled together
            chosen |= {"municipality_code", "municipality_name"}
    return chosen


def _write_summary(args: argparse.Namespace, plan: Any, summary: Any) -> None:
    if args.summary is not None:
        from kyodo_desktop.services.import_summary import write_import_summary

        write_import_summary(plan, args.summary, summary=summary)
        print(f"確認結果を保存しました: {args.summary}")


def _cmd_import(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.domain.importing import format_of_suffix
    from kyodo_desktop.services.import_pipeline import check_source_file
    from kyodo_desktop.services.importing import Action, apply_import, choose_overwrites
    from kyodo_desktop.services.workspace import Workspace

    # refused before the write lock is taken: a FIFO would hold it while waiting for ever
    check_source_file(args.file)
    format_of_suffix(args.file)
    check_header_row(args.header_row)
    column_choices(args.column)  # a malformed --column is refused before the data file is opened
    write = not args.dry_run
    overwrite = None if args.overwrite_all else overwrite_fields(args.overwrite)
    with Workspace.open(data_dir, write=write) as ws:
        plan, notes = _read_import_rows(args, ws)
        choose_overwrites(plan, overwrite)
        for note in notes:
            print(note)
        for problem in sorted([*plan.problems, *plan.notices], key=lambda p: p.row_number):
            print(f"{problem.row_number}\t{problem.sheet}\t{problem.column}\t{_one_line(problem.message)}")
        for planned in plan.rows:
            if planned.action is Action.DUPLICATE_IN_FILE:
                print(
                    f"{planned.row.row_number}\t\t\t{planned.duplicate_of_row} 行目と同じ団体です（取り込みません）"
                )
        counts = plan.outcomes()  # an update with nothing ticked writes nothing: 変更なし
        print(
            "、".join(f"{action.value} {counts[action]:,}" for action in Action if action is not Action.SKIP)
        )
        if args.dry_run or (plan.has_errors and not args.valid_only):
            _write_summary(args, plan, None)  # the officer's list of what to fix
        if args.dry_run:
            return EXIT_ERROR if plan.has_errors else EXIT_OK
        summary = apply_import(
            ws, plan, valid_only=args.valid_only, progress=_progress_printer("書き込み", sys.stderr)
        )
        _write_summary(args, plan, summary)
    if not summary.backup_path:
        print("取り込む変更はありませんでした（何も書き込んでいません）。")
        return EXIT_OK
    print(
        f"取り込みました: 新規 {summary.created:,} 件、更新 {summary.updated:,} 件"
        f"（取り込みID {summary.import_id}、取り込み前のバックアップ: {summary.backup_path}）"
    )
    return EXIT_OK
