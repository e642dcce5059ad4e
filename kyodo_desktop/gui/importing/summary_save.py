"""「Excelに保存」 of the review and result pages: the plan (and result) as a summary workbook.

Past projects are written by :func:`~kyodo_desktop.services.project_import_summary.write_project_import_summary`
(the workbook of ``kyodo projects import --summary``).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QLabel, QWidget

from kyodo_desktop.gui import dialogs, errors, styles
from kyodo_desktop.gui.importing.state import ImportState
from kyodo_desktop.gui.tasks import BackgroundTask
from kyodo_desktop.services.importing import ImportPlan, ImportSummary
from kyodo_desktop.services.project_import import ProjectImportPlan

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportWizard", text)


def save_summary(parent: QWidget, state: ImportState, status: QLabel) -> BackgroundTask | None:
    """Ask where to save, then write the summary .xlsx of the plan (and result) in a worker."""
    plan, summary = state.plan, state.summary
    if plan is None or state.busy:
        return None
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    stem = Path(plan.source_name).stem or "import"
    default = str(Path(documents or Path.home()) / f"取り込み結果_{stem}_{date.today():%Y%m%d}.xlsx")
    chosen = dialogs.get_save_file_name(
        parent, _tr("取り込みの内容をExcelに保存"), default, _tr("Excel ブック (*.xlsx)")
    )
    if not chosen:
        return None
    out = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")

    def work(_task: BackgroundTask) -> Path:
        if state.projects:
            from kyodo_desktop.services.project_import_summary import write_project_import_summary

            assert isinstance(plan, ProjectImportPlan)
            write_project_import_summary(plan, out)
            return out
        from kyodo_desktop.services.import_summary import write_import_summary

        assert isinstance(plan, ImportPlan)
        write_import_summary(plan, out, summary=summary if isinstance(summary, ImportSummary) else None)
        return out

    def succeeded(path: Path) -> None:
        status.setStyleSheet(styles.SUCCESS_STYLE)
        status.setText(_tr("保存しました: {path}").format(path=path))

    def failed(exc: Exception) -> None:
        status.setStyleSheet(styles.ERROR_STYLE)
        if isinstance(exc, ImportError):  # a broken bundle: say what is missing, not a bug id
            log.error("import summary writer unavailable", exc_info=exc)
            status.setText(_tr("Excelへの保存機能を読み込めませんでした。"))
            return
        status.setText(
            errors.error_text(
                exc,
                what="writing the import summary",
                file=_tr("保存できませんでした: {reason}"),
                bug=_tr("保存に失敗しました（{kind}）。詳細はログを確認してください。"),
            )
        )

    status.setText("")
    return state.host.run_task(
        work,
        title=_tr("取り込みの内容をExcelに保存"),
        label=_tr("{name} に保存しています…").format(name=out.name),
        on_success=succeeded,
        on_failure=failed,
        cancellable=False,
    )
