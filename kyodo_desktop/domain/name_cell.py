"""A name cell that also holds the address: 名称及び住所 in government contract lists.

A contract list's partner cell reads ``名称\\n住所`` (or ``名称 東京都…`` on one line); imported
as it is, the whole cell became the name. :func:`split_name_cell` is the one rule, used by the
list import's row converter. When a 住所 column is mapped too, its value wins and a different
address in the name cell is told as a note on the row (:func:`other_address_note`).
"""

from __future__ import annotations

import re

from kyodo_desktop.domain.npo_portal.addresses import PREFECTURES
from kyodo_desktop.domain.text import nfkc

__all__ = ["other_address_note", "same_address", "split_name_cell"]

# An address after the name on the same line: a space, then a prefecture, then something with a
# number in it (a 番地). The number keeps 公益財団法人 東京都市づくり協会 whole.
_ADDRESS_AFTER_SPACE_RE = re.compile(
    r"^(?P<name>.*?\S)\s+(?P<address>(?:" + "|".join(PREFECTURES) + r")\S*[0-9].*)$"
)


_PREFECTURE_START_RE = re.compile("|".join(PREFECTURES))
_POSTAL_START_RE = re.compile(r"〒|[0-9]{3}-?[0-9]{4}(?![0-9])")


def _looks_like_address(text: str) -> bool:
    """An address begins with 〒, a postal code or a prefecture, or has a number (a 番地) in it."""
    folded = nfkc(text)
    return bool(
        _POSTAL_START_RE.match(folded) or _PREFECTURE_START_RE.match(folded) or re.search(r"[0-9]", folded)
    )


def split_name_cell(text: str) -> tuple[str, str]:
    """(name, address) of a name cell: the first line is the name, the other lines the address;
    one line splits at a space followed by a prefecture and a number. No address: ``""``.

    Lines that are no address (特定非営利活動法人 / みどりの森, a name wrapped in its cell) are
    one name, joined without a space.
    """
    lines = [line.strip() for line in text.replace("\r", "\n").split("\n") if line.strip()]
    if not lines:
        return "", ""
    if len(lines) > 1:
        rest = " ".join(lines[1:])
        if _looks_like_address(rest):
            return lines[0], rest
        return "".join(lines), ""
    match = _ADDRESS_AFTER_SPACE_RE.match(nfkc(lines[0]))
    if match is None:
        return lines[0], ""
    return match["name"], match["address"]


def _folded_address(text: str) -> str:
    return "".join(nfkc(text).split()).removeprefix("〒")


def same_address(first: str, second: str) -> bool:
    """Whether two addresses are the same as written, up to width, spaces and a leading
    prefecture or city (``千葉市中央区1-1`` and ``千葉県千葉市中央区１－１``)."""
    a, b = _folded_address(first), _folded_address(second)
    return a == b or (bool(a) and bool(b) and (a.endswith(b) or b.endswith(a)))


def other_address_note(address: str, address_column: str) -> str:
    """The row's note when the name cell holds an address other than the 住所 column's."""
    return (
        f"名称の欄の住所「{address}」は「{address_column}」の値と違います。"
        f"「{address_column}」の値を住所として取り込みます（名称の欄の住所は取り込みません）"
    )
