"""Tests for kyodo_desktop.domain.text: NFKC cleanup, hyphen folding, search folding, duplicate keys."""

from __future__ import annotations

import re
import sys
import unicodedata

import jaconv
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kyodo_desktop.domain.text import (
    HYPHEN_VARIANTS,
    LEGAL_FORM_WORDS,
    WORD_VARIANTS,
    CharMap,
    duplicate_key,
    email_key,
    fold_hyphens,
    fold_variants,
    nfkc,
    search_fold,
    search_fold_parts,
    search_terms,
)

_KANA_AND_DASHES = st.sampled_from(
    [chr(c) for c in range(0x3040, 0x3100)]
    + [chr(c) for c in range(0xFF61, 0xFFA0)]
    + list(HYPHEN_VARIANTS)
    + list("0123456789０１ ABCａｂ\u3000\u3099\u309a\u0308鎌谷")
)


_CF = "".join(c for c in map(chr, range(sys.maxunicode + 1)) if unicodedata.category(c) == "Cf")


def _plain_search_fold(s: str | None) -> str:
    """search_fold step by step: format characters (Cf) out, NFKC, casefold, ヶ→け, NFKC,
    kata2hira, dashes, 1ー2 → 1-2."""
    text = nfkc((s or "").translate(str.maketrans(dict.fromkeys(_CF))))
    if not text:
        return ""
    text = "".join(text.casefold().split()).translate(str.maketrans(dict.fromkeys("ヶヵゖゕ", "け")))
    text = unicodedata.normalize("NFKC", text)
    text = str(jaconv.kata2hira(text))
    dashes = HYPHEN_VARIANTS.replace("\u30fc", "").replace("\uff70", "")
    text = text.translate(str.maketrans(dict.fromkeys(dashes, "-")))
    return re.sub(r"(?<=[0-9])\u30fc(?=[0-9])", "-", text)


class TestNfkc:
    """nfkc(): width normalisation plus whitespace cleanup."""

    @given(st.text())
    def test_is_nfkc_with_whitespace_collapsed(self, text: str) -> None:
        assert nfkc(text) == " ".join(unicodedata.normalize("NFKC", text).split())

    @given(st.text(alphabet=st.sampled_from(list("\u3000 ａｱ\u3099\u0301\u0327Aあ漢\t\n")) | st.characters()))
    def test_ideographic_spaces_and_marks_likewise(self, text: str) -> None:
        assert nfkc(text) == " ".join(unicodedata.normalize("NFKC", text).split())

    @given(st.text(alphabet=st.characters(max_codepoint=127)))
    def test_ascii_likewise(self, text: str) -> None:
        assert nfkc(text) == " ".join(unicodedata.normalize("NFKC", text).split())

    def test_none_and_empty_give_empty(self) -> None:
        assert nfkc(None) == ""
        assert nfkc("") == ""
        assert nfkc(" \u3000\t\n") == ""

    def test_full_width_ascii_and_half_width_kana(self) -> None:
        assert nfkc("ＡＢＣ１２３") == "ABC123"
        assert nfkc("ﾐﾄﾞﾘ") == "ミドリ"

    def test_strips_and_collapses_whitespace_including_ideographic_space(self) -> None:
        assert nfkc("\u3000 みどり\u3000\u3000の  会\t") == "みどり の 会"
        assert nfkc("a\nb") == "a b"

    def test_enclosed_forms(self) -> None:
        assert nfkc("㈱ミドリ") == "(株)ミドリ"
        assert nfkc("（特非）") == "(特非)"


