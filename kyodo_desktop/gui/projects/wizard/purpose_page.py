"""The step 目的の共有: the four purposes (地域課題 from the first step) and the targets.

Targets are rows of what / how much / by when; the date is typed as the officer likes and read
through the one date parser.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout

from kyodo_desktop.domain.project import ProjectInput, TargetInput
from kyodo_desktop.domain.project_terms import PURPOSE_KINDS
from kyodo_desktop.domain.validation import ValidationError, parse_date
from kyodo_desktop.gui.projects.wizard.manual import why_line
from kyodo_desktop.gui.projects.wizard.rows_editor import Column, RowsEditor
from kyodo_desktop.gui.projects.wizard.state import PAGE_PURPOSES, ProjectPage, WizardState
from kyodo_desktop.gui.projects.wizard.widgets import hint_label, named, plain_text, term

__all__ = ["PurposePage"]

_ISSUE, *_OWN = PURPOSE_KINDS  # 地域課題 is written on the first step
_EDIT_NAMES = {
    "行政の目的": "adminPurposeEdit",
    "団体の目的": "groupPurposeEdit",
    "共通の目的": "commonPurposeEdit",
}


class PurposePage(ProjectPage):
    """目的の共有: both sides' purposes, the common one, and measurable targets."""

    FIELDS = frozenset({"purposes", "targets"})

    def __init__(self, state: WizardState) -> None:
        super().__init__(state, self.tr("目的の共有"), why_line(PAGE_PURPOSES))
        self.setSubTitle(self.tr("行政と団体それぞれの目的と、両者に共通する目的、測れる目標を書きます。"))
        form = QFormLayout()
        self.issue_label = named(QLabel(), "issueLabel")
        self.issue_label.setWordWrap(True)
        form.addRow(term(_ISSUE), self.issue_label)
        self.purpose_edits = {}
        for kind in _OWN:
            edit = plain_text(_EDIT_NAMES[kind], 3)
            self.purpose_edits[kind] = edit
            form.addRow(term(kind), edit)
        self.body_layout.addLayout(form)

        box = QGroupBox(self.tr("目標"))
        layout = QVBoxLayout(box)
        layout.addWidget(
            hint_label(self.tr("例: 何を「参加者数」、どれだけ「延べ300人」、いつまでに「令和8年3月31日」"))
        )
        self.targets = RowsEditor(
            (Column(self.tr("何を")), Column(self.tr("どれだけ")), Column(self.tr("いつまでに"))), "targets"
        )
        self.targets.setMinimumHeight(170)
        layout.addWidget(self.targets)
        self.body_layout.addWidget(box)

    def populate(self, data: ProjectInput) -> None:
        issue = data.purposes.get(_ISSUE, "")
        self.issue_label.setText(issue or self.tr("（最初の画面で書けます）"))
        for kind, edit in self.purpose_edits.items():
            edit.setPlainText(data.purposes.get(kind, ""))
        self.targets.model.set_rows(
            [[t.what, t.amount, t.due_on.isoformat() if t.due_on else ""] for t in data.targets]
        )

    def collect(self, data: ProjectInput, found: list[ValidationError]) -> None:
        for kind, edit in self.purpose_edits.items():
            data.purposes[kind] = edit.toPlainText()
        targets: list[TargetInput] = []
        for n, (what, amount, due) in enumerate(self.targets.model.rows(), start=1):
            if not (what.strip() or amount.strip() or due.strip()):
                continue  # an empty row added and left
            try:
                due_on = parse_date(due, "targets")
            except ValidationError as error:
                found.append(
                    ValidationError("targets", self.tr("目標{n}行目: {message}").format(n=n, message=error))
                )
                due_on = None
            targets.append(TargetInput(what, amount, due_on))
        data.targets = targets
