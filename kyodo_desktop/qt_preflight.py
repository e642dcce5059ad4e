"""Can Qt open a window here? Checked before the QApplication exists, without importing Qt.

When Qt's platform plugin cannot start (on Linux: a missing ``libxcb-…`` library, or no display
at all), Qt calls ``qFatal`` and the process aborts with status 134. A ``gui-script`` has no
console, so the user sees nothing happen. This module decides which platform Qt will pick, looks
for what that platform needs (the xcb plugin's shared libraries, loaded with :mod:`ctypes`, and a
display it can connect to) and turns what is missing into a Japanese message naming the Debian
packages to install. :func:`report` says it on stderr, in the log and, where one can be shown, in
a native dialog (a Windows MessageBox; zenity/kdialog/xmessage on a Linux desktop).

It imports no Qt, so the CLI's self-test and the GUI's start both use it; the list of libraries
is the ``NEEDED`` entries of PySide6's ``libqxcb.so`` and ``libQt6XcbQpa.so.6`` (6.11) minus the C
and C++ runtime, which every Python already has.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

log = logging.getLogger(__name__)

#: soname → the Debian/Ubuntu package that ships it (the xcb plugin's own dependencies first).
DEBIAN_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libGL.so.1": "libgl1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    # What QtGui itself needs (an ImportError of PySide6.QtGui names one of these).
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
}

#: What the xcb platform plugin loads (``objdump -p libqxcb.so libQt6XcbQpa.so.6 | grep NEEDED``).
XCB_LIBRARIES: tuple[str, ...] = (
    "libxcb-cursor.so.0",
    "libxcb-icccm.so.4",
    "libxcb-image.so.0",
    "libxcb-keysyms.so.1",
    "libxcb-randr.so.0",
    "libxcb-render-util.so.0",
    "libxcb-render.so.0",
    "libxcb-shape.so.0",
    "libxcb-shm.so.0",
    "libxcb-sync.so.1",
    "libxcb-util.so.1",
    "libxcb-xfixes.so.0",
    "libxcb-xkb.so.1",
    "libxcb.so.1",
    "libxkbcommon-x11.so.0",
    "libxkbcommon.so.0",
    "libX11-xcb.so.1",
    "libX11.so.6",
    "libGL.so.1",
    "libglib-2.0.so.0",
    "libgthread-2.0.so.0",
)

#: The apt-get line README.md gives for a bare Debian/Ubuntu (every package above, once).
APT_PACKAGES: tuple[str, ...] = tuple(dict.fromkeys(DEBIAN_PACKAGES.values()))

TITLE = "協働デスクを起動できません"


@dataclasses.dataclass(frozen=True)
class Preflight:
    """What the check found: the platform Qt will use, libraries it lacks, a display problem."""

    platform: str
    missing: tuple[str, ...] = ()
    display_problem: str = ""

    @property
    def ok(self) -> bool:
        """Whether nothing stands in Qt's way (as far as this check can tell)."""
        return not self.missing and not self.display_problem

    def message(self) -> str:
        """The Japanese text for the user: what is wrong and what to do; "" when ok."""
        lines: list[str] = []
        if self.display_problem:
            lines.append(self.display_problem)
        if self.missing:
            lines.append(missing_libraries_message(self.missing, self.platform))
        return "\n".join(lines)


def missing_libraries_message(missing: Iterable[str], platform: str = "xcb") -> str:
    """A message naming each missing library and its package, with the apt-get line to install them."""
    missing = list(missing)
    packages = list(dict.fromkeys(DEBIAN_PACKAGES.get(name, name) for name in missing))
    return (
        f"画面の表示に必要なライブラリが見つかりません（Qt の {platform} プラットフォーム）: "
        + "、".join(f"{name}（パッケージ {DEBIAN_PACKAGES.get(name, '不明')}）" for name in missing)
        + "\nDebian/Ubuntu では次のコマンドで入れられます:\n  sudo apt-get install "
        + " ".join(packages)
    )


def _no_display_message() -> str:
    return (
        "画面（ディスプレイ）がありません: 環境変数 DISPLAY も WAYLAND_DISPLAY も設定されていないため、"
        "ウィンドウを開けません。デスクトップにログインしてから起動してください"
        "（コマンドライン版の kyodo は画面なしで使えます）。"
    )


def _qt_platform_argument(argv: Sequence[str]) -> str | None:
    """The value of Qt's own ``-platform NAME`` option, if the command line gives one."""
    for i, arg in enumerate(argv):
        if arg in ("-platform", "--platform") and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(("-platform=", "--platform=")):
            return arg.split("=", 1)[1]
    return None


def platforms(
    env: Mapping[str, str], argv: Sequence[str] = (), sys_platform: str = sys.platform
) -> list[str]:
    """The platform plugins Qt will try, in order (Qt falls back along a ``;`` list).

    ``-platform`` wins over ``QT_QPA_PLATFORM``; without either, Qt on Linux uses xcb, or
    Wayland first (then xcb) in a Wayland session. On Windows and macOS the platform is the
    system's own and needs nothing this check could find, so the list is that name alone.
    """
    chosen = _qt_platform_argument(argv) or env.get("QT_QPA_PLATFORM", "")
    if chosen.strip():
        # "xcb:dpi=96" style options follow a colon; only the plugin name matters here.
        return [part.split(":", 1)[0].strip() for part in chosen.split(";") if part.strip()]
    if sys_platform.startswith("win"):
        return ["windows"]
    if sys_platform == "darwin":
        return ["cocoa"]
    if env.get("XDG_SESSION_TYPE") == "wayland" or env.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]
    return ["xcb"]


