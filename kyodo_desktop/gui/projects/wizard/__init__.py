"""The project wizard (事業の登録・編集): one module per step, the wizard, and its entry point.

:func:`open_project_wizard` is what the projects tab calls (its ``newProjectButton``, its
draft-resume and edit actions); tests build :class:`ProjectWizard` and ``show()`` it instead,
as a modal wizard would wait for ever in a test run.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kyodo_desktop.gui.projects.wizard.state import (
    PAGE_AGREEMENT,
    PAGE_FORM,
    PAGE_KIND,
    PAGE_NEEDS,
    PAGE_PARTNERS,
    PAGE_POINTS,
    PAGE_PURPOSES,
    PAGE_ROLES,
    PAGE_SUMMARY,
)
from kyodo_desktop.gui.projects.wizard.wizard import ProjectWizard
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
    "ProjectWizard",
    "open_project_wizard",
]


def open_project_wizard(
    parent: QWidget | None, workspace: Workspace, project_id: str | None = None
) -> str | None:
    """Run the wizard modally for a new project (``project_id`` None), a draft or an edit.

    Returns the id of the project stored: the finished project after 完了, or the draft kept
    when the officer left mid-way (``ProjectService.get(id).is_draft`` tells which); None when
    nothing was stored (left before typing anything, or an edit left without saving).
    """
    wizard = ProjectWizard(workspace, project_id, parent)
    try:
        wizard.exec()
        return wizard.saved_id
    finally:
        wizard.deleteLater()
