"""``kyodo officers list|add|set``: officers (職員) as records (a project's lead, a group's responsible).

``set`` gives an officer the 着任日, the planned 異動日 and the 後任 a handover needs.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kyodo_desktop.cli.common import EXIT_OK, CommandParser, Commands, one_line, write_records

GROUP = "officers"


def register(commands: Commands) -> None:
    """Add the ``officers`` group."""
    commands.group(
        GROUP,
        help="職員の一覧と登録（事業の担当職員・団体の担当職員）",
        example="kyodo officers list\nkyodo officers add '山田 太郎' --section 県民生活課",
    )
    commands.command(
        "set",
        group=GROUP,
        help="職員の着任日・異動日・後任を設定する（空の値 '' で消す）",
        example="kyodo officers set OFFICER_ID --transfer-on 2027-04-01 --successor '鈴木 花子'",
        options=_set_options,
        run=_set,
    )
    commands.command(
        "list",
        group=GROUP,
        help="職員の一覧。1行に1人: ID<TAB>氏名<TAB>所属課",
        example="kyodo officers list",
        run=_list,
    )
    commands.command(
        "add",
        group=GROUP,
        help="職員を登録する（新しいIDを出力）",
        example="kyodo officers add '山田 太郎' --section 県民生活課 --kana 'ヤマダ タロウ' --title 主査",
        options=_add_options,
        run=_add,
    )


def _add_options(p: CommandParser) -> None:
    p.add_argument("name", help="氏名")
    p.add_argument("--section", default="", help="所属課")
    p.add_argument("--kana", default="", help="フリガナ")
    p.add_argument("--title", default="", help="役職")


def _list(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.officers import list_officers
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws:
        write_records((o.id, one_line(o.data.name), one_line(o.data.section)) for o in list_officers(ws))
    return EXIT_OK


def _add(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.domain.project import OfficerInput
    from kyodo_desktop.services.officers import add_officer
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=True) as ws:
        print(add_officer(ws, OfficerInput(args.name, args.kana, args.section, args.title)))
    return EXIT_OK


def _set_options(p: CommandParser) -> None:
    p.add_argument("officer", metavar="ID", help="職員のID（または氏名）")
    p.add_argument("--assigned-on", metavar="DATE", help="着任日（'' で消す）")
    p.add_argument("--transfer-on", metavar="DATE", help="異動日（予定。'' で消す）")
    p.add_argument("--successor", metavar="NAME", help="後任の職員（氏名かID。'' で消す）")


def _set(args: argparse.Namespace, data_dir: Path) -> int:
    from typing import Any

    from kyodo_desktop.domain.validation import parse_date
    from kyodo_desktop.services import officers
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=True) as ws:
        officer = officers.find_by_name(ws, args.officer)
        changes: dict[str, Any] = {}
        if args.assigned_on is not None:
            changes["assigned_on"] = parse_date(args.assigned_on, "assigned_on")
        if args.transfer_on is not None:
            changes["transferred_on"] = parse_date(args.transfer_on, "transferred_on")
        if args.successor is not None:
            changes["successor_id"] = (
                officers.find_by_name(ws, args.successor).id if args.successor.strip() else None
            )
        officers.set_assignment(ws, officer.id, **changes)
        record = officers.get_officer(ws, officer.id)
        successor = officers.get_officer(ws, record.successor_id).data.name if record.successor_id else ""
        write_records(
            [
                (
                    record.id,
                    one_line(record.data.name),
                    record.assigned_on.isoformat() if record.assigned_on else "",
                    record.transferred_on.isoformat() if record.transferred_on else "",
                    one_line(successor),
                )
            ]
        )
    return EXIT_OK
