"""Small pieces the wizard's pages share: translated terms, named inputs, dates, amounts.

Dates typed by the officer go through the one date parser (``parse_date``), amounts through the
past-project lists' amount parser (``1,200,000円`` and ``120万円`` both read).
"""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from kyodo_desktop.domain.project_cells import parse_amount
from kyodo_desktop.domain.validation import ValidationError, parse_date
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.gui.organizations.form_widgets import DATE_PLACEHOLDER
from kyodo_desktop.gui.styles import HINT_STYLE

__all__ = [
    "DateEdit",
    "amount_text",
    "hint_label",
    "named",
    "plain_text",
    "read_amount",
    "term",
]

_W = TypeVar("_W", bound=QWidget)


def named(widget: _W, name: str) -> _W:
    """``widget`` with its objectName set (tests and screenshots find widgets by name)."""
    widget.setObjectName(name)
    return widget


def term(value: str) -> str:
    """A project word (kind, form, stage …) in the user's language (stored as Japanese)."""
    return QCoreApplication.translate("ProjectTerm", value)


def hint_label(text: str = "") -> QLabel:
    """A grey, wrapping hint."""
    label = QLabel(text)
    label.setStyleSheet(HINT_STYLE)
    label.setWordWrap(True)
    return label


def plain_text(name: str, lines: int = 3) -> QPlainTextEdit:
    """A multi-line text input about ``lines`` lines high."""
    edit = named(QPlainTextEdit(), name)
    edit.setTabChangesFocus(True)
    height = edit.fontMetrics().lineSpacing() * lines + 14
    edit.setFixedHeight(height)
    return edit


def amount_text(amount: int | None) -> str:
    """An amount as typed back: ``1,200,000`` (blank for none)."""
    return f"{amount:,}" if amount else ""


def read_amount(text: str, field: str, label: str, found: list[ValidationError]) -> int | None:
    """The amount typed in yen (None when blank); a problem is added to ``found`` under ``field``."""
    try:
        return parse_amount(text, label)
    except ValidationError as error:
        found.append(ValidationError(field, error.message))
        return None


class DateEdit(QWidget):
    """A date typed as the officer likes (ISO or 和暦), with the 和暦 shown beside it."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = named(QLineEdit(), name)
        self.edit.setPlaceholderText(QCoreApplication.translate("OrganizationFormPanel", DATE_PLACEHOLDER))
        self.hint = hint_label()
        self.hint.setWordWrap(False)
        self.hint.setMinimumWidth(100)
        self.edit.setMinimumWidth(190)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.hint)
        self.edit.textChanged.connect(self._update_hint)

    def set_date(self, value: date | None) -> None:
        """Show ``value`` (ISO; blank for none)."""
        self.edit.setText(value.isoformat() if value else "")

    def read(self, field: str, found: list[ValidationError]) -> date | None:
        """The typed date (None when blank); a problem is added to ``found`` under ``field``."""
        try:
            return parse_date(self.edit.text(), field)
        except ValidationError as error:
            found.append(error)
            return None

    def _update_hint(self, text: str) -> None:
        try:
            value = parse_date(text, "date")
        except ValidationError:
            self.hint.setText(QCoreApplication.translate("ProjectWizard", "日付として読めません"))
            return
        self.hint.setText(to_wareki(value) if value else "")
