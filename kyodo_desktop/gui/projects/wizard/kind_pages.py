"""The steps 関係の種類 (the manual's questionnaire) and 形態.

The questionnaire is :mod:`kyodo_desktop.domain.relationship_kind`'s: its questions as radio
groups, its recommendation with the manual's sentences, and :func:`validate_choice` when the
officer chooses another kind (a reason is then required). The 形態 step notes which kinds the
manual's table lists a form under (補助・助成 and 委託 appear under two: the form does not decide).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from kyodo_desktop.domain.project import ProjectInput
from kyodo_desktop.domain.project_terms import ProjectForm, RelationshipKind
from kyodo_desktop.domain.relationship_kind import (
    QUESTIONS,
    Recommendation,
    answers_from_choices,
    kinds_listing_form,
    recommend,
    validate_choice,
)
from kyodo_desktop.domain.validation import ValidationError
from kyodo_desktop.gui.projects.wizard.manual import why_line
from kyodo_desktop.gui.projects.wizard.state import PAGE_FORM, PAGE_KIND, ProjectPage, WizardState
from kyodo_desktop.gui.projects.wizard.widgets import hint_label, named, plain_text, term
from kyodo_desktop.gui.styles import INFO_COLORS, WARNING_COLORS, panel_style

__all__ = ["FormPage", "KindPage"]


def _question_text(text: str) -> str:
    return QCoreApplication.translate("RelationshipQuestion", text)


def _kind_name(kind: RelationshipKind) -> str:
    """``kindSupport``, ``kindCollaboration``, ``kindOutsourcing`` (object names of the radios)."""
    return "kind" + kind.name.title()


class KindPage(ProjectPage):
    """関係の種類: the four questions, the recommendation and why, and the kind chosen."""

    FIELDS = frozenset({"relationship_kind", "kind_reason"})

    def __init__(self, state: WizardState) -> None:
        super().__init__(state, self.tr("関係の種類"), why_line(PAGE_KIND))
        self.setSubTitle(
            self.tr("四つの問いに答えると、マニュアルの表から「支援」「協働」「外部委託」を勧めます。")
        )
        self.answer_groups: dict[str, QButtonGroup] = {}
        self._kind_touched = False
        for question in QUESTIONS:
            box = QGroupBox(_question_text(question.text))
            box.setObjectName(f"question_{question.id}")
            # the radios and the hint on one line: the four questions and the answer fit one screen
            line = QHBoxLayout(box)
            group = QButtonGroup(self)
            for choice in question.choices:
                radio = named(QRadioButton(_question_text(choice.label)), f"answer_{question.id}_{choice.id}")
                radio.setProperty("choice", choice.id)
                group.addButton(radio)
                line.addWidget(radio)
            line.addSpacing(16)
            line.addWidget(hint_label(_question_text(question.hint)), 1)
            group.buttonToggled.connect(self._on_answer_toggled)
            self.answer_groups[question.id] = group
            self.body_layout.addWidget(box)

        self.recommendation_label = named(QLabel(), "recommendationLabel")
        self.recommendation_label.setWordWrap(True)
        self.recommendation_label.setTextFormat(Qt.TextFormat.RichText)
        self.recommendation_label.setStyleSheet(
            panel_style("recommendationLabel", *INFO_COLORS) + " QLabel { padding: 6px; }"
        )
        self.body_layout.addWidget(self.recommendation_label)

        chosen = QGroupBox(self.tr("この事業の関係の種類"))
        chosen_layout = QVBoxLayout(chosen)
        line = QHBoxLayout()
        self.kind_group = QButtonGroup(self)
        self.kind_radios: dict[RelationshipKind, QRadioButton] = {}
        for kind in RelationshipKind:
            radio = named(QRadioButton(term(kind.value)), _kind_name(kind))
            self.kind_group.addButton(radio)
            self.kind_radios[kind] = radio
            line.addWidget(radio)
            radio.clicked.connect(self._on_kind_clicked)
        line.addStretch(1)
        chosen_layout.addLayout(line)
        chosen_layout.addWidget(QLabel(self.tr("理由（推奨と異なる種類を選ぶときは必須）")))
        self.reason_edit = plain_text("kindReasonEdit", 2)
        chosen_layout.addWidget(self.reason_edit)
        self.body_layout.addWidget(chosen)
        self.body_layout.addStretch(1)
        self._show_recommendation()

    # -- answers ----------------------------------------------------------------------------------
    def answers(self) -> dict[str, str]:
        """``{question id: choice id}`` of the questions answered so far."""
        out: dict[str, str] = {}
        for qid, group in self.answer_groups.items():
            button = group.checkedButton()
            if button is not None:
                out[qid] = str(button.property("choice"))
        return out

    def recommendation(self) -> Recommendation | None:
        """The helper's answer, once every question is answered."""
        try:
            return recommend(answers_from_choices(self.answers()))
        except ValidationError:
            return None

    def _on_answer_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._show_recommendation()

    def _on_kind_clicked(self) -> None:
        self._kind_touched = True

    def _show_recommendation(self) -> None:
        rec = self.recommendation()
        if rec is None:
            self.recommendation_label.setText(
                html.escape(self.tr("すべての問いに答えると、推奨する関係の種類とその理由を表示します。"))
            )
            return
        parts = [
            "<b>" + html.escape(self.tr("推奨: {kind}").format(kind=term(rec.kind.value))) + "</b>",
            *(f"「{html.escape(_question_text(q))}」" for q in rec.quotes),
        ]
        if rec.tentative:
            parts.append("<i>" + html.escape(self.tr("注意: ") + _question_text(rec.note)) + "</i>")
        parts.append(
            html.escape(self.tr("（引用は千葉県協働推進マニュアル「協働」と「支援」「外部委託」の違い）"))
        )
        self.recommendation_label.setText("<br>".join(parts))
        if not self._kind_touched:
            self.kind_radios[rec.kind].setChecked(True)

    def chosen_kind(self) -> RelationshipKind | None:
        """The kind chosen on the page."""
        return next((k for k, r in self.kind_radios.items() if r.isChecked()), None)

    # -- ProjectPage ------------------------------------------------------------------------------
    def populate(self, data: ProjectInput) -> None:
        for qid, group in self.answer_groups.items():
            wanted = data.kind_answers.get(qid, self.state.answers.get(qid))
            for button in group.buttons():
                if button.property("choice") == wanted:
                    button.setChecked(True)
        if data.relationship_kind:
            self._kind_touched = True
            self.kind_radios[RelationshipKind(data.relationship_kind)].setChecked(True)
        self.reason_edit.setPlainText(data.kind_reason)
        self._show_recommendation()

    def collect(self, data: ProjectInput, found: list[ValidationError]) -> None:
        self.state.answers = self.answers()
        data.kind_answers = dict(self.state.answers)  # stored with the project (and audited)
        kind = self.chosen_kind()
        data.relationship_kind = kind.value if kind else ""
        data.kind_reason = self.reason_edit.toPlainText()

    def extra_errors(self, data: ProjectInput) -> list[ValidationError]:
        """Every question answered (unless the project already had its kind), a kind, and a
        reason when the kind is not the one recommended."""
        answers = self.answers()
        kind = self.chosen_kind()
        if not answers and self.state.stored_kind and kind is not None:
            return []  # a reopened project: its kind stands until the questions are asked again
        try:
            rec = recommend(answers_from_choices(answers))
        except ValidationError as error:
            return [error]
        if kind is None:
            return [ValidationError("relationship_kind", self.tr("関係の種類を選んでください"))]
        try:
            validate_choice(rec.kind, kind, data.kind_reason, field="kind_reason")
        except ValidationError as error:
            return [error]
        return []


