"""The few handover rules the officer's day needs, without the dossier's records.

``domain.handover`` (the dossier: a dozen record types, 30 ms to import) and
``services.handover_records`` re-export these; the home tab's day, read by the start-up worker
while the window is being built, imports only this module.
"""

from __future__ import annotations

from datetime import date

__all__ = [
    "CLOSED_COMMITMENT_STATUSES",
    "COMMITMENT_SOURCES",
    "COMMITMENT_STATUSES",
    "CORRECTED",
    "DRAFT",
    "SIGNED",
    "is_open_follow_up",
]

#: The statuses of a commitment (約束・宿題), in the order they are worked through.
COMMITMENT_STATUSES: tuple[str, ...] = ("未着手", "対応中", "完了", "取り下げ")
#: The statuses that close a commitment.
CLOSED_COMMITMENT_STATUSES = frozenset({"完了", "取り下げ"})
#: Where a commitment came from.
COMMITMENT_SOURCES: tuple[str, ...] = ("対応記録", "評価", "引継", "手入力")
#: The statuses of a handover note.
DRAFT, SIGNED, CORRECTED = "下書き", "署名済", "訂正済"


def is_open_follow_up(occurred_on: date, next_action_on: date | None, latest_on: date) -> bool:
    """Whether an interaction on ``occurred_on`` naming ``next_action_on`` is an open follow-up,
    ``latest_on`` being the subject's latest interaction: the one rule of the dossier and the
    home tab (no later interaction followed it; whether the date has passed does not close it)."""
    return next_action_on is not None and occurred_on >= latest_on
