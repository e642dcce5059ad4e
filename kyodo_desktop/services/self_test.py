"""The self-test of an installed or bundled program: what it runs on and whether that is sound.

Used by ``kyodo self-test`` and ``KyodoDesktop --self-test``. Each check is a line
``label: value`` with a verdict; the program exits non-zero when any check fails.
"""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from kyodo_desktop import __version__, resources
from kyodo_desktop.persistence import sqlite_file, tempfiles
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services.data_folder import portable_dir


@dataclass(frozen=True)
class Check:
    """One line of the self-test."""

    label: str
    value: str
    ok: bool = True


def run(data_dir: Path, data_dir_source: str, extra: Sequence[Check] = ()) -> list[Check]:
    """Every check, in the order they are printed (``extra``: checks of the caller's layer, e.g. Qt)."""
    checks = [
        Check("協働デスク", __version__),
        Check("Python", f"{platform.python_version()} ({sys.executable})"),
        Check("実行形態", "PyInstaller バンドル" if getattr(sys, "frozen", False) else "Python パッケージ"),
        *extra,
        Check("SQLite", sqlite3.sqlite_version),
        _json_functions(),
        *_pragmas(),
        *_xml(),
        *_resources(),
        Check("データフォルダ", f"{data_dir}（{data_dir_source}）"),
        _writable(data_dir),
        _data_file(data_dir),
        Check("ポータブルモード", "オン" if portable_dir() is not None else "オフ"),
    ]
    return checks


def _json_functions() -> Check:
    """SQLite's JSON functions, which the import's audit rows are built with (built in since 3.38)."""
    conn = sqlite3.connect(":memory:")
    try:
        got = conn.execute(
            "SELECT json_group_object(key, json_array(NULL, value)) FROM json_each(json_object('a', 'あ'))"
        ).fetchone()[0]
    except sqlite3.Error as exc:
        return Check("SQLite JSON 関数", f"使えません（{exc}）", False)
    finally:
        conn.close()
    return Check("SQLite JSON 関数", "あり", got == '{"a":[null,"あ"]}')


def _pragmas() -> list[Check]:
    """The PRAGMAs our connections run with, read back from a scratch database."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite_file.connect(Path(tmp) / "self-test.db")
        try:
            got = {
                name: conn.execute(f"PRAGMA {name}").fetchone()[0]
                for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
            }
        finally:
            conn.close()
    expected = {
        "journal_mode": "delete",
        "synchronous": 2,
        "foreign_keys": 1,
        "busy_timeout": sqlite_file.BUSY_TIMEOUT_MS,
    }
    return [Check(f"PRAGMA {k}", str(v), v == expected[k]) for k, v in got.items()]


def _xml() -> list[Check]:
    try:
        import openpyxl.xml
    except ImportError as exc:
        return [Check("openpyxl", f"読み込めません: {exc}", ok=False)]
    return [
        Check(
            "defusedxml（xlsx 読み込みの保護）",
            "有効" if openpyxl.xml.DEFUSEDXML else "無効",
            openpyxl.xml.DEFUSEDXML,
        ),
        _entity_expansion_refused(),
        Check("lxml（xlsx 書き出しの高速化）", "有効" if openpyxl.xml.LXML else "無効", True),
    ]


def _resources() -> list[Check]:
    missing = [name for name in resources.REQUIRED if not resources.resource(name).is_file()]
    where = resources.resources_dir()
    if missing:
        return [Check("リソース", f"{where} に {', '.join(missing)} がありません", ok=False)]
    return [Check("リソース", str(where))]


def _data_file(data_dir: Path) -> Check:
    path = data_dir / sqlite_file.DB_FILE_NAME
    if not path.exists():
        return Check("データファイル", "まだありません（初回起動で作成されます）")
    try:
        version = sqlite_file.check_identity(path)
    except KnownError as exc:
        return Check("データファイル", str(exc), ok=False)
    return Check("データファイル", f"{path}（データ形式 {version}）")


_ENTITY_BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>'
)


def _entity_expansion_refused() -> Check:
    """Feed an entity-expansion bomb to the two parsers openpyxl reads xlsx parts with.

    Worksheets go through ``iterparse`` (defusedxml's when installed: must refuse); other parts
    through ``fromstring`` (lxml without entity resolution, or defusedxml: must not expand).
    """
    import io

    from openpyxl.xml.functions import fromstring, iterparse

    try:
        for _event in iterparse(io.BytesIO(_ENTITY_BOMB)):
            pass
    except Exception as exc:  # defusedxml raises EntitiesForbidden
        refused = type(exc).__name__
    else:
        return Check("XML エンティティ展開", "シートの読み込みで展開されてしまいます", ok=False)
    try:
        root = fromstring(_ENTITY_BOMB)
        expanded = "lollol" in "".join(root.itertext())
    except Exception:  # refused outright: also safe
        expanded = False
    if expanded:
        return Check("XML エンティティ展開", "部品の読み込みで展開されてしまいます", ok=False)
    return Check("XML エンティティ展開", f"拒否します（{refused}）")


def _writable(data_dir: Path) -> Check:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        probe = tempfiles.temp_path(data_dir, "write-test")  # swept like any killed write's
        os.close(os.open(probe, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        os.unlink(probe)
    except OSError as exc:
        return Check("書き込み", f"できません（{exc.strerror}）", ok=False)
    return Check("書き込み", "できます")


def format_report(checks: list[Check]) -> str:
    """The report as printed: one check a line, then a verdict line."""
    lines = [f"{'OK ' if c.ok else 'NG '} {c.label}: {c.value}" for c in checks]
    failed = [c.label for c in checks if not c.ok]
    lines.append("self-test: ok" if not failed else f"self-test: 失敗（{'、'.join(failed)}）")
    return "\n".join(lines)
