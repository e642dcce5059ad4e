"""``kyodo evaluations export-form`` and ``import``: the partner's workbook out and back in."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.domain.evaluation_templates import POINTS_FIVE
from kyodo_desktop.services.evaluation_form_layout import ID_SHEET
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.import_undo import list_imports
from kyodo_desktop.services.workspace import Workspace

from ..evaluation_forms import fill
from ..services.test_evaluation_form_import import make_project


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


def _identity(path: Path) -> dict[str, str]:
    ws = openpyxl.load_workbook(path)[ID_SHEET]
    return {ws.cell(row=r, column=1).value: ws.cell(row=r, column=2).value for r in range(1, ws.max_row + 1)}


def test_export_fill_import_and_import_again(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workspace.open(data_dir) as ws:
        pid = make_project(ws)
    form = tmp_path / "評価シート.xlsx"
    code, out, err = _run(data_dir, capsys, "evaluations", "export-form", pid, str(form))
    assert (code, out, err) == (0, f"評価シート（団体用）を書き出しました: {form}\n", "")
    ident = _identity(form)
    assert (ident["side"], ident["fiscal_year"], ident["phase"]) == ("団体", "2025", "最終")
    fill(form, POINTS_FIVE, scores={item.key: 4 for item in POINTS_FIVE.items}, results=["延べ480人"])
    code, out, err = _run(data_dir, capsys, "evaluations", "import", str(form))
    assert code == 0, err
    with Workspace.open(data_dir, write=False) as ws:
        (stored,) = EvaluationService(ws).evaluations_of_project(pid)
        (history,) = list_imports(ws)
    assert out == f"{stored.id}\t{pid}\t2025\t最終\t団体\t44/55\n"
    assert f"取り込みID {history.import_id}" in err and history.source_name == form.name
    assert stored.evaluator_name == "佐藤 花子" and stored.submitted

    code, out, err = _run(data_dir, capsys, "evaluations", "import", str(form))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"kyodo: エラー: {form.name} は評価シートとして取り込めません。",
        "この評価シート（Excel）は既に取り込まれています。同じファイルは二度取り込めません。",
    ]

    # one import like the others: listed, and undone with the evaluation removed
    code, out, _ = _run(data_dir, capsys, "imports", "list")
    assert code == 0 and out.splitlines()[-1].split("\t")[::2] == [history.import_id, form.name, "0"]
    code, out, err = _run(data_dir, capsys, "imports", "undo", history.import_id)
    assert code == 0, err
    with Workspace.open(data_dir, write=False) as ws:
        assert EvaluationService(ws).evaluations_of_project(pid) == []
    assert _run(data_dir, capsys, "evaluations", "import", str(form))[0] == 0


def test_a_third_party_form_and_a_refusal_with_every_problem(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Workspace.open(data_dir) as ws:
        pid = make_project(ws)
    form = tmp_path / "third.xlsx"
    args = ("--side", "第三者", "--fiscal-year", "2024", "--phase", "中間")
    assert _run(data_dir, capsys, "evaluations", "export-form", pid, str(form), *args)[0] == 0
    ident = _identity(form)
    assert (ident["side"], ident["fiscal_year"], ident["phase"]) == ("第三者", "2024", "中間")
    fill(form, POINTS_FIVE, scores={"p1": 9, "p2": 0}, name="")
    code, out, err = _run(data_dir, capsys, "evaluations", "import", str(form))
    lines = err.splitlines()
    assert (code, out, len(lines)) == (1, "", 4), err
    assert lines[0] == f"kyodo: エラー: {form.name} は評価シートとして取り込めません。"
    assert lines[1].endswith(": 9") and lines[2].endswith(": 0") and "記入者名を入力してください" in lines[3]
    with Workspace.open(data_dir, write=False) as ws:
        assert EvaluationService(ws).evaluations_of_project(pid) == []


def test_export_form_refusals(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Workspace.open(data_dir) as ws:
        make_project(ws)
    code, out, err = _run(data_dir, capsys, "evaluations", "export-form", "no-such", str(tmp_path / "a.xlsx"))
    assert (code, out) == (1, "") and "事業が見つかりません" in err
    assert _run(data_dir, capsys, "evaluations", "export-form", "x", "a.xlsx", "--side", "行政")[0] == 2
    code, _, err = _run(data_dir, capsys, "evaluations", "import", str(tmp_path))
    assert code == 1 and "フォルダです" in err
