"""The organization forms open from the registry tab: one per record, new ones until first saved.

Opening a record that already has a form brings that form forward instead of opening a second
one (two forms of one record would refuse each other's saves as stale). The form module — and
with it SQLAlchemy — is imported only when the first form opens.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from kyodo_desktop.gui import dialogs, errors

if TYPE_CHECKING:
    from kyodo_desktop.gui.organizations.edit_dialog import OrganizationDialog
    from kyodo_desktop.services.organizations import OrganizationService


class OpenForms(QObject):
    """Opens and tracks the forms of ``owner`` (their parent).

    Signals: ``saved(str)`` with the id after a form stored its record, a contact or an
    interaction; ``project_requested(str)`` with a project's id double-clicked in a form.
    """

    saved = Signal(str)
    project_requested = Signal(str)

    def __init__(
        self, service: Callable[[], OrganizationService], writable: Callable[[], bool], owner: QWidget
    ) -> None:
        super().__init__(owner)
        self._service = service
        self._writable = writable
        self._owner = owner
        self._dialogs: dict[str, OrganizationDialog] = {}
        self._new_dialogs: list[OrganizationDialog] = []

    def all(self) -> list[OrganizationDialog]:
        """Every form currently open."""
        return [*self._dialogs.values(), *self._new_dialogs]

    def has_unsaved(self) -> bool:
        """Whether an open form holds unsaved edits."""
        return any(d.has_unsaved_changes for d in self.all())

    def open_new(self) -> OrganizationDialog | None:
        """Open an empty form (None when this window is read-only)."""
        if not self._writable():
            return None
        from kyodo_desktop.gui.organizations.edit_dialog import OrganizationDialog

        dialog = OrganizationDialog(self._service(), None, parent=self._owner)
        self._new_dialogs.append(dialog)
        self._wire(dialog)
        dialog.show()
        return dialog

    def open(self, org_id: str) -> OrganizationDialog | None:
        """Open (or bring forward) the form of one record; None when it cannot be read."""
        existing = self._dialogs.get(org_id)
        if existing is not None:
            existing.raise_()
            existing.activateWindow()
            return existing
        from kyodo_desktop.gui.organizations.edit_dialog import OrganizationDialog

        try:
            dialog = OrganizationDialog(
                self._service(), org_id, read_only=not self._writable(), parent=self._owner
            )
        except Exception as exc:  # gone meanwhile, or the file is locked: say so
            text = errors.known_text(exc)
            if text is None:
                raise
            dialogs.error(self._owner, self.tr("団体を開けません"), text)
            return None
        self._dialogs[org_id] = dialog
        self._wire(dialog)
        dialog.show()
        return dialog

    def _wire(self, dialog: OrganizationDialog) -> None:
        dialog.organization_saved.connect(lambda org_id, d=dialog: self._on_saved(d, org_id))
        dialog.open_existing_requested.connect(self.open)
        dialog.project_requested.connect(self.project_requested)
        dialog.finished.connect(lambda _result, d=dialog: self._forget(d))

    def _forget(self, dialog: OrganizationDialog) -> None:
        self._dialogs = {k: d for k, d in self._dialogs.items() if d is not dialog}
        self._new_dialogs = [d for d in self._new_dialogs if d is not dialog]

    def _on_saved(self, dialog: OrganizationDialog, org_id: str) -> None:
        if any(d is dialog for d in self._new_dialogs):
            self._new_dialogs = [d for d in self._new_dialogs if d is not dialog]
            self._dialogs[org_id] = dialog
        self.saved.emit(org_id)
