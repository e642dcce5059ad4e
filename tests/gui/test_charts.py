"""The chart widgets painted into images: series colours at their vertices, gaps, legend, titles, DPI."""

from __future__ import annotations

import itertools
import math

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QImage
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from kyodo_desktop.domain.project_terms import COLLABORATION_POINTS
from kyodo_desktop.gui.charts import BarChart, RadarChart
from kyodo_desktop.gui.charts.base import SERIES_STYLES

BLUE = QColor(SERIES_STYLES[0].color)
VERMILLION = QColor(SERIES_STYLES[1].color)
GREEN = QColor(SERIES_STYLES[2].color)


def distance(a: QColor, b: QColor) -> float:
    return math.dist((a.red(), a.green(), a.blue()), (b.red(), b.green(), b.blue()))


def colour_near(
    image: QImage, x: float, y: float, colour: QColor, radius: int = 4, tolerance: float = 40
) -> bool:
    """Whether a pixel within ``radius`` of logical point (x, y) has about ``colour``."""
    ratio = image.devicePixelRatio()
    cx, cy = round(x * ratio), round(y * ratio)
    reach = round(radius * ratio)
    for px in range(max(0, cx - reach), min(image.width(), cx + reach + 1)):
        for py in range(max(0, cy - reach), min(image.height(), cy + reach + 1)):
            if distance(image.pixelColor(px, py), colour) <= tolerance:
                return True
    return False


def dark_pixels(image: QImage, left: int, top: int, right: int, bottom: int) -> int:
    """Pixels of text (near black) in a region of physical pixels."""
    count = 0
    for x in range(max(0, left), min(image.width(), right)):
        for y in range(max(0, top), min(image.height(), bottom)):
            colour = image.pixelColor(x, y)
            if max(colour.red(), colour.green(), colour.blue()) < 90:
                count += 1
    return count


@pytest.fixture
def radar(qtbot: QtBot) -> RadarChart:
    chart = RadarChart()
    qtbot.addWidget(chart)
    chart.set_title("協働のポイント")
    return chart


def test_each_series_is_drawn_in_its_colour_at_its_vertices(radar: RadarChart) -> None:
    radar.set_data(COLLABORATION_POINTS, {"行政": [5, 5, 5, 5, 5, 5], "団体": [2, 3, 2, 3, 2, 3]}, maximum=5)
    image = radar.render_to_image(600, 400)
    assert (image.width(), image.height()) == (600, 400)
    painted = radar.painted_center_radius()
    assert painted is not None
    (cx, cy), radius = painted
    assert cx == pytest.approx(300, abs=1)  # centred across
    assert radius > 100  # the chart uses the space, not a thumbnail
    administration, organization = radar.painted_vertices()
    # 行政 scored the maximum everywhere: its vertices are on the rim, the first straight up
    assert administration[0] == pytest.approx((cx, cy - radius))
    for point in administration:
        assert point is not None
        assert colour_near(image, *point, BLUE)
    for point in organization:
        assert point is not None
        assert colour_near(image, *point, VERMILLION)
        assert not colour_near(image, *point, BLUE, radius=2)  # 団体's markers sit on top
    # the closed 行政 polygon is lightly filled: the centre is tinted, not white
    centre = image.pixelColor(round(cx + radius * 0.6), round(cy))
    assert centre != QColor("#ffffff")
    assert centre.blue() > centre.red()


def test_a_missing_value_draws_nothing_at_its_axis(radar: RadarChart) -> None:
    # 行政 not in yet (all missing) keeps its colour, so 団体 is drawn in the second one
    radar.set_data(COLLABORATION_POINTS, {"行政": [None] * 6, "団体": [4, 4, None, 4, 4, 4]}, maximum=5)
    image = radar.render_to_image(600, 400)
    (cx, cy), radius = radar.painted_center_radius() or ((0.0, 0.0), 0.0)
    nothing, vertices = radar.painted_vertices()
    assert nothing == [None] * 6
    assert not colour_near(image, cx, cy, BLUE, radius=int(radius), tolerance=60)
    assert vertices[2] is None
    # where the vertex would be at 4, and halfway along the edges that would meet there
    would_be = (
        cx + radius * 0.8 * math.cos(math.radians(30)),
        cy + radius * 0.8 * math.sin(math.radians(30)),
    )
    assert not colour_near(image, *would_be, VERMILLION, radius=8, tolerance=80)
    for neighbour in (vertices[1], vertices[3]):
        assert neighbour is not None
        assert colour_near(image, *neighbour, VERMILLION)
        middle = ((neighbour[0] + would_be[0]) / 2, (neighbour[1] + would_be[1]) / 2)
        assert not colour_near(image, *middle, VERMILLION, radius=3, tolerance=80)
    # the other edges are drawn: halfway from axis 3 to axis 4
    assert vertices[4] is not None and vertices[3] is not None
    middle = ((vertices[3][0] + vertices[4][0]) / 2, (vertices[3][1] + vertices[4][1]) / 2)
    assert colour_near(image, *middle, VERMILLION, radius=3, tolerance=80)
    # and an outline with a gap has no fill (it would claim the missing score)
    assert image.pixelColor(round(cx - radius * 0.3), round(cy)) == QColor("#ffffff")


