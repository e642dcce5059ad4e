"""Template, scale and weight rules: totals, weighted totals, gaps, blind-mode visibility."""

from __future__ import annotations

import dataclasses

import pytest

from kyodo_desktop.domain.evaluation import (
    ItemScore,
    Scale,
    Template,
    TemplateItem,
    compare,
    gap_threshold,
    parse_quantity,
    radar_axes,
    radar_values,
    side_total,
    validate_scores,
    validate_template,
    visible_sides,
    weighted_total,
)
from kyodo_desktop.domain.evaluation_templates import (
    BUILTIN_TEMPLATES,
    POINTS_FIVE,
    URAYASU_THREE,
    WEIGHTED_POINTS,
    builtin_template,
)
from kyodo_desktop.domain.evaluation_terms import DIRECTION_STAGE, Direction, ScaleKind
from kyodo_desktop.domain.project_terms import COLLABORATION_POINTS, Stage
from kyodo_desktop.domain.validation import ValidationErrors

GOV, ORG, THIRD = "行政", "団体", "第三者"


def test_builtins_are_valid_and_distinct() -> None:
    for template in BUILTIN_TEMPLATES:
        assert validate_template(template) is template
        assert builtin_template(template.key) is template
    assert len({t.key for t in BUILTIN_TEMPLATES}) == 3
    with pytest.raises(KeyError):
        builtin_template("none")


def test_points_template_asks_the_six_points_again_in_order() -> None:
    asked = [item.point for item in POINTS_FIVE.items if item.point]
    assert asked == list(COLLABORATION_POINTS)
    assert POINTS_FIVE.scale.kind is ScaleKind.FIVE
    assert POINTS_FIVE.scale.levels[0] == (5, "想定をはるかに上回った")
    assert POINTS_FIVE.maximum == 5 * len(POINTS_FIVE.items)


def test_item_words_replace_the_scale_words() -> None:
    first = URAYASU_THREE.items[0]
    assert URAYASU_THREE.item_labels(first) == (
        (3, "的確であった"),
        (2, "概ね的確であった"),
        (1, "あまり的確ではなかった"),
    )
    plain = URAYASU_THREE.item("u2")
    assert URAYASU_THREE.item_labels(plain)[1] == (2, "概ね適切")
    assert URAYASU_THREE.overall_choices == ("優良", "良好", "改善が必要")


def test_side_total_counts_answered_items_only() -> None:
    total = side_total(POINTS_FIVE, {"p1": 5, "p2": 3, "r1": None})
    assert (total.points, total.maximum, total.answered, total.complete) == (8, 10, 2, False)
    assert total.ratio == pytest.approx(0.8)
    full = side_total(POINTS_FIVE, [ItemScore(i.key, 4) for i in POINTS_FIVE.items])
    assert full.complete and full.points == 4 * len(POINTS_FIVE.items)
    assert side_total(POINTS_FIVE, {}).ratio is None


def test_weighted_total_uses_the_whole_maximum_and_waits_for_every_side() -> None:
    all_ten = {f"w{n}": 10 for n in range(1, 11)}
    half = {f"w{n}": 5 for n in range(1, 11)}
    totals = {
        ORG: side_total(WEIGHTED_POINTS, all_ten),  # 100/100 × 20 = 20
        GOV: side_total(WEIGHTED_POINTS, {"w1": 5}),  # 5/100 × 20 = 1 (unanswered count as 0)
        THIRD: side_total(WEIGHTED_POINTS, half),  # 50/100 × 60 = 30
    }
    assert weighted_total(WEIGHTED_POINTS, totals) == 51.0
    assert weighted_total(WEIGHTED_POINTS, {ORG: totals[ORG], GOV: totals[GOV]}) is None
    assert weighted_total(POINTS_FIVE, totals) is None


def test_gap_thresholds_per_scale() -> None:
    assert gap_threshold(POINTS_FIVE, POINTS_FIVE.items[0]) == 2
    assert gap_threshold(URAYASU_THREE, URAYASU_THREE.items[0]) == 1
    assert gap_threshold(WEIGHTED_POINTS, WEIGHTED_POINTS.items[0]) == 4  # ceil(10 × 2/5)
    small = Template("t", "t", Scale.points(2), (TemplateItem("a", "g", "a"),))
    assert gap_threshold(small, small.items[0]) == 1


