"""``kyodo`` help: Japanese, every option explained, an example on every page, and light to start."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kyodo_desktop.cli import build_parser, main
from kyodo_desktop.cli.common import CommandParser
from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT, LEGAL_FORMS, OrgStatus

ROOT = Path(__file__).resolve().parents[2]


def _help(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main([*args, "--help"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def _parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield path
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def test_top_level_help_is_japanese_and_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys)
    assert out.startswith("使い方: kyodo")
    assert "オプション:" in out and "このヘルプを表示して終了する" in out
    for english in ("usage:", "options:", "positional arguments", "show this help", "show program's"):
        assert english not in out
    for command in (
        "orgs",
        "import",
        "demo",
        "export-xlsx",
        "backup",
        "restore",
        "check",
        "self-test",
        "audit",
        "imports",
    ):
        assert f"\n    {command} " in out, command


def test_every_command_has_help_for_each_option_and_ends_with_an_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = list(_parsers(build_parser()))
    assert ("orgs", "merge") in paths and ("import",) in paths and len(paths) >= 18
    for path in paths:
        out = _help(capsys, *path)
        assert out.startswith(f"使い方: {' '.join(('kyodo', *path))}")
        example = out.rstrip("\n").rsplit("\n例:\n", 1)
        assert len(example) == 2, path
        assert all(line.startswith("  kyodo ") for line in example[1].splitlines()), path
    parser = build_parser()
    for path in paths:
        p: argparse.ArgumentParser = parser
        for name in path:
            sub = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction))
            p = sub.choices[name]
            assert sub._choices_actions and all(c.help for c in sub._choices_actions), path
        p.format_help()  # adds the command's options
        assert [a.dest for a in p._actions if not a.help] == [], path


def test_orgs_add_help_lists_the_values_from_the_domain(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys, "orgs", "add")
    for status in OrgStatus:
        assert status.value in out
    for form in LEGAL_FORMS:
        assert form in out
    for number, label in ACTIVITY_FIELD_SHORT.items():
        assert f"{number:>2} {label}" in out
    assert "1〜20" in out


def test_import_and_merge_help_list_their_values(capsys: pytest.CaptureFixture[str]) -> None:
    out = _help(capsys, "import")
    for fmt in ("npo-portal", "xlsx", "csv"):
        assert f"\n  {fmt} " in out
    out = _help(capsys, "orgs", "merge")
    assert "phone" in out and "representative" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--bogus", "check"], "使えない引数です: --bogus"),
        (["orgs"], "次の引数が必要です: COMMAND"),
        (["orgs", "add"], "次の引数が必要です: --name"),
        (["frobnicate"], "選べない値です: 'frobnicate'"),
        (["import", "x.csv", "--format", "pdf"], "引数 --format: 選べない値です: 'pdf'"),
        (["demo", "--orgs", "many"], "引数 --orgs: 値が正しくありません（整数）: 'many'"),
        (["--data-dir"], "引数 --data-dir: 値を1つ指定してください"),
    ],
)
def test_wrong_usage_is_a_japanese_message_and_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("使い方: kyodo")
    last = err.strip().splitlines()[-1]
    assert ": 使い方の誤り: " in last and message in last, err
    assert "usage" not in err and "error:" not in err


def _fresh_python(code: str) -> list[str]:
    """Modules of kyodo_desktop and its heavy dependencies loaded by ``code`` in a new interpreter."""
    probe = (
        "import sys\n"
        f"{code}\n"
        "import json\n"
        "heavy = ('kyodo_desktop.', 'sqlalchemy', 'openpyxl', 'PySide6', 'alembic', 'rapidfuzz', 'phonenumbers')\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(heavy))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=ROOT, check=True
    )
    loaded: list[str] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


def test_help_and_parsing_import_no_domain_services_or_database() -> None:
    cli_only = {
        "kyodo_desktop.argparse_ja",
        "kyodo_desktop.cli",
        "kyodo_desktop.cli.audit",
        "kyodo_desktop.cli.common",
        "kyodo_desktop.cli.duplicates",
        "kyodo_desktop.cli.evaluation_export",
        "kyodo_desktop.cli.evaluation_forms",
        "kyodo_desktop.cli.evaluations",
        "kyodo_desktop.cli.filters",
        "kyodo_desktop.cli.handover",
        "kyodo_desktop.cli.import_history",
        "kyodo_desktop.cli.imports",
        "kyodo_desktop.cli.maintenance",
        "kyodo_desktop.cli.officer",
        "kyodo_desktop.cli.officers",
        "kyodo_desktop.cli.orgs",
        "kyodo_desktop.cli.project_import",
        "kyodo_desktop.cli.projects",
    }
    helped = _fresh_python(
        "from kyodo_desktop.cli import main\ntry:\n    main(['--help'])\nexcept SystemExit:\n    pass"
    )
    assert set(helped) == cli_only
    parsed = _fresh_python(
        "from kyodo_desktop.cli import build_parser\nbuild_parser().parse_args(['orgs', 'search', 'x'])"
    )
    assert set(parsed) == cli_only


def test_options_are_added_only_to_the_command_being_run() -> None:
    parser = build_parser()
    parser.parse_args(["orgs", "search", "会"])
    orgs = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction)).choices["orgs"]
    commands = next(a for a in orgs._actions if isinstance(a, argparse._SubParsersAction)).choices
    assert isinstance(commands["add"], CommandParser)
    assert [a.dest for a in commands["add"]._actions] == ["help"]  # not built
    assert "text" in [a.dest for a in commands["search"]._actions]


def test_python_m_kyodo_desktop_cli_runs() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kyodo_desktop.cli", "--version"], capture_output=True, text=True, timeout=120
    )
    assert (result.returncode, result.stdout.split()[0]) == (0, "kyodo")


def test_gui_help_is_japanese_too(capsys: pytest.CaptureFixture[str]) -> None:
    from kyodo_desktop.app import _parse

    with pytest.raises(SystemExit) as exc:
        _parse(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("使い方: kyodo-desktop") and "オプション:" in out and "--self-test" in out
    assert "usage:" not in out and "show this help" not in out
    with pytest.raises(SystemExit) as exc:
        _parse(["--data-dir"])
    assert exc.value.code == 2
    assert "値を1つ指定してください" in capsys.readouterr().err
