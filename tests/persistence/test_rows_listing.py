"""RowStore.open reads the listing ids in one ``group_concat``; order and odd ids are kept."""

from __future__ import annotations

from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.persistence.rows import RowStore
from kyodo_desktop.services import demo
from kyodo_desktop.services.workspace import Workspace

_ORDER = "SELECT id FROM organizations WHERE {} ORDER BY kana, name, id"


def _expected(ws: Workspace, where: str) -> list[str]:
    with sqlite_file.connection(ws.db_path, readonly=True) as conn:
        return [r[0] for r in conn.execute(_ORDER.format(where))]


def test_ids_come_in_reading_order_for_the_listing_and_the_trash(ws: Workspace) -> None:
    demo.generate(ws, 60, seed=2)
    with sqlite_file.connection(ws.db_path) as conn:
        conn.execute("UPDATE organizations SET deleted_at = '2024-01-01T00:00:00' WHERE rowid % 4 = 0")
        conn.commit()
    live = RowStore.open(ws.db_path)
    trash = RowStore.open(ws.db_path, trash=True)
    assert [live.id(p) for p in range(len(live))] == _expected(ws, "deleted_at IS NULL")
    assert [trash.id(p) for p in range(len(trash))] == _expected(
        ws, "deleted_at IS NOT NULL AND merged_into IS NULL"
    )
    assert len(live) and len(trash)
    first = live.id(0)
    assert live.position(first) == 0 and live.row(0).id == first


def test_an_id_holding_the_separator_falls_back_to_reading_row_by_row(ws: Workspace) -> None:
    demo.generate(ws, 5, seed=2)
    with sqlite_file.connection(ws.db_path) as conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("UPDATE organizations SET id = 'odd\x1eid' WHERE rowid = 2")
        conn.commit()
    store = RowStore.open(ws.db_path)
    ids = [store.id(p) for p in range(len(store))]
    assert ids == _expected(ws, "deleted_at IS NULL")
    assert "odd\x1eid" in ids and len(ids) == 5


def test_an_empty_registry_has_no_ids(ws: Workspace) -> None:
    assert len(RowStore.open(ws.db_path)) == 0
