"""sparse_collection(): rarer garbage-collector passes during imports, restored afterwards."""

from __future__ import annotations

import gc
import weakref

import pytest

from kyodo_desktop.services.gc_pacing import SPARSE_THRESHOLDS, sparse_collection


class _Node:
    def __init__(self) -> None:
        self.me = self  # a reference cycle: only the cyclic collector frees it


def test_thresholds_are_sparse_inside_and_restored_after_nesting_and_errors() -> None:
    before = gc.get_threshold()
    with sparse_collection():
        assert gc.get_threshold() == SPARSE_THRESHOLDS
        with pytest.raises(ValueError), sparse_collection():
            raise ValueError
        assert gc.get_threshold() == SPARSE_THRESHOLDS  # the outer block is still running
    assert gc.get_threshold() == before


def test_cycles_are_still_collected_inside() -> None:
    assert gc.isenabled()
    with sparse_collection():
        gc.collect()
        ref = weakref.ref(_Node())
        assert ref() is not None
        keep = [[n] for n in range(3 * SPARSE_THRESHOLDS[0])]  # allocations trigger a young pass
        assert ref() is None
        del keep
