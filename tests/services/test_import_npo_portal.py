"""Reading the NPO portal CSV from disk: encodings, both layouts, filters, row numbers, hostile files."""

from __future__ import annotations

import csv
import io
import time
import tracemalloc
import unicodedata
import zipfile
from datetime import date
from pathlib import Path

import pytest

from kyodo_desktop.domain import npo_portal as portal
from kyodo_desktop.domain.importing import ImportFileError
from kyodo_desktop.domain.npo_portal import CURRENT_LAYOUT, OLD_LAYOUT, NpoLayout
from kyodo_desktop.domain.validation import corporate_number_check_digit
from kyodo_desktop.services import import_npo_portal as reader
from kyodo_desktop.services.import_npo_portal import (
    NpoPortalRead,
    ReadCancelled,
    looks_like_npo_portal,
    read_npo_portal,
)


def corp(body12: str) -> str:
    return f"{corporate_number_check_digit(body12)}{body12}"


def record(layout: NpoLayout, values: dict[str, str]) -> list[str]:
    out = [""] * layout.columns
    for header, value in values.items():
        index = layout.index(header)
        if index is not None:  # the old layout lacks some columns
            out[index] = value
    return out


def mixed_header(layout: NpoLayout) -> list[str]:
    """The header as the portal writes it: full-width digits and brackets in some cells, not all."""
    header = [unicodedata.normalize("NFKC", h) if i % 3 == 0 else h for i, h in enumerate(layout.headers)]
    index = layout.index("活動分野１")
    assert index is not None
    header[index] = "活動分野1"
    header[index + 1] = "活動分野２"
    start = layout.index("認定（認定開始日）")
    assert start is not None
    header[start] = "認定(認定開始日)"
    header[start + 1] = "認定（認定満了日）"
    return header


def write_csv(
    path: Path, header: list[str], rows: list[list[str]], encoding: str = "cp932", raw_tail: bytes = b""
) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding) + raw_tail)
    return path


GOOD_NUMBER = corp("040005001234")
BAD_NUMBER = GOOD_NUMBER[:-1] + str((int(GOOD_NUMBER[-1]) + 1) % 10)

GOOD = {
    "法人名称": "特定非営利活動法人　いちかわ子ども食堂",
    "法人名称カナ": "イチカワコドモショクドウ",
    "所轄庁": "千葉県",
    "主たる事務所の所在地": "市川市八幡２丁目１５番１０号",
    "主たる事業所の郵便番号": "2720021",
    "従たる事務所の所在地": "千葉県船橋市本町1-1\n東京都江戸川区中央1-2",
    "代表者氏名": "市川　一郎",
    "団体代表者名（フリガナ）": "イチカワ　イチロウ",
    "法人設立認証年月日": "1999/02/23",
    "設立年月日": "1999/03/15",
    "定款に記載された目的": "この法人は、子どもの食を支え、\n地域の福祉に寄与することを目的とする。",
    "活動分野１": "○",
    "活動分野２": "○",
    "活動分野１３": "○",
    "認定（認定・特例認定１）": "○",
    "認定（認定開始日）": "2020/04/01",
    "認定（認定満了日）": "2025/03/31",
    "監督情報": "2010年01月01日 報告徴収",
    "法人情報URL": "https://www.npo-homepage.go.jp/npoportal/detail/012000111",
    "法人番号": GOOD_NUMBER,
}


def _org(name: str, authority: str, address: str, **extra: str) -> dict[str, str]:
    return {"法人名称": name, "所轄庁": authority, "主たる事務所の所在地": address, **extra}


