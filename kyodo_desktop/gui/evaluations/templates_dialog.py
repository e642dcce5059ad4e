"""評価シートの管理: the evaluation forms listed, copied and edited (issue 12).

The list shows the newest version of every form, the built-ins and those in use marked. A
built-in is never edited: the officer copies it under a new name and edits the copy. Saving a
form an evaluation was made with makes its next version (版N) — the officer is told so before —
and every old evaluation keeps the version it was made with (``EvaluationTemplates``). The list
and the editor are two pages of one dialog, so nothing here blocks in a nested event loop.
A refused save (a stale version, a built-in) is told in Japanese under the buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.text import nfkc
from kyodo_desktop.domain.validation import ValidationErrors
from kyodo_desktop.gui import dialogs, errors
from kyodo_desktop.gui.evaluations.labels import term
from kyodo_desktop.gui.evaluations.templates_dialog_editor import TemplateEditor
from kyodo_desktop.gui.styles import ERROR_STYLE, HINT_STYLE
from kyodo_desktop.services.evaluation_records import TemplateRecord
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.workspace import Workspace

T = TypeVar("T")
COL_NAME, COL_VERSION, COL_SCALE, COL_ITEMS, COL_STATE = range(5)


def _button(name: str, text: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setAutoDefault(False)
    return button


def _notice(name: str) -> QLabel:
    shown = QLabel()
    shown.setObjectName(name)
    shown.setWordWrap(True)
    shown.setTextFormat(Qt.TextFormat.PlainText)
    shown.setStyleSheet(ERROR_STYLE)
    shown.hide()
    return shown


class TemplatesDialog(QDialog):
    """The forms and their editor; ``templates_changed()`` after a copy or a save."""

    templates_changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templatesDialog")
        self.setWindowTitle(self.tr("評価シートの管理"))
        self.service = EvaluationService(workspace)
        self._writable = workspace.writable
        self.records: list[TemplateRecord] = []
        self.editing: TemplateRecord | None = None
        layout = QVBoxLayout(self)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._list_page())
        self.pages.addWidget(self._editor_page())
        layout.addWidget(self.pages)
        self.resize(960, 640)
        self.reload()

    # -- building -----------------------------------------------------------------------------
    def _list_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("templateList")
        self.table.setHorizontalHeaderLabels(
            [self.tr("名前"), self.tr("版"), self.tr("尺度"), self.tr("項目数"), self.tr("状態")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._on_selection)
        self.table.doubleClicked.connect(self._on_double_click)
        layout.addWidget(self.table, 1)
        self.description = QLabel()
        self.description.setObjectName("templateListDescription")
        self.description.setWordWrap(True)
        self.description.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.description)
        row = QHBoxLayout()
        caption = QLabel(self.tr("新しい名前"))
        self.copy_name = QLineEdit()
        self.copy_name.setObjectName("copyName")
        caption.setBuddy(self.copy_name)
        self.copy_button = _button("copyTemplate", self.tr("コピーして新規作成"))
        self.copy_button.clicked.connect(self.copy_chosen)
        self.edit_button = _button("editTemplate", self.tr("編集…"))
        self.edit_button.clicked.connect(self.edit_chosen)
        close = _button("closeTemplates", self.tr("閉じる"))
        close.clicked.connect(self.accept)
        for widget in (caption, self.copy_name, self.copy_button, self.edit_button):
            row.addWidget(widget)
        row.setStretch(1, 1)
        row.addStretch(0)
        row.addWidget(close)
        layout.addLayout(row)
        self.list_notice = _notice("templatesNotice")
        layout.addWidget(self.list_notice)
        return page

    def _editor_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.version_hint = QLabel()
        self.version_hint.setObjectName("templateVersionHint")
        self.version_hint.setWordWrap(True)
        self.version_hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.version_hint)
        self.editor = TemplateEditor()
        layout.addWidget(self.editor, 1)
        self.editor_notice = _notice("templateEditorNotice")
        layout.addWidget(self.editor_notice)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_button = _button("saveTemplate", self.tr("保存"))
        self.save_button.clicked.connect(self.save)
        back = _button("cancelTemplateEdit", self.tr("保存せずに戻る"))
        back.clicked.connect(self.back_to_list)
        row.addWidget(self.save_button)
        row.addWidget(back)
        layout.addLayout(row)
        return page

    # -- the list -----------------------------------------------------------------------------
    def reload(self, choose_id: str | None = None) -> None:
        """Read the forms again (the newest version of each), choosing ``choose_id`` if given."""
        current = self.chosen()
        chosen = choose_id or (current.id if current else None)
        self.records = self.service.latest_templates()
        self.table.setRowCount(len(self.records))
        for row, record in enumerate(self.records):
            t = record.template
            cells = {
                COL_NAME: t.name,
                COL_VERSION: self.tr("版{version}").format(version=record.version),
                COL_SCALE: self._scale_text(record),
                COL_ITEMS: str(len(t.items)),
                COL_STATE: self._state_text(record),
            }
            for column, text in cells.items():
                cell = QTableWidgetItem(text)
                if column in (COL_VERSION, COL_ITEMS):
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        found = next((n for n, r in enumerate(self.records) if r.id == chosen), 0)
        if self.records:
            self.table.selectRow(found)
        self._on_selection()

    def _on_double_click(self) -> None:
        if self.edit_button.isEnabled():
            self.edit_chosen()

    def _scale_text(self, record: TemplateRecord) -> str:
        scale = record.template.scale
        text = term(scale.kind.value)
        if scale.kind.value == "点数":
            text = self.tr("{kind}（満点{maximum}）").format(kind=text, maximum=scale.maximum)
        if record.template.weights:
            text = self.tr("{scale}・配点あり").format(scale=text)
        return text

    def _state_text(self, record: TemplateRecord) -> str:
        if record.is_builtin:
            return self.tr("組み込み")
        return self.tr("使用中") if record.in_use else ""

    def chosen(self) -> TemplateRecord | None:
        """The form chosen in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows and rows[0].row() < len(self.records) else None

    def _on_selection(self) -> None:
        record = self.chosen()
        self.description.setText(record.template.description if record else "")
        self.copy_button.setEnabled(record is not None and self._writable)
        can_edit = record is not None and not record.is_builtin and self._writable
        self.edit_button.setEnabled(can_edit)
        self.edit_button.setToolTip(
            self.tr("組み込みの評価シートは編集できません。コピーしてから編集してください。")
            if record is not None and record.is_builtin
            else ""
        )
        if record is not None:
            self.copy_name.setText(self.tr("{name}のコピー").format(name=record.template.name))

    def copy_chosen(self) -> None:
        """Copy the chosen form under the typed name and open the copy in the editor."""
        record = self.chosen()
        if record is None:
            return
        name = self.copy_name.text().strip()
        problem = self._name_problem(name, None)
        if problem:
            self.list_notice.setText(problem)
            self.list_notice.show()
            return
        copied = self._try(self.list_notice, lambda: self.service.copy_template(record.id, name))
        if copied is None:
            return
        self.templates_changed.emit()
        self.reload(copied.id)
        self.edit_chosen()

    def _name_problem(self, name: str, key: str | None) -> str:
        if not name:
            return self.tr("評価シートの名前は必須です")
        if nfkc(name) in self._other_names(key):
            return self.tr("同じ名前の評価シートがあります: {name}").format(name=name)
        return ""

    def _other_names(self, key: str | None) -> set[str]:
        return {nfkc(r.template.name) for r in self.records if r.key != key}

    # -- the editor ---------------------------------------------------------------------------
    def edit_chosen(self) -> None:
        """Open the chosen (not built-in) form in the editor."""
        record = self.chosen()
        if record is None or record.is_builtin:
            return
        self.editing = record
        self.editor.show_template(record.template, taken_names=self._other_names(record.key))
        self.version_hint.setText(
            self.tr(
                "この評価シートは評価に使われています。保存すると新しい版（版{version}）になり、"
                "これまでの評価は元の版（版{old}）のままです。"
            ).format(version=record.version + 1, old=record.version)
            if record.in_use
            else self.tr("まだ評価に使われていない評価シートです（版{version}）。").format(
                version=record.version
            )
        )
        self.editor_notice.hide()
        self.pages.setCurrentIndex(1)
        self.editor.name.setFocus()

    def back_to_list(self) -> None:
        """Leave the editor without saving; the list is read again (another window may have saved)."""
        self.editing = None
        self.reload()
        self.pages.setCurrentIndex(0)

    def save(self) -> TemplateRecord | None:
        """Save the edited form (a new version when in use, after saying so); None when refused."""
        record = self.editing
        if record is None:
            return None
        try:
            template = self.editor.edited()
        except ValidationErrors as problems:
            self.editor.show_errors(problems)
            self.editor_notice.setText(self.tr("入力内容を確認してください。"))
            self.editor_notice.show()
            return None
        self.editor.show_errors(None)
        if record.in_use and not dialogs.confirm(
            self,
            self.tr("新しい版の保存"),
            self.tr(
                "「{name}」は評価に使われています。保存すると新しい版（版{version}）を作ります。"
                "これまでの評価は元の版のまま残ります。"
            ).format(name=record.template.name, version=record.version + 1),
            ok_text=self.tr("新しい版を保存"),
        ):
            return None
        saved = self._try(
            self.editor_notice, lambda: self.service.save_template(record.id, template, record.version)
        )
        if saved is None:
            return None
        self.templates_changed.emit()
        self.editing = None
        self.reload(saved.id)
        self.pages.setCurrentIndex(0)
        return saved

    def _try(self, notice: QLabel, fn: Callable[[], T]) -> T | None:
        """``fn()``, or None with a known error told in ``notice`` (a bug propagates)."""
        try:
            result = fn()
        except ValidationErrors as problems:
            self.editor.show_errors(problems)
            errors.show_inline(notice, problems)
            return None
        except Exception as exc:
            if errors.known_text(exc) is None:
                raise
            errors.show_inline(notice, exc)
            return None
        notice.hide()
        return result
