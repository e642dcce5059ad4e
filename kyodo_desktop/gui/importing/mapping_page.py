"""Step 2 of the import wizard (Excel and CSV lists): which column feeds which target.

The targets are the import kind's (:class:`~kyodo_desktop.domain.import_kind.ImportKind`); the
mapping is proposed, or taken from a saved template, by the import pipeline
(:func:`~kyodo_desktop.services.import_pipeline.choose_mapping`), and 次へ plans the rows in a
worker (:func:`~kyodo_desktop.services.import_pipeline.plan`).

For past projects the page also gives every row the same values (``--set``:
:class:`~kyodo_desktop.gui.importing.fixed_values.FixedValuesBox`), and 次へ converts and plans
through :mod:`kyodo_desktop.services.project_import`, as ``kyodo projects import``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from kyodo_desktop.domain.column_mapping import IGNORE, column_letter, mapping_by_header
from kyodo_desktop.domain.importing import ImportFileError
from kyodo_desktop.gui import dialogs, errors, styles
from kyodo_desktop.gui.importing.fixed_values import FixedValuesBox
from kyodo_desktop.gui.importing.state import ImportState
from kyodo_desktop.gui.importing.widgets import SubmitLineEdit, message_label, show_message
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services import import_lists
from kyodo_desktop.services.import_lists import SourceTable
from kyodo_desktop.services.import_pipeline import ImportSource, choose_mapping, plan
from kyodo_desktop.services.importing import ImportPlan
from kyodo_desktop.services.project_import import ProjectImportPlan, convert_project_list, plan_projects


class MappingPage(QWizardPage):
    """Step 2 (Excel and CSV lists): which column feeds which field, proposed from the headers;
    templates save and re-apply a mapping.

    The choosers stay in view: the one with the focus is scrolled into sight (Tab through a
    list of 40 columns), and the mouse wheel over a chooser that has no focus scrolls the list
    instead of changing that column's target under the pointer.
    """

    def __init__(self, state: ImportState) -> None:
        super().__init__()
        self.state = state
        self.setObjectName("importMappingPage")
        self.setTitle(self.tr("列の対応を確かめる"))
        self.setSubTitle(
            self.tr(
                "ファイルの列ごとに、どの項目として取り込むかを選んでください。見出しから自動で選んであります。"
            )
        )
        self._table: import_lists.SourceTable | None = None
        self._combos: list[QComboBox] = []
        self._planned = False

        layout = QVBoxLayout(self)
        templates = QHBoxLayout()
        template_label = QLabel(self.tr("テンプレート(&T):"))
        self.template_combo = QComboBox()
        self.template_combo.setObjectName("templateCombo")
        self.template_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.template_combo.setMinimumContentsLength(12)
        self.template_combo.activated.connect(self._on_template_activated)
        template_label.setBuddy(self.template_combo)
        templates.addWidget(template_label)
        templates.addWidget(self.template_combo)
        templates.addStretch(1)
        name_label = QLabel(self.tr("名前(&N):"))
        self.template_name_edit = SubmitLineEdit()
        self.template_name_edit.setObjectName("templateNameEdit")
        self.template_name_edit.setPlaceholderText(self.tr("例: 市民活動団体名簿"))
        self.template_name_edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("国" * 14))
        self.template_name_edit.submitted.connect(self._on_save_template)
        name_label.setBuddy(self.template_name_edit)
        self.save_template_button = QPushButton(self.tr("テンプレートとして保存"))
        self.save_template_button.setObjectName("saveTemplateButton")
        self.save_template_button.setAutoDefault(False)
        self.save_template_button.clicked.connect(self._on_save_template)
        templates.addWidget(name_label)
        templates.addWidget(self.template_name_edit)
        templates.addWidget(self.save_template_button)
        layout.addLayout(templates)
        self.template_status = message_label("templateStatus")
        layout.addWidget(self.template_status)

        self.mapping_area = QScrollArea()
        self.mapping_area.setObjectName("mappingArea")
        self.mapping_area.setWidgetResizable(True)
        # room for several columns however small the wizard is made
        self.mapping_area.setMinimumHeight(self.fontMetrics().height() * 12)
        layout.addWidget(self.mapping_area, 1)
        self.fixed_box = FixedValuesBox()
        self.fixed_box.changed.connect(self.completeChanged.emit)
        layout.addWidget(self.fixed_box)
        self.error_label = message_label("mappingError")
        layout.addWidget(self.error_label)

    # -- building -----------------------------------------------------------------------------
    def initializePage(self) -> None:
        source = self.state.source
        table = source.table if source is not None else None
        if source is not None and table is not None and table is not self._table:
            self._build(source, table)
        self.fixed_box.setVisible(self.state.projects)
        self.template_name_edit.setPlaceholderText(
            self.tr("例: 随意契約の一覧") if self.state.projects else self.tr("例: 市民活動団体名簿")
        )
        self._refresh_templates()
        show_message(self.template_status, "")
        self._update_problems()
        if self._combos:
            self._combos[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def _build(self, source: ImportSource, table: SourceTable) -> None:
        self._table = table
        labels = self.state.kind.labels
        self._combos = []
        host = QWidget()
        grid = QGridLayout(host)
        for column, text in enumerate(
            (self.tr("列"), self.tr("ファイルの見出し"), self.tr("例"), self.tr("取り込み先"))
        ):
            heading = QLabel(f"<b>{text}</b>")
            grid.addWidget(heading, 0, column)
        proposed = choose_mapping(source)
        for index, header in enumerate(table.headers):
            row = index + 1
            letter = QLabel(column_letter(index))
            letter.setStyleSheet(styles.HINT_STYLE)
            header_label = QLabel(header.strip() or self.tr("（見出しなし）"))
            sample = QLabel(self._sample(table, index))
            sample.setStyleSheet(styles.HINT_STYLE)
            sample.setTextFormat(Qt.TextFormat.PlainText)
            combo = QComboBox()
            combo.setObjectName(f"mapCombo{index}")
            combo.setAccessibleName(
                self.tr("「{header}」の取り込み先").format(header=header.strip() or column_letter(index))
            )
            combo.setMaxVisibleItems(len(labels))
            combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # no focus, hence no change, by the wheel
            combo.installEventFilter(self)
            combo.addItem(self.tr(labels[IGNORE]), IGNORE)
            for target in self.state.kind.targets:
                combo.addItem(self.tr(target.label), target.field)
            combo.setCurrentIndex(max(combo.findData(proposed.get(index, IGNORE)), 0))
            combo.currentIndexChanged.connect(self._on_combo_changed)
            header_label.setBuddy(combo)
            grid.addWidget(letter, row, 0)
            grid.addWidget(header_label, row, 1)
            grid.addWidget(sample, row, 2)
            grid.addWidget(combo, row, 3)
            self._combos.append(combo)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(table.headers) + 1, 1)
        self.mapping_area.setWidget(host)  # the previous host is deleted with its combos
        previous = None
        for combo in self._combos:
            if previous is not None:
                QWidget.setTabOrder(previous, combo)
            previous = combo

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QComboBox) and watched in self._combos:
            if event.type() == QEvent.Type.FocusIn:
                self.mapping_area.ensureWidgetVisible(watched)
            elif event.type() == QEvent.Type.Wheel and not watched.hasFocus():
                QApplication.sendEvent(self.mapping_area.verticalScrollBar(), event)
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def _sample(table: SourceTable, index: int) -> str:
        """Up to two different values of the column, to tell columns apart."""
        seen: list[str] = []
        for _number, cells in table.rows[:200]:
            value = " ".join(cells[index].split()) if index < len(cells) else ""
            if value and value not in seen:
                seen.append(value if len(value) <= 24 else value[:23] + "…")
                if len(seen) == 2:
                    break
        return "、".join(seen)

    # -- the mapping --------------------------------------------------------------------------
    def mapping(self) -> dict[int, str]:
        """Column index → target, as chosen now."""
        return {index: str(combo.currentData()) for index, combo in enumerate(self._combos)}

    def set_mapping(self, mapping: dict[int, str]) -> None:
        """Choose ``mapping`` in the combos (columns not in it: 取り込まない)."""
        for index, combo in enumerate(self._combos):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(mapping.get(index, IGNORE)), 0))
            combo.blockSignals(False)
        self._on_mapping_changed()

    def _headers(self) -> list[str]:
        return self._table.headers if self._table is not None else []

    def _problems(self) -> list[str]:
        if self._table is None:
            return []
        return self.state.kind.mapping_problems(self.mapping(), self._headers())

    def _on_combo_changed(self, _index: int) -> None:
        # The officer changed a column: the mapping is no longer the template's.
        self.template_combo.setCurrentIndex(0)
        self._on_mapping_changed()

    def _on_mapping_changed(self) -> None:
        self._update_problems()
        self.completeChanged.emit()

    def _update_problems(self) -> None:
        problems = self._problems()
        show_message(self.error_label, "\n".join(problems))

    def isComplete(self) -> bool:
        return self._table is not None and not self._problems()

    # -- templates ----------------------------------------------------------------------------
    def _refresh_templates(self, select: str = "") -> None:
        names = import_lists.template_names(self.state.ws.data_dir, kind=self.state.kind)
        self.template_combo.blockSignals(True)
        self.template_combo.clear()
        self.template_combo.addItem(
            self.tr("（テンプレートを選ぶ）") if names else self.tr("（保存したテンプレートはありません）"),
            "",
        )
        for name in names:
            self.template_combo.addItem(name, name)
        self.template_combo.setCurrentIndex(max(self.template_combo.findData(select), 0))
        self.template_combo.setEnabled(bool(names))
        self.template_combo.blockSignals(False)

    def _on_template_activated(self, index: int) -> None:
        name = self.template_combo.itemData(index)
        source = self.state.source
        if not name or self._table is None or source is None:
            return
        try:
            template = import_lists.load_mapping_template(self.state.ws.data_dir, name, kind=self.state.kind)
        except (ImportFileError, KnownError) as exc:
            show_message(self.template_status, str(exc))
            return
        self.set_mapping(choose_mapping(source, template=template))
        show_message(
            self.template_status,
            self.tr("テンプレート「{name}」の対応を選びました。").format(name=name),
            styles.SUCCESS_STYLE,
        )

    def _on_save_template(self) -> None:
        if self._table is None:
            return
        name = " ".join(self.template_name_edit.text().split())
        if not name:
            show_message(self.template_status, self.tr("テンプレートの名前を入力してください。"))
            self.template_name_edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        data_dir, kind = self.state.ws.data_dir, self.state.kind
        if name in import_lists.template_names(data_dir, kind=kind) and not dialogs.confirm(
            self,
            self.tr("テンプレートとして保存"),
            self.tr("テンプレート「{name}」は既にあります。今の列の対応で置き換えますか？").format(name=name),
            ok_text=self.tr("置き換える"),
        ):
            return
        try:
            import_lists.save_mapping_template(
                data_dir, name, mapping_by_header(self._table.headers, self.mapping()), kind=kind
            )
        except (ImportFileError, KnownError) as exc:
            show_message(self.template_status, str(exc))
            return
        self._refresh_templates(select=name)
        show_message(
            self.template_status,
            self.tr("テンプレート「{name}」を保存しました。次回から「テンプレート」で選べます。").format(
                name=name
            ),
            styles.SUCCESS_STYLE,
        )

    # -- matching -----------------------------------------------------------------------------
    def validatePage(self) -> bool:
        state = self.state
        source = state.source
        if self._planned:  # the match just finished and moves the wizard on
            self._planned = False
            return True
        if source is None or source.table is None:
            return False
        mapping = self.mapping()
        fixed = self.fixed_box.values() if state.projects else []
        key = (state.source_key, tuple(sorted(mapping.items())), tuple(fixed))
        if state.plan is not None and state.plan_key == key:
            return True
        if state.busy or not self.isComplete():
            return False
        show_message(self.error_label, "")
        ws = state.ws
        label = self.tr("{count} 行を確かめ、登録済みの団体と照合しています…").format(
            count=f"{len(source.table.rows):,}"
        )
        if state.projects:
            table = source.table

            def plan_list(task: Any) -> tuple[list[Any], ProjectImportPlan]:
                _table, _used, rows = convert_project_list(table, mapping, fixed, progress=task.report)
                return rows, plan_projects(ws, rows, source_name=source.path.name, progress=task.report)

            state.host.run_task(
                plan_list,
                title=self.tr("取り込む内容の確認"),
                label=label,
                on_success=lambda result: self._on_planned(key, result[1], result[0]),
                on_failure=self._on_plan_failed,
            )
            return False
        state.host.run_task(
            lambda task: plan(ws, source, mapping, progress=task.report),
            title=self.tr("取り込む内容の確認"),
            label=label,
            on_success=lambda planned: self._on_planned(key, planned),
            on_failure=self._on_plan_failed,
        )
        return False

    def _on_planned(
        self, key: tuple[Any, ...], planned: ImportPlan | ProjectImportPlan, rows: list[Any] | None = None
    ) -> None:
        self.state.set_plan(planned, key, mapping=dict(key[1]))
        self.state.rows = list(rows or [])
        self._planned = True
        self.state.host.next()
        self._planned = False

    def _on_plan_failed(self, exc: Exception) -> None:
        text = errors.error_text(
            exc,
            what="planning the import",
            bug=self.tr("照合に失敗しました（{kind}）。詳細はログを確認してください。"),
        )
        show_message(self.error_label, text)
