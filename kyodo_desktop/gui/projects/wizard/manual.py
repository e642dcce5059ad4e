"""The manual's own words the wizard shows: one line per step on why it matters, one per point.

Quoted word for word from the Chiba manual (千葉県協働推進マニュアル; a test finds each in its
text), marked for translation in the context ``ProjectWizardManual``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.gui.projects.wizard.state import (
    PAGE_AGREEMENT,
    PAGE_FORM,
    PAGE_KIND,
    PAGE_NEEDS,
    PAGE_PARTNERS,
    PAGE_POINTS,
    PAGE_PURPOSES,
    PAGE_ROLES,
    PAGE_SUMMARY,
)

__all__ = ["POINT_QUOTES", "STEP_QUOTES", "point_hint", "why_line"]

_CONTEXT = "ProjectWizardManual"

#: Why each step matters, in the manual's words.
STEP_QUOTES: dict[int, str] = {
    PAGE_NEEDS: QT_TRANSLATE_NOOP(
        "ProjectWizardManual",
        "ニーズは現場に足を運び、当事者の生の声に耳を傾けてこそわかるという意識を持つこと",
    ),
    PAGE_KIND: QT_TRANSLATE_NOOP(
        "ProjectWizardManual",
        "協働は「課題解決の選択肢が増える」と考えることが必要です。"
        "「協働」すること自体が目的ではないことを理解しましょう。",
    ),
    PAGE_FORM: QT_TRANSLATE_NOOP(
        "ProjectWizardManual",
        "「支援」や「外部委託」と重なる形態もありますので、同じ形態で行う事業でも「協働事業」との区別が必要です。",
    ),
    PAGE_PURPOSES: QT_TRANSLATE_NOOP(
        "ProjectWizardManual",
        "互いにメリットのある事業でなければならないことを意識して、目的を明確に共有しましょう。",
    ),
    PAGE_PARTNERS: QT_TRANSLATE_NOOP(
        "ProjectWizardManual",
        "パートナーの選択などのプロセスはできるだけ公表し、透明性・公平性の確保に努めましょう。",
    ),
    PAGE_ROLES: QT_TRANSLATE_NOOP(
        "ProjectWizardManual",
        "それぞれの特性を活かした役割分担を明確にし、責任の所在や範囲を明らかにしておきましょう。",
    ),
    PAGE_AGREEMENT: QT_TRANSLATE_NOOP(
        "ProjectWizardManual",
        "提案された内容に基づいて協議を行い、行政の目的と団体の目的・特性を反映させた仕様書を作成し、合意の上で契約",
    ),
    PAGE_POINTS: QT_TRANSLATE_NOOP(
        "ProjectWizardManual",
        "次に挙げたポイントは、市民活動団体と行政とがよりよい関係性を築き、"
        "協働を進めていくために、お互いに認識しておくことが重要です。",
    ),
    PAGE_SUMMARY: QT_TRANSLATE_NOOP(
        "ProjectWizardManual",
        "協働によってどのような効果があったのか明確にし、協働のメリットをお互いが認識できるようにしましょう。",
    ),
}

#: The first advice of each of the six points (keys: COLLABORATION_POINTS).
POINT_QUOTES: dict[str, str] = {
    "相互理解": QT_TRANSLATE_NOOP(
        "ProjectWizardManual",
        "市民活動団体と行政は、それぞれの立場や特性、価値観に基づいて活動している、"
        "お互いに独立した存在であるということを理解しましょう。",
    ),
    "公平性の確保": QT_TRANSLATE_NOOP(
        "ProjectWizardManual",
        "協働を進めると特定の団体との関係が強くなりがちです。"
        "定期的に事業の見直しを行い、内容やパートナーが固定化しないように留意しましょう。",
    ),
    "対等性の確保": QT_TRANSLATE_NOOP(
        "ProjectWizardManual", "相互及び第三者による事業評価を行い、一方的な評価を行わないようにしましょう。"
    ),
    "役割分担の明確化": QT_TRANSLATE_NOOP(
        "ProjectWizardManual", "市民活動団体と行政の役割分担が不明確になりやすい傾向があります。"
    ),
    "目的の共有": QT_TRANSLATE_NOOP(
        "ProjectWizardManual",
        "互いにメリットのある事業でなければならないことを意識して、目的を明確に共有しましょう。",
    ),
    "効果の可視化": QT_TRANSLATE_NOOP(
        "ProjectWizardManual", "住民にとって協働の効果がわかりづらいとの指摘もあります。"
    ),
}


def why_line(page_id: int) -> str:
    """The line shown at the top of a step: the quote and where it is from."""
    quote = QCoreApplication.translate(_CONTEXT, STEP_QUOTES[page_id])
    return QCoreApplication.translate(_CONTEXT, "「{quote}」（千葉県協働推進マニュアル）").format(quote=quote)


def point_hint(point: str) -> str:
    """The manual's advice for one of the six points, translated."""
    return QCoreApplication.translate(_CONTEXT, POINT_QUOTES[point])
