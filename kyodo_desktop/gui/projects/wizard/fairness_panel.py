"""The fairness panel of パートナー選定: the chosen partner's last five 年度 with this 担当課.

For the partner selected (else the first), :func:`project_fairness.partner_history` gives each
年度's projects, budget and share with the flags (連続年度, 随意契約の理由なし, 応募1者, 予算の割合),
counting this project as the choice would make it; :func:`project_fairness.alternatives` lists
other registered organizations of the same municipality and activity field. Refreshed shortly
after the partners or the selection change (a short delay, so typing a reason reads once).
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from kyodo_desktop.domain.fairness import PartnerRecord, YearEntry
from kyodo_desktop.domain.project import ProjectInput
from kyodo_desktop.domain.project_terms import BudgetSide, SelectionMethod
from kyodo_desktop.domain.wareki import fiscal_year_label
from kyodo_desktop.gui.projects.wizard.state import WizardState
from kyodo_desktop.gui.styles import ERROR_STYLE
from kyodo_desktop.services import project_fairness
from kyodo_desktop.services.project_fairness import PartnerShare, split_budget

__all__ = ["DELAY_MS", "FairnessPanel", "candidate_records"]

#: how long after the last change the panel reads again
DELAY_MS = 300
NEW_PROJECT = "(new)"


def candidate_records(data: ProjectInput, project_id: str | None) -> list[PartnerRecord]:
    """This project's partners as the fairness check would record them once saved."""
    if data.fiscal_year is None or not data.partners:
        return []
    shares = split_budget(
        data.budget.get(BudgetSide.ADMINISTRATION.value, 0),
        [PartnerShare(p.organization_id, p.role) for p in data.partners],
    )
    try:
        method: SelectionMethod | None = SelectionMethod(data.selection.method)
    except ValueError:
        method = None
    return [
        PartnerRecord(
            project_id=project_id or NEW_PROJECT,
            fiscal_year=data.fiscal_year,
            section=data.section.strip(),
            organization_id=p.organization_id,
            amount=shares.get(p.organization_id, 0),
            selection_method=method,
            selection_reason=data.selection.reason,
            applicants=data.selection.applicant_count,
        )
        for p in data.partners
    ]


class FairnessPanel(QGroupBox):
    """公平性の確認 for one partner: a table of five 年度, the flags, and alternatives.

    ``current_input`` gives the project as typed so far (the partner page's inputs included);
    ``current_partner`` the organization id to show (None: no partner yet). A 年度 with a flag
    is red; the flags are listed below the table.
    """

    def __init__(
        self,
        state: WizardState,
        current_input: Callable[[], ProjectInput],
        current_partner: Callable[[], str | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("公平性の確認（固定化の防止）"), parent)
        self.setObjectName("fairnessPanel")
        self.state = state
        self._current_input = current_input
        self._current_partner = current_partner
        self.history: list[YearEntry] = []
        self.alternative_names: list[str] = []
        layout = QVBoxLayout(self)
        self.title_label = QLabel()
        self.title_label.setWordWrap(True)
        self.history_label = QLabel()
        self.history_label.setObjectName("fairnessHistoryLabel")
        self.history_label.setTextFormat(Qt.TextFormat.RichText)
        self.history_label.setWordWrap(True)
        self.flags_label = QLabel()
        self.flags_label.setObjectName("fairnessFlagsLabel")
        self.flags_label.setStyleSheet(ERROR_STYLE)
        self.flags_label.setWordWrap(True)
        self.alternatives_label = QLabel()
        self.alternatives_label.setObjectName("fairnessAlternativesLabel")
        self.alternatives_label.setWordWrap(True)
        for label in (self.title_label, self.history_label, self.flags_label, self.alternatives_label):
            layout.addWidget(label)
        layout.addStretch(1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    def schedule(self) -> None:
        """Read again shortly (changes in a row read once)."""
        self._timer.start()

    def refresh(self) -> None:
        """Read the partner's history and alternatives now."""
        self._timer.stop()
        org_id = self._current_partner()
        data = self._current_input()
        if org_id is None or data.fiscal_year is None or not data.section.strip():
            self._show_empty()
            return
        self.history = project_fairness.partner_history(
            self.state.ws,
            org_id,
            data.section.strip(),
            data.fiscal_year,
            candidate=candidate_records(data, self.state.project_id),
            exclude_project=self.state.project_id,
        )
        others = project_fairness.alternatives(self.state.ws, org_id, fields=data.fields or None)
        self.alternative_names = [org.name for org in others]
        name = self.state.partner_names.get(org_id, org_id)
        self.title_label.setText(
            self.tr("「{name}」と{section}の直近5年度（この事業を含む）").format(
                name=name, section=data.section.strip()
            )
        )
        self.history_label.setText(self._history_html())
        flags = [reason.text for entry in self.history for reason in entry.reasons]
        self.flags_label.setText(
            self.tr("注意: {flags}").format(flags="、".join(dict.fromkeys(flags))) if flags else ""
        )
        self.flags_label.setVisible(bool(flags))
        self.alternatives_label.setText(
            self.tr("同じ市町村・活動分野の他の団体: {names}").format(names="、".join(self.alternative_names))
            if self.alternative_names
            else self.tr("同じ市町村・活動分野の他の団体は台帳にありません")
        )

    def _show_empty(self) -> None:
        self.history = []
        self.alternative_names = []
        self.title_label.setText(
            self.tr("パートナーを加えると、その団体とこの担当課の過去5年度の実績を表示します。")
        )
        self.history_label.setText("")
        self.flags_label.hide()
        self.alternatives_label.setText("")

    def _history_html(self) -> str:
        head = (self.tr("年度"), self.tr("事業"), self.tr("予算（円）"), self.tr("割合"))
        rows = ["<tr>" + "".join(f"<th align='left' nowrap>{html.escape(h)}</th>" for h in head) + "</tr>"]
        for entry in self.history:
            share = entry.share
            cells = (
                fiscal_year_label(entry.fiscal_year),
                str(entry.project_count),
                f"{entry.budget:,}",
                f"{float(share) * 100:.0f}%" if share is not None and entry.project_count else "",
            )
            style = " style='color:#c62828'" if entry.reasons else ""
            rows.append(
                f"<tr{style}>" + "".join(f"<td nowrap>{html.escape(c)}</td>" for c in cells) + "</tr>"
            )
        return "<table cellspacing='0' cellpadding='2'>" + "".join(rows) + "</table>"
