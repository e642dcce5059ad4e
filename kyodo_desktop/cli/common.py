"""What every command group of ``kyodo`` shares: exit codes, the parser tree, output and error lines.

Light on import on purpose: ``kyodo --help`` loads this and the group modules, nothing more.
json, logging, the domain and the services are imported where they are used.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from kyodo_desktop.argparse_ja import JapaneseArgumentParser, display_width

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2

#: A command: the parsed arguments and the data folder in, the exit code out.
Handler = Callable[[argparse.Namespace, Path], int]
#: Adds a command's options to its parser; runs only when that command is parsed or its help shown.
Options = Callable[["CommandParser"], None]


class UsageError(Exception):
    """Wrong usage found after parsing (e.g. a negative count): exit status 2, one line."""


class CommandParser(JapaneseArgumentParser):
    """A parser whose options are added on first use (``options=``).

    ``kyodo orgs search`` never builds the options of the twenty other commands, and help texts
    that list values from the domain (statuses, legal forms, the 20 活動分野) import the domain
    only when that help is shown or that command runs.
    """

    def __init__(self, *args: Any, options: Options | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._options = options

    def _complete(self) -> None:
        options, self._options = self._options, None
        if options is not None:
            options(self)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        self._complete()
        return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        self._complete()
        return super().format_usage()

    def format_help(self) -> str:
        self._complete()
        return super().format_help()


class Commands:
    """The command tree under construction; each group module adds its commands through this.

    ``command`` adds ``kyodo NAME``; ``group`` adds (or returns) ``kyodo NAME`` holding
    subcommands, so two modules can share one group (``orgs`` and its duplicate commands).
    """

    def __init__(self, root: argparse.ArgumentParser) -> None:
        self._top = _subcommands(root, "command")
        self._groups: dict[str, Any] = {}

    def command(
        self,
        name: str,
        *,
        help: str,
        example: str,
        run: Handler,
        options: Options | None = None,
        description: str | None = None,
        group: str | None = None,
    ) -> None:
        """Add ``kyodo [GROUP] NAME``: ``help`` one line, ``example`` ends its help page."""
        where = self._top if group is None else self._groups[group]
        parser = where.add_parser(
            name,
            help=help,
            description=description or help,
            epilog=_example(example),
            options=options,
        )
        parser.set_defaults(func=run)

    def group(self, name: str, *, help: str, example: str) -> None:
        """Add ``kyodo NAME`` whose commands follow (added again later: nothing happens)."""
        if name in self._groups:
            return
        parser = self._top.add_parser(name, help=help, description=help, epilog=_example(example))
        self._groups[name] = _subcommands(parser, f"{name.replace('-', '_')}_command")


def _subcommands(parser: argparse.ArgumentParser, dest: str) -> Any:
    return parser.add_subparsers(
        dest=dest,
        required=True,
        metavar="COMMAND",
        help=f"下のどれか（それぞれの説明: {parser.prog} COMMAND --help）",
        parser_class=CommandParser,
    )


def _example(text: str) -> str:
    lines = text.strip("\n").splitlines()
    return "例:\n" + "".join(f"  {line.strip()}\n" for line in lines)


def value_list(items: Iterable[str], *, columns: int = 2, width: int = 30) -> str:
    """Values in columns (``width`` terminal columns each) for an epilog, one row a line."""
    cells = list(items)
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    return "".join("  " + "".join(_pad(c, width) for c in row[:-1]) + row[-1] + "\n" for row in rows)


def _pad(text: str, width: int) -> str:
    return text + " " * max(1, width - display_width(text))


# -- output ----------------------------------------------------------------------------------


# Never written raw to a terminal: every C0 and C1 control and DEL (ESC starts the terminal's
# escape sequences) and the bidi marks, embeddings, overrides and isolates (U+202E shows text
# backwards). domain.text.UNSAFE_CHARACTERS, which entry refuses, is a subset (a test checks);
# records stored before that check may hold any of them. Kept here, not imported from the
# domain, so that ``kyodo --help`` stays light.
_NOT_RAW = re.compile("[\\x00-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]")


_NOT_RAW_IN_JSON = re.compile("[\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]")


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0xA0 else f"<U+{code:04X}>"


def visible(text: object) -> str:
    """``str(text)`` with control characters shown as ``\\x1b`` and bidi ones as ``<U+202E>``."""
    shown = str(text)
    return _NOT_RAW.sub(_escaped, shown) if _NOT_RAW.search(shown) else shown


def one_line(text: object) -> str:
    """Text on one line: runs of whitespace (newlines, U+3000) become one space, and control
    and bidi characters are shown escaped (see :func:`visible`)."""
    return visible(" ".join(str(text).split()))


def write_records(rows: Iterable[Iterable[object]]) -> None:
    """List output: one record a line, fields separated by tabs (``ID<TAB>…``); a tab, line
    break or other control character inside a field is shown escaped (see :func:`visible`)."""
    sys.stdout.writelines("\t".join(map(visible, row)) + "\n" for row in rows)


def jsonable(value: Any) -> Any:
    """Dates as ISO text, dataclasses as dicts: what ``--json`` prints."""
    import dataclasses
    from datetime import date

    if isinstance(value, date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: jsonable(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    return value


def print_json(value: Any, *, indent: int | None = None) -> None:
    """``--json`` output: one JSON document, Japanese as is."""
    import json

    # JSON escapes C0 controls in strings itself (what is left is its own layout: line feeds
    # and spaces); DEL, C1 and bidi characters get \\u escapes too (the same value for a JSON
    # reader, never raw on the terminal)
    shown = json.dumps(jsonable(value), ensure_ascii=False, indent=indent)
    print(_NOT_RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", shown))


def progress_printer(label: str, stream: TextIO) -> Callable[[int, int], bool] | None:
    """``label: done / total`` rewritten in place on a terminal; None (no progress) otherwise."""
    if not stream.isatty():
        return None

    def show(done: int, total: int) -> bool:
        stream.write(f"\r{label}: {done:,} / {total:,}")
        if done >= total:
            stream.write("\n")
        stream.flush()
        return True

    return show


# -- errors ----------------------------------------------------------------------------------


def report(exc: Exception) -> int:
    """One line on stderr for any error (never a traceback); the exit code.

    The message is the window's (:func:`kyodo_desktop.services.errors.describe_error`): a known
    error or a file problem says itself; a bug names its type, and its traceback goes to the log
    without any exception message.
    """
    import logging

    from kyodo_desktop.services.errors import bug_traceback, describe_error

    description = describe_error(exc)
    if not description.is_bug:
        sys.stderr.write(f"kyodo: エラー: {one_line(description.message)}\n")
        return EXIT_ERROR
    logging.getLogger("kyodo_desktop.cli").error(
        "unexpected error: %s\n%s", description.type_name, bug_traceback(exc)
    )
    sys.stderr.write(
        f"kyodo: 予期しないエラー（{description.type_name}）: {one_line(str(exc))}。詳細はログを確認してください。\n"
    )
    return EXIT_ERROR
