"""Evaluation templates and the rules over scores: totals, weighted totals, gaps, blind mode.

Pure data and arithmetic (issue 12; domain.md §4.4), no storage: a :class:`Template` has items
in groups and one :class:`Scale`; an evaluation gives each item a score (or none yet) and a
comment. The records, the entry form, the mutual view, the partner's workbook and the summary
all compute through these functions, so a total or a highlighted gap means the same everywhere.

The rules:

* **Totals.** A side's total is the sum of its answered items' scores; its maximum is the sum of
  those items' maxima. ``complete`` tells whether every item was answered.
* **Weighted totals** (pattern C, 団体 20 / 行政 20 / 第三者 60): each side's share is its total
  over the *whole* template's maximum times its weight, so an unanswered item counts as zero
  there; the result is rounded to one decimal and is ``None`` until every weighted side has an
  evaluation.
* **Gaps.** Two sides' scores on one item differ by the scale's threshold or more: 2 points on
  the 5-level scale, 1 level on the 3-level scale, and on a points scale the same share as two
  of five (``ceil(maximum × 2 / 5)``, at least 1). An item one side left unanswered is no gap.
* **Blind mode.** A side's scores stay hidden in the comparison until every other expected side
  has submitted; a viewer always sees the scores of their own side.
"""

from __future__ import annotations

import dataclasses
import math
import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence

from kyodo_desktop.domain.evaluation_terms import (
    FIVE_LEVELS,
    THREE_LEVELS,
    EvaluatorSide,
    ScaleKind,
)
from kyodo_desktop.domain.project_terms import COLLABORATION_POINTS
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors

__all__ = [
    "Gap",
    "ItemComparison",
    "ItemScore",
    "Scale",
    "SideTotal",
    "Template",
    "TemplateItem",
    "compare",
    "gap_threshold",
    "parse_quantity",
    "radar_axes",
    "radar_values",
    "side_total",
    "validate_scores",
    "validate_template",
    "visible_sides",
    "weighted_total",
]


@dataclasses.dataclass(frozen=True, slots=True)
class Scale:
    """How items are scored: named levels (5段階, 3段階) or points up to a maximum.

    ``levels`` is ``((value, label), …)`` highest first for a level scale; for points it is
    empty and ``maximum`` is each item's default maximum (an item may set its own).
    """

    kind: ScaleKind
    levels: tuple[tuple[int, str], ...] = ()
    maximum: int = 0

    @classmethod
    def five(cls) -> Scale:
        """The 5-level scale, 5 想定をはるかに上回った … 1 はるかに低い."""
        return cls(ScaleKind.FIVE, FIVE_LEVELS, 5)

    @classmethod
    def three(cls, labels: Sequence[str] | None = None) -> Scale:
        """The 3-level scale, 3 適切 / 2 概ね適切 / 1 あまり適切ではなかった (or other words)."""
        levels = THREE_LEVELS if labels is None else tuple(zip((3, 2, 1), labels, strict=True))
        return cls(ScaleKind.THREE, levels, 3)

    @classmethod
    def points(cls, maximum: int) -> Scale:
        """Points from 0 to ``maximum`` per item (an item may set its own maximum)."""
        return cls(ScaleKind.POINTS, (), maximum)

    @property
    def minimum(self) -> int:
        """The lowest score: 1 on a level scale, 0 on points."""
        return 0 if self.kind is ScaleKind.POINTS else min(v for v, _ in self.levels)


@dataclasses.dataclass(frozen=True, slots=True)
class TemplateItem:
    """One item of a template.

    ``key`` is stable within the template's versions (a score is stored against it); ``point``
    names the 協働のポイント the item asks again, if any, so the project's checklist and its
    evaluation can be read side by side; ``level_labels`` replaces the scale's words for this
    item (浦安市: 的確であった / 概ね的確であった / …); ``maximum`` overrides a points scale's.
    """

    key: str
    group: str
    text: str
    point: str = ""
    maximum: int | None = None
    level_labels: tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True, slots=True)
class Template:
    """An evaluation form: items, one scale, optional weights per side and 総合評価 choices.

    ``version`` grows each time a template in use is edited (an evaluation keeps the version
    it was made with). ``weights`` maps :class:`EvaluatorSide` values to points (団体 20 /
    行政 20 / 第三者 60); empty when the sides are not weighted. ``overall_choices`` are the
    words of a 総合評価 (優良 / 良好 / 改善が必要), empty when the form has none.
    """

    key: str
    name: str
    scale: Scale
    items: tuple[TemplateItem, ...]
    version: int = 1
    weights: Mapping[str, int] = dataclasses.field(default_factory=dict)
    overall_choices: tuple[str, ...] = ()
    description: str = ""

    def item(self, key: str) -> TemplateItem:
        """The item with ``key`` (KeyError when the template has none)."""
        for item in self.items:
            if item.key == key:
                return item
        raise KeyError(key)

    def item_maximum(self, item: TemplateItem) -> int:
        """The highest score ``item`` can get."""
        if self.scale.kind is ScaleKind.POINTS and item.maximum is not None:
            return item.maximum
        return self.scale.maximum

    def item_labels(self, item: TemplateItem) -> tuple[tuple[int, str], ...]:
        """``((value, word), …)`` highest first for a level scale (the item's own words if set)."""
        if self.scale.kind is ScaleKind.POINTS:
            return ()
        if item.level_labels:
            return tuple(zip((v for v, _ in self.scale.levels), item.level_labels, strict=True))
        return self.scale.levels

    @property
    def maximum(self) -> int:
        """The highest total a side can reach."""
        return sum(self.item_maximum(item) for item in self.items)

    @property
    def groups(self) -> tuple[str, ...]:
        """The item groups in their first-appearance order."""
        return tuple(dict.fromkeys(item.group for item in self.items))


