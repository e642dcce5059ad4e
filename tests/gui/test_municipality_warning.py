"""A 市町村 outside the prefecture's list: the form saves it and says so, naming the list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPushButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.organizations.edit_dialog import OrganizationDialog
from kyodo_desktop.gui.organizations.tab import OrganizationsTab
from kyodo_desktop.services.organizations import OrganizationService

from .conftest import TOTAL, type_text

WARNING = "「横浜市」は千葉県の市町村一覧（54市町村）にありません。"


def _child(widget: QWidget, cls: type, name: str) -> Any:
    found = widget.findChild(cls, name)
    assert found is not None, name
    return found


def _new_dialog(tab: OrganizationsTab, qtbot: QtBot) -> OrganizationDialog:
    qtbot.mouseClick(_child(tab, QToolButton, "newButton"), Qt.MouseButton.LeftButton)
    (dialog,) = tab.open_dialogs()
    return dialog


def _set_municipality(dialog: OrganizationDialog, text: str) -> None:
    combo = _child(dialog, QComboBox, "municipalityCombo")
    edit = combo.lineEdit()
    assert isinstance(edit, QLineEdit)
    edit.selectAll()
    type_text(edit, text)


def _save(qtbot: QtBot, dialog: OrganizationDialog) -> None:
    qtbot.mouseClick(_child(dialog, QPushButton, "saveButton"), Qt.MouseButton.LeftButton)


def test_yokohama_is_saved_with_a_warning_naming_the_list(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService
) -> None:
    dialog = _new_dialog(tab, qtbot)
    warning = _child(dialog, QLabel, "recordWarning")
    type_text(_child(dialog, QLineEdit, "nameEdit"), "県外から来る子ども食堂の会")
    _set_municipality(dialog, "横浜市")
    assert not warning.isVisible()
    _save(qtbot, dialog)

    assert dialog.org_id is not None  # saved: a warning, not an error
    stored = reader.get(dialog.org_id).data
    assert (stored.municipality_code, stored.municipality_name) == ("", "横浜市")
    assert tab.model.total_count == TOTAL + 1
    assert warning.isVisible() and warning.text().startswith(WARNING)
    assert not _child(dialog, QLabel, "generalError").isVisible()

    # a 千葉県 municipality: saved with its code, the warning goes
    _set_municipality(dialog, "柏市")
    _save(qtbot, dialog)
    stored = reader.get(dialog.org_id).data
    assert (stored.municipality_code, stored.municipality_name) == ("12217", "柏市")
    assert not warning.isVisible()


def test_opening_a_stored_out_of_list_record_shows_the_warning(
    tab: OrganizationsTab, qtbot: QtBot, reader: OrganizationService
) -> None:
    dialog = _new_dialog(tab, qtbot)
    type_text(_child(dialog, QLineEdit, "nameEdit"), "県外の会")
    _set_municipality(dialog, "横浜市")
    _save(qtbot, dialog)
    org_id = dialog.org_id
    assert org_id is not None
    dialog.close()
    again = tab.open_organization(org_id)
    assert again is not None and again is not dialog
    label = _child(again, QLabel, "recordWarning")
    assert label.isVisible() and label.text().startswith(WARNING)