def _library_dirs() -> list[Path]:
    """Where a bundle or the PySide6 wheel may keep libraries the system loader does not search."""
    dirs: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller's folder
    if bundle:
        dirs.append(Path(bundle))
    spec = importlib.util.find_spec("PySide6")  # finds the package without importing Qt
    for location in (spec.submodule_search_locations or []) if spec else []:
        dirs.append(Path(location) / "Qt" / "lib")
    return dirs


def _loads(soname: str, dirs: Sequence[Path]) -> bool:
    """Whether the dynamic loader can load ``soname`` (by name, or from one of ``dirs``)."""
    import ctypes  # only where there is something to load: offscreen and Windows starts skip it

    for candidate in (soname, *(str(d / soname) for d in dirs if (d / soname).is_file())):
        try:
            ctypes.CDLL(candidate)
        except OSError:
            continue
        return True
    return False


def missing_libraries(
    sonames: Iterable[str] = XCB_LIBRARIES, loads: Callable[[str], bool] | None = None
) -> list[str]:
    """The libraries among ``sonames`` that cannot be loaded (``loads`` replaces the loader in tests)."""
    if loads is None:
        dirs = _library_dirs()

        def loads(name: str) -> bool:
            return _loads(name, dirs)

    return [name for name in sonames if not loads(name)]


def _x_display_answers(display: str) -> bool:
    """Whether an X server answers at ``display`` (libxcb's own connect, as Qt's xcb plugin does)."""
    import ctypes

    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # reported as a missing library instead
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return connection is not None and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection is not None:
            xcb.xcb_disconnect(connection)  # an error connection must be freed too


def check(
    env: Mapping[str, str] | None = None,
    argv: Sequence[str] = (),
    *,
    sys_platform: str = sys.platform,
    sonames: Iterable[str] = XCB_LIBRARIES,
    loads: Callable[[str], bool] | None = None,
    display_answers: Callable[[str], bool] = _x_display_answers,
) -> Preflight:
    """What stands in the way of Qt opening a window; every outside look-up can be replaced in tests."""
    env = os.environ if env is None else env
    candidates = platforms(env, argv, sys_platform)
    first = candidates[0] if candidates else ""
    if not sys_platform.startswith("linux") or first not in ("xcb", "wayland"):
        return Preflight(first)  # offscreen, minimal, windows, cocoa …: nothing to look for
    if "xcb" not in candidates:
        no_wayland = not env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY")
        return Preflight(first, display_problem=_no_display_message() if no_wayland else "")
    if first == "wayland" and env.get("WAYLAND_DISPLAY"):
        return Preflight(first)  # Qt tries Wayland first; xcb is only its fallback
    missing = tuple(missing_libraries(sonames, loads))
    display = env.get("DISPLAY", "")
    if not display:
        problem = _no_display_message()
    elif not missing and not display_answers(display):
        problem = (
            f"画面（ディスプレイ {display}）に接続できません: X サーバーが動いていないか、"
            "接続が許可されていません。デスクトップにログインしてから起動してください。"
        )
    else:
        problem = ""
    return Preflight("xcb", missing, problem)


_SONAME = re.compile(r"(lib[\w.+-]+\.so(?:\.\d+)*)")


def import_error_message(error: ImportError) -> str:
    """The Japanese message for Qt's own modules failing to load (a missing system library)."""
    found = _SONAME.search(str(error))
    if found and found.group(1) not in ("libQt6Gui.so.6", "libQt6Core.so.6", "libQt6Widgets.so.6"):
        return missing_libraries_message([found.group(1)], "Gui")
    return f"Qt（PySide6）を読み込めません: {error}\nインストールし直すと直ることがあります。"


def _show_dialog(text: str, env: Mapping[str, str]) -> bool:
    """A native dialog without Qt: MessageBox on Windows, zenity/kdialog/xmessage on a Linux desktop."""
    import ctypes
    import shutil
    import subprocess

    if sys.platform.startswith("win"):
        try:
            windll = ctypes.windll  # type: ignore[attr-defined]  # Windows only
            windll.user32.MessageBoxW(None, text, TITLE, 0x10 | 0x40000)  # MB_ICONERROR | MB_TOPMOST
        except (AttributeError, OSError):
            return False
        return True
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        return False  # no display: stderr (and the log) are all there is
    for tool, args in (
        ("zenity", ["--error", f"--title={TITLE}", "--no-markup", f"--text={text}"]),
        ("kdialog", ["--title", TITLE, "--error", text]),
        ("xmessage", ["-center", f"{TITLE}\n\n{text}"]),
    ):
        exe = shutil.which(tool)
        if exe is None:
            continue
        try:
            subprocess.run([exe, *args], check=False, timeout=600, env=dict(env))
        except (OSError, subprocess.SubprocessError):
            continue
        return True
    return False


def report(text: str, *, dialog: bool = True, env: Mapping[str, str] | None = None) -> None:
    """Say why the window cannot open: stderr, the log (data folder), and a dialog where possible.

    The dialog is left out when stderr is a terminal (whoever typed the command reads it there).
    """
    log.critical("the window cannot open: %s", text.replace("\n", " / "))
    stream = sys.stderr
    if stream is not None:
        try:
            stream.write(f"{TITLE}。\n{text}\n")
            stream.flush()
        except (OSError, ValueError):
            stream = None  # a closed or broken stream: the dialog is the only way left
    on_terminal = stream is not None and stream.isatty()
    if dialog and not on_terminal:
        _show_dialog(text, os.environ if env is None else env)
