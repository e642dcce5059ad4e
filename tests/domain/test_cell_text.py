"""domain.cell_text: the export's copy of a stored text in a cell, and the import recognising it."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from kyodo_desktop.domain.cell_text import (
    CELL_LIMIT,
    LEFT_OUT,
    XML_ILLEGAL_CHARACTERS,
    cell_copy,
    is_cell_copy,
    is_shortened,
    shortened_marker,
)
from kyodo_desktop.domain.text import UNSAFE_CHARACTERS, nfkc


def _units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_left_out_is_the_union_of_what_xml_and_entry_refuse() -> None:
    assert XML_ILLEGAL_CHARACTERS.pattern == ILLEGAL_CHARACTERS_RE.pattern
    for code in range(0x3000):
        char = chr(code)
        expected = bool(XML_ILLEGAL_CHARACTERS.match(char) or UNSAFE_CHARACTERS.match(char)) or char == "\x85"
        assert bool(LEFT_OUT.match(char)) == expected, hex(code)


def test_marker_survives_entry_normalisation() -> None:
    marker = shortened_marker(40_000)
    assert marker == "【以下省略: 全40,000文字】"
    assert nfkc(marker) == marker == unicodedata.normalize("NFKC", marker)
    assert is_shortened("本文" + marker)
    assert not is_shortened(marker + "本文")


def test_short_text_is_written_as_it_is() -> None:
    assert cell_copy("みどりの会") == "みどりの会"
    assert cell_copy("う" * CELL_LIMIT) == "う" * CELL_LIMIT


def test_long_text_is_its_beginning_and_the_marker() -> None:
    text = "あいうえお" * 8000
    copy = cell_copy(text)
    marker = shortened_marker(40_000)
    assert len(copy) == CELL_LIMIT and copy.endswith(marker)
    assert text.startswith(copy.removesuffix(marker))


# runs of BMP and astral characters, about 16,000 to 45,000 characters in all
_RUNS = st.lists(
    st.tuples(st.sampled_from(["あ", "😀", "𠮷", "\n", "a"]), st.integers(1, 3000)), min_size=6, max_size=15
).map(lambda runs: "".join(char * count for char, count in runs) + "あ" * 16_000)


@given(_RUNS)
def test_a_copy_always_fits_a_cell(text: str) -> None:
    copy = cell_copy(text)
    assert _units(copy) <= CELL_LIMIT
    if _units(text) > CELL_LIMIT:
        assert is_shortened(copy) and text.startswith(copy[: copy.rindex("【")])
        assert _units(copy) > CELL_LIMIT - 2  # as much as fits
    else:
        assert copy == text


def test_control_characters_and_bidi_overrides_are_left_out() -> None:
    assert cell_copy("a\x01b\x1fc\x0bd\ne\x1b[0m\x7f\u202e\u2066\x85") == "abcd\ne[0m"


def test_import_knows_the_copy() -> None:
    stored = "一行目\x01\n二行目\u202e"
    assert is_cell_copy("一行目\n二行目", stored)
    long_text = "長い文章です。" * 6000
    copy = cell_copy(long_text)
    assert is_cell_copy(copy, long_text)
    assert is_cell_copy(long_text[:CELL_LIMIT], long_text)  # cut by an older export
    assert is_cell_copy(nfkc(copy), long_text)


def test_a_real_change_is_no_copy() -> None:
    long_text = "長い文章です。" * 6000
    assert not is_cell_copy("短い文章", long_text)
    assert not is_cell_copy(long_text[:100], long_text)  # the officer shortened it on purpose
    edited = "書き換え" + cell_copy(long_text)[4:]
    assert not is_cell_copy(edited, long_text) and is_shortened(edited)
    # a text the export writes whole: any difference is a change
    assert not is_cell_copy("みどりの会", "みどりの森の会")
    assert not is_cell_copy("一行目 二行目", "一行目\n二行目")


def test_marker_pattern_is_the_one_written() -> None:
    assert re.fullmatch(r"【以下省略: 全[0-9,]+文字】", shortened_marker(1_234_567))
