"""Opening the data folder for the window: write lock if free, read-only if someone holds it.

No dialog is shown here; the window turns the outcome into a banner or a recovery page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kyodo_desktop.persistence.errors import KnownError, LockedError
from kyodo_desktop.services.workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenOutcome:
    """What opening a data folder gave: a workspace (maybe read-only) or the reason it failed."""

    workspace: Workspace | None
    #: Set when another program holds the write lock and the folder was opened read-only.
    locked: LockedError | None = None
    error: KnownError | None = None


def open_data_folder(data_dir: Path) -> OpenOutcome:
    """Open ``data_dir`` for writing, falling back to read-only when it is locked.

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
    except KnownError as exc:
        log.warning("data folder cannot be opened: %s", type(exc).__name__)
        return OpenOutcome(None, error=exc)
