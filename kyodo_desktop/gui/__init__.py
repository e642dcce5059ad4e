"""The window (PySide6).

Imported before any of its modules, this package makes one PySide6 start-up cost small. PySide6
looks at every module imported after it to tell whether that module uses PySide6 (for its
``from __feature__ import …`` switches, which this program never uses): its
``shibokensupport.feature._mod_uses_pyside`` calls ``inspect.getsource`` on the module, which
reads and tokenizes the whole file through ``linecache``. Over the ~150 modules the window
imports that took 0.17 s of the start-up (a third of it past the bare window). The same
question — does the file's text hold "PySide6"? — is answered here from the file's bytes;
anything else (no ``.py`` file, a read error) still goes to PySide6's own check. Nothing is
changed when that function is not there (another PySide6 version), or in the frozen program,
whose modules have no source files.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import Any

import PySide6.QtCore  # noqa: F401  (loads shibokensupport, whose check is replaced below)


def _quick_pyside_check() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    original: Any = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, "kyodo_quick", False):
        return

    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return bool(original(module))

    uses_pyside.kyodo_quick = True  # type: ignore[attr-defined]
    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]


_quick_pyside_check()
