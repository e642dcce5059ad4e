"""The registry table's rows, read with stdlib ``sqlite3`` (no ORM) and only as far as needed.

Start-up cost is Python objects: 100k rows × 13 columns took ~0.9 s to turn into tuples here,
the ids alone 0.1 s. So a :class:`RowStore` starts with the ids in listing order (by reading),
fetches whole rows in small blocks as the table paints them, and loads one column for every row
only when a filter or sort needs it (``search_text`` right after the window shows).

The ids come as one ``group_concat`` text split in C (:func:`_listing_ids`): SQLite walks the
index in a single step with the GIL released, so the read runs beside the window being built
instead of taking the GIL back 100,000 times (0.05 s instead of 0.1 s alone, and no slower
while the other thread imports modules).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.persistence.listing import listing_sql


class OrgRow(NamedTuple):
    """One line of the registry table (display values plus what filters need)."""

    id: str
    name: str
    kana: str
    legal_form: str
    municipality_code: str
    municipality_name: str
    activity_fields: str
    status: str
    phone: str
    representative: str
    last_contact_on: str | None
    registered_on: str
    search_text: str
    deleted_at: str | None


_COLUMNS = ", ".join(OrgRow._fields)
_FIELD_INDEX = {name: n for n, name in enumerate(OrgRow._fields)}
#: Largest number of ``?`` in one ``IN (...)`` (SQLite's default limit is far above this).
_BLOCK = 500
#: Between two ids in the ``group_concat`` of :func:`_listing_ids` (ids are UUIDs; an id holding
#: it is noticed by the count and the ids are then read row by row).
_ID_SEPARATOR = "\x1e"


def _where(trash: bool) -> str:
    return listing_sql(trash=trash)


def load_rows(path: Path, *, trash: bool = False) -> list[OrgRow]:
    """Every organization (or every trashed one) as :class:`OrgRow`, ordered by reading."""
    with sqlite_file.connection(path, readonly=True) as conn:
        sql = f"SELECT {_COLUMNS} FROM organizations WHERE {_where(trash)} ORDER BY kana, name, id"
        return [OrgRow._make(r) for r in conn.execute(sql)]


def load_row(path: Path, org_id: str) -> OrgRow | None:
    """One organization's row (trashed or not), or None."""
    with sqlite_file.connection(path, readonly=True) as conn:
        r = conn.execute(f"SELECT {_COLUMNS} FROM organizations WHERE id = ?", (org_id,)).fetchone()
    return OrgRow._make(r) if r else None


def _listing_ids(conn: sqlite3.Connection, trash: bool) -> list[str]:
    """The ids of the listing in reading order (kana, name, id).

    ``group_concat`` over an ordered subquery keeps the subquery's order: SQLite guarantees it
    for this form (its test ``tkt2942`` — the flattener keeps such an ORDER BY).
    """
    order = f"SELECT id FROM organizations WHERE {_where(trash)} ORDER BY kana, name, id"
    count, joined = conn.execute(
        f"SELECT count(*), group_concat(id, ?) FROM ({order})", (_ID_SEPARATOR,)
    ).fetchone()
    ids = joined.split(_ID_SEPARATOR) if joined else []
    if len(ids) == count:
        return ids
    return [r[0] for r in conn.execute(order)]


