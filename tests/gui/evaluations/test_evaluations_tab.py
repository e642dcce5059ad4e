"""The 評価 tab: a 行政 evaluation entered through the generated form, the gaps highlighted in
the mutual view, the final conclusion recorded through the widgets and the project's stage moved;
blind mode hiding a side until the others have submitted."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit, QTableWidget
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.evaluation import ItemScore
from kyodo_desktop.domain.evaluation_templates import POINTS_FIVE
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput, TargetInput
from kyodo_desktop.gui.evaluations.mutual import COL_DIFF, COL_FIRST_SIDE, COL_MARK, GAP_ROLE
from kyodo_desktop.gui.evaluations.page import EvaluationsPage
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.services.evaluation_records import EvaluationInput
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace
from tests.gui.conftest import type_text

#: 行政's scores typed in the form: p1..p6, r1..r5 (five-level scale).
ADMIN = (5, 4, 4, 3, 5, 4, 4, 3, 4, 4, 5)
#: 団体's scores, 2 or more apart on p1 (5 vs 2), p5 (5 vs 3) and r2 (3 vs 5).
PARTNER = (2, 4, 3, 3, 3, 4, 4, 5, 4, 4, 5)
GAP_ITEMS = {"p1", "p5", "r2"}


def _make_project(data_dir: Path, stage: str = "評価") -> str:
    with Workspace.open(data_dir, write=True) as ws:
        org = OrganizationService(ws).create(OrganizationInput(name="みどりの会"))
        return ProjectService(ws).create(
            ProjectInput(
                title="公園の花壇づくり",
                section="市民協働課",
                fiscal_year=2025,
                partners=[PartnerInput(org)],
                period_start=date(2025, 4, 1),
                period_end=date(2026, 3, 31),
                targets=[TargetInput("参加者数", "延べ500人"), TargetInput("花壇の数", "10か所")],
            ),
            stage=stage,
            stage_on=date(2025, 4, 1),
        )


def _window(qtbot: QtBot, open_window: Any, data_dir: Path) -> MainWindow:
    """The main window on ``data_dir`` once its start-up check has passed (writes wait for it)."""
    window: MainWindow = open_window(data_dir)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=20_000)
    return window


def _open_tab(qtbot: QtBot, window: MainWindow) -> EvaluationsPage:
    assert window.tabs is not None and window.evaluations_tab is not None
    assert window.evaluations_tab.objectName() == "evaluationsTab"
    assert window.evaluations_tab.page is None  # nothing built before it is shown
    window.tabs.setCurrentWidget(window.evaluations_tab)
    page = window.evaluations_tab.page
    assert page is not None
    qtbot.waitUntil(lambda: not page.list.loading, timeout=10_000)
    return page


def _choose(qtbot: QtBot, page: EvaluationsPage, title: str) -> None:
    row = next(n for n, r in enumerate(page.list.model.rows) if r.title == title)
    rect = page.list.table.visualRect(page.list.model.index(row, 1))
    qtbot.mouseClick(page.list.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.project is not None and page.project.data.title == title


def _pick(qtbot: QtBot, combo: QComboBox, data: Any) -> None:
    """Choose the entry holding ``data`` with the keyboard, as an officer moving down the list."""
    combo.setFocus()
    target = combo.findData(data)
    assert target >= 0
    while combo.currentIndex() != target:
        key = Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up
        qtbot.keyClick(combo, key)


def _type_in_cell(qtbot: QtBot, table: QTableWidget, row: int, column: int, text: str) -> None:
    """Open the cell's editor as a double click does, type ``text`` and press Enter."""
    item = table.item(row, column)
    assert item is not None
    table.setCurrentItem(item)
    table.editItem(item)
    editor = next(w for w in table.viewport().findChildren(QLineEdit) if w.isVisible())
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: item.text() == text)  # the delegate commits through a queued call


