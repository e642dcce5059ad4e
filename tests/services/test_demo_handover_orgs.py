"""``kyodo demo --orgs N`` alone: demo officers, responsibilities, commitments and signed notes."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import text

from kyodo_desktop.services import demo, handover_alerts
from kyodo_desktop.services.demo_handover import SIGNED_NOTES, add_without_projects
from kyodo_desktop.services.demo_project_words import OFFICERS
from kyodo_desktop.services.workspace import Workspace

TODAY = date(2026, 11, 20)


def _demo(data_dir: Path, seed: int) -> tuple[tuple[int, int], dict[str, list[tuple]]]:
    with Workspace.open(data_dir, write=True) as ws:
        demo.generate(ws, 150, seed=seed)
        counts = add_without_projects(ws, seed=seed, today=TODAY)
        with ws.engine.connect() as c:
            rows = {
                "officers": c.execute(
                    text(
                        "SELECT o.name, o.assigned_on, o.transferred_on, s.name FROM officers o "
                        "LEFT JOIN officers s ON s.id = o.successor_id ORDER BY o.name"
                    )
                ).all(),
                "looked_after": c.execute(
                    text(
                        "SELECT g.name, o.name FROM organizations g JOIN officers o "
                        "ON o.id = g.responsible_officer_id ORDER BY g.name"
                    )
                ).all(),
                "commitments": c.execute(
                    text(
                        "SELECT g.name, c.text, c.due_on, c.status FROM commitments c "
                        "JOIN organizations g ON g.id = c.organization_id ORDER BY g.name, c.text"
                    )
                ).all(),
                "notes": c.execute(
                    text(
                        "SELECT f.name, t.name, n.status FROM handover_notes n JOIN officers f "
                        "ON f.id = n.from_officer_id JOIN officers t ON t.id = n.to_officer_id ORDER BY f.name"
                    )
                ).all(),
            }
        rows["pending"] = [(p.name, p.transferred_on, p.count) for p in handover_alerts.pending(ws)]
    return counts, rows


def test_organizations_alone_get_officers_commitments_and_signed_notes(tmp_path: Path) -> None:
    (added, signed), rows = _demo(tmp_path / "a", 4)
    assert added == len(OFFICERS) and signed == SIGNED_NOTES
    assert {name for name, *_ in rows["officers"]} == {name for name, *_ in OFFICERS}
    transferring = [r for r in rows["officers"] if r[2] is not None]
    assert transferring and all(r[2] == "2027-04-01" and r[3] for r in transferring)
    assert 0 < len(rows["looked_after"]) <= 60
    assert rows["commitments"], "some organizations have 約束・宿題"
    assert rows["notes"] and {status for *_, status in rows["notes"]} == {"署名済"}
    assert rows["pending"], "what is left unsigned is pending"
    with Workspace.open(tmp_path / "a") as ws, ws.engine.connect() as c:
        audited = c.execute(
            text("SELECT count(*) FROM audit_log WHERE entity = 'officer' AND action = 'create'")
        ).scalar()
    assert audited == len(OFFICERS)


def test_the_same_seed_gives_the_same_handover_demo(tmp_path: Path) -> None:
    first, second, other = _demo(tmp_path / "a", 4), _demo(tmp_path / "b", 4), _demo(tmp_path / "c", 5)
    assert first == second
    assert first[1]["looked_after"] != other[1]["looked_after"]
