"""The 団体台帳 tab's one import wizard: opened (or brought forward) with a kind, forgotten when
closed, stopped before the data file is let go.

Split from the tab like :mod:`.export_flow`; the wizard module (and the import pipeline behind
it) is imported only when the wizard is first opened.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kyodo_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from kyodo_desktop.domain.import_kind import ImportKind
    from kyodo_desktop.gui.importing.wizard import ImportWizard


class ImportFlow(QObject):
    """At most one open :class:`ImportWizard` for ``parent``; ``imported()`` after it saved."""

    imported = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._parent = parent
        self._wizard: ImportWizard | None = None

    def open(self, kind: ImportKind | None = None) -> ImportWizard:
        """Show the wizard (or bring the open one forward) with ``kind`` chosen."""
        if self._wizard is not None:
            self._wizard.choose_kind(kind)
            self._wizard.raise_()
            self._wizard.activateWindow()
            return self._wizard
        from kyodo_desktop.gui.importing.wizard import ImportWizard

        wizard = ImportWizard(self._ws, parent=self._parent, kind=kind)
        wizard.import_finished.connect(self._on_import_finished)
        wizard.finished.connect(lambda _result, w=wizard: self._forget(w))
        self._wizard = wizard
        wizard.show()
        return wizard

    def shutdown(self) -> None:
        """Stop the open wizard's running work (before the data file closes)."""
        if self._wizard is not None:
            self._wizard.shutdown()

    def _on_import_finished(self, _summary: object) -> None:
        self.imported.emit()

    def _forget(self, wizard: ImportWizard) -> None:
        if self._wizard is wizard:
            self._wizard = None
        wizard.deleteLater()
