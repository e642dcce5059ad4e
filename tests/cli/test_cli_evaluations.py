"""``kyodo evaluations list``: one tab-separated line per evaluation, or JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.domain.evaluation import ItemScore
from kyodo_desktop.domain.project import ProjectInput
from kyodo_desktop.services.evaluation_records import EvaluationInput
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), *args])
    return code, capsys.readouterr().out


def test_evaluations_list_prints_the_totals(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Workspace.open(data_dir) as ws:
        pid = ProjectService(ws).create(
            ProjectInput(title="防災講座", fiscal_year=2025, section="市民協働課"), stage_on=date(2025, 4, 1)
        )
        svc = EvaluationService(ws)
        keys = [item.key for item in svc.latest_templates()[0].template.items]
        admin = svc.save_evaluation(
            EvaluationInput(
                pid, 2025, "最終", "行政", scores=[ItemScore(k, 4) for k in keys[:10]], submit=True
            )
        )
        org = svc.save_evaluation(EvaluationInput(pid, 2024, "中間", "団体", scores=[ItemScore(keys[0], 5)]))
    code, out = _run(data_dir, capsys, "evaluations", "list")
    assert (code, out) == (
        0,
        f"{admin.id}\t{pid}\t2025\t最終\t行政\t40/55\n{org.id}\t{pid}\t2024\t中間\t団体\t5/55\n",
    )
    code, out = _run(data_dir, capsys, "evaluations", "list", "--fiscal-year", "2024", "--json")
    assert code == 0
    assert json.loads(out) == [
        {
            "id": org.id,
            "project_id": pid,
            "fiscal_year": 2024,
            "phase": "中間",
            "side": "団体",
            "total": "5/55",
        }
    ]
    assert _run(data_dir, capsys, "evaluations", "list", "--fiscal-year", "2023") == (0, "")