# Row numbers as Excel shows them: header = 1, so these are rows 2 … 11.
RECORDS: list[dict[str, str]] = [
    GOOD,  # 2 (its 従たる事務所 and 目的 span several physical lines)
    _org("千葉市の会", "千葉市", "千葉市中央区中央１－１－１", 設立年月日="2001/06/01"),  # 3
    _org("東京の会", "東京都", "新宿区西新宿2-8-1"),  # 4: other prefecture
    _org("横浜の会", "横浜市", "横浜市中区港町1-1"),  # 5: other prefecture (政令市)
    _org("酒々井の会", "千葉県", "印旛郡酒々井町中央台4-11"),  # 6
    _org("かまがやの会", "千葉県", "鎌ヶ谷市新鎌ヶ谷2-6-1"),  # 7
    _org("解散した会", "千葉県", "", 解散情報="2004年05月18日 社員総会の決議"),  # 8
    _org("番号違いの会", "千葉県", "柏市柏1-1", 法人番号=BAD_NUMBER),  # 9
    _org("郵便番号違いの会", "千葉市", "千葉市美浜区ひび野2-4", 主たる事業所の郵便番号="26-1"),  # 10
    _org("解散した東京の会", "東京都", "", 解散情報="2010年01月01日 解散"),  # 11: other prefecture
]


def portal_file(
    tmp_path: Path, layout: NpoLayout = CURRENT_LAYOUT, encoding: str = "cp932", name: str = "gyousei.csv"
) -> Path:
    rows = [record(layout, values) for values in RECORDS]
    return write_csv(tmp_path / name, mixed_header(layout), rows, encoding)


def numbers(read: NpoPortalRead) -> list[int]:
    return [row.row_number for row in read.rows]


# -- both layouts, every field ---------------------------------------------------------------------


def test_current_layout_in_cp932_maps_every_field_and_counts(tmp_path: Path) -> None:
    read = read_npo_portal(portal_file(tmp_path))
    assert (read.layout_name, read.encoding) == (CURRENT_LAYOUT.name, "cp932")
    assert (read.total_records, read.other_prefecture, read.dissolved_skipped) == (10, 3, 0)
    assert numbers(read) == [2, 3, 6, 7, 8, 9, 10]
    first = read.rows[0]
    assert first.ok and first.row_number == 2
    data = first.data
    assert data is not None
    assert data.name == "特定非営利活動法人 いちかわ子ども食堂"
    assert data.kana == "イチカワコドモショクドウ"
    assert data.legal_form == "認定特定非営利活動法人"
    assert data.corporate_number == GOOD_NUMBER
    assert (data.municipality_code, data.municipality_name) == ("12203", "市川市")
    assert data.postal_code == "272-0021"
    assert data.address == "千葉県市川市八幡2丁目15番10号"
    assert data.representative == "市川 一郎"
    assert data.representative_kana == "イチカワ イチロウ"
    assert data.certified_on == date(1999, 2, 23)
    assert data.established_on == date(1999, 3, 15)
    assert data.purpose == "この法人は、子どもの食を支え、\n地域の福祉に寄与することを目的とする。"
    assert data.fields == [1, 2, 13]
    assert data.status == "活動中"
    assert data.notes == (
        "認定: 2020-04-01〜2025-03-31\n"
        "従たる事務所: 千葉県船橋市本町1-1 / 東京都江戸川区中央1-2\n"
        "NPOポータル: https://www.npo-homepage.go.jp/npoportal/detail/012000111"
    )
    assert (data.phone, data.fax, data.email, data.website, data.tags, data.member_count) == (
        "",
        "",
        "",
        "",
        "",
        None,
    )

    by_row = {row.row_number: row for row in read.rows}
    chiba_city = by_row[3].data
    assert chiba_city is not None
    assert chiba_city.address == "千葉県千葉市中央区中央1-1-1"
    assert (chiba_city.municipality_code, chiba_city.municipality_name) == ("12100", "千葉市")
    assert chiba_city.legal_form == "特定非営利活動法人"
    assert chiba_city.established_on == date(2001, 6, 1)
    shisui = by_row[6].data
    assert shisui is not None
    assert (shisui.address, shisui.municipality_code) == ("千葉県印旛郡酒々井町中央台4-11", "12322")
    kamagaya = by_row[7].data
    assert kamagaya is not None
    assert (kamagaya.municipality_code, kamagaya.municipality_name) == ("12224", "鎌ケ谷市")
    dissolved = by_row[8].data
    assert dissolved is not None
    assert (dissolved.status, dissolved.address, dissolved.municipality_code) == ("解散", "", "")
    assert dissolved.notes == "解散: 2004年05月18日 社員総会の決議"

    problems = [(p.row_number, p.column, p.message) for row in read.rows for p in row.problems]
    assert problems == [
        (9, "法人番号", "法人番号のチェックデジットが一致しません"),
        (10, "主たる事業所の郵便番号", "郵便番号は7桁の数字で入力してください（例: 260-8667）"),
    ]
    assert by_row[9].data is None and by_row[10].data is None


