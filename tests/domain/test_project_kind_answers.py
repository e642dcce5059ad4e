"""The questionnaire's answers as a project keeps them: known questions and choices only, in order."""

from __future__ import annotations

import pytest

from kyodo_desktop.domain.project import ProjectInput, validate_project
from kyodo_desktop.domain.validation import ValidationErrors


def test_answers_are_kept_in_the_questions_order() -> None:
    data = ProjectInput(title="x", fiscal_year=2025, kind_answers={"joint_planning": "yes", "setter": "both"})
    clean = validate_project(data, draft=True)
    assert list(clean.kind_answers.items()) == [("setter", "both"), ("joint_planning", "yes")]


@pytest.mark.parametrize("answers", [{"setter": "yes"}, {"colour": "yes"}])
def test_an_unknown_answer_is_refused(answers: dict[str, str]) -> None:
    with pytest.raises(ValidationErrors) as raised:
        validate_project(ProjectInput(title="x", fiscal_year=2025, kind_answers=answers), draft=True)
    assert [e.field for e in raised.value.errors] == ["kind_answers"]
    assert "関係の種類の問いの答えが読めません" in raised.value.errors[0].message
