"""The registered names of organizations by id, for views that show list names beside them.

The past-project import's review shows each matched partner as the list names it and, beside
it, as the registry names it (``みどりの森 → 特定非営利活動法人みどりの森``), so an officer sees
which organization a slightly different name was taken for.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from kyodo_desktop.persistence.models import Organization
from kyodo_desktop.services.workspace import Workspace

__all__ = ["organization_names"]

_CHUNK = 500  # below SQLite's bound-parameter limit


def organization_names(ws: Workspace, ids: Iterable[str]) -> dict[str, str]:
    """``{id: registered name}`` of those ``ids`` that are organizations (any others left out)."""
    wanted = sorted(set(ids))
    names: dict[str, str] = {}
    with ws.session_factory() as s:
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            stmt = select(Organization.id, Organization.name).where(Organization.id.in_(chunk))
            names.update(s.execute(stmt).tuples().all())
    return names
