"""The 事業計画書 tells how the relationship kind was judged: answers, recommendation, choice, reason."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from kyodo_desktop.domain.project import ProjectInput
from kyodo_desktop.services.project_sheets import NO_ANSWERS, export_project
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

#: The park-management example as the administration designing the work: 外部委託 recommended.
PARK = {"setter": "administration", "own_purpose": "yes", "support_aim": "no", "joint_planning": "no"}


def _rows(path: Path) -> list[tuple[Any, ...]]:
    sheet = load_workbook(path)["事業計画書"]
    return [tuple(c.value for c in row) for row in sheet.iter_rows()]


def _value(rows: list[tuple[Any, ...]], label: str) -> Any:
    return next(row[1] for row in rows if row[0] == label)


def test_answers_recommendation_choice_and_reason_read_back(ws: Workspace, tmp_path: Path) -> None:
    svc = ProjectService(ws)
    pid = svc.create(
        ProjectInput(
            title="公園の管理",
            fiscal_year=2025,
            section="公園緑地課",
            relationship_kind="協働",
            kind_reason="団体の提案に基づいて協議し、仕様書に双方の目的を反映させる",
            kind_answers=dict(PARK),
        )
    )
    out = tmp_path / "plan.xlsx"
    export_project(ws, pid, out)
    rows = _rows(out)
    heading = rows.index(("関係の種類の判断", None, None, None))
    assert rows[heading + 1][:4] == ("問い", None, None, "答え")
    assert rows[heading + 2 : heading + 6] == [
        ("事業の目的と内容を決めるのは誰ですか", None, None, "行政"),
        ("団体はこの事業で団体独自の目的を実現しようとしていますか", None, None, "はい"),
        ("団体の自立促進や更なる発展など、団体を支援すること自体が目的ですか", None, None, "いいえ"),
        ("役割分担をして、計画の策定や実施を双方で行いますか", None, None, "いいえ"),
    ]
    recommended = _value(rows, "推奨")
    assert recommended.splitlines()[0] == "外部委託"
    assert "「「行政のやりたいこと」をNPOが実現する」" in recommended  # the manual's words
    assert "協議して双方の目的を仕様に反映させれば協働になります" in _value(rows, "注意")
    assert _value(rows, "選んだ種類") == "協働（推奨と異なる）"
    assert _value(rows, "推奨と異なる理由") == "団体の提案に基づいて協議し、仕様書に双方の目的を反映させる"
    assert _value(rows, "関係の種類") == "協働"


def test_a_kind_without_answers_says_none_were_kept(ws: Workspace, tmp_path: Path) -> None:
    pid = ProjectService(ws).create(
        ProjectInput(title="清掃", fiscal_year=2025, section="環境課", relationship_kind="外部委託")
    )
    out = tmp_path / "plan.xlsx"
    export_project(ws, pid, out)
    rows = _rows(out)
    assert (NO_ANSWERS, None, None, None) in rows
    assert _value(rows, "選んだ種類") == "外部委託"
    assert not any(row[0] in ("推奨", "推奨と異なる理由", "理由") for row in rows)


def test_no_kind_and_no_answers_no_section(ws: Workspace, tmp_path: Path) -> None:
    pid = ProjectService(ws).create(ProjectInput(title="清掃", fiscal_year=2025, section="環境課"))
    out = tmp_path / "plan.xlsx"
    export_project(ws, pid, out)
    assert not any(row[0] == "関係の種類の判断" for row in _rows(out))
