"""Bulk inserts for imports: plain DBAPI ``executemany`` of tuples, run in a writer thread.

SQLAlchemy's ``insert(table)`` with a list of dicts processes every value of every row in
Python before SQLite sees it; for a 60,000-record import that is seconds of pure overhead. Here
the statement is compiled once by SQLAlchemy (so column names and order come from the model),
the rows are tuples in that order, and the only conversion is ``date`` → ISO text, which is
what SQLAlchemy's SQLite ``Date`` type stores.

The writes run in a background thread on the session's own connection, inside the caller's
transaction: the sqlite3 module releases the GIL while SQLite works, so the caller builds the
next batch while the last one is written. The caller must not use the connection until
:meth:`BulkWriter.finish` (or :meth:`BulkWriter.abort`) has returned. Nothing commits here: the
transaction stays the caller's, so an error or a cancel still rolls everything back.
"""

from __future__ import annotations

import operator
import queue
import threading
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from types import TracebackType
from typing import Any

from sqlalchemy import Date, DateTime, Table, insert
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

__all__ = ["BulkWriter", "RowShape"]

_DIALECT = sqlite.dialect(paramstyle="qmark")


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
        picked = self._pick({**self._defaults, **values})
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


_STOP = object()


class BulkWriter:
    """A writer thread running ``executemany`` batches on the session's connection, in order.

    ``add`` blocks while ``max_pending`` batches wait, so memory stays bounded. The first error
    of the thread is raised again by the next ``add`` or by ``finish``. Use as a context manager:
    leaving it by an exception aborts (pending batches are dropped) and waits for the thread.
    """

    def __init__(self, session: Session, *, max_pending: int = 2) -> None:
        self._connection: Any = session.connection().connection.driver_connection
        self._queue: queue.Queue[Any] = queue.Queue(maxsize=max_pending)
        self._error: BaseException | None = None
        self._abort = threading.Event()
        self._closed = False
        self._thread = threading.Thread(target=self._run, name="kyodo-bulk-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        cursor: Any = None
        try:
            cursor = self._connection.cursor()
        except BaseException as exc:  # handed to the caller's thread
            self._error = exc
        while True:  # always drains up to _STOP, so that the caller's put never blocks forever
            item = self._queue.get()
            if item is _STOP:
                break
            if self._abort.is_set() or self._error is not None:
                continue
            sql, rows = item
            try:
                cursor.executemany(sql, rows)
            except BaseException as exc:
                self._error = exc
        if cursor is not None:
            cursor.close()

    def _raise_pending_error(self) -> None:
        if self._error is not None:
            raise self._error

    def add(self, shape: RowShape, rows: Iterable[tuple[Any, ...]]) -> None:
        """Queue one batch of rows (tuples from ``shape.row``) for writing."""
        if self._closed:
            raise RuntimeError("the bulk writer has finished")
        self._raise_pending_error()
        batch = list(rows)
        if batch:
            self._queue.put((shape.sql, batch))

    def finish(self) -> None:
        """Wait until every queued batch is written; raise the writer's error if there was one."""
        self._stop()
        self._raise_pending_error()

    def abort(self) -> None:
        """Drop the batches not yet started and wait for the one being written."""
        self._abort.set()
        self._stop()

    def _stop(self) -> None:
        if not self._closed:
            self._closed = True
            self._queue.put(_STOP)
            self._thread.join()

    def __enter__(self) -> BulkWriter:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if exc_type is not None:
            self.abort()
        else:
            self.finish()
