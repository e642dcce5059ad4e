"""``python -m kyodo_desktop`` starts the desktop application."""

from __future__ import annotations

import sys

from kyodo_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
