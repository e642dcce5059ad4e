"""``kyodo demo|export-xlsx|backup|restore|check|self-test``: the data file and the program itself."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from kyodo_desktop.argparse_ja import integer
from kyodo_desktop.cli.common import (
    EXIT_ERROR,
    EXIT_OK,
    CommandParser,
    Commands,
    UsageError,
    one_line,
    progress_printer,
)


def register(commands: Commands) -> None:
    """Add the maintenance commands."""
    commands.command(
        "demo",
        help="デモ用の団体・事業データを作成する（試用・研修・計測用）",
        example="kyodo --data-dir demo-data demo --orgs 2000\n"
        "kyodo --data-dir demo-data demo --orgs 2000 --projects 500",
        options=_demo_options,
        run=_demo,
    )
    commands.command(
        "export-xlsx",
        help="団体一覧をExcelに書き出す（ゴミ箱の団体を除く。事業があれば事業一覧と公平性チェックも）。"
        "--fiscal-year を付けるとその年度の年度レポート",
        example="kyodo export-xlsx 団体一覧.xlsx\n"
        "kyodo export-xlsx 令和7年度_協働レポート.xlsx --fiscal-year 2025 --section 協働推進課\n"
        "kyodo export-xlsx 課長用.xlsx --layout 一覧 --municipality 千葉市 --field 13\n"
        "kyodo export-xlsx 名簿.xlsx --columns 団体名,市町村,電話番号\n"
        "kyodo export-xlsx 課長用.xlsx --layout 一覧 --with-contacts --with-interactions",
        options=_export_options,
        run=_export,
    )
    commands.command(
        "backup",
        help="バックアップを作成する（最後の行にパス）",
        example="kyodo backup",
        run=_backup,
    )
    commands.command(
        "restore",
        help="バックアップから復元する（復元前のデータファイルは保存される）",
        example="kyodo restore kyodo-data/backups/FILE.db\nkyodo check",
        options=_restore_options,
        run=_restore,
    )
    commands.command(
        "check",
        help="データファイルの整合性検査（問題なければ ok。あれば破損の説明と最新の正常なバックアップの"
        "復元コマンド、続いて問題を1行ずつ出力して終了コード1）",
        example="kyodo check",
        run=_check,
    )
    commands.command(
        "self-test",
        help="動作環境の自己診断（問題があれば終了コード1）",
        example="kyodo self-test",
        run=_self_test,
    )


def _demo_options(p: CommandParser) -> None:
    p.add_argument(
        "--orgs",
        type=integer,
        default=None,
        metavar="N",
        help="作成する団体の数（0以上。--projects がなければ職員・担当・約束・宿題・署名済みの引継書も加える）",
    )
    p.add_argument(
        "--projects",
        type=integer,
        default=0,
        metavar="M",
        help="作成する事業の数（0以上。直近5年度、登録済みの活動中の団体がパートナー。担当の職員も加える）",
    )
    p.add_argument(
        "--seed",
        type=integer,
        default=1,
        metavar="S",
        help="乱数の種（同じ種なら同じデータ。既定: %(default)s）",
    )


def _export_options(p: CommandParser) -> None:
    from kyodo_desktop.cli.filters import add_filter_options

    p.add_argument("out", type=Path, metavar="OUT.xlsx", help="書き出すExcelファイル")
    add_filter_options(p, search=True)
    p.add_argument(
        "--layout",
        choices=("一覧", "全項目"),
        default="全項目",
        help="一覧: 印刷用の主な列（A4横）、全項目: すべての列とID（再インポート用。既定）",
    )
    p.add_argument(
        "--columns",
        default="",
        metavar="列,列,…",
        help="書き出す列の見出し（「,」または「、」区切り。例: 団体名,市町村,電話番号）。--layout より優先",
    )
    p.add_argument(
        "--with-contacts",
        action="store_true",
        help="書き出す団体の連絡先（担当者）のシートを加える",
    )
    p.add_argument(
        "--with-interactions",
        action="store_true",
        help="書き出す団体の対応記録のシートを加える",
    )
    p.add_argument(
        "--no-projects",
        action="store_true",
        help="事業一覧・公平性チェック・評価サマリーのシートを加えない（事業が登録されていれば既定で加える）",
    )
    p.add_argument(
        "--fiscal-year",
        type=integer,
        default=None,
        metavar="Y",
        help="年度レポートを書き出す（年度は西暦の開始年。令和7年度なら 2025。ほかの書き出しの指定とは併用不可）",
    )
    p.add_argument(
        "--section",
        default=None,
        metavar="課",
        help="年度レポートをこの課（事業の担当課・職員の所属課）に絞る（--fiscal-year と併用）",
    )


def _restore_options(p: CommandParser) -> None:
    p.add_argument(
        "file", type=Path, metavar="FILE", help="バックアップファイル（kyodo backup が出力したパス）"
    )


def _demo(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services import demo
    from kyodo_desktop.services.workspace import Workspace

    if args.orgs is None and not args.projects:
        raise UsageError("--orgs か --projects を指定してください")
    if (args.orgs or 0) < 0:
        raise UsageError("--orgs は0以上の数です")
    if args.projects < 0:
        raise UsageError("--projects は0以上の数です")
    with Workspace.open(data_dir, write=True) as ws:
        if args.orgs is not None:
            n = demo.generate(
                ws, args.orgs, seed=args.seed, progress=progress_printer("デモデータ", sys.stderr)
            )
            print(f"デモ団体を {n:,} 件作成しました。")
            if not args.projects:  # with --projects, the projects' demo adds the handovers
                from kyodo_desktop.services.demo_handover import add_without_projects

                added, signed = add_without_projects(ws, seed=args.seed)
                print(
                    f"デモの職員と引継ぎを作成しました（職員の追加 {added} 人、署名済みの引継書 {signed} 件）。"
                )
        if args.projects:
            from kyodo_desktop.services.demo_projects import generate_projects

            m, officers = generate_projects(
                ws, args.projects, seed=args.seed, progress=progress_printer("デモ事業", sys.stderr)
            )
            print(f"デモ事業を {m:,} 件作成しました（職員の追加 {officers} 人）。")
    return EXIT_OK


#: The options of the registry's export, with their defaults: none goes with --fiscal-year.
_REGISTRY_ONLY = (
    ("--search", "search", ""),
    ("--municipality", "municipality", ""),
    ("--field", "field", ""),
    ("--legal-form", "legal_form", ""),
    ("--status", "status", ""),
    ("--layout", "layout", "全項目"),
    ("--columns", "columns", ""),
    ("--with-contacts", "with_contacts", False),
    ("--with-interactions", "with_interactions", False),
    ("--no-projects", "no_projects", False),
)


def _export(args: argparse.Namespace, data_dir: Path) -> int:
    import re

    if args.fiscal_year is not None:
        return _export_report(args, data_dir)
    if args.section is not None:
        raise UsageError("--section は --fiscal-year（年度レポート）と一緒に指定してください")

    from kyodo_desktop.cli.filters import org_filter_of
    from kyodo_desktop.services.export_xlsx import export_organizations
    from kyodo_desktop.services.workspace import Workspace

    columns = [c.strip() for c in re.split("[,、，]", args.columns) if c.strip()] or None
    org_filter = org_filter_of(args, args.search)
    with Workspace.open(data_dir, write=False) as ws:
        n = export_organizations(
            ws,
            args.out,
            progress=progress_printer("書き出し", sys.stderr),
            layout=args.layout,
            columns=columns,
            org_filter=org_filter,
            with_contacts=args.with_contacts,
            with_interactions=args.with_interactions,
            with_projects=not args.no_projects,
        )
    print(f"{n:,} 件を書き出しました: {args.out}")
    return EXIT_OK


def _export_report(args: argparse.Namespace, data_dir: Path) -> int:
    """``export-xlsx OUT --fiscal-year Y [--section 課]``: the 年度レポート."""
    given = [option for option, name, default in _REGISTRY_ONLY if getattr(args, name) != default]
    if given:
        raise UsageError(f"--fiscal-year（年度レポート）には {'、'.join(given)} を指定できません")
    if not 1900 <= args.fiscal_year <= 2200:
        raise UsageError(
            f"--fiscal-year は西暦の年で指定してください（令和7年度なら 2025）: {args.fiscal_year}"
        )
    from kyodo_desktop.persistence.errors import KnownError
    from kyodo_desktop.services.annual_report import export_annual_report, known_sections
    from kyodo_desktop.services.report_scope import ReportScope
    from kyodo_desktop.services.workspace import Workspace

    scope = ReportScope(args.fiscal_year, args.section)
    with Workspace.open(data_dir, write=False) as ws:
        if scope.section is not None:
            sections = known_sections(ws)
            if scope.section not in sections:
                raise KnownError(
                    f"その課の事業も職員もありません: {scope.section}。"
                    f"使われている課: {'、'.join(sections) or '（なし）'}"
                )
        written = export_annual_report(
            ws, args.out, scope, progress=progress_printer("年度レポート", sys.stderr)
        )
    for title, rows in written.items():
        print(f"{title}: {rows:,} 行")
    print(f"{scope.header_text}の年度レポートを書き出しました: {args.out}")
    return EXIT_OK


def _backup(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.persistence import backup
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws:
        info = backup.create_backup(ws.db_path, ws.backups_dir, "manual")
    print(info.path)
    return EXIT_OK


def _restore(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services import maintenance

    kept = maintenance.restore(data_dir, args.file)
    if kept is not None:
        print(f"復元前のデータファイルを保存しました: {kept}")
    print(f"復元しました: {args.file}")
    return EXIT_OK


def _check(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services import maintenance

    problems = maintenance.check(data_dir)
    if problems:
        for problem in problems:
            print(one_line(problem))
        return EXIT_ERROR
    print("ok")
    return EXIT_OK


def qt_check() -> Any:
    """The Qt line of the self-test: QtCore loads, and whether the window could open here.

    QtCore only (the CLI never needs widgets); the window's platform is checked without starting
    it (see :mod:`kyodo_desktop.qt_preflight`). Missing libraries fail the self-test, a missing
    display does not (the CLI works without one, and the bundle may be checked on a server).
    """
    from kyodo_desktop import qt_preflight
    from kyodo_desktop.services.self_test import Check

    try:
        from PySide6 import QtCore
        from PySide6 import __version__ as pyside_version
    except ImportError as exc:
        return Check("Qt", qt_preflight.import_error_message(exc).replace("\n", " "), ok=False)
    version = f"{QtCore.qVersion()}（PySide6 {pyside_version}）"
    preflight = qt_preflight.check()
    if preflight.missing:
        message = qt_preflight.missing_libraries_message(preflight.missing, preflight.platform)
        print(message, file=sys.stderr)  # readable with its apt-get line, the report keeps one line
        return Check("Qt", f"{version}、ウィンドウを開けません: {message.replace(chr(10), ' ')}", ok=False)
    if preflight.display_problem:
        return Check("Qt", f"{version}、画面なし（{preflight.platform}: ウィンドウは開けません）")
    return Check("Qt", f"{version}、表示: {preflight.platform or '既定'}")


def _self_test(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services import self_test

    checks = self_test.run(data_dir, args.data_dir_source, extra=[qt_check()])
    print(self_test.format_report(checks))
    return EXIT_OK if all(c.ok for c in checks) else EXIT_ERROR
