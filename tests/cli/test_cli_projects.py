"""``kyodo officers`` and ``kyodo projects``: the lines and the JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from kyodo_desktop.cli import main
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), *args])
    return code, capsys.readouterr().out


def test_officers_add_and_list(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(
        data_dir, capsys, "officers", "add", "山田 太郎", "--section", "県民生活課", "--kana", "やまだ"
    )
    assert code == 0
    officer_id = out.strip()
    assert _run(data_dir, capsys, "officers", "list") == (0, f"{officer_id}\t山田 太郎\t県民生活課\n")


def test_projects_list_and_show(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with Workspace.open(data_dir) as ws:
        org = OrganizationService(ws).create(
            OrganizationInput(name="みどりの会", corporate_number="9234567890123")
        )
        pid = ProjectService(ws).create(
            ProjectInput(
                title="防災講座",
                fiscal_year=2025,
                section="危機管理課",
                form="共催",
                partners=[PartnerInput(org, "協力団体")],
            ),
            stage_on=date(2025, 4, 1),
        )
        ProjectService(ws).create(ProjectInput(title="前年度の事業", fiscal_year=2024, section="危機管理課"))
    code, out = _run(data_dir, capsys, "projects", "list", "--fiscal-year", "2025")
    assert (code, out) == (0, f"{pid}\t2025\t防災講座\t共催\t課題・ニーズの把握\n")
    code, out = _run(data_dir, capsys, "projects", "list", "--json")
    assert [r["title"] for r in json.loads(out)] == ["防災講座", "前年度の事業"]
    code, out = _run(data_dir, capsys, "projects", "show", pid, "--json")
    shown = json.loads(out)
    assert shown["partners"] == [
        {
            "organization_id": org,
            "name": "みどりの会",
            "corporate_number": "9234567890123",
            "role": "協力団体",
        }
    ]
    assert shown["data"]["period_end"] == "2026-03-31"
    code, out = _run(data_dir, capsys, "projects", "show", pid)
    assert code == 0 and "年度: 令和7年度" in out and f"パートナー: {org}\tみどりの会" in out
