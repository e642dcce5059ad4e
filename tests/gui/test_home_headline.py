"""The home tab's headline strip: the year's figures as ``year_figures`` counts them, beside
last year's with ↑/↓/→, cards opening their tabs, the small chart, and 年度レポート…."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.gui.annual_report_dialog import AnnualReportDialog
from kyodo_desktop.gui.charts.base import BACKGROUND
from kyodo_desktop.gui.home.headline import HeadlineStrip, amount_text, change_text, previous_text
from kyodo_desktop.gui.home.tab import HomeTab
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services import officers
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.report_scope import ReportScope
from kyodo_desktop.services.workspace import Workspace
from kyodo_desktop.services.year_figures import Headline, headlines_of, year_figures
from tests.handover_world import World, make_world

DAY = date(2027, 4, 10)  # 令和9年度: the world's project is 令和8年度's
LAST_YEAR_DAY = date(2026, 10, 1)  # 令和8年度: the project is this year's


def _world(data_dir: Path) -> World:
    ws = Workspace.open(data_dir)
    try:
        w = make_world(ws)
        officers.set_assignment(ws, w.sato, transferred_on=date(2027, 4, 30), successor_id=w.suzuki)
    finally:
        ws.close()
    return w


def _open(qtbot: QtBot, open_window: Any, data_dir: Path) -> tuple[MainWindow, HomeTab, QTabWidget]:
    window: MainWindow = open_window(data_dir, home=True)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.verified, timeout=20_000)
    tabs = window.findChild(QTabWidget, "mainTabs")
    assert tabs is not None
    home = tabs.widget(0)
    assert isinstance(home, HomeTab)
    qtbot.waitUntil(lambda: home.loaded, timeout=20_000)
    return window, home, tabs


def _show_day(qtbot: QtBot, home: HomeTab, day: date) -> HeadlineStrip:
    """The list read for ``day``, then the strip (read after it, for the same day)."""
    strip = home.headline_strip
    home.reload(day)
    qtbot.waitUntil(
        lambda: strip.content is not None and strip.content.scope.fiscal_year == day.year - (day.month < 4),
        timeout=30_000,
    )
    return strip


def _figure(value: int, previous: int, unit: str = "件") -> Headline:
    return Headline("事業", value, previous, unit)


def test_amounts_and_changes_read_as_officers_write_them() -> None:
    assert amount_text(1234, "件") == "1,234件"
    assert amount_text(12_345_678, "円") == "1,235万円"  # 万円, rounded
    assert amount_text(9_000, "円") == "9,000円"  # below 1万: exact
    assert amount_text(3, "団体") == "3団体"
    assert previous_text(_figure(5, 3)) == "前年度 3件"
    assert change_text(_figure(5, 3)) == "↑2件"
    assert change_text(_figure(3, 5)) == "↓2件"
    assert change_text(_figure(4, 4)) == "→0件"
    assert change_text(_figure(1_000_000, 30_000_000, "円")) == "↓2,900万円"


def test_the_strip_shows_the_years_figures_beside_last_years(
    qtbot: QtBot, open_window: Any, data_dir: Path
) -> None:
    _world(data_dir)
    window, home, _tabs = _open(qtbot, open_window, data_dir)
    window.resize(1280, 800)
    strip = _show_day(qtbot, home, DAY)
    assert home.headline.isVisible() and home.headline.objectName() == "homeHeadline"
    assert window.workspace is not None
    scope = ReportScope(2027)
    expected = headlines_of(
        year_figures(window.workspace, scope, DAY), year_figures(window.workspace, scope.previous(), DAY)
    )
    assert [card.label for card in strip.cards.values()] == [f.label for f in expected]
    for figure in expected:
        card = strip.cards[figure.label]
        assert card.isVisible()
        assert card.title_label.text() == figure.label
        assert card.value_label.text() == amount_text(figure.value, figure.unit)
        assert card.previous_label.text() == previous_text(figure)
        assert card.change_label.text() == change_text(figure)
    # the world: one project in 令和8年度, none in 令和9年度; 佐藤's transfer (2027-04-30, 令和9年度's) unsigned
    projects, pending = strip.cards["事業"], strip.cards["引継書のない異動"]
    assert (projects.value_label.text(), projects.previous_label.text()) == ("0件", "前年度 1件")
    assert projects.change_label.text() == "↓1件"
    assert (pending.value_label.text(), pending.change_label.text()) == ("1人", "↑1人")
    assert strip.cards["行政負担額"].change_label.text().startswith("→")
    # every card unclipped at 1280 px: its texts fit its width
    for card in strip.cards.values():
        for label in (card.title_label, card.value_label, card.previous_label, card.change_label):
            assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width(), label.text()


def test_the_chart_shows_the_projects_by_kind_of_both_years(
    qtbot: QtBot, open_window: Any, data_dir: Path
) -> None:
    _world(data_dir)
    _window, home, _tabs = _open(qtbot, open_window, data_dir)
    strip = _show_day(qtbot, home, DAY)
    chart = strip.chart
    assert chart.isVisible()
    # the three kinds always; the world's project has no kind (relationship questionnaire not done)
    assert chart.categories() == ("支援", "協働", "外部委託", "（未記入）")
    series = {s.name: s.values for s in chart.series()}
    assert list(series) == ["令和8年度", "令和9年度"]  # last year first
    assert sum(v or 0 for v in series["令和8年度"]) == 1 and sum(v or 0 for v in series["令和9年度"]) == 0
    image = chart.render_to_image(chart.width(), chart.height())
    assert not image.isNull() and (image.width(), image.height()) == (chart.width(), chart.height())
    drawn = sum(
        image.pixelColor(x, y) != BACKGROUND for x in range(image.width()) for y in range(image.height())
    )
    assert drawn > 500  # axis, bar, labels and legend: not a blank image
    assert chart.painted_bars()  # the one bar of last year


def test_no_chart_without_projects_and_no_strip_without_figures(
    qtbot: QtBot, open_window: Any, data_dir: Path
) -> None:
    ws = Workspace.open(data_dir)
    try:
        OrganizationService(ws).create(OrganizationInput(name="あおば会"))  # new this year
    finally:
        ws.close()
    _window, home, _tabs = _open(qtbot, open_window, data_dir)
    strip = _show_day(qtbot, home, date.today())
    assert home.headline.isVisible() and not strip.chart.isVisible()
    assert strip.cards["新規登録団体"].value_label.text() == "1団体"
    strip = _show_day(qtbot, home, date(2040, 4, 1))  # a year with nothing, nor the year before
    assert not home.headline.isVisible()


def test_cards_open_what_they_count(qtbot: QtBot, open_window: Any, data_dir: Path) -> None:
    w = _world(data_dir)
    window, home, tabs = _open(qtbot, open_window, data_dir)
    projects, evaluations, handover = window.projects_tab, window.evaluations_tab, window.handover_tab
    assert projects is not None and evaluations is not None and handover is not None
    strip = _show_day(qtbot, home, LAST_YEAR_DAY)
    # 事業 → the 事業 tab narrowed to the year (the project of 令和8年度 listed)
    qtbot.mouseClick(strip.cards["事業"], Qt.MouseButton.LeftButton)
    assert tabs.currentWidget() is projects
    assert projects.filters.year_filter.currentData() == 2026
    qtbot.waitUntil(lambda: projects.model.rowCount() == 1, timeout=20_000)
    assert projects.model.row_of(w.project) == 0
    # 評価の予定 → the 評価 tab
    tabs.setCurrentWidget(home)
    qtbot.mouseClick(strip.cards["評価の予定"], Qt.MouseButton.LeftButton)
    assert tabs.currentWidget() is evaluations
    # 引継書のない異動 → the 引継ぎ tab, by keyboard too
    tabs.setCurrentWidget(home)
    strip.cards["引継書のない異動"].setFocus()
    qtbot.keyClick(strip.cards["引継書のない異動"], Qt.Key.Key_Space)
    assert tabs.currentWidget() is handover
    # 行政負担額 counts nothing a tab lists: no click
    tabs.setCurrentWidget(home)
    qtbot.mouseClick(strip.cards["行政負担額"], Qt.MouseButton.LeftButton)
    assert tabs.currentWidget() is home
    assert not strip.cards["行政負担額"].openable


def test_the_report_button_opens_the_menus_report_dialog(
    qtbot: QtBot, open_window: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _world(data_dir)
    window, home, _tabs = _open(qtbot, open_window, data_dir)
    strip = _show_day(qtbot, home, DAY)
    button = strip.report_button
    assert button.isVisible() and button.text() == "年度レポート…"
    assert button.defaultAction() is window.annual_report.action  # the menu's action, not a copy
    asked: list[AnnualReportDialog] = []

    def cancel(dialog: AnnualReportDialog) -> int:
        asked.append(dialog)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(AnnualReportDialog, "exec", cancel)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and asked[0].objectName() == "annualReportDialog"


def test_a_failed_read_is_told_in_the_strip_until_a_read_succeeds(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import kyodo_desktop.gui.home.headline as headline

    host = QWidget()
    qtbot.addWidget(host)
    layout = QHBoxLayout(host)
    host.hide()
    ws = Workspace.open(data_dir)
    try:
        OrganizationService(ws).create(OrganizationInput(name="あおば会"))  # a figure to show
        strip = HeadlineStrip(ws, host, layout)  # the host hidden, as the home tab has it at first
        good_read = headline._read

        def locked(_ws: Workspace, _today: date) -> Any:
            raise KnownError("データファイルが他の職員に使われています。")

        monkeypatch.setattr(headline, "_read", locked)
        # waited for by the label: the read fails at once, maybe before a waitSignal would connect
        strip.reload(DAY)
        qtbot.waitUntil(lambda: strip.error_label.text() != "", timeout=20_000)
        assert strip.error_label.objectName() == "headlineError"
        assert strip.error_label.text() == (
            "今年度の集計を読み込めませんでした: データファイルが他の職員に使われています。"
        )
        assert host.isHidden() is False and strip.error_label.isHidden() is False
        assert strip.content is None and not strip.cards

        def locked_database(_ws: Workspace, _today: date) -> Any:
            raise sqlite3.OperationalError("database is locked")

        monkeypatch.setattr(headline, "_read", locked_database)
        strip.error_label.clear()
        strip.reload(DAY)
        qtbot.waitUntil(lambda: strip.error_label.text() != "", timeout=20_000)
        text = strip.error_label.text()
        assert text.startswith("今年度の集計を読み込めませんでした: ") and "database is locked" not in text
        assert len(text) > len("今年度の集計を読み込めませんでした: ")  # the known reason, in Japanese

        monkeypatch.setattr(headline, "_read", good_read)
        strip.reload(date.today())
        qtbot.waitUntil(lambda: strip.content is not None, timeout=30_000)
        assert strip.error_label.isHidden() and strip.error_label.text() == ""
        assert strip.cards["新規登録団体"].value_label.text() == "1団体"
        assert not host.isHidden()
        strip.shutdown()
    finally:
        ws.close()
