"""The search indicator of the 「重複の候補」 view: a busy bar and the seconds gone by."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from kyodo_desktop.gui.styles import HINT_STYLE


class SearchProgress(QWidget):
    """「重複の候補を探しています…（N 秒）」 with a busy bar while a search runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel()
        self.label.setObjectName("duplicatesProgress")
        self.label.setStyleSheet(HINT_STYLE)
        row.addWidget(self.label)
        self.bar = QProgressBar()
        self.bar.setObjectName("duplicatesProgressBar")
        self.bar.setRange(0, 0)  # busy: the search reports no steps
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(200)
        self.bar.hide()
        row.addWidget(self.bar)
        row.addStretch(1)
        self._elapsed = QElapsedTimer()
        self._tick = QTimer(self)  # the elapsed seconds, so a long search visibly goes on
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show)

    def start(self) -> None:
        """A search began."""
        self._elapsed.start()
        self._tick.start()
        self._show()
        self.bar.show()

    def stop(self) -> None:
        """The search ended (or the view closes)."""
        self._tick.stop()
        self.bar.hide()
        self.label.clear()

    def _show(self) -> None:
        seconds = self._elapsed.elapsed() // 1000 if self._elapsed.isValid() else 0
        text = self.tr("重複の候補を探しています…")
        if seconds >= 2:
            text += self.tr("（{seconds} 秒）").format(seconds=seconds)
        self.label.setText(text)