class RowStore:
    """The organizations of the listing (live or trashed), by position; rows fetched on demand.

    Positions are stable until :meth:`remove`; new rows are appended. Built either from a data
    file (:meth:`open`) or from ready rows (:meth:`from_rows`, which needs no file at all).
    """

    def __init__(self, ids: list[str], path: Path | None, trash: bool, rows: Sequence[OrgRow] = ()) -> None:
        self._ids = ids
        self._path = path
        self._trash = trash
        # id -> position, built on first use: 30 ms for 100k ids that start-up does not need
        self._pos_map: dict[str, int] | None = None
        self._rows: dict[int, OrgRow] = {n: r for n, r in enumerate(rows)}
        self._columns: dict[str, list[Any]] = {}
        self._conn: sqlite3.Connection | None = None
        self._revision = 0  # bumped by every change, so a column read meanwhile is not installed
        #: positions are in reading order (kana, name, id) — true after :meth:`open` until a change
        self.in_listing_order = False

    @classmethod
    def open(cls, path: Path, *, trash: bool = False) -> RowStore:
        """The ids of the listing, in reading order (kana, name, id) — the fast start-up read."""
        with sqlite_file.connection(path, readonly=True) as conn:
            ids = _listing_ids(conn, trash)
        store = cls(ids, path, trash)
        store.in_listing_order = True
        return store

    @classmethod
    def from_rows(cls, rows: Iterable[OrgRow], *, trash: bool = False) -> RowStore:
        """A store holding ``rows`` in the given order, with no data file behind it."""
        rows = list(rows)
        return cls([r.id for r in rows], None, trash, rows)

    @property
    def _pos(self) -> dict[str, int]:
        if self._pos_map is None:
            self._pos_map = dict(zip(self._ids, range(len(self._ids)), strict=True))
        return self._pos_map

    # -- reading -------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._ids)

    @property
    def trash(self) -> bool:
        """Whether this is the trash (ゴミ箱) listing."""
        return self._trash

    def id(self, pos: int) -> str:
        """The organization id at ``pos``."""
        return self._ids[pos]

    def position(self, org_id: str) -> int | None:
        """Where ``org_id`` is, or None."""
        return self._pos.get(org_id)

    def has_row(self, pos: int) -> bool:
        """Whether the row at ``pos`` has been read."""
        return pos in self._rows

    def row(self, pos: int) -> OrgRow:
        """The row at ``pos`` (fetched with its neighbours if not yet read)."""
        row = self._rows.get(pos)
        if row is None:
            self.prefetch(range(pos, min(pos + 100, len(self._ids))))
            row = self._rows[pos]
        return row

    def prefetch(self, positions: Iterable[int]) -> None:
        """Read the rows at ``positions`` that are not read yet (in blocks)."""
        missing = [p for p in positions if p not in self._rows]
        if not missing or self._path is None:
            return
        conn = self._connection()
        for start in range(0, len(missing), _BLOCK):
            block = missing[start : start + _BLOCK]
            marks = ",".join("?" * len(block))
            sql = f"SELECT {_COLUMNS} FROM organizations WHERE id IN ({marks})"
            # positions of this block only: the whole id map is not needed to paint a screen
            where = {self._ids[p]: p for p in block}
            for r in conn.execute(sql, list(where)):
                pos = where.get(r[0])
                if pos is not None:
                    self._rows[pos] = OrgRow._make(r)
        for p in missing:  # deleted by another program meanwhile: show an empty line, not crash
            self._rows.setdefault(p, _gone(self._ids[p]))

    def column(self, name: str) -> list[Any]:
        """The value of column ``name`` for every position (read once, then kept up to date)."""
        values = self._columns.get(name)
        if values is not None:
            return values
        index = _FIELD_INDEX[name]
        if self._path is None or len(self._rows) == len(self._ids):
            values = [self.row(p)[index] for p in range(len(self._ids))]
        else:
            sql = (
                f"SELECT id, {name} FROM organizations WHERE {_where(self._trash)}"  # name is a known column
            )
            by_id = dict(self._connection().execute(sql).fetchall())
            default = _gone("")[index]
            values = [by_id.get(org_id, default) for org_id in self._ids]
        self._columns[name] = values
        return values

    def read_column(self, name: str) -> tuple[int, list[Any]]:
        """Read a column ahead of need, safe in a worker thread (own connection, no state change).

        Returns the store's revision it was aligned to and the values; hand both to
        :meth:`install_column` on the owning thread.
        """
        revision, ids = self._revision, list(self._ids)
        if self._path is None:
            return revision, []
        index = _FIELD_INDEX[name]
        with sqlite_file.connection(self._path, readonly=True) as conn:
            sql = f"SELECT id, {name} FROM organizations WHERE {_where(self._trash)}"
            by_id = dict(conn.execute(sql).fetchall())
        default = _gone("")[index]
        return revision, [by_id.get(org_id, default) for org_id in ids]

    def has_column(self, name: str) -> bool:
        """Whether column ``name`` is held (read ahead or once asked for)."""
        return name in self._columns

    def install_column(self, name: str, revision: int, values: list[Any]) -> bool:
        """Keep a column read by :meth:`read_column` unless the rows changed meanwhile."""
        if name in self._columns or revision != self._revision or len(values) != len(self._ids):
            return False
        self._columns[name] = values
        return True

    # -- changing --------------------------------------------------------------------------------
    def upsert(self, row: OrgRow) -> int:
        """Replace or append ``row``; returns its position."""
        self._revision += 1
        self.in_listing_order = False
        pos = self._pos.get(row.id)
        if pos is None:
            pos = len(self._ids)
            self._ids.append(row.id)
            self._pos[row.id] = pos
            for name, values in self._columns.items():
                values.append(row[_FIELD_INDEX[name]])
        else:
            for name, values in self._columns.items():
                values[pos] = row[_FIELD_INDEX[name]]
        self._rows[pos] = row
        return pos

    def remove(self, org_ids: Iterable[str]) -> int:
        """Drop rows by id (positions after them shift); returns how many were present."""
        gone = {self._pos[i] for i in org_ids if i in self._pos}
        if not gone:
            return 0
        self._revision += 1
        keep = [p for p in range(len(self._ids)) if p not in gone]
        self._ids = [self._ids[p] for p in keep]
        self._rows = {n: self._rows[p] for n, p in enumerate(keep) if p in self._rows}
        self._columns = {name: [values[p] for p in keep] for name, values in self._columns.items()}
        self._pos_map = None
        return len(gone)

    def close(self) -> None:
        """Close the reading connection (it is reopened on the next fetch)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            assert self._path is not None
            self._conn = sqlite_file.connect(self._path, readonly=True)
        return self._conn


def _gone(org_id: str) -> OrgRow:
    return OrgRow(org_id, "", "", "", "", "", "", "", "", "", None, "", "", None)
