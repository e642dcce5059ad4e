"""openpyxl's spool of a write-only sheet, under a name whose owner can be checked.

A write-only openpyxl sheet streams its XML into a temporary file (``openpyxl.XXXX`` in the
system temp folder, up to tens of megabytes) that openpyxl removes at save or at exit; a killed
process leaves it for ever, and nobody can tell it from another program's. :func:`spool_sheet`
gives the sheet a spool named by :func:`kyodo_desktop.persistence.tempfiles.temp_path` instead, so
:func:`sweep_spools` (run by every export) removes what a dead exporter left and nothing else.
"""

from __future__ import annotations

import logging
from typing import Any

from kyodo_desktop.persistence import tempfiles

__all__ = ["SPOOL_LABEL", "spool_sheet", "sweep_spools"]

log = logging.getLogger(__name__)

SPOOL_LABEL = "kyodo-sheet"


def spool_sheet(ws: Any) -> None:
    """Open the spool of write-only sheet ``ws`` under an owned temp name.

    Call it where openpyxl would open its own, just before the first ``ws.append`` (column
    widths and panes are written with the top of the sheet). When this openpyxl works otherwise
    than expected, the sheet keeps openpyxl's own spool.
    """
    try:
        from openpyxl.worksheet import _writer
    except ImportError:  # pragma: no cover - a different openpyxl layout
        return
    if getattr(ws, "_writer", True) is not None or not hasattr(_writer, "ALL_TEMP_FILES"):
        return  # not a fresh write-only sheet
    path = str(tempfiles.temp_path(tempfiles.spool_dir(), SPOOL_LABEL, ".xml"))
    writer = _writer.WorksheetWriter(ws, out=path)
    _writer.ALL_TEMP_FILES.append(path)  # removed by writer.cleanup() at save, or at exit
    ws._writer = writer
    writer.write_top()


def sweep_spools() -> None:
    """Remove the sheet spools that dead processes left in the temp folder."""
    tempfiles.sweep(tempfiles.spool_dir(), label=SPOOL_LABEL)
