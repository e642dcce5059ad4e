"""Bulk inserts for imports: plain DBAPI ``executemany`` of tuples on the session's connection.

SQLAlchemy's ``insert(table)`` with a list of dicts processes every value of every row in
Python before SQLite sees it; for a 60,000-record import that is seconds of pure overhead. Here
the statement is compiled once by SQLAlchemy (so column names and order come from the model),
the rows are tuples in that order, and the only conversion is ``date`` → ISO text, which is
what SQLAlchemy's SQLite ``Date`` type stores. The rows go through the session's own
connection, inside the caller's transaction: nothing commits here, so an error or a cancel
still rolls everything back.

(Writing the batches in a second thread while the next one is built was measured and was
slower: sqlite3 takes the GIL back after every row, so the two threads mostly wait for each
other.)
"""

from __future__ import annotations

import contextlib
import operator
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, DateTime, Table, insert
from sqlalchemy.dialects import sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

__all__ = ["BULK_CACHE_KIB", "RowShape", "bulk_cache", "insert_rows"]

_DIALECT = sqlite.dialect(paramstyle="qmark")

#: Page cache for a bulk write. With SQLite's default 2 MB, a transaction that writes 180 MB
#: spills dirty pages to the file midway, each spill syncing the journal first; 64 MB cut the
#: write of a 60,000-record import by about a quarter. Pages are only taken as they are used.
BULK_CACHE_KIB = 65_536


class RowShape:
    """The INSERT statement for ``table`` and how to turn a row mapping into its tuple.

    Columns missing from a row get the column's scalar default (``default=""`` …) or NULL; a
    column whose default is computed in Python (``default=utc_now``) must be given, since a
    plain insert would not run it. Values must be str, int, float, None or date.
    """

    def __init__(self, table: Table, columns: Sequence[str]) -> None:
        unknown = set(columns) - set(table.c.keys())
        if unknown:
            raise ValueError(f"{table.name} has no columns {sorted(unknown)}")
        self.columns = tuple(columns)
        missing: dict[str, Any] = {}
        for column in table.c:
            if column.key in columns or column.autoincrement is True:
                continue
            default = column.default
            if default is None:
                if not column.nullable:
                    raise ValueError(f"{table.name}.{column.key} needs a value")
                missing[column.key] = None
            elif getattr(default, "is_scalar", False):
                missing[column.key] = getattr(default, "arg", None)
            else:
                raise ValueError(f"{table.name}.{column.key} has a computed default; give a value")
        self._defaults = missing
        compiled = insert(table).compile(dialect=_DIALECT, column_keys=[*self.columns, *missing])
        self._order = tuple(compiled.positiontup or ())
        if sorted(self._order) != sorted([*self.columns, *missing]):
            raise AssertionError(f"unexpected parameters for {table.name}: {self._order}")
        self.sql = str(compiled)
        self._pick = operator.itemgetter(*self._order)
        if any(isinstance(table.c[key].type, DateTime) for key in self._order):
            raise ValueError(f"{table.name}: DateTime columns are not supported here")
        self._dates = tuple(i for i, key in enumerate(self._order) if isinstance(table.c[key].type, Date))

    def row(self, values: Mapping[str, Any]) -> tuple[Any, ...]:
        """The tuple for one row (``values`` must hold every column of ``columns``).

        Date columns take ``date`` (or None); any other value must be one sqlite3 can bind
        (str, int, float, None), which sqlite3 itself enforces.
        """
        picked = self._pick({**self._defaults, **values} if self._defaults else values)
        if not self._dates:
            return tuple(picked)
        out = list(picked)
        for i in self._dates:
            value = out[i]
            if value is not None:
                if not isinstance(value, date) or isinstance(value, datetime):
                    raise TypeError(f"{self._order[i]} takes a date, not {type(value).__name__}")
                out[i] = value.isoformat()
        return tuple(out)


def insert_rows(session: Session, shape: RowShape, rows: Iterable[tuple[Any, ...]]) -> None:
    """Insert ``rows`` (tuples from ``shape.row``) in the session's current transaction."""
    batch = rows if isinstance(rows, list) else list(rows)
    if batch:
        session.connection().exec_driver_sql(shape.sql, batch)


@contextmanager
def bulk_cache(session: Session, kib: int = BULK_CACHE_KIB) -> Iterator[None]:
    """A larger page cache on the session's connection for one bulk write, then the old size."""
    connection = session.connection()
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql(f"PRAGMA cache_size = {-int(kib)}")
    try:
        yield
    finally:
        # never hides the error that ended the write; a pooled connection with a larger
        # cache limit is harmless
        with contextlib.suppress(DBAPIError):
            connection.exec_driver_sql(f"PRAGMA cache_size = {int(before or -2000)}")
