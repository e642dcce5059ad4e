"""The desktop application: ``kyodo-desktop`` and ``python -m kyodo_desktop``.

Start-up stays light: the window shows its table from raw ``sqlite3`` rows; SQLAlchemy and
openpyxl are imported only when a record is opened or saved, or a workbook written.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from kyodo_desktop import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from kyodo_desktop.gui.main_window import MainWindow

log = logging.getLogger(__name__)
_PROCESS_START = time.perf_counter()


def create_main_window(data_dir: Path, language: str | None = None) -> MainWindow:
    """Build the main window on ``data_dir`` (needs a QApplication; shows no modal dialog).

    ``language`` ("ja" or "en") is the window's language; None takes ``language`` from the
    folder's ``settings.json`` (default Japanese). The window takes the folder's write lock
    (released when it closes), opens read-only with a banner when another program holds it,
    and shows a recovery page for a damaged file.
    """
    from kyodo_desktop.gui.preload import preload_rows

    # first the registry read (on the other core, see gui.preload), then the window's imports
    preload = preload_rows(data_dir)
    from PySide6.QtWidgets import QApplication

    from kyodo_desktop.gui.application import apply_language
    from kyodo_desktop.gui.main_window import MainWindow
    from kyodo_desktop.services.settings import ui_language

    app = QApplication.instance()
    assert isinstance(app, QApplication), "create_main_window needs a QApplication"
    apply_language(app, ui_language(data_dir) if language is None else language)
    window = MainWindow(data_dir)
    window.open_data_folder(preload=preload)
    return window


def _parse(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    from kyodo_desktop.argparse_ja import JapaneseArgumentParser
    from kyodo_desktop.services.settings import LANGUAGES

    parser = JapaneseArgumentParser(prog="kyodo-desktop", description="協働デスク（Kyodo Desktop）")
    parser.add_argument(
        "--version",
        action="version",
        version=f"kyodo-desktop {__version__}",
        help="バージョンを表示して終了する",
    )
    parser.add_argument(
        "--data-dir", type=Path, help="データフォルダ（既定: KYODO_DATA_DIR、kyodo-data/、ユーザーフォルダ）"
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="この起動だけの表示言語（ja: 日本語、en: English。既定: 設定の表示言語）",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="ログを標準エラーにも出す")
    parser.add_argument("--self-test", action="store_true", help="動作環境の自己診断を表示して終了する")
    parser.add_argument(
        "--exit-when-ready",
        action="store_true",
        help=(
            "団体一覧が表示されたら READY と出力し、起動時の検査が済んだら終了する"
            "（起動確認・計測用。開けないときは理由を標準エラーに出して終了状態 1）"
        ),
    )
    args, rest = parser.parse_known_args(list(argv))
    return args, rest


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``kyodo-desktop``; returns the exit code of the event loop."""
    from kyodo_desktop.logging_setup import setup_logging
    from kyodo_desktop.services.data_folder import resolve_data_dir

    args, qt_args = _parse(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        return _self_test(args.data_dir)
    data_dir, why = resolve_data_dir(args.data_dir)
    setup_logging(data_dir, verbose=args.verbose)
    log.info("kyodo-desktop %s starting (data folder from %s)", __version__, why)

    create_application = _qt_or_report(qt_args)
    if create_application is None:
        return 1
    from kyodo_desktop.services.settings import ui_language

    language = args.lang or ui_language(data_dir)
    app = create_application([sys.argv[0] if sys.argv else "kyodo-desktop", *qt_args], language)
    window = create_main_window(data_dir, language)
    window.show()
    if args.exit_when_ready:
        _exit_when_ready(app, window)
    try:
        return int(app.exec())
    finally:
        # The event loop can end without a close event (session logout, app.quit()).
        window.release_workspace()


def _qt_or_report(qt_args: Sequence[str]) -> Callable[..., QApplication] | None:
    """``create_application`` when Qt can open a window here; else None, the reason told to the user.

    Qt's platform plugin aborts the process (status 134, nothing on a gui-script's missing
    console) when its libraries or the display are missing, so that is looked for first.
    """
    from kyodo_desktop import qt_preflight

    preflight = qt_preflight.check(argv=qt_args)
    if not preflight.ok:
        # Without a working display Linux can show no dialog either.
        qt_preflight.report(preflight.message(), dialog=not preflight.display_problem)
        return None
    try:
        from kyodo_desktop.gui.application import create_application
    except ImportError as exc:  # QtGui/QtWidgets need system libraries too (libEGL, fontconfig …)
        qt_preflight.report(qt_preflight.import_error_message(exc))
        return None
    return create_application


def _self_test(data_dir: Path | None) -> int:
    """Run ``kyodo self-test``; a windowed Windows build has no console, so it goes to a file."""
    from kyodo_desktop.cli import main as cli_main
    from kyodo_desktop.services.data_folder import resolve_data_dir

    data_args = ["--data-dir", str(data_dir)] if data_dir else []
    if sys.stdout is not None:
        return cli_main([*data_args, "self-test"])
    report = resolve_data_dir(data_dir)[0] / "self-test.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    with report.open("w", encoding="utf-8") as fh:
        sys.stdout = sys.stderr = fh
        try:
            return cli_main([*data_args, "self-test"])
        finally:
            sys.stdout = sys.stderr = None


#: How long ``--exit-when-ready`` waits for the rows and the start-up check before giving up.
READY_TIMEOUT_S = 120.0


def _exit_when_ready(app: QApplication, window: MainWindow, timeout_s: float = READY_TIMEOUT_S) -> None:
    """Print ``READY <seconds since start>`` once the registry rows show, then quit.

    The exit status is 0 only once the start-up check has passed as well. A file that cannot be
    opened (the recovery page), a message the window would show in a box (nobody is there to
    close it) or no outcome within ``timeout_s`` ends the run with status 1 and the reason on
    stderr.
    """
    from PySide6.QtCore import QTimer

    from kyodo_desktop.gui import dialogs

    state = {"rows": False, "done": False}

    def finish(code: int, reason: str = "") -> None:
        if state["done"]:
            return
        state["done"] = True
        dialogs.set_unattended(None)
        if reason:
            log.error("--exit-when-ready: the window did not get ready")
            sys.stderr.write(f"kyodo-desktop: {' '.join(reason.split())}\n")
            sys.stderr.flush()
        window.close()
        app.exit(code)

    def check() -> None:
        if window.problem is not None:
            finish(1, f"データフォルダを開けません: {window.problem}")
        elif state["rows"] and window.workspace is not None and window.workspace.verified:
            finish(0)

    def rows_shown(_count: int = 0) -> None:
        if not state["rows"]:
            state["rows"] = True
            elapsed = time.perf_counter() - _PROCESS_START
            sys.stdout.write(f"READY {elapsed:.3f}\n")
            sys.stdout.flush()
        check()

    dialogs.set_unattended(lambda title, text: finish(1, f"{title}: {text}"))
    window.problem_shown.connect(lambda _message: check())
    window.file_verified.connect(check)
    tab = window.organizations_tab
    if tab is not None:
        tab.rows_loaded.connect(rows_shown)
    QTimer.singleShot(0, check)
    QTimer.singleShot(
        int(timeout_s * 1000),
        lambda: finish(1, f"{timeout_s:g} 秒以内に団体一覧の表示と起動時の検査が終わりませんでした。"),
    )


if __name__ == "__main__":
    sys.exit(main())
