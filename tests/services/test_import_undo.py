"""Undoing an import: the data as it was before it, refused when records were edited since."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from kyodo_desktop.domain.organization import ContactInput, InteractionInput, OrganizationInput
from kyodo_desktop.persistence.backup import list_backups
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services import import_undo
from kyodo_desktop.services.import_pipeline import prepare_import
from kyodo_desktop.services.import_undo import ImportEditedSinceError, list_imports, undo_import
from kyodo_desktop.services.importing import ImportSummary, apply_import, choose_overwrites
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

#: Columns an undo moves forward on a record it restores (the undo is a change of its own).
_BOOKKEEPING = ("version", "updated_at")


def _import(ws: Workspace, path: Path, body: str) -> ImportSummary:
    path.write_text(body, encoding="utf-8")
    prepared = prepare_import(ws, path)
    # the officer takes every change (an update overwrites nothing unless chosen), so undo has
    # stored values to bring back
    choose_overwrites(prepared.plan, None)
    return apply_import(ws, prepared.plan, valid_only=True)


def _tables(ws: Workspace) -> dict[str, list[dict[str, Any]]]:
    """Every row of the registry and its children, by id."""
    out = {}
    with ws.engine.connect() as c:
        for table in ("organizations", "contacts", "interactions"):
            result = c.execute(text(f"SELECT * FROM {table} ORDER BY id"))
            out[table] = [dict(r._mapping) for r in result]
    return out


def _without_bookkeeping(tables: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    return {
        name: [
            {k: v for k, v in row.items() if name != "organizations" or k not in _BOOKKEEPING} for row in rows
        ]
        for name, rows in tables.items()
    }


@pytest.fixture
def registry(svc: OrganizationService) -> dict[str, str]:
    """Two stored organizations, one with a contact and an interaction."""
    midori = svc.create(
        OrganizationInput(
            name="みどりの会", municipality_name="千葉市", phone="043-111-1111", notes="元のメモ"
        )
    )
    svc.add_contact(midori, ContactInput(name="佐藤花子", phone="090-1111-2222"))
    svc.add_interaction(midori, InteractionInput(occurred_on=date(2026, 4, 1), kind="電話", summary="相談"))
    umi = svc.create(OrganizationInput(name="うみの会", municipality_name="銚子市", email="umi@example.jp"))
    return {"midori": midori, "umi": umi}


_LIST = (
    "団体名,市町村,電話,メールアドレス,住所\n"
    "みどりの会,千葉市,043-111-1111,midori@example.jp,千葉市中央区1-1\n"  # update: email, address
    "あおぞらの会,船橋市,047-222-3333,,\n"  # new
    "ほしの会,市川市,,hoshi@example.jp,\n"  # new
)


class TestUndo:
    def test_undo_leaves_the_registry_as_it_was(
        self, tmp_path: Path, ws: Workspace, registry: dict[str, str]
    ) -> None:
        with ws.engine.begin() as c:  # a time no import or undo could write by chance
            c.execute(text("UPDATE organizations SET updated_at = '2020-01-02T03:04:05+00:00'"))
        before = _tables(ws)
        summary = _import(ws, tmp_path / "名簿.csv", _LIST)
        assert (summary.created, summary.updated) == (2, 1)
        assert _tables(ws) != before

        done = undo_import(ws, summary.import_id)

        assert (done.deleted, done.restored) == (2, 1)
        after = _tables(ws)
        assert _without_bookkeeping(after) == _without_bookkeeping(before)
        # every column of every row, version and updated_at included, as before the import
        assert after == before
        umi_before = next(r for r in before["organizations"] if r["id"] == registry["umi"])
        assert umi_before in after["organizations"]  # untouched by both: byte for byte
        assert any(b.reason == "pre-undo-import" for b in list_backups(ws.backups_dir))

    def test_an_import_recorded_without_the_old_version_moves_it_forward(
        self, tmp_path: Path, ws: Workspace, registry: dict[str, str]
    ) -> None:
        """Imports written before their audit rows held ``_before``: values back, a fresh version."""
        before = _tables(ws)
        summary = _import(ws, tmp_path / "名簿.csv", _LIST)
        with ws.engine.begin() as c:
            c.execute(
                text(
                    "UPDATE audit_log SET changes = json_remove(changes, '$._before') WHERE action = 'update'"
                )
            )
        undo_import(ws, summary.import_id)
        after = _tables(ws)
        assert _without_bookkeeping(after) == _without_bookkeeping(before)
        midori_before = next(r for r in before["organizations"] if r["id"] == registry["midori"])
        midori_after = next(r for r in after["organizations"] if r["id"] == registry["midori"])
        assert midori_after["version"] == midori_before["version"] + 2  # import, then undo

    def test_a_form_opened_on_the_imported_values_is_stale_after_the_undo(
        self, tmp_path: Path, ws: Workspace, svc: OrganizationService, registry: dict[str, str]
    ) -> None:
        from kyodo_desktop.persistence.errors import StaleEditError

        summary = _import(ws, tmp_path / "名簿.csv", _LIST)
        opened = svc.get(registry["midori"])  # the form shows the imported e-mail
        undo_import(ws, summary.import_id)
        with pytest.raises(StaleEditError):
            svc.update(
                registry["midori"],
                dataclasses.replace(opened.data, notes="後で"),
                expected_version=opened.version,
            )

    def test_the_undo_is_audited_with_the_import_id(
        self, tmp_path: Path, ws: Workspace, registry: dict[str, str]
    ) -> None:
        summary = _import(ws, tmp_path / "名簿.csv", _LIST)
        undo_import(ws, summary.import_id)
        with ws.engine.connect() as c:
            rows = c.execute(
                text(
                    "SELECT record_id, changes, context, officer FROM audit_log WHERE action = 'undo-import'"
                )
            ).all()
        assert len(rows) == 3
        assert {r.context for r in rows} == {f"undo-import {summary.import_id} 名簿.csv"}
        assert {r.officer for r in rows} == {"テスト職員"}
        midori = next(json.loads(r.changes) for r in rows if r.record_id == registry["midori"])
        assert midori["email"] == ["midori@example.jp", ""]
        created = [json.loads(r.changes) for r in rows if r.record_id != registry["midori"]]
        assert sorted(c["name"][0] for c in created) == ["あおぞらの会", "ほしの会"]
        assert all(c["name"][1] is None for c in created)

    def test_listed_with_counts_and_marked_undone(
        self, tmp_path: Path, ws: Workspace, registry: dict[str, str]
    ) -> None:
        summary = _import(ws, tmp_path / "名簿.csv", _LIST)
        [listed] = list_imports(ws)
        assert (listed.import_id, listed.source_name, listed.created, listed.updated, listed.undone) == (
            summary.import_id,
            "名簿.csv",
            2,
            1,
            False,
        )
        undo_import(ws, summary.import_id)
        [listed] = list_imports(ws)
        assert listed.undone

    def test_undoing_twice_is_refused(self, tmp_path: Path, ws: Workspace, registry: dict[str, str]) -> None:
        summary = _import(ws, tmp_path / "名簿.csv", _LIST)
        undo_import(ws, summary.import_id)
        once = _tables(ws)
        with pytest.raises(KnownError, match="既に取り消されています"):
            undo_import(ws, summary.import_id)
        assert _tables(ws) == once

    def test_an_unknown_id_is_refused(self, ws: Workspace) -> None:
        with pytest.raises(KnownError, match="見つかりません"):
            undo_import(ws, "000000000000")

    def test_an_edit_since_blocks_the_undo_naming_the_record(
        self, tmp_path: Path, ws: Workspace, svc: OrganizationService, registry: dict[str, str]
    ) -> None:
        summary = _import(ws, tmp_path / "名簿.csv", _LIST)
        hoshi = next(r for r in _tables(ws)["organizations"] if r["name"] == "ほしの会")
        svc.add_contact(hoshi["id"], ContactInput(name="山田太郎"))
        edited = _tables(ws)
        backups = len(list_backups(ws.backups_dir))
        with pytest.raises(ImportEditedSinceError, match="「ほしの会」") as caught:
            undo_import(ws, summary.import_id)
        assert caught.value.names == ["ほしの会"]
        assert _tables(ws) == edited  # nothing written
        assert len(list_backups(ws.backups_dir)) == backups  # nor a backup taken
        with ws.engine.connect() as c:
            assert (
                c.execute(text("SELECT count(*) FROM audit_log WHERE action = 'undo-import'")).scalar() == 0
            )

    def test_an_update_since_of_an_updated_record_blocks_it(
        self, tmp_path: Path, ws: Workspace, svc: OrganizationService, registry: dict[str, str]
    ) -> None:
        summary = _import(ws, tmp_path / "名簿.csv", _LIST)
        stored = svc.get(registry["midori"])
        changed = dataclasses.replace(stored.data, notes="電話で確認")
        svc.update(registry["midori"], changed, expected_version=stored.version)
        with pytest.raises(ImportEditedSinceError, match="「みどりの会」"):
            undo_import(ws, summary.import_id)

    def test_a_later_undone_import_does_not_block_an_earlier_one(
        self, tmp_path: Path, ws: Workspace, registry: dict[str, str]
    ) -> None:
        before = _tables(ws)
        first = _import(ws, tmp_path / "名簿.csv", _LIST)
        second = _import(ws, tmp_path / "追加.csv", "団体名,市町村,住所\nみどりの会,千葉市,千葉市中央区2-2\n")
        assert second.updated == 1
        with pytest.raises(ImportEditedSinceError):
            undo_import(ws, first.import_id)
        undo_import(ws, second.import_id)
        undo_import(ws, first.import_id)
        assert _without_bookkeeping(_tables(ws)) == _without_bookkeeping(before)
        assert _tables(ws) == before  # versions and times too, each undo putting back its own

    def test_cancelling_writes_nothing(self, tmp_path: Path, ws: Workspace, registry: dict[str, str]) -> None:
        summary = _import(ws, tmp_path / "名簿.csv", _LIST)
        imported = _tables(ws)
        with pytest.raises(import_undo.UndoCancelled):
            undo_import(ws, summary.import_id, progress=lambda done, total: False)
        assert _tables(ws) == imported
        assert not list_imports(ws)[0].undone


def test_shown_time_is_local_with_its_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        assert import_undo.shown_time("2026-12-01T10:28:07+00:00") == "2026-12-01 19:28 +09:00"
    finally:
        monkeypatch.undo()
        time.tzset()
