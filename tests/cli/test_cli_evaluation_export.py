"""``kyodo evaluations export PROJECT_ID OUT.xlsx``: the evaluation sheet, or one Japanese line."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from kyodo_desktop.cli import main
from kyodo_desktop.services.evaluation_sheet_form import GAP_MARK
from kyodo_desktop.services.workspace import Workspace

from ..evaluation_data import TITLE, build


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_writes_the_evaluation_sheet(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workspace.open(data_dir) as ws:
        pid = build(ws).project_id
    out = tmp_path / "評価シート.xlsx"
    code, stdout, err = _run(data_dir, capsys, "evaluations", "export", pid, str(out))
    assert (code, err) == (0, "")
    assert stdout == f"事業「{TITLE}」の評価シートを書き出しました: {out}\n"
    wb = load_workbook(out)
    assert wb.sheetnames == ["令和6年度最終", "令和7年度中間"]
    assert sum(GAP_MARK in [c.value for c in row] for row in wb["令和6年度最終"].iter_rows()) == 2


def test_export_of_an_unknown_project_is_one_line_and_exit_1(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workspace.open(data_dir):
        pass
    out = tmp_path / "x.xlsx"
    code, stdout, err = _run(data_dir, capsys, "evaluations", "export", "no-such-project", str(out))
    assert (code, stdout) == (1, "")
    assert err == "kyodo: エラー: 事業が見つかりません: no-such-project\n"
    assert not out.exists()
    code, _, err = _run(data_dir, capsys, "evaluations", "export", "--help")
    assert code == 0


def test_export_needs_an_xlsx_name(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workspace.open(data_dir) as ws:
        pid = build(ws).project_id
    code, _, err = _run(data_dir, capsys, "evaluations", "export", pid, str(tmp_path / "x.csv"))
    assert code == 1 and ".xlsx" in err and err.count("\n") == 1