def test_old_layout_in_cp932(tmp_path: Path) -> None:
    read = read_npo_portal(portal_file(tmp_path, OLD_LAYOUT))
    assert (read.layout_name, read.encoding) == (OLD_LAYOUT.name, "cp932")
    assert (read.total_records, read.other_prefecture, read.dissolved_skipped) == (10, 3, 0)
    # row 10's bad postal code is in a column the old layout does not have
    assert numbers(read) == [2, 3, 6, 7, 8, 9, 10]
    assert [r.row_number for r in read.rows if not r.ok] == [9]
    data = read.rows[0].data
    assert data is not None
    assert data.name == "特定非営利活動法人 いちかわ子ども食堂"
    assert (data.kana, data.postal_code, data.representative_kana, data.established_on) == ("", "", "", None)
    assert data.legal_form == "認定特定非営利活動法人"
    assert data.corporate_number == GOOD_NUMBER
    assert (data.municipality_code, data.address) == ("12203", "千葉県市川市八幡2丁目15番10号")
    assert data.representative == "市川 一郎"
    assert data.certified_on == date(1999, 2, 23)
    assert data.purpose.startswith("この法人は")
    assert data.fields == [1, 2, 13]
    assert data.notes.splitlines()[0] == "認定: 2020-04-01〜2025-03-31"
    assert read.rows[0].provided_fields.isdisjoint({"kana", "postal_code", "representative_kana"})


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-8"])
def test_utf8_with_and_without_bom_read_the_same(tmp_path: Path, encoding: str) -> None:
    expected = read_npo_portal(portal_file(tmp_path))
    read = read_npo_portal(portal_file(tmp_path, encoding=encoding, name=f"{encoding}.csv"))
    assert read.encoding == encoding
    assert [(r.row_number, r.data, r.problems) for r in read.rows] == [
        (r.row_number, r.data, r.problems) for r in expected.rows
    ]


def test_prefecture_filter_off_and_skip_dissolved(tmp_path: Path) -> None:
    path = portal_file(tmp_path)
    everything = read_npo_portal(path, prefecture=None)
    assert numbers(everything) == list(range(2, 12))
    assert (everything.other_prefecture, everything.dissolved_skipped) == (0, 0)
    by_row = {row.row_number: row.data for row in everything.rows}
    tokyo, yokohama = by_row[4], by_row[5]
    assert tokyo is not None and yokohama is not None
    assert (tokyo.address, tokyo.municipality_code, tokyo.municipality_name) == (
        "東京都新宿区西新宿2-8-1",
        "",
        "新宿区",
    )
    assert (yokohama.address, yokohama.municipality_name) == ("神奈川県横浜市中区港町1-1", "横浜市")

    skipped = read_npo_portal(path, skip_dissolved=True)
    assert numbers(skipped) == [2, 3, 6, 7, 9, 10]
    # the dissolved Tokyo group is counted as another prefecture: the filter comes first
    assert (skipped.total_records, skipped.other_prefecture, skipped.dissolved_skipped) == (10, 3, 1)

    all_active = read_npo_portal(path, prefecture=None, skip_dissolved=True)
    assert numbers(all_active) == [2, 3, 4, 5, 6, 7, 9, 10]
    assert (all_active.other_prefecture, all_active.dissolved_skipped) == (0, 2)

    kanagawa = read_npo_portal(path, prefecture="神奈川")
    assert numbers(kanagawa) == [5]
    assert read_npo_portal(path, prefecture="").total_records == 10  # blank = every prefecture
    with pytest.raises(ImportFileError, match="都道府県名が正しくありません"):
        read_npo_portal(path, prefecture="ちば")


