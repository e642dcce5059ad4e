"""What every chart shares: title, legend, series styles, painting to the screen or to an image.

A chart paints itself with :meth:`ChartWidget.paint` onto any ``QPainter``: the widget's own
(``paintEvent``) or an image's (:meth:`ChartWidget.render_to_image`, for tests and export). Sizes
are logical pixels; an image rendered with a device pixel ratio of 2 has twice the pixels and the
same layout, as on a high-DPI screen. The background is white and the text black whatever the
desktop theme, so a chart reads the same on screen, in a PNG and on paper.

Series are told apart by more than colour (colour-blind readers, grey-scale printers): each has
a colour from the Okabe–Ito palette, a line style, a marker shape and, for bars, a hatch.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from kyodo_desktop.gui.charts.geometry import Series, format_value

__all__ = ["SERIES_STYLES", "ChartWidget", "SeriesStyle", "block_size", "draw_marker", "line_height"]

# 96 dpi in dots per metre: an image gets the screen's font size in pixels (QImage defaults to 72).
_DOTS_PER_METRE = round(96 / 0.0254)
_MIN_POINT_SIZE = 9.0
_PADDING = 10.0
_LEGEND_SAMPLE = 30.0
_LEGEND_GAP = 18.0


@dataclass(frozen=True)
class SeriesStyle:
    """How one series looks: colour (hex), pen dash, marker shape and bar hatch."""

    color: str
    dash: Qt.PenStyle
    marker: str
    hatch: Qt.BrushStyle


# Okabe–Ito colours (safe for the common colour blindnesses), each with its own dash and marker.
SERIES_STYLES: tuple[SeriesStyle, ...] = (
    SeriesStyle("#0072B2", Qt.PenStyle.SolidLine, "circle", Qt.BrushStyle.SolidPattern),
    SeriesStyle("#D55E00", Qt.PenStyle.DashLine, "square", Qt.BrushStyle.BDiagPattern),
    SeriesStyle("#009E73", Qt.PenStyle.DotLine, "triangle", Qt.BrushStyle.CrossPattern),
    SeriesStyle("#CC79A7", Qt.PenStyle.DashDotLine, "diamond", Qt.BrushStyle.FDiagPattern),
    SeriesStyle("#E69F00", Qt.PenStyle.DashDotDotLine, "cross", Qt.BrushStyle.HorPattern),
)

TEXT_COLOR = QColor("#202020")
GRID_COLOR = QColor("#b0b0b0")
MUTED_COLOR = QColor("#606060")
BACKGROUND = QColor("#ffffff")


def block_size(metrics: QFontMetricsF, text: str) -> tuple[float, float]:
    """Width and height of ``text`` (lines split at ``\\n``) as ``drawText`` lays it out.

    Japanese glyphs often come from a fallback font taller than the application's font, so
    ``metrics.height()`` alone would clip them.
    """
    rect = metrics.boundingRect(QRectF(0, 0, 1e6, 1e6), int(Qt.AlignmentFlag.AlignLeft), text)
    return rect.width(), rect.height()


def line_height(metrics: QFontMetricsF) -> float:
    """The height of one line of Japanese text."""
    return block_size(metrics, "あ")[1]


def draw_marker(painter: QPainter, shape: str, center: QPointF, size: float, color: QColor) -> None:
    """A filled marker of ``shape`` (circle, square, triangle, diamond, cross) centred at ``center``."""
    painter.save()
    painter.setPen(QPen(color.darker(130), 1.2))
    painter.setBrush(QBrush(color))
    half = size / 2
    x, y = center.x(), center.y()
    if shape == "square":
        painter.drawRect(QRectF(x - half * 0.85, y - half * 0.85, size * 0.85, size * 0.85))
    elif shape == "triangle":
        painter.drawPolygon(
            QPolygonF(
                [QPointF(x, y - half), QPointF(x + half, y + half * 0.8), QPointF(x - half, y + half * 0.8)]
            )
        )
    elif shape == "diamond":
        painter.drawPolygon(
            QPolygonF(
                [QPointF(x, y - half), QPointF(x + half, y), QPointF(x, y + half), QPointF(x - half, y)]
            )
        )
    elif shape == "cross":
        painter.setPen(QPen(color, 2.2))
        painter.drawLine(QPointF(x - half, y - half), QPointF(x + half, y + half))
        painter.drawLine(QPointF(x - half, y + half), QPointF(x + half, y - half))
    else:
        painter.drawEllipse(center, half, half)
    painter.restore()


class ChartWidget(QWidget):
    """Base of the charts: a title on top, the plot, a legend below; no signals.

    Subclasses implement :meth:`_paint_plot`, :meth:`_paint_legend_sample` and :meth:`summary`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self._series: tuple[Series, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAutoFillBackground(False)

    # -- public -------------------------------------------------------------------------------
    def title(self) -> str:
        """The chart's title (empty when none)."""
        return self._title

    def set_title(self, title: str) -> None:
        """Show ``title`` above the chart (and give it to screen readers as the name)."""
        self._title = title
        self._data_changed()

    def series(self) -> tuple[Series, ...]:
        """The series shown, as plain values."""
        return self._series

    def summary(self) -> str:
        """The data in words, for screen readers (the accessible description)."""
        raise NotImplementedError

    def render_to_image(self, width: int, height: int, device_pixel_ratio: float = 1.0) -> QImage:
        """The chart painted at ``width`` × ``height`` logical pixels (× ``device_pixel_ratio``)."""
        image = QImage(
            max(1, round(width * device_pixel_ratio)),
            max(1, round(height * device_pixel_ratio)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        image.setDotsPerMeterX(_DOTS_PER_METRE)
        image.setDotsPerMeterY(_DOTS_PER_METRE)
        image.setDevicePixelRatio(device_pixel_ratio)
        image.fill(BACKGROUND)
        painter = QPainter(image)
        try:
            self.paint(painter, QRectF(0, 0, width, height))
        finally:
            painter.end()
        return image

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Paint the whole chart (background, title, plot, legend) into ``rect``."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(rect, BACKGROUND)
        inner = rect.adjusted(_PADDING, _PADDING, -_PADDING, -_PADDING)
        if self._title:
            font = self.title_font()
            metrics = QFontMetricsF(font, painter.device())
            painter.setFont(font)
            painter.setPen(TEXT_COLOR)
            title_rect = QRectF(inner.left(), inner.top(), inner.width(), line_height(metrics))
            text = metrics.elidedText(self._title, Qt.TextElideMode.ElideRight, inner.width())
            painter.drawText(title_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
            inner.setTop(title_rect.bottom() + _PADDING)
        legend_height = self._paint_legend(painter, inner)
        inner.setBottom(inner.bottom() - legend_height)
        painter.setFont(self.label_font())
        self._paint_plot(painter, inner)
        painter.restore()

    # -- fonts --------------------------------------------------------------------------------
    def label_font(self) -> QFont:
        """The application's font (it carries the Japanese font), never below 9 points."""
        font = QFont(self.font())
        if font.pointSizeF() > 0 and font.pointSizeF() < _MIN_POINT_SIZE:
            font.setPointSizeF(_MIN_POINT_SIZE)
        return font

    def small_font(self) -> QFont:
        """For scale numbers: a point smaller than the labels, still at least 8 points."""
        font = self.label_font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(max(8.0, font.pointSizeF() - 1))
        return font

    def title_font(self) -> QFont:
        """The title: the label font, bold and a fifth larger."""
        font = self.label_font()
        font.setBold(True)
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.2)
        return font

    def tooltip_at(self, x: float, y: float) -> str | None:
        """The full text for the point (x, y) of the widget: a cut label's whole name and its values."""
        # the layout of the widget's own size (a render_to_image since may have left another)
        self.render_to_image(max(1, self.width()), max(1, self.height()))
        return self._tooltip_text(x, y)

    # -- Qt -----------------------------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos().x(), event.pos().y())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def sizeHint(self) -> QSize:
        return QSize(600, 400)

    def minimumSizeHint(self) -> QSize:
        return QSize(320, 240)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            self.paint(painter, QRectF(self.rect()))
        finally:
            painter.end()

    # -- for subclasses -----------------------------------------------------------------------
    def _set_series(self, series: tuple[Series, ...]) -> None:
        self._series = series

    def _data_changed(self) -> None:
        """Tell screen readers and repaint."""
        self.setAccessibleName(self._title or self._default_name())
        self.setAccessibleDescription(self.summary())
        self.update()

    def _default_name(self) -> str:
        return self.tr("グラフ")

    def _paint_plot(self, painter: QPainter, rect: QRectF) -> None:
        raise NotImplementedError

    def _tooltip_text(self, x: float, y: float) -> str | None:
        raise NotImplementedError

    def _values_text(self, index: int, missing: str, unit: str = "") -> str:
        """One line per series: its name and its value at axis or category ``index``."""
        return "\n".join(
            f"{series.name}: {self.value_text(series.values[index], missing)}"
            + (unit if series.values[index] is not None else "")
            for series in self._series
        )

    def _paint_legend_sample(self, painter: QPainter, index: int, rect: QRectF) -> None:
        raise NotImplementedError

    def _paint_legend(self, painter: QPainter, rect: QRectF) -> float:
        """The legend along the bottom of ``rect``, wrapped into rows; returns the height used."""
        if not self._series:
            return 0.0
        font = self.label_font()
        metrics = QFontMetricsF(font, painter.device())
        row_height = max(line_height(metrics), 14.0) + 4
        entries = []
        for index, series in enumerate(self._series):
            name = metrics.elidedText(series.name, Qt.TextElideMode.ElideRight, rect.width() / 2)
            entries.append((index, name, _LEGEND_SAMPLE + 6 + metrics.horizontalAdvance(name)))
        rows: list[list[tuple[int, str, float]]] = [[]]
        used = 0.0
        for entry in entries:
            if rows[-1] and used + _LEGEND_GAP + entry[2] > rect.width():
                rows.append([])
                used = 0.0
            used += (_LEGEND_GAP if rows[-1] else 0.0) + entry[2]
            rows[-1].append(entry)
        height = row_height * len(rows) + _PADDING
        top = rect.bottom() - row_height * len(rows)
        painter.setFont(font)
        for row in rows:
            width = sum(entry[2] for entry in row) + _LEGEND_GAP * (len(row) - 1)
            x = rect.left() + (rect.width() - width) / 2
            for index, name, entry_width in row:
                self._paint_legend_sample(painter, index, QRectF(x, top + 2, _LEGEND_SAMPLE, row_height - 4))
                painter.setPen(TEXT_COLOR)
                text_rect = QRectF(x + _LEGEND_SAMPLE + 6, top, entry_width, row_height)
                painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
                x += entry_width + _LEGEND_GAP
            top += row_height
        return height

    @staticmethod
    def style_of(index: int) -> SeriesStyle:
        """The style of series ``index`` (the palette repeats after five)."""
        return SERIES_STYLES[index % len(SERIES_STYLES)]

    @staticmethod
    def value_text(value: float | None, missing: str) -> str:
        """A value as the summary reads it: ``4``, ``3.5`` or ``missing``."""
        return missing if value is None else format_value(value)
