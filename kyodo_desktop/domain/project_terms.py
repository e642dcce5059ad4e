"""The fixed vocabulary of projects (事業): kinds, forms, stages, selection methods, the six points.

One place for the words the project wizard, the projects tab, the fairness check, the past-project
import and the CLI all use (issue 11; ``../shared/reference/domain.md`` §1–4 and the source
manual's table of 支援 / 協働 / 外部委託). Each enum's value is the Japanese word as stored in
the data file and printed by the CLI; the GUI translates it through ``QT_TRANSLATE_NOOP``
labels (context ``ProjectTerm``) like the other label tables.
"""

from __future__ import annotations

from enum import StrEnum

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP

__all__ = [
    "AGREEMENT_ITEMS",
    "CLOSED_STAGES",
    "COLLABORATION_POINTS",
    "DEFAULT_ROLE_TASKS",
    "PURPOSE_KINDS",
    "STAGE_ORDER",
    "BudgetSide",
    "PartnerRole",
    "PointStatus",
    "ProjectForm",
    "RelationshipKind",
    "RoleSide",
    "SelectionMethod",
    "Stage",
]


class RelationshipKind(StrEnum):
    """The manual's three kinds of relationship between the administration and a group."""

    SUPPORT = QT_TRANSLATE_NOOP("ProjectTerm", "支援")
    COLLABORATION = QT_TRANSLATE_NOOP("ProjectTerm", "協働")
    OUTSOURCING = QT_TRANSLATE_NOOP("ProjectTerm", "外部委託")


class ProjectForm(StrEnum):
    """形態: how the work is done together (あま市・福岡県 vocabularies, domain.md §2)."""

    COMMISSION = QT_TRANSLATE_NOOP("ProjectTerm", "委託")
    SUBSIDY = QT_TRANSLATE_NOOP("ProjectTerm", "補助・助成")
    CO_HOSTING = QT_TRANSLATE_NOOP("ProjectTerm", "共催")
    PATRONAGE = QT_TRANSLATE_NOOP("ProjectTerm", "後援")
    COMMITTEE = QT_TRANSLATE_NOOP("ProjectTerm", "実行委員会・協議会")
    COOPERATION = QT_TRANSLATE_NOOP("ProjectTerm", "事業協力")
    PLANNING = QT_TRANSLATE_NOOP("ProjectTerm", "企画立案への参画")
    INFORMATION = QT_TRANSLATE_NOOP("ProjectTerm", "情報交換・情報提供")
    MATERIAL = QT_TRANSLATE_NOOP("ProjectTerm", "物的支援")
    PERSONNEL = QT_TRANSLATE_NOOP("ProjectTerm", "人的支援")
    DESIGNATED_MANAGER = QT_TRANSLATE_NOOP("ProjectTerm", "指定管理")
    OTHER = QT_TRANSLATE_NOOP("ProjectTerm", "その他")


class Stage(StrEnum):
    """The stages of a project (domain.md §3), in order, plus the two ends outside the cycle."""

    NEEDS = QT_TRANSLATE_NOOP("ProjectTerm", "課題・ニーズの把握")
    CONSIDERATION = QT_TRANSLATE_NOOP("ProjectTerm", "協働の検討")
    SELECTION = QT_TRANSLATE_NOOP("ProjectTerm", "協働相手の選定")
    AGREEMENT = QT_TRANSLATE_NOOP("ProjectTerm", "協議・合意")
    IMPLEMENTATION = QT_TRANSLATE_NOOP("ProjectTerm", "実施")
    EVALUATION = QT_TRANSLATE_NOOP("ProjectTerm", "評価")
    REVIEW = QT_TRANSLATE_NOOP("ProjectTerm", "見直し・改善")
    CANCELLED = QT_TRANSLATE_NOOP("ProjectTerm", "中止")
    FINISHED = QT_TRANSLATE_NOOP("ProjectTerm", "終了")


#: The cycle's order; 中止 and 終了 may follow any stage.
STAGE_ORDER: tuple[Stage, ...] = (
    Stage.NEEDS,
    Stage.CONSIDERATION,
    Stage.SELECTION,
    Stage.AGREEMENT,
    Stage.IMPLEMENTATION,
    Stage.EVALUATION,
    Stage.REVIEW,
)
CLOSED_STAGES: frozenset[Stage] = frozenset({Stage.CANCELLED, Stage.FINISHED})


