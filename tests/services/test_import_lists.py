"""Tests for reading Excel and CSV lists (services.import_lists), with files built here."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kyodo_desktop.domain.column_mapping import IGNORE, RECORD_ID, mapping_by_header
from kyodo_desktop.domain.importing import ImportFileError, SourceFormat
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.validation import corporate_number_check_digit
from kyodo_desktop.services import import_lists
from kyodo_desktop.services.export_xlsx import HEADERS as EXPORT_HEADERS
from kyodo_desktop.services.export_xlsx import SHEET_TITLE, export_organizations
from kyodo_desktop.services.import_lists import (
    ImportCancelled,
    apply_template,
    convert_table,
    delete_mapping_template,
    list_sheets,
    load_mapping_template,
    read_list,
    read_table,
    save_mapping_template,
    template_names,
)
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.settings import SETTINGS_FILE_NAME
from kyodo_desktop.services.workspace import Workspace


def _corporate_number(n: int) -> str:
    body = f"{n:012d}"
    return f"{corporate_number_check_digit(body)}{body}"


def _wrong_check_digit(number: str) -> str:
    """The same 法人番号 with another check digit (the leading one, always 1–9)."""
    return ("2" if number[0] == "1" else "1") + number[1:]


def _write_xlsx(
    path: Path, rows: Sequence[Sequence[Any]], title: str = "名簿", *, write_only: bool = True
) -> Path:
    """A one-sheet workbook. Write-only ones are quick to build but declare no <dimension>."""
    wb = openpyxl.Workbook(write_only=write_only)
    if write_only:
        ws = wb.create_sheet(title)
    else:
        ws = wb.active
        ws.title = title
    for row in rows:
        ws.append(list(row))
    wb.save(path)
    return path


def _write_csv(path: Path, rows: Sequence[Sequence[str]], encoding: str) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def _rewrite_member(path: Path, member: str, data: bytes) -> None:
    """Replace one part of an .xlsx (zip) with ``data``."""
    with zipfile.ZipFile(path) as archive:
        parts = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, content in parts:
            archive.writestr(info.filename, data if info.filename == member else content)


def _refused(call: Callable[[], object], *needles: str, seconds: float = 2.0) -> ImportFileError:
    """``call`` raises ImportFileError quickly, with a Japanese message containing ``needles``."""
    start = time.monotonic()
    with pytest.raises(ImportFileError) as info:
        call()
    elapsed = time.monotonic() - start
    assert elapsed < seconds, f"took {elapsed:.2f} s"
    message = str(info.value)
    assert re.search(r"[ぁ-んァ-ン一-龥]", message), message
    for needle in needles:
        assert needle in message, message
    return info.value


# -- round trip -------------------------------------------------------------------------------


@pytest.fixture
def exported(ws: Workspace, svc: OrganizationService, tmp_path: Path) -> tuple[Path, list[str]]:
    """Four varied organizations exported as the 団体一覧 workbook."""
    ids = [
        svc.create(
            OrganizationInput(
                name="みどりの森の会",
                kana="みどりのもりのかい",
                legal_form="NPO法人",
                corporate_number=_corporate_number(1),
                municipality_name="千葉市",
                postal_code="2608667",
                address="千葉市中央区市場町1-1",
                phone="0432231111",
                fax="043-223-1112",
                email="info@midori.example.jp",
                website="https://midori.example.jp/about?x=1",
                representative="山田 花子",
                representative_kana="やまだ はなこ",
                status="休止",
                tags="子育て、防災",
                notes="=SUM(A1)\n二行目も",
                established_on=date(2019, 4, 1),
                certified_on=date(2019, 6, 10),
                member_count=42,
                fields=[13, 1],
            )
        ),
        svc.create(OrganizationInput(name="名前だけの会")),
        svc.create(
            OrganizationInput(
                name="港の会",
                municipality_name="東京都港区",
                fields=[5, 6, 19],
                member_count=0,
                tags="+ 国際",
                notes="@メモ",
            )
        ),
        svc.create(
            OrganizationInput(
                name="船橋あおぞらクラブ",
                legal_form="任意団体",
                address="船橋市本町2-10-25",
                phone="047-436-2111",
                status="解散",
                established_on=date(1989, 1, 8),
            )
        ),
    ]
    out = tmp_path / "団体一覧.xlsx"
    assert export_organizations(ws, out) == len(ids)
    return out, ids


class TestRoundTrip:
    """An exported 団体一覧 maps by itself and re-imports as the stored records."""

    def test_export_headers_map_automatically(self, exported: tuple[Path, list[str]]) -> None:
        path, _ = exported
        table, mapping, _ = read_list(path)
        assert table.headers == list(EXPORT_HEADERS)
        by_header = {table.headers[i]: target for i, target in mapping.items()}
        assert by_header == {
            "団体名": "name",
            "フリガナ": "kana",
            "法人格": "legal_form",
            "法人番号": "corporate_number",
            "市町村": "municipality_name",
            "郵便番号": "postal_code",
            "住所": "address",
            "電話番号": "phone",
            "FAX": "fax",
            "メール": "email",
            "ウェブサイト": "website",
            "代表者": "representative",
            "代表者フリガナ": "representative_kana",
            "活動分野": "fields",
            "状態": "status",
            "設立日": "established_on",
            "設立日（和暦）": IGNORE,
            "認証日": "certified_on",
            "会員数": "member_count",
            "登録日": IGNORE,
            "登録日（和暦）": IGNORE,
            "最終接触日": IGNORE,
            "タグ": "tags",
            "備考": "notes",
            "担当職員": "ignore",  # officers are records: the export names them, an import does not set them
            "ID": RECORD_ID,
        }

    def test_every_row_carries_its_id_and_the_stored_data(
        self, exported: tuple[Path, list[str]], svc: OrganizationService
    ) -> None:
        path, ids = exported
        table, _, rows = read_list(path)
        assert (table.sheet, table.format, table.encoding, table.header_row) == (
            SHEET_TITLE,
            SourceFormat.XLSX,
            "",
            1,
        )
        assert table.problems == []
        assert len(rows) == len(ids)
        assert sorted(row.record_id for row in rows) == sorted(ids)
        for row in rows:
            assert row.ok, row.problems
            assert row.sheet == SHEET_TITLE
            stored = svc.get(row.record_id).data
            # The export has no 活動目的 column; everything else comes back exactly.
            assert row.data == dataclasses.replace(stored, purpose="")
            assert "purpose" not in row.provided_fields
            assert {"name", "municipality_code", "fields", "member_count"} <= row.provided_fields

    def test_activity_fields_come_back_as_codes(self, exported: tuple[Path, list[str]]) -> None:
        path, ids = exported
        _, _, rows = read_list(path)
        by_id = {row.record_id: row for row in rows}
        first = by_id[ids[0]].data
        third = by_id[ids[2]].data
        assert first is not None and third is not None
        assert first.fields == [1, 13]
        assert third.fields == [5, 6, 19]

    def test_row_numbers_are_excel_rows(self, exported: tuple[Path, list[str]]) -> None:
        path, ids = exported
        _, _, rows = read_list(path)
        assert [row.row_number for row in rows] == list(range(2, 2 + len(ids)))

    def test_list_sheets(self, exported: tuple[Path, list[str]]) -> None:
        assert list_sheets(exported[0]) == [SHEET_TITLE]


# -- cell values ------------------------------------------------------------------------------


class TestXlsxValues:
    def test_a_title_and_notes_above_the_headers_are_skipped(self, tmp_path: Path) -> None:
        path = _write_xlsx(
            tmp_path / "titled.xlsx",
            [
                ["市民活動団体一覧（令和6年4月1日現在）"],
                ["作成: 市民協働課", None, None, "※ 非公開"],
                [],
                ["団体名", "電話番号", "所在地"],
                ["あおぞらの会", "043-223-1111", "千葉市中央区"],
            ],
        )
        table, mapping, rows = read_list(path)
        assert (table.header_row, table.headers) == (4, ["団体名", "電話番号", "所在地"])
        assert [number for number, _ in table.rows] == [5]
        assert mapping == {0: "name", 1: "phone", 2: "address"}
        assert [(row.row_number, row.ok) for row in rows] == [(5, True)]

    def test_a_title_above_unrecognised_headers_is_skipped(self, tmp_path: Path) -> None:
        path = _write_xlsx(
            tmp_path / "titled.xlsx",
            [["サークル名簿"], ["サークル", "連絡先メモ"], ["そよかぜ", "毎週火曜"]],
        )
        table = read_table(path)
        assert (table.header_row, table.headers) == (2, ["サークル", "連絡先メモ"])
        assert table.rows == [(3, ["そよかぜ", "毎週火曜"])]

    def test_phone_numbers_and_postal_codes_stored_as_numbers_get_their_zeros_back(
        self, tmp_path: Path
    ) -> None:
        # Excel turns 0431234567 typed into a number cell into 431234567, 0010010 into 10010.
        path = _write_xlsx(
            tmp_path / "numbers.xlsx",
            [
                ["団体名", "電話番号", "FAX", "郵便番号"],
                ["固定の会", 431234567, 431234568, 2608667],
                ["携帯の会", 9012345678, None, 10010],
                ["短すぎる会", 12345, None, None],
            ],
        )
        _, _, rows = read_list(path)
        fixed, mobile, short = rows
        assert fixed.ok and fixed.data is not None
        assert (fixed.data.phone, fixed.data.fax, fixed.data.postal_code) == (
            "043-123-4567",
            "043-123-4568",
            "260-8667",
        )
        assert mobile.ok and mobile.data is not None
        assert (mobile.data.phone, mobile.data.postal_code) == ("090-1234-5678", "001-0010")
        assert not short.ok  # not a phone number with or without a 0: still reported
        assert [p.column for p in short.problems] == ["電話番号"]

    def test_header_row_is_the_first_non_empty_row_and_blank_rows_are_skipped(self, tmp_path: Path) -> None:
        path = _write_xlsx(
            tmp_path / "list.xlsx",
            [
                [],
                [None, None],
                ["団体名", "電話", None, "会員数"],
                ["あおぞらの会", "043-223-1111", None, 12],
                [None, "  ", None, None],
                [],
                ["そよかぜの会", None, "右端の列", 3.0],
            ],
        )
        table = read_table(path)
        assert table.header_row == 3
        assert table.headers == ["団体名", "電話", "", "会員数"]
        assert table.rows == [
            (4, ["あおぞらの会", "043-223-1111", "", "12"]),
            (7, ["そよかぜの会", "", "右端の列", "3"]),
        ]

    def test_numbers_dates_and_booleans_become_text(self, tmp_path: Path) -> None:
        path = _write_xlsx(
            tmp_path / "values.xlsx",
            [
                ["a", "b", "c", "d", "e", "f", "g", "h", "i"],
                [
                    42,
                    42.0,
                    3.5,
                    date(2024, 4, 1),
                    datetime(2024, 4, 1, 9, 30),
                    True,
                    "=1+1",
                    1234567890123,
                    0.1,
                ],
            ],
        )
        # A formula is read by its cached value, which a file never opened in Excel lacks.
        assert read_table(path).rows == [
            (2, ["42", "42", "3.5", "2024-04-01", "2024-04-01 09:30:00", "TRUE", "", "1234567890123", "0.1"]),
        ]

    def test_rows_wider_than_the_header_get_blank_headers(self, tmp_path: Path) -> None:
        path = _write_xlsx(tmp_path / "wide.xlsx", [["団体名"], ["会", None, "x"]])
        table = read_table(path)
        assert table.headers == ["団体名", "", ""]
        _, mapping, rows = read_list(path)
        assert mapping == {0: "name", 1: IGNORE, 2: IGNORE}
        assert [row.ok for row in rows] == [True]

    def test_sheet_choice(self, tmp_path: Path) -> None:
        wb = openpyxl.Workbook()
        first = wb.active
        assert first is not None
        first.title = "表紙"
        first.sheet_state = "hidden"
        first.append(["団体名"])
        first.append(["表紙の会"])
        second = wb.create_sheet("名簿")
        second.append(["名称"])
        second.append(["名簿の会"])
        wb.active = 1
        path = tmp_path / "two.xlsx"
        wb.save(path)
        assert list_sheets(path) == ["表紙", "名簿"]
        assert read_table(path).sheet == "名簿"  # the first visible sheet
        _, _, rows = read_list(path, sheet="表紙")
        assert [(row.sheet, row.data.name if row.data else None) for row in rows] == [("表紙", "表紙の会")]
        _refused(lambda: read_table(path, sheet="ありません"), "ありません", "「表紙」、「名簿」")

    def test_header_only_gives_no_rows_and_an_empty_file_is_refused(self, tmp_path: Path) -> None:
        path = _write_xlsx(tmp_path / "header.xlsx", [["団体名", "電話"]])
        table, _, rows = read_list(path)
        assert (table.headers, table.rows, rows) == (["団体名", "電話"], [], [])
        empty = _write_xlsx(tmp_path / "empty.xlsx", [])
        _refused(lambda: read_table(empty), "データがありません")

    def test_reading_does_not_import_openpyxl_at_module_import(self) -> None:
        code = "import sys, kyodo_desktop.services.import_lists; print('openpyxl' in sys.modules)"
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert result.stdout.strip() == "False"


# -- the big one ------------------------------------------------------------------------------

BIG_HEADERS = [
    "団体名",
    "フリガナ",
    "電話番号",
    "メールアドレス",
    "郵便番号",
    "法人番号",
    "活動分野",
    "設立日",
    "備考",
]
BAD_KINDS = ("phone", "email", "postal", "corporate", "name", "field", "long", "control")
BAD_COLUMN = {
    "phone": "電話番号",
    "email": "メールアドレス",
    "postal": "郵便番号",
    "corporate": "法人番号",
    "name": "団体名",
    "field": "活動分野",
    "long": "備考",
    "control": "備考",
}
BAD_WORDS = {
    "phone": "電話番号",
    "email": "メールアドレス",
    "postal": "郵便番号",
    "corporate": "法人番号",
    "name": "団体名は必須です",
    "field": "活動分野が一覧にありません: 宇宙開発",
    "long": "40,001字",
    "control": "U+0007",
}


# openpyxl cuts cells to Excel's 32,767 characters when writing, so the 40,001-character cell
# is put into the saved file in place of this marker.
LONG_MARKER = "@@LONG-CELL@@"


def _big_rows(count: int, bad_every: int) -> Iterator[tuple[list[Any], str | None]]:
    """``count`` data rows; every ``bad_every``-th is bad in one of BAD_KINDS, in turn."""
    for i in range(count):
        row: list[Any] = [
            f"テスト団体{i:05d}",
            f"てすとだんたい{i:05d}",
            f"043-223-{i % 10000:04d}",
            f"info{i}@example.jp",
            "260-8667",
            _corporate_number(i + 1),
            "保健・医療・福祉、子どもの健全育成",
            date(2000, 1, 1) + timedelta(days=i),
            f"備考{i}",
        ]
        kind = None
        if i % bad_every == bad_every - 1:
            kind = BAD_KINDS[(i // bad_every) % len(BAD_KINDS)]
            column = BIG_HEADERS.index(BAD_COLUMN[kind])
            row[column] = {
                "phone": "12345",
                "email": "info@@example",
                "postal": "26-8667",
                "corporate": _wrong_check_digit(_corporate_number(i + 1)),
                "name": None,
                "field": "まちづくり、宇宙開発",
                "long": LONG_MARKER,
                "control": "ベル_x0007_が鳴る",  # how Excel stores U+0007 in a cell
            }[kind]
        yield row, kind


def test_ten_thousand_rows_with_bad_rows_of_every_kind(tmp_path: Path) -> None:
    count, bad_every = 10_000, 80
    expected_bad: dict[int, str] = {}
    rows: list[list[Any]] = [BIG_HEADERS]
    for i, (cells, kind) in enumerate(_big_rows(count, bad_every)):
        rows.append(cells)
        if kind is not None:
            expected_bad[i + 2] = kind  # Excel row: header is row 1
    # Not write-only: the sheet declares its <dimension>, like a workbook saved by Excel.
    path = _write_xlsx(tmp_path / "big.xlsx", rows, write_only=False)
    member = "xl/worksheets/sheet1.xml"  # openpyxl writes strings inline
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(member)
    assert LONG_MARKER.encode() in xml
    _rewrite_member(path, member, xml.replace(LONG_MARKER.encode(), ("長" * 40_001).encode()))
    assert len(expected_bad) >= 100
    assert set(expected_bad.values()) == set(BAD_KINDS)

    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    # How fast is for benchmarks/bench_import.py (a time limit here failed on a busy machine).
    table, _, result = read_list(path, progress=progress)

    assert len(result) == count
    assert [row.row_number for row in result] == list(range(2, count + 2))
    bad = {row.row_number: row for row in result if not row.ok}
    assert set(bad) == set(expected_bad)
    for number, kind in expected_bad.items():
        problems = bad[number].problems
        assert problems, number
        assert all(p.row_number == number and p.sheet == "名簿" and p.message for p in problems)
        matching = [p for p in problems if p.column == BAD_COLUMN[kind] and BAD_WORDS[kind] in p.message]
        assert matching, (number, kind, problems)
        assert all(p.column == BAD_COLUMN[kind] for p in problems), (number, kind, problems)
    for row in result:
        if row.ok:
            assert row.data is not None and row.data.name.startswith("テスト団体")
            assert row.data.fields == [1, 13]
            assert row.data.phone.startswith("043-223-")
            assert row.data.established_on is not None
    assert {p.row_number for p in table.problems} == {
        n for n, kind in expected_bad.items() if kind in ("long", "control")
    }
    # progress: both passes, every 1,000 rows, ending at the row count
    assert calls[0][0] == 0
    assert len(calls) >= 2 * (count // import_lists.PROGRESS_EVERY)
    assert calls[-1] == (count, count)


# -- CSV --------------------------------------------------------------------------------------

CSV_ROWS = [
    ["団体名", "ﾌﾘｶﾞﾅ", "ＴＥＬ", "Ｅ－ｍａｉｌ", "〒", "活動目的", "分野"],
    [
        "ＮＰＯ法人　はまかぜ",
        "ﾊﾏｶｾﾞ",
        "043-223-1111",
        "info@hamakaze.example.jp",
        "260-8667",
        "海辺の清掃\r\n環境学習",
        "環境の保全",
    ],
    ["", "", "", "", "", "", ""],
    [
        "鎌ヶ谷ひだまりの会",
        "かまがやひだまりのかい",
        "047-445-1141",
        "",
        "",
        "",
        "子どもの健全育成・まちづくり",
    ],
    ["", "", "999", "", "", "", ""],
]


class TestCsv:
    @pytest.mark.parametrize(
        ("encoding", "reported"), [("cp932", "cp932"), ("utf-8-sig", "utf-8-sig"), ("utf-8", "utf-8")]
    )
    def test_encodings(self, tmp_path: Path, encoding: str, reported: str) -> None:
        path = _write_csv(tmp_path / "list.csv", CSV_ROWS, encoding)
        table, mapping, rows = read_list(path)
        assert (table.encoding, table.format, table.sheet) == (reported, SourceFormat.CSV, "")
        assert table.headers == CSV_ROWS[0]
        assert mapping == {
            0: "name",
            1: "kana",
            2: "phone",
            3: "email",
            4: "postal_code",
            5: "purpose",
            6: "fields",
        }
        assert [row.row_number for row in rows] == [2, 4, 5]
        first, second, third = rows
        assert first.ok and first.data is not None
        assert first.data.name == "NPO法人 はまかぜ"
        assert first.data.kana == "ハマカゼ"
        assert first.data.purpose == "海辺の清掃\n環境学習"  # the quoted line break stays, as LF
        assert first.data.fields == [7]
        assert second.ok and second.data is not None
        assert second.data.fields == [3, 13]
        assert second.data.name == "鎌ヶ谷ひだまりの会"
        assert not third.ok
        assert [(p.row_number, p.column, p.sheet) for p in third.problems] == [
            (5, "団体名", ""),
            (5, "ＴＥＬ", ""),
        ]
        assert third.problems[0].describe() == "5 行目「団体名」: 団体名は必須です"

    def test_quoted_line_breaks_do_not_shift_row_numbers(self, tmp_path: Path) -> None:
        rows = [["団体名", "備考"], ["一の会", "a\nb\nc"], ["二の会", "999"], ["", ""], ["三の会", ""]]
        path = _write_csv(tmp_path / "multi.csv", rows, "utf-8")
        table = read_table(path)
        assert [number for number, _ in table.rows] == [2, 3, 5]

    def test_tab_separated_text(self, tmp_path: Path) -> None:
        path = tmp_path / "list.txt"
        path.write_bytes("団体名\t電話\r\nあおぞらの会\t043-223-1111\r\n".encode("cp932"))
        _, mapping, rows = read_list(path)
        assert mapping == {0: "name", 1: "phone"}
        assert rows[0].ok

    def test_control_characters_and_long_cells_are_row_problems(self, tmp_path: Path) -> None:
        rows = [
            ["団体名", "備考"],
            ["一の会", "ベル\x07"],
            ["二の会", "x" * 40_001],
            ["三の会", "タブ\tと\n改行はよい"],
        ]
        path = _write_csv(tmp_path / "bad.csv", rows, "utf-8")
        _, _, result = read_list(path)
        assert [(row.row_number, row.ok) for row in result] == [(2, False), (3, False), (4, True)]
        assert [p.column for p in result[0].problems] == ["備考"]
        assert "U+0007" in result[0].problems[0].message
        assert "40,001字" in result[1].problems[0].message

    def test_a_control_character_in_an_ignored_column_still_stops_its_row(self, tmp_path: Path) -> None:
        path = _write_csv(tmp_path / "bad.csv", [["団体名", "連番"], ["", "\x00"]], "utf-8")
        _, mapping, rows = read_list(path)
        assert mapping == {0: "name", 1: IGNORE}
        assert [(row.row_number, row.data, [p.column for p in row.problems]) for row in rows] == [
            (2, None, ["連番"])
        ]

    def test_undetectable_encoding(self, tmp_path: Path) -> None:
        path = tmp_path / "latin.csv"
        path.write_bytes("団体名\n".encode() + b"\x80\x81\xff\xfe\n")
        _refused(lambda: read_table(path), "文字コード")

    def test_utf16_is_named(self, tmp_path: Path) -> None:
        path = tmp_path / "u16.csv"
        path.write_bytes("団体名\n一の会\n".encode("utf-16"))
        _refused(lambda: read_table(path), "UTF-16")

    def test_a_cell_beyond_the_csv_field_limit(self, tmp_path: Path) -> None:
        path = tmp_path / "huge.csv"
        path.write_text(
            '団体名,備考\n一の会,"' + "x" * (csv.field_size_limit() + 10) + '"\n', encoding="utf-8"
        )
        _refused(lambda: read_table(path), "2 行目", "長すぎるセル")

    def test_an_unclosed_quote_is_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "quote.csv"
        path.write_text('団体名,備考\n一の会,"' + "続く\n" * 50_000, encoding="utf-8")
        _refused(lambda: read_table(path), "引用符")


# -- hostile and wrong files --------------------------------------------------------------------


@pytest.fixture
def small_xlsx(tmp_path: Path) -> Path:
    return _write_xlsx(tmp_path / "small.xlsx", [["団体名"], ["一の会"], ["二の会"]])


BILLION_LAUGHS = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE worksheet [\n<!ENTITY lol "lol">\n'
    + b"".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">\n'.encode()
        for n in range(1, 10)
    )
    + b"]>\n"
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData>'
    b"</worksheet>"
)


class TestHostileFiles:
    def test_a_csv_named_xlsx(self, tmp_path: Path) -> None:
        path = _write_csv(tmp_path / "list.xlsx", CSV_ROWS, "cp932")
        _refused(lambda: read_table(path), "list.xlsx はExcelファイル（.xlsx）ではありません")
        _refused(lambda: list_sheets(path), "Excelファイル（.xlsx）ではありません")

    def test_plain_text_named_xlsx(self, tmp_path: Path) -> None:
        path = tmp_path / "notes.xlsx"
        path.write_text("これはメモです", encoding="utf-8")
        _refused(lambda: read_list(path), "Excelファイル（.xlsx）ではありません")

    def test_old_xls_or_password_protected(self, tmp_path: Path) -> None:
        path = tmp_path / "locked.xlsx"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4096)
        _refused(lambda: read_table(path), "パスワード")
        _refused(lambda: read_table(tmp_path / "old.xls"), ".xls")

    def test_a_zip_that_is_not_a_workbook(self, tmp_path: Path) -> None:
        path = tmp_path / "archive.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("readme.txt", "hello")
        _refused(lambda: read_table(path), "Excelファイルとして読めません")

    def test_a_workbook_named_csv(self, small_xlsx: Path, tmp_path: Path) -> None:
        path = tmp_path / "list.csv"
        path.write_bytes(small_xlsx.read_bytes())
        _refused(lambda: read_table(path), ".xlsx")

    def test_unknown_extension(self, tmp_path: Path) -> None:
        path = tmp_path / "list.pdf"
        path.write_bytes(b"%PDF-1.4")
        _refused(lambda: read_table(path), "取り込めない種類")

    def test_missing_file(self, tmp_path: Path) -> None:
        _refused(lambda: read_table(tmp_path / "none.xlsx"), "開けません")
        _refused(lambda: read_table(tmp_path / "none.csv"), "開けません")

    def test_declared_uncompressed_size_over_the_limit(
        self, small_xlsx: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        declared = sum(info.file_size for info in zipfile.ZipFile(small_xlsx).infolist())
        monkeypatch.setattr(import_lists.limits, "MAX_UNCOMPRESSED_BYTES", declared - 1)
        _refused(lambda: read_table(small_xlsx), "展開すると")
        monkeypatch.setattr(import_lists.limits, "MAX_UNCOMPRESSED_BYTES", declared)
        assert len(read_table(small_xlsx).rows) == 2

    def test_a_csv_over_the_size_limit(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        path = _write_csv(tmp_path / "list.csv", CSV_ROWS, "utf-8")
        monkeypatch.setattr(import_lists.limits, "MAX_UNCOMPRESSED_BYTES", path.stat().st_size - 1)
        _refused(lambda: read_table(path), "大きすぎる")

    def test_a_member_compressed_more_than_100_times(self, small_xlsx: Path) -> None:
        with zipfile.ZipFile(small_xlsx, "a", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("xl/media/zeros.bin", b"\0" * (5 * 1024 * 1024))
        info = zipfile.ZipFile(small_xlsx).getinfo("xl/media/zeros.bin")
        assert info.file_size / info.compress_size > 100
        _refused(lambda: read_table(small_xlsx), "xl/media/zeros.bin", "圧縮率")

    def test_entity_expansion_in_the_sheet(self, small_xlsx: Path) -> None:
        _rewrite_member(small_xlsx, "xl/worksheets/sheet1.xml", BILLION_LAUGHS)
        _refused(lambda: read_table(small_xlsx), "エンティティ")

    def test_without_defusedxml_nothing_is_read(
        self, small_xlsx: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import openpyxl.xml

        monkeypatch.setattr(openpyxl.xml, "DEFUSEDXML", False)
        _refused(lambda: read_table(small_xlsx), "defusedxml")

    def test_too_many_rows_by_the_declared_dimension(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setattr(import_lists.limits, "MAX_ROWS", 50)
        rows = [["団体名"], *([f"会{i}"] for i in range(60))]
        path = _write_xlsx(tmp_path / "many.xlsx", rows, write_only=False)
        assert b'<dimension ref="A1:A61"/>' in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
        read_rows: list[int] = []

        def progress(done: int, total: int) -> bool:
            read_rows.append(done)
            return True

        _refused(lambda: read_table(path, progress=progress), "50 行まで")
        assert read_rows == []  # refused before the first row was read

    def test_too_many_rows_without_a_dimension(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(import_lists.limits, "MAX_ROWS", 50)
        path = _write_xlsx(tmp_path / "many.xlsx", [["団体名"], *([f"会{i}"] for i in range(60))])
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("xl/worksheets/sheet1.xml")
        assert b"<dimension" not in xml  # so the rows themselves are counted
        _refused(lambda: read_table(path), "行数が多すぎる")

    def test_a_far_away_row_is_refused_without_reading_the_gap(
        self, small_xlsx: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        with zipfile.ZipFile(small_xlsx) as archive:
            xml = archive.read("xl/worksheets/sheet1.xml")
        far = b'<row r="2000000"><c r="A2000000" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
        xml = re.sub(rb"<dimension[^>]*/>", b"", xml).replace(b"</sheetData>", far)
        _rewrite_member(small_xlsx, "xl/worksheets/sheet1.xml", xml)
        _refused(lambda: read_table(small_xlsx), "行数が多すぎる", seconds=5)

    def test_too_many_csv_rows(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(import_lists.limits, "MAX_ROWS", 50)
        path = _write_csv(tmp_path / "many.csv", [["団体名"], *([f"会{i}"] for i in range(60))], "utf-8")
        _refused(lambda: read_table(path), "行数が多すぎる")

    def test_too_many_cells(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(import_lists.limits, "MAX_CELLS", 100)
        path = _write_csv(
            tmp_path / "wide.csv",
            [["団体名", *[""] * 30], *([f"会{i}", *["x"] * 30] for i in range(5))],
            "utf-8",
        )
        _refused(lambda: read_table(path), "セルが多すぎる")

    def test_a_broken_sheet(self, small_xlsx: Path) -> None:
        _rewrite_member(small_xlsx, "xl/worksheets/sheet1.xml", b"<worksheet><sheetData><row>")
        _refused(lambda: read_table(small_xlsx), "壊れている")


# -- progress ---------------------------------------------------------------------------------


class TestProgress:
    def test_cancel_while_reading(self, tmp_path: Path) -> None:
        path = _write_csv(tmp_path / "list.csv", [["団体名"], *([f"会{i}"] for i in range(3000))], "utf-8")
        seen: list[int] = []

        def progress(done: int, total: int) -> bool:
            seen.append(done)
            return done < 2000

        with pytest.raises(ImportCancelled, match="取り込みを中止しました。"):
            read_list(path, progress=progress)
        assert seen[-1] == 2000

    def test_cancel_while_checking(self, tmp_path: Path) -> None:
        path = _write_xlsx(tmp_path / "list.xlsx", [["団体名"], *([f"会{i}"] for i in range(1500))])
        table = read_table(path)
        calls: list[tuple[int, int]] = []

        def progress(done: int, total: int) -> bool:
            calls.append((done, total))
            return done == 0

        with pytest.raises(ImportCancelled):
            convert_table(table, {0: "name"}, progress=progress)
        assert calls == [(0, 1500), (1000, 1500)]

    def test_cancel_is_an_import_file_error(self) -> None:
        assert issubclass(ImportCancelled, ImportFileError)


# -- mappings and templates ------------------------------------------------------------------


class TestMappings:
    def test_given_mapping_is_used_and_completed(self, tmp_path: Path) -> None:
        path = _write_csv(
            tmp_path / "list.csv", [["名前", "連絡先", "メモ"], ["一の会", "043-223-1111", "x"]], "utf-8"
        )
        _, mapping, rows = read_list(path, mapping={0: "name", 1: "phone"})
        assert mapping == {0: "name", 1: "phone", 2: IGNORE}
        assert rows[0].ok and rows[0].data is not None
        assert (rows[0].data.phone, rows[0].data.notes) == ("043-223-1111", "")

    def test_no_name_column_is_refused(self, tmp_path: Path) -> None:
        path = _write_csv(tmp_path / "list.csv", [["連絡先"], ["043-223-1111"]], "utf-8")
        _refused(lambda: read_list(path), "団体名")

    def test_a_target_twice_is_refused(self, tmp_path: Path) -> None:
        path = _write_csv(tmp_path / "list.csv", [["団体名", "TEL", "電話"], ["会", "1", "2"]], "utf-8")
        _refused(lambda: read_list(path, mapping={0: "name", 1: "phone", 2: "phone"}), "複数の列")


class TestTemplates:
    def test_save_load_apply(self, tmp_path: Path, data_dir: Path) -> None:
        headers = ["名前", "連絡先", "メモ", "ＴＥＬ"]
        mapping = {0: "name", 1: "phone", 2: IGNORE, 3: IGNORE}
        save_mapping_template(data_dir, "  市民活動 名簿  ", mapping_by_header(headers, mapping))
        assert template_names(data_dir) == ["市民活動 名簿"]
        template = load_mapping_template(data_dir, "市民活動 名簿")
        assert template == {"名前": "name", "連絡先": "phone", "メモ": IGNORE, "ＴＥＬ": IGNORE}
        assert apply_template(headers, template) == mapping
        # next year's file: columns moved, one added, spelled in full width
        assert apply_template(["ＥーＭＡＩＬ", "連絡先", "名 前", "ＴＥＬ", "E-mail"], template) == {
            0: IGNORE,
            1: "phone",
            2: "name",
            3: IGNORE,
            4: "email",
        }
        path = _write_csv(
            tmp_path / "list.csv",
            [["名前", "連絡先", "メモ", "ＴＥＬ"], ["一の会", "043-223-1111", "x", "999"]],
            "utf-8",
        )
        table = read_table(path)
        rows = convert_table(table, apply_template(table.headers, template))
        assert rows[0].ok and rows[0].data is not None and rows[0].data.phone == "043-223-1111"

    def test_templates_live_in_settings_json_beside_other_settings(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True)
        (data_dir / SETTINGS_FILE_NAME).write_text(
            json.dumps({"officers": {"u": {"name": "x"}}}), encoding="utf-8"
        )
        save_mapping_template(data_dir, "B", {"名称": "name"})
        save_mapping_template(data_dir, "A", {"団体名": "name"})
        save_mapping_template(data_dir, "B", {"名前": "name"})  # replaced
        stored = json.loads((data_dir / SETTINGS_FILE_NAME).read_text(encoding="utf-8"))
        assert stored["officers"] == {"u": {"name": "x"}}
        assert stored["import_mappings"] == {"B": {"名前": "name"}, "A": {"団体名": "name"}}
        assert template_names(data_dir) == ["A", "B"]
        delete_mapping_template(data_dir, "B")
        delete_mapping_template(data_dir, "ありません")
        assert template_names(data_dir) == ["A"]

    def test_unknown_template_names_the_known_ones(self, data_dir: Path) -> None:
        _refused(
            lambda: load_mapping_template(data_dir, "なし"), "「なし」", "保存されたテンプレートはありません"
        )
        save_mapping_template(data_dir, "県の名簿", {"団体名": "name"})
        save_mapping_template(data_dir, "市の名簿", {"名称": "name"})
        _refused(
            lambda: load_mapping_template(data_dir, "なし"),
            "「なし」はありません",
            "「市の名簿」、「県の名簿」",
        )

    def test_bad_names_and_targets_are_refused(self, data_dir: Path) -> None:
        _refused(lambda: save_mapping_template(data_dir, "  ", {"団体名": "name"}), "名前")
        _refused(lambda: save_mapping_template(data_dir, "x", {"団体名": "shoe_size"}), "shoe_size")
        assert template_names(data_dir) == []

    def test_damaged_entries_are_skipped(self, data_dir: Path) -> None:
        data_dir.mkdir(parents=True)
        settings = {"import_mappings": {"ok": {"団体名": "name", "x": "gone_field", "y": 3}, "bad": [1, 2]}}
        (data_dir / SETTINGS_FILE_NAME).write_text(json.dumps(settings), encoding="utf-8")
        assert template_names(data_dir) == ["ok"]
        assert load_mapping_template(data_dir, "ok") == {"団体名": "name"}
