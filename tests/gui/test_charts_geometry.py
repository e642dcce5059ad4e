"""The charts' arithmetic as plain functions: vertices, gaps, rings, ticks, bar slots, label wrapping."""

from __future__ import annotations

import math

import pytest

from kyodo_desktop.gui.charts import geometry
from kyodo_desktop.gui.charts.geometry import Series

CENTER = (100.0, 100.0)


def close(a: tuple[float, float] | None, b: tuple[float, float]) -> bool:
    assert a is not None
    return math.isclose(a[0], b[0], abs_tol=1e-9) and math.isclose(a[1], b[1], abs_tol=1e-9)


def test_the_first_axis_points_straight_up_and_the_rest_go_clockwise() -> None:
    assert close(geometry.radar_point(CENTER, 50, 0, 6, 1.0), (100, 50))
    # clockwise on screen (y down): the second axis is up and to the right, 60° on
    x, y = geometry.radar_point(CENTER, 50, 1, 6, 1.0)
    assert x == pytest.approx(100 + 50 * math.sin(math.radians(60)))
    assert y == pytest.approx(100 - 50 * math.cos(math.radians(60)))
    assert close(geometry.radar_point(CENTER, 50, 3, 6, 1.0), (100, 150))
    assert close(geometry.radar_point(CENTER, 50, 2, 4, 0.5), (100, 125))


def test_vertices_scale_with_the_maximum_and_clamp_values_off_the_scale() -> None:
    vertices = geometry.radar_vertices(CENTER, 50, [5, 2.5, None, 0, 9, -1], 5)
    assert close(vertices[0], (100, 50))
    assert vertices[1] is not None
    assert math.dist(vertices[1], CENTER) == pytest.approx(25)
    assert vertices[2] is None
    assert close(vertices[3], CENTER)
    assert math.dist(vertices[4], CENTER) == pytest.approx(50)  # type: ignore[arg-type]
    assert close(vertices[5], CENTER)


def test_a_complete_series_is_one_closed_polygon() -> None:
    closed, runs = geometry.polygon_runs([(1, 1), (2, 2), (3, 3)])
    assert closed
    assert runs == [[(1, 1), (2, 2), (3, 3)]]


def test_a_missing_value_cuts_the_outline_and_the_run_across_the_first_axis_is_joined() -> None:
    a, b, d, e, f = (0, 0), (1, 0), (3, 0), (4, 0), (5, 0)
    closed, runs = geometry.polygon_runs([a, b, None, d, e, f])
    assert not closed
    # from the gap on: d e f then round to a b — one run, not two
    assert runs == [[d, e, f, a, b]]


def test_isolated_values_are_runs_of_one_point_and_all_missing_is_nothing() -> None:
    closed, runs = geometry.polygon_runs([(0, 0), None, (2, 0), None])
    assert not closed
    assert sorted(runs) == [[(0, 0)], [(2, 0)]]
    assert geometry.polygon_runs([None, None, None]) == (False, [])
    assert geometry.polygon_runs([]) == (False, [])


def test_rings_stand_on_each_step_and_a_long_points_scale_gets_fewer() -> None:
    assert geometry.ring_values(5) == [1, 2, 3, 4, 5]
    assert geometry.ring_values(3) == [1, 2, 3]
    assert geometry.ring_values(60) == [10, 20, 30, 40, 50, 60]
    assert geometry.ring_values(100) == [10, 20, 30, 40, 50, 60, 70, 80, 90, 100]
    # a maximum off the step still has its rim
    assert geometry.ring_values(4.5) == [1, 2, 3, 4, 4.5]
    assert geometry.ring_values(0) == []


def test_ticks_run_from_zero_past_the_top_on_round_steps() -> None:
    assert geometry.nice_ticks(500) == [0, 100, 200, 300, 400, 500]
    assert geometry.nice_ticks(95) == [0, 20, 40, 60, 80, 100]
    assert geometry.nice_ticks(12) == [0, 2.5, 5, 7.5, 10, 12.5]
    assert geometry.nice_ticks(0) == [0, 1]
    assert geometry.nice_ticks(0.8)[-1] >= 0.8


def test_values_are_written_as_officers_read_them() -> None:
    assert geometry.format_value(4.0) == "4"
    assert geometry.format_value(3.5) == "3.5"
    assert geometry.format_value(0.25) == "0.25"
    assert geometry.format_value(1234567) == "1,234,567"


def test_bar_slots_group_the_series_inside_each_category_band() -> None:
    slots = geometry.bar_slots(0, 300, 3, 2, group_fill=0.5)
    assert len(slots) == 6
    first, second = slots[0], slots[1]
    assert (first.category, first.series, second.series) == (0, 0, 1)
    assert first.width == pytest.approx(25)  # half of a 100 px band, split in two
    assert first.left == pytest.approx(25)
    assert second.left == pytest.approx(50)
    assert slots[2].left == pytest.approx(125)
    assert geometry.bar_slots(0, 300, 0, 2) == []


def one_per_char(text: str) -> float:
    return float(len(text))


