"""Migration 0006: keys stored before the 表記ゆれ folding are refolded, and nothing else changes.

The schema-4 file is made by this program with the word folding switched off (what the program
before issue 10 stored: 子供 and こども folded apart), then stamped as revision 0004.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kyodo_desktop.domain import organization, text
from kyodo_desktop.domain.organization import ContactInput, OrganizationInput
from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.services.duplicates import find_candidates
from kyodo_desktop.services.organizations import (
    DuplicateOrganizationError,
    OrganizationService,
    org_column_values,
)
from kyodo_desktop.services.workspace import Workspace

from .old_files import as_revision

DERIVED = ("dup_key", "search_text")
NAMES = ("子供会ひまわり", "こどもの会", "子供の会", "障がい者スポーツ協会", "街づくり協議会", "みどりの会")


def _schema_4_file(data_dir: Path) -> dict[str, str]:
    """A registry as the program before issue 10 left it; returns name → id."""
    with pytest.MonkeyPatch.context() as mp:
        for module in (text, organization):  # duplicate_key and search_blob, as they were
            mp.setattr(module, "fold_variants", lambda folded: folded)
        with Workspace.open(data_dir) as ws:
            svc = OrganizationService(ws)
            ids = {
                name: svc.create(
                    OrganizationInput(name=name, address="佐倉市海隣寺町1"),
                    contacts=[ContactInput(name="佐倉 花子")],
                )
                for name in NAMES
            }
            svc.delete(ids["街づくり協議会"])  # the trash is searched too: refolded as well
    as_revision(data_dir / "kyodo.db", "0004")
    return ids


def _columns(path: Path, table: str) -> list[str]:
    with sqlite3.connect(path) as conn:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    conn.close()
    return cols


def _dump(
    path: Path, table: str, skip: tuple[str, ...] = (), only: list[str] | None = None
) -> list[tuple[object, ...]]:
    """The rows of ``table``; ``only`` keeps the columns an older file had (later ones added some)."""
    with sqlite3.connect(path) as conn:
        cols = [
            r[1]
            for r in conn.execute(f"PRAGMA table_info({table})")
            if r[1] not in skip and (only is None or r[1] in only)
        ]
        select = ", ".join(f"typeof({c}), {c}" for c in cols)
        rows = conn.execute(f"SELECT rowid, {select} FROM {table} ORDER BY rowid").fetchall()
    conn.close()
    return rows


def test_the_old_file_holds_keys_folded_apart(data_dir: Path) -> None:
    ids = _schema_4_file(data_dir)
    with sqlite3.connect(data_dir / "kyodo.db") as conn:
        keys = dict(conn.execute("SELECT id, dup_key FROM organizations"))
        texts = [r[0] for r in conn.execute("SELECT search_text FROM organizations")]
    conn.close()
    assert keys[ids["子供の会"]] != keys[ids["こどもの会"]]
    assert not any("こども会" in t for t in texts)


def test_a_writer_refolds_the_keys_and_the_old_spelling_is_found(data_dir: Path) -> None:
    ids = _schema_4_file(data_dir)
    path = data_dir / "kyodo.db"
    old_columns = {t: _columns(path, t) for t in ("organizations", "contacts", "interactions", "audit_log")}
    before = {t: _dump(path, t) for t in ("contacts", "interactions", "audit_log")}
    orgs_before = _dump(path, "organizations", skip=DERIVED)
    assert sqlite_file.SCHEMA_VERSION >= 6

    with Workspace.open(data_dir) as ws:
        svc = OrganizationService(ws)
        with ws.engine.connect() as c:
            assert c.exec_driver_sql("PRAGMA user_version").scalar() == sqlite_file.SCHEMA_VERSION
            stored = {
                r[0]: (r[1], r[2])
                for r in c.exec_driver_sql("SELECT id, dup_key, search_text FROM organizations")
            }
        for org_id, keys in stored.items():
            assert keys == tuple(org_column_values(svc.get(org_id).data)[k] for k in DERIVED)

        found = {i for i, _ in svc.search("こども")}
        assert found == {ids["子供会ひまわり"], ids["こどもの会"], ids["子供の会"]}
        assert {i for i, _ in svc.search("子ども 佐倉")} == found
        assert [i for i, _ in svc.search("障害者")] == [ids["障がい者スポーツ協会"]]
        assert [i for i, _ in svc.search("まちづくり", trash=True)] == [ids["街づくり協議会"]]
        assert [i for i, _ in svc.search("子供会")] == [ids["子供会ひまわり"]]  # as typed, still

        # the duplicate key folds the words too: 子供の会 and こどもの会 are one group
        pairs = {(p.first_id, p.second_id): p.reasons for p in find_candidates(ws)}
        first, second = sorted((ids["子供の会"], ids["こどもの会"]))
        assert "名称が同じ" in pairs[(first, second)]
        with pytest.raises(DuplicateOrganizationError, match=r"こども|子供"):
            svc.create(OrganizationInput(name="子どもの会"))

    assert len(list((data_dir / "backups").glob("kyodo-*-pre-migration.db"))) == 1
    with sqlite3.connect(path) as conn:  # version and updated_at stay: the record was not edited
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            f"{sqlite_file.SCHEMA_VERSION:04d}",
        )
    conn.close()
    assert _dump(path, "organizations", skip=DERIVED, only=old_columns["organizations"]) == orgs_before
    assert {
        t: _dump(path, t, only=old_columns[t]) for t in before
    } == before  # no audit row: the keys are not data

    with Workspace.open(data_dir) as ws:  # a new record likewise
        svc = OrganizationService(ws)
        new = svc.create(OrganizationInput(name="コドモ食堂さくら", tags="障碍児支援"))
        assert new in {i for i, _ in svc.search("子供食堂")}
        assert [i for i, _ in svc.search("障害児")] == [new]