class TestFoldHyphens:
    """fold_hyphens(): every dash-like character becomes "-"."""

    @pytest.mark.parametrize("dash", list(HYPHEN_VARIANTS))
    def test_each_variant(self, dash: str) -> None:
        assert fold_hyphens(f"043{dash}223{dash}1111") == "043-223-1111"

    def test_required_variants_are_listed(self) -> None:
        for code in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0x30FC, 0xFF0D, 0xFF70):
            assert chr(code) in HYPHEN_VARIANTS

    def test_nfkc_leaves_the_variants_alone_except_full_width_ones(self) -> None:
        # The reason the table exists: NFKC does not fold these to "-".
        assert nfkc("\u2212") == "\u2212"
        assert nfkc("\u2015") == "\u2015"

    def test_other_text_untouched(self) -> None:
        assert fold_hyphens("abc 123") == "abc 123"


class TestSearchFold:
    """search_fold(): the one normalisation used for search keys and queries."""

    @pytest.mark.parametrize("text", ["ミドリ", "ﾐﾄﾞﾘ", "みどり", " ミ ド リ "])
    def test_kana_forms_fold_together(self, text: str) -> None:
        assert search_fold(text) == "みどり"

    def test_full_width_latin_and_case(self) -> None:
        assert search_fold("ＡＢＣ") == "abc"
        assert search_fold("NPO") == "npo"

    def test_digits_become_half_width(self) -> None:
        assert search_fold("１２３") == "123"

    def test_long_vowel_mark_kept_in_words(self) -> None:
        assert search_fold("センター") == "せんたー"
        assert search_fold("ｾﾝﾀｰ") == "せんたー"

    @pytest.mark.parametrize("text", ["1‐2", "1−2", "1－2", "1–2", "1—2", "1-2", "1ー2"])
    def test_dashes_between_numbers_fold(self, text: str) -> None:
        assert search_fold(text) == "1-2"

    @pytest.mark.parametrize("text", ["鎌ヶ谷", "鎌ケ谷", "鎌ヵ谷", "鎌ｹ谷"])
    def test_small_ke_variants(self, text: str) -> None:
        assert search_fold(text) == "鎌け谷"

    def test_whitespace_removed(self) -> None:
        assert search_fold("みどり\u3000の 会") == "みどりの会"

    def test_none_and_blank(self) -> None:
        assert search_fold(None) == ""
        assert search_fold("\u3000") == ""

    @given(st.text())
    def test_idempotent(self, text: str) -> None:
        once = search_fold(text)
        assert search_fold(once) == once

    @given(st.text())
    def test_output_has_no_whitespace(self, text: str) -> None:
        assert not any(ch.isspace() for ch in search_fold(text))

    # The fold is written for speed (one translate table, an ASCII shortcut); these check it
    # against the plain step-by-step definition it replaced.
    @given(st.text())
    def test_same_as_the_plain_definition(self, text: str) -> None:
        assert search_fold(text) == _plain_search_fold(text)

    @settings(max_examples=500)
    @given(st.text(alphabet=_KANA_AND_DASHES))
    def test_same_as_the_plain_definition_on_kana_digits_and_dashes(self, text: str) -> None:
        assert search_fold(text) == _plain_search_fold(text)

    @given(st.lists(st.text(alphabet=_KANA_AND_DASHES) | st.text(), max_size=8))
    def test_parts_fold_as_each_alone(self, parts: list[str]) -> None:
        assert search_fold_parts(parts) == [search_fold(part) for part in parts]

    def test_every_bmp_character_folds_as_in_the_plain_definition(self) -> None:
        for code in range(0x10000):
            if 0xD800 <= code <= 0xDFFF:
                continue
            char = chr(code)
            for text in (char, f"ア{char}1ー2"):
                assert search_fold(text) == _plain_search_fold(text), hex(code)


class TestSearchTerms:
    """search_terms(): query splitting."""

    def test_splits_on_ascii_and_ideographic_space(self) -> None:
        assert search_terms("ミドリ\u3000ＡＢＣ  千葉") == ["みどり", "abc", "千葉"]

    def test_blank_query(self) -> None:
        assert search_terms("") == []
        assert search_terms(" \u3000 ") == []

    @given(st.text())
    def test_terms_are_folded_and_non_empty(self, text: str) -> None:
        for term in search_terms(text):
            assert term
            assert search_fold(term) == term


