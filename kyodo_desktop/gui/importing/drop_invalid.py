"""The review page's 「誤りのある値を除いて取り込む」: the rows planned again without their invalid values.

Government lists carry values that fail validation on rows whose organization is real (a
法人番号 Excel rounded, a phone cell holding a name). Ticked, the rows are planned again in a
worker (:func:`~kyodo_desktop.services.importing.replan`): each such row is imported without
those values, each value left out listed in the review's problem list; only a row whose 団体名 is
wrong stays an error. Past projects are planned again from the state's converted rows
(:func:`~kyodo_desktop.services.project_import.plan_projects`, as ``--drop-invalid``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox

from kyodo_desktop.gui import errors
from kyodo_desktop.gui.importing.state import ImportState
from kyodo_desktop.services.importing import ImportCancelled, ImportPlan, replan
from kyodo_desktop.services.project_import import ProjectImportPlan, plan_projects


class DropInvalidCheck(QCheckBox):
    """The check box; shown while the plan has errors or was made without invalid values.

    Signals: ``replanned(object)`` with the new :class:`ImportPlan` (already the state's plan),
    or None when planning again failed or was cancelled (the plan under review stands);
    ``failed(str)`` with the message to show when it failed.
    """

    replanned = Signal(object)
    failed = Signal(str)

    def __init__(self, state: ImportState) -> None:
        super().__init__(self.tr("誤りのある値を除いて取り込む(&D)"))
        self.state = state
        self._plan: ImportPlan | ProjectImportPlan | None = None
        self.setObjectName("dropInvalidCheck")
        self._organization_tip = self.tr(
            "検査数字の合わない法人番号や電話番号でない電話番号などを取り込まずに、団体は登録します。"
            "除いた値は「問題のある行」に出ます。団体名の誤りは除けません。"
        )
        self.setToolTip(self._organization_tip)
        self.toggled.connect(self._on_toggled)

    def show_plan(self, plan: ImportPlan | ProjectImportPlan | None) -> None:
        """Reflect ``plan`` (the one under review) without planning again."""
        self._plan = plan
        if isinstance(plan, ProjectImportPlan):
            self.setToolTip(
                self.tr(
                    "金額として読めない値（「＠21,600円ほか」など）や日付として読めない値を取り込まずに、"
                    "事業は登録します。除いた値は「問題のある行」に出ます。事業名・団体名・年度の誤りは除けません。"
                )
            )
        else:
            self.setToolTip(self._organization_tip)
        self.blockSignals(True)
        self.setChecked(plan is not None and plan.drop_invalid)
        self.blockSignals(False)
        self.setVisible(plan is not None and (plan.has_errors or plan.drop_invalid))

    def _on_toggled(self, checked: bool) -> None:
        plan, state = self._plan, self.state
        if plan is None or state.busy:
            self.show_plan(plan)
            return
        ws = state.ws
        if isinstance(plan, ProjectImportPlan):
            rows, name = state.rows, plan.source_name

            def work(task: Any) -> Any:
                return plan_projects(ws, rows, source_name=name, drop_invalid=checked, progress=task.report)

        else:
            organizations = plan

            def work(task: Any) -> Any:
                return replan(ws, organizations, drop_invalid=checked, progress=task.report)

        state.host.run_task(
            work,
            title=self.tr("取り込みの確認"),
            label=self.tr("行をもう一度確かめています…"),
            on_success=self._on_replanned,
            on_failure=self._on_failed,
        )

    def _on_replanned(self, plan: ImportPlan | ProjectImportPlan) -> None:
        state = self.state
        if state.plan_key is not None:
            state.set_plan(plan, state.plan_key, mapping=state.mapping)  # the rows stay the state's
        else:
            state.plan = plan
        self.replanned.emit(plan)

    def _on_failed(self, exc: Exception) -> None:
        self.show_plan(self._plan)
        self.replanned.emit(None)
        if not isinstance(exc, ImportCancelled):
            self.failed.emit(
                errors.error_text(
                    exc,
                    what="planning the import",
                    bug=self.tr("照合に失敗しました（{kind}）。詳細はログを確認してください。"),
                )
            )
