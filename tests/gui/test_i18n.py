"""English as the second language: the window in English, the translation complete and current,
and the language chosen by ``--lang`` or 設定 → 表示言語 (``settings.json``)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QMenu, QTabWidget
from pytestqt.qtbot import QtBot

from kyodo_desktop import app as desktop_app
from kyodo_desktop.app import create_main_window
from kyodo_desktop.gui import i18n
from kyodo_desktop.gui.main_window import MainWindow
from kyodo_desktop.resources import resource
from kyodo_desktop.services.settings import load_settings, set_ui_language, ui_language

from .conftest import TOTAL, wait_for_rows

ROOT = Path(__file__).resolve().parents[2]
# kana, CJK ideographs, half-width katakana and the Japanese punctuation of our texts
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\uff66-\uff9f]")


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    """The following windows in English; Japanese again afterwards, for the other tests."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    yield
    i18n.install_language(app, "ja")


@pytest.fixture
def english_window(english: None, filled_dir: Path, qtbot: QtBot) -> Iterator[MainWindow]:
    window = create_main_window(filled_dir, language="en")
    qtbot.addWidget(window)
    window.show()
    assert window.organizations_tab is not None
    wait_for_rows(qtbot, window.organizations_tab, TOTAL)
    yield window
    window.close()


def _menu_texts(menu: QMenu) -> list[str]:
    texts = [menu.title()]
    for action in menu.actions():
        if action.isSeparator():
            continue
        texts += [action.text(), action.toolTip()]
        if action.menu() is not None:
            texts += _menu_texts(action.menu())
    return texts


def _japanese(texts: list[str]) -> list[str]:
    return [t for t in texts if JAPANESE.search(t)]


def test_the_window_in_english_shows_no_japanese(english_window: MainWindow) -> None:
    window = english_window
    tab = window.organizations_tab
    assert tab is not None
    menus: list[str] = []
    for action in window.menuBar().actions():
        assert action.menu() is not None
        menus += _menu_texts(action.menu())
    assert "&File" in menus and "&Language" in menus and "Japanese" in menus and "English" in menus
    assert _japanese(menus) == []

    tabs = window.findChild(QTabWidget, "mainTabs")
    assert tabs is not None
    titles = [tabs.tabText(i) for i in range(tabs.count())]
    assert titles == ["Home", "Registry", "Projects", "Evaluation", "Handover"]
    projects = window.projects_tab
    assert projects is not None
    project_texts = [t for b in projects.findChildren(QAbstractButton) for t in (b.text(), b.toolTip())]
    project_texts += [
        projects.model.headerData(c, Qt.Orientation.Horizontal) for c in range(projects.model.columnCount())
    ]
    assert "New project…" in project_texts and _japanese(project_texts) == []

    buttons = tab.findChildren(QAbstractButton)
    assert buttons, "the registry tab has buttons"
    button_texts = [t for b in buttons for t in (b.text(), b.toolTip())]
    assert _japanese(button_texts) == []

    model = tab.model
    headers = [
        str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
        for c in range(model.columnCount())
    ]
    assert headers[0] == "Name" and "Status" in headers
    assert _japanese(headers) == []

    # the filters' fixed items (municipality names are data and stay Japanese)
    for name in ("fieldFilter", "legalFormFilter", "statusFilter"):
        combo = tab.findChild(QComboBox, name)
        assert combo is not None, name
        assert _japanese([combo.itemText(i) for i in range(combo.count())]) == [], name
    municipalities = tab.findChild(QComboBox, "municipalityFilter")
    assert municipalities is not None and municipalities.itemText(0) == "All municipalities"

    assert _japanese([window.windowTitle(), window.statusBar().currentMessage()]) == []
    translator = i18n.current_translator()
    assert translator is not None
    assert translator.misses == set(), "texts shown without an English translation"


def test_domain_labels_are_shown_in_english(english: None) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install_language(app, "en")
    assert i18n.status_label("活動中") == "Active"
    assert i18n.legal_form_label("特定非営利活動法人") == "Specified nonprofit corporation (NPO)"
    assert i18n.activity_field_short(13) == "Children and youth"
    assert i18n.activity_field_name(8) == "Disaster relief activities"
    assert i18n.interaction_kind_label("面談") == "Meeting"
    assert i18n.legal_form_label("手書きの法人格") == "手書きの法人格", "unknown values are shown as stored"
    # a text moved to another class keeps its English (looked up by its source)
    assert QCoreApplication.translate("SomeNewPanel", "団体名") == "Name"
    # Qt's own texts are English (no Japanese Qt translation in force)
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"


