"""Fewer garbage-collector passes while an import builds hundreds of thousands of objects.

CPython's cyclic collector runs a young-generation pass every 700 net allocations and, as the
heap grows, full passes over everything alive; an import of 60,000 records allocates millions of
objects that all stay alive, so those passes are pure cost (5–15 % of the import, measured in
``benchmarks/bench_import.py``). Inside :func:`sparse_collection` the young generation is
collected every 100,000 allocations instead: cycles that do arise (an exception kept with its
traceback, one per bad row) are still freed, just in bigger, rarer passes. The thresholds are
process-wide, so nested and concurrent uses are counted and the old ones come back when the
last one ends.

The past-project import goes further: :func:`cycle_collection_paused` keeps the cycle collector
from running at all while an import reads, plans and writes: each of its full passes walks every live object, and an import's
objects (the sheet's cells, the rows, the plan) are hundreds of thousands that live until it
ends, so the passes it triggered took about a fifth of the import's CPU time (1.8–2.0 s of 9 s
for 10,000 rows) while finding next to nothing to free (the rows hold no cycles; their memory
is freed by reference counting as before).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["SPARSE_THRESHOLDS", "cycle_collection_paused", "sparse_collection"]

SPARSE_THRESHOLDS = (100_000, 50, 100)

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, int, int] | None = None


@contextmanager
def sparse_collection() -> Iterator[None]:
    """Collect garbage rarely (but still collect it) for the duration of the block."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(*SPARSE_THRESHOLDS)
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None


_pause_lock = threading.Lock()
_pauses = 0  # imports inside cycle_collection_paused (the wizard's worker and others may nest)
_was_enabled = False  # whether the collector ran before the first of them


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """No cycle collection inside (the whole process: the collector is global), as it was after
    the last one nested or in another thread leaves; what became garbage meanwhile is collected
    by the collector's next pass as usual."""
    global _pauses, _was_enabled
    with _pause_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
