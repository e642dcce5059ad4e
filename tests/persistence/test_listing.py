"""The listing rule (registry / trash) and the search rule, each rendered for SQL and for Python."""

from __future__ import annotations

import sqlite3
from types import SimpleNamespace

import pytest
from sqlalchemy import Column, MetaData, String, Table, create_engine, select

from kyodo_desktop.domain.organization import OrganizationInput, search_blob
from kyodo_desktop.domain.text import search_fold, search_terms
from kyodo_desktop.persistence.listing import (
    is_listed,
    listing_clause,
    listing_sql,
    matching_positions,
    search_clause,
)

#: (id, deleted_at, merged_into): live, trashed, and a merge tombstone.
RECORDS = [
    ("live", None, None),
    ("trashed", "2026-01-01T00:00:00Z", None),
    ("tombstone", "2026-01-02T00:00:00Z", "live"),
]
EXPECTED = {False: ["live"], True: ["trashed"]}

TEXTS = [
    search_fold("みどりの森クラブ\x1f千葉市中央区市場町1-1\x1f環境"),
    search_fold("NPO法人 ミドリ・ネットワーク千葉\x1f千葉市稲毛区1-2"),
    search_fold("船橋こども食堂\x1f船橋市本町2-3-4"),
    "",
    # 表記ゆれ: stored as the window and the CLI store them (search_blob)
    search_blob(OrganizationInput(name="子供会ひまわり", address="佐倉市海隣寺町1")),
    search_blob(OrganizationInput(name="子ども食堂", tags="障がい者支援")),
    search_blob(OrganizationInput(name="街づくり協議会", kana="マチヅクリキョウギカイ")),
    search_blob(OrganizationInput(name="障害者の会", tags="町内会")),
]
QUERIES = ["", "千葉", "ﾐﾄﾞﾘ", "千葉　環境", "みどり 船橋", "１-２", "市", "ＮＰＯ", "x"]
# each spelling of a word finds every record holding any of them; a spelling being typed finds its own
VARIANT_QUERIES = {
    "こども": [2, 4, 5],
    "子供": [2, 4, 5],
    "子ども": [2, 4, 5],
    "コドモ": [2, 4, 5],
    "子ど": [5],
    "子": [4, 5],
    "こども 障碍": [5],
    "障がい者": [5, 7],
    "障害": [5, 7],
    "まちづくり": [6],
    "町づくり": [6],
    "町": [0, 2, 4, 7],
    "町内": [7],
}
QUERIES += list(VARIANT_QUERIES)


def _table() -> tuple[Table, sqlite3.Connection]:
    table = Table(
        "organizations",
        MetaData(),
        Column("id", String, primary_key=True),
        Column("deleted_at", String),
        Column("merged_into", String),
        Column("search_text", String),
    )
    return table, sqlite3.connect(":memory:")


@pytest.mark.parametrize("trash", [False, True])
def test_sql_text_sqlalchemy_and_python_list_the_same_records(trash: bool) -> None:
    table, conn = _table()
    conn.execute("CREATE TABLE organizations (id TEXT, deleted_at TEXT, merged_into TEXT, search_text TEXT)")
    conn.executemany("INSERT INTO organizations VALUES (?, ?, ?, '')", RECORDS)
    by_text = [r[0] for r in conn.execute(f"SELECT id FROM organizations WHERE {listing_sql(trash=trash)}")]
    assert sorted(by_text) == EXPECTED[trash]

    engine = create_engine("sqlite://")
    table.metadata.create_all(engine)
    with engine.begin() as c:
        c.execute(
            table.insert(), [dict(zip(("id", "deleted_at", "merged_into"), r, strict=True)) for r in RECORDS]
        )
        by_clause = list(c.scalars(select(table.c.id).where(listing_clause(table.c, trash=trash))))
    assert sorted(by_clause) == EXPECTED[trash]

    records = [SimpleNamespace(id=i, deleted_at=d, merged_into=m) for i, d, m in RECORDS]
    assert [r.id for r in records if is_listed(r, trash=trash)] == EXPECTED[trash]


def test_the_live_list_is_the_default() -> None:
    assert listing_sql() == "deleted_at IS NULL"
    assert listing_sql(trash=True) == "deleted_at IS NOT NULL AND merged_into IS NULL"


def test_a_row_without_merged_into_counts_it_as_null() -> None:
    assert is_listed(SimpleNamespace(deleted_at="x"), trash=True)
    assert not is_listed(SimpleNamespace(deleted_at="x"))


@pytest.mark.parametrize("query", QUERIES)
def test_the_search_rule_is_the_same_in_sql_and_in_python(query: str) -> None:
    table, _conn = _table()
    engine = create_engine("sqlite://")
    table.metadata.create_all(engine)
    terms = search_terms(query)
    with engine.begin() as c:
        c.execute(table.insert(), [{"id": str(n), "search_text": t} for n, t in enumerate(TEXTS)])
        in_sql = sorted(
            int(i) for i in c.scalars(select(table.c.id).where(search_clause(table.c.search_text, terms)))
        )
    in_python = matching_positions(terms, TEXTS, list(range(len(TEXTS))))
    assert in_python == in_sql
    assert in_python == [n for n, text in enumerate(TEXTS) if all(term in text for term in terms)]


@pytest.mark.parametrize(("query", "expected"), VARIANT_QUERIES.items())
def test_every_spelling_of_a_word_finds_the_same_records(query: str, expected: list[int]) -> None:
    assert matching_positions(search_terms(query), TEXTS, list(range(len(TEXTS)))) == expected


def test_every_term_must_match() -> None:
    terms = search_terms("みどり 船橋")
    assert matching_positions(terms, TEXTS, [0, 1, 2, 3]) == []
    assert matching_positions(search_terms("ﾐﾄﾞﾘ 千葉"), TEXTS, [0, 1, 2, 3]) == [0, 1]
    assert matching_positions([], TEXTS, [2, 0]) == [2, 0]  # no term: every row, order kept
