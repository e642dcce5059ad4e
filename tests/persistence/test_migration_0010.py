"""Migration 0010: a schema-8 file keeps every row and gets the evaluation tables and built-ins."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from kyodo_desktop.domain.evaluation import ItemScore
from kyodo_desktop.domain.evaluation_templates import BUILTIN_TEMPLATES
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput, TargetInput
from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.persistence.models import Base
from kyodo_desktop.services.evaluation_records import EvaluationInput
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

from .old_files import as_revision

TABLES = (
    "organizations",
    "officers",
    "projects",
    "project_partners",
    "project_targets",
    "project_stage_changes",
    "audit_log",
)
NEW_TABLES = (
    "evaluation_templates",
    "evaluation_rounds",
    "improvement_actions",
    "evaluations",
    "evaluation_scores",
    "evaluation_target_results",
)


def _dump(path: Path, table: str, like: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(like) as conn:
        cols = ", ".join(r[1] for r in conn.execute(f"PRAGMA table_info({table})"))
    conn.close()
    with sqlite3.connect(path) as conn:
        rows = conn.execute(f"SELECT rowid, {cols} FROM {table} ORDER BY rowid").fetchall()
    conn.close()
    return rows


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    return names


def test_schema_8_file_upgrades_with_nothing_lost_and_has_the_builtins(
    data_dir: Path, tmp_path: Path
) -> None:
    with Workspace.open(data_dir) as ws:
        org = OrganizationService(ws).create(OrganizationInput(name="みどりの会"))
        pid = ProjectService(ws).create(
            ProjectInput(
                title="公園の花壇づくり",
                section="市民協働課",
                fiscal_year=2025,
                partners=[PartnerInput(org)],
                targets=[TargetInput("参加者数", "延べ500人")],
            ),
            stage="評価",
            stage_on=date(2025, 4, 1),
        )
    path = data_dir / "kyodo.db"
    as_revision(path, "0008")
    assert not _tables(path) & set(NEW_TABLES)
    old = shutil.copy(path, tmp_path / "schema-8.db")
    before = {t: _dump(path, t, old) for t in TABLES}
    assert before["projects"] and before["project_targets"]

    with Workspace.open(data_dir) as ws:
        with ws.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA user_version").scalar() == sqlite_file.SCHEMA_VERSION == 13
            assert compare_metadata(MigrationContext.configure(c), Base.metadata) == []
        assert {t: _dump(path, t, old) for t in TABLES} == before
        svc = EvaluationService(ws)
        assert [r.template for r in svc.latest_templates()] == list(BUILTIN_TEMPLATES)
        stored = svc.save_evaluation(
            EvaluationInput(pid, 2025, "最終", "行政", scores=[ItemScore("p1", 5)], submit=True)
        )
        assert stored.total.points == 5 and svc.get_evaluation(stored.id).submitted
    assert set(NEW_TABLES) <= _tables(path)
    (backup,) = (data_dir / "backups").glob("kyodo-*-pre-migration.db")
    assert {t: _dump(backup, t, old) for t in TABLES} == before


def test_a_new_file_has_the_same_builtin_rows_as_an_upgraded_one(ws: Workspace) -> None:
    with ws.engine.connect() as c:
        rows = c.exec_driver_sql(
            "SELECT id, key, version, is_builtin FROM evaluation_templates ORDER BY id"
        ).all()
    assert [tuple(r) for r in rows] == [
        ("00000000-0000-4000-8000-000000000e01", "points-5", 1, 1),
        ("00000000-0000-4000-8000-000000000e02", "urayasu-3", 1, 1),
        ("00000000-0000-4000-8000-000000000e03", "weighted-points", 1, 1),
    ]
