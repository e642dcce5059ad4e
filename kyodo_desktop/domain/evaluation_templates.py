"""The three built-in evaluation templates (issue 12; domain.md §4.4, patterns A, B and C).

(a) ``points-5``: the six 協働のポイント asked again (each item names its point, so the wizard's
checklist and the evaluation line up) plus the 成果 items of pattern A, on the 5-level scale.
(b) ``urayasu-3``: 浦安市's 3-level form, each item with its own words, and a 総合評価.
(c) ``weighted-points``: 高浜市's points form, 10 criteria of 10 points, weighted 団体 20 /
行政 20 / 第三者 60 = 100.

Officers copy and edit these; a copy gets its own key. The built-ins are data, not code paths:
nothing else in the program treats them specially.
"""

from __future__ import annotations

from kyodo_desktop.domain.evaluation import Scale, Template, TemplateItem
from kyodo_desktop.domain.evaluation_terms import OVERALL_GRADES, EvaluatorSide
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.project_terms import COLLABORATION_POINTS

__all__ = ["BUILTIN_TEMPLATES", "POINTS_FIVE", "URAYASU_THREE", "WEIGHTED_POINTS", "builtin_template"]

_PROCESS = QT_TRANSLATE_NOOP("EvaluationTerm", "協働のプロセス")
_RESULTS = QT_TRANSLATE_NOOP("EvaluationTerm", "事業の成果")
_POINTS = QT_TRANSLATE_NOOP("EvaluationTerm", "協働のポイント")

#: How each of the six points is asked again at evaluation time.
_POINT_QUESTIONS: dict[str, str] = {
    "相互理解": "互いの特性・立場を理解し、率直に意見交換できたか",
    "公平性の確保": "協働相手の選定と事業の情報公開が公平・透明であったか",
    "対等性の確保": "上下ではなく対等な関係で協議し、決定できたか",
    "役割分担の明確化": "役割分担と責任の範囲が明確で、そのとおり実施できたか",
    "目的の共有": "双方の目的と共通の目標を共有し、事業中も確認できたか",
    "効果の可視化": "事業の成果と協働の効果を示し、公表できたか",
}

POINTS_FIVE = Template(
    key="points-5",
    name="協働のポイントと成果（5段階）",
    scale=Scale.five(),
    items=(
        *(
            TemplateItem(f"p{n}", _POINTS, f"{point}：{_POINT_QUESTIONS[point]}", point=point)
            for n, point in enumerate(COLLABORATION_POINTS, start=1)
        ),
        TemplateItem("r1", _PROCESS, "相乗効果：単独で行うより大きな効果があったか"),
        TemplateItem("r2", _RESULTS, "事業の進捗状況：計画どおりに進んだか"),
        TemplateItem("r3", _RESULTS, "手法の妥当性：協働で行うことが最善であったか"),
        TemplateItem("r4", _RESULTS, "市民（受益者）満足度"),
        TemplateItem("r5", _RESULTS, "成果・効果：目標を達成できたか"),
    ),
    description="千葉県の協働のポイント6項目と、成果の5項目を5段階で評価します。",
)

URAYASU_THREE = Template(
    key="urayasu-3",
    name="協働事業評価書（3段階・総合評価）",
    scale=Scale.three(),
    items=(
        TemplateItem(
            "u1",
            _RESULTS,
            "地域課題・市民ニーズ",
            level_labels=("的確であった", "概ね的確であった", "あまり的確ではなかった"),
        ),
        TemplateItem("u2", _PROCESS, "事業の役割分担", point="役割分担の明確化"),
        TemplateItem(
            "u3", _RESULTS, "費用対効果", level_labels=("妥当", "概ね妥当", "あまり妥当ではなかった")
        ),
        TemplateItem(
            "u4",
            _RESULTS,
            "市民満足度の向上",
            level_labels=("向上した", "概ね向上した", "あまり向上しなかった"),
        ),
        TemplateItem(
            "u5",
            _RESULTS,
            "団体の活性化",
            level_labels=("活性化した", "概ね活性化した", "あまり活性化しなかった"),
        ),
        TemplateItem(
            "u6",
            _RESULTS,
            "行政効果",
            level_labels=("効果があった", "概ね効果があった", "あまり効果がなかった"),
        ),
    ),
    overall_choices=OVERALL_GRADES,
    description="浦安市の協働提案事業評価書の型です。6項目を3段階で評価し、総合評価と講評を記入します。",
)

_BASIC = QT_TRANSLATE_NOOP("EvaluationTerm", "基本的事項")
_CONDUCT = QT_TRANSLATE_NOOP("EvaluationTerm", "実施プロセス")
_EFFECT = QT_TRANSLATE_NOOP("EvaluationTerm", "事業の実施効果")

WEIGHTED_POINTS = Template(
    key="weighted-points",
    name="協働事業評価（配点：団体20・行政20・第三者60）",
    scale=Scale.points(10),
    items=(
        TemplateItem("w1", _BASIC, "公益性：広く市民の利益になる事業か"),
        TemplateItem("w2", _BASIC, "必要性：地域課題・市民ニーズに合っているか"),
        TemplateItem("w3", _BASIC, "協働の効果：協働で行う意義があるか", point="目的の共有"),
        TemplateItem("w4", _CONDUCT, "役割分担：双方の役割が明確で果たされたか", point="役割分担の明確化"),
        TemplateItem("w5", _CONDUCT, "対等性：対等な立場で協議できたか", point="対等性の確保"),
        TemplateItem("w6", _CONDUCT, "情報共有：必要な情報が共有されたか", point="相互理解"),
        TemplateItem("w7", _CONDUCT, "計画性：計画どおりに実施できたか"),
        TemplateItem("w8", _EFFECT, "目標の達成：目標値を達成できたか", point="効果の可視化"),
        TemplateItem("w9", _EFFECT, "費用対効果：経費に見合う効果があったか"),
        TemplateItem("w10", _EFFECT, "継続性・発展性：今後につながる成果があったか"),
    ),
    weights={
        EvaluatorSide.ORGANIZATION.value: 20,
        EvaluatorSide.ADMINISTRATION.value: 20,
        EvaluatorSide.THIRD_PARTY.value: 60,
    },
    description="高浜市の型です。10項目を各10点で採点し、団体20点・行政20点・第三者60点の配点で合計100点とします。",
)

#: The built-ins in the order the template chooser lists them.
BUILTIN_TEMPLATES: tuple[Template, ...] = (POINTS_FIVE, URAYASU_THREE, WEIGHTED_POINTS)


def builtin_template(key: str) -> Template:
    """The built-in template with ``key`` (KeyError when there is none)."""
    for template in BUILTIN_TEMPLATES:
        if template.key == key:
            return template
    raise KeyError(key)
