"""An organization's 担当職員: set, cleared, audited, stale-checked, shown by ``kyodo orgs show``."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text

from kyodo_desktop.cli import main
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import OfficerInput
from kyodo_desktop.persistence.errors import NotFoundError, StaleEditError
from kyodo_desktop.services import officers
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


def _audit(ws: Workspace, org_id: str) -> list[tuple[str, dict[str, list[object]]]]:
    with ws.engine.connect() as c:
        rows = c.execute(
            text("SELECT action, changes FROM audit_log WHERE record_id = :id ORDER BY id"), {"id": org_id}
        )
        return [(action, json.loads(changes)) for action, changes in rows]


def test_set_clear_and_keep(ws: Workspace, svc: OrganizationService) -> None:
    aoki = officers.add_officer(ws, OfficerInput("青木 由紀", section="県民生活課"))
    org_id = svc.create(OrganizationInput(name="担当のある会"), responsible_officer_id=aoki)
    rec = svc.get(org_id)
    assert (rec.responsible_officer_id, rec.responsible_officer) == (aoki, "青木 由紀（県民生活課）")
    assert _audit(ws, org_id)[0][1]["responsible_officer_id"] == [None, aoki]

    # an edit that leaves it alone keeps it, in one audit row without it
    v2 = svc.update(
        org_id, OrganizationInput(name="担当のある会", notes="メモ"), expected_version=rec.version
    )
    assert svc.get(org_id).responsible_officer_id == aoki
    assert "responsible_officer_id" not in _audit(ws, org_id)[-1][1]

    # an edit and a new officer: one version, the officer in its own audit row
    okada = officers.add_officer(ws, OfficerInput("岡田 真理"))
    v3 = svc.update(
        org_id,
        OrganizationInput(name="担当のある会", notes="メモ2"),
        expected_version=v2,
        responsible_officer_id=okada,
    )
    assert v3 == v2 + 1
    assert [changes for _, changes in _audit(ws, org_id)[-2:]] == [
        {"notes": ["メモ", "メモ2"]},
        {"responsible_officer_id": [aoki, okada]},
    ]
    assert svc.get(org_id).responsible_officer == "岡田 真理"

    v4 = svc.set_responsible_officer(org_id, None, expected_version=v3)
    assert v4 == v3 + 1 and svc.get(org_id).responsible_officer_id is None
    assert _audit(ws, org_id)[-1] == ("update", {"responsible_officer_id": [okada, None]})
    assert svc.set_responsible_officer(org_id, None, expected_version=v4) == v4  # nothing to change


def test_stale_and_unknown_officers_are_refused(ws: Workspace, svc: OrganizationService) -> None:
    aoki = officers.add_officer(ws, OfficerInput("青木 由紀"))
    org_id = svc.create(OrganizationInput(name="古い版の会"))
    version = svc.get(org_id).version
    svc.update(org_id, OrganizationInput(name="古い版の会", notes="先に保存"), expected_version=version)
    with pytest.raises(StaleEditError):
        svc.set_responsible_officer(org_id, aoki, expected_version=version)
    with pytest.raises(StaleEditError):
        svc.update(
            org_id,
            OrganizationInput(name="古い版の会"),
            expected_version=version,
            responsible_officer_id=aoki,
        )
    with pytest.raises(NotFoundError, match="職員が見つかりません"):
        svc.set_responsible_officer(org_id, "no-such-officer", expected_version=version + 1)
    with pytest.raises(NotFoundError):
        svc.create(OrganizationInput(name="存在しない職員の会"), responsible_officer_id="no-such-officer")
    assert svc.get(org_id).responsible_officer_id is None


def test_orgs_show_prints_the_officer(
    ws: Workspace, svc: OrganizationService, capsys: pytest.CaptureFixture[str]
) -> None:
    aoki = officers.add_officer(ws, OfficerInput("青木 由紀", section="県民生活課"))
    org_id = svc.create(OrganizationInput(name="表示の会"), responsible_officer_id=aoki)
    data_dir = str(ws.data_dir)
    ws.close()
    assert main(["--data-dir", data_dir, "orgs", "show", org_id]) == 0
    assert "  担当職員: 青木 由紀（県民生活課）\n" in capsys.readouterr().out
    assert main(["--data-dir", data_dir, "orgs", "show", org_id, "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (
        shown["responsible_officer_id"] == aoki and shown["responsible_officer"] == "青木 由紀（県民生活課）"
    )
