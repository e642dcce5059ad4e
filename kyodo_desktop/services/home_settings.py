"""The home tab's one setting (``settings.json`` key ``home``): whether its list shows only the
current officer's records (「自分の担当だけ」, the default) or everyone's.

Kept apart from :mod:`services.today` so that the tab reads it at start-up without SQLAlchemy.
"""

from __future__ import annotations

from pathlib import Path

from kyodo_desktop.services import settings

HOME_KEY = "home"


def mine_only(data_dir: Path) -> bool:
    """Whether the day shows only the current officer's records (default: yes)."""
    raw = settings.load_settings(data_dir).get(HOME_KEY)
    value = raw.get("mine_only") if isinstance(raw, dict) else None
    return value if isinstance(value, bool) else True


def set_mine_only(data_dir: Path, value: bool) -> None:
    """Remember the choice for the next start."""
    data = settings.load_settings(data_dir)
    raw = data.get(HOME_KEY)
    data[HOME_KEY] = {**(raw if isinstance(raw, dict) else {}), "mine_only": value}
    settings.save_settings(data_dir, data)
