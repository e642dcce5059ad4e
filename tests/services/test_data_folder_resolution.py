"""Which data folder a program uses: option > KYODO_DATA_DIR > portable kyodo-data/ > per-user."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kyodo_desktop.services import data_folder


@pytest.fixture
def program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend the program runs from ``tmp_path/app`` (as a PyInstaller bundle would)."""
    app = tmp_path / "app"
    app.mkdir()
    monkeypatch.setattr(sys, "argv", [str(app / "kyodo")])
    return app


def test_default_is_the_per_user_folder(program: Path) -> None:
    path, why = data_folder.resolve_data_dir(None)
    assert why == "default"
    assert path == data_folder.default_data_dir()
    assert "KyodoDesktop" in str(path)


def test_portable_folder_next_to_the_program_wins_over_the_default(program: Path) -> None:
    (program / "kyodo-data").mkdir()
    assert data_folder.resolve_data_dir(None) == ((program / "kyodo-data").resolve(), "portable")


def test_frozen_bundle_looks_next_to_the_executable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "KyodoDesktop"
    (bundle / "kyodo-data").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "KyodoDesktop.exe"))
    assert data_folder.resolve_data_dir(None) == ((bundle / "kyodo-data").resolve(), "portable")


def test_environment_wins_over_portable(
    program: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (program / "kyodo-data").mkdir()
    monkeypatch.setenv("KYODO_DATA_DIR", str(tmp_path / "env"))
    assert data_folder.resolve_data_dir(None) == ((tmp_path / "env").resolve(), "env")


def test_option_wins_over_everything(program: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KYODO_DATA_DIR", str(tmp_path / "env"))
    assert data_folder.resolve_data_dir(tmp_path / "opt") == ((tmp_path / "opt").resolve(), "option")


def test_cli_uses_the_environment_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kyodo_desktop.cli import main

    monkeypatch.setenv("KYODO_DATA_DIR", str(tmp_path / "env"))
    assert main(["orgs", "add", "--name", "環境変数の会"]) == 0
    assert (tmp_path / "env" / "kyodo.db").is_file()