@dataclasses.dataclass(frozen=True, slots=True)
class ItemScore:
    """One item's answer: a score (``None`` while not answered) and a comment."""

    item_key: str
    score: int | None = None
    comment: str = ""


@dataclasses.dataclass(frozen=True, slots=True)
class SideTotal:
    """A side's sum over its answered items, their maximum and whether all were answered."""

    points: int
    maximum: int
    answered: int
    complete: bool

    @property
    def ratio(self) -> float | None:
        """points / maximum, or ``None`` when nothing was answered."""
        return self.points / self.maximum if self.maximum else None


@dataclasses.dataclass(frozen=True, slots=True)
class Gap:
    """Two sides' scores on one item that differ by at least the scale's threshold."""

    item_key: str
    sides: tuple[str, str]
    difference: int


@dataclasses.dataclass(frozen=True, slots=True)
class ItemComparison:
    """One row of the mutual view: each visible side's score, the largest difference, the gaps."""

    item: TemplateItem
    scores: Mapping[str, int | None]
    largest_difference: int | None
    gaps: tuple[Gap, ...]

    @property
    def flagged(self) -> bool:
        """Whether the row is a discussion point (any gap)."""
        return bool(self.gaps)


def _scores(scores: Mapping[str, int | None] | Sequence[ItemScore]) -> dict[str, int | None]:
    if isinstance(scores, Mapping):
        return dict(scores)
    return {s.item_key: s.score for s in scores}


def validate_template(template: Template) -> Template:
    """Return ``template`` when it is usable, or raise ValidationErrors in Japanese."""
    errors: list[ValidationError] = []
    if not template.name.strip():
        errors.append(ValidationError("name", "評価シートの名前は必須です"))
    if not template.items:
        errors.append(ValidationError("items", "評価項目が一つもありません"))
    keys = [item.key for item in template.items]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        errors.append(ValidationError("items", f"評価項目の記号が重複しています: {key}"))
    for number, item in enumerate(template.items, start=1):
        if not item.text.strip():
            errors.append(ValidationError("items", f"{number}番目の評価項目の文が空です"))
        if item.level_labels and len(item.level_labels) != len(template.scale.levels):
            errors.append(
                ValidationError(
                    "items",
                    f"「{item.text}」の段階の言葉は{len(template.scale.levels)}つ必要です",
                )
            )
        if template.scale.kind is ScaleKind.POINTS and template.item_maximum(item) <= 0:
            errors.append(ValidationError("items", f"「{item.text}」の満点は1点以上にしてください"))
    if template.scale.kind is not ScaleKind.POINTS and not template.scale.levels:
        errors.append(ValidationError("scale", "段階評価の段階がありません"))
    for side, weight in template.weights.items():
        if side not in {s.value for s in EvaluatorSide}:
            errors.append(ValidationError("weights", f"配点の評価者区分が読めません: {side}"))
        if weight < 0:
            errors.append(ValidationError("weights", f"{side}の配点は0以上にしてください"))
    if template.weights and sum(template.weights.values()) <= 0:
        errors.append(ValidationError("weights", "配点の合計が0です"))
    if errors:
        raise ValidationErrors(errors)
    return template


def validate_scores(template: Template, scores: Sequence[ItemScore]) -> list[ValidationError]:
    """Every problem of ``scores`` against ``template``: unknown items, scores out of range."""
    errors: list[ValidationError] = []
    known = {item.key: item for item in template.items}
    seen: set[str] = set()
    for s in scores:
        item = known.get(s.item_key)
        if item is None:
            errors.append(ValidationError("scores", f"評価シートにない項目です: {s.item_key}"))
            continue
        if s.item_key in seen:
            errors.append(ValidationError("scores", f"「{item.text}」が二度採点されています"))
        seen.add(s.item_key)
        if s.score is None:
            continue
        low, high = template.scale.minimum, template.item_maximum(item)
        if isinstance(s.score, bool) or not isinstance(s.score, int) or not low <= s.score <= high:
            errors.append(
                ValidationError(
                    "scores", f"「{item.text}」の点数は{low}〜{high}で入力してください: {s.score}"
                )
            )
    return errors


