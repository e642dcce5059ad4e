"""The arithmetic of the charts, without Qt: radar vertices, gaps, value ticks, bar slots, wrapping.

Kept apart from the widgets so the rules are unit-tested as plain functions (coordinates are
``(x, y)`` tuples in the widget's logical pixels, y growing downwards as on screen).

The rule for a missing value (``None``) on a radar chart: that axis gets no vertex and no
marker, and the outline is cut there — the two edges that would meet at the missing vertex are
not drawn. A series with every value present is a closed, lightly filled polygon; a series with
a gap is drawn as the open runs of consecutive present values (wrapping round from the last
axis to the first) without fill, since a filled area would claim a value that was not given.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

__all__ = [
    "BarSlot",
    "Point",
    "Series",
    "axis_angle",
    "bar_slots",
    "fit_radius",
    "format_value",
    "label_box",
    "label_side",
    "labelled_rings",
    "nearest_axis",
    "nice_ticks",
    "normalize_series",
    "polygon_runs",
    "radar_point",
    "radar_vertices",
    "ring_values",
    "scale_label_point",
    "wrap_label",
]

Point = tuple[float, float]
Value = float | None


@dataclass(frozen=True)
class Series:
    """One named series of a chart: a value per axis or category, ``None`` where missing."""

    name: str
    values: tuple[Value, ...]


def normalize_series(
    data: Mapping[str, Sequence[Value]] | Sequence[Series | tuple[str, Sequence[Value]]],
    count: int,
) -> tuple[Series, ...]:
    """Plain series data as :class:`Series`, each padded with ``None`` (or cut) to ``count`` values.

    Accepts ``{"行政": [4, 3, None, …]}`` or ``[("行政", [4, 3, …]), …]``; numbers become floats.
    """
    items = list(data.items()) if isinstance(data, Mapping) else list(data)
    result = []
    for item in items:
        name, values = (item.name, item.values) if isinstance(item, Series) else item
        cleaned = [None if value is None else float(value) for value in list(values)[:count]]
        cleaned += [None] * (count - len(cleaned))
        result.append(Series(str(name), tuple(cleaned)))
    return tuple(result)


def axis_angle(index: int, count: int) -> float:
    """Angle in radians of axis ``index`` of ``count``: the first straight up, then clockwise."""
    return -math.pi / 2 + 2 * math.pi * index / count


def radar_point(center: Point, radius: float, index: int, count: int, fraction: float) -> Point:
    """The point ``fraction`` (0 centre … 1 rim) of the way out along axis ``index``."""
    angle = axis_angle(index, count)
    return (center[0] + radius * fraction * math.cos(angle), center[1] + radius * fraction * math.sin(angle))


def radar_vertices(
    center: Point, radius: float, values: Sequence[Value], maximum: float
) -> list[Point | None]:
    """One vertex per axis for ``values`` on a 0..``maximum`` scale; ``None`` where missing.

    Values outside the scale are clamped to the centre or the rim (a typo must not draw a
    spike across the legend).
    """
    count = len(values)
    vertices: list[Point | None] = []
    for index, value in enumerate(values):
        if value is None:
            vertices.append(None)
            continue
        fraction = min(max(value / maximum, 0.0), 1.0) if maximum > 0 else 0.0
        vertices.append(radar_point(center, radius, index, count, fraction))
    return vertices


def polygon_runs(vertices: Sequence[Point | None]) -> tuple[bool, list[list[Point]]]:
    """``(closed, runs)``: the whole polygon when nothing is missing, else the open runs.

    A run is a list of consecutive present vertices; the run crossing from the last axis back to
    the first is joined into one. A single present vertex between gaps is a run of one point
    (drawn as a marker only).
    """
    if not vertices:
        return False, []
    if all(vertex is not None for vertex in vertices):
        return True, [[vertex for vertex in vertices if vertex is not None]]
    # start just after a gap so no run is split by the wrap-around
    start = next(i for i, vertex in enumerate(vertices) if vertex is None)
    count = len(vertices)
    runs: list[list[Point]] = []
    current: list[Point] = []
    for step in range(1, count + 1):
        vertex = vertices[(start + step) % count]
        if vertex is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(vertex)
    if current:
        runs.append(current)
    return False, runs


def ring_values(maximum: float, step: float = 1.0, max_rings: int = 10) -> list[float]:
    """The values the grid rings stand at: ``step``, ``2*step`` … ``maximum`` (at most ``max_rings``).

    A points scale with a maximum of 60 gets rings every 10 rather than 60 rings.
    """
    if maximum <= 0:
        return []
    if maximum / step > max_rings:
        raw = maximum / max_rings
        magnitude = 10 ** math.floor(math.log10(raw))
        step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    rings = []
    value = step
    while value < maximum - 1e-9:
        rings.append(value)
        value += step
    rings.append(maximum)
    return rings


def nice_ticks(top: float, target: int = 5) -> list[float]:
    """Ticks from 0 to at least ``top`` on a 1/2/5×10ⁿ step, about ``target`` intervals."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    count = math.ceil(top / step - 1e-9)
    return [round(i * step, 10) for i in range(count + 1)]


