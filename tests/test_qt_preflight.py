"""First start when Qt cannot open a window: a message naming what is missing, never a silent abort."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kyodo_desktop import qt_preflight
from kyodo_desktop.qt_preflight import Preflight, check, platforms

DESKTOP = {"DISPLAY": ":0"}


def answers(_display: str) -> bool:
    return True


def all_load(_soname: str) -> bool:
    return True


def test_the_platform_qt_will_pick() -> None:
    assert platforms({}, sys_platform="linux") == ["xcb"]
    assert platforms({"QT_QPA_PLATFORM": "offscreen"}, sys_platform="linux") == ["offscreen"]
    assert platforms({"QT_QPA_PLATFORM": "wayland;xcb"}, sys_platform="linux") == ["wayland", "xcb"]
    assert platforms({"QT_QPA_PLATFORM": "xcb:dpi=96"}, sys_platform="linux") == ["xcb"]
    assert platforms({"XDG_SESSION_TYPE": "wayland"}, sys_platform="linux") == ["wayland", "xcb"]
    # Qt's own -platform option wins over the environment.
    assert platforms({"QT_QPA_PLATFORM": "xcb"}, ["-platform", "offscreen"], "linux") == ["offscreen"]
    assert platforms({}, sys_platform="win32") == ["windows"]
    assert platforms({}, sys_platform="darwin") == ["cocoa"]


def test_missing_xcb_libraries_are_named_with_their_debian_packages() -> None:
    gone = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    found = check(DESKTOP, sys_platform="linux", loads=lambda name: name not in gone, display_answers=answers)
    assert found == Preflight("xcb", ("libxcb-icccm.so.4", "libxcb-keysyms.so.1"))
    assert not found.ok
    message = found.message()
    assert "libxcb-icccm.so.4（パッケージ libxcb-icccm4）" in message
    assert "libxcb-keysyms.so.1（パッケージ libxcb-keysyms1）" in message
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in message


def test_the_checked_list_is_injectable_and_every_soname_has_a_package() -> None:
    asked: list[str] = []

    def loads(name: str) -> bool:
        asked.append(name)
        return name != "libxcb-cursor.so.0"

    found = check(DESKTOP, sys_platform="linux", sonames=["libxcb-cursor.so.0", "libX11.so.6"], loads=loads)
    assert asked == ["libxcb-cursor.so.0", "libX11.so.6"]
    assert found.missing == ("libxcb-cursor.so.0",)
    assert "libxcb-cursor0" in found.message()
    assert set(qt_preflight.XCB_LIBRARIES) <= set(qt_preflight.DEBIAN_PACKAGES)


def test_the_real_loader_finds_libc_and_not_a_made_up_library() -> None:
    assert qt_preflight.missing_libraries(["libc.so.6", "libkyodo-does-not-exist.so.9"]) == [
        "libkyodo-does-not-exist.so.9"
    ]


def test_the_real_display_probe_sees_no_x_server_where_there_is_none() -> None:
    if qt_preflight.missing_libraries(["libxcb.so.1"]):
        pytest.skip("libxcb is not installed here")
    assert not qt_preflight._x_display_answers(":98765")  # no socket /tmp/.X11-unix/X98765


def test_no_display_at_all_is_a_clear_japanese_message() -> None:
    found = check({}, sys_platform="linux", loads=all_load, display_answers=answers)
    assert not found.ok and found.missing == ()
    assert "画面（ディスプレイ）がありません" in found.message()
    assert "DISPLAY" in found.message()
    wayland_only = check({"QT_QPA_PLATFORM": "wayland"}, sys_platform="linux")
    assert "画面（ディスプレイ）がありません" in wayland_only.message()


def test_a_display_that_does_not_answer_is_named() -> None:
    found = check({"DISPLAY": ":7"}, sys_platform="linux", loads=all_load, display_answers=lambda d: False)
    assert not found.ok
    assert "ディスプレイ :7" in found.message()


def test_nothing_is_looked_for_where_nothing_can_be_missing() -> None:
    def never(_name: str) -> bool:
        raise AssertionError("no library should be looked for")

    assert check({"QT_QPA_PLATFORM": "offscreen"}, sys_platform="linux", loads=never).ok
    assert check({}, sys_platform="win32", loads=never).ok
    # A Wayland session: Qt tries Wayland first, xcb is only its fallback.
    assert check({"WAYLAND_DISPLAY": "wayland-0"}, sys_platform="linux", loads=never).ok
    assert check(DESKTOP, sys_platform="linux", loads=all_load, display_answers=answers).ok


def test_an_import_error_of_qtgui_names_the_library() -> None:
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    message = qt_preflight.import_error_message(error)
    assert "libEGL.so.1（パッケージ libegl1）" in message
    assert "apt-get install libegl1" in message
    assert "PySide6" in qt_preflight.import_error_message(ImportError("No module named 'PySide6'"))


def test_report_goes_to_stderr_and_the_log(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.CRITICAL, logger="kyodo_desktop.qt_preflight"):
        qt_preflight.report("画面がありません\n次の行", dialog=False)
    err = capsys.readouterr().err
    assert err.startswith("協働デスクを起動できません。\n画面がありません\n次の行")
    assert [r.getMessage() for r in caplog.records] == ["the window cannot open: 画面がありません / 次の行"]


def _headless_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE")}
    return env


@pytest.mark.parametrize(
    ("platform", "said"),
    [
        ("xcb", "画面（ディスプレイ）がありません"),  # found before Qt starts
        ("no-such-platform", "Qt が起動できませんでした"),  # Qt's own fatal message, caught
    ],
)
def test_the_program_exits_cleanly_and_says_why(tmp_path: Path, platform: str, said: str) -> None:
    env = _headless_env() | {"QT_QPA_PLATFORM": platform}
    out = subprocess.run(
        [sys.executable, "-m", "kyodo_desktop", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )
    assert out.returncode == 1, (out.returncode, out.stderr)  # not 134, Qt's abort
    assert out.stderr.startswith("協働デスクを起動できません。")
    assert said in out.stderr
    assert said in (tmp_path / "logs" / "kyodo.log").read_text(encoding="utf-8")


def test_the_cli_self_test_names_missing_libraries(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from kyodo_desktop.cli.maintenance import qt_check

    monkeypatch.setattr(qt_preflight, "check", lambda: Preflight("xcb", ("libxcb-icccm.so.4",)))
    line = qt_check()
    assert not line.ok
    assert "libxcb-icccm.so.4（パッケージ libxcb-icccm4）" in line.value
    assert "sudo apt-get install libxcb-icccm4" in capsys.readouterr().err
    monkeypatch.setattr(
        qt_preflight, "check", lambda: Preflight("xcb", (), "画面（ディスプレイ）がありません")
    )
    headless = qt_check()
    assert headless.ok  # the command line works without a display
    assert "画面なし" in headless.value
    monkeypatch.setattr(qt_preflight, "check", lambda: Preflight("offscreen"))
    assert qt_check().ok


def test_readme_lists_every_package_the_check_may_name() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    start = readme.index("sudo apt-get install libxcb")
    listed = set(readme[start : readme.index("```", start)].replace("\\", " ").split()[3:])
    assert listed == set(qt_preflight.APT_PACKAGES)