class TestDuplicateKey:
    """duplicate_key(): same group, different spelling of the name and 法人格."""

    def test_brief_example(self) -> None:
        expected = duplicate_key("特定非営利活動法人 みどりの会")
        assert expected == "みどりの会"
        assert duplicate_key("ＮＰＯ法人ミドリの会") == expected
        assert duplicate_key("みどりの会（特非）") == expected

    @pytest.mark.parametrize(
        "name",
        [
            "認定NPO法人みどりの会",
            "特例認定NPO法人 みどりの会",
            "認定特定非営利活動法人みどりの会",
            "みどりの会(特活)",
            "一般社団法人みどりの会",
            "(一社)みどりの会",
            "公益財団法人 みどりの会",
            "(公財)みどりの会",
            "社会福祉法人みどりの会",
            "(福)みどりの会",
            "株式会社みどりの会",
            "みどりの会株式会社",
            "㈱みどりの会",
            "(株)みどりの会",
            "㈲ミドリノ会",
            "有限会社みどりの会",
            "合同会社みどりの会",
            "認可地縁団体みどりの会",
            "みどり・の会",
            "ﾐﾄﾞﾘ･の 会",
            "npo法人みどりの会",
        ],
    )
    def test_legal_forms_and_punctuation_removed(self, name: str) -> None:
        assert duplicate_key(name) == "みどりの会"

    def test_longest_word_removed_first(self) -> None:
        # Removing NPO法人 first would leave 認定 behind.
        assert duplicate_key("認定NPO法人ABC") == "abc"
        assert duplicate_key("特例認定NPO法人ABC") == "abc"

    def test_different_groups_differ(self) -> None:
        assert duplicate_key("NPO法人みどりの会") != duplicate_key("NPO法人あおぞらの会")

    def test_name_that_is_only_a_legal_form_is_not_emptied(self) -> None:
        assert duplicate_key("株式会社") == "株式会社"
        assert duplicate_key(None) == ""

    @pytest.mark.parametrize(
        "name",
        [
            "み\u200bどりの会",  # zero width space
            "みど\u00adりの会",  # soft hyphen
            "\ufeffみどりの会",  # a BOM pasted from a file
            "みどりの\u2060会",  # word joiner
            "みどり\u200dの会",  # zero width joiner
            "\u202aみどりの会\u202c",  # bidi embedding
        ],
    )
    def test_invisible_characters_are_left_out(self, name: str) -> None:
        assert duplicate_key(name) == "みどりの会"
        assert search_fold(name) == "みどりの会"

    @pytest.mark.parametrize("dash", ["－", "−", "-", "‐", "ｰ"])
    def test_dashes_typed_for_the_long_vowel_mark(self, dash: str) -> None:
        assert duplicate_key(f"子育てサポートセンタ{dash}") == duplicate_key("子育てサポートセンター")
        assert duplicate_key(f"NPO法人ス{dash}パ{dash}") == duplicate_key("スーパー")

    def test_listed_words_include_the_brief_list(self) -> None:
        for word in (
            "特定非営利活動法人",
            "NPO法人",
            "ＮＰＯ法人",
            "(特非)",
            "（特非）",
            "㈱",
            "㈲",
            "協同組合",
        ):
            assert word in LEGAL_FORM_WORDS


def _plain_duplicate_key(name: str) -> str:
    """duplicate_key as first written: every legal word removed in turn, longest first."""
    folded = search_fold(name).translate(str.maketrans({"・": "", "･": "", "-": "ー"}))
    for word, variants in WORD_VARIANTS:  # 表記ゆれ (added in issue 10)
        for variant in sorted(variants, key=len, reverse=True):
            folded = folded.replace(variant, word)
    key = folded
    words = sorted({search_fold(w) for w in LEGAL_FORM_WORDS}, key=lambda w: (-len(w), w))
    for word in words:
        key = key.replace(word, "")
    return key or folded


