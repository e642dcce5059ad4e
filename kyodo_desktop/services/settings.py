"""Per-data-folder settings (``settings.json``) and who the current officer (職員) is."""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.persistence.lock import current_user

SETTINGS_FILE_NAME = "settings.json"
ENV_OFFICER = "KYODO_OFFICER"


@dataclass(frozen=True)
class Officer:
    """The officer whose name goes into every audit row."""

    name: str
    section: str = ""  # 所属課
    source: str = "settings"  # settings | env | os

    def label(self) -> str:
        """``name（section）`` for display."""
        return f"{self.name}（{self.section}）" if self.section else self.name


def load_settings(data_dir: Path) -> dict[str, Any]:
    """The settings dict; an unreadable file counts as empty (it is rewritten on next save)."""
    try:
        raw = json.loads((data_dir / SETTINGS_FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return raw if isinstance(raw, dict) else {}


def save_settings(data_dir: Path, settings: dict[str, Any]) -> None:
    """Write settings atomically (temp file + rename)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    tmp = data_dir / f".settings-{uuid.uuid4().hex}.json"
    tmp.write_text(json.dumps(settings, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, data_dir / SETTINGS_FILE_NAME)


def current_officer(data_dir: Path) -> Officer:
    """Settings, else ``KYODO_OFFICER``, else the OS user name."""
    officer = load_settings(data_dir).get("officer")
    if isinstance(officer, dict) and str(officer.get("name", "")).strip():
        return Officer(str(officer["name"]).strip(), str(officer.get("section", "")).strip(), "settings")
    env = os.environ.get(ENV_OFFICER, "").strip()
    if env:
        return Officer(env, "", "env")
    return Officer(current_user(), "", "os")


def set_officer(data_dir: Path, name: str, section: str = "") -> Officer:
    """Remember the officer in the data folder's settings."""
    name = name.strip()
    if not name:
        raise KnownError("職員名を入力してください")
    settings = load_settings(data_dir)
    settings["officer"] = {"name": name, "section": section.strip()}
    save_settings(data_dir, settings)
    return Officer(name, section.strip(), "settings")
