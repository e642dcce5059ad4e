"""The officer named in audit rows: per OS user, from settings, env or the OS user name."""

from __future__ import annotations

from pathlib import Path

import pytest

from kyodo_desktop.services import settings


def test_officer_falls_back_to_env_then_os_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert settings.current_officer(tmp_path) == settings.Officer("テスト職員", "", "env")
    monkeypatch.delenv("KYODO_OFFICER")
    monkeypatch.setattr(settings, "current_user", lambda: "tanaka")
    assert settings.current_officer(tmp_path) == settings.Officer("tanaka", "", "os")


def test_each_os_user_has_their_own_officer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(settings, "current_user", lambda: "alice")
    settings.set_officer(tmp_path, "千葉 花子", "県民生活課")
    assert settings.current_officer(tmp_path).label() == "千葉 花子（県民生活課）"
    monkeypatch.setattr(settings, "current_user", lambda: "bob")
    assert settings.current_officer(tmp_path).source == "env"  # not alice's name
    settings.set_officer(tmp_path, "船橋 太郎")
    monkeypatch.setattr(settings, "current_user", lambda: "alice")
    assert settings.current_officer(tmp_path).name == "千葉 花子"
    assert not list(tmp_path.glob(".settings-*"))


def test_blank_officer_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="職員名"):
        settings.set_officer(tmp_path, "  ")
