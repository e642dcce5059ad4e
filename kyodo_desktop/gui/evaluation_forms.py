"""The partner's evaluation form (評価シート) from the window: write it out, take it back in.

Two entry points the evaluations tab and the ファイル menu call:

* :func:`export_form` — a small dialog (記入する人 団体/第三者, 年度, 時期), the house's save
  dialog with ``評価シート_事業名_令和N年度.xlsx`` offered, then the workbook written in a worker;
* :func:`import_form` — the house's open dialog, the returned workbook checked and stored in a
  worker (:func:`kyodo_desktop.services.evaluation_form_import.import_partner_form`), then either
  what was stored or every problem, one line each.

:class:`EvaluationFormActions` holds the two menu actions of the main window: 書き出す works
on the project selected in the 事業 tab (or asks for one).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from kyodo_desktop.domain.wareki import fiscal_year, fiscal_year_label
from kyodo_desktop.gui import dialogs, errors
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup, show_progress
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from kyodo_desktop.gui.main_window import MainWindow
    from kyodo_desktop.services.evaluation_form_import import FormImport

__all__ = ["EvaluationFormActions", "ExportFormDialog", "export_form", "import_form"]

log = logging.getLogger(__name__)
_SIDES = ("団体", "第三者")
_PHASES = ("最終", "中間")
#: used when the caller gives no task group and its window has none (kept until the app ends)
_FALLBACK_TASKS = TaskGroup()


def _tr(text: str) -> str:
    return QCoreApplication.translate("EvaluationForms", text)


def _tasks_of(parent: QWidget, tasks: TaskGroup | None) -> TaskGroup:
    if tasks is not None:
        return tasks
    found = getattr(parent.window(), "tasks", None)
    return found if isinstance(found, TaskGroup) else _FALLBACK_TASKS


def _documents() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(folder) if folder else Path.home()


class ExportFormDialog(QDialog):
    """Asks who fills the form, for which 年度 and 時期 (the project's 年度 and 最終 offered)."""

    def __init__(self, title: str, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportFormDialog")
        self.setWindowTitle(self.tr("評価シートを書き出す"))
        layout = QFormLayout(self)
        layout.addRow(QLabel(self.tr("事業: {title}").format(title=title)))
        self.side_combo = QComboBox()
        self.side_combo.setObjectName("formSideCombo")
        self.side_combo.addItem(self.tr("団体（パートナー）"), "団体")
        self.side_combo.addItem(self.tr("第三者（評価委員など）"), "第三者")
        layout.addRow(self.tr("記入する人:"), self.side_combo)
        self.year_combo = QComboBox()
        self.year_combo.setObjectName("formYearCombo")
        now = fiscal_year(date.today())
        for y in range(min(year, now) - 3, max(year, now) + 2):
            self.year_combo.addItem(fiscal_year_label(y), y)
        self.year_combo.setCurrentIndex(self.year_combo.findData(year))
        layout.addRow(self.tr("年度:"), self.year_combo)
        self.phase_combo = QComboBox()
        self.phase_combo.setObjectName("formPhaseCombo")
        self.phase_combo.addItem(self.tr("最終評価"), "最終")
        self.phase_combo.addItem(self.tr("中間評価"), "中間")
        layout.addRow(self.tr("評価の時期:"), self.phase_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def choice(self) -> tuple[str, int, str]:
        """``(side, 年度, phase)`` as chosen."""
        return (
            self.side_combo.currentData(),
            int(self.year_combo.currentData()),
            self.phase_combo.currentData(),
        )


def export_form(
    parent: QWidget, workspace: Workspace, project_id: str, *, tasks: TaskGroup | None = None
) -> BackgroundTask | None:
    """Ask side, 年度, 時期 and a file, then write the form of ``project_id`` in a worker."""
    title = _tr("評価シートを書き出す")
    from kyodo_desktop.services.projects import ProjectService

    try:
        project = ProjectService(workspace).get(project_id)
    except KnownError as exc:
        errors.show_error(parent, title, exc)
        return None
    year = project.data.fiscal_year or fiscal_year(date.today())
    ask = ExportFormDialog(project.data.title, year, parent)
    try:
        if ask.exec() != QDialog.DialogCode.Accepted:
            return None
        side, year, phase = ask.choice()
    finally:
        ask.deleteLater()
    from kyodo_desktop.services.evaluation_form_import import form_file_name

    default = str(_documents() / form_file_name(project.data.title, year, side))
    chosen = dialogs.get_save_file_name(parent, title, default, _tr("Excel ブック (*.xlsx)"))
    if not chosen:
        return None
    out = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")

    def work(_task: BackgroundTask) -> str:
        from kyodo_desktop.services.evaluation_form_import import export_partner_form

        return export_partner_form(workspace, project_id, out, side=side, fiscal_year=year, phase=phase)

    def done(_form_id: Any) -> None:
        dialogs.info(
            parent,
            title,
            _tr(
                "評価シート（{side}用）を書き出しました。記入してもらい、返送されたら「記入済み評価シートを取り込む」で取り込みます。\n{path}"
            ).format(side=side, path=out),
        )

    def failed(exc: Exception) -> None:
        errors.show_error(
            parent,
            title,
            exc,
            file=_tr("ファイルを書き込めませんでした: {reason}"),
            bug=_tr("評価シートを書き出せませんでした（{kind}）。詳細はログを確認してください。"),
            what="evaluation form export",
            logger=log,
        )

    return _start(
        parent, tasks, work, done, failed, title, _tr("{name} に書き出しています…").format(name=out.name)
    )


def refusal_text(exc: KnownError) -> str:
    """A refused form's message: the first line, then each problem as a ・ line."""
    problems = getattr(exc, "problems", None)
    if not problems:
        return str(exc)
    head = str(exc).splitlines()[0]
    return "\n".join([head, *(f"・{p}" for p in problems)]) + "\n\n" + _tr("何も取り込んでいません。")


def import_form(
    parent: QWidget,
    workspace: Workspace,
    *,
    tasks: TaskGroup | None = None,
    on_imported: Callable[[FormImport], None] | None = None,
) -> BackgroundTask | None:
    """Ask for a returned form, check and store it in a worker, then tell what happened."""
    title = _tr("記入済み評価シートを取り込む")
    chosen = dialogs.get_open_file_name(parent, title, str(_documents()), _tr("Excel ブック (*.xlsx)"))
    if not chosen:
        return None
    path = Path(chosen)

    def work(_task: BackgroundTask) -> FormImport:
        from kyodo_desktop.services.evaluation_form_import import import_partner_form

        return import_partner_form(workspace, path)

    def done(result: FormImport) -> None:
        e = result.evaluation
        dialogs.info(
            parent,
            title,
            _tr(
                "事業「{title}」の{year}{phase}評価（{side}、記入者: {name}）を取り込みました。合計 {points}/{maximum}。\n"
                "取り込みの履歴から取り消せます。"
            ).format(
                title=result.project_title,
                year=fiscal_year_label(e.fiscal_year),
                phase=e.phase,
                side=e.side,
                name=e.evaluator_name,
                points=e.total.points,
                maximum=e.total.maximum,
            ),
        )
        if on_imported is not None:
            on_imported(result)

    def failed(exc: Exception) -> None:
        if isinstance(exc, KnownError):
            dialogs.warning(parent, title, refusal_text(exc))
            return
        errors.show_error(
            parent,
            title,
            exc,
            file=_tr("ファイルを読み込めませんでした: {reason}"),
            bug=_tr("評価シートを取り込めませんでした（{kind}）。詳細はログを確認してください。"),
            what="evaluation form import",
            logger=log,
        )

    return _start(
        parent, tasks, work, done, failed, title, _tr("{name} を確かめています…").format(name=path.name)
    )


def _start(
    parent: QWidget,
    tasks: TaskGroup | None,
    work: Callable[[BackgroundTask], Any],
    done: Callable[[Any], None],
    failed: Callable[[Exception], None],
    title: str,
    label: str,
) -> BackgroundTask:
    task = BackgroundTask(work, parent)
    task.succeeded.connect(done)
    task.failed.connect(failed)
    show_progress(parent, task, title, label, cancellable=False, delay_ms=300)
    _tasks_of(parent, tasks).start(task)
    return task


class EvaluationFormActions(QObject):
    """ファイル → 評価シートを書き出す（団体・第三者用）… / 記入済み評価シートを取り込む… of a window.

    ``imported`` carries the stored evaluation's id, so the window can refresh what shows it.
    """

    imported = Signal(str)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.export_action = QAction(self.tr("評価シートを書き出す（団体・第三者用）…"), window)
        self.export_action.setObjectName("exportEvaluationFormAction")
        self.export_action.setToolTip(self.tr("事業タブで選んだ事業の評価シート（Excel）を書き出す"))
        self.export_action.triggered.connect(self.export_selected)
        self.import_action = QAction(self.tr("記入済み評価シートを取り込む…"), window)
        self.import_action.setObjectName("importEvaluationFormAction")
        self.import_action.triggered.connect(self.import_returned)

    def update_enabled(self) -> None:
        """Both write to the data file (the round is made on export): the write lock is needed."""
        ws = self._window.workspace
        for action in (self.export_action, self.import_action):
            action.setEnabled(ws is not None and ws.writable)

    def export_selected(self) -> BackgroundTask | None:
        """Export the form of the project selected in the 事業 tab (or say to choose one)."""
        window, ws = self._window, self._window.workspace
        if ws is None:
            return None
        tab = window.projects_tab
        project_id = tab.current_id() if tab is not None else None
        if project_id is None:
            dialogs.info(
                window,
                self.tr("評価シートを書き出す"),
                self.tr("評価シートを書き出す事業を、事業タブの一覧で選んでから、もう一度選んでください。"),
            )
            if window.tabs is not None and tab is not None:
                window.tabs.setCurrentWidget(tab)
            return None
        return export_form(window, ws, project_id, tasks=window.tasks)

    def import_returned(self) -> BackgroundTask | None:
        """Take a returned form back in."""
        ws = self._window.workspace
        if ws is None:
            return None
        return import_form(
            self._window,
            ws,
            tasks=self._window.tasks,
            on_imported=lambda r: self.imported.emit(r.evaluation.id),
        )
