"""Regression guard for the pinned PySide6: 6.12.0 on CPython 3.11 aborted after a few thousand void calls."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot


def test_twenty_thousand_void_method_calls_survive(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    label = QLabel(widget)
    for i in range(10_000):
        label.setText(f"団体 {i}")
        widget.resize(200 + i % 50, 100)
    assert label.text() == "団体 9999"
    assert widget.width() == 200 + 9_999 % 50
