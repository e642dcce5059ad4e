"""The ``kyodo`` command: the registry's services without Qt.

Exit codes: 0 success, 1 a user-facing error (one line on stderr, never a traceback),
2 wrong usage. List commands print one record per line, ``ID<TAB>...``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from kyodo_desktop import __version__

log = logging.getLogger(__name__)

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse with Japanese-friendly errors and exit code 2."""

    def error(self, message: str) -> Any:
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: 使い方の誤り: {message}\n")
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree."""
    p = _Parser(prog="kyodo", description="協働デスク（Kyodo Desktop）コマンドライン")
    p.add_argument("--version", action="version", version=f"kyodo {__version__}")
    p.add_argument(
        "--data-dir", type=Path, help="データフォルダ（既定: KYODO_DATA_DIR、kyodo-data/、ユーザーフォルダ）"
    )
    p.add_argument("-v", "--verbose", action="store_true", help="ログを標準エラーにも出す")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    demo = sub.add_parser("demo", help="デモ用の団体データを作成する")
    demo.add_argument("--orgs", type=int, required=True, metavar="N")
    demo.add_argument("--seed", type=int, default=1, metavar="S")

    orgs = sub.add_parser("orgs", help="団体台帳")
    osub = orgs.add_subparsers(dest="orgs_command", required=True, parser_class=_Parser)
    add = osub.add_parser("add", help="団体を登録する（最後の行に新しいIDを出力）")
    add.add_argument("--name", required=True)
    add.add_argument("--kana", default="")
    add.add_argument("--legal-form", default="")
    add.add_argument("--corporate-number", default="")
    add.add_argument("--municipality", default="", help="市町村名またはコード")
    add.add_argument("--postal", default="")
    add.add_argument("--address", default="")
    add.add_argument("--phone", default="")
    add.add_argument("--fax", default="")
    add.add_argument("--email", default="")
    add.add_argument("--website", default="")
    add.add_argument("--representative", default="")
    add.add_argument(
        "--field", type=int, action="append", default=[], metavar="N", help="活動分野 1〜20（複数可）"
    )
    add.add_argument("--status", default="活動中")
    add.add_argument("--tags", default="")
    add.add_argument("--notes", default="")
    add.add_argument("--allow-duplicate", action="store_true", help="重複の可能性があっても登録する")

    search = osub.add_parser("search", help="団体を検索する（空文字で全件）")
    search.add_argument("text", nargs="?", default="")
    search.add_argument("--trash", action="store_true", help="ゴミ箱の中を検索する")
    search.add_argument("--json", action="store_true")
    show = osub.add_parser("show", help="団体の詳細")
    show.add_argument("id")
    show.add_argument("--json", action="store_true")
    for name, text in (("delete", "ゴミ箱へ移す"), ("restore", "ゴミ箱から戻す")):
        osub.add_parser(name, help=text).add_argument("id")
    dup = osub.add_parser("duplicates", help="重複の候補（同じ法人番号・名称・電話・メール、よく似た名称）")
    dup.add_argument("--json", action="store_true")
    merge = osub.add_parser("merge", help="OTHER_ID を KEEP_ID に統合する（取り消し: orgs unmerge）")
    merge.add_argument("keep_id")
    merge.add_argument("other_id")
    merge.add_argument(
        "--take",
        action="append",
        default=[],
        metavar="FIELD",
        help="この項目は OTHER の値を採る（例: phone）",
    )
    osub.add_parser("unmerge", help="統合を取り消す（統合された側のID）").add_argument("id")

    audit = sub.add_parser("audit", help="変更履歴")
    audit.add_argument("--record", metavar="ID")
    audit.add_argument("--json", action="store_true")

    export = sub.add_parser("export-xlsx", help="団体一覧をExcelに書き出す")
    export.add_argument("out", type=Path)

    sub.add_parser("backup", help="バックアップを作成する（最後の行にパス）")
    restore = sub.add_parser("restore", help="バックアップから復元する")
    restore.add_argument("file", type=Path)
    sub.add_parser("check", help="データファイルの整合性検査")

    imp = sub.add_parser("import", help="団体の一覧（NPOポータルCSV、Excel、CSV）を取り込む")
    imp.add_argument("file", type=Path)
    imp.add_argument("--format", choices=["npo-portal", "xlsx", "csv"], help="既定: ファイルから判定")
    imp.add_argument("--mapping", metavar="NAME", help="保存した列の対応（テンプレート）を使う")
    imp.add_argument("--sheet", help="Excelのシート名（既定: 最初のシート）")
    imp.add_argument(
        "--prefecture",
        help="NPOポータルCSV: この都道府県だけ（既定: 設定の prefecture、なければ千葉県。'' で全国）",
    )
    imp.add_argument("--skip-dissolved", action="store_true", help="NPOポータルCSV: 解散した法人を除く")
    imp.add_argument("--dry-run", action="store_true", help="確認だけして何も書き込まない")
    imp.add_argument("--valid-only", action="store_true", help="エラーのある行を除いて取り込む")
    imp.add_argument(
        "--summary", type=Path, metavar="OUT.xlsx", help="確認結果（と取り込み結果）をExcelに保存する"
    )

    sub.add_parser("self-test", help="動作環境の自己診断（問題があれば終了コード1）")

    officer = sub.add_parser("officer", help="現在の職員を表示・設定する")
    officer.add_argument("name", nargs="?")
    officer.add_argument("--section", default="", help="所属課")
    return p


# -- helpers ---------------------------------------------------------------------------------


def _progress_printer(label: str, stream: TextIO) -> Callable[[int, int], bool] | None:
    if not stream.isatty():
        return None

    def show(done: int, total: int) -> bool:
        stream.write(f"\r{label}: {done:,} / {total:,}")
        if done >= total:
            stream.write("\n")
        stream.flush()
        return True

    return show


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


# -- commands -------------------------------------------------------------------------------


def _cmd_demo(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services import demo
    from kyodo_desktop.services.workspace import Workspace

    if args.orgs < 0:
        raise _UsageError("--orgs は0以上の数です")
    with Workspace.open(data_dir, write=True) as ws:
        n = demo.generate(ws, args.orgs, seed=args.seed, progress=_progress_printer("デモデータ", sys.stderr))
    print(f"デモ団体を {n:,} 件作成しました。")
    return EXIT_OK


def _cmd_orgs(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.domain.organization import OrganizationInput
    from kyodo_desktop.services.organizations import OrganizationService
    from kyodo_desktop.services.workspace import Workspace

    if args.orgs_command in ("duplicates", "merge", "unmerge"):
        return _cmd_duplicates(args, data_dir)
    write = args.orgs_command in ("add", "delete", "restore")
    with Workspace.open(data_dir, write=write) as ws:
        svc = OrganizationService(ws)
        if args.orgs_command == "add":
            municipality = args.municipality.strip()
            code, name = (municipality, "") if municipality.isdigit() else ("", municipality)
            data = OrganizationInput(
                name=args.name,
                kana=args.kana,
                legal_form=args.legal_form,
                corporate_number=args.corporate_number,
                municipality_code=code,
                municipality_name=name,
                postal_code=args.postal,
                address=args.address,
                phone=args.phone,
                fax=args.fax,
                email=args.email,
                website=args.website,
                representative=args.representative,
                status=args.status,
                tags=args.tags,
                notes=args.notes,
                fields=list(args.field),
            )
            org_id = svc.create(data, allow_duplicate=args.allow_duplicate)
            print(org_id)
        elif args.orgs_command == "search":
            rows = svc.search(args.text, trash=args.trash)
            if args.json:
                print(json.dumps([{"id": i, "name": n} for i, n in rows], ensure_ascii=False))
            else:
                sys.stdout.writelines(f"{i}\t{_one_line(n)}\n" for i, n in rows)
        elif args.orgs_command == "show":
            _print_org(svc.get(args.id), as_json=args.json)
        elif args.orgs_command == "delete":
            svc.delete(args.id)
            print(f"{args.id}\tゴミ箱へ移しました")
        elif args.orgs_command == "restore":
            svc.restore(args.id)
            print(f"{args.id}\tゴミ箱から戻しました")
    return EXIT_OK


def _cmd_duplicates(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services import duplicates
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=args.orgs_command != "duplicates") as ws:
        if args.orgs_command == "duplicates":
            pairs = duplicates.find_candidates(ws)
            if args.json:
                print(json.dumps([dataclasses.asdict(p) for p in pairs], ensure_ascii=False))
            for p in [] if args.json else pairs:
                names = f"{_one_line(p.first_name)}\t{_one_line(p.second_name)}"
                print(f"{p.first_id}\t{p.second_id}\t{names}\t{'、'.join(p.reasons)}")
        elif args.orgs_command == "merge":
            duplicates.merge(ws, args.keep_id, args.other_id, take_from_other=args.take)
            print(
                f"{args.keep_id}\t{args.other_id} を統合しました（取り消し: kyodo orgs unmerge {args.other_id}）"
            )
        else:
            keep_id = duplicates.unmerge(ws, args.id)
            print(f"{args.id}\t{keep_id} への統合を取り消しました")
    return EXIT_OK


def _print_org(rec: Any, *, as_json: bool) -> None:
    from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT

    if as_json:
        payload = _jsonable(rec)
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    d = rec.data
    lines = [
        ("ID", rec.id),
        ("団体名", d.name),
        ("フリガナ", d.kana),
        ("法人格", d.legal_form),
        ("法人番号", d.corporate_number),
        ("市町村", d.municipality_name or d.municipality_code),
        ("郵便番号", d.postal_code),
        ("住所", d.address),
        ("電話", d.phone),
        ("FAX", d.fax),
        ("メール", d.email),
        ("ウェブサイト", d.website),
        ("代表者", d.representative),
        ("活動分野", "、".join(ACTIVITY_FIELD_SHORT[c] for c in d.fields)),
        ("状態", d.status + ("（ゴミ箱）" if rec.deleted_at else "")),
        ("設立日", d.established_on.isoformat() if d.established_on else ""),
        ("認証日", d.certified_on.isoformat() if d.certified_on else ""),
        ("会員数", "" if d.member_count is None else str(d.member_count)),
        ("タグ", d.tags),
        ("備考", d.notes),
        ("登録日", rec.registered_on.isoformat()),
        ("最終接触日", rec.last_contact_on.isoformat() if rec.last_contact_on else ""),
        ("版", str(rec.version)),
    ]
    print(f"{rec.id}\t{_one_line(d.name)}")
    for label, value in lines[1:]:
        if value:
            print(f"  {label}: {_one_line(value)}")
    for c in rec.contacts:
        primary = "（主担当）" if c.data.is_primary else ""
        print(f"  担当者: {c.data.name}{primary} {c.data.role} {c.data.phone} {c.data.email}".rstrip())
    for i in rec.interactions:
        print(f"  対応: {i.data.occurred_on.isoformat()} {i.data.kind} {_one_line(i.data.summary)}")


def _cmd_audit(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.persistence import audit
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws, ws.session_factory() as s:
        rows = audit.history(s, args.record)
    if args.json:
        print(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "time": r.occurred_at,
                        "officer": r.officer,
                        "entity": r.entity,
                        "record": r.record_id,
                        "action": r.action,
                        "changes": json.loads(r.changes),
                        "context": r.context,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
            )
        )
        return EXIT_OK
    for r in rows:
        changes = json.loads(r.changes)
        fields = ",".join(k for k in changes if not k.endswith("_id")) if isinstance(changes, dict) else ""
        print(f"{r.id}\t{r.occurred_at}\t{r.officer}\t{r.action}\t{r.entity}\t{r.record_id}\t{fields}")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.export_xlsx import export_organizations
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws:
        n = export_organizations(ws, args.out, progress=_progress_printer("書き出し", sys.stderr))
    print(f"{n:,} 件を書き出しました: {args.out}")
    return EXIT_OK


def _cmd_backup(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.persistence import backup
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws:
        info = backup.create_backup(ws.db_path, ws.backups_dir, "manual")
    print(info.path)
    return EXIT_OK


def _cmd_restore(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services import maintenance

    kept = maintenance.restore(data_dir, args.file)
    if kept is not None:
        print(f"復元前のデータファイルを保存しました: {kept}")
    print(f"復元しました: {args.file}")
    return EXIT_OK


def _cmd_check(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services import maintenance

    problems = maintenance.check(data_dir)
    if problems:
        for problem in problems:
            print(_one_line(problem))
        return EXIT_ERROR
    print("ok")
    return EXIT_OK


def _cmd_officer(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.settings import current_officer, set_officer

    officer = set_officer(data_dir, args.name, args.section) if args.name else current_officer(data_dir)
    print(officer.label())
    return EXIT_OK


def _detect_format(path: Path) -> str:
    """npo-portal / xlsx / csv, from the suffix and, for CSV, the header row (unknown: refused)."""
    from kyodo_desktop.services.import_pipeline import detect_format

    return str(detect_format(path))


def _read_import_rows(args: argparse.Namespace, ws: Any) -> tuple[Any, list[str]]:
    """The plan of the file (read once, through the import pipeline) and lines describing what was read."""
    from kyodo_desktop.domain.importing import SourceFormat
    from kyodo_desktop.services.import_pipeline import prepare_import
    from kyodo_desktop.services.settings import home_prefecture

    progress = _progress_printer("読み込み", sys.stderr)
    fmt = args.format
    prefecture = None
    if fmt in (None, "npo-portal"):
        prefecture = home_prefecture(ws.data_dir) if args.prefecture is None else args.prefecture
    prepared = prepare_import(
        ws,
        args.file,
        format=SourceFormat(fmt) if fmt else None,
        sheet=args.sheet,
        template_name=args.mapping,
        prefecture=prefecture or None,
        skip_dissolved=args.skip_dissolved,
        progress=progress,
    )
    source = prepared.source
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
    return prepared.plan, [
        f"{label}（{table.sheet or table.encoding}）: {len(prepared.plan.rows):,} 行。列の対応: {columns}"
    ]


def _write_summary(args: argparse.Namespace, plan: Any, summary: Any) -> None:
    if args.summary is not None:
        from kyodo_desktop.services.import_summary import write_import_summary

        write_import_summary(plan, args.summary, summary=summary)
        print(f"確認結果を保存しました: {args.summary}")


def _cmd_import(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.importing import Action, apply_import
    from kyodo_desktop.services.workspace import Workspace

    write = not args.dry_run
    with Workspace.open(data_dir, write=write) as ws:
        plan, notes = _read_import_rows(args, ws)
        for note in notes:
            print(note)
        for problem in plan.problems:
            print(f"{problem.row_number}\t{problem.sheet}\t{problem.column}\t{_one_line(problem.message)}")
        for planned in plan.rows:
            if planned.action is Action.DUPLICATE_IN_FILE:
                print(
                    f"{planned.row.row_number}\t\t\t{planned.duplicate_of_row} 行目と同じ団体です（取り込みません）"
                )
        counts = plan.counts()
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


def _cmd_self_test(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services import self_test

    checks = self_test.run(data_dir, args.data_dir_source, extra=[qt_check()])
    print(self_test.format_report(checks))
    return EXIT_OK if all(c.ok for c in checks) else EXIT_ERROR


class _UsageError(Exception):
    pass


COMMANDS: dict[str, Callable[[argparse.Namespace, Path], int]] = {
    "demo": _cmd_demo,
    "orgs": _cmd_orgs,
    "audit": _cmd_audit,
    "export-xlsx": _cmd_export,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "check": _cmd_check,
    "officer": _cmd_officer,
    "self-test": _cmd_self_test,
    "import": _cmd_import,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``kyodo``; returns the exit code."""
    from kyodo_desktop.logging_setup import setup_logging
    from kyodo_desktop.services.data_folder import resolve_data_dir

    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    data_dir, args.data_dir_source = resolve_data_dir(args.data_dir)
    setup_logging(data_dir, verbose=args.verbose)
    try:
        return COMMANDS[args.command](args, data_dir)
    except _UsageError as exc:
        sys.stderr.write(f"kyodo: 使い方の誤り: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("kyodo: 中断しました\n")
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # every error ends in one line, never a traceback
        return _report(exc)


def _report(exc: Exception) -> int:
    from kyodo_desktop.domain.validation import ValidationError, ValidationErrors
    from kyodo_desktop.persistence.errors import KnownError, known_database_error

    exc = known_database_error(exc) or exc
    from kyodo_desktop.domain.importing import ImportFileError

    if isinstance(exc, KnownError | ValidationError | ValidationErrors | ImportFileError):
        sys.stderr.write(f"kyodo: エラー: {_one_line(str(exc))}\n")
        return EXIT_ERROR
    log.exception("unexpected error")
    sys.stderr.write(
        f"kyodo: 予期しないエラー（{type(exc).__name__}）: {_one_line(str(exc))}。詳細はログを確認してください。\n"
    )
    return EXIT_ERROR


if __name__ == "__main__":
    sys.exit(main())
