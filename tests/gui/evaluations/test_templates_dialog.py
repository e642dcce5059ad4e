"""評価シートの管理: a built-in copied and edited through the dialog, a form in use saved as a new
version while the old evaluation keeps its form, bad input told in Japanese with nothing saved,
a stale edit refused, and the dialog opened from the 評価 tab's round bar."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QPushButton, QTableWidget
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.evaluation import ItemScore
from kyodo_desktop.domain.evaluation_templates import POINTS_FIVE
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput
from kyodo_desktop.gui.evaluations.templates_dialog import COL_STATE, TemplatesDialog
from kyodo_desktop.gui.evaluations.templates_dialog_editor import COL_MAXIMUM, COL_TEXT, COL_WORDS
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.services.evaluation_records import EvaluationInput, TemplateRecord
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace
from tests.gui.conftest import DialogRecorder, type_text

NEW_NAME = "みどり市の協働評価シート"
EDITED_TEXT = "相互理解：互いの強みを生かし、率直に話し合えたか"
ADDED_TEXT = "地域への波及：事業が地域に広がったか"


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "data", write=True) as workspace:
        yield workspace


@pytest.fixture
def dialog(qtbot: QtBot, ws: Workspace) -> TemplatesDialog:
    shown = TemplatesDialog(ws)
    qtbot.addWidget(shown)
    shown.show()
    return shown


def _click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _click_row(qtbot: QtBot, table: QTableWidget, row: int, column: int = 0) -> None:
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _choose(qtbot: QtBot, dialog: TemplatesDialog, name: str) -> None:
    row = next(n for n, r in enumerate(dialog.records) if r.template.name == name)
    _click_row(qtbot, dialog.table, row)
    chosen = dialog.chosen()
    assert chosen is not None and chosen.template.name == name


def _replace(qtbot: QtBot, field: QLineEdit, text: str) -> None:
    """Select what the field holds and type ``text`` over it (empty: delete it)."""
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    field.selectAll()
    if text:
        type_text(field, text)
    else:
        QTest.keyClick(field, Qt.Key.Key_Delete)
    assert field.text() == text


def _type_in_cell(qtbot: QtBot, table: QTableWidget, row: int, column: int, text: str) -> None:
    """Double-click the cell, type ``text`` over its content and press Enter."""
    rect = table.visualRect(table.model().index(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _edit_open_cell(qtbot, table, text)


def _edit_open_cell(qtbot: QtBot, table: QTableWidget, text: str) -> None:
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    type_text(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits on its next turn of the event loop, as it does for the officer
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def _copy_points_five(qtbot: QtBot, dialog: TemplatesDialog) -> None:
    """Choose the built-in 5段階 form, see 編集 refused, copy it under :data:`NEW_NAME`."""
    _choose(qtbot, dialog, POINTS_FIVE.name)
    assert not dialog.edit_button.isEnabled()
    assert "コピーしてから編集" in dialog.edit_button.toolTip()
    _replace(qtbot, dialog.copy_name, NEW_NAME)
    _click(qtbot, dialog.copy_button)
    assert dialog.pages.currentIndex() == 1
    assert dialog.editor.name.text() == NEW_NAME


def _custom(ws: Workspace) -> list[TemplateRecord]:
    return [r for r in EvaluationService(ws).templates() if not r.is_builtin]


def test_a_built_in_is_copied_edited_and_saved_through_the_dialog(
    qtbot: QtBot, dialog: TemplatesDialog, ws: Workspace
) -> None:
    _copy_points_five(qtbot, dialog)
    items = dialog.editor.items
    assert items.rowCount() == len(POINTS_FIVE.items)
    _type_in_cell(qtbot, items, 0, COL_TEXT, EDITED_TEXT)
    _click_row(qtbot, items, items.rowCount() - 1)
    _click(qtbot, dialog.editor.add_row)
    assert items.rowCount() == len(POINTS_FIVE.items) + 1
    _edit_open_cell(qtbot, items, ADDED_TEXT)
    _click(qtbot, dialog.save_button)
    assert dialog.pages.currentIndex() == 0

    [stored] = _custom(ws)
    t = stored.template
    assert t.name == NEW_NAME and stored.version == 2  # copied as 版1, edited in place
    assert t.items[0].text == EDITED_TEXT and t.items[0].point == "相互理解"
    assert t.items[-1].text == ADDED_TEXT and t.items[-1].group == POINTS_FIVE.items[-1].group
    assert len({i.key for i in t.items}) == len(t.items)
    assert [i.text for i in t.items[1:-1]] == [i.text for i in POINTS_FIVE.items[1:]]
    assert t.scale == POINTS_FIVE.scale
    assert any(r.template.name == NEW_NAME for r in dialog.records)


def test_a_form_in_use_gets_a_new_version_and_the_old_evaluation_keeps_its_form(
    qtbot: QtBot, dialog: TemplatesDialog, ws: Workspace, dialog_calls: DialogRecorder
) -> None:
    _copy_points_five(qtbot, dialog)
    _click(qtbot, dialog.save_button)  # unchanged: nothing new stored
    [first] = _custom(ws)
    service = EvaluationService(ws)
    org = OrganizationService(ws).create(OrganizationInput(name="みどりの会"))
    project = ProjectService(ws).create(
        ProjectInput(
            title="公園の花壇づくり", fiscal_year=2025, section="市民協働課", partners=[PartnerInput(org)]
        ),
        stage="評価",
        stage_on=date(2025, 4, 1),
    )
    service.round_for(project, 2025, "最終", template_id=first.id)
    evaluation = service.save_evaluation(
        EvaluationInput(project, 2025, "最終", "行政", evaluator_name="担当", scores=[ItemScore("p1", 4)])
    )
    dialog.reload()
    _choose(qtbot, dialog, NEW_NAME)
    row = next(n for n, r in enumerate(dialog.records) if r.template.name == NEW_NAME)
    assert dialog.table.item(row, COL_STATE).text() == "使用中"
    _click(qtbot, dialog.edit_button)
    assert "新しい版（版2）" in dialog.version_hint.text()
    _type_in_cell(qtbot, dialog.editor.items, 1, COL_TEXT, "公平性：選定は公平だったか")
    _click(qtbot, dialog.save_button)

    assert any("版2" in text for text in dialog_calls.texts("confirm"))
    versions = sorted((r for r in _custom(ws)), key=lambda r: r.version)
    assert [r.version for r in versions] == [1, 2]
    old, new = versions
    assert old.id == first.id and old.template.items[1].text == POINTS_FIVE.items[1].text
    assert new.template.items[1].text == "公平性：選定は公平だったか"
    [kept] = service.evaluations_of_project(project)
    assert kept.id == evaluation.id and kept.template_id == old.id
    assert service.template(kept.template_id).template.items == first.template.items


def test_bad_input_is_told_beside_the_fields_and_nothing_is_saved(
    qtbot: QtBot, dialog: TemplatesDialog, ws: Workspace
) -> None:
    _choose(qtbot, dialog, POINTS_FIVE.name)
    _replace(qtbot, dialog.copy_name, "")
    _click(qtbot, dialog.copy_button)
    assert dialog.list_notice.isVisible() and dialog.list_notice.text() == "評価シートの名前は必須です"
    assert _custom(ws) == []

    _copy_points_five(qtbot, dialog)
    [before] = _custom(ws)
    editor = dialog.editor
    _replace(qtbot, editor.name, "")
    _type_in_cell(qtbot, editor.items, 2, COL_TEXT, "   ")
    _click(qtbot, dialog.save_button)
    assert editor.name_error.isVisible() and editor.name_error.text() == "評価シートの名前は必須です"
    assert "3番目の評価項目の文が空です" in editor.items_error.text()
    assert dialog.editor_notice.text() == "入力内容を確認してください。"
    assert dialog.pages.currentIndex() == 1

    _replace(qtbot, editor.name, POINTS_FIVE.name)
    _click(qtbot, dialog.save_button)
    assert editor.name_error.text() == f"同じ名前の評価シートがあります: {POINTS_FIVE.name}"

    _replace(qtbot, editor.name, NEW_NAME)
    _type_in_cell(qtbot, editor.items, 2, COL_TEXT, "項目")
    qtbot.mouseClick(editor.weighted, Qt.MouseButton.LeftButton, pos=editor.weighted.rect().center())
    _click(qtbot, dialog.save_button)
    assert editor.weights_error.isVisible() and editor.weights_error.text() == "配点の合計が0です"
    assert not editor.name_error.isVisible()
    [after] = _custom(ws)
    assert after == before


def test_a_stale_edit_is_refused_in_japanese(qtbot: QtBot, dialog: TemplatesDialog, ws: Workspace) -> None:
    _copy_points_five(qtbot, dialog)
    [opened] = _custom(ws)
    EvaluationService(ws).save_template(
        opened.id, dataclasses.replace(opened.template, description="別の窓で変更"), opened.version
    )
    _replace(qtbot, dialog.editor.name, "この窓での名前")
    _click(qtbot, dialog.save_button)
    assert dialog.editor_notice.isVisible()
    assert "開いた後に更新されています" in dialog.editor_notice.text()
    [stored] = _custom(ws)
    assert stored.template.name == NEW_NAME and stored.template.description == "別の窓で変更"
    back = dialog.findChild(QPushButton, "cancelTemplateEdit")
    assert back is not None
    _click(qtbot, back)
    _choose(qtbot, dialog, NEW_NAME)
    _click(qtbot, dialog.edit_button)  # opened again: the newest version, saved this time
    assert dialog.editor.description.text() == "別の窓で変更"
    _replace(qtbot, dialog.editor.name, "この窓での名前")
    _click(qtbot, dialog.save_button)
    [stored] = _custom(ws)
    assert stored.template.name == "この窓での名前" and stored.version == opened.version + 2


def test_the_round_bar_opens_the_dialog_and_offers_the_saved_form(
    qtbot: QtBot, open_window: Any, tmp_path: Path
) -> None:
    data_dir = tmp_path / "win"
    with Workspace.open(data_dir, write=True) as setup:
        org = OrganizationService(setup).create(OrganizationInput(name="みどりの会"))
        ProjectService(setup).create(
            ProjectInput(
                title="公園の花壇づくり", fiscal_year=2025, section="市民協働課", partners=[PartnerInput(org)]
            ),
            stage="評価",
            stage_on=date(2025, 4, 1),
        )
    window: MainWindow = open_window(data_dir)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=20_000)
    assert window.tabs is not None and window.evaluations_tab is not None
    window.tabs.setCurrentWidget(window.evaluations_tab)
    page = window.evaluations_tab.page
    assert page is not None
    qtbot.waitUntil(lambda: not page.list.loading, timeout=10_000)
    _click_row(qtbot, page.list.table, 0, 1)
    assert page.project is not None
    _click(qtbot, page.round_bar.manage)
    dialog = page.findChild(TemplatesDialog)
    assert isinstance(dialog, TemplatesDialog) and dialog.isVisible()
    _copy_points_five(qtbot, dialog)
    _click(qtbot, dialog.save_button)
    combo = page.round_bar.template
    assert any(NEW_NAME in combo.itemText(n) for n in range(combo.count()))
    dialog.close()


def test_rows_move_and_go_and_a_points_form_with_weights_is_saved(
    qtbot: QtBot, dialog: TemplatesDialog, ws: Workspace, tmp_path: Path
) -> None:
    _copy_points_five(qtbot, dialog)
    editor = dialog.editor
    items = editor.items
    first, second = (items.item(n, COL_TEXT).text() for n in (0, 1))
    _click_row(qtbot, items, 1)
    _click(qtbot, editor.move_up)
    assert [items.item(n, COL_TEXT).text() for n in (0, 1)] == [second, first]
    _click(qtbot, editor.move_down)
    _click(qtbot, editor.move_down)
    assert items.item(0, COL_TEXT).text() == first and items.item(2, COL_TEXT).text() == second
    _click_row(qtbot, items, items.rowCount() - 1)
    _click(qtbot, editor.remove_row)
    assert items.rowCount() == len(POINTS_FIVE.items) - 1
    editor.scale.setFocus()
    while editor.scale.currentData() != "点数":
        QTest.keyClick(editor.scale, Qt.Key.Key_Down)
    assert editor.points_maximum.isVisible() and items.isColumnHidden(COL_WORDS)
    editor.points_maximum.setFocus()
    editor.points_maximum.selectAll()
    QTest.keyClicks(editor.points_maximum, "20")
    _type_in_cell(qtbot, items, 0, COL_MAXIMUM, "１５")
    qtbot.mouseClick(editor.weighted, Qt.MouseButton.LeftButton, pos=editor.weighted.rect().center())
    for side, points in zip(("行政", "団体", "第三者"), (20, 20, 60), strict=True):
        spin = editor.weights[side]
        spin.setFocus()
        spin.selectAll()
        QTest.keyClicks(spin, str(points))
    type_text(editor.overall, "優良\n良好")
    image = dialog.grab()
    assert not image.isNull() and image.save(str(tmp_path / "editor.png"))
    _click(qtbot, dialog.save_button)

    [stored] = _custom(ws)
    t = stored.template
    assert t.scale.kind.value == "点数" and t.scale.maximum == 20
    assert t.items[0].text == first and t.items[2].text == second and t.items[0].maximum == 15
    assert t.item_maximum(t.items[1]) == 20
    assert len(t.items) == len(POINTS_FIVE.items) - 1
    assert dict(t.weights) == {"行政": 20, "団体": 20, "第三者": 60}
    assert t.overall_choices == ("優良", "良好")