def test_row_numbers_count_records_and_blank_lines_as_excel_does(tmp_path: Path) -> None:
    header = ",".join(mixed_header(CURRENT_LAYOUT))
    good = io.StringIO()
    csv.writer(good, lineterminator="\r\n").writerow(record(CURRENT_LAYOUT, GOOD))
    bad = record(CURRENT_LAYOUT, {**GOOD, "法人番号": BAD_NUMBER})
    bad_line = io.StringIO()
    csv.writer(bad_line, lineterminator="\r\n").writerow(bad)
    text = header + "\r\n" + good.getvalue() + "\r\n" + good.getvalue() + bad_line.getvalue() + "\r\n"
    path = tmp_path / "blank.csv"
    path.write_bytes(text.encode("cp932"))
    read = read_npo_portal(path)
    # row 3 is the blank line; each record spans several physical lines but is one row
    assert numbers(read) == [2, 4, 5]
    assert read.total_records == 3
    assert [p.row_number for r in read.rows for p in r.problems] == [5]


# -- per-row problems ------------------------------------------------------------------------------


def test_row_level_problems_leave_the_other_rows_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(portal.mapping, "MAX_CELL_CHARS", 200)  # read where cell_problems is
    rows = [
        record(CURRENT_LAYOUT, GOOD),  # 2
        ["東京の会", "", "東京都"],  # 3: far too short (and seemingly another prefecture's)
        [*record(CURRENT_LAYOUT, GOOD), "余分"],  # 4: one column too many
        record(CURRENT_LAYOUT, {**GOOD, "定款に記載された目的": "目" * 201}),  # 5: too long
        record(CURRENT_LAYOUT, {**GOOD, "代表者氏名": "市川\x1b一郎"}),  # 6: control character
        record(CURRENT_LAYOUT, GOOD),  # 7
    ]
    path = write_csv(tmp_path / "rows.csv", list(CURRENT_LAYOUT.headers), rows)
    read = read_npo_portal(path)
    assert numbers(read) == [2, 3, 4, 5, 6, 7]
    assert [r.ok for r in read.rows] == [True, False, False, False, False, True]
    problems = [(p.row_number, p.column) for r in read.rows for p in r.problems]
    assert problems == [(3, ""), (4, ""), (5, "定款に記載された目的"), (6, "代表者氏名")]
    messages = [p.message for r in read.rows for p in r.problems]
    assert "3列" in messages[0] and "61列" in messages[1]
    assert "201文字" in messages[2] and "U+001B" in messages[3]


def test_a_control_character_far_into_the_file_is_still_found(tmp_path: Path) -> None:
    # The reader looks for control characters per decoded chunk and checks rows one by one
    # only once a chunk held one; a record well past the first chunk must still be caught.
    good = record(CURRENT_LAYOUT, GOOD)
    bad = record(CURRENT_LAYOUT, {**GOOD, "代表者氏名": "市川\x07一郎"})
    rows = [good] * 700 + [bad] + [good] * 5
    path = write_csv(tmp_path / "late.csv", list(CURRENT_LAYOUT.headers), rows)
    assert path.stat().st_size > 3 * reader._CHUNK
    read = read_npo_portal(path)
    assert [(p.row_number, p.column) for r in read.rows for p in r.problems] == [(702, "代表者氏名")]
    assert "U+0007" in read.rows[700].problems[0].message


# -- files that are not what they claim -----------------------------------------------------------


