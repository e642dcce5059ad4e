"""``python -m kyodo_desktop.cli``, and the PyInstaller entry script of the ``kyodo`` program."""

from __future__ import annotations

import sys

from kyodo_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
