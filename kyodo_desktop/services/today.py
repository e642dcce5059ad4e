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
``today + DUE_WITHIN_DAYS`` (so what is overdue stays until it is dealt with); the alerts
and evaluations bring their own rules. Two bounds keep the list a day's work:

- a follow-up overdue by more than the quiet-months setting (``handover.quiet_months``,
  :func:`services.handover_alerts.alert_levels`) — its 次回対応日 before ``today`` minus that
  many months — is not listed one by one: an organization left that long is what
  対応が途絶えた団体 is for (the handover dossier still carries every open follow-up);
- evaluations are listed only for the current 年度 and the one before
  (:func:`evaluation_years`).

**The officer's own day** (``officer_id``, the home tab's 「自分の担当だけ」): only the
organizations that officer is responsible for (``responsible_officer_id``) and the projects
they lead (``lead_officer_id``) — their follow-ups, quiet organizations, evaluations and ending
agreements —, the promises they own or that are on those records, and their own transfer.
Without ``officer_id``: everyone's. :func:`officer_record_id` finds the record of the officer
set in the settings: None when the window has no officer chosen (everyone's day), ``""`` when
no record has that name yet (an officer responsible for nothing: an empty day).

Every kind is narrowed and ordered in SQL, by the indexes of migration 0012 (no loop in Python
over all interactions or organizations). The list is sorted by date, oldest (most overdue)
first, undated items last; on one day by kind in the order above, then title.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from enum import StrEnum

from sqlalchemy import func, or_, select
from sqlalchemy.orm import aliased

from kyodo_desktop.domain.handover import CLOSED_COMMITMENT_STATUSES, is_open_follow_up
from kyodo_desktop.domain.handover_dates import add_months
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.wareki import fiscal_year, to_wareki
from kyodo_desktop.persistence.models import Interaction, Officer, Organization, Project
from kyodo_desktop.persistence.models_handover import Commitment
from kyodo_desktop.services import evaluation_due, handover_alerts
from kyodo_desktop.services.workspace import Workspace

__all__ = [
    "DUE_WITHIN_DAYS",
    "ItemKind",
    "Opens",
    "Target",
    "TodayItem",
    "evaluation_years",
    "officer_record_id",
    "today_items",
]

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


def evaluation_years(today: date) -> tuple[int, int]:
    """The 年度 whose evaluations the day lists: the one before and the current one."""
    current = fiscal_year(today)
    return current - 1, current


def officer_record_id(ws: Workspace) -> str | None:
    """The record of the officer set in the settings, or None when the window has none chosen
    (an officer named by ``KYODO_OFFICER`` or the OS user) — read only, nothing is created."""
    me = ws.officer
    if me.source != "settings":
        return None
    with ws.session_factory() as s:
        if me.officer_id and s.get(Officer, me.officer_id) is not None:
            return me.officer_id
        found: str | None = s.scalars(
            select(Officer.id)
            .where(Officer.name == me.name, Officer.section == me.section, Officer.deleted_at.is_(None))
            .order_by(Officer.created_at, Officer.id)
            .limit(1)
        ).first()
    return found or ""  # an officer without a record is responsible for nothing


def _follow_ups(
    ws: Workspace, today: date, horizon: date, since: date, officer_id: str | None = None
) -> list[TodayItem]:
    later = aliased(Interaction)
    # the organization's latest interaction, from ix_interactions_last_contact alone
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
            Interaction.next_action_on.between(since, horizon),  # ix_interactions_follow_up
            Interaction.occurred_on >= latest,  # is_open_follow_up, in SQL
            # by the dates' range, not by walking every live organization (0.38 → 0.11 s)
            handover_alerts.not_by_index(Organization.deleted_at).is_(None),
            Organization.merged_into.is_(None),
        )
        .order_by(Interaction.next_action_on, Organization.name, Organization.id)
    )
    if officer_id is not None:
        stmt = stmt.where(Organization.responsible_officer_id == officer_id)
    found = []
    with ws.session_factory() as s:
        for org_id, name, occurred_on, kind, summary, next_on, latest_on in s.execute(stmt):
            if is_open_follow_up(occurred_on, next_on, latest_on):
                detail = f"{to_wareki(occurred_on)} {kind}: {summary}".strip()
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


def _promises(ws: Workspace, today: date, horizon: date, officer_id: str | None = None) -> list[TodayItem]:
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
        .order_by(Commitment.due_on, Commitment.id)
    )
    if officer_id is not None:  # theirs, or on their organization or project
        stmt = stmt.where(
            or_(
                Commitment.owner_officer_id == officer_id,
                Organization.responsible_officer_id == officer_id,
                Project.lead_officer_id == officer_id,
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


def today_items(ws: Workspace, today: date | None = None, officer_id: str | None = None) -> list[TodayItem]:
    """Everything due on ``today`` (see the module), most overdue first; only ``officer_id``'s
    when given."""
    today = today or date.today()
    horizon = today + timedelta(days=DUE_WITHIN_DAYS)
    since = add_months(today, -handover_alerts.alert_levels(ws.data_dir)[0])
    items = _follow_ups(ws, today, horizon, since, officer_id) + _promises(ws, today, horizon, officer_id)
    opens = {
        handover_alerts.QUIET: (ItemKind.QUIET, Opens.ORGANIZATION),
        handover_alerts.ENDING: (ItemKind.ENDING, Opens.PROJECT),
        handover_alerts.UNSIGNED: (ItemKind.UNSIGNED, Opens.HANDOVER),
    }
    for alert in handover_alerts.alerts(ws, today, officer_id):
        kind, what = opens[alert.kind]
        # a transfer date passed without a signed note is overdue; a quiet partner always is
        overdue = kind is ItemKind.QUIET or (alert.on is not None and alert.on < today)
        items.append(
            TodayItem(kind, alert.on, alert.subject, alert.note, Target(what, alert.subject_id), overdue)
        )
    for due in evaluation_due.due_projects(ws, today, officer_id=officer_id, years=evaluation_years(today)):
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
