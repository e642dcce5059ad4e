"""ファイル → 評価シートを書き出す（団体・第三者用）… and 記入済み評価シートを取り込む…, driven
through the window with the house's file dialogs replaced; the file and the database checked."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.evaluation_templates import POINTS_FIVE
from kyodo_desktop.gui.evaluation_forms import ExportFormDialog
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.services.evaluation_form_layout import ID_SHEET
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.workspace import Workspace

from ..evaluation_forms import fill
from ..services.test_evaluation_form_import import make_project
from .conftest import DialogRecorder


@pytest.fixture
def project_id(filled_dir: Path) -> str:
    with Workspace.open(filled_dir, write=True) as ws:
        return make_project(ws)


def _identity(path: Path) -> dict[str, str]:
    ws = openpyxl.load_workbook(path)[ID_SHEET]
    return {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(1, ws.max_row + 1)}


def _wait_for(qtbot: QtBot, dialog_calls: DialogRecorder, name: str, count: int = 1) -> None:
    qtbot.waitUntil(lambda: dialog_calls.names().count(name) >= count, timeout=20_000)


def test_export_the_selected_projects_form_then_import_it_back(
    open_window: Any,
    filled_dir: Path,
    project_id: str,
    qtbot: QtBot,
    dialog_calls: DialogRecorder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    win: MainWindow = open_window(filled_dir)
    actions = win.evaluation_forms
    assert actions.export_action.isEnabled() and actions.import_action.isEnabled()
    file_menu = win.menuBar().actions()[0].menu()
    assert actions.export_action in file_menu.actions() and actions.import_action in file_menu.actions()
    assert actions.export_action.text() == "評価シートを書き出す（団体・第三者用）…"

    # no project chosen yet: told to choose one in the 事業 tab, which is brought forward
    assert actions.export_selected() is None
    assert "事業タブの一覧で選んで" in dialog_calls.texts("info")[-1]
    tab = win.projects_tab
    assert tab is not None and win.tabs is not None and win.tabs.currentWidget() is tab
    qtbot.waitUntil(
        lambda: tab.started and not tab.loading and tab.model.row_of(project_id) >= 0, timeout=20_000
    )
    assert tab.select_id(project_id)

    def choose_third_party(dialog: ExportFormDialog) -> int:
        assert dialog.year_combo.currentData() == 2025 and dialog.phase_combo.currentData() == "最終"
        dialog.side_combo.setCurrentIndex(dialog.side_combo.findData("第三者"))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ExportFormDialog, "exec", choose_third_party)
    out = tmp_path / "第三者評価"
    dialog_calls.save_path = str(out)
    actions.export_action.trigger()
    _wait_for(qtbot, dialog_calls, "info", 2)
    save_args = next(args for name, args in dialog_calls.calls if name == "get_save_file_name")
    assert Path(save_args[2]).name == "評価シート_公園の花壇づくり_令和7年度_第三者用.xlsx"
    written = out.with_suffix(".xlsx")
    assert (
        "書き出しました" in dialog_calls.texts("info")[-1] and str(written) in dialog_calls.texts("info")[-1]
    )
    ident = _identity(written)
    assert (ident["project_id"], ident["side"], ident["fiscal_year"], ident["phase"]) == (
        project_id,
        "第三者",
        "2025",
        "最終",
    )

    fill(written, POINTS_FIVE, scores={item.key: 3 for item in POINTS_FIVE.items}, name="山田 一郎")
    dialog_calls.open_file_name = str(written)
    actions.import_action.trigger()
    _wait_for(qtbot, dialog_calls, "info", 3)
    assert dialog_calls.texts("info")[-1].startswith(
        "事業「公園の花壇づくり」の令和7年度最終評価（第三者、記入者: 山田 一郎）を取り込みました。合計 33/55。"
    )
    with Workspace.open(filled_dir, write=False) as ws:
        (stored,) = EvaluationService(ws).evaluations_of_project(project_id)
    assert (stored.side, stored.evaluator_name, stored.submitted) == ("第三者", "山田 一郎", True)

    # the same file again: every problem listed, nothing stored
    actions.import_action.trigger()
    _wait_for(qtbot, dialog_calls, "warning")
    assert dialog_calls.texts("warning")[-1] == (
        f"{written.name} は評価シートとして取り込めません。\n"
        "・この評価シート（Excel）は既に取り込まれています。同じファイルは二度取り込めません。\n\n"
        "何も取り込んでいません。"
    )
    with Workspace.open(filled_dir, write=False) as ws:
        assert len(EvaluationService(ws).evaluations_of_project(project_id)) == 1


def test_cancelling_the_dialogs_writes_nothing(
    open_window: Any,
    filled_dir: Path,
    project_id: str,
    dialog_calls: DialogRecorder,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kyodo_desktop.gui.evaluation_forms import export_form, import_form

    win: MainWindow = open_window(filled_dir)
    assert win.workspace is not None
    monkeypatch.setattr(ExportFormDialog, "exec", lambda _self: QDialog.DialogCode.Rejected.value)
    assert export_form(win, win.workspace, project_id) is None
    assert dialog_calls.names() == []
    monkeypatch.setattr(ExportFormDialog, "exec", lambda _self: QDialog.DialogCode.Accepted.value)
    assert export_form(win, win.workspace, project_id) is None  # the save dialog cancelled
    assert import_form(win, win.workspace) is None  # the open dialog cancelled
    assert dialog_calls.names() == ["get_save_file_name", "get_open_file_name"]
    with Workspace.open(filled_dir, write=False) as ws:
        assert EvaluationService(ws).rounds_of_project(project_id) == []
