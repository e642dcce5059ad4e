"""ファイル → 年度レポート…: choose the 年度 and the 課, a file, then write the report in a worker.

The 年度 offered are those with projects plus the current one (chosen first); the 課 are すべて
and those in use (:func:`kyodo_desktop.services.annual_report.known_sections`). The file dialog
offers 「令和7年度_協働レポート.xlsx」 in the documents folder. The report is written by
:func:`kyodo_desktop.services.annual_report.export_annual_report` in a :class:`BackgroundTask`
behind the shared progress dialog with Cancel (:func:`kyodo_desktop.gui.tasks.show_progress`);
failures are told as the registry's export tells them
(:func:`kyodo_desktop.gui.organizations.export_flow.show_export_failure`).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from kyodo_desktop.domain.wareki import fiscal_year, fiscal_year_label
from kyodo_desktop.gui import dialogs, errors
from kyodo_desktop.gui.organizations.export_flow import show_export_failure
from kyodo_desktop.gui.tasks import BackgroundTask, show_progress
from kyodo_desktop.services.report_scope import ReportScope
from kyodo_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from kyodo_desktop.gui.main_window import MainWindow

__all__ = ["AnnualReportAction", "AnnualReportDialog", "default_file_name"]

log = logging.getLogger(__name__)


def default_file_name(scope: ReportScope) -> str:
    """「令和7年度_協働レポート.xlsx」 (with the 課 when narrowed: 「令和7年度_健康福祉課_協働レポート.xlsx」)."""
    parts = [scope.label, *([scope.section] if scope.section else []), "協働レポート"]
    return "_".join(parts) + ".xlsx"


class AnnualReportDialog(QDialog):
    """Asks the 年度 (those with projects and the current one) and the 課 (すべて or one)."""

    def __init__(self, years: list[int], sections: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("annualReportDialog")
        self.setWindowTitle(self.tr("年度レポート"))
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("管理職向けの年度レポート（Excel）を書き出します。")))
        current = fiscal_year(date.today())
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("reportYearCombo")
        for year in sorted({current, *years}, reverse=True):
            self.year_combo.addItem(fiscal_year_label(year), year)
        self.year_combo.setCurrentIndex(self.year_combo.findData(current))
        layout.addRow(self.tr("年度:"), self.year_combo)
        self.section_combo = QComboBox()
        self.section_combo.setObjectName("reportSectionCombo")
        self.section_combo.addItem(self.tr("すべて"), None)
        for section in sections:
            self.section_combo.addItem(section, section)
        layout.addRow(self.tr("課:"), self.section_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def scope(self) -> ReportScope:
        """The 年度 and 課 chosen."""
        return ReportScope(int(self.year_combo.currentData()), self.section_combo.currentData())


class AnnualReportAction(QObject):
    """The menu action ファイル → 年度レポート… of a window, and the run it starts."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.action = QAction(self.tr("年度レポート…"), window)
        self.action.setObjectName("annualReportAction")
        self.action.setToolTip(self.tr("年度の団体・事業・公平性・評価・引継ぎをまとめたExcelを書き出す"))
        self.action.triggered.connect(self.run)

    def _title(self) -> str:
        return self.tr("年度レポート")

    def run(self) -> BackgroundTask | None:
        """Ask the 年度, the 課 and the file, and write the report in the background."""
        window, ws = self._window, self._window.workspace
        if ws is None:
            return None
        from kyodo_desktop.services.annual_report import known_sections, report_years

        try:
            years, sections = report_years(ws), known_sections(ws)
        except Exception as exc:  # the data file unreadable: told like any other failure
            errors.show_error(window, self._title(), exc)
            return None
        ask = AnnualReportDialog(years, sections, window)
        try:
            if ask.exec() != QDialog.DialogCode.Accepted:
                return None
            scope = ask.scope()
        finally:
            ask.deleteLater()
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = str(Path(documents or Path.home()) / default_file_name(scope))
        chosen = dialogs.get_save_file_name(window, self._title(), default, self.tr("Excel ブック (*.xlsx)"))
        if not chosen:
            return None
        out = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
        return self._start(ws, out, scope)

    def _start(self, ws: Workspace, out: Path, scope: ReportScope) -> BackgroundTask:
        window = self._window

        def work(task: BackgroundTask) -> dict[str, int]:
            from kyodo_desktop.services.annual_report import export_annual_report

            return export_annual_report(ws, out, scope, progress=task.report)

        task = BackgroundTask(work, window)
        task.succeeded.connect(lambda _written: self._on_done(out))
        task.failed.connect(lambda exc: show_export_failure(window, self._title(), exc, log))
        show_progress(
            window,
            task,
            self._title(),
            self.tr("{name} に書き出しています…").format(name=out.name),
            cancellable=True,
        )
        window.tasks.start(task)
        return task

    def _on_done(self, out: Path) -> None:
        log.info("annual report written")
        dialogs.info(
            self._window, self._title(), self.tr("年度レポートを書き出しました。\n{path}").format(path=out)
        )
