"""Shared fixtures: a fresh data folder, an opened workspace and the registry service."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

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
