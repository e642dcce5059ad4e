"""The format characters search folding removes: written out for the app's Unicode, the same as
walking all of Unicode for category Cf."""

from __future__ import annotations

import unicodedata

import pytest

from kyodo_desktop.domain import text


@pytest.mark.skipif(unicodedata.unidata_version != "14.0.0", reason="the list is of Unicode 14")
def test_written_out_format_characters_are_those_of_category_cf() -> None:
    written = "".join(
        chr(c) for first, last in text._FORMAT_RANGES_UNICODE_14 for c in range(first, last + 1)
    )
    assert written == text._walked_format_characters()


def test_format_characters_are_removed_by_search_folding() -> None:
    assert text.search_fold("みど\u200bりの\u00ad森\ufeff") == "みどりの森"
    assert text.search_fold("a\U000e0041b") == "ab"
