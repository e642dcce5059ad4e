"""``kyodo handover create|pending|export``: handover notes (引継書) from an officer to the successor.

``export`` writes the workbook only: the PDF is drawn with Qt, which the command line does not
load (the 引継 tab offers it)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kyodo_desktop.cli.common import EXIT_OK, CommandParser, Commands, one_line, write_records

GROUP = "handover"


def register(commands: Commands) -> None:
    """Add the ``handover`` group."""
    commands.group(
        GROUP,
        help="引継書（異動する職員から後任へ）の作成と未引継の一覧",
        example="kyodo handover pending\nkyodo handover create --from '佐藤 一郎' --to '鈴木 花子' --org ID",
    )
    commands.command(
        "create",
        group=GROUP,
        help="引継書の下書きを作る（記録から経過・未了事項・今後の期日をまとめる）。最後の行に ID<TAB>版<TAB>項目数",
        example="kyodo handover create --from '佐藤 一郎' --to '鈴木 花子' --org ORG_ID --project PROJECT_ID",
        options=_create_options,
        run=_create,
    )
    commands.command(
        "pending",
        group=GROUP,
        help="異動日のある職員で、署名済の引継書のない団体・事業があるもの。1行に1人: "
        "OFFICER_ID<TAB>氏名<TAB>異動日<TAB>未引継の団体・事業数",
        example="kyodo handover pending",
        run=_pending,
    )
    commands.command(
        "export",
        group=GROUP,
        help="引継書をExcelファイル（概要と団体・事業ごとのシート、A4印刷設定）に書き出す。"
        "PDFは画面の「引継」タブから書き出す",
        example="kyodo handover export NOTE_ID 引継書.xlsx",
        options=_export_options,
        run=_export,
    )


def _create_options(p: CommandParser) -> None:
    p.add_argument(
        "--from", dest="from_officer", required=True, metavar="NAME", help="前任の職員（氏名かID）"
    )
    p.add_argument("--to", dest="to_officer", required=True, metavar="NAME", help="後任の職員（氏名かID）")
    p.add_argument("--org", action="append", default=[], metavar="ID", help="引き継ぐ団体のID（繰り返し可）")
    p.add_argument(
        "--project", action="append", default=[], metavar="ID", help="引き継ぐ事業のID（繰り返し可）"
    )
    p.add_argument("--on", metavar="DATE", default="", help="引継日（既定: 前任の異動日、なければ今日）")
    p.add_argument(
        "--include-contacts", action="store_true", help="担当者の電話番号・メールアドレスを引継書に載せる"
    )


def _create(args: argparse.Namespace, data_dir: Path) -> int:
    from datetime import date

    from kyodo_desktop.domain.validation import parse_date
    from kyodo_desktop.services import officers
    from kyodo_desktop.services.handover import HandoverService
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=True) as ws:
        source = officers.find_by_name(ws, args.from_officer)
        target = officers.find_by_name(ws, args.to_officer)
        on = parse_date(args.on, "handover_on") or source.transferred_on or date.today()
        service = HandoverService(ws)
        note_id = service.create_note(
            source.id, target.id, on, args.org, args.project, include_contacts=args.include_contacts
        )
        note = service.get(note_id)
        for item in note.items:
            opened = len(item.dossier.open_items) if item.dossier else 0
            print(f"{item.kind}\t{one_line(item.subject)}\t未了事項 {opened}件")
        write_records([(note.id, f"第{note.revision}版", f"{len(note.items)}件")])
    return EXIT_OK


def _pending(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.handover_alerts import pending
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws:
        write_records(
            (p.officer_id, one_line(p.name), p.transferred_on.isoformat(), p.count) for p in pending(ws)
        )
    return EXIT_OK


def _export_options(p: CommandParser) -> None:
    p.add_argument("id", metavar="ID", help="引継書のID（kyodo handover create の最後の行）")
    p.add_argument("out", type=Path, metavar="OUT.xlsx", help="書き出すExcelファイル")


def _export(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.persistence.errors import KnownError
    from kyodo_desktop.services.handover_export import write_handover_workbook
    from kyodo_desktop.services.workspace import Workspace

    if args.out.suffix.lower() == ".pdf":
        # the PDF is drawn with Qt, and the command line stays without it
        raise KnownError(
            "PDFはコマンドからは書き出せません。画面の「引継」タブから書き出してください（ここでは .xlsx のみ）。"
        )
    with Workspace.open(data_dir, write=False) as ws:
        document = write_handover_workbook(args.out, args.id, ws)
    print(f"引継書（{one_line(document.title)}、{len(document.parts) - 1}件）を書き出しました: {args.out}")
    return EXIT_OK
