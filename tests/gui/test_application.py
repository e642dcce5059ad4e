"""The QApplication set-up: Qt's own buttons and dialogs speak the window's language, and the
bundle ships Qt's Japanese."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolButton,
    QWizard,
)
from pytestqt.qtbot import QtBot

from kyodo_desktop.gui.application import apply_language
from kyodo_desktop.gui.i18n import current_language, install_language, qt_translation_folders

ROOT = Path(__file__).resolve().parents[2]
JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def test_qt_standard_texts_are_japanese(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = current_language()
    install_language(app, "en")  # so that "ja" below really installs Qt's translation
    try:
        assert install_language(app, "ja") == "ja"
        # qtbase_ja.qm ships with PySide6 and is kept in the bundle
        assert QApplication.translate("QPlatformTheme", "Cancel") == "キャンセル"
    finally:
        install_language(app, previous)


@pytest.fixture
def language(qtbot: QtBot) -> Iterator[Callable[[str], None]]:
    """``language("en")`` installs a language as the window does; the previous one comes back."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    previous = current_language()

    def use(name: str) -> None:
        install_language(app, "en" if name == "ja" else "ja")  # so that the next call really installs
        assert apply_language(app, name) == name

    yield use
    install_language(app, previous)


@pytest.mark.parametrize(
    ("lang", "yes", "no", "next_", "back", "finish", "cancel"),
    [
        ("ja", "はい(&Y)", "いいえ(&N)", "次へ(&N) >", "< 戻る(&B)", "完了(&F)", "キャンセル"),
        ("en", "&Yes", "&No", "&Next >", "< &Back", "&Finish", "Cancel"),
    ],
)
def test_message_box_and_wizard_buttons_speak_the_window_language(
    qtbot: QtBot,
    language: Callable[[str], None],
    lang: str,
    yes: str,
    no: str,
    next_: str,
    back: str,
    finish: str,
    cancel: str,
) -> None:
    language(lang)
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No | QMessageBox.StandardButton.Cancel
    )
    buttons = [box.button(b) for b in (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No)]
    assert [b.text() for b in buttons if b is not None] == [yes, no]
    cancel_button = box.button(QMessageBox.StandardButton.Cancel)
    assert cancel_button is not None and cancel_button.text() == cancel

    wizard = QWizard()
    wizard.setWizardStyle(QWizard.WizardStyle.ClassicStyle)  # the same on every platform
    qtbot.addWidget(wizard)
    texts = [
        wizard.buttonText(b)
        for b in (
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        )
    ]
    assert texts == [next_, back, finish, cancel]


