"""The import wizard: choose a file, check the column mapping, review, then import in one go.

Each step is a ``QWizardPage`` (see :mod:`kyodo_desktop.gui.importing.pages`). Reading, planning
and writing run in workers with a progress dialog and Cancel; a page's ``validatePage`` starts the
work and answers False, and the worker's success moves the wizard on. Nothing is written to the
data file before the review page's 「取り込む」 — and then in one transaction after a backup.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import QLabel, QWidget, QWizard

from kyodo_desktop.domain.importing import SourceFormat
from kyodo_desktop.gui import dialogs, styles
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup, show_progress
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services.import_lists import SourceTable
from kyodo_desktop.services.import_npo_portal import NpoPortalRead
from kyodo_desktop.services.importing import ImportPlan, ImportSummary
from kyodo_desktop.services.workspace import Workspace

log = logging.getLogger(__name__)

PAGE_FILE = 0
PAGE_MAPPING = 1
PAGE_REVIEW = 2
PAGE_RESULT = 3


@dataclasses.dataclass
class ReadSource:
    """A file as read on the file page, with the choices it was read with (``key``)."""

    key: tuple[Any, ...]
    path: Path
    format: SourceFormat
    table: SourceTable | None = None
    portal: NpoPortalRead | None = None


class ImportWizard(QWizard):
    """The インポート wizard of the registry tab; shown with ``show()``, never ``exec()``.

    Signals: ``import_finished(ImportSummary)`` once the rows are written.
    """

    import_finished = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kyodo_desktop.gui.importing.pages import FilePage, MappingPage, ResultPage
        from kyodo_desktop.gui.importing.review_page import ReviewPage

        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("団体の取り込み"))
        self.ws = workspace
        self.source: ReadSource | None = None
        self.plan: ImportPlan | None = None
        #: what the plan was made from: the source key and the column mapping (lists)
        self.plan_key: tuple[Any, ...] | None = None
        #: the column mapping the plan was made with (lists only)
        self.mapping: dict[int, str] | None = None
        self.summary: ImportSummary | None = None
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

        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.review_page = ReviewPage(self)
        self.result_page = ResultPage(self)
        self.setPage(PAGE_FILE, self.file_page)
        self.setPage(PAGE_MAPPING, self.mapping_page)
        self.setPage(PAGE_REVIEW, self.review_page)
        self.setPage(PAGE_RESULT, self.result_page)
        self.setStartId(PAGE_FILE)
        self.resize(980, 700)

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

    # -- state shared by the pages ------------------------------------------------------------
    def set_source(self, source: ReadSource) -> None:
        """A file was read: what was planned from an earlier file no longer holds."""
        self.source = source
        self.plan = None
        self.plan_key = None
        self.mapping = None

    def set_plan(
        self, plan: ImportPlan, key: tuple[Any, ...], *, mapping: dict[int, str] | None = None
    ) -> None:
        """The rows were matched against the registry; the review shows ``plan``."""
        self.plan = plan
        self.plan_key = key
        self.mapping = mapping

    def finish_import(self, summary: ImportSummary) -> None:
        """The rows were written: announce it and show the result page."""
        self.summary = summary
        log.info(
            "import %s: %d created, %d updated from %s",
            summary.import_id,
            summary.created,
            summary.updated,
            self.plan.source_name if self.plan else "",
        )
        self.import_finished.emit(summary)
        self.next()

    # -- the summary workbook -----------------------------------------------------------------
    def save_summary(self, status: QLabel) -> BackgroundTask | None:
        """Ask where to save, then write the summary .xlsx of the plan (and result) in a worker."""
        plan, summary = self.plan, self.summary
        if plan is None or self.busy:
            return None
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        stem = Path(plan.source_name).stem or "import"
        default = str(Path(documents or Path.home()) / f"取り込み結果_{stem}_{date.today():%Y%m%d}.xlsx")
        chosen = dialogs.get_save_file_name(
            self, self.tr("取り込みの内容をExcelに保存"), default, self.tr("Excel ブック (*.xlsx)")
        )
        if not chosen:
            return None
        out = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")

        def work(_task: BackgroundTask) -> Path:
            from kyodo_desktop.services.import_summary import write_import_summary

            write_import_summary(plan, out, summary=summary)
            return out

        def succeeded(path: Path) -> None:
            status.setStyleSheet(styles.SUCCESS_STYLE)
            status.setText(self.tr("保存しました: {path}").format(path=path))

        def failed(exc: Exception) -> None:
            status.setStyleSheet(styles.ERROR_STYLE)
            if isinstance(exc, KnownError):
                status.setText(str(exc))
            elif isinstance(exc, ImportError):
                log.error("import summary writer unavailable", exc_info=exc)
                status.setText(self.tr("Excelへの保存機能を読み込めませんでした。"))
            elif isinstance(exc, OSError):
                status.setText(self.tr("保存できませんでした: {error}").format(error=exc.strerror or exc))
            else:
                log.error("writing the import summary failed", exc_info=exc)
                status.setText(
                    self.tr("保存に失敗しました（{kind}）。詳細はログを確認してください。").format(
                        kind=type(exc).__name__
                    )
                )

        status.setText("")
        return self.run_task(
            work,
            title=self.tr("取り込みの内容をExcelに保存"),
            label=self.tr("{name} に保存しています…").format(name=out.name),
            on_success=succeeded,
            on_failure=failed,
            cancellable=False,
        )
