"""A read-only data folder, drive or data file opens read-only with a banner that says why.

Writes are refused with the same reason; nothing in the folder changes. The tests run as root,
whom ``chmod`` does not stop on a folder: a read-only folder is simulated with ``os.open``
refusing it (the ``refuse_writes`` fixture) and checked once on a real read-only bind mount.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.gui.recovery_page import RecoveryPage
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.persistence.lock import read_holder
from kyodo_desktop.services.organizations import OrganizationService

from .conftest import TOTAL, wait_for_rows


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_read_only_window(window: MainWindow, qtbot: QtBot, *words: str) -> None:
    """The tabs (not the recovery page) with the banner naming ``words``; writes refused."""
    assert window.findChild(RecoveryPage, "recoveryPage") is None
    ws, tab = window.workspace, window.organizations_tab
    assert ws is not None and tab is not None and not ws.writable
    wait_for_rows(qtbot, tab, TOTAL)
    banner = window.read_only_banner
    assert banner.isVisible() and banner.text().startswith("閲覧専用で開いています — ")
    for word in words:
        assert word in banner.text()
    assert not tab.new_action.isEnabled() and not tab.import_action.isEnabled()
    assert tab.new_organization() is None
    with pytest.raises(KnownError) as refused:
        OrganizationService(ws).create(OrganizationInput(name="書けないはずの会"))
    assert str(refused.value) in banner.text()


@pytest.fixture
def read_only_file(filled_dir: Path) -> Iterator[Path]:
    db = filled_dir / "kyodo.db"
    db.chmod(0o444)
    yield db
    db.chmod(0o644)


def test_a_read_only_data_file_opens_read_only_with_the_reason(
    open_window: Any, filled_dir: Path, read_only_file: Path, qtbot: QtBot
) -> None:
    before = _digest(read_only_file)
    window: MainWindow = open_window(filled_dir)
    _assert_read_only_window(window, qtbot, "データファイルが読み取り専用", str(read_only_file))
    window.close()
    assert _digest(read_only_file) == before
    assert read_holder(filled_dir) is None
    assert not list((filled_dir / "backups").glob("kyodo-*-daily.db"))  # a reader takes no daily backup


def test_a_read_only_folder_opens_read_only_and_its_backup_says_so(
    open_window: Any,
    filled_dir: Path,
    refuse_writes: Callable[..., None],
    qtbot: QtBot,
    dialog_calls: Any,
) -> None:
    before = _digest(filled_dir / "kyodo.db")
    refuse_writes(filled_dir)
    window: MainWindow = open_window(filled_dir)
    _assert_read_only_window(window, qtbot, "データフォルダに書き込めません", "読み取り専用のドライブ")

    window.safety_net.backup_action.trigger()
    qtbot.waitUntil(lambda: "error" in dialog_calls.names(), timeout=10_000)
    [message] = dialog_calls.texts("error")
    assert "バックアップ先のフォルダに書き込めません" in message and "ディスク" not in message
    window.close()
    assert _digest(filled_dir / "kyodo.db") == before


def test_a_real_read_only_mount_opens_read_only(
    open_window: Any, filled_dir: Path, read_only_mount: Callable[[Path], None], qtbot: QtBot
) -> None:
    read_only_mount(filled_dir)
    window: MainWindow = open_window(filled_dir)
    _assert_read_only_window(window, qtbot, "読み取り専用のドライブ")
    window.close()
