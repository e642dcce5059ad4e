"""Japanese text normalisation: NFKC cleanup, hyphen folding, search folding and duplicate keys.

Officers type the same group name in many ways (全角/半角, カタカナ/ひらがな, with or without
法人格), so everything that compares or searches text goes through the functions here.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from collections.abc import Callable, Mapping, Sequence

import jaconv

__all__ = [
    "HYPHEN_VARIANTS",
    "LEGAL_FORM_WORDS",
    "UNSAFE_CHARACTERS",
    "WORD_VARIANTS",
    "CharMap",
    "duplicate_key",
    "email_key",
    "fold_hyphens",
    "fold_variants",
    "nfkc",
    "normalize_nfkc",
    "search_fold",
    "search_fold_parts",
    "search_terms",
]

# NFKC maps U+FF0D/U+FE63 to "-" but leaves these dash-like characters alone, and Japanese IMEs
# produce all of them when people type phone numbers or addresses (043ー223ー1111, 1−2−3).
HYPHEN_VARIANTS: str = (
    "\u2010"  # HYPHEN
    "\u2011"  # NON-BREAKING HYPHEN
    "\u2012"  # FIGURE DASH
    "\u2013"  # EN DASH
    "\u2014"  # EM DASH
    "\u2015"  # HORIZONTAL BAR
    "\u2043"  # HYPHEN BULLET
    "\u2212"  # MINUS SIGN
    "\ufe58"  # SMALL EM DASH
    "\ufe63"  # SMALL HYPHEN-MINUS
    "\uff0d"  # FULLWIDTH HYPHEN-MINUS
    "\u30fc"  # KATAKANA-HIRAGANA PROLONGED SOUND MARK (ー)
    "\uff70"  # HALFWIDTH PROLONGED SOUND MARK (ｰ)
)


class CharMap:
    """``str.translate`` with a per-character table, skipped when none of its characters occur.

    translate looks up every character of the text (about 90 ns each, hit or miss); a regex
    search for the table's characters is many times cheaper, and most text has none of them.
    """

    def __init__(self, table: Mapping[int, str | int | None]) -> None:
        self._table = dict(table)
        self._chars = re.compile("[" + re.escape("".join(map(chr, sorted(self._table)))) + "]")

    @classmethod
    def replacing(cls, chars: str, by: str) -> CharMap:
        """Every one of ``chars`` replaced by ``by`` ("" deletes them)."""
        return cls({ord(c): by for c in chars})

    @classmethod
    def probed(cls, convert: Callable[[str], str], first: int, last: int) -> CharMap:
        """The table of a per-character conversion (jaconv's), probed over U+first–U+last."""
        return cls({ord(c): convert(c) for c in map(chr, range(first, last + 1)) if convert(c) != c})

    def __call__(self, text: str) -> str:
        return text.translate(self._table) if self._chars.search(text) else text

    def __or__(self, other: CharMap) -> CharMap:
        """Both tables at once (their keys must not overlap, so the order does not matter)."""
        if self._table.keys() & other._table.keys():
            raise ValueError("overlapping character maps")
        return CharMap({**self._table, **other._table})


_fold_hyphens = CharMap.replacing(HYPHEN_VARIANTS, "-")

# Characters that must not be stored or shown raw: C0 controls other than whitespace, DEL, C1
# controls other than NEL (U+0085, whitespace), and the bidirectional marks, embeddings, overrides
# and isolates that make a terminal or a cell show text in another order than it is stored
# (U+202E). Tab, line feed and the other whitespace controls are not here: every text field
# folds them into spaces (multi-line fields keep the line feed).
UNSAFE_CHARACTERS: re.Pattern[str] = re.compile(
    "[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


# Format characters (Unicode category Cf: U+200B zero width space, U+00AD soft hyphen, U+FEFF,
# the bidi marks …) are invisible, so two spellings that look the same may differ only in them;
# searching and the duplicate key leave them out. Finding them walks all of Unicode (0.13–0.2 s
# of CPU, paid by every command that folds a name): for the Unicode version of the Python the
# app ships with they are written out below (tests/domain/test_text.py compares them with the
# walk); another version walks, on first use.
_FORMAT_RANGES_UNICODE_14 = (
    (0x00AD, 0x00AD), (0x0600, 0x0605), (0x061C, 0x061C), (0x06DD, 0x06DD), (0x070F, 0x070F),
    (0x0890, 0x0891), (0x08E2, 0x08E2), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x2064), (0x2066, 0x206F), (0xFEFF, 0xFEFF), (0xFFF9, 0xFFFB), (0x110BD, 0x110BD),
    (0x110CD, 0x110CD), (0x13430, 0x13438), (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001), (0xE0020, 0xE007F),
)  # fmt: skip


def _walked_format_characters() -> str:
    """Every character of category Cf, found by walking all of Unicode."""
    return "".join(c for c in map(chr, range(sys.maxunicode + 1)) if unicodedata.category(c) == "Cf")


@functools.cache
def _format_characters() -> CharMap:
    if unicodedata.unidata_version == "14.0.0":
        chars = "".join(chr(c) for first, last in _FORMAT_RANGES_UNICODE_14 for c in range(first, last + 1))
    else:  # pragma: no cover - another Python's Unicode
        chars = _walked_format_characters()
    return CharMap.replacing(chars, "")


# In names ー is a real letter (センター), so search folding keeps it and folds only the dashes.
_DASHES = CharMap.replacing(HYPHEN_VARIANTS.replace("\u30fc", "").replace("\uff70", ""), "-")

# ー between two digits is never a long vowel: it is an IME-typed hyphen in an address (1ー2ー3).
_CHOON_BETWEEN_DIGITS = re.compile(r"(?<=[0-9])\u30fc(?=[0-9])")

# jaconv.kata2hira would turn ヶ/ヵ into the rare small hiragana ゖ/ゕ; people read and type them
# as ケ (鎌ケ谷/鎌ヶ谷), so all four fold to け.
_KE = CharMap.replacing("ヶヵゖゕ", "け")

# jaconv.kata2hira (a per-character table over the katakana block) and the dash fold, as one map.
_KANA_AND_DASHES = CharMap.probed(lambda c: str(jaconv.kata2hira(c)), 0x30A0, 0x30FF) | _DASHES


def normalize_nfkc(s: str) -> str:
    """``unicodedata.normalize("NFKC", s)``, without its slow full pass where it is not needed.

    ASCII is left as it is. The ideographic space (U+3000, in most Japanese names and addresses)
    is the one character that would otherwise make NFKC re-compose text that is already fine;
    its compatibility mapping is a plain space, so replacing it first gives the same result.
    """
    if s.isascii():
        return s
    return unicodedata.normalize("NFKC", s.replace("\u3000", " "))


def nfkc(s: str | None) -> str:
    """NFKC-normalise, strip, and collapse whitespace runs (incl. U+3000) to one ASCII space."""
    if not s:
        return ""
    # str.split() without arguments splits on every Unicode whitespace.
    return " ".join(normalize_nfkc(s).split())


def fold_hyphens(s: str) -> str:
    """Replace every hyphen-like character (incl. ー) with ASCII "-"; for numbers, not names."""
    return _fold_hyphens(s)


def search_fold(s: str | None) -> str:
    """Fold text for searching: width, case, katakana→hiragana, dashes, ヶ→け; no whitespace."""
    return _fold_kana_and_dashes(_fold_width_and_case(s))


def search_fold_parts(parts: Sequence[str]) -> list[str]:
    """``[search_fold(p) for p in parts]``, done faster for many short parts of one record.

    The width/case steps run once over the parts joined by NUL, which every step leaves alone,
    which is no whitespace and which composes with nothing, so each part comes out as it would
    alone; the per-character table then runs only on the parts that need it.
    """
    if any("\x00" in part for part in parts):  # NUL is no format character (a Cc)
        return [search_fold(part) for part in parts]
    folded = _fold_width_and_case("\x00".join(parts)).split("\x00")
    if len(folded) != len(parts):  # defensive: no step removes a NUL
        return [search_fold(part) for part in parts]
    return [_fold_kana_and_dashes(part) for part in folded]


def _fold_width_and_case(s: str | None) -> str:
    # Format characters go first, so that what they separated composes or folds as if typed
    # without them (NFKC makes none of them).
    text = nfkc(_format_characters()(s) if s and not s.isascii() else s)
    if not text:
        return ""
    # Whitespace goes before the second NFKC: NFKC turns e.g. "¸" into a space plus a combining
    # mark, and once the space is gone the mark composes with the previous letter. Doing it in this
    # order (and NFKC again after casefold, which can decompose) keeps the fold idempotent.
    # ヶ is folded before that NFKC as well, so that a following combining dakuten composes (げ).
    if text.isascii():
        # Casefold is lower() here, NFKC changes nothing.
        return "".join(text.lower().split())
    return unicodedata.normalize("NFKC", _KE("".join(text.casefold().split())))


def _fold_kana_and_dashes(text: str) -> str:
    text = _KANA_AND_DASHES(text)
    return _CHOON_BETWEEN_DIGITS.sub("-", text) if "\u30fc" in text else text


def search_terms(query: str) -> list[str]:
    """Split a query on ASCII/ideographic whitespace and fold each term, its 表記ゆれ words too
    (:func:`fold_variants`); empty terms are dropped."""
    terms = (fold_variants(search_fold(part)) for part in nfkc(query).split(" "))
    return [term for term in terms if term]


# 表記ゆれ officers meet every day: each word's spellings (as search_fold leaves them, so カタカナ
# and full width need no entry of their own) and the one they fold to. Only whole words that
# cannot mean anything else are here: 町づくり, never 町 alone (町内会, 大町); not しょうがい
# (生涯学習) nor 一人親 (一人親方).
WORD_VARIANTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("こども", ("子ども", "子供")),
    ("障害", ("障がい", "障碍", "障礙")),
    ("まちづくり", ("街づくり", "町づくり", "まち作り", "街作り", "町作り")),
    ("高齢", ("高令",)),  # 高令者: the abbreviation in older 要綱 and group names
)


