"""Fewer garbage-collector passes while an import builds hundreds of thousands of objects.

CPython's cyclic collector runs a young-generation pass every 700 net allocations and, as the
heap grows, full passes over everything alive; an import of 60,000 records allocates millions of
objects that all stay alive, so those passes are pure cost (5–15 % of the import, measured in
``benchmarks/bench_import.py``). Inside :func:`sparse_collection` the young generation is
collected every 100,000 allocations instead: cycles that do arise (an exception kept with its
traceback, one per bad row) are still freed, just in bigger, rarer passes. The thresholds are
process-wide, so nested and concurrent uses are counted and the old ones come back when the
last one ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["SPARSE_THRESHOLDS", "sparse_collection"]

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
