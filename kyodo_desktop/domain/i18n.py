"""A Qt-free marker for label tables that the GUI shows in the user's language.

``lupdate`` recognises ``QT_TRANSLATE_NOOP("Context", "text")`` by its spelling, whoever
defines it, so the domain marks its labels with this no-op and stays free of Qt; the GUI
translates them where it shows them (``QCoreApplication.translate(context, text)``, see
``kyodo_desktop/gui/i18n.py``). The stored values stay the Japanese text.
"""

from __future__ import annotations

__all__ = ["QT_TRANSLATE_NOOP"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Return ``text`` unchanged; marks it for extraction into ``context``."""
    del context  # read by lupdate only
    return text
