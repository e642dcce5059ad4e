"""Whether two spellings name the same organization (a 法人番号 shared by two rows is checked by it).

Lists spell one organization in many ways: with spaces or a line break inside the name, full or
half width, with or without its 法人格, with the facility it runs appended
(公益財団法人日本科学技術振興財団・科学技術館). Those are the same organization. Two names that
only share their 法人格 (公益財団法人日本生産性本部 / 公益財団法人児童育成協会) are not, even when
Excel rounded both 法人番号 to one value.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from kyodo_desktop.domain.text import duplicate_key

__all__ = ["MIN_PREFIX", "SAME_NAME_RATIO", "same_name_key", "same_organization_name"]

#: Folded names at least this similar (rapidfuzz ratio, 0–100) are spellings of one name: a
#: typo or one character more or less in a long name, never two different words.
SAME_NAME_RATIO = 85.0

#: A name appended to another counts as a facility of it only when the shorter one is this long
#: (folded, without its 法人格): a two-character core such as 「ちば」 says too little.
MIN_PREFIX = 4
_MIN_PREFIX = MIN_PREFIX


def same_organization_name(a: str | None, b: str | None) -> bool:
    """Whether ``a`` and ``b`` name the same organization (see the module docstring)."""
    return same_name_key(duplicate_key(a), duplicate_key(b))


def same_name_key(key_a: str, key_b: str) -> bool:
    """:func:`same_organization_name` over names already folded by ``duplicate_key``."""
    if not key_a or not key_b:
        return False
    if key_a == key_b:
        return True
    shorter, longer = sorted((key_a, key_b), key=len)
    if len(shorter) >= _MIN_PREFIX and longer.startswith(shorter):
        return True  # a facility or branch name appended: 財団・科学技術館
    return fuzz.ratio(key_a, key_b) >= SAME_NAME_RATIO
