"""``kyodo imports list|undo``: the imports done so far, and undoing one of them.

(``kyodo import`` itself is :mod:`kyodo_desktop.cli.imports`; this group reads the audit log
through :mod:`kyodo_desktop.services.import_undo`.)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kyodo_desktop.cli.common import EXIT_OK, CommandParser, Commands, one_line, print_json, write_records
from kyodo_desktop.cli.common import progress_printer as _progress_printer

GROUP = "imports"


def register(commands: Commands) -> None:
    """Add ``kyodo imports list`` and ``kyodo imports undo``."""
    commands.group(
        GROUP,
        help="取り込みの履歴と取り消し",
        example="kyodo imports list\nkyodo imports undo 取り込みID",
    )
    commands.command(
        "list",
        group=GROUP,
        help="これまでの取り込み。1行に1件: 取り込みID<TAB>日時<TAB>ファイル<TAB>新規<TAB>更新（取り消し済みは末尾に印）",
        description=(
            "これまでの取り込み（古い順）。1行に1件: 取り込みID<TAB>日時<TAB>ファイル<TAB>新規<TAB>更新。\n"
            "日時はこのコンピューターの時刻（UTCとの差つき）。取り消した取り込みは6列目に「取り消し済み」。\n"
            "--json では日時をUTCで出力する。"
        ),
        example="kyodo imports list\nkyodo imports list --json",
        options=_list_options,
        run=_list,
    )
    commands.command(
        "undo",
        group=GROUP,
        help="取り込みを取り消す（新規の団体を削除し、更新した項目を元に戻す）",
        description=(
            "取り込みを取り消す。その取り込みで登録した団体を削除し、更新した項目を取り込み前の値に戻す。\n"
            "取り消しの前にバックアップを作り、1つのトランザクションで書き込む。取り込みの後に変更された\n"
            "団体があるときは、その団体名を示して何も変更しない。取り込みIDは kyodo imports list で確かめる。"
        ),
        example="kyodo imports undo 3f2a9c0b1d4e",
        options=_undo_options,
        run=_undo,
    )


def _list_options(p: CommandParser) -> None:
    p.add_argument("--json", action="store_true", help="JSONで出力する（日時はUTC）")


def _undo_options(p: CommandParser) -> None:
    p.add_argument("import_id", metavar="ID", help="取り消す取り込みのID（kyodo imports list の1列目）")


def _list(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.import_undo import list_imports, shown_time
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=False) as ws:
        found = list_imports(ws)
    if args.json:
        print_json(
            [
                {
                    "id": i.import_id,
                    "time": i.occurred_at,
                    "officer": i.officer,
                    "file": i.source_name,
                    "created": i.created,
                    "updated": i.updated,
                    "undone": i.undone,
                }
                for i in found
            ]
        )
        return EXIT_OK
    write_records(
        (
            i.import_id,
            shown_time(i.occurred_at),
            one_line(i.source_name),
            i.created,
            i.updated,
            *(("取り消し済み",) if i.undone else ()),
        )
        for i in found
    )
    return EXIT_OK


def _undo(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.import_undo import undo_import
    from kyodo_desktop.services.workspace import Workspace

    with Workspace.open(data_dir, write=True) as ws:
        done = undo_import(ws, args.import_id, progress=_progress_printer("取り消し", sys.stderr))
    print(
        f"取り込み {done.import_id} を取り消しました: 削除 {done.deleted:,} 件、元に戻した団体 {done.restored:,} 件"
        f"（取り消し前のバックアップ: {done.backup_path}）"
    )
    return EXIT_OK
