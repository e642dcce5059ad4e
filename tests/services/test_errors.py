"""The one mapping from exceptions to Japanese messages (services.errors)."""

from __future__ import annotations

import errno
import logging
import sqlite3

import pytest

from kyodo_desktop.domain.importing import ImportFileError
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors
from kyodo_desktop.persistence.errors import KnownError, StaleEditError
from kyodo_desktop.services.errors import (
    ErrorKind,
    as_known_error,
    bug_traceback,
    describe_error,
    user_message,
)

LOCKED = "データファイルが他の処理（バックアップ、書き出し、別のパソコン）で使用中です。"


@pytest.mark.parametrize(
    "exc",
    [
        KnownError("団体が見つかりません: x"),
        StaleEditError("この団体は他の職員が変更しました。"),
        ValidationError("name", "団体名は必須です"),
        ValidationErrors([ValidationError("name", "団体名は必須です"), ValidationError("email", "形式")]),
        ImportFileError("このファイルは読み込めません"),
    ],
)
def test_self_explaining_errors_keep_their_message(exc: Exception) -> None:
    description = describe_error(exc)
    assert description.kind is ErrorKind.KNOWN
    assert description.is_known and not description.is_bug
    assert description.message == str(exc)
    assert user_message(exc) == str(exc)


def test_validation_errors_read_as_the_cli_prints_them() -> None:
    exc = ValidationErrors([ValidationError("name", "団体名は必須です"), ValidationError("email", "形式")])
    assert user_message(exc) == "団体名は必須です; 形式"


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("database is locked", LOCKED),
        ("database or disk is full", "ディスクの空き容量が足りません。"),
        (
            "attempt to write a readonly database",
            "データファイルに書き込めません（読み取り専用の場所です）。",
        ),
        ("disk I/O error", "データファイルを読み書きできません"),
    ],
)
def test_sqlite_failures_a_user_can_act_on_are_known(text: str, start: str) -> None:
    description = describe_error(sqlite3.OperationalError(text))
    assert description.kind is ErrorKind.KNOWN
    assert description.message.startswith(start)
    assert description.type_name == "OperationalError"


def test_a_wrapped_sqlite_failure_is_read_through_orig() -> None:
    class Wrapped(Exception):
        orig = sqlite3.OperationalError("database is locked")

    assert user_message(Wrapped("(sqlite3.OperationalError) …")).startswith(LOCKED)


def test_a_full_disk_is_the_disk_full_message_even_as_an_oserror() -> None:
    exc = OSError(errno.ENOSPC, "No space left on device")
    assert describe_error(exc).kind is ErrorKind.KNOWN
    assert user_message(exc).startswith("ディスクの空き容量が足りません。")


def test_other_oserrors_are_file_problems_with_the_os_reason() -> None:
    exc = PermissionError(errno.EACCES, "Permission denied", "/tmp/団体台帳.xlsx")
    description = describe_error(exc)
    assert description.kind is ErrorKind.FILE
    assert not description.is_known and not description.is_bug
    assert description.reason == "Permission denied"
    assert description.message == "ファイルを読み書きできませんでした: Permission denied"


def test_a_read_only_file_system_is_about_the_file_written_not_the_data_file() -> None:
    description = describe_error(OSError(errno.EROFS, "Read-only file system"))
    assert description.kind is ErrorKind.FILE
    assert description.reason == "Read-only file system"


def test_an_oserror_without_strerror_keeps_its_text() -> None:
    assert describe_error(OSError("bad handle")).reason == "bad handle"


def test_anything_else_is_a_bug_named_by_its_class_only() -> None:
    description = describe_error(KeyError("佐藤 花子"))
    assert description.kind is ErrorKind.BUG and description.is_bug
    assert description.message == "予期しないエラー（KeyError）。詳細はログを確認してください。"
    assert "佐藤" not in description.message


def test_as_known_error() -> None:
    known = KnownError("x")
    assert as_known_error(known) is known
    mapped = as_known_error(sqlite3.OperationalError("database is locked"))
    assert isinstance(mapped, KnownError) and str(mapped).startswith(LOCKED)
    assert as_known_error(ValidationError("name", "団体名は必須です")) is not None
    assert as_known_error(OSError(errno.EACCES, "Permission denied")) is None
    assert as_known_error(RuntimeError("boom")) is None


_NAME = "千葉 太郎"
_ADDRESS = "住所: 千葉市中央区市場町1-1"


def _raise_chain(name: str, address: str) -> None:
    try:
        {}[name]
    except KeyError as inner:
        raise RuntimeError(address) from inner


def test_bug_traceback_has_frames_and_classes_but_no_messages() -> None:
    with pytest.raises(RuntimeError) as caught:
        _raise_chain(_NAME, _ADDRESS)  # a source line shows the names, never the values
    text = bug_traceback(caught.value)
    assert "_raise_chain" in text  # the frames are there
    assert "builtins.KeyError" in text and "builtins.RuntimeError" in text
    assert text.index("KeyError") < text.index("RuntimeError")  # oldest first, as Python prints
    assert "千葉" not in text and "住所" not in text


def test_bug_traceback_of_an_exception_never_raised() -> None:
    assert bug_traceback(ValueError("秘密")) == "Traceback (most recent call last):\nbuiltins.ValueError"


@pytest.mark.parametrize(
    "exc",
    [
        KnownError("団体が見つかりません: x"),
        KnownError("複数行の\nメッセージ"),
        ValidationErrors([ValidationError("name", "団体名は必須です"), ValidationError("email", "形式")]),
        ImportFileError("このファイルは読み込めません"),
        sqlite3.OperationalError("database is locked"),
        OSError(errno.ENOSPC, "No space left on device"),
    ],
)
def test_the_cli_prints_the_same_message_for_known_errors(
    exc: Exception, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    from kyodo_desktop.cli import common

    with caplog.at_level(logging.CRITICAL):
        common.report(exc)
    printed = capsys.readouterr().err
    assert printed == f"kyodo: エラー: {' '.join(user_message(exc).split())}\n"