def test_compare_highlights_differences_of_two_points() -> None:
    rows = compare(POINTS_FIVE, {GOV: {"p1": 5, "p2": 4, "p3": 2}, ORG: {"p1": 3, "p2": 3, "p3": None}})
    by_key = {row.item.key: row for row in rows}
    assert by_key["p1"].flagged and by_key["p1"].largest_difference == 2
    assert by_key["p1"].gaps[0].sides == (GOV, ORG)
    assert not by_key["p2"].flagged and by_key["p2"].largest_difference == 1
    assert not by_key["p3"].flagged and by_key["p3"].largest_difference is None
    assert [row.item.key for row in rows] == [item.key for item in POINTS_FIVE.items]


def test_compare_three_level_scale_flags_one_level() -> None:
    rows = compare(URAYASU_THREE, {GOV: {"u1": 3}, ORG: {"u1": 2}, THIRD: {"u1": 3}})
    assert rows[0].flagged
    assert {gap.sides for gap in rows[0].gaps} == {(GOV, ORG), (ORG, THIRD)}


def test_blind_mode_hides_a_side_until_the_other_has_submitted() -> None:
    expected = (GOV, ORG)
    assert visible_sides({GOV}, expected, blind=False) == {GOV}
    assert visible_sides({GOV}, expected, blind=True) == set()
    assert visible_sides({GOV}, expected, blind=True, viewer=GOV) == {GOV}
    assert visible_sides({GOV}, expected, blind=True, viewer=ORG) == set()
    assert visible_sides({GOV, ORG}, expected, blind=True) == {GOV, ORG}
    # a planned third party holds back both until it has submitted
    assert visible_sides({GOV, ORG}, (GOV, ORG, THIRD), blind=True) == set()
    assert visible_sides({GOV, ORG, THIRD}, (GOV, ORG, THIRD), blind=True) == {GOV, ORG, THIRD}


def test_validate_scores_reports_each_problem() -> None:
    errors = validate_scores(
        POINTS_FIVE,
        [ItemScore("p1", 6), ItemScore("p2", 0), ItemScore("zz", 3), ItemScore("p3", 3), ItemScore("p3", 4)],
    )
    messages = [e.message for e in errors]
    assert len(messages) == 4
    assert any("1〜5" in m and ": 6" in m for m in messages)
    assert any(": 0" in m for m in messages)
    assert any("zz" in m for m in messages)
    assert any("二度" in m for m in messages)
    assert validate_scores(WEIGHTED_POINTS, [ItemScore("w1", 0), ItemScore("w2", 10), ItemScore("w3")]) == []
    assert validate_scores(WEIGHTED_POINTS, [ItemScore("w1", 11)])


def test_validate_template_refuses_broken_forms() -> None:
    broken = dataclasses.replace(
        POINTS_FIVE,
        name=" ",
        items=(
            TemplateItem("a", "g", "x"),
            TemplateItem("a", "g", ""),
            TemplateItem("b", "g", "y", level_labels=("1",)),
        ),
        weights={"誰か": 10},
    )
    with pytest.raises(ValidationErrors) as caught:
        validate_template(broken)
    text = str(caught.value)
    for words in ("名前は必須", "重複", "空です", "段階の言葉", "評価者区分"):
        assert words in text


def test_final_conclusion_moves_the_stage() -> None:
    assert DIRECTION_STAGE[Direction.IMPROVE] is Stage.REVIEW
    assert DIRECTION_STAGE[Direction.END] is Stage.FINISHED
    assert set(DIRECTION_STAGE) == set(Direction)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("１００人", 100.0),
        ("3回以上", 3.0),
        ("1,200部", 1200.0),
        ("満足度80.5%", 80.5),
        ("多数", None),
        ("", None),
    ],
)
def test_parse_quantity(text: str, value: float | None) -> None:
    assert parse_quantity(text) == value


def test_radar_axes_are_the_points_asked_or_every_item() -> None:
    by_point, axes = radar_axes(WEIGHTED_POINTS)
    assert by_point
    assert [label for label, _ in axes] == [
        "相互理解",
        "対等性の確保",
        "役割分担の明確化",
        "目的の共有",
        "効果の可視化",
    ]
    assert dict(axes)["相互理解"] == ("w6",)
    # the 3-level form asks one point only: every item is an axis
    by_point, axes = radar_axes(URAYASU_THREE)
    assert not by_point and [keys for _, keys in axes] == [(i.key,) for i in URAYASU_THREE.items]
    # two items asking one point are averaged; unanswered ones left out
    twice = dataclasses.replace(
        POINTS_FIVE, items=(*POINTS_FIVE.items, TemplateItem("x", "g", "もう一問", point="相互理解"))
    )
    _, axes = radar_axes(twice)
    assert radar_values(axes, {"p1": 5, "x": 2, "p2": None})[:2] == [3.5, None]
    assert radar_values(axes, None) == [None] * 6
