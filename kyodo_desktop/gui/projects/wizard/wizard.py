"""The project wizard: nine steps from 課題とニーズ to 確認, a draft kept when left mid-way.

Each step is a :class:`~kyodo_desktop.gui.projects.wizard.state.ProjectPage` filling one shared
:class:`~kyodo_desktop.gui.projects.wizard.state.WizardState`. An unfinished project is kept as
a draft at every 次へ and when left (キャンセル, Esc, closing the window): one transaction each
(``ProjectService.create``/``update`` with ``draft`` and the step to resume at), on the version
last saved, so a crash loses at most the page being typed and a stale save is refused with
the house's message. Opening that draft starts again at that step. 完了 saves the project in
one transaction, validated in full. Editing a finished project opens the same steps filled in;
nothing is saved before 完了 (a finished project is not a draft), and leaving with changes asks
whether to discard them.
"""

from __future__ import annotations

import copy
import logging

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from kyodo_desktop.domain.project import ProjectInput, validate_project
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors
from kyodo_desktop.gui import dialogs, errors
from kyodo_desktop.gui.projects.wizard.agreement_page import AgreementPage
from kyodo_desktop.gui.projects.wizard.kind_pages import FormPage, KindPage
from kyodo_desktop.gui.projects.wizard.needs_page import NeedsPage
from kyodo_desktop.gui.projects.wizard.partner_page import PartnerPage
from kyodo_desktop.gui.projects.wizard.points_page import PointsPage
from kyodo_desktop.gui.projects.wizard.purpose_page import PurposePage
from kyodo_desktop.gui.projects.wizard.role_page import RolePage
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
    ProjectPage,
    WizardState,
)
from kyodo_desktop.gui.projects.wizard.summary_page import SummaryPage
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

__all__ = ["ProjectWizard"]

log = logging.getLogger(__name__)