def test_title_labels_and_legend_are_drawn_as_text(radar: RadarChart) -> None:
    radar.set_data(COLLABORATION_POINTS, {"行政": [3] * 6, "団体": [4] * 6, "第三者": [2] * 6}, maximum=5)
    image = radar.render_to_image(600, 400)
    assert dark_pixels(image, 150, 0, 450, 30) > 50  # the title
    legend = dark_pixels(image, 0, 370, 600, 400)
    assert legend > 50
    # the legend shows each series' colour
    assert any(colour_near(image, x, 385, GREEN, radius=15) for x in range(0, 600, 30))
    # the top axis' label sits above the rim
    (cx, cy), radius = radar.painted_center_radius() or ((0.0, 0.0), 0.0)
    assert (
        dark_pixels(image, round(cx - 40), round(cy - radius - 30), round(cx + 40), round(cy - radius)) > 20
    )
    # the legend's text is the series' names: longer names, more ink in the legend
    radar.set_data(
        COLLABORATION_POINTS,
        {"行政（市民協働課）": [3] * 6, "団体（理事会）": [4] * 6, "第三者": [2] * 6},
        maximum=5,
    )
    assert dark_pixels(radar.render_to_image(600, 400), 0, 370, 600, 400) > legend * 1.5


def test_a_high_dpi_image_has_more_pixels_and_the_same_layout(radar: RadarChart) -> None:
    radar.set_data(COLLABORATION_POINTS, {"行政": [5, 1, 5, 1, 5, 1]}, maximum=5)
    image = radar.render_to_image(600, 400, device_pixel_ratio=2.0)
    assert (image.width(), image.height(), image.devicePixelRatio()) == (1200, 800, 2.0)
    at_two = radar.painted_vertices()[0]
    for point in at_two:
        assert point is not None
        assert colour_near(image, *point, BLUE)
    radar.render_to_image(600, 400)
    # the layout (fonts included) is the same in logical pixels at either ratio
    flat_one = [c for point in radar.painted_vertices()[0] if point for c in point]
    assert flat_one == pytest.approx([c for point in at_two if point for c in point], abs=1.0)


def test_screen_readers_get_the_data_in_words(radar: RadarChart) -> None:
    radar.set_data(["相互理解", "公平性の確保", "対等性の確保"], {"行政": [4, 3.5, None]}, maximum=5)
    assert radar.accessibleName() == "協働のポイント"
    description = radar.accessibleDescription()
    assert "尺度 0〜5" in description
    assert "行政: 相互理解 4、公平性の確保 3.5、対等性の確保 未回答" in description
    assert radar.sizeHint().width() >= 600
    assert radar.minimumSizeHint().width() <= 400


def test_the_widget_paints_itself_on_screen(qtbot: QtBot, radar: RadarChart) -> None:
    radar.set_data(COLLABORATION_POINTS, {"行政": [5] * 6}, maximum=5)
    radar.resize(600, 400)
    radar.show()
    qtbot.waitExposed(radar)
    image = radar.grab().toImage()
    points = radar.painted_vertices()[0]
    ratio = image.devicePixelRatio()
    assert points[0] is not None
    probe = image.pixelColor(round(points[0][0] * ratio), round(points[0][1] * ratio))
    assert distance(probe, BLUE) < 60


@pytest.fixture
def bars(qtbot: QtBot) -> BarChart:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_title("目標値と実績")
    return chart


