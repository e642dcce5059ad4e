"""Small pieces the panels of the organization form share: named widgets, error lines, tables.

Also :func:`run_child_change`, the one way a panel calls the service for a contact or an
interaction and shows what went wrong beside its inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QTableView,
    QWidget,
)

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors, parse_date
from kyodo_desktop.gui import errors
from kyodo_desktop.gui.styles import ERROR_STYLE

DATE_PLACEHOLDER = QT_TRANSLATE_NOOP("OrganizationFormPanel", "2024-04-01 または 令和6年4月1日")

_W = TypeVar("_W", bound=QWidget)


def named(widget: _W, name: str) -> _W:
    """``widget`` with its objectName set (tests and style sheets find widgets by name)."""
    widget.setObjectName(name)
    return widget


def set_placeholder(combo: QComboBox, text: str) -> None:
    """The placeholder of an editable combo's line edit."""
    edit = combo.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(text)


def top_aligned_form() -> QFormLayout:
    """A form layout whose labels stay at the top of their (growing) rows."""
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return form


def error_label(name: str) -> QLabel:
    """A hidden, wrapping error line named ``name``."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def date_or_error(text: str, field: str, found: list[ValidationError]) -> date | None:
    """The typed date (None when blank); a problem is added to ``found`` instead of raised."""
    try:
        return parse_date(text, field)
    except ValidationError as error:
        found.append(error)
        return None


def join_messages(found: ValidationErrors) -> str:
    """Every field's message, one a line."""
    return "\n".join(found.by_field().values())


def selected_row(table: QTableView) -> int:
    """The selected row of a single-selection table, or -1."""
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else -1


def run_child_change(label: QLabel, action: Callable[[], object]) -> bool:
    """Call a service action for a contact/interaction; True when it was stored.

    Invalid input and known errors (a locked, full or read-only file …) are shown in ``label``;
    a bug propagates to the crash dialog.
    """
    label.hide()
    try:
        action()
    except ValidationErrors as found:
        label.setText(join_messages(found))
        label.show()
        return False
    except Exception as exc:
        text = errors.known_text(exc)
        if text is None:
            raise
        label.setText(text)
        label.show()
        return False
    return True
