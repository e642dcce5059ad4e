"""The officer's day (the home tab's list): what is due, each item naming the record it opens.

:func:`today_items` gathers, as of ``today``:

- **対応予定** (follow-ups): an interaction whose 次回対応日 is due — overdue, or within
  :data:`DUE_WITHIN_DAYS` days — and that no later interaction of the organization followed
  (the dossier's rule, :func:`kyodo_desktop.domain.handover.is_open_follow_up`);
- **約束・宿題** (promises): open commitments (neither 完了 nor 取り下げ) due the same way;
- **対応が途絶えた団体**, **協定の終了が近い事業**, **引継書のない異動**: the handover alerts
  (:func:`services.handover_alerts.alerts`, with its two settings, the months without contact
  and the days before an agreement ends);
- **評価の予定**: the projects due for evaluation (:func:`services.evaluation_due.due_projects`).

The window, decided here once: a dated item is listed when its date is on or before
``today + DUE_WITHIN_DAYS`` (so everything overdue stays until it is dealt with); the alerts
and evaluations bring their own rules. The list is sorted by date, oldest (most overdue) first,
undated items last; on one day by kind in the order above, then title.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from kyodo_desktop.domain.handover import CLOSED_COMMITMENT_STATUSES, is_open_follow_up
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.persistence.models import Interaction, Organization, Project
from kyodo_desktop.persistence.models_handover import Commitment
from kyodo_desktop.services import evaluation_due, handover_alerts
from kyodo_desktop.services.workspace import Workspace

__all__ = ["DUE_WITHIN_DAYS", "ItemKind", "Opens", "Target", "TodayItem", "today_items"]

#: Follow-ups and promises are listed from this many days before their date.
DUE_WITHIN_DAYS = 7


class ItemKind(StrEnum):
    """What an item is about (stored words; the tab translates them)."""

    FOLLOW_UP = QT_TRANSLATE_NOOP("TodayKind", "対応予定")
    PROMISE = QT_TRANSLATE_NOOP("TodayKind", "約束・宿題")
    QUIET = QT_TRANSLATE_NOOP("TodayKind", "対応が途絶えた団体")  # handover_alerts.QUIET
    ENDING = QT_TRANSLATE_NOOP("TodayKind", "協定の終了が近い事業")  # handover_alerts.ENDING
    EVALUATION = QT_TRANSLATE_NOOP("TodayKind", "評価の予定")
    UNSIGNED = QT_TRANSLATE_NOOP("TodayKind", "引継書のない異動")  # handover_alerts.UNSIGNED


class Opens(StrEnum):
    """What kind of record an item opens."""

    ORGANIZATION = "organization"
    PROJECT = "project"
    EVALUATION = "evaluation"  # the 評価 tab on a project
    HANDOVER = "handover"  # the 引継ぎ tab on an officer


@dataclasses.dataclass(frozen=True, slots=True)
class Target:
    """The record an item opens: its kind and id (an organization, project or officer id)."""

    opens: Opens
    id: str


@dataclasses.dataclass(frozen=True, slots=True)
class TodayItem:
    """One line of the officer's day: its kind, date (due, last contact …), title, detail, target."""

    kind: ItemKind
    on: date | None
    title: str
    detail: str
    target: Target
    overdue: bool = False


_KIND_ORDER = {kind: n for n, kind in enumerate(ItemKind)}


def _sort_key(item: TodayItem) -> tuple[bool, date, int, str, str]:
    return (item.on is None, item.on or date.max, _KIND_ORDER[item.kind], item.title, item.target.id)


def _follow_ups(ws: Workspace, today: date, horizon: date) -> list[TodayItem]:
    later = aliased(Interaction)
    latest = (
        select(func.max(later.occurred_on))
        .where(later.organization_id == Interaction.organization_id)
        .scalar_subquery()
    )
    stmt = (
        select(
            Interaction.organization_id,
            Organization.name,
            Interaction.occurred_on,
            Interaction.kind,
            Interaction.summary,
            Interaction.next_action_on,
            latest,
        )
        .join(Organization, Organization.id == Interaction.organization_id)
        .where(
            Interaction.next_action_on.is_not(None),
            Interaction.next_action_on <= horizon,
            Organization.deleted_at.is_(None),
            Organization.merged_into.is_(None),
        )
    )
    found = []
    with ws.session_factory() as s:
        for org_id, name, occurred_on, kind, summary, next_on, latest_on in s.execute(stmt):
            if is_open_follow_up(occurred_on, next_on, latest_on):
                detail = f"{occurred_on.isoformat()} {kind}: {summary}".strip()
                found.append(
                    TodayItem(
                        ItemKind.FOLLOW_UP,
                        next_on,
                        name,
                        detail,
                        Target(Opens.ORGANIZATION, org_id),
                        next_on < today,
                    )
                )
    return found


def _promises(ws: Workspace, today: date, horizon: date) -> list[TodayItem]:
    stmt = (
        select(
            Commitment.organization_id,
            Commitment.project_id,
            Commitment.text,
            Commitment.due_on,
            Organization.name,
            Project.title,
        )
        .outerjoin(Organization, Organization.id == Commitment.organization_id)
        .outerjoin(Project, Project.id == Commitment.project_id)
        .where(
            Commitment.deleted_at.is_(None),
            Commitment.status.not_in(sorted(CLOSED_COMMITMENT_STATUSES)),
            Commitment.due_on.is_not(None),
            Commitment.due_on <= horizon,
            Organization.deleted_at.is_(None),
            Organization.merged_into.is_(None),
            Project.deleted_at.is_(None),
        )
    )
    found = []
    with ws.session_factory() as s:
        for org_id, project_id, text, due_on, name, title in s.execute(stmt):
            target = Target(Opens.ORGANIZATION, org_id) if org_id else Target(Opens.PROJECT, project_id)
            found.append(
                TodayItem(ItemKind.PROMISE, due_on, name or title or "", text, target, due_on < today)
            )
    return found


def today_items(ws: Workspace, today: date | None = None) -> list[TodayItem]:
    """Everything due on ``today`` (see the module), most overdue first."""
    today = today or date.today()
    horizon = today + timedelta(days=DUE_WITHIN_DAYS)
    items = _follow_ups(ws, today, horizon) + _promises(ws, today, horizon)
    opens = {
        handover_alerts.QUIET: (ItemKind.QUIET, Opens.ORGANIZATION),
        handover_alerts.ENDING: (ItemKind.ENDING, Opens.PROJECT),
        handover_alerts.UNSIGNED: (ItemKind.UNSIGNED, Opens.HANDOVER),
    }
    for alert in handover_alerts.alerts(ws, today):
        kind, what = opens[alert.kind]
        # a transfer date passed without a signed note is overdue; a quiet partner always is
        overdue = kind is ItemKind.QUIET or (alert.on is not None and alert.on < today)
        items.append(
            TodayItem(kind, alert.on, alert.subject, alert.note, Target(what, alert.subject_id), overdue)
        )
    for due in evaluation_due.due_projects(ws, today):
        overdue = due.period_end is not None and due.period_end < today
        items.append(
            TodayItem(
                ItemKind.EVALUATION,
                due.period_end,
                due.title,
                due.reason,
                Target(Opens.EVALUATION, due.project_id),
                overdue,
            )
        )
    items.sort(key=_sort_key)
    return items
