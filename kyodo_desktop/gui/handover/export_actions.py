"""The 引継 tab's two exports of a note: the print-ready workbook and the PDF.

Both ask where to save with the house's save dialog and tell a known error in Japanese; the
PDF is drawn by :mod:`kyodo_desktop.gui.handover_pdf`, the workbook written by
:func:`kyodo_desktop.services.handover_export.write_handover_workbook`, from the same content.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from kyodo_desktop.gui import dialogs, errors
from kyodo_desktop.gui.handover_pdf import export_pdf
from kyodo_desktop.services.workspace import Workspace

__all__ = ["export_pdf", "export_workbook"]


def export_workbook(parent: QWidget | None, workspace: Workspace, note_id: str) -> Path | None:
    """Ask where to save and write the note's workbook there; the path, or None (cancelled, failed)."""
    from kyodo_desktop.services.handover_export import write_handover_workbook

    title = QCoreApplication.translate("HandoverExport", "引継書をExcelに書き出す")
    name = QCoreApplication.translate("HandoverExport", "引継書")
    chosen = dialogs.get_save_file_name(
        parent,
        title,
        str(Path.home() / f"{name}_{note_id[:8]}.xlsx"),
        QCoreApplication.translate("HandoverExport", "Excelブック (*.xlsx)"),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    try:
        write_handover_workbook(path, note_id, workspace)
    except Exception as exc:  # told to the officer; a bug is logged
        errors.show_error(parent, title, exc, what="handover workbook")
        return None
    return path