def test_too_big_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = portal_file(tmp_path)
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 100)
    with pytest.raises(ImportFileError, match=r"ファイルが大きすぎます.*MB までのファイルを読み込めます"):
        read_npo_portal(path)


def test_a_file_that_grows_past_the_limit_while_read_is_stopped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = portal_file(tmp_path)
    size = path.stat().st_size
    real_open = reader._open
    monkeypatch.setattr(reader, "_open", lambda p: (real_open(p)[0], 10))
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", size - 1)
    monkeypatch.setattr(reader, "_CHUNK", 256)
    with pytest.raises(ImportFileError, match="ファイルが大きすぎます"):
        read_npo_portal(path)


def test_too_many_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = portal_file(tmp_path)
    monkeypatch.setattr(reader, "MAX_RECORDS", 9)
    with pytest.raises(ImportFileError, match="行が多すぎます（9 行を超えています）"):
        read_npo_portal(path)
    monkeypatch.setattr(reader, "MAX_RECORDS", 10)
    assert read_npo_portal(path).total_records == 10


def test_zip_excel_pdf_utf16_and_nul_files_are_refused(tmp_path: Path) -> None:
    csv_path = portal_file(tmp_path)
    zipped = tmp_path / "gyousei_000.zip"
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.write(csv_path, "000_AdministrativeInputData_20250101.csv")
    with pytest.raises(ImportFileError, match=r"ZIP 形式のファイルです.*展開して"):
        read_npo_portal(zipped)
    cases = {
        "old.xls": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Excel 97-2003"),
        "doc.pdf": (b"%PDF-1.7\n" + b"x" * 100, "PDF"),
        "utf16.csv": ("法人名称,所轄庁\r\n".encode("utf-16"), "UTF-16"),
        "binary.csv": (b"abc\x00\x01\x02def" * 10, "NUL"),
    }
    for name, (content, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        with pytest.raises(ImportFileError, match=message):
            read_npo_portal(path)


def test_nul_after_the_first_chunk_is_still_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "_CHUNK", 512)
    path = write_csv(
        tmp_path / "nul.csv",
        list(CURRENT_LAYOUT.headers),
        [record(CURRENT_LAYOUT, GOOD)] * 5,
        raw_tail=b"\x00\x00garbage\r\n",
    )
    assert path.stat().st_size > 512
    with pytest.raises(ImportFileError, match="NUL"):
        read_npo_portal(path)


def test_undecodable_bytes(tmp_path: Path) -> None:
    neither = tmp_path / "neither.csv"
    neither.write_bytes(b"\x81\x20\xff\xfe\x81\x20,abc\r\n" * 3)
    with pytest.raises(ImportFileError, match="UTF-8 でも Shift_JIS（cp932）でもありません"):
        read_npo_portal(neither)
    broken = write_csv(
        tmp_path / "broken.csv",
        list(CURRENT_LAYOUT.headers),
        [record(CURRENT_LAYOUT, GOOD)] * 2,
        raw_tail=b"\x81\x20broken\r\n",  # a cp932 lead byte without its trail byte
    )
    with pytest.raises(ImportFileError, match="4 行目付近にShift_JIS（cp932）として読めない文字があります"):
        read_npo_portal(broken)


def test_header_problems(tmp_path: Path) -> None:
    short = write_csv(tmp_path / "short.csv", list(CURRENT_LAYOUT.headers[:59]), [])
    with pytest.raises(ImportFileError, match=r"見出しが一致しません.*見出しは59列です"):
        read_npo_portal(short)
    other = write_csv(
        tmp_path / "list.csv", ["団体名", "電話番号", "住所"], [["みどりの会", "043-223-1111", "千葉市"]]
    )
    with pytest.raises(ImportFileError, match="行政入力情報CSVではありません"):
        read_npo_portal(other)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ImportFileError, match="ファイルが空です"):
        read_npo_portal(empty)
    only_header = write_csv(tmp_path / "header.csv", list(OLD_LAYOUT.headers), [])
    read = read_npo_portal(only_header)
    assert (read.rows, read.total_records, read.layout_name) == ([], 0, OLD_LAYOUT.name)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="ファイルが見つかりません"):
        read_npo_portal(tmp_path / "nothing.csv")
    with pytest.raises(ImportFileError, match="フォルダーです"):
        read_npo_portal(tmp_path)


