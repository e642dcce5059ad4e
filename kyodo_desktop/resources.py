"""Where the program's files (icons, templates, translations) are: ``resources/`` beside the
package in a source checkout, or inside the PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

#: Files the program needs at run time; the self-test checks they are there.
REQUIRED = ("icons/kyodo.png", "i18n/kyodo_en.qm", "i18n/kyodo_en.ts")


def resources_dir() -> Path:
    """The ``resources`` folder."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return base / "resources"


def resource(name: str) -> Path:
    """The path of one resource, e.g. ``resource("icons/kyodo.png")``."""
    return resources_dir() / name
