"""The home tab's headline strip (``homeHeadline``): this 年度's few figures, a small chart, 年度レポート….

The figures are :func:`kyodo_desktop.services.home_headline.home_headline`'s (this 年度 of the
whole office beside last year's), read in a :class:`~kyodo_desktop.gui.tasks.BackgroundTask`
after each read of the day's list has been shown (the list and the registry's start-up come
first; the read costs about half a second at 100,000 organizations). Each figure is a card:
its label, the value with its unit (行政負担額 in 万円 from 10,000円 up), and last year's with
↑/↓/→ and the difference. The cards 事業, 評価の予定 and 引継書のない異動 open what they count
(:func:`install_headline` wires them to the window); the others do not click. Beside them, the
year's projects by kind against last year's (:class:`~kyodo_desktop.gui.charts.BarChart`),
hidden when neither year has a project, and the window's own 年度レポート… action. A read that
fails says so in the strip (``headlineError``) until the next read succeeds.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.gui import errors
from kyodo_desktop.gui.charts import BarChart
from kyodo_desktop.gui.projects.labels import term
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup
from kyodo_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from kyodo_desktop.gui.main_window import MainWindow
    from kyodo_desktop.gui.projects.tab import ProjectsTab
    from kyodo_desktop.services.home_headline import HomeHeadline
    from kyodo_desktop.services.report_scope import ReportScope
    from kyodo_desktop.services.year_figures import Headline

__all__ = [
    "EVALUATIONS_DUE",
    "HANDOVERS_PENDING",
    "OPENABLE",
    "PROJECTS",
    "HeadlineCard",
    "HeadlineStrip",
    "amount_text",
    "change_text",
    "exact_text",
    "install_headline",
    "previous_text",
]

log = logging.getLogger(__name__)

# the labels of services.year_figures.headlines_of whose cards open a tab
PROJECTS = "事業"
EVALUATIONS_DUE = "評価の予定"
HANDOVERS_PENDING = "引継書のない異動"
OPENABLE = frozenset({PROJECTS, EVALUATIONS_DUE, HANDOVERS_PENDING})

# a number with its unit, per unit of the headline figures (other units: number then unit)
_WITH_UNIT = {
    "件": QT_TRANSLATE_NOOP("Headline", "{n}件"),
    "人": QT_TRANSLATE_NOOP("Headline", "{n}人"),
    "団体": QT_TRANSLATE_NOOP("Headline", "{n}団体"),
    "円": QT_TRANSLATE_NOOP("Headline", "{n}円"),
}
_MAN_YEN = QT_TRANSLATE_NOOP("Headline", "{n}万円")

_CARD_WIDTH = 138
_CHART_SIZE = (280, 156)


def _translated(text: str) -> str:  # text marked with QT_TRANSLATE_NOOP("Headline", …)
    return QCoreApplication.translate("Headline", text)


def amount_text(value: int, unit: str) -> str:
    """「1,234件」; yen from 10,000 up in 万円 rounded (「1,234万円」), below that 「9,000円」."""
    if unit == "円" and abs(value) >= 10_000:
        return _translated(_MAN_YEN).format(n=f"{round(value / 10_000):,}")
    return exact_text(value, unit)


def exact_text(value: int, unit: str) -> str:
    """「12,345,678円」: the value with thousands separators and its unit, never rounded."""
    template = _WITH_UNIT.get(unit)
    number = f"{value:,}"
    return _translated(template).format(n=number) if template else f"{number}{unit}"


def previous_text(figure: Headline) -> str:
    """「前年度 12件」: last year's value."""
    return QCoreApplication.translate("Headline", "前年度 {previous}").format(
        previous=amount_text(figure.previous, figure.unit)
    )


def change_text(figure: Headline) -> str:
    """「↑3件」, 「↓3件」 or 「→0件」: the direction from last year and the difference."""
    difference = figure.value - figure.previous
    arrow = "↑" if difference > 0 else "↓" if difference < 0 else "→"
    return QCoreApplication.translate("Headline", "{arrow}{difference}").format(
        arrow=arrow, difference=amount_text(abs(difference), figure.unit)
    )