class ProjectWizard(QWizard):
    """The 事業 wizard (object name ``projectWizard``) for a new project, a draft, or an edit.

    Signals: ``project_saved(str)`` with the id once 完了 stored the project;
    ``draft_saved(str)`` with the id when leaving kept a draft.
    """

    project_saved = Signal(str)
    draft_saved = Signal(str)

    def __init__(
        self, workspace: Workspace, project_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("projectWizard")
        self.ws = workspace
        self.service = ProjectService(workspace)
        self.state = WizardState(workspace)
        self.saved_id: str | None = None
        self._leaving = False
        self._resuming = False
        #: the finished project as opened (normalised), to tell whether leaving discards changes
        self._opened: ProjectInput | None = None
        start = PAGE_NEEDS
        if project_id is not None:
            start = self._load(project_id)
        self.setWindowTitle(self.tr("事業の登録") if self.state.is_draft else self.tr("事業の編集"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 戻る"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("次へ >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完了"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("中断"))
        self.button(QWizard.WizardButton.CancelButton).setToolTip(
            self.tr("入力した内容を下書きとして残して閉じます（後で続きから再開できます）")
            if self.state.is_draft
            else self.tr("変更を保存せずに閉じます")
        )
        self.pages: dict[int, ProjectPage] = {
            PAGE_NEEDS: NeedsPage(self.state),
            PAGE_KIND: KindPage(self.state),
            PAGE_FORM: FormPage(self.state),
            PAGE_PURPOSES: PurposePage(self.state),
            PAGE_PARTNERS: PartnerPage(self.state),
            PAGE_ROLES: RolePage(self.state),
            PAGE_AGREEMENT: AgreementPage(self.state),
            PAGE_POINTS: PointsPage(self.state),
            PAGE_SUMMARY: SummaryPage(self.state),
        }
        for page_id, page in self.pages.items():
            self.setPage(page_id, page)
        summary = self.pages[PAGE_SUMMARY]
        assert isinstance(summary, SummaryPage)
        summary.save = self.save_finished
        self.setStartId(PAGE_NEEDS)
        self.resize(900, 720)
        self.restart()
        self.resume_at(start)

    # -- opening ----------------------------------------------------------------------------------
    def _load(self, project_id: str) -> int:
        """Fill the state from a stored project; returns the step to open at."""
        record = self.service.get(project_id)
        self.state.project_id = record.id
        self.state.version = record.version
        self.state.is_draft = record.is_draft
        self.state.data = record.data
        self.state.stored_kind = record.data.relationship_kind
        self.state.partner_names = {p.organization_id: p.name for p in record.partners}
        self.state.roles_filled_for = record.data.form if record.data.roles else None
        if not record.is_draft:
            self._opened = copy.deepcopy(record.data)
            return PAGE_NEEDS
        return min(max(record.draft_step, PAGE_NEEDS), PAGE_SUMMARY)

    def resume_at(self, step: int) -> None:
        """Move on, page by page, to ``step`` (stopping early where a page does not validate).

        Nothing is saved on the way: the draft already holds these pages and its step.
        """
        self._resuming = True
        try:
            while self.currentId() < step:
                before = self.currentId()
                self.next()
                if self.currentId() == before:
                    break
        finally:
            self._resuming = False

    def validateCurrentPage(self) -> bool:
        """次へ: the page's own checks, then (an unfinished project) the draft kept at the next step."""
        if not super().validateCurrentPage():
            return False
        following = self.nextId()
        if self._resuming or not self.state.is_draft or following < 0:
            return True  # 完了 saves in full; a finished project's edit waits for 完了
        problem = self._store_draft(following)
        if problem is None:
            return True
        self._show_draft_problem(problem)
        return False

    def current_page(self) -> ProjectPage:
        """The step shown."""
        page = self.currentPage()
        assert isinstance(page, ProjectPage)
        return page

    # -- saving -----------------------------------------------------------------------------------
    def save_finished(self) -> list[ValidationError]:
        """Store the project in full (one transaction); the problems found, else []."""
        data = self.state.data
        try:
            validate_project(data)
            if self.state.project_id is None:
                self.state.project_id = self.service.create(data)
                self._took_stored(self.state.project_id)
            else:
                assert self.state.version is not None
                self.state.version = self.service.update(
                    self.state.project_id,
                    data,
                    expected_version=self.state.version,
                    draft=False if self.state.is_draft else None,
                    draft_step=PAGE_SUMMARY,
                )
        except ValidationErrors as found:
            return found.errors
        except Exception as exc:  # a stale edit, a locked or read-only file …
            text = errors.known_text(exc)
            if text is None:
                raise
            return [ValidationError("save", text)]
        self.state.is_draft = False
        self.saved_id = self.state.project_id
        log.info("project saved: %s", self.saved_id)
        self.project_saved.emit(self.saved_id)
        return []

    def save_draft(self) -> str | None:
        """Keep what was typed as a draft at the current step; the problem found, or None."""
        self.current_page().keep_typed()
        return self._store_draft(self.currentId())

    def _store_draft(self, step: int) -> str | None:
        """Store the state as a draft to resume at ``step`` (one transaction); the problem, or None."""
        data: ProjectInput = self.state.data
        try:
            if self.state.project_id is None:
                self.state.project_id = self.service.create(data, draft=True, draft_step=step)
                self._took_stored(self.state.project_id)
            else:
                assert self.state.version is not None
                self.state.version = self.service.update(
                    self.state.project_id, data, expected_version=self.state.version, draft_step=step
                )
        except ValidationErrors as found:
            return "\n".join(dict.fromkeys(e.message for e in found.errors))
        except Exception as exc:
            text = errors.known_text(exc)
            if text is None:
                raise
            return text
        self.saved_id = self.state.project_id
        log.info("project draft kept at step %d: %s", step, self.saved_id)
        self.draft_saved.emit(self.saved_id)
        return None

    def _took_stored(self, project_id: str) -> None:
        """After a create: the stored version, and the lead officer the service filled in
        (the current officer), so the next save does not clear it."""
        record = self.service.get(project_id)
        self.state.version = record.version
        if self.state.data.lead_officer_id is None:
            self.state.data.lead_officer_id = record.data.lead_officer_id

    def _has_input(self) -> bool:
        """Whether anything was typed in a new project (an untouched wizard keeps no draft)."""
        self.current_page().keep_typed()
        data = self.state.data
        return bool(
            data.title.strip() or any(v.strip() for v in data.purposes.values()) or self.currentId() > 0
        )

    # -- leaving ----------------------------------------------------------------------------------
    def reject(self) -> None:
        """キャンセル / Esc / close: keep a draft of an unfinished project, then close."""
        if self._leaving:
            return
        if self.state.is_draft and (self.state.project_id is not None or self._has_input()):
            problem = self.save_draft()
            if problem is not None:
                self._show_draft_problem(problem)
                return
        elif not self.state.is_draft and self._changed() and not self._discard_confirmed():
            return
        self._leaving = True
        super().reject()

    def _show_draft_problem(self, problem: str) -> None:
        page = self.current_page()
        page.error_label.setText(self.tr("下書きを保存できませんでした: {reason}").format(reason=problem))
        page.error_label.show()

    def _changed(self) -> bool:
        """Whether the edit of a finished project differs from the project as opened."""
        if self._opened is None:
            return False
        self.current_page().keep_typed()
        try:
            now = validate_project(self.state.data, draft=True)
            opened = validate_project(self._opened, draft=True)
        except ValidationErrors:
            return True  # something unreadable was typed: that is a change too
        return now != opened

    def _discard_confirmed(self) -> bool:
        return dialogs.confirm(
            self,
            self.tr("変更の破棄"),
            self.tr("事業「{title}」の変更は保存されていません。変更を破棄して閉じますか？").format(
                title=self._opened.title if self._opened else ""
            ),
            ok_text=self.tr("破棄して閉じる"),
        )
