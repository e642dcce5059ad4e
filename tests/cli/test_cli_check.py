"""``kyodo check`` on a damaged file: the Japanese message and the backup to restore, then details."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.persistence import backup


def _check(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["--data-dir", str(data_dir), "check"])
    return code, capsys.readouterr().out.splitlines()


def _demo(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["--data-dir", str(data_dir), "demo", "--orgs", "300"]) == 0
    capsys.readouterr()
    return data_dir / "kyodo.db"


def test_check_names_the_newest_verified_backup_and_its_restore_command(
    data_dir: Path, capsys: pytest.CaptureFixture[str], corrupt: Callable[[Path], None]
) -> None:
    db = _demo(data_dir, capsys)
    older = backup.create_backup(db, backup.backups_dir(data_dir), "manual")
    newest = backup.create_backup(db, backup.backups_dir(data_dir), "manual")
    broken = backup.backups_dir(data_dir) / "kyodo-29991231-235959-manual.db"  # newer, but not sound
    broken.write_bytes(b"not a backup" * 100)
    corrupt(db)

    code, lines = _check(data_dir, capsys)
    assert code == 1
    first = lines[0]
    assert first.startswith("データファイルが破損しています")
    assert f"`kyodo restore {newest.path}` で復元できます" in first
    assert str(older.path) not in first and str(broken) not in first
    assert len(lines) > 1 and all(line.startswith("詳細: ") for line in lines[1:])

    # the command it names works, and then check says ok
    assert main(["--data-dir", str(data_dir), "restore", str(newest.path)]) == 0
    capsys.readouterr()
    assert _check(data_dir, capsys) == (0, ["ok"])


def test_check_without_a_backup_says_there_is_none(
    data_dir: Path, capsys: pytest.CaptureFixture[str], corrupt: Callable[[Path], None]
) -> None:
    db = _demo(data_dir, capsys)
    for daily in backup.list_backups(backup.backups_dir(data_dir)):
        daily.path.unlink()
    corrupt(db)
    code, lines = _check(data_dir, capsys)
    assert code == 1
    assert (
        lines[0].startswith("データファイルが破損しています")
        and "正常なバックアップが見つかりません" in lines[0]
    )
