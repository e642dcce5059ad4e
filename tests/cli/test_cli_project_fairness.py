"""``kyodo projects fairness``, ``kyodo projects export`` and the project sheets of ``export-xlsx``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kyodo_desktop.cli import main
from kyodo_desktop.services.workspace import Workspace

from ..project_data import SECTION, Built, build


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), *args])
    return code, capsys.readouterr().out


@pytest.fixture
def built(data_dir: Path) -> Built:
    with Workspace.open(data_dir, write=True) as ws:
        return build(ws)


def test_fairness_lines_of_one_year(data_dir: Path, built: Built, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(data_dir, capsys, "projects", "fairness", "--fiscal-year", "2024")
    assert code == 0
    assert out.splitlines() == [
        f"{built.hikari}\t{SECTION}\tひかりネット\t随意契約の理由が未記録（令和6年度）",
        f"{built.midori}\t{SECTION}\tみどりの会\t3年度連続（令和4〜6年度）、予算の50%（令和6年度）",
        f"{built.wakaba}\t{SECTION}\t若葉クラブ\t随意契約の理由が未記録（令和6年度）、応募1者（令和6年度）",
        f"{built.hana}\t環境保全課\t花の会\t予算の100%（令和6年度）",
    ]


def test_fairness_json(data_dir: Path, built: Built, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(data_dir, capsys, "projects", "fairness", "--json")
    assert code == 0
    lines = {(o["section"], o["name"]): o for o in json.loads(out)}
    midori = lines[SECTION, "みどりの会"]
    assert midori["organization_id"] == built.midori
    assert midori["corporate_number"] == "7000012050002"
    assert midori["fiscal_years"] == [2022, 2023, 2024]
    assert midori["consecutive_years"] == 3 and midori["project_count"] == 3
    assert midori["budget_share"] == round(3_000_000 / 10_000_000, 4)
    assert [r["code"] for r in midori["reasons"]] == ["consecutive_years", "budget_share"]
    assert midori["reasons"][0] == {
        "code": "consecutive_years",
        "text": "3年度連続（令和4〜6年度）",
        "fiscal_year": 2024,
    }
    # the draft (9,000,000円) and the trashed project count nowhere
    assert midori["budget"] == 3_000_000 and lines[SECTION, "ひかりネット"]["budget"] == 600_000


def test_fairness_all_lists_lines_without_a_flag(
    data_dir: Path, built: Built, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = data_dir / "settings.json"
    raw = json.loads(settings.read_text(encoding="utf-8")) if settings.exists() else {}
    raw["fairness"] = {"consecutive_years": 5, "share_limit_percent": 100}
    settings.write_text(json.dumps(raw), encoding="utf-8")
    code, out = _run(data_dir, capsys, "projects", "fairness", "--fiscal-year", "2023")
    assert (code, out) == (0, "")  # no run of 5, no share above 100 %, every selection explained
    code, out = _run(data_dir, capsys, "projects", "fairness", "--fiscal-year", "2023", "--all")
    assert sorted(line.split("\t")[2] for line in out.splitlines()) == ["みどりの会", "海辺の会"]
    assert all(line.endswith("\t") for line in out.splitlines())


def test_fairness_on_an_empty_data_folder(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Workspace.open(data_dir, write=True).close()
    assert _run(data_dir, capsys, "projects", "fairness") == (0, "")
    assert _run(data_dir, capsys, "projects", "fairness", "--json") == (0, "[]\n")


def test_project_export_writes_both_sheets(
    data_dir: Path, built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "計画書.xlsx"
    code, text = _run(data_dir, capsys, "projects", "export", built.main_2024, str(out))
    assert code == 0 and "公園の花壇づくり" in text
    book = load_workbook(out)
    assert book.sheetnames == ["事業計画書", "役割分担表"]


def test_project_export_of_an_unknown_id_fails_in_one_line(
    data_dir: Path, built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--data-dir", str(data_dir), "projects", "export", "no-such-id", str(tmp_path / "x.xlsx")])
    assert code == 1
    assert "事業が見つかりません" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_export_xlsx_adds_the_project_sheets(
    data_dir: Path, built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "団体一覧.xlsx"
    assert _run(data_dir, capsys, "export-xlsx", str(out))[0] == 0
    assert load_workbook(out).sheetnames == ["団体一覧", "事業一覧", "公平性チェック"]
    assert _run(data_dir, capsys, "export-xlsx", str(out), "--no-projects")[0] == 0
    assert load_workbook(out).sheetnames == ["団体一覧"]