_NAME_PARTS = st.sampled_from(
    [
        *LEGAL_FORM_WORDS,
        *("みどり", "の会", "・", "･", "ＮＰＯ", "npo", "法人", " ", "(", ")"),
        *("ー", "－", "−", "-", "\u200b", "\u00ad", "\ufeff"),
        *("子ども", "子供", "コドモ", "障がい", "障碍", "街づくり", "町", "づくり", "子", "ども"),
    ]
)


@given(st.lists(_NAME_PARTS, max_size=6).map("".join) | st.text())
def test_duplicate_key_same_as_the_plain_definition(name: str) -> None:
    assert duplicate_key(name) == _plain_duplicate_key(name)


class TestEmailKey:
    """email_key(): one key per mailbox for the duplicate checks."""

    def test_case_is_ignored(self) -> None:
        assert email_key("INFO@a.jp") == email_key("info@a.jp") == email_key("Info@A.JP")

    def test_different_addresses_differ(self) -> None:
        assert email_key("info@a.jp") != email_key("info2@a.jp")

    def test_blank(self) -> None:
        assert email_key("") == email_key(None) == ""


class TestCharMap:
    """CharMap: str.translate, skipped when none of the table's characters occur."""

    def test_replaces_deletes_and_leaves_other_text_alone(self) -> None:
        assert CharMap.replacing("ヶヵ", "ケ")("鎌ヶ谷・袖ヵ浦") == "鎌ケ谷・袖ケ浦"
        assert CharMap.replacing("・･", "")("みどり・の会") == "みどりの会"
        text = "関係のない文字列"
        assert CharMap.replacing("-", "+")(text) is text

    def test_probed_table_and_union(self) -> None:
        upper = CharMap.probed(str.upper, ord("a"), ord("c"))
        assert upper("abcd") == "ABCd"
        assert (upper | CharMap.replacing("d", "D"))("abcd") == "ABCD"
        with pytest.raises(ValueError, match="overlapping"):
            _ = upper | CharMap.replacing("a", "x")


class TestWordVariants:
    """fold_variants() and its use by the query, the stored search text and the duplicate key."""

    @pytest.mark.parametrize(
        ("spellings", "word"),
        [
            (("子ども", "子供", "こども", "コドモ", "ｺﾄﾞﾓ"), "こども"),
            (("障害", "障がい", "障碍", "障礙", "障ガイ"), "障害"),
            (
                ("まちづくり", "街づくり", "町づくり", "マチヅクリ", "街作り", "町作り", "まち作り"),
                "まちづくり",
            ),
            (("高齢者", "高令者"), "高齢者"),
        ],
    )
    def test_every_spelling_folds_to_one(self, spellings: tuple[str, ...], word: str) -> None:
        assert {fold_variants(search_fold(s)) for s in spellings} == {word}
        assert {tuple(search_terms(s)) for s in spellings} == {(word,)}

    @pytest.mark.parametrize(
        "text", ["町内会", "大町", "まち", "子育て", "生涯学習", "しょうがい", "一人親方", "子"]
    )
    def test_other_words_are_left_alone(self, text: str) -> None:
        folded = search_fold(text)
        assert fold_variants(folded) is folded

    def test_inside_a_name(self) -> None:
        assert (
            fold_variants(search_fold("佐倉市子供会連合会・障がい者スポーツ"))
            == "佐倉市こども会連合会・障害者すぽーつ"
        )

    @given(st.lists(_NAME_PARTS, max_size=6).map("".join) | st.text())
    def test_idempotent(self, text: str) -> None:
        once = fold_variants(search_fold(text))
        assert fold_variants(once) == once

    def test_duplicate_key_folds_them(self) -> None:
        assert duplicate_key("子供の会") == duplicate_key("こどもの会") == duplicate_key("NPO法人 子どもの会")
        assert duplicate_key("障がい者福祉会") == duplicate_key("障害者福祉会")
        assert duplicate_key("町内会") != duplicate_key("まちないかい")
