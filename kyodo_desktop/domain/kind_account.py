"""How a project came to its relationship kind: the questionnaire's answers, the recommendation,
the officer's choice and the reason for a different one.

The wizard keeps the answers (``ProjectInput.kind_answers``); the 事業計画書 and the project's
detail view show them back in the manual's words, so a manager reads why the project is 支援,
協働 or 外部委託. The texts are Japanese source text of the context ``RelationshipQuestion``
(the sheet prints them as they are; the window translates them).
"""

from __future__ import annotations

from dataclasses import dataclass

from kyodo_desktop.domain.project import ProjectInput
from kyodo_desktop.domain.relationship_kind import QUESTIONS, Recommendation, answers_from_choices, recommend
from kyodo_desktop.domain.validation import ValidationError

__all__ = ["KindAccount", "kind_account"]


@dataclass(frozen=True)
class KindAccount:
    """The relationship kind of a project, with what led to it.

    ``answers`` are ``(question, answer)`` texts of the questions answered, in the manual's
    order; ``recommendation`` is None until all four are answered (a project from a list, or
    one stored before the answers were kept). ``reason`` is the officer's own text.
    """

    answers: tuple[tuple[str, str], ...]
    recommendation: Recommendation | None
    chosen: str
    reason: str

    @property
    def differs(self) -> bool:
        """Whether the officer chose another kind than the one recommended."""
        rec = self.recommendation
        return rec is not None and bool(self.chosen) and rec.kind.value != self.chosen


def kind_account(data: ProjectInput) -> KindAccount | None:
    """The account of ``data``'s kind; None when it has neither a kind nor any answer."""
    answers = []
    for question in QUESTIONS:
        value = data.kind_answers.get(question.id)
        label = next((c.label for c in question.choices if c.id == value), None)
        if label is not None:
            answers.append((question.text, label))
    if not answers and not data.relationship_kind:
        return None
    try:
        rec: Recommendation | None = recommend(answers_from_choices(data.kind_answers))
    except ValidationError:
        rec = None  # not every question answered: no recommendation to show
    return KindAccount(tuple(answers), rec, data.relationship_kind, data.kind_reason)
