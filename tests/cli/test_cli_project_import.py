"""``kyodo projects import``: a synthetic list with every quirk, driven through the CLI, then the data."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from kyodo_desktop.cli import main
from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.persistence.models import AuditEntry, Organization, Project
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.workspace import Workspace

from ..past_project_list import FIRST_ROW, REGISTERED, write_list


def _run(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), *args])
    return code, capsys.readouterr().out


@pytest.fixture
def registered(data_dir: Path) -> str:
    with Workspace.open(data_dir) as ws:
        return OrganizationService(ws).create(
            OrganizationInput(
                name=REGISTERED[0], corporate_number=REGISTERED[1], address="千葉市中央区中央1-1"
            )
        )


def _state(data_dir: Path) -> tuple[int, int, int]:
    with Workspace.open(data_dir, write=False) as ws, ws.session_factory() as s:
        return (
            s.scalar(select(func.count()).select_from(Project)) or 0,
            s.scalar(select(func.count()).select_from(Organization)) or 0,
            s.scalar(select(func.count()).select_from(AuditEntry)) or 0,
        )


def test_every_quirk_imported_twice_then_undone(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], registered: str
) -> None:
    listed = write_list(tmp_path / "随意契約一覧.xlsx")
    before = _state(data_dir)
    # the unit price is no amount: reported with its row, nothing written
    code, out = _run(data_dir, capsys, "projects", "import", str(listed))
    assert code == 1
    assert f"{FIRST_ROW + 3}\t委託契約\t契約金額\t金額として読めません" in out
    assert _state(data_dir) == before
    summary = tmp_path / "確認結果.xlsx"
    code, out = _run(
        data_dir,
        capsys,
        "projects",
        "import",
        str(listed),
        "--drop-invalid",
        "--set",
        "形態=委託",
        "--summary",
        str(summary),
    )
    assert code == 0, out
    assert "取り込みました: 事業 4 件、新しい団体 3 件" in out
    assert "この値を取り込まずに登録します" in out
    import_id = out.split("取り込みID ")[1].split("、")[0]
    with Workspace.open(data_dir, write=False) as ws, ws.session_factory() as s:
        projects = {(p.fiscal_year, p.title): p for p in s.scalars(select(Project))}
        names = {o.id: o.name for o in s.scalars(select(Organization))}
        numbers = {o.name: o.corporate_number for o in s.scalars(select(Organization))}
        assert set(projects) == {
            (2020, "子育て支援講座"),
            (2021, "子育て支援講座"),
            (2022, "環境美化事業"),  # 年度 from the date cell (the 年度 cell is －)
            (2022, "啓発冊子の印刷"),
        }
        first = projects[2020, "子育て支援講座"]
        # 共同提案体: ① matched by its 法人番号, ② registered by the import, with its address
        assert [(names[p.organization_id], p.role) for p in first.partners] == [
            (REGISTERED[0], "主たるパートナー"),
            ("一般社団法人あおぞら", "協力団体"),
        ]
        assert numbers["一般社団法人あおぞら"] == "8040005004621"
        assert first.budget_administration == 1_200_000
        assert first.period_start.isoformat() == "2020-04-01"  # 和暦 text with a note
        assert first.selection_reason == "地域の子育て団体で唯一実績があるため"
        assert first.form == "委託" and first.import_id == import_id and first.stage == "終了"
        second = projects[2021, "子育て支援講座"]
        # full-width digits; the same partner under another name (NPO法人 …) is the registered one
        assert second.budget_administration == 1_300_000
        assert [p.organization_id for p in second.partners] == [registered]
        assert second.notes == "" and second.selection_reason == ""  # － is nothing
        assert projects[2022, "環境美化事業"].budget_administration == 500_000
        assert projects[2022, "啓発冊子の印刷"].budget_administration == 0  # left out
        assert sorted(names.values()) == sorted(
            [REGISTERED[0], "一般社団法人あおぞら", "公益財団法人ちば環境財団", "株式会社さくら印刷"]
        )
        contexts = set(s.scalars(select(AuditEntry.context).where(AuditEntry.action == "create")))
        assert f"import {import_id} 随意契約一覧.xlsx" in contexts
    book = load_workbook(summary, read_only=True)
    assert book.sheetnames == ["概要", "明細", "エラー"]
    book.close()
    after = _state(data_dir)
    # the same file again adds nothing (and writes nothing)
    code, out = _run(
        data_dir, capsys, "projects", "import", str(listed), "--drop-invalid", "--set", "形態=委託"
    )
    assert code == 0 and "登録済み 4" in out and "取り込む事業はありませんでした" in out
    assert _state(data_dir) == after
    code, out = _run(data_dir, capsys, "imports", "list")
    assert out.startswith(f"{import_id}\t") and "\t随意契約一覧.xlsx\t7\t0" in out
    code, out = _run(data_dir, capsys, "imports", "undo", import_id)
    assert code == 0
    projects_left, orgs_left, _ = _state(data_dir)
    assert (projects_left, orgs_left) == (0, 1)
    assert _run(data_dir, capsys, "check") == (0, "ok\n")


def test_valid_only_skips_the_invalid_row(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], registered: str
) -> None:
    listed = write_list(tmp_path / "list.xlsx")
    code, out = _run(data_dir, capsys, "projects", "import", str(listed), "--valid-only")
    assert code == 0 and "事業 3 件、新しい団体 2 件" in out
    with Workspace.open(data_dir, write=False) as ws, ws.session_factory() as s:
        assert "啓発冊子の印刷" not in set(s.scalars(select(Project.title)))


def test_column_and_set_choices(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], registered: str
) -> None:
    listed = write_list(tmp_path / "list.xlsx")
    # a column that is not there is a usage error, before anything is read
    code, _ = _run(data_dir, capsys, "projects", "import", str(listed), "--column", "金額=Z", "--dry-run")
    assert code == 2
    code, out = _run(
        data_dir,
        capsys,
        "projects",
        "import",
        str(listed),
        "--header-row",
        "3",
        "--set",
        "選定方法=随契",
        "--valid-only",
    )
    assert code == 0, out
    with Workspace.open(data_dir, write=False) as ws, ws.session_factory() as s:
        assert set(s.scalars(select(Project.selection_method))) == {"随意契約"}
