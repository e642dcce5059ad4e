"""The ``kyodo`` command: the registry's services without Qt.

Exit codes: 0 success, 1 a user-facing error (one line on stderr, never a traceback),
2 wrong usage. List commands print one record per line, ``ID<TAB>...``.

Each command group is a module of this package with a ``register(commands)`` function that adds
its commands (parser, options, handler); a new group is one more entry in :data:`GROUPS`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from kyodo_desktop import __version__
from kyodo_desktop.argparse_ja import JapaneseArgumentParser

# Imported by name, not looked up at run time: PyInstaller follows these imports into the bundle.
from kyodo_desktop.cli import (
    audit,
    duplicates,
    evaluation_export,
    evaluation_forms,
    evaluations,
    handover,
    import_history,
    imports,
    maintenance,
    officer,
    officers,
    orgs,
    project_import,
    projects,
)
from kyodo_desktop.cli.common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, Commands, UsageError, report

__all__ = ["EXIT_ERROR", "EXIT_OK", "EXIT_USAGE", "GROUPS", "build_parser", "main"]


class Group(Protocol):
    """A command group module."""

    def register(self, commands: Commands) -> None: ...


#: The command groups, in the order ``kyodo --help`` lists them.
GROUPS: tuple[Group, ...] = (
    orgs,
    duplicates,
    projects,
    project_import,
    evaluations,
    evaluation_export,
    evaluation_forms,
    imports,
    import_history,
    maintenance,
    audit,
    officer,
    officers,
    handover,
)

_EPILOG = """\
終了コード: 0 成功、1 エラー（標準エラーに1行）、2 使い方の誤り
一覧を出すコマンドは1行に1件（ID<TAB>…）、--json のあるものはJSONでも出力する。
コマンドごとの説明: kyodo COMMAND --help（例: kyodo orgs add --help）

例:
  kyodo demo --orgs 2000
  kyodo orgs search みどり
  kyodo --data-dir D:\\kyodo-data import 団体一覧.xlsx --dry-run
"""


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree (each command's options are added when it is used)."""
    p = JapaneseArgumentParser(
        prog="kyodo", description="協働デスク（Kyodo Desktop）コマンドライン", epilog=_EPILOG
    )
    p.add_argument(
        "--version", action="version", version=f"kyodo {__version__}", help="バージョンを表示して終了する"
    )
    p.add_argument(
        "--data-dir", type=Path, help="データフォルダ（既定: KYODO_DATA_DIR、kyodo-data/、ユーザーフォルダ）"
    )
    p.add_argument("-v", "--verbose", action="store_true", help="ログを標準エラーにも出す")
    commands = Commands(p)
    for group in GROUPS:
        group.register(commands)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``kyodo``; returns the exit code."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)

    from kyodo_desktop.logging_setup import setup_logging
    from kyodo_desktop.services.data_folder import resolve_data_dir

    data_dir, args.data_dir_source = resolve_data_dir(args.data_dir)
    setup_logging(data_dir, verbose=args.verbose)
    try:
        code: int = args.func(args, data_dir)
        return code
    except UsageError as exc:
        sys.stderr.write(f"kyodo: 使い方の誤り: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("kyodo: 中断しました\n")
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # every error ends in one line, never a traceback
        return report(exc)
