"""``kyodo import``: NPO portal CSV end to end — problems, summary, dry run, valid-only, re-import."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.domain.npo_portal import CURRENT_HEADERS


def _portal_csv(path: Path, records: list[dict[str, str]]) -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CURRENT_HEADERS)
    for record in records:
        writer.writerow([record.get(h, "") for h in CURRENT_HEADERS])
    path.write_bytes(buf.getvalue().encode("cp932"))
    return path


def _rec(name: str, kana: str, address: str, **extra: str) -> dict[str, str]:
    return {
        CURRENT_HEADERS[0]: name,
        CURRENT_HEADERS[1]: kana,
        CURRENT_HEADERS[2]: extra.pop("shokatsu", "千葉県"),
        CURRENT_HEADERS[4]: address,
        **{CURRENT_HEADERS[int(k[1:])]: v for k, v in extra.items()},
    }


@pytest.fixture
def portal_file(tmp_path: Path) -> Path:
    return _portal_csv(
        tmp_path / "000_AdministrativeInputData_20261101.csv",
        [
            _rec("特定非営利活動法人みどりの森", "ミドリノモリ", "柏市柏1-1-1", c5="277-0005", c12="○"),
            _rec(
                "特定非営利活動法人うみの会",
                "ウミノカイ",
                "千葉市中央区市場町1-1",
                shokatsu="千葉市",
                c5="260-8667",
            ),
            _rec("特定非営利活動法人東京の会", "トウキョウノカイ", "新宿区西新宿2-8-1", shokatsu="東京都"),
            _rec("特定非営利活動法人まちがい", "マチガイ", "船橋市本町1-1", c5="12345"),
        ],
    )


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_dry_run_reports_problems_with_row_numbers_and_writes_nothing(
    data_dir: Path, portal_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(data_dir, capsys, "officer", "確認 職員")
    _run(data_dir, capsys, "orgs", "add", "--name", "既存の会")
    code, out, _ = _run(data_dir, capsys, "import", str(portal_file), "--dry-run")
    assert code == 1  # there is a bad row
    assert "NPOポータルCSV" in out and "他の都道府県 1 件" in out
    problem = next(line for line in out.splitlines() if line.startswith("5\t"))
    assert "郵便番号" in problem
    assert "新規 2、更新 0、変更なし 0、ファイル内重複 0、エラー 1" in out
    assert _run(data_dir, capsys, "orgs", "search", "")[1].count("\n") == 1


def test_errors_write_nothing_unless_valid_only_and_reimport_adds_nothing(
    data_dir: Path, portal_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(data_dir, capsys, "orgs", "add", "--name", "既存の会")
    code, _, err = _run(data_dir, capsys, "import", str(portal_file))
    assert code == 1 and "エラーのある行が 1 行" in err
    assert _run(data_dir, capsys, "orgs", "search", "")[1].count("\n") == 1

    code, out, _ = _run(data_dir, capsys, "import", str(portal_file), "--valid-only")
    assert code == 0 and "取り込みました: 新規 2 件、更新 0 件" in out
    listed = _run(data_dir, capsys, "orgs", "search", "")[1]
    assert "特定非営利活動法人みどりの森" in listed and "特定非営利活動法人うみの会" in listed
    assert "東京の会" not in listed

    backups = sorted((data_dir / "backups").glob("*-pre-import.db"))
    code, out, _ = _run(data_dir, capsys, "import", str(portal_file), "--valid-only")
    assert code == 0 and "取り込む変更はありませんでした（何も書き込んでいません）" in out
    assert _run(data_dir, capsys, "orgs", "search", "")[1].count("\n") == 3
    assert sorted((data_dir / "backups").glob("*-pre-import.db")) == backups


def test_a_file_that_is_not_an_import_source_is_one_clear_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(data_dir, capsys, "orgs", "add", "--name", "既存の会")
    fake = tmp_path / "fake.xlsx"
    fake.write_text("name,phone\n", encoding="utf-8")
    code, out, err = _run(data_dir, capsys, "import", str(fake))
    assert code == 1 and out == "" and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_export_edit_import_round_trip_updates_in_place(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import openpyxl

    _run(data_dir, capsys, "orgs", "add", "--name", "往復の会", "--phone", "043-223-1111")
    _run(data_dir, capsys, "orgs", "add", "--name", "そのままの会")
    out = tmp_path / "団体一覧.xlsx"
    assert _run(data_dir, capsys, "export-xlsx", str(out))[0] == 0
    wb = openpyxl.load_workbook(out)
    sheet = wb["団体一覧"]
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("団体名")].value == "往復の会":
            row[header.index("電話番号")].value = "047-431-1111"
            row[header.index("団体名")].value = "往復の会（改称）"
    wb.save(out)

    code, stdout, err = _run(
        data_dir, capsys, "import", str(out), "--overwrite", "団体名", "--overwrite", "phone"
    )
    assert code == 0, err
    assert "新規 0、更新 1、変更なし 1" in stdout
    listed = _run(data_dir, capsys, "orgs", "search", "")[1].splitlines()
    # names are stored NFKC-normalised: （改称） comes back as (改称)
    assert len(listed) == 2 and any(line.endswith("\t往復の会(改称)") for line in listed)
    org_id = next(line.split("\t")[0] for line in listed if "改称" in line)
    assert "047-431-1111" in _run(data_dir, capsys, "orgs", "show", org_id)[1]


def test_prefecture_defaults_to_the_setting_and_summary_is_saved(
    data_dir: Path, portal_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    import openpyxl

    _run(data_dir, capsys, "orgs", "add", "--name", "既存の会")
    (data_dir / "settings.json").write_text(json.dumps({"prefecture": "東京都"}), encoding="utf-8")
    summary = tmp_path / "確認結果.xlsx"
    code, out, _ = _run(data_dir, capsys, "import", str(portal_file), "--dry-run", "--summary", str(summary))
    assert code == 0  # only the Tokyo row is kept, and it is valid
    assert "新規 1、" in out and "他の都道府県 3 件" in out
    wb = openpyxl.load_workbook(summary, read_only=True)
    sheetnames = set(wb.sheetnames)
    details = list(wb["明細"].iter_rows(values_only=True))
    wb.close()  # a read-only workbook keeps its file open until closed
    assert {"概要", "明細"} <= sheetnames
    assert any("東京の会" in str(cell) for row in details for cell in row)


def test_a_portal_row_fills_the_business_year_end_and_the_nintei_expiry(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sqlite3

    def row(expires: str) -> dict[str, str]:
        # 32 認定の旗, 41 認定（認定満了日）, 53/54 事業年度開始日/終了日
        return _rec(
            "特定非営利活動法人年度の会",
            "ネンドノカイ",
            "柏市柏1-1-1",
            c32="○",
            c41=expires,
            c53="04/01",
            c54="03/31",
        )

    first = _portal_csv(tmp_path / "first.csv", [row("2027/03/31")])
    assert _run(data_dir, capsys, "import", str(first))[0] == 0
    with sqlite3.connect(data_dir / "kyodo.db") as conn:
        stored = conn.execute("SELECT business_year_end, nintei_expires_on FROM organizations").fetchall()
    conn.close()
    assert stored == [("03-31", "2027-03-31")]
    renewed = _portal_csv(tmp_path / "renewed.csv", [row("2032/03/31")])
    assert _run(data_dir, capsys, "import", str(renewed))[0] == 0  # a recorded value is kept by default
    with sqlite3.connect(data_dir / "kyodo.db") as conn:
        assert conn.execute("SELECT nintei_expires_on FROM organizations").fetchall() == [("2027-03-31",)]
    conn.close()
    assert _run(data_dir, capsys, "import", str(renewed), "--overwrite", "認定満了日")[0] == 0
    with sqlite3.connect(data_dir / "kyodo.db") as conn:
        stored = conn.execute("SELECT business_year_end, nintei_expires_on FROM organizations").fetchall()
    conn.close()
    assert stored == [("03-31", "2032-03-31")]
