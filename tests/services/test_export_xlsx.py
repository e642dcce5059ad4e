"""Tests for the Excel export of the registry (services.export_xlsx), read back with openpyxl."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet import _writer as openpyxl_sheet_writer

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.validation import corporate_number_check_digit
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.persistence import sqlite_file
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services import export_xlsx
from kyodo_desktop.services.export_xlsx import ExportCancelled, export_organizations
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

EXPECTED_HEADERS = [
    "団体名",
    "フリガナ",
    "法人格",
    "法人番号",
    "市町村",
    "郵便番号",
    "住所",
    "電話番号",
    "FAX",
    "メール",
    "ウェブサイト",
    "代表者",
    "代表者フリガナ",
    "活動分野",
    "状態",
    "設立日",
    "設立日（和暦）",
    "認証日",
    "会員数",
    "登録日",
    "登録日（和暦）",
    "最終接触日",
    "タグ",
    "備考",
    "担当職員",
    "ID",
]
COL = {header: index for index, header in enumerate(EXPECTED_HEADERS)}
CORPORATE_NUMBER = f"{corporate_number_check_digit('000000000001')}000000000001"


def _open_sheet(path: Path) -> Any:
    return openpyxl.load_workbook(path)[export_xlsx.SHEET_TITLE]


def _rows(path: Path) -> list[tuple[Any, ...]]:
    """Data rows (header skipped), as cells."""
    return list(_open_sheet(path).iter_rows(min_row=2))


def _sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml").decode("utf-8")


def _row_of(path: Path, org_id: str) -> tuple[Any, ...]:
    matches = [row for row in _rows(path) if row[COL["ID"]].value == org_id]
    assert len(matches) == 1, matches
    return matches[0]


def _set_column(ws: Workspace, org_id: str, column: str, value: Any) -> None:
    """Store a value the validating service would never write (old or imported data)."""
    with sqlite_file.connection(ws.db_path) as conn:
        conn.execute(f"UPDATE organizations SET {column} = ? WHERE id = ?", (value, org_id))
        conn.commit()


@pytest.fixture
def full_org(svc: OrganizationService) -> str:
    return svc.create(
        OrganizationInput(
            name="みどりの森の会",
            kana="みどりのもりのかい",
            legal_form="NPO法人",
            corporate_number=CORPORATE_NUMBER,
            municipality_name="千葉市",
            postal_code="0600001",
            address="千葉市中央区本町1-1-1",
            phone="0432231111",
            fax="043-223-1112",
            email="info@midori.example.jp",
            website="https://midori.example.jp",
            representative="山田 花子",
            representative_kana="ヤマダ ハナコ",
            status="活動中",
            tags="子育て、防災",
            notes="定例会は毎月第2土曜",
            established_on=date(2024, 4, 1),
            certified_on=date(2024, 6, 10),
            member_count=42,
            fields=[13, 1],
        )
    )


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "export"
    folder.mkdir()
    return folder / "団体一覧.xlsx"


class TestSheet:
    """Sheet layout: title, header row, styles, frozen header, filter."""

    def test_sheet_name_and_exact_header_row(self, ws: Workspace, full_org: str, out: Path) -> None:
        assert export_organizations(ws, out) == 1
        wb = openpyxl.load_workbook(out)
        assert wb.sheetnames == ["団体一覧"]
        header = [cell.value for cell in next(wb["団体一覧"].iter_rows(max_row=1))]
        assert header == EXPECTED_HEADERS

    def test_header_is_bold_filled_frozen_and_filtered(self, ws: Workspace, full_org: str, out: Path) -> None:
        export_organizations(ws, out)
        sheet = _open_sheet(out)
        first = sheet["A1"]
        assert first.font.b
        assert first.fill.fill_type == "solid"
        assert first.fill.fgColor.rgb.endswith("DDEBF7")
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == "A1:Z2"  # 26 columns, 担当職員 before the ID

    def test_japanese_font_everywhere_and_column_widths(
        self, ws: Workspace, full_org: str, out: Path
    ) -> None:
        export_organizations(ws, out)
        sheet = _open_sheet(out)
        assert sheet["A1"].font.name == "Yu Gothic"
        assert {cell.font.name for cell in sheet[2]} == {"Yu Gothic"}
        wb = openpyxl.load_workbook(out)
        assert wb._named_styles["Normal"].font.name == "Yu Gothic"
        assert sheet.column_dimensions["A"].width == 36
        assert sheet.column_dimensions["Z"].width == 38  # the ID, last

    def test_empty_registry_gives_header_only(self, ws: Workspace, out: Path) -> None:
        assert export_organizations(ws, out) == 0
        sheet = _open_sheet(out)
        assert sheet.max_row == 1
        assert sheet.auto_filter.ref == "A1:Z1"


class TestRows:
    """One row per organization not in the trash, with typed, readable values."""

    def test_trashed_organizations_are_left_out_and_rows_ordered_by_kana(
        self, ws: Workspace, svc: OrganizationService, out: Path
    ) -> None:
        ids = {
            name: svc.create(OrganizationInput(name=name, kana=kana))
            for name, kana in (
                ("竹の会", "タケノカイ"),
                ("朝日の会", "アサヒノカイ"),
                ("梅の会", "ウメノカイ"),
            )
        }
        svc.delete(ids["梅の会"])
        assert export_organizations(ws, out) == 2
        rows = _rows(out)
        assert [row[COL["団体名"]].value for row in rows] == ["朝日の会", "竹の会"]
        assert [row[COL["ID"]].value for row in rows] == [ids["朝日の会"], ids["竹の会"]]

    def test_plain_values(self, ws: Workspace, full_org: str, out: Path) -> None:
        export_organizations(ws, out)
        row = [cell.value for cell in _row_of(out, full_org)]
        assert row[COL["団体名"]] == "みどりの森の会"
        assert row[COL["フリガナ"]] == "ミドリノモリノカイ"
        assert row[COL["法人格"]] == "特定非営利活動法人"
        assert row[COL["市町村"]] == "千葉市"
        assert row[COL["住所"]] == "千葉市中央区本町1-1-1"
        assert row[COL["メール"]] == "info@midori.example.jp"
        assert row[COL["代表者"]] == "山田 花子"
        assert row[COL["状態"]] == "活動中"
        assert row[COL["タグ"]] == "子育て, 防災"
        assert row[COL["備考"]] == "定例会は毎月第2土曜"
        assert row[COL["最終接触日"]] is None

    def test_activity_fields_by_short_name(self, ws: Workspace, full_org: str, out: Path) -> None:
        export_organizations(ws, out)
        assert _row_of(out, full_org)[COL["活動分野"]].value == "保健・医療・福祉、子どもの健全育成"

    def test_unknown_activity_field_code_is_kept(self, ws: Workspace, full_org: str, out: Path) -> None:
        _set_column(ws, full_org, "activity_fields", "7,99")
        export_organizations(ws, out)
        assert _row_of(out, full_org)[COL["活動分野"]].value == "環境の保全、99"

    def test_numbers_with_leading_zeros_are_text_cells(self, ws: Workspace, full_org: str, out: Path) -> None:
        export_organizations(ws, out)
        row = _row_of(out, full_org)
        expected = {
            "電話番号": "043-223-1111",
            "FAX": "043-223-1112",
            "郵便番号": "060-0001",
            "法人番号": CORPORATE_NUMBER,
        }
        for header, value in expected.items():
            cell = row[COL[header]]
            assert cell.value == value, header
            assert cell.data_type == "s", header
            assert cell.number_format == "@", header

    def test_phone_without_hyphens_keeps_its_leading_zero(
        self, ws: Workspace, full_org: str, out: Path
    ) -> None:
        _set_column(ws, full_org, "phone", "0432231111")
        export_organizations(ws, out)
        cell = _row_of(out, full_org)[COL["電話番号"]]
        assert (cell.value, cell.data_type) == ("0432231111", "s")

    def test_dates_are_date_cells_with_wareki_beside_them(
        self, ws: Workspace, full_org: str, out: Path
    ) -> None:
        export_organizations(ws, out)
        row = _row_of(out, full_org)
        established = row[COL["設立日"]]
        assert established.value == datetime(2024, 4, 1)
        assert established.is_date
        assert established.number_format == "yyyy-mm-dd"
        assert row[COL["設立日（和暦）"]].value == "令和6年4月1日"
        assert row[COL["認証日"]].value == datetime(2024, 6, 10)
        registered = row[COL["登録日"]]
        assert registered.value == datetime.combine(date.today(), datetime.min.time())
        assert registered.number_format == "yyyy-mm-dd"
        assert row[COL["登録日（和暦）"]].value == to_wareki(date.today())

    def test_member_count_is_a_number(self, ws: Workspace, full_org: str, out: Path) -> None:
        export_organizations(ws, out)
        cell = _row_of(out, full_org)[COL["会員数"]]
        assert (cell.value, cell.data_type) == (42, "n")

    def test_municipality_name_falls_back_to_the_code(self, ws: Workspace, full_org: str, out: Path) -> None:
        _set_column(ws, full_org, "municipality_name", "")
        export_organizations(ws, out)
        assert _row_of(out, full_org)[COL["市町村"]].value == "千葉市"

    def test_unparseable_stored_date_is_kept_as_text(self, ws: Workspace, full_org: str, out: Path) -> None:
        _set_column(ws, full_org, "established_on", "2024年度")
        export_organizations(ws, out)
        row = _row_of(out, full_org)
        assert row[COL["設立日"]].value == "2024年度"
        assert row[COL["設立日（和暦）"]].value is None


class TestFormulaInjection:
    """Text that looks like a formula comes back as the same text, never as a formula."""

    DANGEROUS = ("=1+1", "+81", "-5", "@SUM(A1)", '=HYPERLINK("http://x","y")')

    def test_dangerous_names_and_notes_stay_text(
        self, ws: Workspace, svc: OrganizationService, out: Path
    ) -> None:
        ids = {
            text: svc.create(OrganizationInput(name=text, notes=text), allow_duplicate=True)
            for text in self.DANGEROUS
        }
        export_organizations(ws, out)
        for text, org_id in ids.items():
            row = _row_of(out, org_id)
            for header in ("団体名", "備考"):
                cell = row[COL[header]]
                assert cell.value == text, (header, text)
                assert cell.data_type != "f", (header, text)
                assert cell.data_type == "s", (header, text)
                assert cell.quotePrefix, (header, text)
        assert re.search(r"<f[ >]", _sheet_xml(out)) is None

    def test_tab_cr_and_full_width_starts_stay_text(self, ws: Workspace, full_org: str, out: Path) -> None:
        _set_column(ws, full_org, "notes", "\t=1+1")
        _set_column(ws, full_org, "tags", "＝SUM(A1)")
        _set_column(ws, full_org, "address", "\r-5")
        _set_column(ws, full_org, "phone", "+81-43-223-1111")
        export_organizations(ws, out)
        row = _row_of(out, full_org)
        for header, text in (
            ("備考", "\t=1+1"),
            ("タグ", "＝SUM(A1)"),
            ("住所", "\r-5"),
            ("電話番号", "+81-43-223-1111"),
        ):
            cell = row[COL[header]]
            assert cell.value == text, header
            assert cell.data_type == "s", header
            assert cell.quotePrefix, header
        assert re.search(r"<f[ >]", _sheet_xml(out)) is None

    def test_cell_xml_is_an_inline_string(self, ws: Workspace, svc: OrganizationService, out: Path) -> None:
        svc.create(OrganizationInput(name="=1+1"))
        export_organizations(ws, out)
        xml = _sheet_xml(out)
        cell = re.search(r'<c r="A2"[^>]*>.*?</c>', xml)
        assert cell is not None
        assert 't="inlineStr"' in cell.group(0)
        assert "<t>=1+1</t>" in cell.group(0)

    def test_error_code_text_is_not_an_error_cell(self, ws: Workspace, full_org: str, out: Path) -> None:
        _set_column(ws, full_org, "notes", "#N/A")
        export_organizations(ws, out)
        cell = _row_of(out, full_org)[COL["備考"]]
        assert (cell.value, cell.data_type) == ("#N/A", "s")

    def test_control_characters_are_stripped(self, ws: Workspace, full_org: str, out: Path) -> None:
        _set_column(ws, full_org, "notes", "a\x01b\x1fc\x0bd\ne")
        _set_column(ws, full_org, "name", "\x00=1+1")
        export_organizations(ws, out)
        row = _row_of(out, full_org)
        assert row[COL["備考"]].value == "abcd\ne"
        assert row[COL["団体名"]].value == "=1+1"
        assert row[COL["団体名"]].data_type == "s"

    def test_illegal_character_pattern_matches_openpyxl(self) -> None:
        assert export_xlsx._ILLEGAL_CHARACTERS_RE.pattern == ILLEGAL_CHARACTERS_RE.pattern


class TestAtomicWrite:
    """Temp file beside the target, renamed at the end; nothing half-written under the target."""

    def test_no_temp_file_left(self, ws: Workspace, full_org: str, out: Path) -> None:
        export_organizations(ws, out)
        assert sorted(p.name for p in out.parent.iterdir()) == [out.name]

    def test_replaces_an_existing_file(self, ws: Workspace, full_org: str, out: Path) -> None:
        _old_workbook(out, b"old")
        export_organizations(ws, out)
        assert zipfile.is_zipfile(out)

    def test_progress_reports_start_and_end(self, ws: Workspace, full_org: str, out: Path) -> None:
        calls: list[tuple[int, int]] = []
        export_organizations(ws, out, progress=lambda done, total: calls.append((done, total)) is None)
        assert calls == [(0, 1), (1, 1)]

    @pytest.mark.parametrize("stop_at", [0, 1])
    def test_cancel_raises_and_leaves_the_old_file(
        self, ws: Workspace, full_org: str, out: Path, stop_at: int
    ) -> None:
        _old_workbook(out, b"older export")
        older = out.read_bytes()
        temp_files_before = list(openpyxl_sheet_writer.ALL_TEMP_FILES)

        def progress(done: int, total: int) -> bool:
            return done < stop_at

        with pytest.raises(ExportCancelled) as caught:
            export_organizations(ws, out, progress=progress)
        assert str(caught.value) == "書き出しを中止しました。"
        assert isinstance(caught.value, KnownError)
        assert out.read_bytes() == older
        assert sorted(p.name for p in out.parent.iterdir()) == [out.name]
        assert temp_files_before == openpyxl_sheet_writer.ALL_TEMP_FILES

    def test_cancel_without_an_older_file_leaves_nothing(
        self, ws: Workspace, full_org: str, out: Path
    ) -> None:
        with pytest.raises(ExportCancelled):
            export_organizations(ws, out, progress=lambda done, total: False)
        assert not out.exists()
        assert list(out.parent.iterdir()) == []

    def test_failure_midway_removes_the_temp_file(self, ws: Workspace, full_org: str, out: Path) -> None:
        _old_workbook(out, b"older export")
        older = out.read_bytes()

        def progress(done: int, total: int) -> bool:
            if done:
                raise RuntimeError("boom")
            return True

        with pytest.raises(RuntimeError):
            export_organizations(ws, out, progress=progress)
        assert out.read_bytes() == older
        assert sorted(p.name for p in out.parent.iterdir()) == [out.name]

    def test_missing_folder_is_a_known_error_naming_it(self, ws: Workspace, tmp_path: Path) -> None:
        missing = tmp_path / "nowhere"
        with pytest.raises(KnownError, match=re.escape(str(missing))):
            export_organizations(ws, missing / "団体一覧.xlsx")

    def test_unwritable_folder_is_a_known_error_naming_it(
        self, ws: Workspace, out: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        real_open = Path.open

        def refuse_temp(self: Path, *args: Any, **kwargs: Any) -> Any:
            if self.parent == out.parent:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)

        monkeypatch.setattr(Path, "open", refuse_temp)
        with pytest.raises(KnownError, match=re.escape(str(out.parent))):
            export_organizations(ws, out)

    @pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="needs POSIX permissions, not root")
    def test_read_only_folder_is_a_known_error(self, ws: Workspace, out: Path) -> None:
        out.parent.chmod(0o500)
        try:
            with pytest.raises(KnownError, match="書き込めません"):
                export_organizations(ws, out)
        finally:
            out.parent.chmod(0o700)

    def test_target_that_is_a_folder_is_a_known_error(self, ws: Workspace, out: Path) -> None:
        out.mkdir()
        with pytest.raises(KnownError, match="フォルダ"):
            export_organizations(ws, out)


class TestManyRows:
    """Progress every PROGRESS_EVERY rows, and cancelling in the middle."""

    @pytest.fixture
    def many(self, ws: Workspace) -> Iterator[int]:
        from kyodo_desktop.services import demo

        yield demo.generate(ws, export_xlsx.PROGRESS_EVERY + 100, seed=1)

    def test_progress_every_block_and_cancel_midway(self, ws: Workspace, many: int, out: Path) -> None:
        calls: list[tuple[int, int]] = []
        assert export_organizations(ws, out, progress=lambda d, t: calls.append((d, t)) is None) == many
        assert calls == [(0, many), (export_xlsx.PROGRESS_EVERY, many), (many, many)]

        out.unlink()
        calls.clear()

        def stop_after_first_block(done: int, total: int) -> bool:
            calls.append((done, total))
            return done < export_xlsx.PROGRESS_EVERY

        with pytest.raises(ExportCancelled):
            export_organizations(ws, out, progress=stop_after_first_block)
        assert calls == [(0, many), (export_xlsx.PROGRESS_EVERY, many)]
        assert list(out.parent.iterdir()) == []


def test_importing_the_module_does_not_import_openpyxl() -> None:
    code = (
        "import sys, kyodo_desktop.services.export_xlsx\n"
        "assert not any(m.startswith('openpyxl') for m in sys.modules), 'openpyxl imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _old_workbook(path: Path, marker: bytes) -> None:
    """An earlier export at ``path`` (any zip counts as a workbook we may replace)."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("marker.txt", marker)