class FormPage(ProjectPage):
    """形態: one of the forms, with the kinds whose 具体的な形態例 list it."""

    FIELDS = frozenset({"form"})

    def __init__(self, state: WizardState) -> None:
        super().__init__(state, self.tr("形態"), why_line(PAGE_FORM))
        self.setSubTitle(self.tr("事業をどの形態で行うかを選びます。"))
        box = QGroupBox(self.tr("形態"))
        grid = QGridLayout(box)
        self.form_group = QButtonGroup(self)
        self.form_radios: dict[ProjectForm, QRadioButton] = {}
        for n, form in enumerate(ProjectForm):
            radio = named(QRadioButton(term(form.value)), f"form{form.name.title().replace('_', '')}")
            kinds = kinds_listing_form(form)
            if kinds:
                radio.setToolTip(self._listed_text(kinds))
            self.form_group.addButton(radio)
            self.form_radios[form] = radio
            grid.addWidget(radio, n // 3, n % 3)
        self.form_group.buttonToggled.connect(self._on_form_toggled)
        self.body_layout.addWidget(box)
        self.note_label = named(QLabel(), "formNoteLabel")
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(
            panel_style("formNoteLabel", *WARNING_COLORS) + " QLabel { padding: 6px; }"
        )
        self.note_label.hide()
        self.body_layout.addWidget(self.note_label)
        self.body_layout.addStretch(1)

    def _listed_text(self, kinds: tuple[RelationshipKind, ...]) -> str:
        names = "・".join(f"「{term(k.value)}」" for k in kinds)
        return self.tr("マニュアルの表では{kinds}の形態例です").format(kinds=names)

    def chosen_form(self) -> ProjectForm | None:
        """The form chosen on the page."""
        return next((f for f, r in self.form_radios.items() if r.isChecked()), None)

    def _on_form_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._show_note()

    def _show_note(self) -> None:
        """Which kinds list the form; a warning when the chosen kind is not among them."""
        form = self.chosen_form()
        kinds = kinds_listing_form(form) if form is not None else ()
        if not kinds:
            self.note_label.hide()
            return
        text = self._listed_text(kinds) + self.tr("。")
        kind = self.state.data.relationship_kind
        if len(kinds) > 1:
            text += self.tr("形態だけでは関係の種類は決まりません。")
        if kind and RelationshipKind(kind) not in kinds:
            text += self.tr("選んだ関係の種類（{kind}）と合っているか確かめてください。").format(
                kind=term(kind)
            )
        self.note_label.setText(text)
        self.note_label.show()

    def populate(self, data: ProjectInput) -> None:
        if data.form:
            self.form_radios[ProjectForm(data.form)].setChecked(True)
        self._show_note()

    def collect(self, data: ProjectInput, found: list[ValidationError]) -> None:
        form = self.chosen_form()
        data.form = form.value if form else ""

    def extra_errors(self, data: ProjectInput) -> list[ValidationError]:
        if not data.form:
            return [ValidationError("form", self.tr("形態を選んでください"))]
        return []
