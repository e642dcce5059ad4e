"""``kyodo officer``: who is working (their name goes into every change history row)."""

from __future__ import annotations

import argparse
from pathlib import Path

from kyodo_desktop.cli.common import EXIT_OK, CommandParser, Commands


def register(commands: Commands) -> None:
    """Add ``kyodo officer``."""
    commands.command(
        "officer",
        help="現在の職員を表示・設定する（変更履歴に記録される名前）",
        example="kyodo officer\nkyodo officer '山田 太郎' --section 県民生活課",
        options=_options,
        run=_officer,
    )


def _options(p: CommandParser) -> None:
    p.add_argument("name", nargs="?", help="設定する職員の氏名（省略すると現在の職員を表示）")
    p.add_argument("--section", default="", help="所属課")


def _officer(args: argparse.Namespace, data_dir: Path) -> int:
    from kyodo_desktop.services.settings import current_officer, set_officer

    officer = set_officer(data_dir, args.name, args.section) if args.name else current_officer(data_dir)
    print(officer.label())
    return EXIT_OK
