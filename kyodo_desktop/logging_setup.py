"""Logging to ``DATA_DIR/logs/kyodo.log`` (rotated). Never log personal data: ids and counts only."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path


def setup_logging(data_dir: Path | None, *, verbose: bool = False) -> None:
    """Route logging to a rotating file in the data folder (and stderr when verbose)."""
    root = logging.getLogger()
    if getattr(root, "_kyodo_configured", False):
        return
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    if data_dir is not None:
        try:
            logs = data_dir / "logs"
            logs.mkdir(parents=True, exist_ok=True)
            handler: logging.Handler = logging.handlers.RotatingFileHandler(
                logs / "kyodo.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
            handler.setFormatter(fmt)
            root.addHandler(handler)
        except OSError:
            pass  # a read-only folder still lets the user read data
    if verbose:
        stream = logging.StreamHandler()
        stream.setFormatter(fmt)
        root.addHandler(stream)
    root._kyodo_configured = True  # type: ignore[attr-defined]