def test_qt_file_dialog_and_line_edit_menu_are_japanese(
    qtbot: QtBot, language: Callable[[str], None]
) -> None:
    language("ja")
    dialog = QFileDialog(None, "保存", "", "Excel ブック (*.xlsx)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own dialog, drawn by Qt
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(dialog)
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels == {
        "lookInLabel": "場所(&L):",
        "fileNameLabel": "ファイル名(&N):",
        "fileTypeLabel": "ファイルの種類(&T):",
    }
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None and sorted(b.text() for b in box.buttons()) == sorted(["保存(&S)", "キャンセル"])
    tips = [b.toolTip() for b in dialog.findChildren(QToolButton) if b.toolTip()]
    assert tips and all(JAPANESE.search(t) for t in tips), tips

    edit = QLineEdit()
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    assert menu is not None
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert "コピー(&C)" in texts and "貼り付け(&P)" in texts and "すべてを選択" in texts
    menu.deleteLater()


def test_qt_file_dialog_stays_english_in_the_english_window(
    qtbot: QtBot, language: Callable[[str], None]
) -> None:
    language("en")
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    assert {label.text() for label in dialog.findChildren(QLabel)} == {
        "&Look in:",
        "File &name:",
        "Files of &type:",
    }


def test_qt_translation_is_found_where_the_bundle_keeps_it() -> None:
    import PySide6

    shipped = Path(PySide6.__file__).resolve().parent / "Qt" / "translations"
    assert str(shipped) in qt_translation_folders()
    assert (shipped / "qtbase_ja.qm").is_file()


def _spec_trimming() -> tuple[
    re.Pattern[str], Callable[[list[tuple[str, str, str]]], list[tuple[str, str, str]]]
]:
    """``KEEP_TRANSLATIONS`` and ``trimmed`` of build.spec, run as PyInstaller would run them."""
    spec = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    wanted = [
        node
        for node in spec.body
        if (isinstance(node, ast.FunctionDef) and node.name == "trimmed")
        or (
            isinstance(node, ast.Assign)
            and any(getattr(t, "id", "") == "KEEP_TRANSLATIONS" for t in node.targets)
        )
    ]
    assert len(wanted) == 2, "build.spec defines KEEP_TRANSLATIONS and trimmed()"
    namespace: dict[str, Any] = {"re": re}
    exec(compile(ast.Module(body=wanted, type_ignores=[]), "build.spec", "exec"), namespace)
    return namespace["KEEP_TRANSLATIONS"], namespace["trimmed"]


def test_the_bundle_keeps_qtbase_ja_and_drops_other_translations() -> None:
    import PySide6

    _keep, trimmed = _spec_trimming()
    folder = Path(PySide6.__file__).resolve().parent / "Qt" / "translations"
    # PyInstaller's Qt hook collects them under this name; the spec trims its data list
    toc = [(f"PySide6/Qt/translations/{f.name}", str(f), "DATA") for f in sorted(folder.glob("*.qm"))]
    toc.append(("resources/i18n/kyodo_en.qm", "kyodo_en.qm", "DATA"))
    kept = {Path(dest).name for dest, _src, _kind in trimmed(toc)}
    assert "qtbase_ja.qm" in kept and "qt_ja.qm" in kept and "kyodo_en.qm" in kept
    assert {"qtbase_de.qm", "qtbase_fr.qm", "designer_ja.qm", "qt_help_ja.qm"}.isdisjoint(kept)
    shipped = sum(Path(src).stat().st_size for dest, src, _ in trimmed(toc) if "translations" in dest)
    assert shipped < 1_000_000  # a few hundred kB of the 200 MB budget, not the 14 MB of all


def test_the_bundle_takes_every_module_the_migration_scripts_import(tmp_path: Path) -> None:
    """Alembic loads the migration scripts from files, so PyInstaller cannot see their imports:
    the spec lists them (0003 and 0006 call ``persistence.refold``, which nothing else imports)."""
    spec = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    (wanted,) = [n for n in spec.body if isinstance(n, ast.FunctionDef) and n.name == "migration_imports"]
    namespace: dict[str, Any] = {}
    exec(compile(ast.Module(body=[wanted], type_ignores=[]), "build.spec", "exec"), namespace)
    versions = ROOT / "kyodo_desktop" / "persistence" / "migrations" / "versions"
    found = namespace["migration_imports"](versions)
    assert "kyodo_desktop.persistence.refold" in found
    # a new script's import is picked up without editing the spec
    (tmp_path / "0099_x.py").write_text(
        "from kyodo_desktop.services.demo import generate\nimport os\n", encoding="utf-8"
    )
    assert namespace["migration_imports"](tmp_path) == ["kyodo_desktop.services.demo"]
    assert "HIDDEN += migration_imports(" in (ROOT / "build.spec").read_text(encoding="utf-8")


def test_the_bundle_takes_the_modules_loaded_by_name() -> None:
    """A module a tab imports by name (its page, the project wizard) is not seen by PyInstaller's
    analysis: the spec lists every module of the package, so none is left out."""
    spec = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    (wanted,) = [n for n in spec.body if isinstance(n, ast.FunctionDef) and n.name == "project_modules"]
    namespace: dict[str, Any] = {}
    exec(compile(ast.Module(body=[wanted], type_ignores=[]), "build.spec", "exec"), namespace)
    modules = set(namespace["project_modules"](ROOT))
    by_name = set()
    for path in (ROOT / "kyodo_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Constant)
                and isinstance(node.value.value, str)
                and node.value.value.startswith("kyodo_desktop.")
                and any(getattr(t, "id", "").endswith("_MODULE") for t in node.targets)
            ):
                by_name.add(node.value.value)
    assert {"kyodo_desktop.gui.projects.wizard", "kyodo_desktop.gui.evaluations.page"} <= by_name
    assert by_name <= modules
    assert "kyodo_desktop" in modules and "kyodo_desktop.cli" in modules
    assert not any("versions." in m or m.endswith("__main__") for m in modules)
    assert "HIDDEN += project_modules(" in (ROOT / "build.spec").read_text(encoding="utf-8")
