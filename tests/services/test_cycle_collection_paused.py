"""The past-project import pauses Python's cycle collector while it works and restores it after,
nested, from threads, and when it fails."""

from __future__ import annotations

import gc
import threading

import pytest

from kyodo_desktop.services.gc_pacing import cycle_collection_paused


def test_paused_inside_and_restored_after_nesting_and_errors() -> None:
    assert gc.isenabled()
    with cycle_collection_paused():
        assert not gc.isenabled()
        with cycle_collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer one still works
    assert gc.isenabled()
    with pytest.raises(RuntimeError), cycle_collection_paused():
        raise RuntimeError("the import failed")
    assert gc.isenabled()


def test_a_collector_disabled_before_stays_disabled() -> None:
    gc.disable()
    try:
        with cycle_collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_restored_when_the_last_of_two_threads_leaves() -> None:
    entered, release = threading.Barrier(2), threading.Event()

    def work() -> None:
        with cycle_collection_paused():
            entered.wait()
            release.wait()

    worker = threading.Thread(target=work)
    worker.start()
    with cycle_collection_paused():
        entered.wait()
    assert not gc.isenabled()  # the worker's import still runs
    release.set()
    worker.join()
    assert gc.isenabled()


def test_the_import_functions_pause_it() -> None:
    from kyodo_desktop.services import project_import

    seen: list[bool] = []

    @cycle_collection_paused()
    def probe() -> None:
        seen.append(gc.isenabled())

    probe()
    assert seen == [False] and gc.isenabled()
    for name in ("prepare_project_import", "convert_project_list", "plan_projects", "apply_project_import"):
        assert hasattr(getattr(project_import, name), "__wrapped__"), name
