"""The 事業 tab's changes to the selected project: 段階を進める…, 経過を記録…, ゴミ箱へ移動 / 元に戻す.

Split from the tab so that it stays a list with a detail view; the tab keeps delegating methods
(``advance_stage``, ``add_log_entry``, ``move_to_trash``) and tells the outcome through its own
``project_changed`` signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from kyodo_desktop.gui import dialogs, errors

if TYPE_CHECKING:
    from kyodo_desktop.gui.projects.stage_dialog import LogEntryDialog, StageDialog
    from kyodo_desktop.gui.projects.tab import ProjectsTab


class ProjectChanges(QObject):
    """Opens the stage and log dialogs and moves projects to or out of the trash for ``tab``."""

    def __init__(self, tab: ProjectsTab) -> None:
        super().__init__(tab)
        self._tab = tab

    def advance_stage(self) -> StageDialog | None:
        """段階を進める…: the stage dialog of the selected project (shown, not waited for)."""
        tab = self._tab
        record = tab.detail.record
        if record is None or not tab.writable:
            return None
        from kyodo_desktop.gui.projects.stage_dialog import StageDialog

        project_id, version = record.id, record.version
        service = tab.service()
        dialog = StageDialog(
            record.stage,
            lambda stage, on, note: service.change_stage(
                project_id, stage, changed_on=on, note=note, expected_version=version
            ),
            tab,
        )
        self._present(dialog, project_id)
        return dialog

    def add_log_entry(self) -> LogEntryDialog | None:
        """経過を記録…: the log entry dialog of the selected project (shown, not waited for)."""
        tab = self._tab
        record = tab.detail.record
        if record is None or not tab.writable:
            return None
        from kyodo_desktop.gui.projects.stage_dialog import LogEntryDialog

        project_id = record.id
        service = tab.service()
        dialog = LogEntryDialog(lambda on, text: service.add_log(project_id, on, text), tab)
        self._present(dialog, project_id)
        dialog.accepted.connect(lambda: tab.detail.tabs.setCurrentWidget(tab.detail.log_tab))
        return dialog

    def _present(self, dialog: StageDialog | LogEntryDialog, project_id: str) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._tab.after_change(project_id))
        dialog.refused.connect(lambda exc: self._on_refused(project_id, exc))
        dialog.open()

    def _on_refused(self, project_id: str, exc: Exception) -> None:
        errors.show_error(self._tab, self.tr("保存できません"), exc)
        self._tab.after_change(project_id, changed=False)

    def move_to_trash(self) -> bool:
        """ゴミ箱へ移動 (or 元に戻す in the trash) for the selected project, after asking."""
        tab = self._tab
        record = tab.detail.record
        if record is None or not tab.writable:
            return False
        restore = tab.trash_mode
        title = record.data.title
        if restore:
            question = self.tr("事業「{title}」をゴミ箱から元に戻しますか？").format(title=title)
            ok_text = self.tr("元に戻す")
        else:
            question = self.tr("事業「{title}」をゴミ箱へ移動しますか？（後で元に戻せます）").format(
                title=title
            )
            ok_text = self.tr("ゴミ箱へ移動")
        if not dialogs.confirm(tab, self.tr("事業"), question, ok_text=ok_text):
            return False
        try:
            (tab.service().restore if restore else tab.service().delete)(record.id)
        except Exception as exc:
            if errors.known_text(exc) is None:
                raise
            errors.show_error(tab, self.tr("事業"), exc)
            return False
        tab.table.clearSelection()
        tab.detail.clear()
        tab.reload()
        tab.project_changed.emit(record.id)
        return True
