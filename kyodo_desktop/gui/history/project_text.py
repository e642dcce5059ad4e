"""How the history shows a project's changes: its fields' labels and its values as officers read them.

A project's audit rows hold its snapshot (:func:`kyodo_desktop.services.project_records.snapshot`):
plain values, ISO dates, and lists and maps (partners, budget, roles, the six points …). Here
they become the wizard's words: 年度 as 令和N年度, dates in 和暦, stored words (stage, form,
kind …) in the window's language, partners and the lead officer by name (the history service
reads the names), and each list in one line.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication

from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.local_time import utc_iso_to_local_text
from kyodo_desktop.domain.relationship_kind import QUESTIONS
from kyodo_desktop.domain.wareki import fiscal_year_label, to_wareki
from kyodo_desktop.gui.i18n import label

__all__ = ["project_field_text", "project_value_text", "wareki_local_time"]

_CONTEXT = "ProjectHistory"

#: The labels of a project's audit keys (the wizard's and the 事業計画書's words).
_FIELDS = {
    "title": QT_TRANSLATE_NOOP("ProjectHistory", "事業名"),
    "fiscal_year": QT_TRANSLATE_NOOP("ProjectHistory", "年度"),
    "section": QT_TRANSLATE_NOOP("ProjectHistory", "担当課"),
    "lead_officer_id": QT_TRANSLATE_NOOP("ProjectHistory", "担当職員"),
    "relationship_kind": QT_TRANSLATE_NOOP("ProjectHistory", "関係の種類"),
    "kind_reason": QT_TRANSLATE_NOOP("ProjectHistory", "関係の種類の理由"),
    "kind_answers": QT_TRANSLATE_NOOP("ProjectHistory", "関係の種類の問いへの答え"),
    "form": QT_TRANSLATE_NOOP("ProjectHistory", "形態"),
    "activity_fields": QT_TRANSLATE_NOOP("ProjectHistory", "活動分野"),
    "period_start": QT_TRANSLATE_NOOP("ProjectHistory", "期間の開始"),
    "period_end": QT_TRANSLATE_NOOP("ProjectHistory", "期間の終了"),
    "review_on": QT_TRANSLATE_NOOP("ProjectHistory", "見直しの予定日"),
    "notes": QT_TRANSLATE_NOOP("ProjectHistory", "備考"),
    "partners": QT_TRANSLATE_NOOP("ProjectHistory", "パートナー"),
    "purposes": QT_TRANSLATE_NOOP("ProjectHistory", "目的の共有"),
    "targets": QT_TRANSLATE_NOOP("ProjectHistory", "目標"),
    "budget": QT_TRANSLATE_NOOP("ProjectHistory", "予算"),
    "selection_method": QT_TRANSLATE_NOOP("ProjectHistory", "選定方法"),
    "selection_candidates": QT_TRANSLATE_NOOP("ProjectHistory", "検討した候補"),
    "applicant_count": QT_TRANSLATE_NOOP("ProjectHistory", "応募者数"),
    "selection_reason": QT_TRANSLATE_NOOP("ProjectHistory", "選定の理由"),
    "review_body": QT_TRANSLATE_NOOP("ProjectHistory", "審査機関"),
    "published_on": QT_TRANSLATE_NOOP("ProjectHistory", "公表日"),
    "is_published": QT_TRANSLATE_NOOP("ProjectHistory", "公表"),
    "roles": QT_TRANSLATE_NOOP("ProjectHistory", "役割分担"),
    "agreement": QT_TRANSLATE_NOOP("ProjectHistory", "協定事項"),
    "points": QT_TRANSLATE_NOOP("ProjectHistory", "協働のポイント"),
    "stage": QT_TRANSLATE_NOOP("ProjectHistory", "段階"),
    "is_draft": QT_TRANSLATE_NOOP("ProjectHistory", "下書き"),
    "changed_on": QT_TRANSLATE_NOOP("ProjectHistory", "日付"),
    "note": QT_TRANSLATE_NOOP("ProjectHistory", "メモ"),
    "occurred_on": QT_TRANSLATE_NOOP("ProjectHistory", "経過の日付"),
    "text": QT_TRANSLATE_NOOP("ProjectHistory", "経過の内容"),
    "deleted_at": QT_TRANSLATE_NOOP("ProjectHistory", "ゴミ箱"),
}
#: Keys holding one stored project word (shown as the 事業 tab shows it).
_TERMS = frozenset({"relationship_kind", "form", "selection_method", "stage"})
_DATES = frozenset({"period_start", "period_end", "review_on", "published_on", "changed_on", "occurred_on"})
_YEN = QT_TRANSLATE_NOOP("ProjectHistory", "{amount}円")
_SEP = "、"


def _tr(text: str, context: str = _CONTEXT) -> str:
    return QCoreApplication.translate(context, text)


def _term(value: Any) -> str:
    return label("ProjectTerm", str(value))


def _day(value: Any) -> str:
    if not isinstance(value, str) or not value:
        return ""
    try:
        return to_wareki(date.fromisoformat(value[:10]))
    except ValueError:
        return value  # not a date after all: shown as stored


def _flat(value: Any) -> str:
    return " ".join(str(value).split())


def wareki_local_time(value: str) -> str:
    """A stored UTC time as local time with its date in 和暦: ``令和8年12月1日 10:28 +09:00``."""
    local = utc_iso_to_local_text(value, seconds=False)
    day = _day(local[:10])
    return f"{day}{local[10:]}" if day and day != local[:10] else local


def project_field_text(field: str) -> str | None:
    """The label of a project's audit key; None for a key this module does not know."""
    text = _FIELDS.get(field)
    return None if text is None else _tr(text)


