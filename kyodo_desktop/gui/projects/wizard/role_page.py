"""The step 役割分担: the 役割分担表 as a table the officer edits.

The table starts with the rows of :func:`~kyodo_desktop.gui.projects.wizard.role_defaults.
default_roles` for the form chosen (when the project has none yet); 形態の例で置き換える starts it
again for the current form.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton

from kyodo_desktop.domain.project import ProjectInput, RoleRowInput
from kyodo_desktop.domain.project_terms import RoleSide
from kyodo_desktop.domain.validation import ValidationError
from kyodo_desktop.gui.projects.wizard.manual import why_line
from kyodo_desktop.gui.projects.wizard.role_defaults import default_roles
from kyodo_desktop.gui.projects.wizard.rows_editor import Column, RowsEditor
from kyodo_desktop.gui.projects.wizard.state import PAGE_ROLES, ProjectPage, WizardState
from kyodo_desktop.gui.projects.wizard.widgets import hint_label, named, term

__all__ = ["RolePage"]


class RolePage(ProjectPage):
    """役割分担: task, who carries it (行政 / 団体 / 共同), the person responsible, a note."""

    FIELDS = frozenset({"roles"})

    def __init__(self, state: WizardState) -> None:
        super().__init__(state, self.tr("役割分担"), why_line(PAGE_ROLES))
        self.setSubTitle(self.tr("作業ごとに、誰が担い、誰が責任を持つかを決めます。"))
        sides = tuple(RoleSide)
        self.editor = RowsEditor(
            (
                Column(self.tr("作業")),
                Column(
                    self.tr("担い手"),
                    tuple(s.value for s in sides),
                    RoleSide.JOINT.value,
                    tuple(term(s) for s in sides),
                ),
                Column(self.tr("責任者")),
                Column(self.tr("備考")),
            ),
            "roles",
        )
        self.editor.setMinimumHeight(300)
        self.body_layout.addWidget(self.editor, 1)
        line = QHBoxLayout()
        line.addWidget(
            hint_label(
                self.tr(
                    "担い手のセルをダブルクリックすると行政・団体・共同を選べます。責任者は「誰が手伝うか」ではなく「誰が責任を持つか」です。"
                )
            ),
            1,
        )
        self.reset_button = named(QPushButton(self.tr("形態の例で置き換える")), "rolesResetButton")
        self.reset_button.setAutoDefault(False)
        self.reset_button.clicked.connect(self.fill_defaults)
        line.addWidget(self.reset_button)
        self.body_layout.addLayout(line)

    def fill_defaults(self) -> None:
        """Start the table from the example rows of the form chosen."""
        form = self.state.data.form
        # the example tasks in the officer's language; what is typed is stored as typed
        rows = [
            RoleRowInput(QCoreApplication.translate("ProjectTerm", r.task), r.side)
            for r in default_roles(form)
        ]
        self._set_rows(rows)
        self.state.roles_filled_for = form

    def _set_rows(self, roles: list[RoleRowInput]) -> None:
        self.editor.model.set_rows([[r.task, r.side, r.responsible, r.note] for r in roles])

    def populate(self, data: ProjectInput) -> None:
        if data.roles or self.state.roles_filled_for is not None:
            self._set_rows(data.roles)
        else:
            self.fill_defaults()

    def collect(self, data: ProjectInput, found: list[ValidationError]) -> None:
        data.roles = [
            RoleRowInput(task, side, responsible, note)
            for task, side, responsible, note in self.editor.model.rows()
            if task.strip() or responsible.strip() or note.strip()  # a row added and left empty
        ]
        if self.state.roles_filled_for is None:
            self.state.roles_filled_for = data.form