class HeadlineCard(QFrame):
    """One figure: its label, the value, last year's. Signal ``clicked()`` when openable and
    clicked (or Space/Enter with the focus on it)."""

    clicked = Signal()

    def __init__(self, label: str, openable: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("headlineCard")
        self.label = label
        self.openable = openable
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(_CARD_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        self.title_label = QLabel(_translated(label))
        self.value_label = QLabel()
        self.value_label.setObjectName("headlineValue")
        font = QFont(self.value_label.font())
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.4)
        self.value_label.setFont(font)
        self.previous_label = QLabel()
        self.previous_label.setObjectName("headlinePrevious")
        self.previous_label.setStyleSheet("color: #606060;")
        self.change_label = QLabel()
        self.change_label.setObjectName("headlineChange")
        self.change_label.setStyleSheet("color: #606060;")
        for widget in (self.title_label, self.value_label, self.previous_label, self.change_label):
            layout.addWidget(widget)
        if openable:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def show_figure(self, figure: Headline) -> None:
        """Show ``figure``'s value and last year's (the exact amounts in the tooltip)."""
        self.value_label.setText(amount_text(figure.value, figure.unit))
        self.previous_label.setText(previous_text(figure))
        self.change_label.setText(change_text(figure))
        exact = QCoreApplication.translate("Headline", "{label}: {value}（前年度 {previous}）").format(
            label=_translated(figure.label),
            value=exact_text(figure.value, figure.unit),
            previous=exact_text(figure.previous, figure.unit),
        )
        hint = "\n" + QCoreApplication.translate("Headline", "クリックで開きます") if self.openable else ""
        self.setToolTip(exact + hint)
        self.setAccessibleName(
            " ".join(
                w.text() for w in (self.title_label, self.value_label, self.previous_label, self.change_label)
            )
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (
            self.openable
            and event.button() == Qt.MouseButton.LeftButton
            and self.rect().contains(event.position().toPoint())
        ):
            self.clicked.emit()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.openable and event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


def _read(ws: Workspace, today: date) -> HomeHeadline:
    from kyodo_desktop.services.home_headline import home_headline  # SQLAlchemy: in the worker

    return home_headline(ws, today)


class HeadlineStrip(QObject):
    """Fills the home tab's ``homeHeadline`` widget (``host``, hidden until a read finds a figure).

    Signals: ``loaded()`` after a read was shown; ``open_requested(str, object)`` with a card's
    label and the :class:`~kyodo_desktop.services.report_scope.ReportScope` it counts.
    """

    loaded = Signal()
    open_requested = Signal(str, object)

    def __init__(self, workspace: Workspace, host: QWidget, layout: QHBoxLayout) -> None:
        super().__init__(host)
        self._ws = workspace
        self._host = host
        self._tasks = TaskGroup()
        self._epoch = 0
        self.content: HomeHeadline | None = None
        self.cards: dict[str, HeadlineCard] = {}
        self._cards_layout = QHBoxLayout()
        self._cards_layout.setSpacing(6)
        layout.addLayout(self._cards_layout)
        # why the last read failed (hidden after a read that succeeded)
        self.error_label = QLabel()
        self.error_label.setObjectName("headlineError")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.chart = BarChart()
        self.chart.setObjectName("headlineChart")
        self.chart.setFixedSize(*_CHART_SIZE)
        # no drawn title at this size (the plot needs the room): the legend names the years
        self.chart.setAccessibleName(QCoreApplication.translate("Headline", "事業（関係別）"))
        self.chart.hide()
        layout.addWidget(self.chart)
        layout.addStretch(1)
        # the window's ファイル → 年度レポート… (its action is given by :func:`install_headline`)
        self.report_button = QToolButton()
        self.report_button.setObjectName("headlineReportButton")
        self.report_button.hide()
        layout.addWidget(self.report_button, 0, Qt.AlignmentFlag.AlignTop)

    def reload(self, today: date | None = None) -> BackgroundTask:
        """Read the figures again (in a worker); an older read still running is dropped."""
        self._epoch += 1
        epoch, day, ws = self._epoch, today or date.today(), self._ws
        task = BackgroundTask(lambda _task: _read(ws, day), self)
        task.succeeded.connect(lambda content: self._on_read(epoch, content))
        task.failed.connect(lambda exc: self._on_failed(epoch, exc))
        return self._tasks.start(task)

    def shutdown(self) -> None:
        """Stop the read under way (before the window closes)."""
        self._epoch += 1
        self._tasks.close()

    def _on_read(self, epoch: int, content: HomeHeadline) -> None:
        if epoch != self._epoch:
            return
        self.content = content
        self.error_label.clear()
        self.error_label.hide()
        for figure in content.figures:
            card = self.cards.get(figure.label)
            if card is None:
                card = HeadlineCard(figure.label, figure.label in OPENABLE)
                card.clicked.connect(lambda label=figure.label: self._on_clicked(label))
                self.cards[figure.label] = card
                self._cards_layout.addWidget(card)
            card.show_figure(figure)
        self._show_chart(content)
        # an empty registry (every figure 0 both years) has nothing to tell: the strip stays hidden
        self._host.setVisible(any(f.value or f.previous for f in content.figures))
        self.loaded.emit()

    def _show_chart(self, content: HomeHeadline) -> None:
        self.chart.setVisible(content.has_projects)
        if not content.has_projects:
            return
        scope = content.scope
        self.chart.set_data(  # last year first: the years read left to right in the legend
            [term(kind) for kind, _, _ in content.by_kind],
            {
                scope.previous().label: [before for _, _, before in content.by_kind],
                scope.label: [now for _, now, _ in content.by_kind],
            },
        )

    def _on_failed(self, epoch: int, exc: Exception) -> None:
        if epoch != self._epoch:
            return
        log.warning("headline figures not read: %s", type(exc).__name__)  # the type, no message
        # the cards (if any) stay as last read; the officer is told they may be out of date
        failed = self.tr("今年度の集計を読み込めませんでした: {reason}")
        errors.show_inline(
            self.error_label, exc, known=failed, file=failed, what="headline figures", logger=log
        )
        self._host.show()

    def _on_clicked(self, label: str) -> None:
        if self.content is not None:
            self.open_requested.emit(label, self.content.scope)


def show_projects_of_year(projects: ProjectsTab, year: int) -> None:
    """The 事業 tab's list narrowed to ``year`` alone (other filters, drafts and trash cleared)."""
    for toggle in (projects.drafts_toggle, projects.trash_toggle):
        if toggle.isChecked():
            toggle.setChecked(False)
    filters = projects.filters
    filters.blockSignals(True)  # one change at the end, not one per filter
    try:
        filters.clear()
        filters.offer({year}, set())
        filters.year_filter.setCurrentIndex(filters.year_filter.findData(year))
    finally:
        filters.blockSignals(False)
    filters.changed.emit()


def open_headline(window: MainWindow, label: str, scope: ReportScope) -> None:
    """Show what the card ``label`` counts: 事業 → the 事業 tab on the year, 評価の予定 → the
    評価 tab, 引継書のない異動 → the 引継ぎ tab."""
    tabs = window.tabs
    if tabs is None:
        return
    if label == PROJECTS and window.projects_tab is not None:
        show_projects_of_year(window.projects_tab, scope.fiscal_year)
        tabs.setCurrentWidget(window.projects_tab)
    elif label == EVALUATIONS_DUE and window.evaluations_tab is not None:
        tabs.setCurrentWidget(window.evaluations_tab)
    elif label == HANDOVERS_PENDING and window.handover_tab is not None:
        tabs.setCurrentWidget(window.handover_tab)


def install_headline(window: MainWindow, strip: HeadlineStrip) -> None:
    """Wire ``strip`` to ``window``: its cards open the tabs, its button is ファイル → 年度レポート…."""
    strip.open_requested.connect(lambda label, scope: open_headline(window, label, scope))
    action = window.annual_report.action
    strip.report_button.setDefaultAction(action)
    strip.report_button.setText(action.text())  # with its 「…」 (a tool button shows the icon text)
    strip.report_button.show()
