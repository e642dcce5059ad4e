"""``kyodo orgs duplicates|merge|unmerge|not-duplicate``: finding, merging and dismissing pairs."""

from __future__ import annotations

import argparse
from pathlib import Path

from kyodo_desktop.cli.common import EXIT_OK, CommandParser, Commands, one_line, print_json, write_records
from kyodo_desktop.cli.orgs import GROUP


def register(commands: Commands) -> None:
    """Add the duplicate commands to the ``orgs`` group."""
    commands.command(
        "duplicates",
        group=GROUP,
        help="重複の候補（同じ法人番号・名称・電話・メール、よく似た名称）。証拠の強い順に1行に1組: ID<TAB>ID<TAB>名称<TAB>名称<TAB>理由",
        example="kyodo orgs duplicates\nkyodo orgs duplicates --json",
        options=_duplicates_options,
        run=_duplicates,
    )
    commands.command(
        "merge",
        group=GROUP,
        help="OTHER_ID を KEEP_ID に統合する（取り消し: orgs unmerge）",
        description=(
            "OTHER_ID の団体を KEEP_ID の団体に統合する。KEEP_ID の空の項目は OTHER_ID の値で埋め、\n"
            "担当者と対応記録は KEEP_ID に移す。統合の前にバックアップを作る。取り消し: kyodo orgs unmerge OTHER_ID"
        ),
        example="kyodo orgs merge KEEP_ID OTHER_ID\nkyodo orgs merge KEEP_ID OTHER_ID --take phone --take email",
        options=_merge_options,
        run=_merge,
    )
    commands.command(
        "unmerge",
        group=GROUP,
        help="統合を取り消す（統合された側のID）",
        example="kyodo orgs unmerge OTHER_ID",
        options=_unmerge_options,
        run=_unmerge,
    )
    commands.command(
        "not-duplicate",
        group=GROUP,
        help="ID_A と ID_B は別の団体と記録し、重複の候補に出さない（取り消し: --undo）",
        example="kyodo orgs not-duplicate ID_A ID_B\nkyodo orgs not-duplicate ID_A ID_B --undo",
        options=_not_duplicate_options,
        run=_not_duplicate,
    )


def _duplicates_options(p: CommandParser) -> None:
    p.add_argument("--json", action="store_true", help="JSONで出力する")


def _merge_options(p: CommandParser) -> None:
    import dataclasses

    from kyodo_desktop.domain.organization import OrganizationInput

    names = ", ".join(f.name for f in dataclasses.fields(OrganizationInput))
    p.add_argument("keep_id", metavar="KEEP_ID", help="残す団体のID")
    p.add_argument("other_id", metavar="OTHER_ID", help="統合されてゴミ箱へ移る団体のID")
    p.add_argument(
        "--take",
        action="append",
        default=[],
        metavar="FIELD",
        help="この項目は OTHER の値を採る（例: phone。複数可）",
    )
    p.epilog = f"項目名（--take FIELD）: {names}\n\n{p.epilog}"


def _unmerge_options(p: CommandParser) -> None:
    p.add_argument("id", help="統合された側（ゴミ箱へ移った側）の団体のID")


def _not_duplicate_options(p: CommandParser) -> None:
    p.add_argument("id_a", metavar="ID_A", help="団体のID")
    p.add_argument("id_b", metavar="ID_B", help="もう一方の団体のID")
    p.add_argument("--undo", action="store_true", help="「重複ではない」の記録を取り消す")


def _not_duplicate(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services import not_duplicates
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=True) as ws:
        if args.undo:
            not_duplicates.undo(ws, args.id_a, args.id_b)
            print(f"{args.id_a}\t{args.id_b} の「重複ではない」を取り消しました")
        elif not_duplicates.mark(ws, args.id_a, args.id_b):
            print(
                f"{args.id_a}\t{args.id_b} を重複ではないと記録しました"
                f"（取り消し: kyodo orgs not-duplicate {args.id_a} {args.id_b} --undo）"
            )
        else:
            print(f"{args.id_a}\t{args.id_b} は既に重複ではないと記録されています")
    return EXIT_OK


def _duplicates(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services import duplicates
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws:
        pairs = duplicates.find_candidates(ws)
        if args.json:
            print_json(pairs)
        else:
            write_records(
                (
                    p.first_id,
                    p.second_id,
                    one_line(p.first_name),
                    one_line(p.second_name),
                    "、".join(p.reasons),
                )
                for p in pairs
            )
    return EXIT_OK


def _merge(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services import duplicates
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=True) as ws:
        duplicates.merge(ws, args.keep_id, args.other_id, take_from_other=args.take)
        print(
            f"{args.keep_id}\t{args.other_id} を統合しました（取り消し: kyodo orgs unmerge {args.other_id}）"
        )
    return EXIT_OK


def _unmerge(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services import duplicates
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=True) as ws:
        keep_id = duplicates.unmerge(ws, args.id)
        print(f"{args.id}\t{keep_id} への統合を取り消しました")
    return EXIT_OK
