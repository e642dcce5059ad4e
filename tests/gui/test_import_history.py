"""「取り込みの履歴」 driven with qtbot: 元に戻す undoes the import, then the database is checked."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.gui.importing.history_dialog import (
    COL_CREATED,
    COL_STATE,
    COL_TIME,
    ImportHistoryDialog,
    ImportHistoryModel,
)
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.services.import_pipeline import prepare_import
from kyodo_desktop.services.import_undo import list_imports
from kyodo_desktop.services.importing import apply_import
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

from .conftest import DialogRecorder, wait_for_rows


def _organizations(folder: Path) -> list[tuple[Any, ...]]:
    with Workspace.open(folder, write=False) as ws, ws.engine.connect() as c:
        return [
            tuple(r)
            for r in c.execute(text("SELECT id, name, address, email FROM organizations ORDER BY id"))
        ]


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, list[tuple[Any, ...]]]:
    """A folder with one organization, then a list imported (one update, two new); the rows before it."""
    folder = tmp_path / "data"
    with Workspace.open(folder, write=True) as ws:
        OrganizationService(ws).create(OrganizationInput(name="みどりの会", municipality_name="千葉市"))
    before = _organizations(folder)
    path = tmp_path / "名簿.csv"
    path.write_text(
        "団体名,市町村,メールアドレス\nみどりの会,千葉市,midori@example.jp\nあおぞらの会,船橋市,\nほしの会,市川市,\n",
        encoding="utf-8",
    )
    with Workspace.open(folder, write=True) as ws:
        summary = apply_import(ws, prepare_import(ws, path).plan)
    assert (summary.created, summary.updated) == (2, 1)
    return folder, before


def _open_history(window: MainWindow, qtbot: QtBot) -> ImportHistoryDialog:
    window.safety_net.import_history_action.trigger()
    dialog = window.safety_net.import_history
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    return dialog


def test_undo_from_the_window_restores_the_data(
    open_window: Any, imported: tuple[Path, list[tuple[Any, ...]]], qtbot: QtBot, dialog_calls: DialogRecorder
) -> None:
    folder, before = imported
    window: MainWindow = open_window(folder)
    tab = window.organizations_tab
    assert tab is not None
    wait_for_rows(qtbot, tab, 3)
    dialog = _open_history(window, qtbot)
    model = dialog.model
    assert model.index(0, COL_CREATED).data() == "2"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d [+-]\d\d:\d\d", model.index(0, COL_TIME).data())
    assert dialog.undo_button.isEnabled()

    with qtbot.waitSignal(dialog.undone, timeout=10_000):
        qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert dialog_calls.names() == ["confirm"]
    assert "名簿.csv" in dialog_calls.texts("confirm")[0]

    assert _organizations(folder) == before
    wait_for_rows(qtbot, tab, 1)  # the registry table was read again
    qtbot.waitUntil(lambda: model.index(0, COL_STATE).data() == "取り消し済み", timeout=10_000)
    assert not dialog.undo_button.isEnabled()
    assert "取り消しました" in dialog.message_label.text()
    with Workspace.open(folder, write=False) as ws:
        assert list_imports(ws)[0].undone


def test_a_declined_confirmation_changes_nothing(
    open_window: Any, imported: tuple[Path, list[tuple[Any, ...]]], qtbot: QtBot, dialog_calls: DialogRecorder
) -> None:
    folder, _before = imported
    after_import = _organizations(folder)
    dialog_calls.confirm_answer = False
    window: MainWindow = open_window(folder)
    dialog = _open_history(window, qtbot)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert dialog_calls.names() == ["confirm"]
    assert not dialog.busy
    assert _organizations(folder) == after_import


def test_an_edit_since_is_told_in_the_dialog_naming_the_record(
    open_window: Any, imported: tuple[Path, list[tuple[Any, ...]]], qtbot: QtBot
) -> None:
    folder, _before = imported
    with Workspace.open(folder, write=True) as ws:
        with ws.engine.connect() as c:
            hoshi = c.execute(text("SELECT id FROM organizations WHERE name = 'ほしの会'")).scalar_one()
        OrganizationService(ws).delete(hoshi)
    edited = _organizations(folder)
    window: MainWindow = open_window(folder)
    dialog = _open_history(window, qtbot)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.message_label.isVisible(), timeout=10_000)
    assert "「ほしの会」" in dialog.message_label.text()
    assert "取り消せません" in dialog.message_label.text()
    assert _organizations(folder) == edited


def test_history_model_passes_the_model_tester(qtmodeltester: Any, imported: tuple[Path, Any]) -> None:
    folder, _before = imported
    with Workspace.open(folder, write=False) as ws:
        found = list_imports(ws)
    model = ImportHistoryModel()
    model.set_imports(found)
    qtmodeltester.check(model)
