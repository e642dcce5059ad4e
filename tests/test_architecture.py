"""The layering: domain <- persistence <- services <- gui, checked two ways."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kyodo_desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("layer", ["domain", "persistence", "services"])
def test_no_qt_below_the_gui(layer: str) -> None:
    offenders = {
        str(p.relative_to(PACKAGE)): sorted(i for i in _imports(p) if i.startswith("PySide6"))
        for p in _modules(layer)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_no_sqlalchemy_in_the_domain() -> None:
    offenders = {
        str(p.relative_to(PACKAGE)): sorted(
            i for i in _imports(p) if i.split(".")[0] in {"sqlalchemy", "alembic"}
        )
        for p in _modules("domain")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_only_the_gui_imports_qt_widgets() -> None:
    outside = [
        p for p in PACKAGE.rglob("*.py") if "gui" not in p.relative_to(PACKAGE).parts and p.name != "app.py"
    ]
    offenders = [str(p) for p in outside if any(i.startswith("PySide6.QtWidgets") for i in _imports(p))]
    assert offenders == []


def test_import_linter_contracts_hold() -> None:
    exe = shutil.which("lint-imports")
    cmd = [exe] if exe else [sys.executable, "-m", "importlinter.cli"]
    result = subprocess.run(
        [*cmd, "--no-cache"], cwd=PACKAGE.parent, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" not in result.stdout.lower().replace("0 broken", "")
