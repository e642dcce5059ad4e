"""The import wizard: choose a file, check the column mapping, review, then import in one go.

Each step is a ``QWizardPage`` in its own module (``file_page``, ``mapping_page``,
``review_page``, ``result_page``); the wizard hands them one
:class:`~kyodo_desktop.gui.importing.state.ImportState` and runs their slow work. Reading,
planning and writing go through the import pipeline
(:mod:`kyodo_desktop.services.import_pipeline`, the same as ``kyodo import``) in workers with a
progress dialog and Cancel; a page's ``validatePage`` starts the work and answers False, and the
worker's success moves the wizard on. Nothing is written to the data file before the review
page's 「取り込む」 — and then in one transaction after a backup.

The same pages import organizations (団体名簿) and past projects (過去の事業一覧, through
:mod:`kyodo_desktop.services.project_import` as ``kyodo projects import``): the first page's
chooser sets the state's kind, and each page shows that kind's targets, rows and counts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget, QWizard

from kyodo_desktop.domain.column_mapping import ORGANIZATIONS
from kyodo_desktop.domain.import_kind import ImportKind
from kyodo_desktop.gui.importing.file_page import FilePage
from kyodo_desktop.gui.importing.mapping_page import MappingPage
from kyodo_desktop.gui.importing.result_page import ResultPage
from kyodo_desktop.gui.importing.review_page import ReviewPage
from kyodo_desktop.gui.importing.state import PAGE_FILE, PAGE_MAPPING, PAGE_RESULT, PAGE_REVIEW, ImportState
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup, show_progress
from kyodo_desktop.services.importing import ImportPlan, ImportSummary
from kyodo_desktop.services.project_import import ProjectImportPlan, ProjectImportSummary
from kyodo_desktop.services.workspace import Workspace

__all__ = ["PAGE_FILE", "PAGE_MAPPING", "PAGE_RESULT", "PAGE_REVIEW", "ImportWizard"]

log = logging.getLogger(__name__)


class ImportWizard(QWizard):
    """The インポート wizard of the registry tab; shown with ``show()``, never ``exec()``.

    ``kind`` is what is chosen first (the organization import by default; the officer may
    choose the other). Signals: ``import_finished(ImportSummary | ProjectImportSummary)`` once
    the rows are written.
    """

    import_finished = Signal(object)

    def __init__(
        self, workspace: Workspace, parent: QWidget | None = None, *, kind: ImportKind | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("団体の取り込み"))
        self.ws = workspace
        self.state = ImportState(workspace, self, kind or ORGANIZATIONS)
        self._tasks = TaskGroup()
        self._running: BackgroundTask | None = None
        self._closed = False

        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< 戻る"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("次へ >"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("完了"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("キャンセル"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("取り込む"))

        self.file_page = FilePage(self.state)
        self.mapping_page = MappingPage(self.state)
        self.review_page = ReviewPage(self.state)
        self.result_page = ResultPage(self.state)
        self.setPage(PAGE_FILE, self.file_page)
        self.setPage(PAGE_MAPPING, self.mapping_page)
        self.setPage(PAGE_REVIEW, self.review_page)
        self.setPage(PAGE_RESULT, self.result_page)
        self.setStartId(PAGE_FILE)
        self.setWindowTitle(self.file_page._window_title())
        self.resize(980, 700)

    @property
    def kind(self) -> ImportKind:
        """What is imported, as chosen on the first page."""
        return self.state.kind

    def choose_kind(self, kind: ImportKind | None) -> None:
        """Choose ``kind`` (None: leave it) while the wizard is still on its first page."""
        if kind is not None and self.currentPage() is self.file_page:
            self.file_page.set_kind(kind)

    @property
    def plan(self) -> ImportPlan | ProjectImportPlan | None:
        """The plan under review (None before the rows were matched)."""
        return self.state.plan

    @property
    def summary(self) -> ImportSummary | ProjectImportSummary | None:
        """What was written (None before 取り込む)."""
        return self.state.summary

    # -- background work ----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """Whether a read, plan, write or summary is running."""
        return self._running is not None

    @property
    def running_task(self) -> BackgroundTask | None:
        """The work in progress, if any."""
        return self._running

    def run_task(
        self,
        work: Callable[[BackgroundTask], Any],
        *,
        title: str,
        label: str,
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None],
        cancellable: bool = True,
    ) -> BackgroundTask:
        """Run ``work`` in a worker behind a progress dialog; the wizard waits until it ends."""
        task = BackgroundTask(work, self)
        task.succeeded.connect(self._guarded(on_success))
        task.failed.connect(self._guarded(on_failure))
        task.finished.connect(self._on_task_finished)
        self._running = task
        show_progress(self, task, title, label, cancellable=cancellable)
        self._tasks.start(task)
        return task

    def start_quiet_task(
        self,
        work: Callable[[BackgroundTask], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None],
    ) -> BackgroundTask:
        """Run short work (listing a workbook's sheets) in a worker without a progress dialog."""
        task = BackgroundTask(work, self)
        task.succeeded.connect(self._guarded(on_success))
        task.failed.connect(self._guarded(on_failure))
        self._tasks.start(task)
        return task

    def _guarded(self, handler: Callable[[Any], None]) -> Callable[[Any], None]:
        """``handler``, skipped once the wizard was closed (a stopped task's last signal may
        arrive after that, when the widgets may be gone)."""

        def call(value: Any) -> None:
            if not self._closed:
                handler(value)

        return call

    def _on_task_finished(self) -> None:
        task = self.sender()
        if task is self._running:
            self._running = None

    def shutdown(self) -> None:
        """Stop any work (a running write rolls back) and close, e.g. before the data folder closes."""
        self.reject()

    def done(self, result: int) -> None:
        if result == QWizard.DialogCode.Rejected:
            # Closing mid-write cancels it: the transaction rolls back, nothing is written.
            self._closed = True
            self._tasks.stop_all()
            self._running = None
        super().done(result)
        if not self.isVisible():  # QWizard.done keeps it open when the page does not validate
            self._closed = True

    # -- the end of the import --------------------------------------------------------------
    def finish_import(self, summary: ImportSummary | ProjectImportSummary) -> None:
        """The rows were written: announce it and show the result page."""
        self.state.summary = summary
        plan = self.state.plan
        source = plan.source_name if plan else ""
        if isinstance(summary, ProjectImportSummary):
            log.info(
                "project import %s: %d projects, %d new organizations from %s",
                summary.import_id,
                summary.projects,
                summary.organizations,
                source,
            )
        else:
            log.info(
                "import %s: %d created, %d updated from %s",
                summary.import_id,
                summary.created,
                summary.updated,
                source,
            )
        self.import_finished.emit(summary)
        self.next()
