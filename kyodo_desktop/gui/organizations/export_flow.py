"""The registry's Excel export as the window runs it: ask for a file, write it in a worker, report.

The write itself is ``services.export_xlsx`` (imported in the worker, so openpyxl is loaded only
when someone exports); a progress dialog with Cancel shows while it runs.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QWidget

from kyodo_desktop.gui import dialogs, errors
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup, show_progress
from kyodo_desktop.services.workspace import Workspace

log = logging.getLogger(__name__)


class ExportFlow(QObject):
    """Exports the registry of ``workspace`` on behalf of ``owner`` (the parent of its dialogs)."""

    def __init__(self, workspace: Workspace, tasks: TaskGroup, owner: QWidget) -> None:
        super().__init__(owner)
        self._ws = workspace
        self._tasks = tasks
        self._owner = owner

    def run(self) -> BackgroundTask | None:
        """Ask for a file and write the registry to it in the background (Cancel stops it)."""
        owner = self._owner
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = str(Path(documents or Path.home()) / f"団体台帳_{date.today():%Y%m%d}.xlsx")
        chosen = dialogs.get_save_file_name(
            owner, self.tr("Excelに書き出す"), default, self.tr("Excel ブック (*.xlsx)")
        )
        if not chosen:
            return None
        out = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
        ws = self._ws

        def work(task: BackgroundTask) -> int:
            from kyodo_desktop.services.export_xlsx import export_organizations

            return int(export_organizations(ws, out, progress=task.report))

        task = BackgroundTask(work, owner)
        task.succeeded.connect(lambda count: self._on_done(out, count))
        task.failed.connect(self._on_failed)
        show_progress(
            owner,
            task,
            self.tr("Excelに書き出す"),
            self.tr("{name} に書き出しています…").format(name=out.name),
            cancellable=True,
        )
        self._tasks.start(task)
        return task

    def _on_done(self, out: Path, count: int) -> None:
        log.info("exported %d organizations", count)
        dialogs.info(
            self._owner,
            self.tr("Excelに書き出す"),
            self.tr("{count} 件を書き出しました。\n{path}").format(count=f"{count:,}", path=out),
        )

    def _on_failed(self, exc: Exception) -> None:
        title = self.tr("Excelに書き出す")
        if isinstance(exc, ImportError):
            log.error("export module unavailable", exc_info=exc)
            dialogs.error(self._owner, title, self.tr("Excel書き出しの機能を読み込めませんでした。"))
            return
        from kyodo_desktop.services.export_xlsx import ExportCancelled

        if isinstance(exc, ExportCancelled):
            log.info("export cancelled")
            return
        errors.show_error(
            self._owner,
            title,
            exc,
            file=self.tr("ファイルを書き込めませんでした: {reason}"),
            bug=self.tr("書き出しに失敗しました（{kind}）。詳細はログを確認してください。"),
            what="export",
            logger=log,
        )