def test_japanese_is_the_default_and_comes_back(english: None, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install_language(app, "en")
    assert i18n.status_label("活動中") == "Active"
    assert i18n.install_language(app, "ja") == "ja"
    assert i18n.status_label("活動中") == "活動中"
    assert QCoreApplication.translate("MainWindow", "ファイル(&F)") == "ファイル(&F)"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
    assert i18n.install_language(app, "xx") == "ja"


# -- the translation is complete and current ----------------------------------------------------
def _update_script(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_every_message_has_its_english_and_the_qm_is_current() -> None:
    """Fails when a tr() text lacks its translation, or the .ts/.qm were not regenerated.

    Fix: ``python3 tools/update_translations.py``, translate what it lists, run it again.
    """
    done = _update_script("--check")
    assert done.returncode == 0, done.stderr
    ts = resource("i18n/kyodo_en.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts
    assert resource("i18n/kyodo_en.qm").is_file()


def test_the_check_fails_on_a_new_untranslated_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above does catch a new ``self.tr("新しい")`` without English."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import update_translations as tool
    finally:
        sys.path.remove(str(ROOT / "tools"))
    package = tmp_path / "kyodo_desktop"
    package.mkdir()
    (package / "panel.py").write_text(
        'class NewPanel(QWidget):\n    def build(self):\n        self.tr("新しい見出し")\n        self.tr("団体名")\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "TS", tmp_path / "kyodo_en.ts")
    monkeypatch.setattr(tool, "QM", tmp_path / "kyodo_en.qm")
    (tmp_path / "kyodo_en.ts").write_text(
        resource("i18n/kyodo_en.ts").read_text(encoding="utf-8"), encoding="utf-8"
    )
    missing = tool.update(tool.TS, tool.QM, {})
    assert missing == ["NewPanel: 新しい見出し"], "団体名 takes its English from the old entries"
    assert tool.check() == ["not translated: NewPanel: 新しい見出し"]
    updated = (tmp_path / "kyodo_en.ts").read_text(encoding="utf-8")
    assert "<name>MainWindow</name>" not in updated, "obsolete entries are dropped"
    assert tool.update(tool.TS, tool.QM, {"新しい見出し": "New heading"}) == []
    assert tool.check() == []


# -- choosing the language ----------------------------------------------------------------------
def test_the_language_setting_round_trips(tmp_path: Path) -> None:
    assert ui_language(tmp_path) == "ja"
    set_ui_language(tmp_path, "en")
    assert ui_language(tmp_path) == "en"
    assert json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))["language"] == "en"
    (tmp_path / "settings.json").write_text('{"language": "fr"}', encoding="utf-8")
    assert ui_language(tmp_path) == "ja", "an unknown language falls back to Japanese"


def test_the_language_menu_saves_for_the_next_start(
    english: None, open_window: Any, filled_dir: Path, qtbot: QtBot
) -> None:
    window: MainWindow = open_window(filled_dir)
    japanese = window.findChild(QMenu, "languageMenu")
    assert japanese is not None
    actions = {a.objectName(): a for a in japanese.actions()}
    assert actions["language_ja"].isChecked() and not actions["language_en"].isChecked()
    assert [a.text() for a in japanese.actions()] == ["日本語", "English"]
    actions["language_en"].trigger()
    assert load_settings(filled_dir)["language"] == "en"
    assert "次回の起動" in window.statusBar().currentMessage()
    assert window.menuBar().actions()[0].text() == "ファイル(&F)", "applied at the next start only"
    window.close()

    window = open_window(filled_dir)  # the next start: English from settings.json
    assert window.menuBar().actions()[0].text() == "&File"
    menu = window.findChild(QMenu, "languageMenu")
    assert menu is not None and menu.title() == "&Language"
    assert {a.objectName(): a.isChecked() for a in menu.actions()} == {
        "language_ja": False,
        "language_en": True,
    }


def test_dash_dash_lang_is_for_one_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args, rest = desktop_app._parse(["--lang", "en", "--data-dir", str(tmp_path)])
    assert args.lang == "en" and rest == []
    assert desktop_app._parse([])[0].lang is None
    with pytest.raises(SystemExit):
        desktop_app._parse(["--lang", "fr"])


def test_main_with_dash_dash_lang_starts_in_english_without_saving(filled_dir: Path) -> None:
    script = f"""
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from kyodo_desktop import app

real_create = app.create_main_window

def create(data_dir, language=None):
    window = real_create(data_dir, language)
    def loaded(count):
        print(language, window.menuBar().actions()[0].text(), window.organizations_tab.model.headerData(0, Qt.Orientation.Horizontal))
        QApplication.quit()
    window.organizations_tab.rows_loaded.connect(loaded)
    return window

app.create_main_window = create
sys.exit(app.main(["--lang", "en", "--data-dir", {str(filled_dir)!r}]))
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["en", "&File", "Name"]
    assert "language" not in load_settings(filled_dir), "--lang is for this run only"


def test_the_edit_dialog_and_the_import_wizard_in_english(english_window: MainWindow, qtbot: QtBot) -> None:
    from kyodo_desktop.gui.importing.wizard import ImportWizard
    from kyodo_desktop.gui.organizations.edit_dialog import OrganizationDialog

    tab = english_window.organizations_tab
    assert tab is not None
    tab.new_action.trigger()
    dialogs = tab.open_dialogs()
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(dialog.isVisible)
    assert isinstance(dialog, OrganizationDialog)
    assert dialog.windowTitle() == "New organization"
    dialog_buttons = [t for b in dialog.findChildren(QAbstractButton) for t in (b.text(), b.toolTip())]
    # the 20 活動分野 check boxes included; 法人格 and 市町村 choices are stored values and stay Japanese
    assert _japanese(dialog_buttons) == []

    tab.import_action.trigger()
    wizard = tab.findChild(ImportWizard, "importWizard")
    assert wizard is not None and wizard.isVisible()
    assert wizard.windowTitle() == "Import organizations"
    wizard_buttons = [b.text() for b in wizard.findChildren(QAbstractButton) if b.isVisible()]
    assert _japanese(wizard_buttons) == []
    translator = i18n.current_translator()
    assert translator is not None
    assert translator.misses == set(), "texts shown without an English translation"
    wizard.reject()
    dialog.close()