def test_long_japanese_labels_wrap_then_elide() -> None:
    assert geometry.wrap_label("相談件数", 8, one_per_char) == ["相談件数"]
    assert geometry.wrap_label("ボランティア登録者数の増加", 8, one_per_char) == [
        "ボランティア",
        "登録者数の増加",
    ]
    lines = geometry.wrap_label("アンケートで満足と答えた人の割合の推移と比較", 8, one_per_char)
    assert len(lines) == 2
    assert lines[1].endswith("…")
    assert all(len(line) <= 8 for line in lines)
    assert geometry.wrap_label("あいうえおかきくけこ", 4, one_per_char, max_lines=1) == ["あいう…"]


def test_wrapping_keeps_brackets_and_small_kana_with_their_words() -> None:
    # never end a line with （ — it moves to the next line with its word
    assert geometry.wrap_label("講座の参加者数（延べ人数）", 8, one_per_char) == [
        "講座の参加者数",
        "（延べ人数）",
    ]
    # a line does not start with ー or a small ッ
    lines = geometry.wrap_label("あいうえおかきーく", 7, one_per_char)
    assert not lines[1].startswith("ー")
    lines = geometry.wrap_label("あいうえおかきッく", 7, one_per_char)
    assert len(lines) == 2 and not lines[1].startswith("ッ")
    assert "".join(lines) == "あいうえおかきッく"
    # a break after a particle, lines balanced: no one-character last line
    assert geometry.wrap_label("団体の自立性の向上", 8, one_per_char) == ["団体の", "自立性の向上"]
    assert geometry.wrap_label("協働のプロセス：情報共有は十分だったか", 8, one_per_char, 3) == [
        "協働のプロセス：",
        "情報共有は",
        "十分だったか",
    ]
    # numbers and Latin words stay whole, and ： does not start a line
    assert geometry.wrap_label("目標10：参加者数", 5, one_per_char) == ["目標10：", "参加者数"]
    assert geometry.wrap_label("目標10：参加者数", 4, one_per_char) == ["目標", "10：…"]
    assert geometry.wrap_label("NPO法人の数", 4, one_per_char) == ["NPO", "法人の数"]
    # a break after ・ late in the line is taken
    assert geometry.wrap_label("地域防災・防犯パトロール", 8, one_per_char) == [
        "地域防災・",
        "防犯パトロール",
    ]


def test_rim_labels_grow_away_from_the_chart() -> None:
    size = (40.0, 10.0)
    top = geometry.label_box(CENTER, 50, 0, 6, size, 5)
    assert top == pytest.approx((80, 35, 40, 10))  # centred above the top axis
    right = geometry.label_box(CENTER, 50, 1, 6, size, 5)
    assert right[0] > CENTER[0] + 40  # starts right of the rim
    left = geometry.label_box(CENTER, 50, 5, 6, size, 5)
    assert left[0] + left[2] < CENTER[0] - 40  # ends left of the rim


def test_the_fitted_radius_keeps_every_label_inside() -> None:
    sizes = [(60.0, 16.0)] * 6
    radius = geometry.fit_radius(200, 150, sizes, 8)
    assert 0 < radius < 150
    for index in range(6):
        left, top, width, height = geometry.label_box((200, 150), radius, index, 6, sizes[index], 8)
        assert left >= -1e-6 and top >= -1e-6
        assert left + width <= 400 + 1e-6 and top + height <= 300 + 1e-6
    assert geometry.fit_radius(10, 10, [(60.0, 16.0)] * 6, 8) == 0


def test_series_data_comes_as_a_mapping_or_pairs_padded_to_the_axes() -> None:
    from_mapping = geometry.normalize_series({"行政": [4, 3], "団体": [1, 2, 3, 4]}, 3)
    assert from_mapping == (Series("行政", (4.0, 3.0, None)), Series("団体", (1.0, 2.0, 3.0)))
    from_pairs = geometry.normalize_series([("第三者", (None, 5, 2)), Series("x", (1.0,))], 3)
    assert from_pairs == (Series("第三者", (None, 5.0, 2.0)), Series("x", (1.0, None, None)))


def test_ring_numbers_are_thinned_when_the_rings_stand_close() -> None:
    rings = geometry.ring_values(60)
    assert geometry.labelled_rings(rings, 60, 300, 14) == rings  # 50 px apart: all written
    assert geometry.labelled_rings(rings, 60, 60, 14) == [20, 40, 60]  # 10 px apart: every other
    assert geometry.labelled_rings([1, 2, 3, 4, 5], 5, 10, 14)[-1] == 5  # the rim always
    assert geometry.labelled_rings([], 5, 100, 14) == []


def test_the_nearest_axis_is_found_by_direction() -> None:
    assert geometry.nearest_axis(CENTER, (100, 10), 6) == 0  # straight up
    assert geometry.nearest_axis(CENTER, (100, 190), 6) == 3  # straight down
    assert geometry.nearest_axis(CENTER, (30, 60), 6) == 5  # up and to the left
    assert geometry.nearest_axis(CENTER, (170, 60), 6) == 1
