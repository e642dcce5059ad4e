"""Demo data is deterministic, realistic and already in normalised form."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from kyodo_desktop.domain.organization import validate_organization
from kyodo_desktop.services import demo
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


def _names(data_dir: Path, seed: int) -> list[str]:
    with Workspace.open(data_dir) as ws:
        demo.generate(ws, 400, seed=seed)
        with ws.engine.connect() as c:
            return [r[0] for r in c.execute(text("SELECT name FROM organizations ORDER BY name"))]


def test_same_seed_same_data(tmp_path: Path) -> None:
    assert _names(tmp_path / "a", 7) == _names(tmp_path / "b", 7)
    assert _names(tmp_path / "c", 8) != _names(tmp_path / "d", 7)


def test_demo_records_pass_the_domain_rules_unchanged(ws: Workspace, svc: OrganizationService) -> None:
    assert demo.generate(ws, 300, seed=3) == 300
    rows = svc.search("")
    assert len(rows) == 300
    for org_id, _ in rows[:120]:
        rec = svc.get(org_id)
        clean = validate_organization(rec.data)
        for field in ("phone", "postal_code", "corporate_number", "legal_form", "municipality_code", "kana"):
            assert getattr(clean, field) == getattr(rec.data, field), (field, getattr(rec.data, field))
        assert rec.contacts, "every demo group has a contact"
    with ws.engine.connect() as c:
        audits = c.execute(text("SELECT count(*) FROM audit_log WHERE action='create'")).scalar()
    assert audits == 300


def test_demo_adds_to_existing_data_without_duplicates(ws: Workspace, svc: OrganizationService) -> None:
    demo.generate(ws, 200, seed=1)
    demo.generate(ws, 200, seed=1)
    with ws.engine.connect() as c:
        keys = c.execute(text("SELECT count(*), count(DISTINCT dup_key) FROM organizations")).one()
    assert keys[0] == 400 and keys[1] == 400


def test_demo_phone_numbers_use_the_municipality_area_code(ws: Workspace) -> None:
    demo.generate(ws, 600, seed=5)
    areas: dict[str, set[str]] = {}
    for place in demo.PLACES:
        areas.setdefault(place[2], set()).add(place[4])
    with ws.engine.connect() as c:
        rows = c.execute(text("SELECT municipality_code, phone FROM organizations")).all()
    wrong = [(code, phone) for code, phone in rows if phone.split("-")[0] not in areas[code]]
    assert wrong == []


def _count(ws: Workspace, table: str) -> int:
    with ws.engine.connect() as c:
        return int(c.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_atomic_demo_writes_the_same_data_in_one_transaction(tmp_path: Path) -> None:
    reports: list[tuple[int, int]] = []
    with Workspace.open(tmp_path / "a") as ws:
        assert (
            demo.generate(ws, 250, seed=5, progress=lambda d, t: reports.append((d, t)) is None, atomic=True)
            == 250
        )
        with ws.engine.connect() as c:
            atomic = [r[0] for r in c.execute(text("SELECT name FROM organizations ORDER BY name"))]
    with Workspace.open(tmp_path / "b") as ws:
        demo.generate(ws, 250, seed=5)
        with ws.engine.connect() as c:
            batched = [r[0] for r in c.execute(text("SELECT name FROM organizations ORDER BY name"))]
    assert atomic == batched
    # reported every ATOMIC_BATCH rows, so a progress dialog moves and Cancel answers soon
    assert reports == [(100, 250), (200, 250), (250, 250)]


def test_cancelled_atomic_demo_leaves_nothing(ws: Workspace) -> None:
    calls: list[int] = []

    def stop_at_second(done: int, _total: int) -> bool:
        calls.append(done)
        return done < 200

    with pytest.raises(demo.DemoCancelled):
        demo.generate(ws, 500, progress=stop_at_second, atomic=True)
    assert calls == [100, 200]
    for table in ("organizations", "contacts", "interactions", "audit_log"):
        assert _count(ws, table) == 0, table
    # the workspace stays usable after the rollback
    assert demo.generate(ws, 10, atomic=True) == 10
    assert _count(ws, "organizations") == 10
