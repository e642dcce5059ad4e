"""A part of the window built the first time it is shown or asked for.

Start-up builds only this empty frame, so it imports and reads nothing for what the officer has
not opened yet: the 評価 and 引継ぎ tabs' pages and the 事業 tab's detail panel. ``build`` makes
the content (importing its module there) and may read its lists; the frame holds it from then on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPane(QWidget):
    """An empty frame until :meth:`ensure` (or its first show) builds its content with ``build``."""

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        """The content, built on first use."""
        if self._content is None:
            content = self._build()
            self._layout.addWidget(content)
            content.setVisible(self.isVisible())  # a child added to a shown widget stays hidden
            self._content = content
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.ensure()