def _store(window: MainWindow, pid: str, side: str, values: tuple[int, ...]) -> None:
    """A submitted evaluation stored through the service (the window holds the folder's lock)."""
    assert window.workspace is not None
    scores = [ItemScore(i.key, v) for i, v in zip(POINTS_FIVE.items, values, strict=True)]
    EvaluationService(window.workspace).save_evaluation(
        EvaluationInput(pid, 2025, "最終", side, scores=scores, submit=True)
    )


def test_enter_compare_and_conclude(
    qtbot: QtBot, open_window: Any, data_dir: Path, dialog_calls: Any, tmp_path: Path
) -> None:
    pid = _make_project(data_dir)
    window = _window(qtbot, open_window, data_dir)
    page = _open_tab(qtbot, window)
    [due] = page.list.model.rows  # due at the stage 評価 (and, by today's date, maybe more)
    assert (due.title, due.partner) == ("公園の花壇づくり", "みどりの会") and due.reason.startswith(
        "段階が評価"
    )
    _choose(qtbot, page, "公園の花壇づくり")
    assert page.round_bar.key() == (2025, "最終")

    # the 行政 evaluation through the generated form
    form = page.form
    _pick(qtbot, form.side, "行政")
    type_text(form.evaluator, "協働推進課")
    qtbot.keyClick(form.evaluator, Qt.Key.Key_Tab)
    for item, value in zip(POINTS_FIVE.items, ADMIN, strict=True):
        _pick(qtbot, form.score_control(item.key), value)  # type: ignore[arg-type]
    type_text(form.comment_edit("p1"), "毎月の打合せで課題を共有できた")
    type_text(form.overall_comment, "花壇が地域の交流の場になった")
    form.evaluated_on.clear()
    QTest.keyClicks(form.evaluated_on, "2026-03-10")
    qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    assert page.current is not None and not page.current.submitted
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert not page.notice.isVisible() or page.notice.text() == ""

    with Workspace.open(data_dir, write=False) as ws:
        [stored] = EvaluationService(ws).evaluations_of_project(pid)
    assert (stored.side, stored.evaluator_name, stored.submitted) == ("行政", "協働推進課", True)
    assert [s.score for s in stored.scores] == list(ADMIN)
    assert stored.scores[0].comment == "毎月の打合せで課題を共有できた"
    assert (stored.overall_comment, stored.evaluated_on) == (
        "花壇が地域の交流の場になった",
        date(2026, 3, 10),
    )
    assert not form.score_control("p1").isEnabled()  # submitted: locked until reopened

    # the partner's evaluation arrives (through the service); the view shows the gaps
    _store(window, pid, "団体", PARTNER)
    page.open_project(pid)
    model = page.mutual.model
    flagged = {
        model.view.rows[n].item.key
        for n in range(model.rowCount())
        if model.data(model.index(n, 0), GAP_ROLE)
    }  # type: ignore[union-attr]
    assert flagged == GAP_ITEMS
    for n in range(model.rowCount()):
        key = model.view.rows[n].item.key  # type: ignore[union-attr]
        mark = model.data(model.index(n, COL_MARK))
        background = model.data(model.index(n, 1), Qt.ItemDataRole.BackgroundRole)
        assert (mark == "◆ 論点") == (key in GAP_ITEMS)
        assert (background is not None) == (key in GAP_ITEMS)
    p1 = next(n for n in range(model.rowCount()) if model.view.rows[n].item.key == "p1")  # type: ignore[union-attr]
    assert [model.data(model.index(p1, c)) for c in (COL_FIRST_SIDE, COL_FIRST_SIDE + 1, COL_DIFF)] == [
        "5",
        "2",
        "3",
    ]
    assert "行政 45/55" in page.mutual.totals.text() and "団体 41/55" in page.mutual.totals.text()
    radar = page.mutual.radar.series()
    assert [s.name for s in radar] == ["行政", "団体", "第三者"]
    assert radar[0].values == (5.0, 4.0, 4.0, 3.0, 5.0, 4.0) and all(v is None for v in radar[2].values)

    # results typed in the tab beside the targets
    page.sections.setCurrentWidget(page.mutual)
    _type_in_cell(qtbot, page.mutual.targets, 0, 3, "延べ620人")
    qtbot.mouseClick(page.mutual.save_results_button, Qt.MouseButton.LeftButton)
    assert [r.result for r in page.service.target_rows(page.round.id)][:1] == ["延べ620人"]  # type: ignore[union-attr]
    assert page.mutual.bars.series()[1].values[0] == 620.0

    # the final conclusion through the widgets moves the project
    page.sections.setCurrentWidget(page.conclusion)
    _pick(qtbot, page.conclusion.direction, "改善して継続")
    type_text(page.conclusion.comment, "打合せの記録を双方で共有する")
    page.conclusion.decided_on.clear()
    QTest.keyClicks(page.conclusion.decided_on, "2026-03-25")
    qtbot.mouseClick(page.conclusion.add_button, Qt.MouseButton.LeftButton)
    for column, text in enumerate(("議事録の共有", "協働推進課", "2026-06-30")):
        _type_in_cell(qtbot, page.conclusion.action_table, 0, column, text)
    qtbot.mouseClick(page.conclusion.record_button, Qt.MouseButton.LeftButton)
    assert page.conclusion.stage_label.text() == "事業の段階: 見直し・改善"
    with Workspace.open(data_dir, write=False) as ws:
        project = ProjectService(ws).get(pid)
        r = EvaluationService(ws).rounds_of_project(pid)[0]
    assert project.stage == "見直し・改善"
    assert (r.direction, r.decided_on, r.actions[0].text, r.actions[0].due_on) == (
        "改善して継続",
        date(2026, 3, 25),
        "議事録の共有",
        date(2026, 6, 30),
    )
    assert page.history_model.rows[0].sides[:2] == ("45/55", "41/55")

    window.resize(1280, 800)
    page.sections.setCurrentWidget(page.mutual)
    qtbot.wait(50)
    shots = Path(os.environ.get("KYODO_SHOTS", tmp_path))
    assert window.grab().save(str(shots / "evaluations_mutual.png"))
    page.sections.setCurrentIndex(0)
    qtbot.wait(50)  # the shown section lays itself out
    assert window.grab().save(str(shots / "evaluations_entry.png"))
    page.sections.setCurrentIndex(3)
    qtbot.wait(50)
    assert window.grab().save(str(shots / "evaluations_history.png"))
    page.sections.setCurrentWidget(page.conclusion)
    assert window.grab().save(str(shots / "evaluations_conclusion.png"))

    # reopening takes the submission back
    _pick(qtbot, form.side, "行政")
    qtbot.mouseClick(page.reopen_button, Qt.MouseButton.LeftButton)
    assert page.current is not None and not page.current.submitted and form.score_control("p1").isEnabled()

    assert not dialog_calls.texts("error")


