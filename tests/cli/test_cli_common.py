"""The pieces every command group shares: list lines, JSON, one-line text and the command tree."""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
from datetime import date
from pathlib import Path

import pytest

from kyodo_desktop.argparse_ja import JapaneseArgumentParser
from kyodo_desktop.cli.common import (
    EXIT_OK,
    CommandParser,
    Commands,
    one_line,
    print_json,
    progress_printer,
    value_list,
    write_records,
)


@dataclasses.dataclass
class _Record:
    id: str
    on: date
    tags: tuple[str, ...]


def test_records_are_tab_separated_lines(capsys: pytest.CaptureFixture[str]) -> None:
    write_records([("a1", "みどりの会"), ("b2", 3, "")])
    assert capsys.readouterr().out == "a1\tみどりの会\nb2\t3\t\n"


def test_one_line_folds_every_kind_of_whitespace() -> None:
    assert one_line(" NPO法人\u3000みどり\n\tの会 ") == "NPO法人 みどり の会"


def test_json_keeps_japanese_and_writes_dates_and_dataclasses(capsys: pytest.CaptureFixture[str]) -> None:
    print_json([_Record("a1", date(2026, 4, 1), ("子ども",))])
    out = capsys.readouterr().out
    assert "子ども" in out
    assert json.loads(out) == [{"id": "a1", "on": "2026-04-01", "tags": ["子ども"]}]


def test_progress_only_on_a_terminal() -> None:
    assert progress_printer("読み込み", io.StringIO()) is None

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Tty()
    show = progress_printer("読み込み", stream)
    assert show is not None and show(1000, 2000) and show(2000, 2000)
    assert stream.getvalue() == "\r読み込み: 1,000 / 2,000\r読み込み: 2,000 / 2,000\n"


def test_value_list_aligns_by_display_width() -> None:
    text = value_list(["一般社団法人", "任意団体", "NPO", "x"], width=16)
    assert text == "  一般社団法人    任意団体\n  NPO             x\n"


def test_a_group_module_plugs_in_with_commands_options_and_a_handler(tmp_path: Path) -> None:
    built: list[str] = []

    def options(p: CommandParser) -> None:
        built.append(p.prog)
        p.add_argument("--title", required=True, help="題名")

    def run(args: argparse.Namespace, data_dir: Path) -> int:
        assert args.title == "引き継ぎ" and data_dir == tmp_path
        return EXIT_OK

    root = JapaneseArgumentParser(prog="kyodo")
    commands = Commands(root)
    commands.group("handover", help="引き継ぎ", example="kyodo handover add --title 引き継ぎ")
    commands.group("handover", help="二度目は何もしない", example="kyodo handover")
    commands.command(
        "add", group="handover", help="追加する", example="kyodo handover add", options=options, run=run
    )
    commands.command("list", group="handover", help="一覧", example="kyodo handover list", run=run)
    assert built == []  # options wait until the command is used
    args = root.parse_args(["handover", "add", "--title", "引き継ぎ"])
    assert built == ["kyodo handover add"]
    assert args.func(args, tmp_path) == EXIT_OK
    assert root.parse_args(["handover", "list"]).func is run
    group_help = root._subparsers._group_actions[0].choices["handover"].format_help()  # type: ignore[union-attr]
    assert "引き継ぎ" in group_help and "二度目" not in group_help
    assert group_help.rstrip().endswith("例:\n  kyodo handover add --title 引き継ぎ")
