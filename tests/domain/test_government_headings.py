"""Government list headings recognised as 団体名 / 住所, and person or project headings that are not."""

from __future__ import annotations

import pytest

from kyodo_desktop.domain.column_mapping import ORGANIZATIONS, propose_mapping


@pytest.mark.parametrize(
    "header",
    [
        "補助金交付先名",
        "交付先名",
        "契約の相手方の商号又は名称",
        "契約の相手方の商号又は名称及び住所",
        "法人等の名称",
        "相手方",
        "団体等名称",
        "契約の相手方 商号又は名称",
        "ＮＰＯ法人等の名称",
        "交付先",
    ],
)
def test_government_headings_are_the_name(header: str) -> None:
    assert ORGANIZATIONS.target_for(header) == "name"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("代表者名", "representative"),
        ("代表者氏名", "representative"),
        ("担当者名", "ignore"),
        ("担当者氏名", "ignore"),
        ("事業名称", "ignore"),
        ("補助事業の名称", "ignore"),
        ("物品役務等の名称及び数量", "ignore"),
        ("施設名称", "ignore"),
        ("契約件名", "ignore"),
        ("団体名フリガナ", "kana"),
        ("代表者住所", "ignore"),
    ],
)
def test_person_and_project_headings_are_not_the_name(header: str, expected: str) -> None:
    assert ORGANIZATIONS.target_for(header) == expected


def test_the_longest_ending_wins_and_the_address_has_its_own() -> None:
    assert ORGANIZATIONS.target_for("契約の相手方 住所") == "address"
    assert ORGANIZATIONS.target_for("名称及び住所") == "name"


def test_a_whole_synonym_comes_before_an_ending_and_each_target_once() -> None:
    mapping = propose_mapping(["契約件名", "契約の相手方の商号又は名称", "法人番号", "団体名", "担当者名"])
    assert mapping == {0: "ignore", 1: "name", 2: "corporate_number", 3: "ignore", 4: "ignore"}