def _answers(value: dict[str, Any]) -> str:
    parts = []
    for question in QUESTIONS:
        choice = next((c for c in question.choices if c.id == value.get(question.id)), None)
        if choice is not None:
            ask = _tr(question.text, "RelationshipQuestion")
            parts.append(f"{ask}: {_tr(choice.label, 'RelationshipQuestion')}")
    return _SEP.join(parts)


def _list_text(field: str, value: list[Any], names: dict[str, str]) -> str | None:
    rows = [row for row in value if isinstance(row, list)]
    if field == "partners":
        return _SEP.join(f"{names.get(r[0], r[0])}（{_term(r[1])}）" for r in rows if len(r) >= 2)
    if field == "roles":
        return _SEP.join(f"{_flat(r[0])}（{_term(r[1])}）" for r in rows if len(r) >= 2)
    if field == "targets":
        return _SEP.join(
            _flat(" ".join(x for x in (r[0], r[1], _day(r[2])) if x)) for r in rows if len(r) >= 3
        )
    return None


def _map_text(field: str, value: dict[str, Any]) -> str:
    if field == "kind_answers":
        return _answers(value)
    if field == "budget":
        return _SEP.join(f"{_term(k)} {_tr(_YEN).format(amount=f'{v:,}')}" for k, v in value.items())
    if field == "points":
        parts = []
        for point, check in value.items():
            status, evidence = [*check, "", ""][:2] if isinstance(check, list) else (check, "")
            parts.append(f"{_term(point)}: {_term(status)}" + (f"（{_flat(evidence)}）" if evidence else ""))
        return _SEP.join(parts)
    return _SEP.join(f"{_term(k)}: {_flat(v)}" for k, v in value.items())  # purposes, agreement


def project_value_text(field: str, value: Any, names: dict[str, str]) -> str | None:
    """One side of a project's change as officers read it; None when the organization history's
    own reading does (blank as （空）, 活動分野, times, yes/no and plain text)."""
    if value in (None, "", [], {}):
        return None
    if field == "fiscal_year" and isinstance(value, int):
        return fiscal_year_label(value)
    if field in _DATES:
        return _day(value)
    if field in _TERMS:
        return _term(value)
    if field == "lead_officer_id":
        return names.get(value, str(value))
    if isinstance(value, list):
        text = _list_text(field, value, names)
        if text is not None:
            return text
    if isinstance(value, dict):
        return _map_text(field, value)
    return None  # the organization history's own reading: 活動分野, ゴミ箱's local time, はい/いいえ …
