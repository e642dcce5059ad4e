"""What a finished project needs, as a domain rule (the wizard, the services and the import):
事業名, 年度, 担当課, and an evidence note for a point marked 確認済; a draft may lack them."""

from __future__ import annotations

import pytest

from kyodo_desktop.domain.project import PointCheck, ProjectInput, validate_project
from kyodo_desktop.domain.project_import import past_project_row
from kyodo_desktop.domain.validation import ValidationErrors


def test_a_finished_project_needs_its_section_and_the_evidence_of_a_confirmed_point() -> None:
    data = ProjectInput(
        title="公園の管理",
        fiscal_year=2025,
        section="　",
        points={"相互理解": PointCheck("確認済", " "), "目的の共有": PointCheck("一部", "")},
    )
    with pytest.raises(ValidationErrors) as raised:
        validate_project(data)
    assert [(e.field, e.message) for e in raised.value.errors] == [
        ("section", "担当課は必須です"),
        ("points", "「相互理解」を確認済とするときは、根拠を書いてください"),
    ]
    draft = validate_project(data, draft=True)  # a draft keeps what was entered so far
    assert draft.section == "" and draft.points["相互理解"].status == "確認済"
    data.section = "公園緑地課"
    data.points["相互理解"] = PointCheck("確認済", "打合せ3回")
    assert validate_project(data).section == "公園緑地課"


MAPPING = {0: "title", 1: "partner_name", 2: "fiscal_year", 3: "section"}


def test_an_import_row_without_its_section_is_a_row_problem() -> None:
    row = past_project_row(MAPPING, ["清掃", "みどりの会", "令和6年度", "－"], 7, "一覧")
    assert row is not None and row.data is None
    assert [(p.row_number, p.message) for p in row.problems] == [
        (7, "担当課がありません（担当課の列か、全行に同じ値で担当課を指定してください）")
    ]
    given = past_project_row(MAPPING, ["清掃", "みどりの会", "令和6年度", "環境課"], 8, "一覧")
    assert given is not None and given.problems == [] and given.data is not None
    assert given.data.project.section == "環境課"