def format_value(value: float) -> str:
    """``4`` for whole numbers, else at most two decimals (``3.5``, ``0.25``), with thousands commas."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class BarSlot:
    """Where one bar of a grouped bar chart goes: left edge and width in pixels."""

    category: int
    series: int
    left: float
    width: float


def bar_slots(
    left: float, width: float, categories: int, series: int, group_fill: float = 0.7
) -> list[BarSlot]:
    """Bars of ``series`` per category, side by side, each group centred in its share of ``width``.

    ``group_fill`` is the share of a category's band the group takes (the rest is the gap
    between groups, which keeps neighbouring groups apart).
    """
    if categories <= 0 or series <= 0:
        return []
    band = width / categories
    group = band * group_fill
    bar = group / series
    slots: list[BarSlot] = []
    for category in range(categories):
        start = left + band * category + (band - group) / 2
        slots.extend(BarSlot(category, index, start + bar * index, bar) for index in range(series))
    return slots


def wrap_label(text: str, max_width: float, measure: Callable[[str], float], max_lines: int = 2) -> list[str]:
    """``text`` broken into at most ``max_lines`` lines of at most ``max_width`` each.

    Japanese has no spaces, so a line may break between any two characters; it prefers to break
    after a particle (の, と, を …) or a mark (・, ：, 、), or before a bracket, and never leaves an
    opening bracket at a line's end or a closing one (or a small kana, ー) at a line's start.
    When the text fits in the lines left, they are balanced rather than filled (no one-character
    last line). The last line is cut with ``…`` when the text does not fit. ``measure`` gives the
    width of a string (QFontMetricsF.horizontalAdvance).
    """
    lines: list[str] = []
    rest = text.strip()
    while rest and len(lines) < max_lines:
        if measure(rest) <= max_width:
            lines.append(rest)
            break
        remaining = max_lines - len(lines)
        if remaining == 1:
            lines.append(_elide(rest, max_width, measure))
            break
        cut = _choose_cut(rest, max_width, measure, remaining)
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return lines


def _choose_cut(text: str, max_width: float, measure: Callable[[str], float], remaining: int) -> int:
    """Where the next line of ``text`` ends (``text`` does not fit on one line)."""
    greedy = 1
    while greedy < len(text) and measure(text[: greedy + 1]) <= max_width:
        greedy += 1
    total = measure(text)
    em = measure("あ") or 1.0
    # the rest fits in the lines left: aim for equal lines, else fill this one
    balanced = total <= max_width * remaining * 0.95
    target = total / remaining if balanced else measure(text[:greedy])
    best, best_score = 0, math.inf
    for cut in range(1, greedy + 1):
        if _kinsoku(text, cut) != cut or _inside_word(text, cut):
            continue
        if balanced and measure(text[cut:]) > max_width * (remaining - 1):
            continue
        score = abs(measure(text[:cut]) - target) + (0.0 if _good_break(text, cut) else 1.5 * em)
        if score < best_score:
            best, best_score = cut, score
    return best if best else _kinsoku(text, greedy)


def _inside_word(text: str, cut: int) -> bool:
    """Whether ``cut`` splits a number or a Latin word (「10」, 「NPO」)."""
    return 0 < cut < len(text) and _latin_or_digit(text[cut - 1]) and _latin_or_digit(text[cut])


def _latin_or_digit(char: str) -> bool:
    return (char.isascii() and char.isalnum()) or ("０" <= char <= "９") or ("Ａ" <= char <= "ｚ")


def _good_break(text: str, cut: int) -> bool:
    """Whether breaking before ``text[cut]`` falls between words (as far as characters tell)."""
    before, after = text[cut - 1], text[cut] if cut < len(text) else ""
    if before in _BREAK_AFTER or after in _OPENING:
        return True
    # a particle followed by kanji or katakana most likely ends a phrase (文節)
    return before in _PARTICLES and after != "" and not ("ぁ" <= after <= "ゖ")


# Marks a line may break after, and brackets a line may break before (but never end with).
_BREAK_AFTER = "・ ／/、。：:，,"
_PARTICLES = "のとをにへはがでやも"
_OPENING = "（(「『【〔［"
# Characters a line must not start with (行頭禁則): closing brackets, punctuation, long vowel.
_NO_LINE_START = "）)」』】〕］、。，．・：:ーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎ々"


def _kinsoku(text: str, cut: int) -> int:
    """Move a break at ``cut`` so no line ends with an opening bracket or starts with a closing one.

    Moves the break back by one or two characters (never to the very start); when that is not
    possible the break stays where it was.
    """
    for _ in range(2):
        if cut <= 1 or cut >= len(text):
            break
        if text[cut - 1] in _OPENING or text[cut] in _NO_LINE_START:
            cut -= 1
        else:
            break
    return cut if cut >= 1 else 1


def _elide(text: str, max_width: float, measure: Callable[[str], float]) -> str:
    if measure(text) <= max_width:
        return text
    cut = len(text)
    while cut > 0 and measure(text[:cut] + "…") > max_width:
        cut -= 1
    return text[:cut] + "…"


def label_side(component: float) -> int:
    """Which way a rim label grows from its anchor along one direction: −1, 0 (centred) or 1.

    ``component`` is the cosine (horizontal) or sine (vertical) of the axis angle; axes near
    straight up/down centre their label horizontally, those near the sides centre it vertically.
    """
    if component > 0.3:
        return 1
    if component < -0.3:
        return -1
    return 0


def label_box(
    center: Point, radius: float, index: int, count: int, size: tuple[float, float], gap: float
) -> tuple[float, float, float, float]:
    """``(left, top, width, height)`` of axis ``index``'s label, just outside the rim."""
    angle = axis_angle(index, count)
    anchor_x, anchor_y = radar_point(center, radius + gap, index, count, 1.0)
    width, height = size
    left = {1: anchor_x, 0: anchor_x - width / 2, -1: anchor_x - width}[label_side(math.cos(angle))]
    top = {1: anchor_y, 0: anchor_y - height / 2, -1: anchor_y - height}[label_side(math.sin(angle))]
    return left, top, width, height


