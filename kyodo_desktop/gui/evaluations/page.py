"""The evaluations tab's content: the project list on the left, the chosen project's round on the
right with four sections — 入力 (the generated entry form), 相互評価 (the mutual view, charts and
results), 結論 (the joint conclusion) and 履歴 (the rounds across 年度 with the trend).

Reads and writes go through ``EvaluationService`` on the UI thread: one round is a few small
queries. A refused save (a stale version, a submitted evaluation, a bad date) is told in the
notice under the round bar in Japanese and the typed values stay in the form; anything else is
a bug for the crash dialog. A round is made when its first evaluation, result or conclusion is
saved, with the form, blind mode and third-party plan chosen in the round bar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.evaluation import Template
from kyodo_desktop.domain.wareki import fiscal_year
from kyodo_desktop.gui import errors
from kyodo_desktop.gui.evaluations.conclusion import ConclusionPanel
from kyodo_desktop.gui.evaluations.entry_form import EntryForm
from kyodo_desktop.gui.evaluations.history import HistoryModel, history_rows
from kyodo_desktop.gui.evaluations.labels import term
from kyodo_desktop.gui.evaluations.mutual import MutualPanel
from kyodo_desktop.gui.evaluations.project_list import ProjectList
from kyodo_desktop.gui.evaluations.round_bar import RoundBar
from kyodo_desktop.gui.evaluations.templates_dialog import TemplatesDialog
from kyodo_desktop.gui.projects.labels import year_label
from kyodo_desktop.gui.styles import ERROR_STYLE
from kyodo_desktop.gui.table_base import list_table
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.evaluation_records import EvaluationInput, EvaluationRecord, RoundRecord
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.project_records import ProjectRecord
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

T = TypeVar("T")


def _button(name: str, text: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


class EvaluationsPage(QWidget):
    """The evaluations of the chosen project; ``project_changed(str)`` after a stage move."""

    project_changed = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.service = EvaluationService(workspace)
        self.projects = ProjectService(workspace)
        self.project: ProjectRecord | None = None
        self.round: RoundRecord | None = None
        self.template: Template | None = None
        self.current: EvaluationRecord | None = None
        self._loaded_key: tuple[str, str, str] = ("", "", "")
        self._build()
        self.round_bar.offer_templates(self.service.latest_templates())
        self._show_project(None)

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("evaluationSplitter")
        self.list = ProjectList(self._ws)
        self.list.project_chosen.connect(lambda pid, year: self.open_project(pid, year or None))
        splitter.addWidget(self.list)
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(6, 0, 0, 0)
        self.header = QLabel()
        self.header.setObjectName("evaluationProjectHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        column.addWidget(self.header)
        self.round_bar = RoundBar()
        self.round_bar.round_changed.connect(self._load_round)
        self.round_bar.settings_changed.connect(self._on_settings_changed)
        self.round_bar.manage_templates.connect(self.manage_templates)
        column.addWidget(self.round_bar)
        self.notice = QLabel()
        self.notice.setObjectName("evaluationNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(ERROR_STYLE)
        self.notice.hide()
        column.addWidget(self.notice)
        self.sections = QTabWidget()
        self.sections.setObjectName("evaluationSections")
        self.sections.addTab(self._entry_section(), self.tr("入力"))
        self.mutual = MutualPanel()
        self.mutual.results_saved.connect(self._save_results)
        self.sections.addTab(self.mutual, self.tr("相互評価"))
        self.conclusion = ConclusionPanel()
        self.conclusion.record_button.clicked.connect(self.record_conclusion)
        self.conclusion.commitment_requested.connect(self.make_commitment)
        self.sections.addTab(self.conclusion, self.tr("結論"))
        self.history_model = HistoryModel(self)
        self.history = list_table("evaluationHistory", self.history_model, 5)
        self.sections.addTab(self.history, self.tr("履歴"))
        column.addWidget(self.sections, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([380, 900])
        layout.addWidget(splitter)

    def _entry_section(self) -> QWidget:
        section = QWidget()
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = EntryForm()
        self.form.side.currentIndexChanged.connect(lambda _n: self._load_evaluation(force=False))
        self.form.evaluator.editingFinished.connect(lambda: self._load_evaluation(force=False))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("evaluationStatus")
        buttons.addWidget(self.status_label, 1)
        self.reopen_button = _button("reopenEvaluationButton", self.tr("提出を取り消す"))
        self.reopen_button.clicked.connect(self.reopen)
        self.draft_button = _button("saveDraftButton", self.tr("下書き保存"))
        self.draft_button.clicked.connect(lambda: self.save(submit=False))
        self.submit_button = _button("submitEvaluationButton", self.tr("提出"))
        self.submit_button.clicked.connect(lambda: self.save(submit=True))
        for button in (self.reopen_button, self.draft_button, self.submit_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        return section

    # -- lists --------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the project list again."""
        self.list.reload()

    def shutdown(self) -> None:
        """Stop the list's reads."""
        self.list.shutdown()

    def manage_templates(self) -> TemplatesDialog:
        """Open 評価シートの管理; the form chooser is offered the saved forms afterwards."""
        dialog = TemplatesDialog(self._ws, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.templates_changed.connect(self._templates_changed)
        dialog.open()
        return dialog

    def _templates_changed(self) -> None:
        self.round_bar.offer_templates(self.service.latest_templates())
        self._load_round()

    # -- project and round --------------------------------------------------------------------
    def open_project(self, project_id: str, year: int | None = None) -> None:
        """Show ``project_id``'s evaluations, of ``year`` (its own 年度 by default)."""
        record = self._try(lambda: self.projects.get(project_id))
        if record is None:
            return
        self._show_project(record)
        phase = self.round_bar.key()[1]
        self.round_bar.set_key(year or record.data.fiscal_year or fiscal_year(date.today()), phase)
        self._load_round()

    def _show_project(self, record: ProjectRecord | None) -> None:
        self.project = record
        if record is None:
            self.header.setText(self.tr("左の一覧から事業を選んでください"))
        else:
            partner = record.partners[0].name if record.partners else ""
            self.header.setText(
                self.tr("{title}（{year}・{partner}）　段階: {stage}").format(
                    title=record.data.title,
                    year=year_label(record.data.fiscal_year),
                    partner=partner,
                    stage=term(record.stage, "ProjectTerm"),
                )
            )
            self.conclusion.stage_label.setText(
                self.tr("事業の段階: {stage}").format(stage=term(record.stage, "ProjectTerm"))
            )
        self._enable_for_project()

    def _enable_for_project(self) -> None:
        """Enable the right side only with a project chosen."""
        has = self.project is not None
        self.round_bar.setEnabled(has)
        self.sections.setEnabled(has)

    def _load_round(self) -> None:
        self.notice.hide()
        if self.project is None:
            return
        year, phase = self.round_bar.key()
        rounds = self._try(lambda: self.service.rounds_of_project(self.project.id if self.project else ""))
        self.round = next((r for r in rounds or [] if (r.fiscal_year, r.phase) == (year, phase)), None)
        evaluations = self._round_evaluations()
        self.round_bar.show_round(self.round, locked_form=bool(evaluations))
        template_id = self.round.template_id if self.round else self.round_bar.template_id()
        self.template = self.service.template(template_id).template if template_id else None
        if self.template is not None:
            self.form.set_template(self.template)
        self.conclusion.show_round(self.round)
        self._show_tracked()
        self._load_evaluation()
        self._refresh_views()

    def _round_evaluations(self) -> list[EvaluationRecord]:
        if self.round is None or self.project is None:
            return []
        key = (self.round.fiscal_year, self.round.phase)
        return [
            e for e in self.service.evaluations_of_project(self.project.id) if (e.fiscal_year, e.phase) == key
        ]

    def _on_settings_changed(self) -> None:
        if self.round is None:  # a new round: the form shown follows the choice
            template_id = self.round_bar.template_id()
            if template_id:
                self.template = self.service.template(template_id).template
                self.form.set_template(self.template)
                self._load_evaluation()
            return
        r = self.round
        updated = self._try(
            lambda: self.service.update_round(
                r.id,
                template_id=self.round_bar.template_id(),
                blind=self.round_bar.blind.isChecked(),
                third_party_planned=self.round_bar.third_party.isChecked(),
                expected_version=r.version,
            )
        )
        if updated is None:  # refused (told in the notice): the bar shows the stored settings again
            self.round_bar.show_round(r, locked_form=bool(self._round_evaluations()))
            return
        self.round = updated
        self._load_round()

    def _ensure_round(self) -> RoundRecord:
        if self.round is None:
            assert self.project is not None
            year, phase = self.round_bar.key()
            self.round = self.service.round_for(
                self.project.id,
                year,
                phase,
                template_id=self.round_bar.template_id(),
                blind=self.round_bar.blind.isChecked(),
                third_party_planned=self.round_bar.third_party.isChecked(),
            )
        return self.round

    # -- the entry form -----------------------------------------------------------------------
    def _load_evaluation(self, *, force: bool = True) -> None:
        """Show the stored evaluation of the side and name chosen.

        Leaving the name field (``force`` False) reloads only when side or name really changed,
        and scores typed before the name are kept when that evaluator has nothing stored yet.
        """
        side = str(self.form.side.currentData())
        name = self.form.evaluator.text().strip()
        key = (self.round.id if self.round else "", side, name)
        if not force and key == self._loaded_key:
            return
        self._loaded_key = key
        shown = self.current
        self.current = next(
            (e for e in self._round_evaluations() if e.side == side and e.evaluator_name == name), None
        )
        if force or self.current is not None or shown is not None:
            self.form.show_record(self.current)
        self._update_entry_state()

    def _update_entry_state(self) -> None:
        write = self._ws.writable and self.project is not None
        submitted = self.current is not None and self.current.submitted
        self.form.set_editable(write and not submitted)
        self.draft_button.setEnabled(write and not submitted)
        self.submit_button.setEnabled(write and not submitted)
        self.reopen_button.setEnabled(write and submitted)
        self.conclusion.record_button.setEnabled(write)
        if self.current is None:
            self.status_label.setText(self.tr("未入力"))
        elif submitted:
            self.status_label.setText(self.tr("提出済み（{total}）").format(total=self.current.total.points))
        else:
            self.status_label.setText(self.tr("下書き（{total}）").format(total=self.current.total.points))

    def save(self, *, submit: bool) -> EvaluationRecord | None:
        """下書き保存 / 提出: store the form's values (the round made if needed)."""
        if self.project is None:
            return None
        project = self.project
        current = self.current

        def store() -> EvaluationRecord:
            r = self._ensure_round()
            data = EvaluationInput(
                project.id,
                r.fiscal_year,
                r.phase,
                str(self.form.side.currentData()),
                evaluator_name=self.form.evaluator.text(),
                scores=self.form.scores(),
                overall_comment=self.form.overall_comment.toPlainText(),
                overall_grade=str(self.form.grade.currentData() or ""),
                evaluated_on=self.form.evaluated_date(),
                submit=submit,
            )
            return self.service.save_evaluation(data, expected_version=current.version if current else None)

        saved = self._try(store)
        if saved is not None:
            self.current = saved
            self._after_write()
        return saved

    def reopen(self) -> None:
        """提出を取り消す: the submitted evaluation becomes a draft again."""
        current = self.current
        if current is None:
            return
        reopened = self._try(lambda: self.service.reopen_evaluation(current.id, current.version))
        if reopened is not None:
            self._after_write()

    # -- results and conclusion -----------------------------------------------------------------
    def _save_results(self, results: dict[int, str]) -> None:
        if self._try(lambda: self.service.save_target_results(self._ensure_round().id, results)) is not None:
            self._after_write()

    def record_conclusion(self) -> RoundRecord | None:
        """結論を記録: the conclusion stored; a 最終 one moves the project (its new stage shown)."""
        if self.project is None:
            return None
        project_id = self.project.id

        def store() -> RoundRecord:
            r = self._ensure_round()
            return self.service.record_conclusion(
                r.id,
                str(self.conclusion.direction.currentData() or ""),
                self.conclusion.comment.toPlainText(),
                self.conclusion.decided_date(),
                self.conclusion.typed_actions(),
                r.version,
            )

        recorded = self._try(store)
        if recorded is not None:
            before = self.project.stage
            self._after_write()
            if self.project is not None and self.project.stage != before:
                self.project_changed.emit(project_id)
        return recorded

    def make_commitment(self, action_id: int) -> str | None:
        """約束・宿題にする: the improvement action tracked on the project (and its main partner)."""
        made = self._try(lambda: CommitmentService(self._ws).add_from_improvement_action(action_id))
        self._show_tracked()
        return made

    def _show_tracked(self) -> None:
        ids = [a.id for a in self.round.actions if a.id is not None] if self.round else []
        tracked = CommitmentService(self._ws).tracked_actions(ids) if ids else {}
        self.conclusion.set_tracked(tracked, writable=self._ws.writable)

    # -- after a change -----------------------------------------------------------------------
    def _after_write(self) -> None:
        assert self.project is not None
        record = self._try(lambda: self.projects.get(self.project.id if self.project else ""))
        if record is not None:
            self._show_project(record)
        self._load_round()
        self.list.reload()

    def _refresh_views(self) -> None:
        r = self.round
        if r is None or self.project is None:
            self.mutual.show_view(None)
            self.mutual.show_targets([], False)
        else:
            self.mutual.show_view(self.service.mutual_view(r.id))
            self.mutual.show_targets(self.service.target_rows(r.id), self._ws.writable)
        rounds = self.service.rounds_of_project(self.project.id) if self.project else []
        self.history_model.set_rows(history_rows([self.service.mutual_view(x.id) for x in rounds]))
        self._update_entry_state()

    def _try(self, fn: Callable[[], T]) -> T | None:
        """``fn()``, or None with a known error told in the notice (a bug propagates)."""
        try:
            result = fn()
        except Exception as exc:
            if errors.known_text(exc) is None:
                raise
            errors.show_inline(self.notice, exc)
            return None
        self.notice.hide()
        return result
