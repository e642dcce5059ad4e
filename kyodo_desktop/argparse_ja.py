"""argparse in Japanese: its own words (使い方, オプション, its error messages) for ``kyodo`` and ``kyodo-desktop``.

argparse looks every one of its messages up through the module-level names ``argparse._`` and
``argparse.ngettext`` (gettext) at the moment it uses them. :class:`JapaneseArgumentParser`
points those two names at :data:`TRANSLATIONS` for the duration of each of its own calls
(building, parsing, formatting help, reporting an error) and puts them back afterwards, so other
users of argparse in the same process (pytest, tools) keep their own language. The swap is not
thread-safe; both programs parse their arguments once, on the main thread, before anything else.

Standard library only: ``app.py`` imports this before Qt, and ``kyodo --help`` stays fast.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gettext
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any, NoReturn, ParamSpec, TypeVar

__all__ = [
    "MESSAGES",
    "TRANSLATIONS",
    "JapaneseArgumentParser",
    "JapaneseHelpFormatter",
    "JapaneseTranslations",
    "integer",
    "japanese",
    "undecodable_argument",
]

#: argparse's user-facing messages (Python 3.11–3.13) and their Japanese. The messages that only
#: a programmer sees (a wrong ``add_argument`` call) stay in English; a test lists them.
MESSAGES: dict[str, str] = {
    "usage: ": "使い方: ",
    "positional arguments": "引数",
    "options": "オプション",
    "subcommands": "サブコマンド",
    "%(heading)s:": "%(heading)s:",
    "show this help message and exit": "このヘルプを表示して終了する",
    "show program's version number and exit": "バージョンを表示して終了する",
    " (default: %(default)s)": "（既定: %(default)s）",
    "%(prog)s: error: %(message)s\n": "%(prog)s: 使い方の誤り: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: 警告: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "引数 %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "次の引数が必要です: %s",
    "one of the arguments %s is required": "次の引数のどれか1つが必要です: %s",
    "unrecognized arguments: %s": "使えない引数です: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "選べない値です: %(value)r（選べる値: %(choices)s）",
    "invalid %(type)s value: %(value)r": "値が正しくありません（%(type)s）: %(value)r",
    "expected one argument": "値を1つ指定してください",
    "expected at most one argument": "値は1つまでです",
    "expected at least one argument": "値を1つ以上指定してください",
    "ambiguous option: %(option)s could match %(matches)s": "オプションを1つに決められません: %(option)s（候補: %(matches)s）",
    "not allowed with argument %s": "引数 %s と一緒には使えません",
    "ignored explicit argument %r": "このオプションは値をとりません: %r",
    "unexpected option string: %s": "ここでは使えないオプションです: %s",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' を開けません: %(error)s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "コマンド %(parser_name)r はありません（選べるコマンド: %(choices)s）",
    "argument '%(argument_name)s' is deprecated": "引数 '%(argument_name)s' は廃止予定です",
    "option '%(option)s' is deprecated": "オプション '%(option)s' は廃止予定です",
    "command '%(parser_name)s' is deprecated": "コマンド '%(parser_name)s' は廃止予定です",
}

#: ngettext messages: (singular, plural) -> Japanese (one form: Japanese has no plural).
PLURAL_MESSAGES: dict[tuple[str, str], str] = {
    ("expected %s argument", "expected %s arguments"): "値を %s 個指定してください",
}


class JapaneseTranslations(gettext.NullTranslations):
    """The catalogue above as a gettext translation; unknown messages pass through unchanged."""

    def gettext(self, message: str) -> str:
        return MESSAGES.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        text = PLURAL_MESSAGES.get((msgid1, msgid2))
        if text is not None:
            return text
        return msgid1 if n == 1 else msgid2


TRANSLATIONS = JapaneseTranslations()

_P = ParamSpec("_P")
_R = TypeVar("_R")

_depth = 0  # nesting of japanese(): a parser's call runs inside another's (subcommands)


@contextlib.contextmanager
def japanese() -> Iterator[None]:
    """argparse speaks Japanese inside the ``with`` block (re-entrant)."""
    global _depth
    # argparse looks up these two module globals at each use (3.11–3.13: ``from gettext import``).
    names = argparse.__dict__
    saved = {name: names.get(name) for name in ("_", "ngettext")}
    if _depth == 0:
        names["_"], names["ngettext"] = TRANSLATIONS.gettext, TRANSLATIONS.ngettext
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0:
            for name, value in saved.items():
                if value is None:  # a Python whose argparse had no such name: leave none behind
                    names.pop(name, None)
                else:
                    names[name] = value


def _in_japanese(method: Callable[_P, _R]) -> Callable[_P, _R]:
    @functools.wraps(method)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with japanese():
            return method(*args, **kwargs)

    return wrapper


ARGUMENT_ENCODING_MESSAGE = (
    "引数の文字コードが正しくありません（UTF-8 ではありません）: {argument}。"
    "文字列やファイル名は UTF-8 で指定してください（Shift_JIS（cp932）のままでは読めません）。"
)


def _escaped(ch: str) -> str:
    if "\udc80" <= ch <= "\udcff":  # a byte kept by surrogateescape
        return f"\\x{ord(ch) - 0xDC00:02x}"
    if "\ud800" <= ch <= "\udfff":
        return f"\\u{ord(ch):04x}"
    return ch


def undecodable_argument(arguments: list[str]) -> str | None:
    """The first argument that was not valid UTF-8, its bad bytes shown as ``\\x93``; else None.

    Python decodes the command line with ``surrogateescape``: each byte that is not UTF-8 becomes
    a lone surrogate U+DC80–U+DCFF (on Windows a broken UTF-16 pair is a lone surrogate too).
    """
    for argument in arguments:
        if any("\ud800" <= ch <= "\udfff" for ch in argument):
            return "".join(_escaped(ch) for ch in argument)
    return None


def integer(text: str) -> int:
    """``type=integer``: an int option whose error names 整数 (argparse names the type's ``__name__``)."""
    return int(text)


integer.__name__ = "整数"


def display_width(text: str) -> int:
    """Columns on a terminal: CJK characters take two."""
    import unicodedata  # only when help is shown

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


@functools.cache  # compiled when help is first shown, not at every start
def _tokens() -> re.Pattern[str]:
    """A word of narrow characters, one wide character, or a run of spaces."""
    return re.compile(r"[^\s\u1100-\uffdc]+|\s+|.")


# Punctuation that must not begin a line (禁則): it stays at the end of the line before.
_NO_LINE_START = frozenset("、。，．,.・）」』】〕:：;；!！?？ーぁぃぅぇぉっゃゅょァィゥェォッャュョ")


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` columns, breaking between Japanese characters or at spaces."""
    lines: list[str] = []
    line, used = "", 0
    for token in _tokens().findall(" ".join(text.split())):
        size = display_width(token)
        if token.isspace():
            if line:
                line, used = line + " ", used + 1
            continue
        if used + size > width and line.strip() and token not in _NO_LINE_START:
            lines.append(line.rstrip())
            line, used = "", 0
        line, used = line + token, used + size
    if line.strip():
        lines.append(line.rstrip())
    return lines


class JapaneseHelpFormatter(argparse.HelpFormatter):
    """Help text wrapped by display width; in descriptions and epilogs, indented lines (examples,
    tables) are kept as written and every other line is wrapped on its own."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        return wrap(text, width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        lines: list[str] = []
        for line in text.splitlines():
            if not line.strip() or line[0].isspace():
                lines.append(indent + line if line.strip() else "")
            else:
                lines.extend(indent + part for part in wrap(line, width))
        return "\n".join(lines)


class JapaneseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose own words are Japanese; wrong usage exits with status 2.

    Help uses :class:`JapaneseHelpFormatter` unless told otherwise: Japanese wraps at the
    terminal's width, and the examples and tables of descriptions and epilogs keep their lines.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", JapaneseHelpFormatter)
        with japanese():  # the -h help text and the group titles are looked up here
            super().__init__(*args, **kwargs)

    add_argument = _in_japanese(argparse.ArgumentParser.add_argument)
    add_subparsers = _in_japanese(argparse.ArgumentParser.add_subparsers)
    format_usage = _in_japanese(argparse.ArgumentParser.format_usage)
    format_help = _in_japanese(argparse.ArgumentParser.format_help)

    # Overloaded in typeshed, so written out rather than wrapped (a wrapper keeps one signature).
    def add_argument_group(self, *args: Any, **kwargs: Any) -> Any:
        with japanese():
            return super().add_argument_group(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        # parse_args reports "unrecognized arguments" itself, outside parse_known_args.
        with japanese():
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        arguments = args[0] if args else kwargs.get("args")
        shown = undecodable_argument(sys.argv[1:] if arguments is None else list(arguments))
        if shown is not None:
            # Python keeps the bytes of such an argument as lone surrogates, which fail later, far
            # from here, as an "unexpected" UnicodeEncodeError: say what is wrong instead.
            sys.stderr.write(f"{self.prog}: {ARGUMENT_ENCODING_MESSAGE.format(argument=shown)}\n")
            self.exit(2)
        with japanese():
            return super().parse_known_args(*args, **kwargs)

    def parse_intermixed_args(self, *args: Any, **kwargs: Any) -> Any:
        with japanese():
            return super().parse_intermixed_args(*args, **kwargs)

    def parse_known_intermixed_args(self, *args: Any, **kwargs: Any) -> Any:
        with japanese():
            return super().parse_known_intermixed_args(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        """Usage and one line ``PROG: 使い方の誤り: MESSAGE`` on stderr, exit status 2."""
        self.print_usage(sys.stderr)
        sys.stderr.write(f"{self.prog}: 使い方の誤り: {message}\n")
        self.exit(2)
