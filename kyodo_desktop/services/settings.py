"""Per-data-folder settings (``settings.json``): who the current officer (職員) is, the
prefecture of the office, the language of the window and the levels of the fairness check."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kyodo_desktop.persistence import tempfiles
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
    #: the officer record (``officers`` table) this setting refers to; "" until first resolved
    #: (settings written before officers were records hold the name and section only)
    officer_id: str = ""

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
    tmp = tempfiles.temp_path(data_dir, "settings", ".json")
    try:
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write(json.dumps(settings, ensure_ascii=False, indent=2))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, data_dir / SETTINGS_FILE_NAME)
    except OSError as exc:
        raise KnownError(f"設定を保存できません: {data_dir}（{exc.strerror}）") from exc
    finally:
        tmp.unlink(missing_ok=True)


def _officers(settings: dict[str, Any]) -> dict[str, Any]:
    officers = settings.get("officers")
    return officers if isinstance(officers, dict) else {}


def current_officer(data_dir: Path) -> Officer:
    """Settings (for this OS user), else ``KYODO_OFFICER``, else the OS user name.

    The settings keep one officer per OS user, so a data folder shared by several people (a
    USB stick at events, a shared drive) never writes one person's name into another's changes.
    """
    officer = _officers(load_settings(data_dir)).get(current_user())
    if isinstance(officer, dict) and str(officer.get("name", "")).strip():
        return Officer(
            str(officer["name"]).strip(),
            str(officer.get("section", "")).strip(),
            "settings",
            str(officer.get("officer_id", "")).strip(),
        )
    env = os.environ.get(ENV_OFFICER, "").strip()
    if env:
        return Officer(env, "", "env")
    return Officer(current_user(), "", "os")


def set_officer(data_dir: Path, name: str, section: str = "", officer_id: str = "") -> Officer:
    """Remember the officer of this OS user in the data folder's settings.

    ``officer_id`` names the officer record; without it the record is found by name and 所属課
    (or created) on first use (``services.officers.current_officer_id``).
    """
    name = name.strip()
    if not name:
        raise KnownError("職員名を入力してください")
    entry = {"name": name, "section": section.strip()}
    if officer_id:
        entry["officer_id"] = officer_id
    settings = load_settings(data_dir)
    settings["officers"] = {**_officers(settings), current_user(): entry}
    save_settings(data_dir, settings)
    return Officer(name, section.strip(), "settings", officer_id)


#: The prefecture an NPO portal import keeps unless the officer says otherwise.
DEFAULT_PREFECTURE = "千葉県"


def home_prefecture(data_dir: Path) -> str:
    """The office's prefecture (settings key ``prefecture``), default 千葉県."""
    value = load_settings(data_dir).get("prefecture")
    return value.strip() if isinstance(value, str) and value.strip() else DEFAULT_PREFECTURE


#: The languages of the window (``settings.json`` key ``language``); the CLI stays Japanese.
LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"


def ui_language(data_dir: Path) -> str:
    """The language the window starts in: ``language`` from the settings, default Japanese."""
    value = load_settings(data_dir).get("language")
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_ui_language(data_dir: Path, language: str) -> None:
    """Remember the window's language for the next start."""
    if language not in LANGUAGES:
        raise KnownError(f"表示言語は {'、'.join(LANGUAGES)} のいずれかです: {language}")
    settings = load_settings(data_dir)
    settings["language"] = language
    save_settings(data_dir, settings)


#: ``settings.json`` key of the fairness check's levels: ``{"consecutive_years": 3,
#: "share_limit_percent": 30}`` (either may be left out; the defaults of the manual apply).
FAIRNESS_KEY = "fairness"
DEFAULT_CONSECUTIVE_YEARS = 3
DEFAULT_SHARE_LIMIT_PERCENT = 30.0


def fairness_levels(data_dir: Path) -> tuple[int, float]:
    """(consecutive 年度 that flag a partner, budget share in % above which it is flagged).

    A value that is missing or out of range counts as the default: a hand-edited settings file
    must not stop the fairness check.
    """
    raw = load_settings(data_dir).get(FAIRNESS_KEY)
    levels = raw if isinstance(raw, dict) else {}
    years = levels.get("consecutive_years")
    share = levels.get("share_limit_percent")
    if isinstance(years, bool) or not isinstance(years, int) or years < 2:
        years = DEFAULT_CONSECUTIVE_YEARS
    if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 100:
        share = DEFAULT_SHARE_LIMIT_PERCENT
    return years, float(share)


def set_fairness_levels(data_dir: Path, consecutive_years: int, share_limit_percent: float) -> None:
    """Remember the fairness check's levels in the data folder's settings."""
    if consecutive_years < 2:
        raise KnownError(f"連続年度の基準は2以上にしてください: {consecutive_years}")
    if not 0 <= share_limit_percent <= 100:
        raise KnownError(f"予算の割合の基準は0〜100%にしてください: {share_limit_percent}")
    settings = load_settings(data_dir)
    settings[FAIRNESS_KEY] = {
        "consecutive_years": consecutive_years,
        "share_limit_percent": share_limit_percent,
    }
    save_settings(data_dir, settings)
