"""A radar (spider) chart: one axis per item, grid rings on the scale, one outline per series.

Meant for the six 協働のポイント scored by 行政, 団体 and 第三者, but it takes any labels::

    chart = RadarChart()
    chart.set_title("協働のポイント")
    chart.set_data(COLLABORATION_POINTS, {"行政": [4, 3, 5, 4, 4, 3], "団体": [3, 3, None, 4, 5, 2]}, maximum=5)

A missing value (``None``) cuts that series' outline at its axis (see
:mod:`kyodo_desktop.gui.charts.geometry` for the rule); the summary for screen readers names it
「未回答」.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from kyodo_desktop.gui.charts import geometry
from kyodo_desktop.gui.charts.base import (
    GRID_COLOR,
    MUTED_COLOR,
    TEXT_COLOR,
    ChartWidget,
    block_size,
    draw_marker,
)
from kyodo_desktop.gui.charts.geometry import Series, Value

__all__ = ["RadarChart"]

_LABEL_GAP = 8.0
_MARKER = 9.0
_FILL_ALPHA = 40
_HALO = QColor(255, 255, 255, 190)
# A label gets at most this many times the font's height in width before it wraps.
_LABEL_EMS = 7.0
_LABEL_LINES = 3
# Below this share of the plot's shorter side, the radius is too small: labels get smaller.
_SMALLEST_SHARE = 0.3


class RadarChart(ChartWidget):
    """A radar chart of several series over the same labelled axes; no signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._labels: tuple[str, ...] = ()
        self._maximum = 5.0
        self._step = 1.0
        self._painted: tuple[geometry.Point, float] | None = None
        self._data_changed()

    def labels(self) -> tuple[str, ...]:
        """The axis labels, first straight up then clockwise."""
        return self._labels

    def maximum(self) -> float:
        """The scale's maximum (the rim)."""
        return self._maximum

    def set_data(
        self,
        labels: Sequence[str],
        series: Mapping[str, Sequence[Value]] | Sequence[Series | tuple[str, Sequence[Value]]],
        maximum: float = 5.0,
        step: float = 1.0,
    ) -> None:
        """Show ``series`` (name → one value or ``None`` per label) on a 0..``maximum`` scale.

        Grid rings stand every ``step`` (fewer on a long points scale). Plain Python values only.
        """
        self._labels = tuple(str(label) for label in labels)
        self._maximum = float(maximum)
        self._step = float(step)
        self._set_series(geometry.normalize_series(series, len(self._labels)))
        self._data_changed()

    def painted_vertices(self) -> list[list[geometry.Point | None]]:
        """Each series' vertices as last painted (logical pixels; ``None`` where missing).

        Empty before the first paint. Lets a test or a tooltip find the points without redoing
        the layout.
        """
        if self._painted is None:
            return []
        origin, radius = self._painted
        return [
            geometry.radar_vertices(origin, radius, series.values, self._maximum) for series in self._series
        ]

    def painted_center_radius(self) -> tuple[geometry.Point, float] | None:
        """The centre and rim radius as last painted, ``None`` before the first paint."""
        return self._painted

    def summary(self) -> str:
        if not self._labels:
            return self.tr("データがありません")
        missing = self.tr("未回答")
        parts = [self.tr("レーダーチャート、尺度 0〜{0}。").format(geometry.format_value(self._maximum))]
        for series in self._series:
            values = self.tr("、").join(
                f"{label} {self.value_text(value, missing)}"
                for label, value in zip(self._labels, series.values, strict=True)
            )
            parts.append(self.tr("{0}: {1}。").format(series.name, values))
        return "".join(parts)

    def _tooltip_text(self, x: float, y: float) -> str | None:
        if self._painted is None or not self._labels:
            return None
        (cx, cy), radius = self._painted
        if math.dist((x, y), (cx, cy)) > radius * 1.15 + 40:
            return None
        index = geometry.nearest_axis((cx, cy), (x, y), len(self._labels))
        return f"{self._labels[index]}\n{self._values_text(index, self.tr('未回答'))}"

    # -- painting -----------------------------------------------------------------------------
    def plot_layout(self, painter: QPainter, rect: QRectF) -> tuple[QPointF, float, list[list[str]], QFont]:
        """The centre, the radius, each label's wrapped lines and their font for ``rect``.

        When long labels would leave the chart itself tiny (a small widget), they are set a point
        smaller and on at most two lines.
        """
        center = rect.center()
        fallback: tuple[QPointF, float, list[list[str]], QFont] | None = None
        for font, ems, most in (
            (self.label_font(), _LABEL_EMS, _LABEL_LINES),
            (self.small_font(), _LABEL_EMS, 2),
        ):
            metrics = QFontMetricsF(font, painter.device())
            max_width = max(metrics.height() * ems, 40.0)
            lines = [
                geometry.wrap_label(label, max_width, metrics.horizontalAdvance, most)
                for label in self._labels
            ]
            sizes = [block_size(metrics, "\n".join(block)) for block in lines]
            radius = geometry.fit_radius(rect.width() / 2, rect.height() / 2, sizes, _LABEL_GAP)
            if radius >= min(rect.width(), rect.height()) * _SMALLEST_SHARE:
                return center, radius, lines, font
            if fallback is None or radius > fallback[1]:
                fallback = (center, radius, lines, font)
        assert fallback is not None
        return fallback

    def _paint_plot(self, painter: QPainter, rect: QRectF) -> None:
        count = len(self._labels)
        if count < 3:
            self._painted = None
            painter.setPen(MUTED_COLOR)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("データがありません"))
            return
        center, radius, lines, font = self.plot_layout(painter, rect)
        origin = (center.x(), center.y())
        self._painted = (origin, radius)
        self._paint_grid(painter, origin, radius, count)
        self._paint_labels(painter, origin, radius, lines, font)
        for index, series in enumerate(self._series):
            self._paint_series(
                painter, index, geometry.radar_vertices(origin, radius, series.values, self._maximum)
            )
        self._paint_scale(painter, origin, radius, count)

    def _paint_grid(self, painter: QPainter, origin: geometry.Point, radius: float, count: int) -> None:
        painter.save()
        rings = geometry.ring_values(self._maximum, self._step)
        for value in rings:
            fraction = value / self._maximum
            ring = QPolygonF(
                [QPointF(*geometry.radar_point(origin, radius, i, count, fraction)) for i in range(count)]
            )
            painter.setPen(QPen(GRID_COLOR, 1.4 if value == self._maximum else 0.8))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolygon(ring)
        painter.setPen(QPen(GRID_COLOR, 0.8))
        for index in range(count):
            painter.drawLine(
                QPointF(*origin), QPointF(*geometry.radar_point(origin, radius, index, count, 1.0))
            )
        painter.restore()

    def _paint_scale(self, painter: QPainter, origin: geometry.Point, radius: float, count: int) -> None:
        """The ring values, painted last so no outline covers them."""
        painter.save()
        rings = geometry.ring_values(self._maximum, self._step)
        # scale numbers in the middle of the rings' first edge, off the axes where markers sit
        painter.setFont(self.small_font())
        metrics = QFontMetricsF(painter.font(), painter.device())
        painter.setPen(MUTED_COLOR)
        length = math.dist(origin, geometry.scale_label_point(origin, radius, count, 1.0))
        for value in geometry.labelled_rings(rings, self._maximum, length, metrics.height()):
            x, y = geometry.scale_label_point(origin, radius, count, value / self._maximum)
            text = geometry.format_value(value)
            width = metrics.horizontalAdvance(text)
            # a white halo keeps the number legible where an outline crosses it
            painter.fillRect(
                QRectF(x - width / 2 - 1, y - metrics.height() / 2, width + 2, metrics.height()), _HALO
            )
            painter.drawText(QPointF(x - width / 2, y + metrics.ascent() / 2 - 1), text)
        painter.restore()

    def _paint_labels(
        self, painter: QPainter, origin: geometry.Point, radius: float, lines: list[list[str]], font: QFont
    ) -> None:
        painter.save()
        painter.setFont(font)
        painter.setPen(TEXT_COLOR)
        metrics = QFontMetricsF(painter.font(), painter.device())
        count = len(lines)
        for index, block in enumerate(lines):
            size = block_size(metrics, "\n".join(block))
            left, top, width, height = geometry.label_box(origin, radius, index, count, size, _LABEL_GAP)
            side = geometry.label_side(math.cos(geometry.axis_angle(index, count)))
            align = {
                1: Qt.AlignmentFlag.AlignLeft,
                0: Qt.AlignmentFlag.AlignHCenter,
                -1: Qt.AlignmentFlag.AlignRight,
            }[side]
            painter.drawText(
                QRectF(left - 1, top - 1, width + 2, height + 2),
                align | Qt.AlignmentFlag.AlignVCenter,
                "\n".join(block),
            )
        painter.restore()

    def _paint_series(self, painter: QPainter, index: int, vertices: list[geometry.Point | None]) -> None:
        style = self.style_of(index)
        color = QColor(style.color)
        closed, runs = geometry.polygon_runs(vertices)
        painter.save()
        pen = QPen(color, 2.2, style.dash)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        if closed:
            fill = QColor(color)
            fill.setAlpha(_FILL_ALPHA)
            painter.setBrush(QBrush(fill))
            painter.drawPolygon(QPolygonF([QPointF(*point) for point in runs[0]]))
        else:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for run in runs:
                if len(run) > 1:
                    painter.drawPolyline(QPolygonF([QPointF(*point) for point in run]))
        for run in runs:
            for point in run:
                draw_marker(painter, style.marker, QPointF(*point), _MARKER, color)
        painter.restore()

    def _paint_legend_sample(self, painter: QPainter, index: int, rect: QRectF) -> None:
        style = self.style_of(index)
        color = QColor(style.color)
        painter.save()
        painter.setPen(QPen(color, 2.2, style.dash))
        middle = rect.center().y()
        painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.right(), middle))
        draw_marker(painter, style.marker, rect.center(), _MARKER, color)
        painter.restore()