def fit_radius(
    half_width: float, half_height: float, sizes: Sequence[tuple[float, float]], gap: float
) -> float:
    """The largest radius at which every rim label (``sizes`` per axis) stays inside the area.

    The area is ``2*half_width`` × ``2*half_height`` around the centre. Never negative.
    """
    count = len(sizes)
    best = min(half_width, half_height)
    for index, (width, height) in enumerate(sizes):
        angle = axis_angle(index, count)
        for component, half, extent in (
            (math.cos(angle), half_width, width),
            (math.sin(angle), half_height, height),
        ):
            side = label_side(component)
            # the label's far edge, as a function of r: (r + gap)*|component| + extent (or extent/2)
            room = half - (extent if side else extent / 2)
            if abs(component) > 1e-9:
                best = min(best, room / abs(component) - gap)
            elif room < 0:
                best = 0.0
    return max(best, 0.0)


def scale_label_point(center: Point, radius: float, count: int, fraction: float) -> Point:
    """Where a ring's scale number goes: the middle of the ring's edge from axis 0 to axis 1.

    Markers sit on the axes, so a number placed between two axes is never hidden by one.
    """
    first = radar_point(center, radius, 0, count, fraction)
    second = radar_point(center, radius, 1, count, fraction)
    return ((first[0] + second[0]) / 2, (first[1] + second[1]) / 2)


def labelled_rings(rings: Sequence[float], maximum: float, length: float, min_gap: float) -> list[float]:
    """The rings whose value is written, when the scale from 0 to ``maximum`` spans ``length`` px.

    The rim always; going inwards every k-th ring, k chosen so the numbers stand at least
    ``min_gap`` apart (a 60-point scale on a small chart would print its numbers on each other).
    """
    if not rings or maximum <= 0 or length <= 0:
        return []
    spacing = length * rings[0] / maximum
    every = max(1, math.ceil(min_gap / spacing)) if spacing > 0 else len(rings)
    shown = list(rings)[::-1][::every]
    return shown[::-1]


def nearest_axis(center: Point, point: Point, count: int) -> int:
    """The axis (of ``count``) whose direction from ``center`` is closest to ``point``'s."""
    angle = math.atan2(point[1] - center[1], point[0] - center[0])
    return round((angle + math.pi / 2) / (2 * math.pi / count)) % count