def side_total(template: Template, scores: Mapping[str, int | None] | Sequence[ItemScore]) -> SideTotal:
    """The sum of one side's answered scores (see the module's rules)."""
    values = _scores(scores)
    points = maximum = answered = 0
    for item in template.items:
        score = values.get(item.key)
        if score is None:
            continue
        points += score
        maximum += template.item_maximum(item)
        answered += 1
    return SideTotal(points, maximum, answered, answered == len(template.items))


def weighted_total(template: Template, totals: Mapping[str, SideTotal]) -> float | None:
    """The weighted total out of the weights' sum, or ``None`` (no weights, or a side missing)."""
    if not template.weights or template.maximum <= 0:
        return None
    result = 0.0
    for side, weight in template.weights.items():
        if weight == 0:
            continue
        total = totals.get(side)
        if total is None:
            return None
        result += total.points / template.maximum * weight
    return round(result, 1)


def gap_threshold(template: Template, item: TemplateItem) -> int:
    """The difference from which two sides' scores on ``item`` are a discussion point."""
    if template.scale.kind is ScaleKind.FIVE:
        return 2
    if template.scale.kind is ScaleKind.THREE:
        return 1
    return max(1, math.ceil(template.item_maximum(item) * 2 / 5))


def compare(
    template: Template,
    by_side: Mapping[str, Mapping[str, int | None] | Sequence[ItemScore]],
) -> list[ItemComparison]:
    """The mutual view's rows, item by item, over the sides given (pass only visible ones)."""
    sides = [s.value for s in EvaluatorSide if s.value in by_side]
    values = {side: _scores(by_side[side]) for side in sides}
    rows: list[ItemComparison] = []
    for item in template.items:
        scores = {side: values[side].get(item.key) for side in sides}
        answered = [(side, v) for side, v in scores.items() if v is not None]
        largest = None
        if len(answered) >= 2:
            largest = max(v for _, v in answered) - min(v for _, v in answered)
        threshold = gap_threshold(template, item)
        gaps = tuple(
            Gap(item.key, (a, b), abs(va - vb))
            for i, (a, va) in enumerate(answered)
            for b, vb in answered[i + 1 :]
            if abs(va - vb) >= threshold
        )
        rows.append(ItemComparison(item, scores, largest, gaps))
    return rows


def visible_sides(
    submitted: Collection[str],
    expected: Collection[str],
    *,
    blind: bool,
    viewer: str | None = None,
) -> frozenset[str]:
    """The sides whose scores the comparison may show.

    ``submitted`` are the sides that have submitted, ``expected`` those the comparison waits
    for (行政 and 団体, and 第三者 when one is planned). Without blind mode every submitted side
    is shown. In blind mode a submitted side is shown only once every other expected side has
    submitted too; ``viewer``'s own side is always shown to them.
    """
    done = frozenset(submitted)
    if not blind:
        return done
    shown = {side for side in done if all(o in done for o in expected if o != side)}
    if viewer is not None and viewer in done:
        shown.add(viewer)
    return frozenset(shown)


_NUMBER = re.compile(r"[-+]?\d+(?:,\d{3})*(?:\.\d+)?")


def parse_quantity(text: str) -> float | None:
    """The first number in a target or result text (``１００人`` → 100.0, ``3回以上`` → 3.0)."""
    folded = unicodedata.normalize("NFKC", text or "")
    match = _NUMBER.search(folded)
    if match is None:
        return None
    return float(match.group().replace(",", ""))


#: fewer axes than this make no radar (a line or a point)
RADAR_MINIMUM = 3


def radar_axes(template: Template) -> tuple[bool, list[tuple[str, tuple[str, ...]]]]:
    """The radar chart's axes: ``(by_point, [(label, item keys), …])``.

    The six 協働のポイント that the template asks again, in the manual's order, each with the
    items asking it (their scores averaged); a template asking fewer than three of them charts
    every item instead (``by_point`` False), labelled by its text. The tab and the sheet both
    draw these axes, so the same form shows the same radar in the window and on paper.
    """
    asked = [
        (point, tuple(item.key for item in template.items if item.point == point))
        for point in COLLABORATION_POINTS
    ]
    by_point = [(point, keys) for point, keys in asked if keys]
    if len(by_point) >= RADAR_MINIMUM:
        return True, by_point
    return False, [(item.text, (item.key,)) for item in template.items]


def radar_values(
    axes: Sequence[tuple[str, tuple[str, ...]]], scores: Mapping[str, int | None] | None
) -> list[float | None]:
    """One side's value on each axis: the mean of the axis' answered items (None: none answered,
    or the side has no scores to show)."""
    values: list[float | None] = []
    for _label, keys in axes:
        given = [v for k in keys if scores is not None and (v := scores.get(k)) is not None]
        values.append(sum(given) / len(given) if given else None)
    return values
