"""A merge carries the 担当職員 over when the survivor has none; unmerge gives it back."""

from __future__ import annotations

from pathlib import Path

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import OfficerInput
from kyodo_desktop.persistence import audit
from kyodo_desktop.services import duplicates, officers
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


def _pair(ws: Workspace, keep_officer: str | None, other_officer: str | None) -> tuple[str, str]:
    svc = OrganizationService(ws)
    keep = svc.create(OrganizationInput(name="みどりの会"), responsible_officer_id=keep_officer)
    other = svc.create(
        OrganizationInput(name="みどりの会", phone="043-000-0000"),
        allow_duplicate=True,
        responsible_officer_id=other_officer,
    )
    return keep, other


def test_the_other_officer_comes_when_the_survivor_has_none(data_dir: Path) -> None:
    with Workspace.open(data_dir, write=True) as ws:
        sato = officers.add_officer(ws, OfficerInput(name="佐藤 一郎", section="市民協働課"))
        keep, other = _pair(ws, None, sato)
        duplicates.merge(ws, keep, other)
        svc = OrganizationService(ws)
        assert svc.get(keep).responsible_officer_id == sato
        with ws.session_factory() as s:
            merge_row = [r for r in audit.history(s, keep) if r.action == "merge"][-1]
        assert '"responsible_officer_id": [null, "' + sato in merge_row.changes
        duplicates.unmerge(ws, other)
        assert svc.get(keep).responsible_officer_id is None
        assert svc.get(other).responsible_officer_id == sato


def test_the_survivor_keeps_its_own_unless_told(data_dir: Path) -> None:
    with Workspace.open(data_dir, write=True) as ws:
        sato = officers.add_officer(ws, OfficerInput(name="佐藤 一郎"))
        suzuki = officers.add_officer(ws, OfficerInput(name="鈴木 花子"))
        keep, other = _pair(ws, sato, suzuki)
        duplicates.merge(ws, keep, other)
        svc = OrganizationService(ws)
        assert svc.get(keep).responsible_officer_id == sato
        duplicates.unmerge(ws, other)
        duplicates.merge(ws, keep, other, take_from_other=["responsible_officer_id"])
        assert svc.get(keep).responsible_officer_id == suzuki
        duplicates.unmerge(ws, other)
        assert svc.get(keep).responsible_officer_id == sato