class SelectionMethod(StrEnum):
    """How the partner was chosen (高松市 委託先の選び方, domain.md §3)."""

    PROPOSAL = QT_TRANSLATE_NOOP("ProjectTerm", "公募・企画提案")
    OPEN_TENDER = QT_TRANSLATE_NOOP("ProjectTerm", "一般競争入札")
    NOMINATED = QT_TRANSLATE_NOOP("ProjectTerm", "指名")
    DISCRETIONARY = QT_TRANSLATE_NOOP("ProjectTerm", "随意契約")
    GROUP_PROPOSAL = QT_TRANSLATE_NOOP("ProjectTerm", "団体からの提案")


class PartnerRole(StrEnum):
    """A partner's place in a project."""

    MAIN = QT_TRANSLATE_NOOP("ProjectTerm", "主たるパートナー")
    COOPERATING = QT_TRANSLATE_NOOP("ProjectTerm", "協力団体")


class RoleSide(StrEnum):
    """Who carries a task in the 役割分担表."""

    ADMINISTRATION = QT_TRANSLATE_NOOP("ProjectTerm", "行政")
    ORGANIZATION = QT_TRANSLATE_NOOP("ProjectTerm", "団体")
    JOINT = QT_TRANSLATE_NOOP("ProjectTerm", "共同")


class PointStatus(StrEnum):
    """How far one of the six 協働のポイント has been checked."""

    CONFIRMED = QT_TRANSLATE_NOOP("ProjectTerm", "確認済")
    PARTIAL = QT_TRANSLATE_NOOP("ProjectTerm", "一部")
    NOT_YET = QT_TRANSLATE_NOOP("ProjectTerm", "未")


class BudgetSide(StrEnum):
    """Where a project's money comes from."""

    ADMINISTRATION = QT_TRANSLATE_NOOP("ProjectTerm", "行政負担")
    ORGANIZATION = QT_TRANSLATE_NOOP("ProjectTerm", "団体負担")
    OTHER = QT_TRANSLATE_NOOP("ProjectTerm", "その他収入")


#: The six points of the Chiba manual, in its order (domain.md §1).
COLLABORATION_POINTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ProjectTerm", "相互理解"),
    QT_TRANSLATE_NOOP("ProjectTerm", "公平性の確保"),
    QT_TRANSLATE_NOOP("ProjectTerm", "対等性の確保"),
    QT_TRANSLATE_NOOP("ProjectTerm", "役割分担の明確化"),
    QT_TRANSLATE_NOOP("ProjectTerm", "目的の共有"),
    QT_TRANSLATE_NOOP("ProjectTerm", "効果の可視化"),
)

#: The purposes both sides write down (目的の共有).
PURPOSE_KINDS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ProjectTerm", "地域課題"),
    QT_TRANSLATE_NOOP("ProjectTerm", "行政の目的"),
    QT_TRANSLATE_NOOP("ProjectTerm", "団体の目的"),
    QT_TRANSLATE_NOOP("ProjectTerm", "共通の目的"),
)

#: The items an agreement (協定書) settles (市川市 様式第5号, domain.md §4.2).
AGREEMENT_ITEMS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ProjectTerm", "目的"),
    QT_TRANSLATE_NOOP("ProjectTerm", "期間"),
    QT_TRANSLATE_NOOP("ProjectTerm", "情報共有の方法と頻度"),
    QT_TRANSLATE_NOOP("ProjectTerm", "公開"),
    QT_TRANSLATE_NOOP("ProjectTerm", "変更・中止"),
    QT_TRANSLATE_NOOP("ProjectTerm", "事故・損害の責任と保険"),
    QT_TRANSLATE_NOOP("ProjectTerm", "成果物・著作権の帰属"),
    QT_TRANSLATE_NOOP("ProjectTerm", "個人情報の取扱い"),
    QT_TRANSLATE_NOOP("ProjectTerm", "評価の方法と時期"),
)

#: Rows the 役割分担表 starts with (domain.md §4.3); the wizard pre-fills them per form.
DEFAULT_ROLE_TASKS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("ProjectTerm", "企画"),
    QT_TRANSLATE_NOOP("ProjectTerm", "広報"),
    QT_TRANSLATE_NOOP("ProjectTerm", "会場確保"),
    QT_TRANSLATE_NOOP("ProjectTerm", "参加者募集"),
    QT_TRANSLATE_NOOP("ProjectTerm", "当日運営"),
    QT_TRANSLATE_NOOP("ProjectTerm", "経費負担"),
    QT_TRANSLATE_NOOP("ProjectTerm", "報告書作成"),
    QT_TRANSLATE_NOOP("ProjectTerm", "評価"),
)