@pytest.mark.parametrize("name", ["kyodo.db", "out.csv", "団体一覧"])
def test_export_refuses_a_target_that_is_not_an_xlsx_name(ws: Workspace, name: str) -> None:
    target = ws.data_dir / name
    before = target.read_bytes() if target.exists() else None
    with pytest.raises(KnownError, match=r"\.xlsx"):
        export_organizations(ws, target)
    assert (target.read_bytes() if target.exists() else None) == before


def test_export_never_overwrites_a_file_that_is_not_a_workbook(ws: Workspace, tmp_path: Path) -> None:
    target = tmp_path / "大事なメモ.xlsx"
    target.write_text("これはExcelではない", encoding="utf-8")
    with pytest.raises(KnownError, match="上書きしません"):
        export_organizations(ws, target)
    assert target.read_text(encoding="utf-8") == "これはExcelではない"


def test_rows_edited_during_the_export_appear_exactly_once(
    ws: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kyodo_desktop.persistence import export_rows as export_rows_module

    svc = OrganizationService(ws)
    ids = [
        svc.create(OrganizationInput(name=f"会{n}", kana=kana))
        for n, kana in enumerate(["アイ", "カキ", "サシ", "タチ"])
    ]
    monkeypatch.setattr(export_rows_module, "PAGE_SIZE", 2)
    with export_rows_module.export_rows(ws.db_path) as (total, rows):
        first = next(rows)
        # another officer renames records while the export runs: アイ → ンン, カキ → ア
        for org_id, kana in ((ids[0], "ンン"), (ids[1], "ア")):
            rec = svc.get(org_id)
            rec.data.kana = kana
            svc.update(org_id, rec.data, expected_version=rec.version)
        rest = list(rows)
    exported = [first[-1], *(r[-1] for r in rest)]
    assert total == 4
    assert sorted(exported) == sorted(ids)
