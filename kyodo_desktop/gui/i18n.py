"""The language of the window: Japanese (the source text) or English (``kyodo_en.qm``).

The language is chosen once, before the window is built (設定 → 表示言語 takes effect at the
next start). English comes from ``resources/i18n/kyodo_en.qm`` (built from ``kyodo_en.ts`` by
``tools/update_translations.py``). Its translator also looks a text up by its source alone when
the exact (class, text) pair is missing: labels held in tables and passed to ``self.tr(label)``
carry the context of whichever class shows them, and code moved to another class keeps its
English. Domain label tables (活動分野, 法人格, 状態 …) are shown through the helpers below.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kyodo_desktop.domain.fields import ACTIVITY_FIELD_SHORT, ACTIVITY_FIELDS
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.resources import resource
from kyodo_desktop.services.settings import LANGUAGES

log = logging.getLogger(__name__)

__all__ = ["LANGUAGES", "KyodoTranslator", "current_language", "install_language"]

_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]")


def translations_file(language: str) -> Path:
    """``resources/i18n/kyodo_<language>.qm``."""
    return resource(f"i18n/kyodo_{language}.qm")


class KyodoTranslator(QTranslator):
    """The program's own translation: the ``.qm``, then the same source text in any context.

    ``misses`` collects Japanese texts asked for that have no translation at all (tests read it).
    """

    def __init__(self, parent: QCoreApplication | None = None) -> None:
        super().__init__(parent)
        self._by_source: dict[str, str] = {}
        self.misses: set[tuple[str, str]] = set()

    def load_language(self, language: str) -> bool:
        """Load ``kyodo_<language>.qm`` and, from the ``.ts`` beside it, the source-only table."""
        import xml.etree.ElementTree as ET  # only when a translation is used: start-up stays light

        qm = translations_file(language)
        if not self.load(str(qm)):
            return False
        try:
            root = ET.parse(qm.with_suffix(".ts")).getroot()
        except (OSError, ET.ParseError):
            log.warning(
                "translation source %s not readable; lookups by class only", qm.with_suffix(".ts").name
            )
            return True
        for message in root.iter("message"):
            translation = message.find("translation")
            source = message.findtext("source")
            if source and translation is not None and translation.get("type") is None and translation.text:
                self._by_source.setdefault(source, translation.text)
        return True

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        """The translation, or None (Qt then asks the next translator, or shows the source)."""
        found = super().translate(context, source_text, disambiguation, n)
        if found:
            return found
        found = self._by_source.get(source_text)
        if found is None and _JAPANESE.search(source_text or ""):
            self.misses.add((context, source_text))
        return found


def qt_translation_folders() -> list[str]:
    """Where Qt's own ``qtbase_ja.qm`` may be: Qt's translations folder, then PySide6's own.

    The second is the same folder in an installed PySide6; in the office bundle it is where
    ``build.spec`` keeps the Japanese and English ``.qm`` files (``PySide6/Qt/translations``).
    """
    import PySide6

    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    shipped = str(Path(PySide6.__file__).resolve().parent / "Qt" / "translations")
    return folders if shipped in folders else [*folders, shipped]


#: Qt's own texts that ``qtbase_ja.qm`` leaves in English: two labels of Qt's file dialog.
_QT_JAPANESE_GAPS = {
    ("QFileDialog", "&Look in:"): "場所(&L):",
    ("QFileDialog", "Files of &type:"): "ファイルの種類(&T):",
}


class QtJapaneseGaps(QTranslator):
    """The few Qt texts Qt's Japanese translation lacks (installed after it, so asked first)."""

    def translate(
        self, context: str, source_text: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        """The Japanese of a known gap, or None (Qt then asks ``qtbase_ja.qm``)."""
        return _QT_JAPANESE_GAPS.get((context, source_text))


def _qt_japanese(app: QCoreApplication) -> list[QTranslator]:
    """Qt's Japanese for its buttons and dialogs (OK, はい, 次へ, the file dialog …)."""
    qt = QTranslator(app)
    folders = qt_translation_folders()
    if not any(qt.load(QLocale(QLocale.Language.Japanese), "qtbase", "_", folder) for folder in folders):
        log.info("Qt's Japanese translation not found in %s", folders)
        return []
    return [qt, QtJapaneseGaps(app)]


# The translators now installed (replaced when a test or tool picks another language).
_installed: list[QTranslator] = []
_language = "ja"


def current_language() -> str:
    """The language the window is being built in."""
    return _language


def current_translator() -> KyodoTranslator | None:
    """The program's translator when a language other than Japanese is installed."""
    return next((t for t in _installed if isinstance(t, KyodoTranslator)), None)


def install_language(app: QCoreApplication, language: str) -> str:
    """Install the translators of ``language`` (unknown: Japanese); returns the one in force.

    Japanese needs only Qt's own texts (OK/Cancel, file dialogs) in Japanese; English needs
    ``kyodo_en.qm`` and no Qt translation (Qt's source language is English).
    """
    global _language
    if language not in LANGUAGES:
        log.warning("unknown language %r; using Japanese", language)
        language = "ja"
    if language == _language and _installed:
        return language
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    if language == "ja":
        for translator in _qt_japanese(app):
            app.installTranslator(translator)  # the last installed is asked first
            _installed.append(translator)
    else:
        own = KyodoTranslator(app)
        if own.load_language(language):
            app.installTranslator(own)
            _installed.append(own)
        else:
            log.warning("translation %s not found; the window stays Japanese", translations_file(language))
    _language = language
    _label_cache.clear()
    return language


# -- domain labels --------------------------------------------------------------------------------
# Labels are drawn for every painted cell: each is translated once per language.
_label_cache: dict[tuple[str, str], str] = {}


def label(context: str, text: str) -> str:
    """``text`` of a label table marked ``QT_TRANSLATE_NOOP(context, text)``, translated."""
    key = (context, text)
    found = _label_cache.get(key)
    if found is None:
        found = _label_cache[key] = QCoreApplication.translate(context, text) if text else text
    return found


def list_separator() -> str:
    """What joins the items of a list in one cell: 、 in Japanese, a comma in English."""
    return label("labels", "、")


def activity_field_short(code: int) -> str:
    """The short label of 活動分野 ``code`` (保健・医療・福祉 / Health, medical care, welfare)."""
    short = ACTIVITY_FIELD_SHORT.get(code)
    return label("ActivityFieldShort", short) if short else str(code)


def activity_field_name(code: int) -> str:
    """The official name of 活動分野 ``code`` (特定非営利活動促進法 別表)."""
    name = ACTIVITY_FIELDS.get(code)
    return label("ActivityField", name) if name else str(code)


def legal_form_label(value: str) -> str:
    """A stored 法人格 as shown (``value`` itself when it is not one of LEGAL_FORMS)."""
    return label("LegalForm", value)


def status_label(value: str) -> str:
    """A stored 状態 (活動中, 休止, 解散) as shown."""
    return label("OrgStatus", value)


def interaction_kind_label(value: str) -> str:
    """A stored 対応の種類 (面談, 電話 …) as shown."""
    return label("InteractionKind", value)


# lupdate finds the texts translated through label() here.
_MARKED = (QT_TRANSLATE_NOOP("labels", "、"),)
