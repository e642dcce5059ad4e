"""Shared colours of inline messages and banners (so every form marks problems the same way)."""

from __future__ import annotations

ERROR_STYLE = "color: #c62828;"
HINT_STYLE = "color: #666666;"
SUCCESS_STYLE = "color: #2e7d32;"


def panel_style(object_name: str, background: str, border: str) -> str:
    """A style sheet for a rounded banner frame, scoped to that frame only."""
    return f"QFrame#{object_name} {{ background: {background}; border: 1px solid {border}; border-radius: 4px; }}"


INFO_COLORS = ("#e3f2fd", "#64b5f6")
WARNING_COLORS = ("#fff8e1", "#ffb300")
ERROR_COLORS = ("#fdecea", "#e57373")
OK_COLORS = ("#e8f5e9", "#81c784")