def test_blind_mode_hides_a_side_until_the_others_submit(
    qtbot: QtBot, open_window: Any, data_dir: Path
) -> None:
    pid = _make_project(data_dir)
    window = _window(qtbot, open_window, data_dir)
    page = _open_tab(qtbot, window)
    _choose(qtbot, page, "公園の花壇づくり")
    qtbot.mouseClick(page.round_bar.blind, Qt.MouseButton.LeftButton)
    assert page.round is None  # a new round follows the bar until something is saved
    _pick(qtbot, page.form.side, "団体")
    for item, value in zip(POINTS_FIVE.items, PARTNER, strict=True):
        _pick(qtbot, page.form.score_control(item.key), value)  # type: ignore[arg-type]
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert page.round is not None and page.round.blind
    header = page.mutual.model.headerData(COL_FIRST_SIDE + 1, Qt.Orientation.Horizontal)
    assert header == "団体（非表示）"
    assert page.mutual.model.headerData(COL_FIRST_SIDE, Qt.Orientation.Horizontal) == "行政（未提出）"
    assert page.mutual.model.data(page.mutual.model.index(0, COL_FIRST_SIDE + 1)) == "非表示"
    assert "ブラインド" in page.mutual.hidden_note.text()

    # 行政 submits: both sides are shown
    _store(window, pid, "行政", ADMIN)
    page.open_project(pid)
    assert page.mutual.model.data(page.mutual.model.index(0, COL_FIRST_SIDE + 1)) == "2"
    assert page.mutual.hidden_note.text() == ""

    # a third party is planned on the stored round: in blind mode both wait for it now
    qtbot.mouseClick(page.round_bar.third_party, Qt.MouseButton.LeftButton)
    assert page.round is not None and page.round.third_party_planned
    model = page.mutual.model
    assert model.headerData(COL_FIRST_SIDE + 2, Qt.Orientation.Horizontal) == "第三者（未提出）"
    assert [model.data(model.index(0, COL_FIRST_SIDE + n)) for n in range(3)] == [
        "非表示",
        "非表示",
        "未提出",
    ]
    with Workspace.open(data_dir, write=False) as ws:
        assert EvaluationService(ws).rounds_of_project(pid)[0].third_party_planned


