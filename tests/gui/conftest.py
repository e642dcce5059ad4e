"""GUI test fixtures: offscreen Qt, muted dialogs, a filled data folder and a typing helper.

``qtbot.keyClicks`` aborts the process on text outside Latin-1, so :func:`type_text` types
Japanese the way an input method does: one committed ``QInputMethodEvent``.
"""

from __future__ import annotations

import contextlib
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from kyodo_desktop.app import create_main_window
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.gui import dialogs
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.gui.organizations.tab import OrganizationsTab
from kyodo_desktop.services import demo
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

DEMO_COUNT = 300
#: Records added to the demo data for search tests: half-width kana, hiragana and katakana data.
EXTRA_ORGS = (
    OrganizationInput(name="ﾐﾄﾞﾘの森ｸﾗﾌﾞ", kana="ﾐﾄﾞﾘﾉﾓﾘｸﾗﾌﾞ", address="千葉市中央区市場町1-1", tags="環境"),
    OrganizationInput(name="みどりの風ネット", kana="みどりのかぜねっと", address="船橋市本町2-3-4"),
    OrganizationInput(
        name="NPO法人 ミドリ・ネットワーク千葉", legal_form="NPO法人", address="千葉市稲毛区1-2"
    ),
)
TOTAL = DEMO_COUNT + len(EXTRA_ORGS)


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget``: key clicks for ASCII, an IME commit for anything else."""
    widget.setFocus()
    if text.isascii():
        QTest.keyClicks(widget, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


@dataclass
class DialogRecorder:
    """Stands in for ``gui.dialogs``: records every call and answers from its fields."""

    calls: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    confirm_answer: bool = True
    save_path: str = ""
    open_file_name: str = ""
    choose_answer: int | None = None
    choose_cancel: bool = False
    checks: list[Any] = field(default_factory=list)
    on_choose: Callable[[list[Any]], None] | None = None

    def names(self) -> list[str]:
        return [name for name, _args in self.calls]

    def texts(self, name: str) -> list[str]:
        """The message texts passed to ``name`` (info, warning, error or confirm)."""
        return [str(args[2]) for n, args in self.calls if n == name]

    def info(self, *args: Any) -> None:
        self.calls.append(("info", args))

    def warning(self, *args: Any) -> None:
        self.calls.append(("warning", args))

    def error(self, *args: Any) -> None:
        self.calls.append(("error", args))

    def confirm(self, *args: Any, **kwargs: Any) -> bool:
        self.calls.append(("confirm", args))
        return self.confirm_answer

    def get_open_file_name(self, *args: Any) -> str:
        self.calls.append(("get_open_file_name", args))
        return self.open_file_name

    def get_save_file_name(self, *args: Any) -> str:
        self.calls.append(("get_save_file_name", args))
        return self.save_path

    def choose(self, *args: Any, checks: Sequence[Any] = ()) -> int | None:
        """Answers :attr:`choose_answer`, or the offered choice (OK pressed) when it is None.

        The real check boxes offered with the choice are kept in :attr:`checks`, and
        :attr:`on_choose` (when set) gets them, to tick them as the officer would.
        """
        self.calls.append(("choose", args))
        self.checks = list(checks)
        if self.on_choose is not None:
            self.on_choose(self.checks)
        if self.choose_cancel:
            return None
        return self.choose_answer if self.choose_answer is not None else (args[4] if len(args) > 4 else 0)


OFFICER = "画面試験職員"


@pytest.fixture(autouse=True)
def _gui_officer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A known officer from the environment (so the first-run officer panel is shown)."""
    monkeypatch.setenv("KYODO_OFFICER", OFFICER)
    monkeypatch.delenv("KYODO_DATA_DIR", raising=False)


@pytest.fixture(autouse=True)
def dialog_calls(monkeypatch: pytest.MonkeyPatch) -> DialogRecorder:
    """Every modal box and file dialog is replaced; tests inspect and steer the recorder."""
    recorder = DialogRecorder()
    for name in ("info", "warning", "error", "confirm", "get_open_file_name", "get_save_file_name", "choose"):
        monkeypatch.setattr(dialogs, name, getattr(recorder, name))
    return recorder


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data folder with the demo organizations plus :data:`EXTRA_ORGS`, built once."""
    folder = tmp_path_factory.mktemp("template") / "data"
    with Workspace.open(folder, write=True) as ws:
        demo.generate(ws, DEMO_COUNT, seed=7)
        svc = OrganizationService(ws)
        for org in EXTRA_ORGS:
            svc.create(org, allow_duplicate=True)
    return folder


@pytest.fixture
def filled_dir(demo_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo data folder for one test."""
    target = tmp_path / "filled"
    shutil.copytree(demo_template, target)
    return target


def wait_for_rows(qtbot: QtBot, tab: OrganizationsTab, count: int) -> None:
    """Wait until the background load has put ``count`` rows into the table, and the file may
    be written: writes wait for the whole-file check that starts after the rows are read, which
    on a busy machine can end after them (a test writing at once would be refused: 確認しています)."""
    qtbot.waitUntil(lambda: tab.model.total_count == count and not tab.loading, timeout=10_000)
    ws = tab.service().ws
    qtbot.waitUntil(lambda: ws.verified or not ws.writable, timeout=30_000)


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[Any]:
    """``open_window(data_dir)`` → a shown main window, closed (lock released) after the test.

    The window opens on the home tab; most GUI tests are about the registry, so the fixture
    brings 団体台帳 forward unless ``home=True`` (the home tab's own tests,
    ``tests/gui/test_home_tab.py``, and the check that the window opens on it).
    """
    windows: list[QMainWindow] = []

    def make(data_dir: Path, *, home: bool = False) -> MainWindow:
        window = create_main_window(data_dir)
        assert isinstance(window, MainWindow)
        qtbot.addWidget(window)
        if not home and window.tabs is not None and window.organizations_tab is not None:
            window.tabs.setCurrentWidget(window.organizations_tab)
        window.show()
        windows.append(window)
        return window

    yield make
    for window in windows:
        with contextlib.suppress(RuntimeError):  # already deleted
            window.close()


@pytest.fixture
def window(open_window: Any, filled_dir: Path, qtbot: QtBot) -> MainWindow:
    """The main window on a copy of the demo data, rows loaded."""
    win: MainWindow = open_window(filled_dir)
    assert win.organizations_tab is not None
    wait_for_rows(qtbot, win.organizations_tab, TOTAL)
    return win


@pytest.fixture
def tab(window: MainWindow) -> OrganizationsTab:
    assert window.organizations_tab is not None
    return window.organizations_tab


@pytest.fixture
def reader(filled_dir: Path) -> Iterator[OrganizationService]:
    """A separate read-only workspace on the same folder — what ``kyodo orgs search`` uses."""
    ws = Workspace.open(filled_dir, write=False)
    yield OrganizationService(ws)
    ws.close()
