"""The home tab (``homeTab``, the first tab): the day's items open their records, the empty
state, the quick actions, and the list read again after a change."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QPushButton, QTabWidget
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.handover.tab import HandoverTab
from kyodo_desktop.gui.home.choose_org import ChooseOrganizationDialog
from kyodo_desktop.gui.home.tab import HomeTab
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.gui.organizations.edit_dialog import OrganizationDialog
from kyodo_desktop.services import demo, officers
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.demo_projects import generate_projects
from kyodo_desktop.services.today import ItemKind, Opens, Target
from kyodo_desktop.services.workspace import Workspace
from tests.gui.conftest import type_text
from tests.handover_world import World, make_world

DAY = date(2027, 4, 10)


def _world(data_dir: Path) -> tuple[World, str]:
    ws = Workspace.open(data_dir)
    try:
        w = make_world(ws)
        officers.set_assignment(ws, w.sato, transferred_on=date(2027, 4, 1), successor_id=w.suzuki)
        CommitmentService(ws).add("実績報告を受け取る", project_id=w.project, due_on=date(2027, 4, 9))
    finally:
        ws.close()
    return w, w.project


def _open(qtbot: QtBot, open_window: Any, data_dir: Path) -> tuple[MainWindow, HomeTab, QTabWidget]:
    window: MainWindow = open_window(data_dir, home=True)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=20_000)
    tabs = window.findChild(QTabWidget, "mainTabs")
    assert tabs is not None
    home = tabs.widget(0)
    assert isinstance(home, HomeTab) and home.objectName() == "homeTab"
    assert tabs.currentWidget() is home  # the window opens on it
    qtbot.waitUntil(lambda: home.loaded, timeout=20_000)
    return window, home, tabs


def _show_day(qtbot: QtBot, home: HomeTab, day: date) -> None:
    with qtbot.waitSignal(home.rows_loaded, timeout=20_000):
        home.reload(day)


def _row(home: HomeTab, kind: ItemKind, title: str | None = None) -> int:
    for row, item in enumerate(home.model.items):
        if item.kind is kind and (title is None or item.title == title):
            return row
    raise AssertionError(f"no {kind} item")


def _activate(qtbot: QtBot, home: HomeTab, row: int, *, enter: bool) -> None:
    table = home.table
    index = home.model.index(row, 2)
    table.scrollTo(index)
    if enter:
        table.setFocus()
        table.setCurrentIndex(index)
        qtbot.keyClick(table, Qt.Key.Key_Return)
    else:
        rect = table.visualRect(index)
        # a real double click starts with a press; QAbstractItemView checks for it
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_each_kind_of_item_opens_its_record(qtbot: QtBot, open_window: Any, data_dir: Path) -> None:
    w, project = _world(data_dir)
    window, home, tabs = _open(qtbot, open_window, data_dir)
    window.resize(1280, 800)
    registry, projects, evaluations = window.organizations_tab, window.projects_tab, window.evaluations_tab
    assert registry is not None and projects is not None and evaluations is not None
    _show_day(qtbot, home, DAY)
    assert home.table.isVisible() and not home.empty.isVisible()
    first = home.model.index(0, 0).data()
    assert first == "R9.3.31"  # 和暦, the most overdue first
    assert home.model.index(0, 1).data() == "評価の予定（期限超過）"

    # a follow-up (対応予定) → the organization's form
    _activate(qtbot, home, _row(home, ItemKind.FOLLOW_UP), enter=True)
    qtbot.waitUntil(lambda: any(d.org_id == w.org for d in registry.open_dialogs()))
    for d in registry.open_dialogs():
        d.close()
    # a promise of a project → the 事業 tab with it selected
    tabs.setCurrentWidget(home)
    _activate(qtbot, home, _row(home, ItemKind.PROMISE, "公園の花壇づくり"), enter=False)
    assert tabs.currentWidget() is projects
    qtbot.waitUntil(lambda: projects.current_id() == project, timeout=20_000)
    # an evaluation due → the 評価 tab on that project
    tabs.setCurrentWidget(home)
    _show_day(qtbot, home, DAY)
    _activate(qtbot, home, _row(home, ItemKind.EVALUATION), enter=True)
    assert tabs.currentWidget() is evaluations
    page = evaluations.page
    assert page is not None and page.project is not None and page.project.id == project
    # a transfer without a signed handover → the 引継ぎ tab on that officer
    tabs.setCurrentWidget(home)
    _show_day(qtbot, home, DAY)
    _activate(qtbot, home, _row(home, ItemKind.UNSIGNED), enter=False)
    handover = tabs.currentWidget()
    assert isinstance(handover, HandoverTab) and handover.page is not None
    current = handover.page.pending.currentItem()
    assert current is not None and current.data(Qt.ItemDataRole.UserRole) == w.sato

    # an agreement ending soon → the project; a quiet partner → the organization's form
    tabs.setCurrentWidget(home)
    _show_day(qtbot, home, date(2027, 2, 15))
    _activate(qtbot, home, _row(home, ItemKind.ENDING), enter=True)
    assert tabs.currentWidget() is projects
    qtbot.waitUntil(lambda: projects.current_id() == project, timeout=20_000)
    tabs.setCurrentWidget(home)
    _show_day(qtbot, home, date(2027, 9, 1))
    _activate(qtbot, home, _row(home, ItemKind.QUIET), enter=False)
    qtbot.waitUntil(lambda: any(d.org_id == w.org for d in registry.open_dialogs()))


def test_an_empty_day_says_so(qtbot: QtBot, open_window: Any, data_dir: Path) -> None:
    Workspace.open(data_dir).close()
    _window, home, _tabs = _open(qtbot, open_window, data_dir)
    assert home.model.rowCount() == 0
    assert home.empty.isVisible() and not home.table.isVisible()
    assert "今日の予定はありません" in home.empty.text()
    assert not home.headline.isVisible()  # kept for the year's figures, hidden while empty


def test_logging_a_contact_refreshes_the_day(qtbot: QtBot, open_window: Any, data_dir: Path) -> None:
    w, _project = _world(data_dir)
    window, home, _tabs = _open(qtbot, open_window, data_dir)
    _show_day(qtbot, home, DAY)
    assert any(i.kind is ItemKind.FOLLOW_UP for i in home.model.items)
    home.log_contact_action.trigger()  # 対応を記録 (Ctrl+L)
    chooser = window.home_chooser
    assert isinstance(chooser, ChooseOrganizationDialog)
    type_text(chooser.search, "みどり")
    chooser.run_search()
    assert chooser.hits.count() == 1
    with qtbot.waitSignal(chooser.accepted):
        chooser.accept()
    registry = window.organizations_tab
    assert registry is not None
    (form,) = [d for d in registry.open_dialogs() if d.org_id == w.org]
    tabs = form.findChild(QTabWidget, "dialogTabs")
    assert tabs is not None and tabs.tabText(tabs.currentIndex()) == "対応記録"
    # a later contact closes the follow-up; the list is read again on its own
    assert isinstance(form, OrganizationDialog)
    date_edit = form.findChild(QLineEdit, "interactionDateEdit")
    summary = form.findChild(QPlainTextEdit, "interactionSummaryEdit")
    add = form.findChild(QPushButton, "addInteractionButton")
    assert date_edit is not None and summary is not None and add is not None
    date_edit.clear()  # it offers today
    type_text(date_edit, "2027-04-08")
    type_text(summary, "日程を確認")
    with qtbot.waitSignal(home.rows_loaded, timeout=20_000):
        add.click()
    # the automatic read is of the real today; the day of the world shows the follow-up closed
    _show_day(qtbot, home, DAY)
    assert not any(i.kind is ItemKind.FOLLOW_UP for i in home.model.items)


def test_a_read_only_window_has_no_quick_actions(qtbot: QtBot, open_window: Any, data_dir: Path) -> None:
    Workspace.open(data_dir).close()
    holder = Workspace.open(data_dir)  # another program holds the lock: the window opens read-only
    try:
        _window, home, _tabs = _open_read_only(qtbot, open_window, data_dir)
        assert not home.new_organization_action.isEnabled()
        assert not home.log_contact_action.isEnabled()
    finally:
        holder.close()


def _open_read_only(qtbot: QtBot, open_window: Any, data_dir: Path) -> tuple[MainWindow, HomeTab, QTabWidget]:
    window: MainWindow = open_window(data_dir, home=True)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=20_000)
    tabs = window.findChild(QTabWidget, "mainTabs")
    assert tabs is not None
    home = tabs.widget(0)
    assert isinstance(home, HomeTab)
    qtbot.waitUntil(lambda: home.loaded, timeout=20_000)
    return window, home, tabs


def _opened(window: MainWindow, tabs: QTabWidget, target: Target) -> bool:
    """Whether the record ``target`` names is what the window now shows."""
    registry, projects = window.organizations_tab, window.projects_tab
    assert registry is not None and projects is not None
    if target.opens is Opens.ORGANIZATION:
        return any(d.org_id == target.id for d in registry.open_dialogs())
    if target.opens is Opens.PROJECT:
        return tabs.currentWidget() is projects and projects.current_id() == target.id
    if target.opens is Opens.EVALUATION:
        page = window.evaluations_tab.page if window.evaluations_tab is not None else None
        return (
            tabs.currentWidget() is window.evaluations_tab
            and page is not None
            and page.project is not None
            and page.project.id == target.id
        )
    handover = tabs.currentWidget()
    if not isinstance(handover, HandoverTab) or handover.page is None:
        return False
    current = handover.page.pending.currentItem()
    return current is not None and current.data(Qt.ItemDataRole.UserRole) == target.id


def test_on_demo_data_an_item_of_each_kind_opens_its_record(
    qtbot: QtBot, open_window: Any, data_dir: Path
) -> None:
    ws = Workspace.open(data_dir)
    try:
        demo.generate(ws, 300, seed=3)
        generate_projects(ws, 150, seed=3)
    finally:
        ws.close()
    window, home, tabs = _open(qtbot, open_window, data_dir)
    window.resize(1280, 800)
    seen: set[ItemKind] = set()
    # the demo's dates are today's: a few days ahead bring every kind into the day's list
    today = date.today()
    for day in (today, *(today + timedelta(days=n) for n in (30, 90, 150, 240, 365))):
        tabs.setCurrentWidget(home)
        _show_day(qtbot, home, day)
        for kind in ItemKind:
            if kind in seen or not any(i.kind is kind for i in home.model.items):
                continue
            row = _row(home, kind)
            target = home.model.items[row].target
            tabs.setCurrentWidget(home)
            _show_day(qtbot, home, day)
            _activate(qtbot, home, _row(home, kind), enter=len(seen) % 2 == 0)
            qtbot.waitUntil(lambda target=target: _opened(window, tabs, target), timeout=20_000)
            assert window.organizations_tab is not None
            for d in window.organizations_tab.open_dialogs():
                d.close()
            seen.add(kind)
    assert seen == set(ItemKind)
