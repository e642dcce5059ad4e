"""The small dialogs of the projects tab: advance a project's stage, add or correct a progress log entry.

Each takes a ``submit`` callable that stores what was entered (the tab binds it to the
service). Invalid input and known errors are shown inside the dialog, which stays open with the
input kept; a stale refusal (the project changed since it was shown) closes the dialog and is
handed to the tab (``refused``), which tells it through ``gui/errors`` and shows the project
as it is now.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kyodo_desktop.domain.project_flags import next_stage
from kyodo_desktop.domain.project_terms import CLOSED_STAGES, STAGE_ORDER, Stage
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors
from kyodo_desktop.gui import errors
from kyodo_desktop.gui.organizations.form_widgets import DATE_PLACEHOLDER, date_or_error, error_label, named
from kyodo_desktop.gui.projects.labels import term
from kyodo_desktop.persistence.errors import StaleEditError

if TYPE_CHECKING:
    from kyodo_desktop.services.project_records import LogRecord


class _EntryDialog(QDialog):
    """A date, some text and OK/キャンセル; subclasses build their fields and :meth:`_store`.

    Signals: ``refused(object)`` with the :class:`StaleEditError` when the save was refused as
    stale (the dialog then closes).
    """

    refused = Signal(object)

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._root = QVBoxLayout(self)
        self.form = QFormLayout()
        self._root.addLayout(self.form)
        self.date_edit = named(QLineEdit(date.today().isoformat()), "entryDateEdit")
        self.date_edit.setPlaceholderText(
            QCoreApplication.translate("OrganizationFormPanel", DATE_PLACEHOLDER)
        )
        self.error_label = error_label("entryError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _finish_layout(self) -> None:
        self._root.addWidget(self.error_label)
        self._root.addWidget(self.buttons)

    def accept(self) -> None:
        """OK: store through ``submit``; close only when it was stored (or refused as stale)."""
        self.error_label.hide()
        found: list[ValidationError] = []
        on = date_or_error(self.date_edit.text(), "changed_on", found)
        try:
            if found:
                raise ValidationErrors(found)
            self._store(on)
        except ValidationErrors as problems:
            self.error_label.setText("\n".join(problems.by_field().values()))
            self.error_label.show()
            return
        except StaleEditError as exc:
            super().reject()
            self.refused.emit(exc)
            return
        except Exception as exc:  # a locked or read-only file: say so, keep the input
            if errors.known_text(exc) is None:
                raise
            errors.show_inline(self.error_label, exc)
            return
        super().accept()

    def _store(self, on: date | None) -> None:
        raise NotImplementedError


class StageDialog(_EntryDialog):
    """段階を進める: the next stage (pre-selected from ``STAGE_ORDER``; 中止 and 終了 offered), date, note.

    ``submit(stage, changed_on, note)`` stores the change.
    """

    def __init__(
        self,
        current: str,
        submit: Callable[[str, date | None, str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("段階を進める"), parent)
        self.setObjectName("stageDialog")
        self._submit = submit
        self.form.addRow(self.tr("現在の段階"), QLabel(term(current)))
        self.stage_combo = named(QComboBox(), "stageCombo")
        for stage in (*STAGE_ORDER, *sorted(CLOSED_STAGES, key=lambda s: s != Stage.FINISHED)):
            if stage.value != current:
                self.stage_combo.addItem(term(stage.value), stage.value)
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(next_stage(current).value)))
        self.form.addRow(self.tr("新しい段階"), self.stage_combo)
        self.form.addRow(self.tr("日付"), self.date_edit)
        self.note_edit = named(QPlainTextEdit(), "stageNoteEdit")
        self.note_edit.setFixedHeight(72)
        self.form.addRow(self.tr("メモ"), self.note_edit)
        self._finish_layout()

    def _store(self, on: date | None) -> None:
        self._submit(self.stage_combo.currentData(), on, self.note_edit.toPlainText())


class LogEntryDialog(_EntryDialog):
    """経過を記録: a date and what happened. ``submit(occurred_on, text)`` stores the entry.

    Given an ``entry``, the dialog corrects it (経過記録の修正): its date and text filled in.
    """

    def __init__(
        self,
        submit: Callable[[date, str], object],
        parent: QWidget | None = None,
        *,
        entry: LogRecord | None = None,
    ) -> None:
        super().__init__(self.tr("経過を記録") if entry is None else self.tr("経過記録の修正"), parent)
        self.setObjectName("logEntryDialog")
        self._submit = submit
        self.form.addRow(self.tr("日付"), self.date_edit)
        self.text_edit = named(QPlainTextEdit(), "logTextEdit")
        self.text_edit.setFixedHeight(96)
        self.form.addRow(self.tr("内容"), self.text_edit)
        if entry is not None:
            self.date_edit.setText(entry.occurred_on.isoformat())
            self.text_edit.setPlainText(entry.text)
        self._finish_layout()

    def _store(self, on: date | None) -> None:
        if on is None:
            raise ValidationErrors([ValidationError("occurred_on", self.tr("日付は必須です"))])
        self._submit(on, self.text_edit.toPlainText())
