"""The row height of wrapped cells: a text that fits in N lines of its column gets N lines.

The measure is the export's (:mod:`kyodo_desktop.services.export_cells`): a column ``width``
wide holds ``width - 1`` units of text (the cell's padding), an ASCII character is one unit and
a full-width one (kanji, kana, 「、」) :data:`~kyodo_desktop.services.export_cells._WIDE` units.
"""

from __future__ import annotations

from kyodo_desktop.services.export_cells import _WIDE, LINE_HEIGHT, wrapped_height

WIDTH = 21.0  # 20 units of text: 11 kanji (19.8) or 20 ASCII characters a line


def _height(text: str, width: float = WIDTH) -> float | None:
    return wrapped_height([text], [(0, width)])


def test_the_measure_is_one_unit_per_ascii_character_and_more_per_kanji() -> None:
    assert _WIDE == 1.8
    assert _height("a" * 20) is None  # exactly one line: the sheet's own height
    assert _height("a" * 21) == 2 * LINE_HEIGHT
    assert _height("a" * 40) == 2 * LINE_HEIGHT
    assert _height("a" * 41) == 3 * LINE_HEIGHT


def test_kanji_in_one_two_and_three_lines() -> None:
    assert _height("あ" * 11) is None  # one line
    assert _height("あ" * 12) == 2 * LINE_HEIGHT
    assert _height("あ" * 22) == 2 * LINE_HEIGHT  # two full lines: not three
    assert _height("あ" * 23) == 3 * LINE_HEIGHT
    assert _height("あ" * 33) == 3 * LINE_HEIGHT
    assert _height("あ" * 34) == 4 * LINE_HEIGHT


def test_an_exact_fit_is_not_taken_for_one_character_more() -> None:
    # ten kanji fill two lines of a column 10 wide (9 units: 5 kanji, 9.0) exactly; the sum
    # of ten 1.8 as floats is 18.000000000000004, which counted a third line
    assert _height("あ" * 10, 10.0) == 2 * LINE_HEIGHT
    assert _height("あ" * 15, 10.0) == 3 * LINE_HEIGHT


def test_a_character_that_does_not_fit_starts_the_next_line() -> None:
    # 23 kanji are 41.4 units, about 2.07 lines of 20, but a line holds 11 of them (19.8):
    # 11 + 11 + 1 is three lines (two would clip the last character)
    assert _height("あ" * 23) == 3 * LINE_HEIGHT
    # mixed text: 10 kanji (18.0) and 2 ASCII (2.0) fill 20 units; one more character wraps
    assert _height("あ" * 10 + "ab") is None
    assert _height("あ" * 10 + "abc") == 2 * LINE_HEIGHT
    assert _height("あ" * 10 + "a" + "い") == 2 * LINE_HEIGHT  # 19.0 + 1.8 > 20


def test_line_breaks_count_each_line_of_the_text() -> None:
    assert _height("一行目\n二行目\n三行目") == 3 * LINE_HEIGHT
    assert _height("あ" * 12 + "\n" + "い") == 3 * LINE_HEIGHT  # the first line wraps once
    assert _height("短い\n") == 2 * LINE_HEIGHT  # the empty last line is shown too


def test_the_highest_wrapped_cell_of_a_row_sets_its_height() -> None:
    values = ["あ" * 12, "x", "あ" * 23]
    assert wrapped_height(values, [(0, WIDTH), (2, WIDTH)]) == 3 * LINE_HEIGHT
    assert wrapped_height(values, [(0, WIDTH)]) == 2 * LINE_HEIGHT
    assert wrapped_height([None, "x"], [(0, WIDTH)]) is None
