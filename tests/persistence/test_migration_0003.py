"""Migration 0003: keys stored under the old folding rules are refolded, and nothing else changes.

The schema-2 file is made by this program, then given what the program before issue 9 stored:
its stamp (user_version 2, alembic revision 0002) and keys folded the old way (U+200B, U+00AD,
U+FEFF kept; － folded to "-" but not to ー in the duplicate key).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from alembic import command

from kyodo_desktop.domain.organization import (
    ContactInput,
    InteractionInput,
    OrganizationInput,
    search_blob,
)
from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.persistence.database import _alembic_config, make_engine
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services.duplicates import find_candidates
from kyodo_desktop.services.organizations import (
    DuplicateOrganizationError,
    OrganizationService,
    org_column_values,
)
from kyodo_desktop.services.workspace import Workspace

from .old_files import as_revision

ZWSP = "\u200b"
KANA = "みどりのかい"
#: name → (the dup_key the old rules stored, and how their search_text differed from today's)
STALE: dict[str, tuple[str, Callable[[str], str]]] = {
    f"みどり{ZWSP}の会": (
        f"みどり{ZWSP}の会",
        lambda blob: blob.replace("みどりの会", f"みどり{ZWSP}の会", 1),
    ),
    # － was folded to "-" by search before as well; only the duplicate key did not make it ー
    "セント－ラルの会": ("せんと-らるの会", lambda blob: blob),
    "ひかりの会": ("ひかりの会", lambda blob: blob.replace("ひかり", "ひ\u00adか\ufeffり", 1)),
}
DERIVED = ("dup_key", "search_text")


def _schema_2_file(data_dir: Path) -> dict[str, str]:
    """A registry as the previous version left it; returns name → id."""
    with Workspace.open(data_dir) as ws:
        svc = OrganizationService(ws)
        ids = {
            "みどりの会": svc.create(
                OrganizationInput(name="みどりの会", kana=KANA, address="千葉市中央区1-1"),
                contacts=[ContactInput(name="緑 花子", phone="043-000-0000")],
            ),
            "ひだまり": svc.create(OrganizationInput(name="ひだまり", tags="子育て")),
        }
        for n, name in enumerate(STALE):
            ids[name] = svc.create(OrganizationInput(name=f"仮の名前{n}", kana=KANA), allow_duplicate=True)
        svc.add_interaction(
            ids["ひだまり"], InteractionInput(occurred_on=date(2026, 11, 30), kind="電話", summary="確認")
        )
        svc.delete(ids["ひかりの会"])  # the trash is searched too: its keys are refolded as well
    as_revision(data_dir / "kyodo.db", "0002")
    conn = sqlite3.connect(data_dir / "kyodo.db")
    with conn:
        for name, (old_key, old_blob) in STALE.items():
            # the name as an older version stored it, with the keys that version folded from it
            blob = old_blob(search_blob(OrganizationInput(name=name, kana=KANA)))
            conn.execute(
                "UPDATE organizations SET name = ?, dup_key = ?, search_text = ? WHERE id = ?",
                (name, old_key, blob, ids[name]),
            )
    conn.close()
    return ids


def _dump(
    path: Path, table: str, skip: tuple[str, ...] = (), like: Path | None = None
) -> list[tuple[object, ...]]:
    """Every row of ``table`` (its columns but ``skip``), each value with its SQLite type; only
    the columns ``like``'s table has (a later revision's columns are new)."""
    with sqlite3.connect(like or path) as conn:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in skip]
    conn.close()
    with sqlite3.connect(path) as conn:
        select = ", ".join(f"typeof({c}), {c}" for c in cols)
        rows = conn.execute(f"SELECT rowid, {select} FROM {table} ORDER BY rowid").fetchall()
    conn.close()
    return rows


def _schema(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name").fetchall()
    conn.close()
    return rows


def test_the_built_file_has_exactly_the_schema_of_revision_0002(tmp_path: Path) -> None:
    _schema_2_file(tmp_path / "data")
    reference = tmp_path / "ref.db"
    engine = make_engine(reference)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(engine, conn), "0002")
    engine.dispose()
    assert _schema(tmp_path / "data" / "kyodo.db") == _schema(reference)
    with sqlite3.connect(tmp_path / "data" / "kyodo.db") as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [("0002",)]
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 2
    raw.close()


def test_a_writer_refolds_the_stored_keys_and_changes_nothing_else(data_dir: Path, tmp_path: Path) -> None:
    ids = _schema_2_file(data_dir)
    path = data_dir / "kyodo.db"
    old = shutil.copy(path, tmp_path / "schema-2.db")  # later columns are new: compare the old ones
    before = {t: _dump(path, t) for t in ("contacts", "interactions", "audit_log")}
    orgs_before = _dump(path, "organizations", skip=DERIVED)
    assert sqlite_file.SCHEMA_VERSION == 13

    with Workspace.open(data_dir) as ws:
        svc = OrganizationService(ws)
        with ws.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA user_version").scalar() == sqlite_file.SCHEMA_VERSION
            stored = {
                r[0]: (r[1], r[2])
                for r in c.exec_driver_sql("SELECT id, dup_key, search_text FROM organizations")
            }
        for org_id, keys in stored.items():
            now = org_column_values(svc.get(org_id).data)
            assert keys == (now["dup_key"], now["search_text"])
        assert ZWSP not in "".join(k for pair in stored.values() for k in pair)
        assert stored[ids["セント－ラルの会"]][0] == "せんとーらるの会"

        pairs = {(p.first_id, p.second_id): p.reasons for p in find_candidates(ws)}
        first, second = sorted((ids["みどりの会"], ids[f"みどり{ZWSP}の会"]))
        assert "名称が同じ" in pairs[(first, second)]
        assert ids[f"みどり{ZWSP}の会"] in {i for i, _ in svc.search("みどりの会")}
        assert [i for i, _ in svc.search("ひかりの会", trash=True)] == [ids["ひかりの会"]]
        with pytest.raises(DuplicateOrganizationError, match="みどり"):  # the save-time check too
            svc.create(OrganizationInput(name="みどりの会"))

    assert len(list((data_dir / "backups").glob("kyodo-*-pre-migration.db"))) == 1
    assert _dump(path, "organizations", skip=DERIVED, like=old) == orgs_before
    assert {t: _dump(path, t, like=old) for t in before} == before  # no audit row: the keys are not data


def test_the_pre_migration_backup_keeps_the_old_keys(data_dir: Path) -> None:
    ids = _schema_2_file(data_dir)
    Workspace.open(data_dir).close()
    (backup,) = (data_dir / "backups").glob("kyodo-*-pre-migration.db")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        key = conn.execute("SELECT dup_key FROM organizations WHERE id = ?", (ids[f"みどり{ZWSP}の会"],))
        assert key.fetchone()[0] == f"みどり{ZWSP}の会"
    conn.close()


def test_a_reader_refuses_the_schema_2_file_and_leaves_it_byte_identical(data_dir: Path) -> None:
    _schema_2_file(data_dir)
    before = hashlib.sha256((data_dir / "kyodo.db").read_bytes()).hexdigest()
    with pytest.raises(KnownError, match="古い形式"):
        Workspace.open(data_dir, write=False)
    assert hashlib.sha256((data_dir / "kyodo.db").read_bytes()).hexdigest() == before
    assert not list((data_dir / "backups").glob("*-pre-migration.db"))
