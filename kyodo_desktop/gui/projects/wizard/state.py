"""What the project wizard's pages share: the project being built, and the page every step is.

:class:`WizardState` holds one :class:`~kyodo_desktop.domain.project.ProjectInput` that each page
fills in when the officer moves on (and, leniently, when they go back or leave), plus what the
input does not keep: the partners' names. :class:`ProjectPage`
is the base of the steps: a title, one line from the manual on why the step matters, an error
line, and ``validatePage`` running the domain's validation over what the page owns.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget, QWizardPage

from kyodo_desktop.domain.project import ProjectInput, validate_project
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors
from kyodo_desktop.gui.styles import ERROR_STYLE, INFO_COLORS, panel_style
from kyodo_desktop.services.workspace import Workspace

__all__ = [
    "PAGE_AGREEMENT",
    "PAGE_FORM",
    "PAGE_KIND",
    "PAGE_NEEDS",
    "PAGE_PARTNERS",
    "PAGE_POINTS",
    "PAGE_PURPOSES",
    "PAGE_ROLES",
    "PAGE_SUMMARY",
    "ProjectPage",
    "WizardState",
]

# The steps in order; a draft keeps the id of the step it was left at (``draft_step``).
(
    PAGE_NEEDS,
    PAGE_KIND,
    PAGE_FORM,
    PAGE_PURPOSES,
    PAGE_PARTNERS,
    PAGE_ROLES,
    PAGE_AGREEMENT,
    PAGE_POINTS,
    PAGE_SUMMARY,
) = range(9)


@dataclass
class WizardState:
    """The project under construction and what the wizard knows about it.

    ``project_id``/``version`` are None until the first save (a draft kept on leaving, or the
    finished project). ``stored_kind`` is the relationship kind the project had when opened:
    a project stored before its answers were kept (``ProjectInput.kind_answers``, schema 8)
    keeps its kind without answering again.
    """

    ws: Workspace
    data: ProjectInput = field(default_factory=ProjectInput)
    project_id: str | None = None
    version: int | None = None
    is_draft: bool = True
    answers: dict[str, str] = field(default_factory=dict)
    partner_names: dict[str, str] = field(default_factory=dict)
    stored_kind: str = ""
    #: the form whose default rows the role table was filled with ("" before it was filled)
    roles_filled_for: str | None = None

    def copy_data(self) -> ProjectInput:
        """A deep copy of the input, for a page to fill in before it is accepted."""
        return copy.deepcopy(self.data)


class ProjectPage(QWizardPage):
    """One step of the project wizard: the manual's line, the page's inputs, an error line.

    A subclass builds its inputs into :attr:`body`, names the ``ProjectInput`` fields it owns
    in :attr:`FIELDS`, and implements :meth:`populate` (show the state) and :meth:`collect`
    (write the inputs into an input, adding unreadable values to ``found``);
    :meth:`extra_errors` adds the page's own checks. Domain errors of other pages' fields are
    left to those pages.
    """

    FIELDS: frozenset[str] = frozenset()

    def __init__(self, state: WizardState, title: str, why: str) -> None:
        super().__init__()
        self.state = state
        self.setTitle(title)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.why_label = QLabel(why)
        self.why_label.setObjectName("whyLabel")
        self.why_label.setWordWrap(True)
        self.why_label.setStyleSheet(panel_style("whyLabel", *INFO_COLORS) + " QLabel { padding: 6px; }")
        self.why_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        outer.addWidget(self.why_label)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 4, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.body)
        outer.addWidget(scroll, 1)
        self.error_label = QLabel()
        self.error_label.setObjectName("pageError")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        outer.addWidget(self.error_label)

    # -- to be provided by each page ------------------------------------------------------------
    def populate(self, data: ProjectInput) -> None:
        """Show ``data`` (and the state) in the page's inputs."""
        raise NotImplementedError

    def collect(self, data: ProjectInput, found: list[ValidationError]) -> None:
        """Write the page's inputs into ``data``; unreadable values go to ``found``."""
        raise NotImplementedError

    def extra_errors(self, data: ProjectInput) -> list[ValidationError]:
        """Checks of this step beyond the domain's (the default: none)."""
        return []

    def accept_collected(self, data: ProjectInput) -> None:
        """Called with the validated input when the officer moves on (the default: nothing)."""

    # -- QWizardPage ------------------------------------------------------------------------------
    def initializePage(self) -> None:
        self.error_label.hide()
        self.populate(self.state.data)

    def cleanupPage(self) -> None:
        # Going back keeps what was typed here (QWizard would otherwise forget it).
        self.keep_typed()

    def keep_typed(self) -> None:
        """Keep the readable part of what is typed on this page in the state (on Back or leaving)."""
        data = self.state.copy_data()
        self.collect(data, [])
        self.state.data = data

    def page_errors(self) -> tuple[ProjectInput, list[ValidationError]]:
        """The input with this page filled in, and the problems of this page's fields."""
        data = self.state.copy_data()
        found: list[ValidationError] = []
        self.collect(data, found)
        found.extend(self.extra_errors(data))
        try:
            data = validate_project(data, draft=True)
        except ValidationErrors as problems:
            found.extend(e for e in problems.errors if e.field in self.FIELDS)
        return data, found

    def validatePage(self) -> bool:
        data, found = self.page_errors()
        if found:
            self.show_problems(found)
            return False
        self.error_label.hide()
        self.state.data = data
        self.accept_collected(data)
        return True

    def show_problems(self, found: list[ValidationError]) -> None:
        """Every problem in the page's error line, one a line (the domain's Japanese messages)."""
        self.error_label.setText("\n".join(dict.fromkeys(e.message for e in found)))
        self.error_label.show()
