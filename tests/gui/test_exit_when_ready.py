"""``kyodo-desktop --exit-when-ready`` on damaged files: it always ends, non-zero with the reason.

Each kind of damage is a real child process with a timeout: before, the run waited for ever for
rows that a damaged listing never delivers (or for a modal box nobody closes), and a file
damaged where only the start-up check sees it exited 0.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from .damage import btree_pages, overwrite_pages, page_size

TIMEOUT_S = 90


def _header(db: Path, rng: random.Random) -> None:
    with db.open("r+b") as fh:
        fh.write(rng.randbytes(100))


def _schema_page(db: Path, rng: random.Random) -> None:
    with db.open("r+b") as fh:
        fh.seek(100)
        fh.write(rng.randbytes(page_size(db) - 100))


def _index_pages(db: Path, rng: random.Random) -> None:
    overwrite_pages(db, btree_pages(db, "ix_organizations_listing", leaves_only=False), rng)


def _table_pages(db: Path, rng: random.Random) -> None:
    overwrite_pages(db, rng.sample(btree_pages(db, "organizations"), 3), rng)


def _other_table(db: Path, rng: random.Random) -> None:
    overwrite_pages(db, rng.sample(btree_pages(db, "audit_log"), 2), rng)


def _truncated(db: Path, _rng: random.Random) -> None:
    with db.open("r+b") as fh:
        fh.truncate(db.stat().st_size // 2 + 123)


def _zero_length(db: Path, _rng: random.Random) -> None:
    db.write_bytes(b"")


def _not_sqlite(db: Path, rng: random.Random) -> None:
    db.write_bytes(rng.randbytes(50_000))


def _journal_over_damage(db: Path, rng: random.Random) -> None:
    _table_pages(db, rng)
    (db.parent / "kyodo.db-journal").write_bytes(rng.randbytes(20_000))


DAMAGE: dict[str, Callable[[Path, random.Random], None]] = {
    "header": _header,
    "schema-page": _schema_page,
    "index-pages": _index_pages,
    "table-pages": _table_pages,
    "other-table": _other_table,
    "truncated": _truncated,
    "zero-length": _zero_length,
    "not-sqlite": _not_sqlite,
    "journal-over-damage": _journal_over_damage,
}


def _run(folder: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    cmd = [sys.executable, "-m", "kyodo_desktop", "--data-dir", str(folder), "--exit-when-ready"]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT_S, env=env, check=False)


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_file_ends_the_run_non_zero_with_the_reason(
    kind: str, demo_template: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "data"
    shutil.copytree(demo_template, folder)
    DAMAGE[kind](folder / "kyodo.db", random.Random(kind))
    result = _run(folder)
    assert result.returncode == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kyodo-desktop: データフォルダを開けません: ")
    assert "破損" in lines[0] or "データファイル（SQLite）ではありません" in lines[0]
    assert "Traceback" not in result.stderr


def test_a_sound_file_prints_ready_and_exits_0(demo_template: Path, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    shutil.copytree(demo_template, folder)
    result = _run(folder)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("READY ")
    assert result.stderr == ""


def test_an_unattended_run_shows_no_box(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages go to the handler, questions are answered no, file dialogs cancelled."""
    from kyodo_desktop.gui import dialogs

    monkeypatch.undo()  # the real dialogs, not the test recorder: no box may open all the same
    told: list[tuple[str, str]] = []
    dialogs.set_unattended(lambda title, text: told.append((title, text)))
    try:
        dialogs.error(None, "題", "失敗しました")
        dialogs.warning(None, "題", "注意")
        dialogs.info(None, "題", "完了")
        assert dialogs.confirm(None, "題", "よろしいですか") is False
        assert dialogs.get_open_file_name(None, "題", "", "*") == ""
        assert dialogs.get_save_file_name(None, "題", "", "*") == ""
    finally:
        dialogs.set_unattended(None)
    assert told == [("題", "失敗しました"), ("題", "注意"), ("題", "完了"), ("題", "よろしいですか")]
