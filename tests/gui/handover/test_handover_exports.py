"""The note view's two export buttons write the workbook and the PDF of the note shown."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.handover.note_view import NoteView
from kyodo_desktop.services.workspace import Workspace
from tests.gui.conftest import DialogRecorder
from tests.handover_world import make_note, make_world


def test_the_buttons_export_the_note_shown(
    qtbot: QtBot, ws: Workspace, tmp_path: Path, dialog_calls: DialogRecorder
) -> None:
    note_id = make_note(make_world(ws))
    view = NoteView(ws)
    qtbot.addWidget(view)
    assert not view.export_xlsx_button.isEnabled()  # nothing chosen yet
    view.open_note(note_id)
    assert view.export_xlsx_button.isEnabled() and view.export_pdf_button.isEnabled()

    dialog_calls.save_path = str(tmp_path / "引継書")
    qtbot.mouseClick(view.export_xlsx_button, Qt.MouseButton.LeftButton)
    workbook = load_workbook(tmp_path / "引継書.xlsx")
    assert len(workbook.sheetnames) >= 2  # the summary and one sheet per organization or project
    summary = "\n".join(str(c.value) for row in workbook.worksheets[0].iter_rows() for c in row if c.value)
    assert "前任" in summary or "引継" in summary

    qtbot.mouseClick(view.export_pdf_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "引継書.pdf").read_bytes().startswith(b"%PDF")
