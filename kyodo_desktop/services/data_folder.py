"""Where the data lives: ``--data-dir`` > ``KYODO_DATA_DIR`` > portable ``kyodo-data/`` > per-user folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from kyodo_desktop import APP_NAME

ENV_DATA_DIR = "KYODO_DATA_DIR"
PORTABLE_DIR_NAME = "kyodo-data"


def program_dir() -> Path:
    """The folder of the running program (the bundle's folder when frozen by PyInstaller)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(sys.argv[0]).resolve().parent if sys.argv and sys.argv[0] else Path.cwd()


def portable_dir() -> Path | None:
    """``kyodo-data/`` next to the program when it exists (USB stick at events)."""
    candidate = program_dir() / PORTABLE_DIR_NAME
    return candidate if candidate.is_dir() else None


def default_data_dir() -> Path:
    """The per-user application data folder."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


def resolve_data_dir(explicit: Path | str | None = None) -> tuple[Path, str]:
    """The data folder to use and why (``"option"``, ``"env"``, ``"portable"`` or ``"default"``)."""
    if explicit:
        return Path(explicit).expanduser().resolve(), "option"
    env = os.environ.get(ENV_DATA_DIR, "").strip()
    if env:
        return Path(env).expanduser().resolve(), "env"
    portable = portable_dir()
    if portable is not None:
        return portable, "portable"
    return default_data_dir(), "default"
