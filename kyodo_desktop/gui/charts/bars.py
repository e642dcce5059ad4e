"""A grouped bar chart: categories along the bottom, one bar per series in each, a value axis.

Meant for a project's targets beside their results (目標値 / 実績)::

    chart = BarChart()
    chart.set_title("目標と実績")
    chart.set_data(["講座の参加者数", "相談件数"], {"目標値": [500, 120], "実績": [420, None]}, unit="人")

Values below zero are drawn as zero (the axis starts at 0); a missing value (``None``) draws no
bar and is read out as 「未入力」. Each bar carries its value above it when there is room, so the
chart reads without the grid. Long category names wrap onto two lines and are then cut with
「…」.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QWidget

from kyodo_desktop.gui.charts import geometry
from kyodo_desktop.gui.charts.base import (
    BACKGROUND,
    GRID_COLOR,
    MUTED_COLOR,
    TEXT_COLOR,
    ChartWidget,
    block_size,
)
from kyodo_desktop.gui.charts.geometry import Series, Value

__all__ = ["BarChart"]

_TICK_GAP = 6.0
_LABEL_LINES = 2


class BarChart(ChartWidget):
    """A grouped bar chart of several series over named categories; no signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._categories: tuple[str, ...] = ()
        self._unit = ""
        self._painted: list[tuple[int, int, tuple[float, float, float, float]]] = []
        # left, width, top and bottom (labels included) of the bars as last painted
        self._span: tuple[float, float, float, float] | None = None
        self._data_changed()

    def categories(self) -> tuple[str, ...]:
        """The category names, left to right."""
        return self._categories

    def set_data(
        self,
        categories: Sequence[str],
        series: Mapping[str, Sequence[Value]] | Sequence[Series | tuple[str, Sequence[Value]]],
        unit: str = "",
    ) -> None:
        """Show ``series`` (name → one value or ``None`` per category); ``unit`` follows the values."""
        self._categories = tuple(str(category) for category in categories)
        self._unit = unit
        self._set_series(geometry.normalize_series(series, len(self._categories)))
        self._data_changed()

    def painted_bars(self) -> list[tuple[int, int, tuple[float, float, float, float]]]:
        """``(category, series, (left, top, width, height))`` of each bar as last painted.

        Bars of missing values are not in the list. Empty before the first paint.
        """
        return list(self._painted)

    def ticks(self) -> list[float]:
        """The value axis' ticks, from 0 to at least the largest value."""
        top = max(
            (value for series in self._series for value in series.values if value is not None), default=0.0
        )
        return geometry.nice_ticks(top)

    def summary(self) -> str:
        if not self._categories:
            return self.tr("データがありません")
        missing = self.tr("未入力")
        parts = [self.tr("棒グラフ。")]
        for index, category in enumerate(self._categories):
            values = self.tr("、").join(
                f"{series.name} {self._with_unit(series.values[index], missing)}" for series in self._series
            )
            parts.append(self.tr("{0}: {1}。").format(category, values))
        return "".join(parts)

    def _with_unit(self, value: float | None, missing: str) -> str:
        return missing if value is None else geometry.format_value(value) + self._unit

    def _tooltip_text(self, x: float, y: float) -> str | None:
        if self._span is None:
            return None
        left, width, top, bottom = self._span
        if not (left <= x < left + width and top <= y <= bottom):
            return None
        index = min(int((x - left) / (width / len(self._categories))), len(self._categories) - 1)
        return f"{self._categories[index]}\n{self._values_text(index, self.tr('未入力'), self._unit)}"

    # -- painting -----------------------------------------------------------------------------
    def _paint_plot(self, painter: QPainter, rect: QRectF) -> None:
        self._painted = []
        self._span = None
        if not self._categories or not self._series:
            painter.setPen(MUTED_COLOR)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("データがありません"))
            return
        label_metrics = QFontMetricsF(self.label_font(), painter.device())
        small = self.small_font()
        small_metrics = QFontMetricsF(small, painter.device())
        ticks = self.ticks()
        tick_texts = [geometry.format_value(tick) + self._unit for tick in ticks]
        axis_width = max(small_metrics.horizontalAdvance(text) for text in tick_texts) + _TICK_GAP
        label_height = block_size(label_metrics, "\n".join("あ" * _LABEL_LINES))[1] + _TICK_GAP
        plot = QRectF(
            rect.left() + axis_width,
            rect.top() + small_metrics.height(),  # room for the value above the tallest bar
            rect.width() - axis_width,
            rect.height() - label_height - small_metrics.height(),
        )
        if plot.width() <= 10 or plot.height() <= 10:
            return
        self._span = (plot.left(), plot.width(), plot.top(), plot.bottom() + label_height)
        top_value = ticks[-1]

        def y_of(value: float) -> float:
            return plot.bottom() - plot.height() * min(max(value, 0.0), top_value) / top_value

        painter.save()
        painter.setFont(small)
        for tick, text in zip(ticks, tick_texts, strict=True):
            y = y_of(tick)
            painter.setPen(QPen(GRID_COLOR, 1.2 if tick == 0 else 0.7))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(MUTED_COLOR)
            painter.drawText(
                QRectF(
                    rect.left(),
                    y - small_metrics.height() / 2,
                    axis_width - _TICK_GAP,
                    small_metrics.height(),
                ),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        slots = geometry.bar_slots(plot.left(), plot.width(), len(self._categories), len(self._series))
        # the bars of a group touch: values go on all bars when every one fits its bar, else on none
        # (some numbers shown and others not would read as missing values)
        widest = max(
            (
                small_metrics.horizontalAdvance(geometry.format_value(value))
                for series in self._series
                for value in series.values
                if value is not None
            ),
            default=0.0,
        )
        show_values = bool(slots) and widest <= slots[0].width
        for slot in slots:
            value = self._series[slot.series].values[slot.category]
            if value is None:
                continue
            bar = QRectF(slot.left, y_of(value), slot.width, plot.bottom() - y_of(value))
            self._paint_bar(painter, slot.series, bar)
            self._painted.append(
                (slot.category, slot.series, (bar.left(), bar.top(), bar.width(), bar.height()))
            )
            text = geometry.format_value(value)
            if show_values:
                painter.setPen(TEXT_COLOR)
                painter.drawText(
                    QRectF(
                        slot.left - 2,
                        y_of(value) - small_metrics.height(),
                        slot.width + 4,
                        small_metrics.height(),
                    ),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                    text,
                )
        painter.setFont(self.label_font())
        painter.setPen(TEXT_COLOR)
        band = plot.width() / len(self._categories)
        for index, category in enumerate(self._categories):
            lines = geometry.wrap_label(category, band - 6, label_metrics.horizontalAdvance, _LABEL_LINES)
            painter.drawText(
                QRectF(plot.left() + band * index + 2, plot.bottom() + _TICK_GAP / 2, band - 4, label_height),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                "\n".join(lines),
            )
        painter.restore()

    def _paint_bar(self, painter: QPainter, index: int, rect: QRectF) -> None:
        style = self.style_of(index)
        color = QColor(style.color)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        if style.hatch == Qt.BrushStyle.SolidPattern:
            painter.setBrush(QBrush(color))
            painter.drawRect(rect)
        else:
            # a pale tint under the hatch keeps the bar visible when printed in grey
            tint = QColor(color)
            tint.setAlpha(70)
            painter.fillRect(rect, BACKGROUND)
            painter.fillRect(rect, tint)
            painter.fillRect(rect, QBrush(color.darker(120), style.hatch))
        painter.setPen(QPen(color.darker(140), 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        painter.restore()

    def _paint_legend_sample(self, painter: QPainter, index: int, rect: QRectF) -> None:
        sample = QRectF(rect.left() + 4, rect.top() + 1, rect.width() - 8, rect.height() - 2)
        self._paint_bar(painter, index, sample)