@functools.cache
def _variants() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern finding any variant spelling (longest first) and the table of their words;
    made on first use, like the other tables, so importing this module stays cheap."""
    table = {variant: word for word, variants in WORD_VARIANTS for variant in variants}
    return re.compile("|".join(map(re.escape, sorted(table, key=len, reverse=True)))), table


def fold_variants(folded: str) -> str:
    """Text already folded by :func:`search_fold` with every 表記ゆれ word in its one spelling
    (子供の会 → こどもの会, 障がい者 → 障害者, 街づくり → まちづくり)."""
    pattern, table = _variants()
    if pattern.search(folded) is None:  # most text holds none: one search, nothing built
        return folded
    return pattern.sub(lambda match: table[match.group()], folded)


# Legal-form words that people put before or after a group's name in every possible spelling.
# Matching is done on folded text, so full-width forms and ㈱ need no separate entry, but the raw
# spellings are listed so that the tuple documents what is recognised.
LEGAL_FORM_WORDS: tuple[str, ...] = (
    "特例認定特定非営利活動法人",
    "認定特定非営利活動法人",
    "特定非営利活動法人",
    "特例認定NPO法人",
    "認定NPO法人",
    "NPO法人",
    "ＮＰＯ法人",
    "(特非)",
    "（特非）",
    "(特活)",
    "（特活）",
    "(認定NPO)",
    "一般社団法人",
    "(一社)",
    "一般財団法人",
    "(一財)",
    "公益社団法人",
    "(公社)",
    "公益財団法人",
    "(公財)",
    "社会福祉法人",
    "(福)",
    "株式会社",
    "(株)",
    "㈱",
    "有限会社",
    "(有)",
    "㈲",
    "合同会社",
    "(同)",
    "認可地縁団体",
    "協同組合",
)


@functools.cache
def _legal_words() -> tuple[tuple[str, ...], re.Pattern[str]]:
    """The 法人格 words folded, longest first (so 認定NPO法人 goes before NPO法人 could leave 認定),
    and one pattern finding any of them: whether a folded name holds any at all (most do not) is
    one search instead of trying each word in turn. Made on first use, as the folding tables are."""
    words = tuple(sorted({search_fold(word) for word in LEGAL_FORM_WORDS}, key=lambda w: (-len(w), w)))
    return words, re.compile("|".join(map(re.escape, words)))


# Punctuation that differs between registrations of the same group (みどり・の会 / みどりの会),
# and the dashes people type for ー (セント－, セント−: search folding makes them "-").
_KEY_PUNCTUATION = CharMap({ord("・"): "", ord("･"): "", ord("-"): "ー"})


def duplicate_key(name: str | None) -> str:
    """Key for spotting the same group under different spellings: folded name without 法人格 words,
    its 表記ゆれ words in one spelling (子供の会 and こどもの会 are the same group)."""
    folded = fold_variants(_KEY_PUNCTUATION(search_fold(name)))
    key = folded
    words, any_word = _legal_words()
    if any_word.search(key) is None:
        return key
    for word in words:
        key = key.replace(word, "")
    # A name that is nothing but a legal form (e.g. "株式会社") would otherwise collide with every
    # other such name; keep the folded text instead.
    return key or folded


def email_key(email: str | None) -> str:
    """Key for spotting the same e-mail address: INFO@a.jp and info@a.jp are one mailbox.

    The stored address keeps the local part as typed (see ``normalize_email``); only the
    comparison ignores its case, as every mail provider in use here does.
    """
    return (email or "").strip().lower()