def test_a_stale_save_is_refused_in_japanese_and_the_history_shows_the_trend(
    qtbot: QtBot, open_window: Any, data_dir: Path
) -> None:
    pid = _make_project(data_dir)
    window = _window(qtbot, open_window, data_dir)
    assert window.workspace is not None
    svc = EvaluationService(window.workspace)
    lower = tuple(v - 1 for v in ADMIN)  # the year before scored one point lower on every item
    scores = [ItemScore(i.key, v) for i, v in zip(POINTS_FIVE.items, lower, strict=True)]
    svc.save_evaluation(EvaluationInput(pid, 2024, "最終", "行政", scores=scores, submit=True))
    _store(window, pid, "行政", ADMIN)
    page = _open_tab(qtbot, window)
    # any project can be found: すべての事業, narrowed by title and 年度
    qtbot.mouseClick(page.list.all_mode, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.list.loading, timeout=10_000)
    type_text(page.list.search, "花壇")
    assert [r.title for r in page.list.model.rows] == ["公園の花壇づくり"]
    type_text(page.list.search, "祭り")
    assert page.list.model.rows == []
    page.list.search.clear()
    _pick(qtbot, page.list.year_filter, 2025)
    assert len(page.list.model.rows) == 1
    _choose(qtbot, page, "公園の花壇づくり")
    assert [r.fiscal_year for r in page.history_model.rows] == [2024, 2025]
    assert page.history_model.rows[0].sides[0] == "34/55"
    assert page.history_model.rows[1].sides[0] == "45/55 ↑"

    # 団体's draft is open in the tab while another window changes it: the save is refused
    _pick(qtbot, page.form.side, "団体")
    _pick(qtbot, page.form.score_control("p1"), 3)
    qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    draft = page.current
    assert draft is not None
    svc.save_evaluation(
        EvaluationInput(pid, 2025, "最終", "団体", scores=[ItemScore("p1", 4)]),
        expected_version=draft.version,
    )
    _pick(qtbot, page.form.score_control("p2"), 2)
    qtbot.mouseClick(page.submit_button, Qt.MouseButton.LeftButton)
    assert not page.notice.isHidden()
    assert "他の操作で更新されています" in page.notice.text()
    assert page.form.score_control("p2").currentData() == 2  # what was typed stays
    stored = next(e for e in svc.evaluations_of_project(pid) if e.side == "団体")
    assert (stored.submitted, stored.scores[0].score) == (False, 4)


def test_scores_typed_before_the_name_stay_when_the_name_field_is_left(
    qtbot: QtBot, open_window: Any, data_dir: Path
) -> None:
    _make_project(data_dir)
    window = _window(qtbot, open_window, data_dir)
    page = _open_tab(qtbot, window)
    _choose(qtbot, page, "公園の花壇づくり")
    _pick(qtbot, page.form.score_control("p1"), 4)
    type_text(page.form.evaluator, "委員A")
    qtbot.keyClick(page.form.evaluator, Qt.Key.Key_Tab)
    assert page.form.score_control("p1").currentData() == 4
    qtbot.mouseClick(page.draft_button, Qt.MouseButton.LeftButton)
    assert page.current is not None
    assert (page.current.evaluator_name, page.current.scores[0].score) == ("委員A", 4)
