"""The last step, 確認: the whole project as a readable summary, saved by 完了.

完了 validates the project in full (``validate_project`` without ``draft``) and saves it in one
transaction through the wizard's ``save_finished``; a problem (a missing 事業名, a stale edit,
a locked file …) is shown on this page and everything typed is kept.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser

from kyodo_desktop.domain.project import ProjectInput
from kyodo_desktop.domain.project_terms import (
    AGREEMENT_ITEMS,
    COLLABORATION_POINTS,
    PURPOSE_KINDS,
    BudgetSide,
)
from kyodo_desktop.domain.validation import ValidationError
from kyodo_desktop.domain.wareki import fiscal_year_label, to_wareki
from kyodo_desktop.gui.projects.wizard.manual import why_line
from kyodo_desktop.gui.projects.wizard.state import PAGE_SUMMARY, ProjectPage, WizardState
from kyodo_desktop.gui.projects.wizard.widgets import named, term

__all__ = ["SummaryPage", "summary_html"]


def _e(text: object) -> str:
    return html.escape(str(text)).replace("\n", "<br>")


def _row(label: str, value: str) -> str:
    return (
        f"<tr><th align='left' valign='top' style='padding-right:12px'>{_e(label)}</th><td>{value}</td></tr>"
    )


def _date(value: object) -> str:
    return _e(to_wareki(value)) if isinstance(value, date) else ""


class SummaryPage(ProjectPage):
    """確認: the summary; ``save`` (set by the wizard) stores the project on 完了."""

    def __init__(self, state: WizardState) -> None:
        super().__init__(state, self.tr("確認"), why_line(PAGE_SUMMARY))
        self.setSubTitle(self.tr("内容を確かめて「完了」で保存します。直すときは「戻る」で前の画面へ。"))
        self.browser = named(QTextBrowser(), "summaryBrowser")
        self.browser.setOpenLinks(False)
        self.body_layout.addWidget(self.browser, 1)
        self.save: Callable[[], list[ValidationError]] | None = None

    def populate(self, data: ProjectInput) -> None:
        self.browser.setHtml(summary_html(data, self.state))

    def collect(self, data: ProjectInput, found: list[ValidationError]) -> None:
        """Nothing to type on this page."""

    def validatePage(self) -> bool:
        assert self.save is not None
        found = self.save()
        if found:
            self.show_problems(found)
            return False
        self.error_label.hide()
        return True


def summary_html(data: ProjectInput, state: WizardState) -> str:
    """The project as a table of headings and values (empty parts left out)."""
    rows = [
        _row(QCoreApplication.translate("SummaryPage", "事業名"), _e(data.title)),
        _row(
            QCoreApplication.translate("SummaryPage", "年度"),
            _e(fiscal_year_label(data.fiscal_year)) if data.fiscal_year else "",
        ),
        _row(QCoreApplication.translate("SummaryPage", "担当課"), _e(data.section)),
        _row(
            QCoreApplication.translate("SummaryPage", "関係の種類"),
            _e(term(data.relationship_kind)) if data.relationship_kind else "",
        ),
    ]
    if data.kind_reason:
        rows.append(_row(QCoreApplication.translate("SummaryPage", "関係の種類の理由"), _e(data.kind_reason)))
    rows.append(
        _row(QCoreApplication.translate("SummaryPage", "形態"), _e(term(data.form)) if data.form else "")
    )
    for kind in PURPOSE_KINDS:
        if data.purposes.get(kind):
            rows.append(_row(term(kind), _e(data.purposes[kind])))
    if data.targets:
        until = QCoreApplication.translate("SummaryPage", "（{date}まで）")
        items = "".join(
            f"<li>{_e(t.what)} {_e(t.amount)}{until.format(date=_date(t.due_on)) if t.due_on else ''}</li>"
            for t in data.targets
        )
        rows.append(
            _row(QCoreApplication.translate("SummaryPage", "目標"), f"<ul style='margin:0'>{items}</ul>")
        )
    partners = "<br>".join(
        f"{_e(state.partner_names.get(p.organization_id, p.organization_id))}（{_e(term(p.role))}）"
        for p in data.partners
    )
    rows.append(
        _row(
            QCoreApplication.translate("SummaryPage", "パートナー"),
            partners or _e(QCoreApplication.translate("SummaryPage", "（まだ選んでいません）")),
        )
    )
    s = data.selection
    if s.method:
        rows.append(_row(QCoreApplication.translate("SummaryPage", "選定方法"), _e(term(s.method))))
    if s.applicant_count is not None:
        rows.append(_row(QCoreApplication.translate("SummaryPage", "応募者数"), _e(s.applicant_count)))
    for label, value in (
        (QCoreApplication.translate("SummaryPage", "検討した候補"), s.candidates),
        (QCoreApplication.translate("SummaryPage", "選定理由"), s.reason),
        (QCoreApplication.translate("SummaryPage", "審査機関"), s.review_body),
    ):
        if value:
            rows.append(_row(label, _e(value)))
    if s.published_on or s.is_published:
        rows.append(
            _row(
                QCoreApplication.translate("SummaryPage", "公表"),
                _date(s.published_on) or _e(QCoreApplication.translate("SummaryPage", "公表済み")),
            )
        )
    if data.roles:
        cells = "".join(
            f"<tr><td>{_e(r.task)}</td><td>{_e(term(r.side))}</td><td>{_e(r.responsible)}</td><td>{_e(r.note)}</td></tr>"
            for r in data.roles
        )
        headers = (
            QCoreApplication.translate("SummaryPage", "作業"),
            QCoreApplication.translate("SummaryPage", "担い手"),
            QCoreApplication.translate("SummaryPage", "責任者"),
            QCoreApplication.translate("SummaryPage", "備考"),
        )
        head = "".join(f"<th align='left'>{_e(h)}</th>" for h in headers)
        rows.append(
            _row(
                QCoreApplication.translate("SummaryPage", "役割分担"),
                f"<table cellspacing='0' cellpadding='3' border='1' width='100%'><tr>{head}</tr>{cells}</table>",
            )
        )
    undecided = _e(QCoreApplication.translate("SummaryPage", "未定"))
    period = f"{_date(data.period_start) or undecided} 〜 {_date(data.period_end) or undecided}"
    rows.append(_row(QCoreApplication.translate("SummaryPage", "期間"), period))
    yen = QCoreApplication.translate("SummaryPage", "{amount}円")
    budget = "<br>".join(
        f"{_e(term(side.value))}: {_e(yen.format(amount=f'{data.budget[side.value]:,}'))}"
        for side in BudgetSide
        if data.budget.get(side.value)
    )
    rows.append(_row(QCoreApplication.translate("SummaryPage", "予算"), budget))
    for item in AGREEMENT_ITEMS:
        if data.agreement.get(item):
            rows.append(
                _row(
                    QCoreApplication.translate("SummaryPage", "協定: ") + term(item), _e(data.agreement[item])
                )
            )
    points = "<br>".join(
        f"{_e(term(p))}: {_e(term(data.points[p].status))}"
        + (f" — {_e(data.points[p].evidence)}" if data.points[p].evidence else "")
        for p in COLLABORATION_POINTS
        if p in data.points
    )
    rows.append(_row(QCoreApplication.translate("SummaryPage", "六つのポイント"), points))
    return "<table cellspacing='0' cellpadding='3'>" + "".join(rows) + "</table>"
