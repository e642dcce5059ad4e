"""A save is refused when the record moved on, even if its version number came round again.

An import undo gives each record it updated its old ``version`` and ``updated_at`` back. A form
opened on the imported values holds version v+1; after the undo another edit brings the record
to v+1 again, and the version alone would let that old form overwrite the edit.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.services.organizations import OrganizationService, StaleEditError
from kyodo_desktop.services.workspace import Workspace


def _set_time(ws: Workspace, org_id: str, when: str, version: int | None = None) -> None:
    with ws.engine.begin() as c:
        c.execute(text("UPDATE organizations SET updated_at = :t WHERE id = :i"), {"t": when, "i": org_id})
        if version is not None:
            c.execute(
                text("UPDATE organizations SET version = :v WHERE id = :i"), {"v": version, "i": org_id}
            )


def test_a_form_from_before_an_undo_is_refused_after_another_edit(data_dir: Path) -> None:
    with Workspace.open(data_dir) as ws:
        svc = OrganizationService(ws)
        org_id = svc.create(OrganizationInput(name="ひだまりの会"))
        _set_time(ws, org_id, "2026-11-01T00:00:00+00:00")
        svc.update(org_id, OrganizationInput(name="ひだまりの会", phone="043-111-1111"), expected_version=1)
        _set_time(ws, org_id, "2026-11-02T00:00:00+00:00")  # the "import"
        opened = svc.get(org_id)  # a form opened on the imported values
        assert opened.version == 2
        _set_time(ws, org_id, "2026-11-01T00:00:00+00:00", version=1)  # the undo puts both back
        svc.update(
            org_id,
            OrganizationInput(name="ひだまりの会", representative="山田 花子"),
            expected_version=1,
            expected_updated_at="2026-11-01T00:00:00+00:00",
        )
        _set_time(ws, org_id, "2026-11-03T00:00:00+00:00")  # someone else's edit, version 2 again
        assert svc.get(org_id).version == 2
        with pytest.raises(StaleEditError):
            svc.update(
                org_id,
                OrganizationInput(name="ひだまりの会", fax="043-222-2222"),
                expected_version=opened.version,
                expected_updated_at=opened.updated_at,
            )
        assert svc.get(org_id).data.representative == "山田 花子"  # the other edit is kept
        # the same form without its time is what the check used to be: the version alone passes
        svc.update(org_id, OrganizationInput(name="ひだまりの会", fax="043-222-2222"), expected_version=2)
