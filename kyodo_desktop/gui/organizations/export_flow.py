"""The registry's Excel export as the window runs it: ask the layout and a file, write, report.

What is written is what the list shows: when a search or filter is set, only the rows on screen.
The rows are written in the table's order on screen. The layout (一覧 for printing, 全項目 for
re-import) and the optional sheets of 連絡先 and 対応記録, and of 事業一覧・公平性チェック (every
project, so a filtered list for a partner need not carry them), are asked each time, the last
choice offered first (kept in the data folder's ``settings.json``; the project sheets are offered
ticked for the whole registry until the officer chooses). The write itself is ``services.export_xlsx``
(imported in the worker, so openpyxl is loaded only when someone exports); a progress dialog
with Cancel shows while it runs.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths
from PySide6.QtWidgets import QCheckBox, QWidget

from kyodo_desktop.gui import dialogs, errors
from kyodo_desktop.gui.tasks import BackgroundTask, TaskGroup, show_progress
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services import settings
from kyodo_desktop.services.workspace import Workspace

log = logging.getLogger(__name__)

#: The layouts as ``services.export_xlsx`` names them, 一覧 first (the window's default).
LAYOUTS: tuple[str, ...] = ("一覧", "全項目")
#: ``settings.json`` keys of the layout and the extra sheets chosen last.
LAYOUT_SETTING = "export_layout"
CONTACTS_SETTING = "export_with_contacts"
INTERACTIONS_SETTING = "export_with_interactions"
PROJECTS_SETTING = "export_with_projects"


@dataclass(frozen=True)
class ExportChoice:
    """What the officer chose: the layout and whether to add the 連絡先 and 対応記録 sheets, and
    the 事業一覧 and 公平性チェック sheets (written only when there are projects)."""

    layout: str
    contacts: bool
    interactions: bool
    projects: bool = True


class ExportFlow(QObject):
    """Exports the registry of ``workspace`` on behalf of ``owner`` (the parent of its dialogs)."""

    def __init__(self, workspace: Workspace, tasks: TaskGroup, owner: QWidget) -> None:
        super().__init__(owner)
        self._ws = workspace
        self._tasks = tasks
        self._owner = owner

    def _last_layout(self) -> int:
        value = settings.load_settings(self._ws.data_dir).get(LAYOUT_SETTING)
        return LAYOUTS.index(value) if value in LAYOUTS else 0

    def _remember(self, choice: ExportChoice) -> None:
        try:
            data = settings.load_settings(self._ws.data_dir)
            wanted = {
                LAYOUT_SETTING: choice.layout,
                CONTACTS_SETTING: choice.contacts,
                INTERACTIONS_SETTING: choice.interactions,
                PROJECTS_SETTING: choice.projects,
            }
            if any(data.get(key) != value for key, value in wanted.items()):
                settings.save_settings(self._ws.data_dir, {**data, **wanted})
        except KnownError as exc:  # a read-only folder: the choice is not kept, the export goes on
            log.info("export choice not remembered: %s", exc)

    def _ask(self, filtered: bool = False) -> ExportChoice | None:
        labels = [
            self.tr("一覧（印刷用: 主な列、A4横）"),
            self.tr("全項目（再インポート用: すべての列とID）"),
        ]
        last = settings.load_settings(self._ws.data_dir)
        contacts = QCheckBox(self.tr("連絡先のシートを加える"))
        contacts.setObjectName("exportContacts")
        contacts.setChecked(last.get(CONTACTS_SETTING) is True)
        interactions = QCheckBox(self.tr("対応記録のシートを加える"))
        interactions.setObjectName("exportInteractions")
        interactions.setChecked(last.get(INTERACTIONS_SETTING) is True)
        projects = QCheckBox(self.tr("事業一覧・公平性チェック・評価サマリーのシートも書き出す"))
        projects.setObjectName("exportProjects")
        projects.setToolTip(self.tr("すべての事業が載ります（絞り込んだ団体の事業だけではありません）"))
        remembered = last.get(PROJECTS_SETTING)
        projects.setChecked(remembered if isinstance(remembered, bool) else not filtered)
        index = dialogs.choose(
            self._owner,
            self.tr("Excelに書き出す"),
            self.tr("書き出す形式:"),
            labels,
            self._last_layout(),
            checks=[contacts, interactions, projects],
        )
        if index is None:
            return None
        return ExportChoice(
            LAYOUTS[index], contacts.isChecked(), interactions.isChecked(), projects.isChecked()
        )

    def run(self, ids: Sequence[str] | None = None) -> BackgroundTask | None:
        """Ask the layout, the extra sheets and a file, and write the registry in the background.

        ``ids`` (the rows on screen, in the table's order, when the list is filtered or sorted
        otherwise than by 団体名) limits the export to those records and orders it like the
        screen; None writes the whole registry in its own order. Cancel in the progress dialog
        stops it.
        """
        owner = self._owner
        choice = self._ask(filtered=ids is not None)
        if choice is None:
            return None
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = str(Path(documents or Path.home()) / f"団体台帳_{date.today():%Y%m%d}.xlsx")
        chosen = dialogs.get_save_file_name(
            owner, self.tr("Excelに書き出す"), default, self.tr("Excel ブック (*.xlsx)")
        )
        if not chosen:
            return None
        out = Path(chosen) if chosen.lower().endswith(".xlsx") else Path(chosen + ".xlsx")
        self._remember(choice)
        ws = self._ws
        chosen_ids = None if ids is None else list(ids)

        def work(task: BackgroundTask) -> int:
            from kyodo_desktop.services.export_xlsx import export_organizations

            return int(
                export_organizations(
                    ws,
                    out,
                    progress=task.report,
                    layout=choice.layout,
                    ids=chosen_ids,
                    in_given_order=True,
                    with_contacts=choice.contacts,
                    with_interactions=choice.interactions,
                    with_projects=choice.projects,
                )
            )

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
        show_export_failure(self._owner, self.tr("Excelに書き出す"), exc, log)


def show_export_failure(owner: QWidget, title: str, exc: Exception, logger: logging.Logger) -> None:
    """Tell why an Excel export failed (the registry's, the 年度レポート); a Cancel says nothing."""
    # the texts keep the context they had as ExportFlow's own (their translations stay)
    if isinstance(exc, ImportError):
        logger.error("export module unavailable", exc_info=exc)
        dialogs.error(
            owner,
            title,
            QCoreApplication.translate("ExportFlow", "Excel書き出しの機能を読み込めませんでした。"),
        )
        return
    from kyodo_desktop.services.export_xlsx import ExportCancelled

    if isinstance(exc, ExportCancelled):
        logger.info("export cancelled")
        return
    errors.show_error(
        owner,
        title,
        exc,
        file=QCoreApplication.translate("ExportFlow", "ファイルを書き込めませんでした: {reason}"),
        bug=QCoreApplication.translate(
            "ExportFlow", "書き出しに失敗しました（{kind}）。詳細はログを確認してください。"
        ),
        what="export",
        logger=logger,
    )
