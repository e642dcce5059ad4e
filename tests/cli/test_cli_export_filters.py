"""``kyodo export-xlsx`` and ``kyodo orgs search`` with the registry's filters (issue 10).

The same options narrow both, by the same rule as the window: the export holds exactly the rows
the search prints, in the same order.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from kyodo_desktop.services.export_xlsx import LIST_COLUMNS


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kyodo_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export-filters") / "data"
    assert _cli(folder, "demo", "--orgs", "400", "--seed", "5").returncode == 0
    return folder


def _ids(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, result.stderr
    return [line.split("\t")[0] for line in result.stdout.splitlines()]


@pytest.mark.parametrize(
    "filters",
    [
        ["--municipality", "千葉市"],
        ["--field", "13", "--status", "活動中"],
        ["--legal-form", "NPO法人", "--municipality", "12204"],
        ["--field", "子どもの健全育成"],
    ],
)
def test_the_export_holds_exactly_the_rows_the_search_finds(
    demo_dir: Path, tmp_path: Path, filters: list[str]
) -> None:
    found = _ids(_cli(demo_dir, "orgs", "search", "", *filters))
    assert 0 < len(found) < 400
    out = tmp_path / "filtered.xlsx"
    result = _cli(demo_dir, "export-xlsx", str(out), *filters)
    assert result.returncode == 0, result.stderr
    assert f"{len(found):,} 件を書き出しました" in result.stdout
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert [row[-1] for row in sheet.iter_rows(min_row=2, values_only=True)] == found


def test_search_text_and_the_list_layout(demo_dir: Path, tmp_path: Path) -> None:
    found = _ids(_cli(demo_dir, "orgs", "search", "会", "--field", "1"))
    out = tmp_path / "一覧.xlsx"
    result = _cli(demo_dir, "export-xlsx", str(out), "--search", "会", "--field", "1", "--layout", "一覧")
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert [c.value for c in sheet[1]] == [h for h, _ in LIST_COLUMNS]
    assert sheet.max_row == len(found) + 1
    assert sheet.page_setup.orientation == "landscape"


def test_chosen_columns(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "名簿.xlsx"
    result = _cli(demo_dir, "export-xlsx", str(out), "--columns", "団体名、市町村,電話番号")
    assert result.returncode == 0, result.stderr
    sheet = openpyxl.load_workbook(out).worksheets[0]
    assert [c.value for c in sheet[1]] == ["団体名", "市町村", "電話番号"]
    assert sheet.max_row == 401


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--municipality", "横浜市"], "--municipality: 千葉県の市町村にありません: 横浜市"),
        (["--field", "99"], "--field: 活動分野は 1〜20 の番号か名称です: 99"),
        (["--legal-form", "株式会社X"], "--legal-form: 法人格が一覧にありません"),
        (["--status", "不明"], "--status: 状態は 活動中・休止・解散 のどれかです: 不明"),
    ],
)
def test_unknown_filter_values_are_usage_errors(demo_dir: Path, args: list[str], message: str) -> None:
    for command in (["orgs", "search", ""], ["export-xlsx", "x.xlsx"]):
        result = _cli(demo_dir, *command, *args)
        assert result.returncode == 2 and message in result.stderr, result.stderr


def test_unknown_columns_are_refused(demo_dir: Path, tmp_path: Path) -> None:
    result = _cli(demo_dir, "export-xlsx", str(tmp_path / "x.xlsx"), "--columns", "団体名,年収")
    assert result.returncode == 1 and "書き出せない列です: 年収" in result.stderr
    assert not (tmp_path / "x.xlsx").exists()


def test_the_status_help_names_every_status() -> None:
    from kyodo_desktop.cli.common import CommandParser
    from kyodo_desktop.cli.filters import add_filter_options
    from kyodo_desktop.domain.fields import OrgStatus

    parser = CommandParser(prog="x")
    add_filter_options(parser, search=False)
    assert f"（{'・'.join(s.value for s in OrgStatus)}）" in parser.format_help()


def test_the_extra_sheets_hold_the_contacts_and_interactions_of_the_filtered_organizations(
    demo_dir: Path, tmp_path: Path
) -> None:
    found = _ids(_cli(demo_dir, "orgs", "search", "", "--municipality", "千葉市"))
    out = tmp_path / "連絡先つき.xlsx"
    result = _cli(
        demo_dir,
        "export-xlsx",
        str(out),
        "--municipality",
        "千葉市",
        "--with-contacts",
        "--with-interactions",
    )
    assert result.returncode == 0, result.stderr
    book = openpyxl.load_workbook(out, read_only=True)
    try:
        assert book.sheetnames == ["団体一覧", "連絡先", "対応記録"]
        for title in ("連絡先", "対応記録"):
            rows = list(book[title].iter_rows(values_only=True))
            assert rows[0][-1] == "団体ID"  # the 全項目 layout names the organization by its ID
            org_ids = [row[-1] for row in rows[1:]]
            assert org_ids and set(org_ids) <= set(found)
    finally:
        book.close()
    assert "--with-contacts" in _cli(demo_dir, "export-xlsx", "--help").stdout
