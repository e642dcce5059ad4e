"""Shared fixtures: a fresh data folder, an opened workspace and the registry service."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace


@pytest.fixture(autouse=True)
def _officer_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs as a known officer and never on the user's real data folder."""
    monkeypatch.setenv("KYODO_OFFICER", "テスト職員")
    monkeypatch.delenv("KYODO_DATA_DIR", raising=False)


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
