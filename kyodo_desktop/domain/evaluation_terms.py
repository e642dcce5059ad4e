"""The fixed vocabulary of evaluations (評価シート): phases, evaluator sides, scales, directions.

One place for the words the evaluation records, the entry form, the mutual view, the partner's
workbook, the 評価サマリー and the CLI use (issue 12; ``../shared/reference/domain.md`` §4.4).
Each enum's value is the Japanese word as stored in the data file and printed by the CLI; the
GUI translates it through ``QT_TRANSLATE_NOOP`` labels (context ``EvaluationTerm``).
"""

from __future__ import annotations

from enum import StrEnum

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.project_terms import Stage

__all__ = [
    "DIRECTION_STAGE",
    "FIVE_LEVELS",
    "GRADE_LABELS",
    "OVERALL_GRADES",
    "THREE_LEVELS",
    "Direction",
    "EvaluatorSide",
    "Phase",
    "ScaleKind",
]


class Phase(StrEnum):
    """When in the 年度 an evaluation is made."""

    MIDTERM = QT_TRANSLATE_NOOP("EvaluationTerm", "中間")
    FINAL = QT_TRANSLATE_NOOP("EvaluationTerm", "最終")


class EvaluatorSide(StrEnum):
    """Who evaluates: the administration, the partner organization, or a third party."""

    ADMINISTRATION = QT_TRANSLATE_NOOP("EvaluationTerm", "行政")
    ORGANIZATION = QT_TRANSLATE_NOOP("EvaluationTerm", "団体")
    THIRD_PARTY = QT_TRANSLATE_NOOP("EvaluationTerm", "第三者")


class ScaleKind(StrEnum):
    """The kind of scale a template scores its items on."""

    FIVE = QT_TRANSLATE_NOOP("EvaluationTerm", "5段階")
    THREE = QT_TRANSLATE_NOOP("EvaluationTerm", "3段階")
    POINTS = QT_TRANSLATE_NOOP("EvaluationTerm", "点数")


class Direction(StrEnum):
    """今後の方向性: the joint conclusion of a final evaluation (domain.md §4.4)."""

    EXPAND = QT_TRANSLATE_NOOP("EvaluationTerm", "拡大")
    IMPROVE = QT_TRANSLATE_NOOP("EvaluationTerm", "改善して継続")
    CONTINUE = QT_TRANSLATE_NOOP("EvaluationTerm", "現状のまま継続")
    ABOLISH = QT_TRANSLATE_NOOP("EvaluationTerm", "中止・廃止")
    END = QT_TRANSLATE_NOOP("EvaluationTerm", "予定どおり終了")


#: The stage a project moves to when the final conclusion is recorded: a project that goes on
#: is reviewed and improved (見直し・改善); one that ends, as planned or abolished after its
#: evaluation, has run its course (終了 — 中止 is for a project stopped before it was evaluated).
DIRECTION_STAGE: dict[Direction, Stage] = {
    Direction.EXPAND: Stage.REVIEW,
    Direction.IMPROVE: Stage.REVIEW,
    Direction.CONTINUE: Stage.REVIEW,
    Direction.ABOLISH: Stage.FINISHED,
    Direction.END: Stage.FINISHED,
}

#: The 5-level scale of pattern A (某市「協働事業評価書」), value → label, highest first.
FIVE_LEVELS: tuple[tuple[int, str], ...] = (
    (5, QT_TRANSLATE_NOOP("EvaluationTerm", "想定をはるかに上回った")),
    (4, QT_TRANSLATE_NOOP("EvaluationTerm", "想定をやや上回った")),
    (3, QT_TRANSLATE_NOOP("EvaluationTerm", "想定した範囲")),
    (2, QT_TRANSLATE_NOOP("EvaluationTerm", "想定をやや下回った")),
    (1, QT_TRANSLATE_NOOP("EvaluationTerm", "はるかに低い")),
)

#: The 3-level scale of pattern B (浦安市 協働提案事業評価書), value → label, highest first.
THREE_LEVELS: tuple[tuple[int, str], ...] = (
    (3, QT_TRANSLATE_NOOP("EvaluationTerm", "適切")),
    (2, QT_TRANSLATE_NOOP("EvaluationTerm", "概ね適切")),
    (1, QT_TRANSLATE_NOOP("EvaluationTerm", "あまり適切ではなかった")),
)

#: 総合評価 of pattern B, short words (stored) highest first.
OVERALL_GRADES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("EvaluationTerm", "優良"),
    QT_TRANSLATE_NOOP("EvaluationTerm", "良好"),
    QT_TRANSLATE_NOOP("EvaluationTerm", "改善が必要"),
)

#: The sentence each grade stands for on the printed form (浦安市's wording).
GRADE_LABELS: dict[str, str] = {
    "優良": QT_TRANSLATE_NOOP("EvaluationTerm", "優良な協働事業として評価できる"),
    "良好": QT_TRANSLATE_NOOP("EvaluationTerm", "良好な協働事業である"),
    "改善が必要": QT_TRANSLATE_NOOP("EvaluationTerm", "協働事業として継続するには内容等の改善が必要である"),
}
