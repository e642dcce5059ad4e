"""Migration 0013: a schema-12 file keeps every row, 最終接触日 is set from the log where it
drifted, and the day's two indexes come and are read."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kyodo_desktop.domain.organization import InteractionInput, OrganizationInput
from kyodo_desktop.domain.project import OfficerInput, PartnerInput, ProjectInput
from kyodo_desktop.persistence import day_reads, sqlite_file
from kyodo_desktop.persistence.models import Base
from kyodo_desktop.services.officers import add_officer
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

from .old_files import as_revision
from .test_migration_0011 import _dump

TABLES = ("organizations", "interactions", "officers", "projects", "project_partners", "commitments")
NEW = ("ix_organizations_quiet", "ix_projects_day", "ix_organizations_day", "ix_evaluations_submitted")


def _indexes(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    conn.close()
    return names


def _last_contact(path: Path) -> dict[str, str | None]:
    with sqlite3.connect(path) as conn:
        rows = dict(conn.execute("SELECT name, last_contact_on FROM organizations"))
    conn.close()
    return rows


def test_schema_12_file_upgrades_with_nothing_lost(data_dir: Path, tmp_path: Path) -> None:
    with Workspace.open(data_dir) as ws:
        officer = add_officer(ws, OfficerInput(name="佐藤 花子", section="市民協働課"))
        orgs = OrganizationService(ws)
        quiet = orgs.create(OrganizationInput(name="みどりの会"), responsible_officer_id=officer)
        orgs.add_interaction(quiet, InteractionInput(date(2025, 5, 1), "面談", "総会の相談"))
        drifted = orgs.create(OrganizationInput(name="あおぞらの会"), responsible_officer_id=officer)
        orgs.add_interaction(
            drifted,
            InteractionInput(date(2026, 11, 20), "電話", "次回の打合せ", next_action_on=date(2026, 12, 10)),
        )
        ProjectService(ws).create(
            ProjectInput(
                title="公園の花壇づくり",
                section="市民協働課",
                fiscal_year=2026,
                period_start=date(2026, 4, 1),
                period_end=date(2026, 12, 20),
                partners=[PartnerInput(quiet)],
            ),
            stage_on=date(2026, 4, 1),
        )
    path = data_dir / "kyodo.db"
    as_revision(path, "0012")
    assert not _indexes(path) & set(NEW)
    # a 最終接触日 that no longer follows the log (as a file written by hand or a bug might hold)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE organizations SET last_contact_on = '2027-01-01' WHERE name = 'あおぞらの会'")
    conn.close()
    old = shutil.copy(path, tmp_path / "schema-12.db")
    before = {t: _dump(path, t, old) for t in TABLES}
    # what the organizations must hold after: the same rows, 最終接触日 following the log again
    fixed = shutil.copy(path, tmp_path / "fixed.db")
    with sqlite3.connect(fixed) as conn:
        conn.execute("UPDATE organizations SET last_contact_on = '2026-11-20' WHERE name = 'あおぞらの会'")
    conn.close()
    expected = {**before, "organizations": _dump(fixed, "organizations", old)}
    assert before["projects"] and before["interactions"] and before["officers"]

    with Workspace.open(data_dir) as ws:
        with ws.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA user_version").scalar() == sqlite_file.SCHEMA_VERSION == 13
            assert compare_metadata(MigrationContext.configure(c), Base.metadata) == []
        with ws.reader() as conn:
            # the quiet partner (no contact since 2025-05) is read from the new index
            rows = day_reads.quiet_organizations(conn, "2026-06-01", "解散")
            assert [(r[1], r[2]) for r in rows] == [("みどりの会", "2025-05-01")]
            quiet_sql = day_reads._QUIET.format(officer="o.responsible_officer_id IS NOT NULL")
            plan = " ".join(
                str(r[-1]) for r in conn.execute(f"EXPLAIN QUERY PLAN {quiet_sql}", ("解散", "2026-06-01"))
            )
            assert "COVERING INDEX ix_organizations_quiet" in plan, plan
            # the follow-up is open again: a drifted (later) 最終接触日 had hidden it
            due = day_reads.follow_ups(conn, "2026-06-01", "2026-12-31")
            assert [(r[1], r[5], r[6]) for r in due] == [("あおぞらの会", "2026-12-10", "2026-11-20")]
            plan = " ".join(
                str(r[-1])
                for r in conn.execute(
                    f"EXPLAIN QUERY PLAN {day_reads._FOLLOW_UPS_ALL}", ("2026-06-01", "2026-12-31")
                )
            )
            assert "COVERING INDEX ix_organizations_day" in plan, plan
            ending = day_reads.ending_projects(conn, "2026-12-01", "2027-01-30", ("中止", "終了"))
            assert [r[1] for r in ending] == ["公園の花壇づくり"]

    assert {t: _dump(path, t, old) for t in TABLES} == expected
    assert _last_contact(path) == {"みどりの会": "2025-05-01", "あおぞらの会": "2026-11-20"}
    assert _last_contact(old) == {"みどりの会": "2025-05-01", "あおぞらの会": "2027-01-01"}
    assert _indexes(path) >= set(NEW)
    (backup,) = (data_dir / "backups").glob("kyodo-*-pre-migration.db")
    assert {t: _dump(backup, t, old) for t in TABLES} == before
    assert not _indexes(backup) & set(NEW)
