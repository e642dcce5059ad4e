"""Opening the data folder for the window: write lock if free, read-only if someone holds it or
the folder, its drive or the data file is read-only.

No dialog is shown here; the window turns the outcome into a banner or a recovery page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kyodo_desktop.persistence.errors import KnownError, LockedError, ReadOnlyError
from kyodo_desktop.services.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenOutcome:
    """What opening a data folder gave: a workspace (maybe read-only) or the reason it failed."""

    workspace: Workspace | None
    #: Set when another program holds the write lock and the folder was opened read-only.
    locked: LockedError | None = None
    error: KnownError | None = None
    #: Set when the folder, its drive or the data file is read-only and it was opened read-only.
    read_only: ReadOnlyError | None = None

    @property
    def read_only_reason(self) -> KnownError | None:
        """Why the workspace is read-only (for the banner), or None when it may write."""
        return self.locked or self.read_only


def open_data_folder(data_dir: Path) -> OpenOutcome:
    """Open ``data_dir`` for writing, falling back to read-only when it is locked or read-only.

    The whole-file check (:meth:`Workspace.verify`) and the day's first backup are left to the
    caller, so that they run in a worker while the window is already on screen.
    """
    try:
        return OpenOutcome(Workspace.open(data_dir, write=True, daily_backup=False, check=False))
    except LockedError as locked:
        log.info("data folder locked by another program; opening read-only")
        try:
            return OpenOutcome(Workspace.open(data_dir, write=False, check=False), locked=locked)
        except KnownError as exc:
            return OpenOutcome(None, error=exc)
    except ReadOnlyError as read_only:
        log.info("data folder or file is read-only (%s); opening read-only", type(read_only).__name__)
        try:
            ws = Workspace.open(data_dir, write=False, check=False)
        except KnownError as exc:
            return OpenOutcome(None, error=exc)
        ws.read_only_reason = read_only
        return OpenOutcome(ws, read_only=read_only)
    except KnownError as exc:
        log.warning("data folder cannot be opened: %s", type(exc).__name__)
        return OpenOutcome(None, error=exc)
