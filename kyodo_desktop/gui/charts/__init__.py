"""Small charts drawn with QPainter (no QtCharts): a radar chart and a grouped bar chart.

Both take plain Python values through ``set_data``, paint on screen or into an image
(``render_to_image(width, height)`` for tests and export), and describe their data to screen
readers. The arithmetic lives in :mod:`kyodo_desktop.gui.charts.geometry`, free of Qt.
"""

from __future__ import annotations

from kyodo_desktop.gui.charts.bars import BarChart
from kyodo_desktop.gui.charts.base import ChartWidget
from kyodo_desktop.gui.charts.geometry import Series
from kyodo_desktop.gui.charts.radar import RadarChart

__all__ = ["BarChart", "ChartWidget", "RadarChart", "Series"]
