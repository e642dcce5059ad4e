"""argparse in Japanese: every user-facing message translated, on each Python the program supports."""

from __future__ import annotations

import argparse
import ast
import gettext
import glob
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kyodo_desktop import argparse_ja
from kyodo_desktop.argparse_ja import JapaneseArgumentParser, display_width, wrap

ROOT = Path(__file__).resolve().parents[1]

# Messages only a programmer sees (a wrong add_argument call raises them): left in English.
DEVELOPER_MESSAGES = {
    "'required' is an invalid argument for positionals",
    "%r is not callable",
    ".__call__() not defined",
    'argument "-" with mode %r',
    "cannot have multiple subparser arguments",
    "cannot merge actions - two groups are named %r",
    "conflicting subparser alias: %s",
    "conflicting subparser: %s",
    "dest= is required for options like %r",
    "invalid conflict_resolution value: %r",
    "invalid option string %(option)r: must start with a character %(prefix_chars)r",
    "mutually exclusive arguments must be optional",
    ("conflicting option string: %s", "conflicting option strings: %s"),
}


def _argparse_messages(source: str) -> set[str | tuple[str, str]]:
    """The literal messages argparse passes to ``_()`` and ``ngettext()``."""
    found: set[str | tuple[str, str]] = set()
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        args = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        if node.func.id == "_" and len(args) == 1:
            found.add(args[0])
        elif node.func.id == "ngettext" and len(args) == 2:
            found.add((args[0], args[1]))
    return found


def test_every_user_facing_argparse_message_of_this_python_is_translated() -> None:
    messages = _argparse_messages(Path(argparse.__file__).read_text(encoding="utf-8"))
    assert "usage: " in messages  # the walk found argparse's calls at all
    known = set(argparse_ja.MESSAGES) | set(argparse_ja.PLURAL_MESSAGES) | DEVELOPER_MESSAGES
    assert messages - known == set()


def test_translations_keep_the_placeholders() -> None:
    for english, japanese in argparse_ja.MESSAGES.items():
        for placeholder in ("%s", "%r", "%(prog)s", "%(message)s", "%(value)r", "%(choices)s", "%(type)s"):
            assert english.count(placeholder) == japanese.count(placeholder), english
        assert japanese.endswith("\n") == english.endswith("\n"), english
    assert argparse_ja.TRANSLATIONS.gettext("not an argparse message") == "not an argparse message"
    assert isinstance(argparse_ja.TRANSLATIONS, gettext.NullTranslations)


def _parser() -> JapaneseArgumentParser:
    p = JapaneseArgumentParser(prog="prog", description="説明")
    p.add_argument("--count", type=argparse_ja.integer, help="数")
    sub = p.add_subparsers(dest="command", required=True, metavar="コマンド")
    run = sub.add_parser("run", help="実行する")
    run.add_argument("file", help="ファイル")
    run.add_argument("--mode", choices=["a", "b"], help="方式")
    return p


def _error(p: argparse.ArgumentParser, args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exc:
        p.parse_args(args)
    assert exc.value.code == 2
    return capsys.readouterr().err


def test_help_and_errors_are_japanese(capsys: pytest.CaptureFixture[str]) -> None:
    p = _parser()
    with pytest.raises(SystemExit) as exc:
        p.parse_args(["--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("使い方: prog") and "オプション:" in out and "引数:" in out
    assert "このヘルプを表示して終了する" in out
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in out
    cases = {
        ("--bogus", "run", "f"): "使えない引数です: --bogus",
        ("run",): "次の引数が必要です: file",
        ("walk",): "選べない値です: 'walk'",
        ("run", "f", "--mode", "c"): "引数 --mode: 選べない値です: 'c'",
        ("run", "f", "--mode"): "引数 --mode: 値を1つ指定してください",
        ("--count", "x", "run", "f"): "引数 --count: 値が正しくありません（整数）: 'x'",
    }
    for args, message in cases.items():
        err = _error(p, list(args), capsys)
        assert err.startswith("使い方: prog")
        assert message in err.splitlines()[-1], err
        assert ": 使い方の誤り: " in err


def test_other_parsers_in_the_process_stay_english(capsys: pytest.CaptureFixture[str]) -> None:
    _parser().format_help()
    assert argparse._ is gettext.gettext  # type: ignore[attr-defined]
    plain = argparse.ArgumentParser(prog="plain")
    assert plain.format_help().startswith("usage: plain")
    assert "show this help message and exit" in plain.format_help()


def test_wrapping_counts_wide_characters_twice() -> None:
    text = (
        "団体の一覧を取り込む。まず全行を確認して、誤りを1行に1件（行<TAB>シート<TAB>列<TAB>内容）出力する。"
    )
    lines = wrap(text, 30)
    assert "".join(lines) == text
    assert all(display_width(line) <= 31 for line in lines)  # a closing mark may hang over
    assert not any(line[0] in "、。）ー" for line in lines)
    assert wrap("use --valid-only here", 8) == ["use", "--valid-only", "here"]  # words are not split


def _other_pythons() -> list[str]:
    found = []
    for minor in (11, 12, 13):
        candidates = glob.glob(os.path.expanduser(f"~/.pyenv/versions/3.{minor}*/bin/python3.{minor}"))
        candidates += glob.glob(f"/usr/bin/python3.{minor}")
        for exe in candidates:
            ok = subprocess.run([exe, "-c", "pass"], capture_output=True, timeout=60).returncode == 0
            if ok and exe != sys.executable:
                found.append(exe)
                break
    return found


_CHECK = """
import argparse, ast, pathlib, sys
from kyodo_desktop import argparse_ja
p = argparse_ja.JapaneseArgumentParser(prog="prog")
p.add_argument("--n", type=argparse_ja.integer, help="数")
sub = p.add_subparsers(dest="c", required=True, metavar="コマンド")
sub.add_parser("run", help="実行").add_argument("file")
help = p.format_help()
assert help.startswith("使い方: prog") and "オプション:" in help and "usage" not in help, help
tree = ast.parse(pathlib.Path(argparse.__file__).read_text(encoding="utf-8"))
for node in ast.walk(tree):
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_":
        args = [a.value for a in node.args if isinstance(a, ast.Constant)]
        if args and args[0] not in argparse_ja.MESSAGES:
            print("untranslated:", args[0])
try:
    p.parse_args(["--n", "x", "run", "f"])
except SystemExit as exc:
    assert exc.code == 2
"""


@pytest.mark.parametrize(
    "python", _other_pythons() or [pytest.param("", marks=pytest.mark.skip("no other Python"))]
)
def test_the_translation_works_on_each_installed_python(python: str) -> None:
    result = subprocess.run(
        [python, "-c", _CHECK],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"},
    )
    assert result.returncode == 0, result.stderr
    assert "値が正しくありません（整数）: 'x'" in result.stderr
    untranslated = {line.split(": ", 1)[1] for line in result.stdout.splitlines()}
    assert untranslated <= {m for m in DEVELOPER_MESSAGES if isinstance(m, str)}, untranslated
