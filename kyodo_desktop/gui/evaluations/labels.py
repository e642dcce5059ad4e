"""How the evaluations tab shows stored evaluation words, totals and trends (translated)."""

from __future__ import annotations

from kyodo_desktop.domain.evaluation import SideTotal
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.gui.i18n import label

#: The sides in the order every column, chart and legend uses (colours stay with a side).
SIDES: tuple[str, ...] = ("行政", "団体", "第三者")


def term(value: str, context: str = "EvaluationTerm") -> str:
    """A stored word (phase, side, direction, scale word …) as shown."""
    return label(context, value)


def total_text(total: SideTotal | None) -> str:
    """``42/55`` (「42/55（未回答あり）」 is left to tooltips; "" for none)."""
    return "" if total is None else f"{total.points}/{total.maximum}"


def trend_mark(now: float | None, before: float | None) -> str:
    """↑ / ↓ / → of ``now`` against ``before`` (ratios); "" when either is missing."""
    if now is None or before is None:
        return ""
    if abs(now - before) < 1e-9:
        return "→"
    return "↑" if now > before else "↓"


#: Why the mutual view hides a side (services.evaluations_mutual's words), for lupdate to find.
HIDDEN_REASONS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("EvaluationHidden", "未提出"),
    QT_TRANSLATE_NOOP("EvaluationHidden", "ブラインド: 他の評価者区分の提出を待っています"),
)

#: The states of an improvement action (services.evaluation_records.ACTION_STATUSES), for lupdate.
ACTION_STATUS_LABELS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("EvaluationAction", "未着手"),
    QT_TRANSLATE_NOOP("EvaluationAction", "対応中"),
    QT_TRANSLATE_NOOP("EvaluationAction", "完了"),
)
