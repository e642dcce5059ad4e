"""``kyodo import``: a portal CSV row without its invalid values, an update with nothing ticked,
and a 名称及び住所 cell next to a mapped 住所 column — each checked in the database."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import text

from kyodo_desktop.cli import main
from kyodo_desktop.services.workspace import Workspace

from ..leftover_files import BAD_NUMBER, portal_csv


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _orgs(data_dir: Path, *columns: str) -> dict[str, tuple[object, ...]]:
    with Workspace.open(data_dir, write=False) as ws, ws.engine.connect() as c:
        rows = c.execute(text(f"SELECT name, {', '.join(columns)} FROM organizations ORDER BY name"))
        return {r[0]: tuple(r[1:]) for r in rows}


class TestPortalDropInvalid:
    def test_without_it_the_row_is_an_error(
        self, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = portal_csv(tmp_path / "000_AdministrativeInputData.csv")
        code, out, _err = _run(data_dir, capsys, "import", str(source), "--valid-only")
        assert code == 0
        assert "エラー 1" in out
        assert "特定非営利活動法人番号違いの会" not in _orgs(data_dir, "corporate_number")

    def test_the_row_is_imported_without_the_bad_number_listed_with_its_row(
        self, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        source = portal_csv(tmp_path / "000_AdministrativeInputData.csv")
        code, out, err = _run(data_dir, capsys, "import", str(source), "--drop-invalid")
        assert code == 0, err
        lines = out.splitlines()
        dropped = [line for line in lines if line.startswith("3\t\t法人番号\t")]
        assert len(dropped) == 1 and BAD_NUMBER in dropped[0]
        assert dropped[0].endswith("この値を取り込まずに登録します")
        assert "新規 2" in out and "エラー 0" in out
        orgs = _orgs(data_dir, "corporate_number", "municipality_name", "legal_form")
        assert orgs["特定非営利活動法人番号違いの会"] == ("", "船橋市", "特定非営利活動法人")
        assert orgs["特定非営利活動法人正しい番号の会"][1] == "柏市"


@pytest.fixture
def registered(data_dir: Path) -> str:
    from kyodo_desktop.domain.organization import OrganizationInput
    from kyodo_desktop.services.organizations import OrganizationService

    with Workspace.open(data_dir, write=True) as ws:
        return OrganizationService(ws).create(
            OrganizationInput(name="みどりの会", municipality_name="千葉市", phone="043-111-1111")
        )


class TestUpdateWithNothingTicked:
    """A stored phone differs: shown unticked, so the update writes nothing — 変更なし, not 更新."""

    def test_counted_as_unchanged_in_the_count_line_and_the_summary(
        self, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], registered: str
    ) -> None:
        import openpyxl

        source = tmp_path / "名簿.csv"
        source.write_text("団体名,市町村,電話\nみどりの会,千葉市,043-999-9999\n", encoding="utf-8")
        workbook = tmp_path / "結果.xlsx"
        code, out, err = _run(data_dir, capsys, "import", str(source), "--summary", str(workbook))
        assert code == 0, err
        assert "新規 0、更新 0、変更なし 1" in out
        assert "取り込む変更はありませんでした" in out
        assert _orgs(data_dir, "phone") == {"みどりの会": ("043-111-1111",)}
        wb = openpyxl.load_workbook(workbook, read_only=True)
        try:
            overview = {row[0]: row[1] for row in wb["概要"].iter_rows(values_only=True)}
            details = list(wb["明細"].iter_rows(min_row=2, values_only=True))
        finally:
            wb.close()
        assert (overview["処理: 更新"], overview["処理: 変更なし"]) == (0, 1)
        assert details[0][1] == "変更なし"

    def test_ticked_it_is_an_update(
        self, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], registered: str
    ) -> None:
        source = tmp_path / "名簿.csv"
        source.write_text("団体名,市町村,電話\nみどりの会,千葉市,043-999-9999\n", encoding="utf-8")
        code, out, err = _run(data_dir, capsys, "import", str(source), "--overwrite", "電話番号")
        assert code == 0, err
        assert "新規 0、更新 1、変更なし 0" in out
        assert _orgs(data_dir, "phone") == {
            "みどりの会": ("0439-99-9999",)
        }  # the number as the phone rule spaces it


_NAME_AND_ADDRESS = "契約の相手方の商号又は名称及び住所"


def name_and_address_list(path: Path) -> Path:
    """A 名称及び住所 column next to a 住所 column: blank (row 2), different (3), the same (4)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([_NAME_AND_ADDRESS, "住所"])
    writer.writerow(["みどりの会\n千葉県千葉市中央区1-1", ""])
    writer.writerow(["うみの会\n千葉県銚子市2-2", "千葉県船橋市本町3-3"])
    writer.writerow(["ほしの会\n千葉県市川市4-4", "市川市４－４"])
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def test_a_name_cells_address_fills_a_blank_address_and_a_different_one_is_told(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = name_and_address_list(tmp_path / "契約一覧.csv")
    code, out, err = _run(
        data_dir, capsys, "import", str(source), "--column", "団体名=A", "--column", "住所=B"
    )
    assert code == 0, err
    orgs = _orgs(data_dir, "address", "municipality_name")
    assert orgs["みどりの会"] == ("千葉県千葉市中央区1-1", "千葉市")
    assert orgs["うみの会"] == ("千葉県船橋市本町3-3", "船橋市")  # the mapped column wins
    assert orgs["ほしの会"][0] in ("市川市4-4", "市川市４－４")
    told = [line for line in out.splitlines() if "名称の欄の住所" in line]
    assert len(told) == 1
    assert told[0].startswith(f"3\t\t{_NAME_AND_ADDRESS}\t") and "千葉県銚子市2-2" in told[0]