def test_an_unclosed_quote_ends_in_a_message_not_in_memory_growth(tmp_path: Path) -> None:
    body = "\r\n".join(f"行{i}," * 20 for i in range(3000))  # well over the csv module's 131,072
    path = tmp_path / "quote.csv"
    text = ",".join(CURRENT_LAYOUT.headers) + '\r\n"開いたままの引用符\r\n' + body
    path.write_bytes(text.encode("cp932"))
    with pytest.raises(ImportFileError, match="2 行目付近: セルが長すぎます。引用符"):
        read_npo_portal(path)


def test_an_overlong_physical_line_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_LINE_CHARS", 5000)
    monkeypatch.setattr(reader, "_CHUNK", 1024)
    path = write_csv(
        tmp_path / "line.csv",
        list(CURRENT_LAYOUT.headers),
        [record(CURRENT_LAYOUT, {**GOOD, "定款に記載された目的": "長" * 6000})],
    )
    with pytest.raises(ImportFileError, match="1 行が長すぎます"):
        read_npo_portal(path)


# -- progress -------------------------------------------------------------------------------------


def test_progress_reports_bytes_and_cancel_stops(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "PROGRESS_EVERY", 3)
    monkeypatch.setattr(reader, "_CHUNK", 512)
    path = portal_file(tmp_path)
    size = path.stat().st_size
    calls: list[tuple[int, int]] = []

    def record_calls(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    read_npo_portal(path, progress=record_calls)
    assert len(calls) == 4  # after records 3, 6, 9 and at the end
    assert all(total == size for _done, total in calls)
    assert [done for done, _total in calls] == sorted(done for done, _total in calls)
    assert calls[-1] == (size, size)

    seen: list[int] = []

    def cancel(done: int, total: int) -> bool:
        seen.append(done)
        return False

    with pytest.raises(ReadCancelled, match="取り込みを中止しました。") as info:
        read_npo_portal(path, progress=cancel)
    assert isinstance(info.value, ImportFileError)
    assert len(seen) == 1


# -- scale ----------------------------------------------------------------------------------------


def test_a_large_file_streams_in_bounded_memory(tmp_path: Path) -> None:
    rows = [
        record(
            CURRENT_LAYOUT,
            {**GOOD, "所轄庁": "東京都", "主たる事務所の所在地": f"新宿区西新宿{i}", "法人名称": f"会{i}"},
        )
        for i in range(10_000)
    ]
    path = write_csv(tmp_path / "national.csv", list(CURRENT_LAYOUT.headers), rows)
    size = path.stat().st_size
    assert size > 4_000_000
    del rows
    tracemalloc.start()
    started = time.perf_counter()
    try:
        read = read_npo_portal(path)  # every record is another prefecture: nothing is kept
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 30
    assert (read.total_records, read.other_prefecture, read.rows) == (10_000, 10_000, [])
    assert peak < size / 4


# -- sniffing -------------------------------------------------------------------------------------


def test_looks_like_npo_portal(tmp_path: Path) -> None:
    assert looks_like_npo_portal(portal_file(tmp_path))
    assert looks_like_npo_portal(portal_file(tmp_path, OLD_LAYOUT, "utf-8-sig", "old.csv"))
    other = write_csv(tmp_path / "list.csv", ["団体名", "電話番号"], [])
    assert not looks_like_npo_portal(other)
    assert not looks_like_npo_portal(tmp_path / "missing.csv")
    (tmp_path / "x.zip").write_bytes(b"PK\x03\x04rest")
    assert not looks_like_npo_portal(tmp_path / "x.zip")
