"""The detail view of one project: its facts, overdue flags and lists.

The tab hands it a ``ProjectRecord`` (and the flags it computed); the panel shows the stage
history, the partners (a double-click asks for the organization's form), how the relationship
kind was judged (the questionnaire's answers, the recommendation in the manual's words, the
kind chosen and the reason), the 役割分担表, the six 協働のポイント, the progress log (経過記録)
and the project's change history (変更履歴, its audit rows, read when that tab is shown).

Given the workspace, the log tab adds an entry (追加…) and corrects one (修正…, or a
double-click) itself and tells the tab through ``log_changed`` so it shows the project again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from kyodo_desktop.domain.kind_account import kind_account
from kyodo_desktop.domain.project_flags import OverdueFlag
from kyodo_desktop.domain.project_terms import COLLABORATION_POINTS, BudgetSide, PointStatus
from kyodo_desktop.gui.commitments_panel import CommitmentsPanel
from kyodo_desktop.gui.i18n import activity_field_short, list_separator
from kyodo_desktop.gui.projects.detail_log import LogTab
from kyodo_desktop.gui.projects.detail_models import TextRowsModel, kind_account_html, scrolled_label
from kyodo_desktop.gui.projects.labels import day_label, flag_label, term, year_label
from kyodo_desktop.gui.styles import ERROR_STYLE, HINT_STYLE
from kyodo_desktop.gui.table_base import list_table

if TYPE_CHECKING:
    from kyodo_desktop.gui.history.view import HistoryPanel
    from kyodo_desktop.services.project_records import ProjectRecord
    from kyodo_desktop.services.workspace import Workspace

#: Tabs of the detail view, in order (変更履歴 only with a workspace to read it from).
TAB_STAGES, TAB_PARTNERS, TAB_KIND, TAB_ROLES, TAB_POINTS, TAB_LOG, TAB_HISTORY, TAB_COMMITMENTS = range(8)


class ProjectDetailPanel(QWidget):
    """One project's facts and lists; empty until :meth:`show_record`.

    Without a ``workspace`` the panel only shows (no 変更履歴, no log editing).

    Signals: ``partner_activated(str)`` with the organization id of a double-clicked partner;
    ``log_changed(str, bool)`` with the project's id after a log entry was added or corrected
    (True) or the correction was refused as stale (False): the project is to be shown again.
    """

    partner_activated = Signal(str)
    log_changed = Signal(str, bool)

    def __init__(self, workspace: Workspace | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectDetail")
        self.record: ProjectRecord | None = None
        self._ws = workspace
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel()
        self.title_label.setObjectName("projectTitleLabel")
        self.title_label.setStyleSheet("font-weight: bold;")
        self.title_label.setWordWrap(True)
        self.facts_label = QLabel()
        self.facts_label.setObjectName("projectFactsLabel")
        self.facts_label.setWordWrap(True)
        self.flags_label = QLabel()
        self.flags_label.setObjectName("projectFlagsLabel")
        self.flags_label.setStyleSheet(ERROR_STYLE)
        self.flags_label.setWordWrap(True)
        self.flags_label.hide()
        for label in (self.title_label, self.facts_label, self.flags_label):
            layout.addWidget(label)

        self.stages = TextRowsModel(
            [self.tr("段階"), self.tr("日付"), self.tr("メモ"), self.tr("職員")], self
        )
        self.partners = TextRowsModel([self.tr("団体名"), self.tr("役割"), self.tr("法人番号")], self)
        self.roles = TextRowsModel(
            [self.tr("作業"), self.tr("担い手"), self.tr("担当者"), self.tr("備考")], self
        )
        self.points = TextRowsModel([self.tr("ポイント"), self.tr("確認"), self.tr("根拠")], self)
        self.log = TextRowsModel([self.tr("日付"), self.tr("内容"), self.tr("職員")], self)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("projectDetailTabs")
        self.stage_table = list_table("stageHistoryTable", self.stages, 2)
        self.partner_table = list_table("partnerTable", self.partners, 0)
        self.partner_table.setToolTip(self.tr("ダブルクリックで団体の画面を開きます"))
        self.partner_table.doubleClicked.connect(self._on_partner_double_clicked)
        self.role_table = list_table("roleTable", self.roles, 3)
        self.point_table = list_table("pointTable", self.points, 2)
        self.log_table = list_table("logTable", self.log, 1)
        self.kind_label, kind_area = scrolled_label("kindAccountLabel")
        self.log_tab = LogTab(self.log_table, workspace, self)
        self.log_tab.changed.connect(self.log_changed)
        self.tabs.addTab(self.stage_table, self.tr("段階の履歴"))
        self.tabs.addTab(self.partner_table, self.tr("パートナー"))
        self.tabs.addTab(kind_area, self.tr("関係の種類"))
        self.tabs.addTab(self.role_table, self.tr("役割分担"))
        self.tabs.addTab(self.point_table, self.tr("協働のポイント"))
        self.tabs.addTab(self.log_tab, self.tr("経過記録"))
        #: the 変更履歴 panel, made when its tab is first shown (the history service needs the
        #: database layer, which the window does not load before its first rows are shown)
        self.history: HistoryPanel | None = None
        self._history_page = QWidget()
        self._history_page.setObjectName("projectHistoryPage")
        QVBoxLayout(self._history_page).setContentsMargins(0, 0, 0, 0)
        if workspace is not None:
            self.tabs.addTab(self._history_page, self.tr("変更履歴"))
        self.commitments = CommitmentsPanel(
            workspace, lambda: self.record.id if self.record else None, of_project=True
        )
        if workspace is not None:
            self.tabs.addTab(self.commitments, self.tr("約束・宿題"))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        layout.addWidget(self.tabs, 1)
        self.clear()

    def _on_tab_changed(self, index: int) -> None:
        if index == TAB_HISTORY:
            self._refresh_history()
        elif index == TAB_COMMITMENTS:
            self.commitments.refresh()

    def _refresh_history(self) -> None:
        """Read the project's audit rows (only while its tab is shown: a selection stays quick)."""
        if self._ws is None or self.tabs.currentIndex() != TAB_HISTORY:
            return
        if self.history is None:
            from kyodo_desktop.gui.history.view import HistoryPanel

            self.history = HistoryPanel(
                self._ws, lambda: self.record.id if self.record else None, undo=False, wareki=True
            )
            self.history.setObjectName("projectHistoryPanel")
            layout = self._history_page.layout()
            assert layout is not None
            layout.addWidget(self.history)
        self.history.refresh()

    def clear(self) -> None:
        """Show no project."""
        self.record = None
        self.title_label.setText(self.tr("事業を選ぶと、ここに詳細が表示されます。"))
        self.title_label.setStyleSheet(HINT_STYLE)
        self.facts_label.clear()
        self.flags_label.hide()
        for model in (self.stages, self.partners, self.roles, self.points, self.log):
            model.set_rows([])
        self.kind_label.clear()
        self.log_tab.show_record(None)
        self.commitments.model.set_records([])
        if self.history is not None:
            self.history.model.set_entries([])
        self.tabs.setEnabled(False)

    def show_record(self, record: ProjectRecord, flags: list[OverdueFlag]) -> None:
        """Show ``record`` with its overdue ``flags``."""
        self.record = record
        data = record.data
        self.tabs.setEnabled(True)
        title = data.title or self.tr("（事業名なし）")
        if record.is_draft:
            title = self.tr("【下書き】") + title
        if record.deleted_at is not None:
            title = self.tr("【ゴミ箱】") + title
        self.title_label.setText(title)
        self.title_label.setStyleSheet("font-weight: bold;")
        self.facts_label.setText(self._facts(record))
        self.flags_label.setText("\n".join("⚠ " + flag_label(f.value) for f in flags))
        self.flags_label.setVisible(bool(flags))
        self.stages.set_rows(
            [(term(c.stage), day_label(c.changed_on), c.note, c.officer) for c in record.stage_changes]
        )
        self.partners.set_rows(
            [(p.name, term(p.role), p.corporate_number) for p in record.partners],
            [p.organization_id for p in record.partners],
        )
        self.roles.set_rows([(r.task, term(r.side), r.responsible, r.note) for r in data.roles])
        points = []
        for point in COLLABORATION_POINTS:  # all six, in the manual's order, checked or not
            check = data.points.get(point)
            status = check.status if check is not None else PointStatus.NOT_YET.value
            points.append((term(point), term(status), check.evidence if check is not None else ""))
        self.points.set_rows(points)
        self.log.set_rows(
            [(day_label(e.occurred_on), e.text, e.officer) for e in record.log],
            [str(e.id) for e in record.log],
        )
        self.kind_label.setText(kind_account_html(kind_account(data)))
        self.log_tab.show_record(record)
        self._refresh_history()
        if self.tabs.currentIndex() == TAB_COMMITMENTS:
            self.commitments.refresh()

    def _facts(self, record: ProjectRecord) -> str:
        data = record.data
        sep = list_separator()
        lines = [
            self.tr("{year}　担当課: {section}　段階: {stage}").format(
                year=year_label(data.fiscal_year) or "—",
                section=data.section or "—",
                stage=term(record.stage),
            ),
            self.tr("関係: {kind}　形態: {form}　活動分野: {fields}").format(
                kind=term(data.relationship_kind) or "—",
                form=term(data.form) or "—",
                fields=sep.join(activity_field_short(c) for c in data.fields) or "—",
            ),
            self.tr("期間: {start} ～ {end}　見直し予定日: {review}").format(
                start=day_label(data.period_start) or "—",
                end=day_label(data.period_end) or "—",
                review=day_label(data.review_on) or "—",
            ),
        ]
        budget = [
            self.tr("{side} {amount}円").format(side=term(side.value), amount=f"{data.budget[side.value]:,}")
            for side in BudgetSide
            if data.budget.get(side.value)
        ]
        if budget:
            lines.append(self.tr("予算: ") + sep.join(budget))
        return "\n".join(lines)

    def _on_partner_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.partner_activated.emit(self.partners.key(index.row()))
