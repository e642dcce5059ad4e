"""The one import pipeline: one list of suffixes, one read per import, mapping by proposal,
template or explicitly, and the same plan as the step-by-step calls the wizard makes."""

from __future__ import annotations

import csv
import io
import pathlib
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from kyodo_desktop.domain.column_mapping import ORGANIZATIONS
from kyodo_desktop.domain.importing import ACCEPTED_SUFFIXES, ImportFileError, SourceFormat
from kyodo_desktop.domain.npo_portal import CURRENT_HEADERS
from kyodo_desktop.services import import_lists
from kyodo_desktop.services.import_pipeline import (
    choose_mapping,
    convert_rows,
    detect_format,
    file_patterns,
    plan,
    prepare_import,
    read_source,
)
from kyodo_desktop.services.workspace import Workspace


def _xlsx(path: Path) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    sheet.title = "名簿"
    sheet.append(["団体一覧（令和6年4月1日現在）"])  # a title above the header row
    sheet.append(["なまえ", "TEL", "メモ"])
    sheet.append(["パイプラインの会", "043-223-1111", "一行目"])
    sheet.append(["パイプラインの誤り", "でんわ", ""])
    wb.save(path)
    return path


def _portal(path: Path) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CURRENT_HEADERS)
    for name, authority, address in (
        ("特定非営利活動法人パイプの森", "千葉県", "柏市柏1-1-1"),
        ("特定非営利活動法人パイプの都", "東京都", "新宿区西新宿2-8-1"),
    ):
        values = {0: name, 1: "パイプノモリ", 2: authority, 4: address, 5: "277-0005"}
        writer.writerow([values.get(i, "") for i in range(len(CURRENT_HEADERS))])
    path.write_bytes(buf.getvalue().encode("cp932"))
    return path


def _csv_list(path: Path) -> Path:
    path.write_text("団体名,電話\nCSVの会,043-223-2222\n", encoding="utf-8")
    return path


@pytest.fixture
def opens(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often each file was opened, through pathlib or open()."""
    counted: dict[str, int] = {}
    real_path_open = pathlib.Path.open

    def path_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        counted[self.name] = counted.get(self.name, 0) + 1
        return real_path_open(self, *args, **kwargs)

    real_open = open

    def builtin_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(file, str | Path):
            name = Path(file).name
            counted[name] = counted.get(name, 0) + 1
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "open", path_open)
    monkeypatch.setattr("builtins.open", builtin_open)
    return counted


def _summary(planned: Any) -> list[tuple[Any, ...]]:
    return [
        (r.row.row_number, r.action, r.row.data, r.row.problems, r.match_id, r.changes, r.duplicate_of_row)
        for r in planned.rows
    ]


class TestFormats:
    def test_one_list_of_suffixes_and_the_same_refusal_everywhere(
        self, tmp_path: Path, ws: Workspace
    ) -> None:
        assert file_patterns() == " ".join(f"*{s}" for s in ACCEPTED_SUFFIXES)
        pdf = tmp_path / "list.pdf"
        pdf.write_bytes(b"%PDF-1.4\n")
        messages = set()
        for call in (
            lambda: detect_format(pdf),
            lambda: read_source(pdf),
            lambda: read_source(pdf, format=SourceFormat.NPO_PORTAL),
            lambda: import_lists.read_table(pdf),
            lambda: prepare_import(ws, pdf),
        ):
            with pytest.raises(ImportFileError) as caught:
                call()
            messages.add(str(caught.value))
        assert messages == {
            "list.pdf は取り込めない種類のファイルです。.xlsx か .csv のファイルを選んでください。"
        }
        with pytest.raises(ImportFileError, match=r"古い形式のExcelファイル（\.xls）"):
            detect_format(tmp_path / "old.xls")

    def test_detects_xlsx_list_csv_and_portal_csv(self, tmp_path: Path) -> None:
        assert detect_format(_xlsx(tmp_path / "a.xlsm")) is SourceFormat.XLSX
        assert detect_format(_csv_list(tmp_path / "b.csv")) is SourceFormat.CSV
        assert detect_format(_portal(tmp_path / "c.csv")) is SourceFormat.NPO_PORTAL
        assert detect_format(tmp_path / "missing.txt") is SourceFormat.CSV  # its reader says why


class TestReadOnce:
    def test_an_xlsx_with_a_template_is_opened_once(
        self, tmp_path: Path, ws: Workspace, opens: dict[str, int]
    ) -> None:
        path = _xlsx(tmp_path / "list.xlsx")
        import_lists.save_mapping_template(
            ws.data_dir, "名簿", {"なまえ": "name", "TEL": "phone", "メモ": "notes"}
        )
        opens.clear()
        prepared = prepare_import(ws, path, template_name="名簿")
        assert opens.get("list.xlsx") == 1
        assert prepared.mapping == {0: "name", 1: "phone", 2: "notes"}
        assert [r.action.value for r in prepared.plan.rows] == ["新規", "エラー"]
        assert prepared.plan.rows[0].row.row_number == 3  # the header row was found below the title

    @pytest.mark.parametrize("maker", [_portal, _csv_list])
    def test_a_csv_is_detected_and_read_from_one_open(
        self, tmp_path: Path, ws: Workspace, opens: dict[str, int], maker: Any
    ) -> None:
        path = maker(tmp_path / "file.csv")
        opens.clear()
        prepared = prepare_import(ws, path)
        assert opens.get("file.csv") == 1
        assert prepared.source.format is (SourceFormat.NPO_PORTAL if maker is _portal else SourceFormat.CSV)
        assert prepared.plan.count(prepared.plan.rows[0].action) >= 1


class TestMapping:
    def test_explicit_wins_over_template_which_wins_over_the_proposal(self, tmp_path: Path) -> None:
        source = read_source(_xlsx(tmp_path / "list.xlsx"))
        assert source.needs_mapping and source.kind is ORGANIZATIONS
        assert choose_mapping(source) == {0: "ignore", 1: "phone", 2: "notes"}  # なまえ is no synonym
        assert choose_mapping(source, template={"なまえ": "name"}) == {0: "name", 1: "phone", 2: "notes"}
        assert choose_mapping(source, mapping={0: "name"}, template={"TEL": "fax"}) == {
            0: "name",
            1: "ignore",
            2: "ignore",
        }
        with pytest.raises(ImportFileError, match="「団体名」に割り当てた列がありません"):
            convert_rows(source)

    def test_step_by_step_gives_the_plan_of_prepare_import(self, tmp_path: Path, ws: Workspace) -> None:
        path = _portal(tmp_path / "portal.csv")
        whole = prepare_import(ws, path, prefecture="千葉県")
        source = read_source(path, format=detect_format(path), prefecture="千葉県")
        assert source.portal is not None and source.portal.other_prefecture == 1
        assert choose_mapping(source) == {}
        assert _summary(plan(ws, source)) == _summary(whole.plan)
