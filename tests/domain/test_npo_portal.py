"""The NPO portal CSV's layouts and the mapping of one record (pure, no files)."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from kyodo_desktop.domain import npo_portal as portal
from kyodo_desktop.domain.importing import ImportFileError, ImportRow
from kyodo_desktop.domain.npo_portal import (
    CURRENT_LAYOUT,
    DESIGNATED_CITIES,
    OLD_LAYOUT,
    PREFECTURES,
    NpoLayout,
    SkipReason,
    identify_layout,
    map_row,
    normalize_prefecture,
    portal_notes,
    prefecture_of,
    skip_reason,
)
from kyodo_desktop.domain.validation import corporate_number_check_digit


def corp(body12: str) -> str:
    """A 法人番号 with a correct check digit."""
    return f"{corporate_number_check_digit(body12)}{body12}"


NUMBER = corp("040005001234")


def cells(layout: NpoLayout, **values: str) -> list[str]:
    """One record: keyword = canonical header text (e.g. 法人名称=...), others blank."""
    out = [""] * layout.columns
    for header, value in values.items():
        index = layout.index(header)
        assert index is not None, header
        out[index] = value
    return out


def good(layout: NpoLayout = CURRENT_LAYOUT, **overrides: str) -> list[str]:
    base = {
        "法人名称": "特定非営利活動法人　ちば子ども食堂ネット",
        "法人名称カナ": "ﾄｸﾃｲﾋｴｲﾘｶﾂﾄﾞｳﾎｳｼﾞﾝﾁﾊﾞｺﾄﾞﾓｼｮｸﾄﾞｳﾈｯﾄ",
        "所轄庁": "千葉県",
        "主たる事務所の所在地": "市川市八幡２丁目１５番１０号",
        "主たる事業所の郵便番号": "２７２００２１",
        "従たる事務所の所在地": "千葉県船橋市本町1-1\r\n東京都江戸川区中央1-2",
        "代表者氏名": "千葉　花子",
        "団体代表者名（フリガナ）": "ちば　はなこ",
        "法人設立認証年月日": "2005/04/01",
        "設立年月日": "2005/05/10",
        "定款に記載された目的": "この法人は、子どもの食の支援を行い、\n地域福祉の増進に寄与することを目的とする。",
        "活動分野１": "○",
        "活動分野１３": "○",
        "活動分野２０": "○",
        "認定（認定・特例認定１）": "○",
        "認定（認定開始日）": "2020/04/01",
        "認定（認定満了日）": "2025/03/31",
        "監督情報": "2010年01月01日 報告徴収",
        "法人情報URL": "https://www.npo-homepage.go.jp/npoportal/detail/012000001",
        "法人番号": NUMBER,
    }
    base.update(overrides)
    return cells(layout, **{k: v for k, v in base.items() if layout.has(k)})


def mapped(row_cells: list[str], layout: NpoLayout = CURRENT_LAYOUT, n: int = 2, **kw: object) -> ImportRow:
    options: dict[str, object] = {"prefecture": "千葉県", "skip_dissolved": False, **kw}
    row = map_row(layout, row_cells, n, **options)  # type: ignore[arg-type]
    assert row is not None
    return row


# -- layouts --------------------------------------------------------------------------------------


def test_the_two_layouts_have_60_and_45_columns_in_the_portal_order() -> None:
    assert CURRENT_LAYOUT.columns == 60
    assert OLD_LAYOUT.columns == 45
    current = CURRENT_LAYOUT.headers
    assert current[:12] == (
        "法人名称",
        "法人名称カナ",
        "所轄庁",
        "権限移譲先市町村",
        "主たる事務所の所在地",
        "主たる事業所の郵便番号",
        "従たる事務所の所在地",
        "代表者氏名",
        "団体代表者名（フリガナ）",
        "法人設立認証年月日",
        "設立年月日",
        "定款に記載された目的",
    )
    assert current[12] == "活動分野１" and current[31] == "活動分野２０"
    assert current[32] == "認定（認定・特例認定１）" and current[40] == "認定（認定開始日）"
    assert current[46:50] == ("監督情報", "解散情報", "法人情報URL", "法人番号")
    assert current[59] == "条例個別指定：有効期限（条例個別指定：取消日)"
    # The old layout is the current one without カナ, 権限移譲先, 郵便番号, 代表者カナ, 設立年月日 and the tail.
    dropped = {
        "法人名称カナ",
        "権限移譲先市町村",
        "主たる事業所の郵便番号",
        "団体代表者名（フリガナ）",
        "設立年月日",
    }
    assert OLD_LAYOUT.headers == tuple(h for h in current[:50] if h not in dropped)
    assert len(set(current)) == 60


def _half_width(header: str) -> str:
    return unicodedata.normalize("NFKC", header)


def test_headers_are_recognised_in_full_and_half_width_with_spaces_and_a_bom() -> None:
    assert identify_layout(list(CURRENT_LAYOUT.headers)) is CURRENT_LAYOUT
    assert identify_layout(list(OLD_LAYOUT.headers)) is OLD_LAYOUT
    mixed = [_half_width(h) if i % 2 else h for i, h in enumerate(CURRENT_LAYOUT.headers)]
    mixed[0] = "\ufeff法人名称"
    mixed[12] = "活動分野1"
    mixed[40] = "認定(認定開始日)"
    mixed[41] = "認定（認定満了日)"
    mixed[39] = "認定（PST基準　条例指定（都道府県及び市区町村名））"
    mixed[8] = "代表者名カナ"  # the other repository's label for the same column
    mixed[48] = "法人情報ＵＲＬ"
    assert identify_layout(mixed) is CURRENT_LAYOUT
    old = [_half_width(h) for h in OLD_LAYOUT.headers]
    assert identify_layout(old) is OLD_LAYOUT


def test_a_foreign_header_is_refused_with_the_reason() -> None:
    with pytest.raises(
        ImportFileError, match="行政入力情報CSVではありません（見出しが一致しません）"
    ) as info:
        identify_layout(["団体名", "電話番号"])
    assert "2列" in str(info.value) and "60列または45列" in str(info.value)
    wrong = list(CURRENT_LAYOUT.headers)
    wrong[4] = "住所"
    with pytest.raises(
        ImportFileError, match="5列目の見出しが「住所」です（「主たる事務所の所在地」のはずです）"
    ):
        identify_layout(wrong)
    with pytest.raises(ImportFileError, match="見出しは61列"):
        identify_layout([*CURRENT_LAYOUT.headers, "備考"])


# -- prefectures ----------------------------------------------------------------------------------


def test_prefecture_of_a_shokatsucho() -> None:
    assert len(PREFECTURES) == 47
    assert len(DESIGNATED_CITIES) == 20
    assert prefecture_of("千葉県") == "千葉県"
    assert prefecture_of(" 東京都 ") == "東京都"
    assert prefecture_of("北海道") == "北海道"
    assert prefecture_of("千葉市") == "千葉県"
    assert prefecture_of("横浜市") == "神奈川県"
    assert prefecture_of("さいたま市") == "埼玉県"
    assert prefecture_of("北九州市") == "福岡県"
    assert prefecture_of("堺市") == "大阪府"
    assert prefecture_of("京都市") == "京都府"
    assert prefecture_of("内閣府") == ""
    assert prefecture_of("") == ""
    for city, pref in DESIGNATED_CITIES.items():
        assert prefecture_of(city) == pref
        assert pref in PREFECTURES


def test_normalize_prefecture_accepts_the_short_names() -> None:
    assert normalize_prefecture("千葉県") == "千葉県"
    assert normalize_prefecture("千葉") == "千葉県"
    assert normalize_prefecture("東京") == "東京都"
    assert normalize_prefecture("大阪") == "大阪府"
    assert normalize_prefecture("北海道") == "北海道"
    assert normalize_prefecture("チバ") is None
    assert normalize_prefecture("") is None


# -- one record -----------------------------------------------------------------------------------


def test_a_good_current_row_maps_every_field() -> None:
    row = mapped(good())
    assert row.ok and row.problems == [] and row.row_number == 2
    data = row.data
    assert data is not None
    assert data.name == "特定非営利活動法人 ちば子ども食堂ネット"
    assert data.kana == "トクテイヒエイリカツドウホウジンチバコドモショクドウネット"
    assert data.legal_form == "認定特定非営利活動法人"
    assert data.corporate_number == NUMBER
    assert data.municipality_code == "12203"
    assert data.municipality_name == "市川市"
    assert data.postal_code == "272-0021"
    assert data.address == "千葉県市川市八幡2丁目15番10号"
    assert data.representative == "千葉 花子"
    assert data.representative_kana == "チバ ハナコ"
    assert data.certified_on == date(2005, 4, 1)
    assert data.established_on == date(2005, 5, 10)
    assert data.purpose == "この法人は、子どもの食の支援を行い、\n地域福祉の増進に寄与することを目的とする。"
    assert data.fields == [1, 13, 20]
    assert data.status == "活動中"
    assert data.notes == (
        "認定: 2020-04-01〜2025-03-31\n"
        "従たる事務所: 千葉県船橋市本町1-1 / 東京都江戸川区中央1-2\n"
        "NPOポータル: https://www.npo-homepage.go.jp/npoportal/detail/012000001"
    )
    # untouched by the portal
    assert (data.phone, data.fax, data.email, data.website, data.tags) == ("", "", "", "", "")
    assert data.member_count is None
    assert row.provided_fields == frozenset(
        {
            "name",
            "kana",
            "legal_form",
            "corporate_number",
            "municipality_code",
            "municipality_name",
            "postal_code",
            "address",
            "representative",
            "representative_kana",
            "purpose",
            "certified_on",
            "established_on",
            "fields",
            "nintei_expires_on",
            "business_year_end",
        }
    )
    assert data.nintei_expires_on == date(2025, 3, 31) and data.business_year_end == ""


def test_a_portal_row_fills_the_business_year_end_and_the_nintei_expiry() -> None:
    row = mapped(good(**{"事業年度開始日": "04/01", "事業年度終了日": "０３／３１"}))
    assert row.ok and row.data is not None
    assert row.data.business_year_end == "03-31"
    assert row.data.nintei_expires_on == date(2025, 3, 31)
    december = mapped(good(**{"事業年度終了日": "12/31", "認定（認定満了日）": "2027/06/30"}))
    assert december.data is not None
    assert (december.data.business_year_end, december.data.nintei_expires_on) == ("12-31", date(2027, 6, 30))
    # a cancelled 認定 has nothing to renew; its period stays in 備考
    cancelled = mapped(good(**{"認定（認定取消日）": "2023/01/10"}))
    assert cancelled.data is not None and cancelled.data.nintei_expires_on is None
    assert "認定取消: 2023-01-10" in cancelled.data.notes


def test_a_bad_business_year_end_is_a_problem_of_its_column() -> None:
    row = mapped(good(**{"事業年度終了日": "13/40"}), n=4)
    assert row.data is None
    assert [(p.row_number, p.column, p.field) for p in row.problems] == [
        (4, "事業年度終了日", "business_year_end")
    ]
    assert "事業年度終了日" in row.problems[0].message
    bad_day = mapped(good(**{"認定（認定満了日）": "2025/02/30"}), n=5)
    assert [(p.column, p.field) for p in bad_day.problems] == [("認定（認定満了日）", "nintei_expires_on")]


def test_the_old_layout_has_no_business_year_end() -> None:
    row = mapped(good(OLD_LAYOUT), OLD_LAYOUT)
    assert row.data is not None and row.data.business_year_end == ""
    assert "business_year_end" not in row.provided_fields and "nintei_expires_on" in row.provided_fields


def test_a_good_old_row_maps_what_the_old_layout_has() -> None:
    row = mapped(good(OLD_LAYOUT), OLD_LAYOUT, n=7)
    data = row.data
    assert data is not None and row.row_number == 7
    assert data.name == "特定非営利活動法人 ちば子ども食堂ネット"
    assert (data.kana, data.postal_code, data.representative_kana, data.established_on) == ("", "", "", None)
    assert data.municipality_code == "12203"
    assert data.address == "千葉県市川市八幡2丁目15番10号"
    assert data.certified_on == date(2005, 4, 1)
    assert data.fields == [1, 13, 20]
    assert data.legal_form == "認定特定非営利活動法人"
    assert data.corporate_number == NUMBER
    assert "kana" not in row.provided_fields and "established_on" not in row.provided_fields


def test_legal_form_from_the_nintei_flags_and_the_periods_in_the_notes() -> None:
    plain = mapped(
        good(**{"認定（認定・特例認定１）": "", "認定（認定開始日）": "", "認定（認定満了日）": ""})
    )
    assert plain.data is not None and plain.data.legal_form == "特定非営利活動法人"
    assert not plain.data.notes.startswith("認定")
    tokurei = mapped(
        good(
            **{
                "認定（認定・特例認定１）": "",
                "認定（認定・特例認定２）": "○",
                "認定（認定開始日）": "",
                "認定（認定満了日）": "",
                "認定（特例認定年月日）": "2016/04/01",
                "認定（特例認定満了日）": "2019/03/31",
            }
        )
    )
    assert tokurei.data is not None
    assert tokurei.data.legal_form == "特例認定特定非営利活動法人"
    assert tokurei.data.notes.splitlines()[0] == "特例認定: 2016-04-01〜2019-03-31"
    renewing = mapped(good(**{"認定（認定・特例認定４）": "○", "認定（認定取消日）": "2024/01/31"}))
    assert renewing.data is not None
    assert renewing.data.notes.splitlines()[:3] == [
        "認定: 2020-04-01〜2025-03-31",
        "認定取消: 2024-01-31",
        "認定の更新中",
    ]


def test_portal_notes_format() -> None:
    assert portal_notes() == ""
    assert portal_notes(nintei=(date(2020, 4, 1), None, None)) == "認定: 2020-04-01〜"
    assert portal_notes(dissolution=" 2004年05月18日\n社員総会の決議 ", url="https://x.example.jp/1") == (
        "解散: 2004年05月18日 社員総会の決議\nNPOポータル: https://x.example.jp/1"
    )


def test_dissolved_rows_get_status_kaisan_and_can_be_skipped() -> None:
    info = "2015年03月31日 社員総会の決議（解散）"
    row_cells = good(解散情報=info)
    row = mapped(row_cells)
    assert row.data is not None
    assert row.data.status == "解散"
    assert "解散: 2015年03月31日 社員総会の決議(解散)" in row.data.notes.splitlines()
    assert "status" in row.provided_fields
    assert map_row(CURRENT_LAYOUT, row_cells, 2, prefecture="千葉県", skip_dissolved=True) is None
    assert (
        skip_reason(CURRENT_LAYOUT, row_cells, prefecture="千葉県", skip_dissolved=True)
        is SkipReason.DISSOLVED
    )
    assert skip_reason(CURRENT_LAYOUT, good(), prefecture="千葉県", skip_dissolved=True) is None


def test_prefecture_filter() -> None:
    tokyo = good(所轄庁="東京都", 主たる事務所の所在地="新宿区西新宿2-8-1")
    yokohama = good(所轄庁="横浜市", 主たる事務所の所在地="横浜市中区港町1-1")
    for row_cells in (tokyo, yokohama):
        assert map_row(CURRENT_LAYOUT, row_cells, 2, prefecture="千葉県", skip_dissolved=False) is None
        assert (
            skip_reason(CURRENT_LAYOUT, row_cells, prefecture="千葉県", skip_dissolved=True)
            is SkipReason.OTHER_PREFECTURE
        )
    assert map_row(CURRENT_LAYOUT, yokohama, 2, prefecture="神奈川県", skip_dissolved=False) is not None
    assert map_row(CURRENT_LAYOUT, yokohama, 2, prefecture="神奈川", skip_dissolved=False) is not None
    # Without a filter they are kept, with the prefecture in front and the city as free text.
    t = mapped(tokyo, prefecture=None)
    y = mapped(yokohama, prefecture=None)
    assert t.data is not None and y.data is not None
    assert (t.data.address, t.data.municipality_code, t.data.municipality_name) == (
        "東京都新宿区西新宿2-8-1",
        "",
        "新宿区",
    )
    assert (y.data.address, y.data.municipality_code, y.data.municipality_name) == (
        "神奈川県横浜市中区港町1-1",
        "",
        "横浜市",
    )
    # An unknown 所轄庁 falls back to the address.
    unknown = good(所轄庁="内閣府", 主たる事務所の所在地="千葉県柏市柏1-1")
    assert mapped(unknown).data is not None
    assert map_row(CURRENT_LAYOUT, unknown, 2, prefecture="東京都", skip_dissolved=False) is None


@pytest.mark.parametrize(
    ("authority", "address", "code", "full"),
    [
        ("千葉市", "千葉市中央区中央1-1-1", "12100", "千葉県千葉市中央区中央1-1-1"),
        ("千葉市", "千葉市美浜区ひび野2-4", "12100", "千葉県千葉市美浜区ひび野2-4"),
        ("千葉県", "印旛郡酒々井町中央台4-11", "12322", "千葉県印旛郡酒々井町中央台4-11"),
        ("千葉県", "千葉県山武郡九十九里町片貝1", "12403", "千葉県山武郡九十九里町片貝1"),
        ("千葉県", "鎌ヶ谷市新鎌ヶ谷2-6-1", "12224", "千葉県鎌ヶ谷市新鎌ヶ谷2-6-1"),
        ("千葉県", "鎌ケ谷市初富1", "12224", "千葉県鎌ケ谷市初富1"),
        ("千葉県", "袖ヶ浦市坂戸市場1-1", "12229", "千葉県袖ヶ浦市坂戸市場1-1"),
        ("千葉県", "千葉県 いすみ市 大原7400-1", "12238", "千葉県 いすみ市 大原7400-1"),
    ],
)
def test_municipality_from_the_address(authority: str, address: str, code: str, full: str) -> None:
    row = mapped(good(所轄庁=authority, 主たる事務所の所在地=address))
    assert row.data is not None
    assert row.data.municipality_code == code
    assert row.data.address == full


def test_a_chiba_address_with_no_current_municipality_keeps_its_city_as_free_text() -> None:
    row = mapped(good(主たる事務所の所在地="香取郡小見川町小見川1"))
    assert row.data is not None
    assert (row.data.municipality_code, row.data.municipality_name) == ("", "小見川町")
    # 権限移譲先市町村 fills in when the address says nothing.
    empty = mapped(good(主たる事務所の所在地="", 権限移譲先市町村="市川市"))
    assert empty.data is not None
    assert (empty.data.address, empty.data.municipality_code) == ("", "12203")


def test_bad_values_become_problems_with_the_column_and_row() -> None:
    bad_number = NUMBER[:-1] + str((int(NUMBER[-1]) + 1) % 10)
    row = mapped(
        good(
            法人番号=bad_number,
            主たる事業所の郵便番号="27-21",
            法人設立認証年月日="2005/13/01",
            法人名称="",
        ),
        n=9,
    )
    assert row.data is None and not row.ok
    found = {(p.row_number, p.column) for p in row.problems}
    assert found == {
        (9, "法人名称"),
        (9, "法人番号"),
        (9, "主たる事業所の郵便番号"),
        (9, "法人設立認証年月日"),
    }
    messages = {p.column: p.message for p in row.problems}
    assert messages["法人番号"] == "法人番号のチェックデジットが一致しません"
    assert "7桁" in messages["主たる事業所の郵便番号"]
    assert "日付" in messages["法人設立認証年月日"]


def test_control_characters_and_long_cells_are_reported_not_cleaned(monkeypatch: pytest.MonkeyPatch) -> None:
    row = mapped(good(代表者氏名="千葉\x07花子"), n=4)
    assert row.data is None
    assert [(p.row_number, p.column) for p in row.problems] == [(4, "代表者氏名")]
    assert "U+0007" in row.problems[0].message
    monkeypatch.setattr(portal.mapping, "MAX_CELL_CHARS", 70)  # read where cell_problems is
    long = mapped(good(定款に記載された目的="あ" * 71), n=5)
    assert long.data is None
    assert [(p.row_number, p.column) for p in long.problems] == [(5, "定款に記載された目的")]
    assert "71文字" in long.problems[0].message
    # tab and line breaks inside a multi-line cell are ordinary
    assert mapped(good(定款に記載された目的="一\t二\r\n三")).ok


def test_a_row_with_the_wrong_number_of_columns_is_a_problem() -> None:
    row = map_row(CURRENT_LAYOUT, good()[:59], 12, prefecture="千葉県", skip_dissolved=False)
    assert row is not None and row.data is None
    assert [(p.row_number, p.column) for p in row.problems] == [(12, "")]
    assert "59列" in row.problems[0].message and "60列" in row.problems[0].message
    # never filtered out, even when what is left looks like another prefecture's
    tokyo = ["東京の会", "", "東京都"]
    assert skip_reason(CURRENT_LAYOUT, tokyo, prefecture="千葉県", skip_dissolved=True) is None
    short = map_row(CURRENT_LAYOUT, tokyo, 13, prefecture="千葉県", skip_dissolved=True)
    assert short is not None and short.data is None
