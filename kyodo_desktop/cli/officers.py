"""``kyodo officers list|add``: officers (職員) as records (a project's lead, a group's responsible)."""

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
