"""Stored text in a spreadsheet cell: what the export writes, and how an import knows its own copy.

An export → import round trip must change nothing. Two things keep a cell from holding a stored
text exactly, and both are decided here once, for the export that writes the cell and for the
import that reads it back:

* Characters a cell cannot carry (XML 1.0 has no C0 controls but tab, CR and LF) or must not
  (DEL, C1 controls and the bidi overrides of :data:`~kyodo_desktop.domain.text.UNSAFE_CHARACTERS`,
  which the entry forms and the import refuse) are left out of the cell (:data:`LEFT_OUT`).
* Excel holds at most :data:`CELL_LIMIT` characters in a cell (counted in UTF-16 units). A longer
  text is written as its beginning followed by the visible marker ``【以下省略: 全40,000文字】``
  (the whole text's length), so the sheet itself says the text was shortened.

:func:`is_cell_copy` tells an import that a cell is such a copy of the stored text, so the field
is unchanged and the stored text is never shortened or stripped by a re-import.
"""

from __future__ import annotations

import re

from kyodo_desktop.domain.text import normalize_nfkc

__all__ = [
    "CELL_LIMIT",
    "LEFT_OUT",
    "SHORT_ENOUGH",
    "XML_ILLEGAL_CHARACTERS",
    "cell_copy",
    "is_cell_copy",
    "is_shortened",
    "shortened_marker",
]

#: Excel's limit on the text of one cell, in UTF-16 code units.
CELL_LIMIT = 32767

#: openpyxl's ``ILLEGAL_CHARACTERS_RE`` (a test keeps them equal): what XML 1.0 cannot carry.
XML_ILLEGAL_CHARACTERS = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")

#: What a cell leaves out: XML_ILLEGAL_CHARACTERS, UNSAFE_CHARACTERS and NEL (U+0085, which
#: the list reader refuses as a control character) as one class, since the export searches every
#: cell for it (a test keeps it equal to the union).
LEFT_OUT = re.compile(
    "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f-\\x9f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]"
)

#: Where a text is shortened when it is longer than this (a quick test before counting units).
SHORT_ENOUGH = CELL_LIMIT // 2

# NFKC leaves the marker as it is (a test checks), so it survives the import's normalisation.
_MARKER = "【以下省略: 全{total:,}文字】"
_MARKER_AT_END = re.compile(r"【以下省略: 全[0-9,]+文字】\Z")

# A cell cut by an older export (openpyxl cut at CELL_LIMIT without a marker) is recognised as a
# prefix that fills the cell; entry normalisation may have dropped a little trailing whitespace.
_FULL_CELL = CELL_LIMIT - 256


def shortened_marker(total: int) -> str:
    """The marker that ends a shortened cell: ``【以下省略: 全40,000文字】``."""
    return _MARKER.format(total=total)


def _units(text: str) -> int:
    """Length in UTF-16 code units, as Excel counts."""
    return len(text.encode("utf-16-le")) // 2


def cell_copy(text: str) -> str:
    """What the export writes in a cell for the stored ``text`` (see the module docstring)."""
    if LEFT_OUT.search(text):
        text = LEFT_OUT.sub("", text)
    if len(text) <= SHORT_ENOUGH or _units(text) <= CELL_LIMIT:
        return text
    marker = shortened_marker(len(text))
    room = CELL_LIMIT - len(marker)  # the marker is all BMP: one unit a character
    end = room
    while (over := _units(text[:end]) - room) > 0:
        end -= max(1, over // 2)  # characters outside the BMP take two units
    return text[:end] + marker


def is_shortened(text: str) -> bool:
    """Whether ``text`` ends with the export's marker of a shortened cell."""
    return text.endswith("文字】") and _MARKER_AT_END.search(text) is not None


def _squash(text: str) -> str:
    # entry normalisation (NFKC, whitespace collapsed, line ends) must not make a copy differ
    return "".join(normalize_nfkc(text).split())


def is_cell_copy(incoming: str, stored: str) -> bool:
    """Whether ``incoming`` (a cell read back, as entry normalised it) is the export's copy of
    ``stored``, so that the field is unchanged.

    Only when the export could not write ``stored`` whole: the cell is then ``stored`` without
    the characters a cell does not carry, or shortened — with the marker and a beginning of
    ``stored``, or (an older export) a beginning of ``stored`` that fills the cell. A cell that
    differs from a text the export wrote whole is a real change.
    """
    copy = cell_copy(stored)
    if copy == stored:
        return False
    if _squash(incoming) == _squash(copy):
        return True
    clean = LEFT_OUT.sub("", stored)
    if copy == clean:  # not shortened, only characters were left out
        return False
    head = _MARKER_AT_END.sub("", incoming)
    if head == incoming and _units(incoming) < _FULL_CELL:
        return False
    squashed = _squash(head)
    return bool(squashed) and _squash(clean).startswith(squashed)
