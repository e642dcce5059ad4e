"""The "same organization name?" rule used when two rows share a 法人番号."""

from __future__ import annotations

import pytest

from kyodo_desktop.domain.org_names import same_organization_name


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("公益財団法人 日本科学技術振興財団", "公益財団法人日本科学技術振興財団・科学技術館"),
        ("公益財団法人日本科学\n技術振興財団", "公益財団法人日本科学技術振興財団"),
        ("ＮＰＯ法人ちば子ども　ネット", "NPO法人ちば子どもネット"),
        ("特定非営利活動法人ちば子どもネット", "ＮＰＯ法人 ちば子どもネット"),
        ("（公財）日本生産性本部", "公益財団法人日本生産性本部"),
        ("一般社団法人千葉県環境保全協議会", "一般社団法人千葉県環境保全協義会"),  # a typo
    ],
)
def test_variants_of_one_name_are_the_same(a: str, b: str) -> None:
    assert same_organization_name(a, b)
    assert same_organization_name(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("公益財団法人日本生産性本部", "公益財団法人児童育成協会"),
        ("公益社団法人日本看護協会", "公益社団法人日本医師会"),
        ("ちば", "ちば子どもネット"),  # a short core is no facility prefix
        ("社会福祉法人千葉県社会福祉協議会", "社会福祉法人船橋市社会福祉協議会"),
        ("", "公益財団法人児童育成協会"),
    ],
)
def test_different_organizations_are_not_the_same(a: str, b: str) -> None:
    assert not same_organization_name(a, b)
    assert not same_organization_name(b, a)
