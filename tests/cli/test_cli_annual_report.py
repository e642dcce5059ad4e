"""``kyodo export-xlsx OUT --fiscal-year Y [--section 課]``: the 年度レポート from the command line."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from kyodo_desktop.domain.wareki import fiscal_year

YEAR = fiscal_year(date.today()) - 1


def _cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kyodo_desktop.cli", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("annual-cli") / "data"
    result = _cli(folder, "demo", "--orgs", "120", "--projects", "40", "--seed", "4")
    assert result.returncode == 0, result.stderr
    return folder


def test_the_report_of_a_year_and_its_rows_per_sheet(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "令和_report.xlsx"
    result = _cli(demo_dir, "export-xlsx", str(out), "--fiscal-year", str(YEAR))
    assert result.returncode == 0, result.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == [
        "概要",
        "団体一覧",
        "事業一覧",
        "分野別・市町村別",
        "公平性チェック",
        "評価サマリー",
        "引継状況",
    ]
    lines = result.stdout.splitlines()
    assert lines[0].startswith("概要: ") and lines[3].startswith("分野別・市町村別: ")
    assert lines[1] == "団体一覧: 120 行"
    assert lines[2] == f"事業一覧: {wb['事業一覧'].max_row - 1:,} 行"
    assert lines[-1].startswith(f"令和{YEAR - 2018}年度の年度レポートを書き出しました: ")
    assert wb["事業一覧"].oddHeader.right.text == f"令和{YEAR - 2018}年度"


def test_a_section_narrows_and_names_itself_in_the_header(demo_dir: Path, tmp_path: Path) -> None:
    whole, narrowed = tmp_path / "all.xlsx", tmp_path / "one.xlsx"
    assert _cli(demo_dir, "export-xlsx", str(whole), "--fiscal-year", str(YEAR)).returncode == 0
    sections = {
        row[5] for row in openpyxl.load_workbook(whole)["事業一覧"].iter_rows(min_row=2, values_only=True)
    }
    section = sorted(sections)[0]
    result = _cli(demo_dir, "export-xlsx", str(narrowed), "--fiscal-year", str(YEAR), "--section", section)
    assert result.returncode == 0, result.stderr
    wb = openpyxl.load_workbook(narrowed)
    assert {row[5] for row in wb["事業一覧"].iter_rows(min_row=2, values_only=True)} == {section}
    assert wb["引継状況"].oddHeader.right.text == f"令和{YEAR - 2018}年度　{section}"
    assert f"令和{YEAR - 2018}年度　{section}の年度レポートを書き出しました" in result.stdout


def test_an_unknown_section_lists_the_known_ones(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.xlsx"
    result = _cli(demo_dir, "export-xlsx", str(out), "--fiscal-year", str(YEAR), "--section", "存在しない課")
    assert result.returncode == 1
    assert "その課の事業も職員もありません: 存在しない課" in result.stderr
    assert "使われている課: " in result.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--fiscal-year", "2025", "--layout", "一覧"],
            "--fiscal-year（年度レポート）には --layout を指定できません",
        ),
        (
            ["--fiscal-year", "2025", "--municipality", "千葉市", "--with-contacts"],
            "--fiscal-year（年度レポート）には --municipality、--with-contacts を指定できません",
        ),
        (["--section", "健康福祉課"], "--section は --fiscal-year（年度レポート）と一緒に指定してください"),
        (["--fiscal-year", "7"], "--fiscal-year は西暦の年で指定してください"),
    ],
)
def test_usage_errors(demo_dir: Path, tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "x.xlsx"
    result = _cli(demo_dir, "export-xlsx", str(out), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert not out.exists()


def test_the_registry_export_is_unchanged_without_a_year(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "registry.xlsx"
    result = _cli(demo_dir, "export-xlsx", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"120 件を書き出しました: {out}"
    assert openpyxl.load_workbook(out).sheetnames[0] == "団体一覧"
