"""The step パートナー選定: partners found in the registry, and how they were chosen.

The search is the registry's own (``OrganizationService.search``: every term folded, the trash
left out). Each partner is 主たるパートナー or 協力団体. The selection record keeps the method,
the candidates considered, the number of applicants, the reason, the 審査機関 and the 公表.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.project import PartnerInput, ProjectInput, SelectionInput
from kyodo_desktop.domain.project_terms import PartnerRole, RelationshipKind, SelectionMethod
from kyodo_desktop.domain.relationship_kind import selection_methods_for
from kyodo_desktop.domain.validation import ValidationError
from kyodo_desktop.gui.projects.wizard.fairness_panel import FairnessPanel
from kyodo_desktop.gui.projects.wizard.manual import why_line
from kyodo_desktop.gui.projects.wizard.rows_editor import Column, RowsEditor
from kyodo_desktop.gui.projects.wizard.state import PAGE_PARTNERS, ProjectPage, WizardState
from kyodo_desktop.gui.projects.wizard.widgets import DateEdit, hint_label, named, plain_text, term
from kyodo_desktop.services.organizations import OrganizationService

__all__ = ["MAX_RESULTS", "PartnerPage"]

#: search hits listed (the officer narrows the words to find others)
MAX_RESULTS = 100
_ID_COLUMN = 2


class PartnerPage(ProjectPage):
    """パートナー選定: registry search, the partners and their roles, the selection record.

    :attr:`fairness` (beside the selection record) shows the partner's past 年度 with the 担当課.
    """

    FIELDS = frozenset({"partners", "selection"})

    def __init__(self, state: WizardState) -> None:
        super().__init__(state, self.tr("パートナー選定"), why_line(PAGE_PARTNERS))
        self.setSubTitle(self.tr("台帳から団体を探してパートナーに加え、選んだ方法と理由を記録します。"))
        self._hits: list[tuple[str, str]] = []
        self.body_layout.addWidget(self._search_box())
        roles = tuple(PartnerRole)
        self.partners = RowsEditor(
            (
                Column(self.tr("団体名"), editable=False),
                Column(
                    self.tr("区分"),
                    tuple(r.value for r in roles),
                    roles[0].value,
                    tuple(term(r) for r in roles),
                ),
                Column("ID", editable=False),
            ),
            "partners",
            addable=False,
        )
        self.partners.table.setColumnHidden(_ID_COLUMN, True)
        self.partners.table.setFixedHeight(120)
        self.partners.model.rowsInserted.connect(self._on_partners_changed)
        self.partners.model.rowsRemoved.connect(self._on_partners_changed)
        self.partners.model.modelReset.connect(self._on_partners_changed)
        self.partners.table.selectionModel().selectionChanged.connect(self._on_partners_changed)
        box = QGroupBox(self.tr("パートナー"))
        QVBoxLayout(box).addWidget(self.partners)
        self.body_layout.addWidget(box)
        row = QHBoxLayout()
        row.addWidget(self._selection_box(), 3)
        self.side = QWidget()
        self.side_layout = QVBoxLayout(self.side)
        self.side_layout.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.side, 2)
        self.body_layout.addLayout(row)
        self.fairness = FairnessPanel(state, self.typed_input, self.selected_partner)
        self.side_layout.addWidget(self.fairness)
        for signal in (
            self.method_combo.currentIndexChanged,
            self.applicants_spin.valueChanged,
            self.reason_edit.textChanged,
            self.partners.model.dataChanged,
        ):
            signal.connect(self._on_partners_changed)

    def _search_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("台帳から探す"))
        layout = QVBoxLayout(box)
        line = QHBoxLayout()
        self.search_edit = named(QLineEdit(), "partnerSearchEdit")
        self.search_edit.setPlaceholderText(
            self.tr("団体名・フリガナ・住所・法人番号など（スペースで区切って絞り込み）")
        )
        self.search_edit.returnPressed.connect(self.run_search)
        self.search_button = named(QPushButton(self.tr("検索")), "partnerSearchButton")
        self.search_button.setAutoDefault(False)
        self.search_button.clicked.connect(self.run_search)
        line.addWidget(self.search_edit, 1)
        line.addWidget(self.search_button)
        layout.addLayout(line)
        self.results_model = QStringListModel(self)
        self.results_view = named(QListView(), "partnerResultsList")
        self.results_view.setModel(self.results_model)
        self.results_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_view.setFixedHeight(110)
        self.results_view.doubleClicked.connect(lambda _index: self.add_selected())
        layout.addWidget(self.results_view)
        line = QHBoxLayout()
        self.results_label = hint_label()
        self.role_combo = named(QComboBox(), "partnerRoleCombo")
        for role in PartnerRole:
            self.role_combo.addItem(term(role.value), role.value)
        self.add_button = named(QPushButton(self.tr("パートナーに加える")), "addPartnerButton")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_selected)
        line.addWidget(self.results_label, 1)
        line.addWidget(self.role_combo)
        line.addWidget(self.add_button)
        layout.addLayout(line)
        return box

    def _selection_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("選定の記録"))
        form = QFormLayout(box)
        self.method_combo = named(QComboBox(), "selectionMethodCombo")
        self.method_combo.addItem(self.tr("（未定）"), "")
        for method in SelectionMethod:
            self.method_combo.addItem(term(method.value), method.value)
        form.addRow(self.tr("選定方法"), self.method_combo)
        self.method_hint = hint_label()
        form.addRow("", self.method_hint)
        self.candidates_edit = plain_text("candidatesEdit", 2)
        self.candidates_edit.setPlaceholderText(self.tr("検討した他の団体など"))
        form.addRow(self.tr("検討した候補"), self.candidates_edit)
        self.applicants_spin = named(QSpinBox(), "applicantCountSpin")
        self.applicants_spin.setRange(-1, 9999)
        self.applicants_spin.setSpecialValueText(self.tr("未記入"))
        self.applicants_spin.setValue(-1)
        form.addRow(self.tr("応募者数"), self.applicants_spin)
        self.reason_edit = plain_text("selectionReasonEdit", 2)
        self.reason_edit.setPlaceholderText(
            self.tr("随意契約や応募が一者のときは、その団体に決めた理由を必ず記録します")
        )
        form.addRow(self.tr("選定理由"), self.reason_edit)
        self.review_body_edit = named(QLineEdit(), "reviewBodyEdit")
        self.review_body_edit.setPlaceholderText(self.tr("例: 協働事業審査会（行政・NPO・学識経験者）"))
        form.addRow(self.tr("審査機関"), self.review_body_edit)
        self.published_date = DateEdit("publishedOnEdit")
        form.addRow(self.tr("公表日"), self.published_date)
        self.published_check = named(QCheckBox(self.tr("選定の経過を公表した")), "publishedCheck")
        form.addRow("", self.published_check)
        return box

    # -- search -----------------------------------------------------------------------------------
    def run_search(self) -> None:
        """List the registry's organizations matching the words typed."""
        query = self.search_edit.text().strip()
        self._hits = OrganizationService(self.state.ws).search(query) if query else []
        shown = self._hits[:MAX_RESULTS]
        self.results_model.setStringList([name for _id, name in shown])
        if not query:
            self.results_label.setText("")
        elif len(self._hits) > MAX_RESULTS:
            self.results_label.setText(
                self.tr("{count}件中{shown}件を表示（語を足して絞り込めます）").format(
                    count=len(self._hits), shown=MAX_RESULTS
                )
            )
        else:
            self.results_label.setText(self.tr("{count}件").format(count=len(self._hits)))
        if shown:
            self.results_view.setCurrentIndex(self.results_model.index(0))

    def add_selected(self) -> None:
        """Add the search hit selected as a partner in the role chosen (once)."""
        index = self.results_view.currentIndex()
        if not index.isValid() or index.row() >= len(self._hits):
            return
        org_id, name = self._hits[index.row()]
        if org_id in self.partner_ids():
            self.results_label.setText(self.tr("「{name}」は既にパートナーです").format(name=name))
            return
        self.state.partner_names[org_id] = name
        row = self.partners.model.add_row(values=(name, self.role_combo.currentData(), org_id))
        self.partners.select_row(row)

    def partner_ids(self) -> list[str]:
        """The partners' organization ids, in order."""
        return [row[_ID_COLUMN] for row in self.partners.model.rows()]

    def selected_partner(self) -> str | None:
        """The partner selected in the table (else the first one), for the fairness panel."""
        ids = self.partner_ids()
        row = self.partners.current_row()
        if 0 <= row < len(ids):
            return ids[row]
        return ids[0] if ids else None

    def _on_partners_changed(self, *_args: object) -> None:
        """The partner shown, or what the choice would bring, may have changed."""
        self.fairness.schedule()

    def typed_input(self) -> ProjectInput:
        """The project with this page's inputs as typed (unreadable values left out)."""
        data = self.state.copy_data()
        self.collect(data, [])
        return data

    # -- ProjectPage ------------------------------------------------------------------------------
    def populate(self, data: ProjectInput) -> None:
        self.partners.model.set_rows(
            [
                [
                    self.state.partner_names.get(p.organization_id, p.organization_id),
                    p.role,
                    p.organization_id,
                ]
                for p in data.partners
            ]
        )
        kind = data.relationship_kind
        methods = selection_methods_for(RelationshipKind(kind)) if kind else ()
        self.method_hint.setText(
            self.tr("マニュアルの公園管理の例では、{kind}の相手は{methods}で選びます").format(
                kind=term(kind), methods="・".join(f"「{term(m.value)}」" for m in methods)
            )
            if methods
            else ""
        )
        s = data.selection
        self.method_combo.setCurrentIndex(max(self.method_combo.findData(s.method), 0))
        self.candidates_edit.setPlainText(s.candidates)
        self.applicants_spin.setValue(-1 if s.applicant_count is None else s.applicant_count)
        self.reason_edit.setPlainText(s.reason)
        self.review_body_edit.setText(s.review_body)
        self.published_date.set_date(s.published_on)
        self.published_check.setChecked(s.is_published)
        self.fairness.refresh()

    def collect(self, data: ProjectInput, found: list[ValidationError]) -> None:
        data.partners = [PartnerInput(row[_ID_COLUMN], row[1]) for row in self.partners.model.rows()]
        count = self.applicants_spin.value()
        published_on = self.published_date.read("selection", found)
        data.selection = SelectionInput(
            method=self.method_combo.currentData() or "",
            candidates=self.candidates_edit.toPlainText(),
            applicant_count=None if count < 0 else count,
            reason=self.reason_edit.toPlainText(),
            review_body=self.review_body_edit.text(),
            published_on=published_on,
            is_published=self.published_check.isChecked(),
        )

    def extra_errors(self, data: ProjectInput) -> list[ValidationError]:
        """A partner is needed once a way of choosing one is recorded."""
        if data.selection.method and not data.partners:
            return [
                ValidationError(
                    "partners", self.tr("選定方法を記録するときは、選んだパートナーを加えてください")
                )
            ]
        return []
