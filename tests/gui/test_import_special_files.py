"""The import wizard on what is not a regular file: refused on the first page, nothing read.

A named pipe (FIFO) opened for reading waits for a writer for ever; the wizard must say what it
is and stay on its first page, as ``kyodo import`` does (tests/cli/test_cli_faults.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QToolButton, QWizard
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.importing.state import PAGE_FILE
from kyodo_desktop.gui.importing.wizard import ImportWizard
from kyodo_desktop.gui.organizations.tab import OrganizationsTab

from .conftest import type_text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_a_named_pipe_is_refused_on_the_first_page(
    tab: OrganizationsTab, qtbot: QtBot, tmp_path: Path
) -> None:
    fifo = tmp_path / "団体一覧.csv"
    os.mkfifo(fifo)
    button = tab.findChild(QToolButton, "importButton")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wizard = tab.findChild(ImportWizard, "importWizard")
    assert wizard is not None
    edit = wizard.findChild(QLineEdit, "importFileEdit")
    assert edit is not None
    type_text(edit, str(fifo))
    label = wizard.findChild(QLabel, "formatLabel")
    assert label is not None
    qtbot.waitUntil(lambda: "通常のファイルではありません" in label.text(), timeout=3_000)

    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    error = wizard.findChild(QLabel, "fileError")
    assert error is not None
    qtbot.waitUntil(error.isVisible, timeout=3_000)
    assert "は通常のファイルではありません" in error.text()
    assert not wizard.busy
    assert wizard.currentId() == PAGE_FILE