def test_bars_stand_at_their_values_side_by_side(bars: BarChart) -> None:
    bars.set_data(
        ["講座の参加者数（延べ人数）", "相談件数", "アンケートで満足と答えた人の割合"],
        {"目標値": [500, 120, 90], "実績": [420, None, 86]},
        unit="",
    )
    image = bars.render_to_image(600, 400)
    assert bars.ticks() == [0, 100, 200, 300, 400, 500]
    painted = {(category, series): rect for category, series, rect in bars.painted_bars()}
    assert set(painted) == {(0, 0), (0, 1), (1, 0), (2, 0), (2, 1)}  # no bar for the missing 実績
    target, result = painted[0, 0], painted[0, 1]
    assert target[3] == pytest.approx(result[3] * 500 / 420, rel=0.01)  # heights in proportion
    assert target[0] + target[2] == pytest.approx(result[0])  # side by side
    x, y, w, h = target
    assert colour_near(image, x + w / 2, y + h / 2, BLUE, radius=1)
    # the hatched 実績 bar: the hatch's lines or its tint are in 実績's colour
    x, y, w, h = result
    assert colour_near(image, x + w / 2, y + h / 2, VERMILLION.darker(120), radius=4, tolerance=60)
    # where 相談件数's 実績 would stand there is nothing but white and the grid
    x, y, w, h = painted[1, 0]
    assert not colour_near(image, x + w * 1.5, y + h / 2, VERMILLION.darker(120), radius=4, tolerance=90)
    # category labels under the bars, and the value above the first bar
    assert dark_pixels(image, round(x - w), round(y + h + 2), round(x + 2 * w), round(y + h + 40)) > 30
    x, y, w, h = target
    assert dark_pixels(image, round(x), round(y - 16), round(x + w), round(y)) > 10


def test_long_category_names_stay_inside_their_band(bars: BarChart) -> None:
    names = ["ボランティア登録者数の増加と定着の状況について"] * 6
    bars.set_data(names, {"目標値": [10] * 6, "実績": [8] * 6})
    image = bars.render_to_image(600, 400)
    rects = [rect for _category, series, rect in bars.painted_bars() if series == 0]
    # the gap between two groups stays free of text: labels are wrapped and cut, not overlapping
    for first, second in itertools.pairwise(rects):
        gap_x = round((first[0] + first[2] * 2 + second[0]) / 2)
        bottom = round(first[1] + first[3])
        assert dark_pixels(image, gap_x - 1, bottom + 3, gap_x + 1, bottom + 45) == 0


def test_bar_summary_names_missing_values(bars: BarChart) -> None:
    bars.set_data(["参加者数", "相談件数"], {"目標値": [500, 120], "実績": [420, None]}, unit="人")
    assert bars.accessibleName() == "目標値と実績"
    assert "参加者数: 目標値 500人、実績 420人" in bars.accessibleDescription()
    assert "相談件数: 目標値 120人、実績 未入力" in bars.accessibleDescription()
    assert bars.categories() == ("参加者数", "相談件数")


def test_a_cut_label_is_shown_whole_with_its_values_on_hover(qtbot: QtBot, bars: BarChart) -> None:
    name = "ボランティア登録者数の増加と定着の状況について"
    bars.set_data([name, "相談件数"], {"目標値": [10, 5], "実績": [8, None]}, unit="人")
    bars.resize(600, 400)
    bars.show()
    qtbot.waitExposed(bars)
    bars.render_to_image(bars.width(), bars.height())
    rects = {(category, series): rect for category, series, rect in bars.painted_bars()}
    x, y, w, h = rects[0, 0]
    assert bars.tooltip_at(x + w / 2, y + h + 20) == f"{name}\n目標値: 10人\n実績: 8人"
    x, y, w, h = rects[1, 0]
    assert bars.tooltip_at(x + w, y + h / 2) == "相談件数\n目標値: 5人\n実績: 未入力"
    assert bars.tooltip_at(2, 2) is None  # the title
    # the tool-tip event shows it
    event = QHelpEvent(
        QEvent.Type.ToolTip, QPoint(round(x + w), round(y + h / 2)), bars.mapToGlobal(QPoint(0, 0))
    )
    QCoreApplication.sendEvent(bars, event)
    assert QToolTip.text() == "相談件数\n目標値: 5人\n実績: 未入力"
    QToolTip.hideText()


def test_hovering_an_axis_names_it_and_every_side_score(radar: RadarChart) -> None:
    radar.set_data(
        COLLABORATION_POINTS, {"行政": [4, 3, 5, 4, 4, 3], "団体": [3, 3, None, 4, 5, 2]}, maximum=5
    )
    radar.resize(600, 400)
    radar.render_to_image(600, 300)  # another size first: the tool tip uses the widget's own
    painted = radar.painted_center_radius()
    assert painted is not None
    tip = radar.tooltip_at(300, 60)
    assert tip == "相互理解\n行政: 4\n団体: 3"
    (cx, cy), radius = radar.painted_center_radius() or ((0.0, 0.0), 0.0)
    lower_right = (
        cx + radius * 0.8 * math.cos(math.radians(30)),
        cy + radius * 0.8 * math.sin(math.radians(30)),
    )
    assert radar.tooltip_at(*lower_right) == "対等性の確保\n行政: 5\n団体: 未回答"
    assert radar.tooltip_at(2, 398) is None
