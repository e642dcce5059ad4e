"""The past-project import's name bucket finds the first same name the plain comparison finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kyodo_desktop.domain.org_names import same_name_key
from kyodo_desktop.services.project_partner_index import _Bucket

# few letters, so that equal names, names beginning others and near misses are common
_NAMES = st.text(alphabet="あおぞらさくの会支部館", min_size=1, max_size=12)


def _linear(stored: list[str], key: str) -> str:
    return next((f"id{n}" for n, name in enumerate(stored) if same_name_key(name, key)), "")


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAMES, max_size=40), _NAMES)
def test_first_same_is_the_first_the_plain_comparison_finds(stored: list[str], key: str) -> None:
    bucket = _Bucket()
    for n, name in enumerate(stored):
        bucket.add(f"id{n}", name)
    assert bucket.first_same(key) == _linear(stored, key)


def test_a_branch_name_a_typo_and_another_group() -> None:
    bucket = _Bucket()
    for n, name in enumerate(["あおぞら子ども食堂", "あおぞら子ども食堂支部", "あおぞら体操クラブ"]):
        bucket.add(f"id{n}", name)
    assert bucket.first_same("あおぞら子ども食堂支部") == "id0"  # the stored name begins it
    assert bucket.first_same("あおぞら子ども食") == "id0"  # it begins a stored name
    assert bucket.first_same("あおぞら体操クラブ会") == "id2"
    assert bucket.first_same("あおぞら将棋同好会") == ""
