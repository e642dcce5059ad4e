"""What the evaluation use cases take and hand back: plain dataclasses, no ORM rows.

:mod:`kyodo_desktop.services.evaluations` makes them; the evaluations tab, the partner's
workbook, the evaluation sheet, the 評価サマリー and the CLI hold them freely.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from kyodo_desktop.domain.evaluation import ItemComparison, ItemScore, SideTotal, Template

__all__ = [
    "ACTION_STATUSES",
    "EvaluationInput",
    "EvaluationListRow",
    "EvaluationRecord",
    "ImprovementActionInput",
    "MutualView",
    "RoundRecord",
    "TargetResultRecord",
    "TargetRow",
    "TemplateRecord",
]

#: The states of an improvement action, in order.
ACTION_STATUSES: tuple[str, ...] = ("未着手", "対応中", "完了")


@dataclass(frozen=True)
class TemplateRecord:
    """One stored version of a form; ``in_use`` when an evaluation was made with it (then frozen)."""

    id: str
    key: str
    version: int
    template: Template
    is_builtin: bool
    in_use: bool


@dataclass
class ImprovementActionInput:
    """An improvement action of the conclusion: what, who, by when, how far (未着手/対応中/完了).

    ``id`` is the stored action's (None for one not recorded yet); it takes no part in
    comparisons, so an action read back equals the one recorded.
    """

    text: str = ""
    owner: str = ""
    due_on: date | None = None
    status: str = "未着手"
    id: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class TargetResultRecord:
    """A project target as it was when its result was written, and the result (目標値 / 実績)."""

    position: int
    what: str
    amount: str
    result: str


@dataclass(frozen=True)
class TargetRow:
    """A target of the project now, beside its stored result ("" when none yet).

    ``target_id`` is the project's target row; ``None`` for a result kept for a target the
    project no longer has (edited or removed since the result was written).
    """

    target_id: int | None
    what: str
    amount: str
    due_on: date | None
    result: str


@dataclass(frozen=True)
class RoundRecord:
    """The evaluations of one project in one 年度 and phase: their form, mode and conclusion."""

    id: str
    project_id: str
    fiscal_year: int
    phase: str
    template_id: str
    blind: bool
    third_party_planned: bool
    direction: str
    conclusion: str
    decided_on: date | None
    actions: list[ImprovementActionInput]
    target_results: list[TargetResultRecord]
    version: int
    updated_at: str

    @property
    def expected_sides(self) -> tuple[str, ...]:
        """The sides the comparison waits for: 行政 and 団体, and 第三者 when one is planned."""
        return ("行政", "団体", "第三者") if self.third_party_planned else ("行政", "団体")


@dataclass
class EvaluationInput:
    """One evaluator's evaluation as the entry form, the workbook import or the demo give it.

    ``submit`` marks it 提出済み (a draft otherwise); ``source_form_id`` is the id of the
    partner's exported workbook it came from, ``import_id`` the import that stored it.
    """

    project_id: str
    fiscal_year: int
    phase: str
    side: str
    evaluator_name: str = ""
    scores: list[ItemScore] = field(default_factory=list)
    overall_comment: str = ""
    overall_grade: str = ""
    evaluated_on: date | None = None
    submit: bool = False
    source_form_id: str | None = None
    import_id: str | None = None


@dataclass(frozen=True)
class EvaluationRecord:
    """A stored evaluation with its round's keys, its form's id and its total."""

    id: str
    round_id: str
    project_id: str
    fiscal_year: int
    phase: str
    side: str
    evaluator_name: str
    template_id: str
    scores: list[ItemScore]
    overall_comment: str
    overall_grade: str
    evaluated_on: date | None
    submitted_at: str | None
    source_form_id: str | None
    import_id: str | None
    total: SideTotal
    version: int
    created_at: str
    updated_at: str

    @property
    def submitted(self) -> bool:
        """Whether it was submitted (提出済み); a draft is not shown to the other sides."""
        return self.submitted_at is not None


@dataclass(frozen=True)
class MutualView:
    """The mutual view of a round: item rows over the visible sides, totals, what is hidden.

    ``scores_by_side`` is each visible side's score per item (several evaluators of a side
    averaged, see :mod:`kyodo_desktop.services.evaluations`); ``hidden`` names each side whose
    scores are not shown and why (未提出, or blind mode waiting for the others).
    """

    round: RoundRecord
    template: Template
    rows: list[ItemComparison]
    scores_by_side: Mapping[str, Mapping[str, int | None]]
    totals: Mapping[str, SideTotal]
    weighted_total: float | None
    expected_sides: tuple[str, ...]
    submitted_sides: tuple[str, ...]
    visible_sides: tuple[str, ...]
    hidden: Mapping[str, str]
    evaluator_counts: Mapping[str, int]

    @property
    def gaps(self) -> list[ItemComparison]:
        """The rows that are discussion points (a gap between two visible sides)."""
        return [row for row in self.rows if row.flagged]


@dataclass(frozen=True)
class EvaluationListRow:
    """A line of ``kyodo evaluations list``: the total as ``points/maximum`` text (``42/55``)."""

    id: str
    project_id: str
    fiscal_year: int
    phase: str
    side: str
    total: str
