"""Shared fixtures: a fresh data folder, an opened workspace and the registry service."""

from __future__ import annotations

import errno
import os
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


@pytest.fixture(autouse=True)
def _officer_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs as a known officer and never on the user's real data folder."""
    monkeypatch.setenv("KYODO_OFFICER", "テスト職員")
    monkeypatch.delenv("KYODO_DATA_DIR", raising=False)


def corrupt_pages(path: Path) -> None:
    """Overwrite the middle of every page after the first, so quick_check fails."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        for offset in range(4096, size, 4096):
            fh.seek(offset + 8)
            fh.write(b"\xff" * 64)


@pytest.fixture
def corrupt() -> Callable[[Path], None]:
    """Damage a data file the way a failing disk would (see :func:`corrupt_pages`)."""
    return corrupt_pages


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def ws(data_dir: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(data_dir, write=True)
    yield workspace
    workspace.close()


@pytest.fixture
def svc(ws: Workspace) -> OrganizationService:
    return OrganizationService(ws)


@pytest.fixture
def refuse_writes(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """``refuse_writes(folder, code=EROFS)``: ``os.open`` refuses to write in ``folder`` and below.

    Tests run as root, whom ``chmod`` does not stop; this is how a read-only drive or a folder
    without write permission answers.
    """
    real_open = os.open

    def refuse(folder: Path, code: int = errno.EROFS) -> None:
        def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
            target = Path(os.fsdecode(path))
            if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and folder in target.parents:
                raise OSError(code, os.strerror(code), str(target))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", fake_open)

    return refuse


@pytest.fixture
def read_only_mount() -> Iterator[Callable[[Path], None]]:
    """``mount(folder)`` lays a read-only bind of ``folder`` over itself; skips where not allowed."""
    mounted: list[Path] = []

    def run(*args: str) -> bool:
        try:
            return subprocess.run(args, capture_output=True, timeout=10, check=False).returncode == 0
        except (OSError, subprocess.TimeoutExpired):
            return False

    def mount(folder: Path) -> None:
        if os.name == "nt" or not run("mount", "--bind", str(folder), str(folder)):
            pytest.skip("cannot mount here (not root, or no mount privilege)")
        mounted.append(folder)
        if not run("mount", "-o", "remount,bind,ro", str(folder)):
            pytest.skip("cannot remount read-only here")

    yield mount
    for folder in reversed(mounted):
        run("umount", str(folder))
