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

Every kind is narrowed and ordered in SQL, by the indexes of migrations 0012 and 0013 (no loop
in Python over all interactions or organizations), in plain ``sqlite3``
(``persistence.day_reads``, shared with the handover alerts and the evaluations due): no ORM, so
the start-up worker reads the first day (:func:`read_day`) while the window is being built. The
list is sorted by date, oldest (most overdue) first, undated items last; on one day by kind in
the order above, then title.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from kyodo_desktop.domain.handover_dates import add_months
from kyodo_desktop.domain.handover_rules import CLOSED_COMMITMENT_STATUSES, is_open_follow_up
from kyodo_desktop.domain.i18n import QT_TRANSLATE_NOOP
from kyodo_desktop.domain.wareki import fiscal_year, to_wareki
from kyodo_desktop.persistence import day_reads, sqlite_file
from kyodo_desktop.services import evaluation_due, handover_alerts, home_settings, settings
from kyodo_desktop.services.workspace import Workspace

__all__ = [
    "DUE_WITHIN_DAYS",
    "DayRead",
    "ItemKind",
    "Opens",
    "Target",
    "TodayItem",
    "evaluation_years",
    "items_in",
    "officer_record_id",
    "read_day",
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


class Target(NamedTuple):
    """The record an item opens: its kind and id (an organization, project or officer id)."""

    opens: Opens
    id: str


# named tuples, not dataclasses: a whole office's day is 21,000 of each, made in a fifth of the
# time (a frozen dataclass sets each field by object.__setattr__)
class TodayItem(NamedTuple):
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
    if ws.officer.source != "settings":
        return None
    with ws.reader() as conn:
        return officer_record_in(conn, ws.officer)


def officer_record_in(conn: sqlite3.Connection, me: settings.Officer) -> str | None:
    """:func:`officer_record_id` of the officer ``me``, read over ``conn``."""
    if me.source != "settings":
        return None
    # an officer without a record is responsible for nothing: ""
    return day_reads.officer_record_id(conn, me.officer_id, me.name, me.section) or ""


def _follow_ups(
    conn: sqlite3.Connection, today: date, horizon: date, since: date, officer_id: str | None = None
) -> list[TodayItem]:
    found = []
    for org_id, name, occurred_text, kind, summary, next_text, latest_text in day_reads.follow_ups(
        conn, since.isoformat(), horizon.isoformat(), officer_id
    ):
        occurred_on, next_on = date.fromisoformat(occurred_text), date.fromisoformat(next_text)
        if is_open_follow_up(occurred_on, next_on, date.fromisoformat(latest_text)):
            detail = f"{to_wareki(occurred_on)} {kind}: {summary}".strip()
            target = Target(Opens.ORGANIZATION, org_id)
            found.append(TodayItem(ItemKind.FOLLOW_UP, next_on, name, detail, target, next_on < today))
    return found


def _promises(
    conn: sqlite3.Connection, today: date, horizon: date, officer_id: str | None = None
) -> list[TodayItem]:
    found = []
    for org_id, project_id, text, due_text, name, title in day_reads.promises(
        conn, horizon.isoformat(), CLOSED_COMMITMENT_STATUSES, officer_id
    ):
        due_on = date.fromisoformat(due_text)
        target = Target(Opens.ORGANIZATION, org_id) if org_id else Target(Opens.PROJECT, project_id)
        found.append(TodayItem(ItemKind.PROMISE, due_on, name or title or "", text, target, due_on < today))
    return found


def today_items(ws: Workspace, today: date | None = None, officer_id: str | None = None) -> list[TodayItem]:
    """Everything due on ``today`` (see the module), most overdue first; only ``officer_id``'s
    when given."""
    with ws.reader() as conn:
        return items_in(conn, handover_alerts.alert_levels(ws.data_dir), today, officer_id)


def items_in(
    conn: sqlite3.Connection,
    levels: tuple[int, int],
    today: date | None = None,
    officer_id: str | None = None,
) -> list[TodayItem]:
    """:func:`today_items` over ``conn``, with the alert ``levels``
    (:func:`~kyodo_desktop.services.handover_alerts.alert_levels`)."""
    today = today or date.today()
    horizon = today + timedelta(days=DUE_WITHIN_DAYS)
    since = add_months(today, -levels[0])
    items = _follow_ups(conn, today, horizon, since, officer_id) + _promises(conn, today, horizon, officer_id)
    opens = {
        handover_alerts.QUIET: (ItemKind.QUIET, Opens.ORGANIZATION),
        handover_alerts.ENDING: (ItemKind.ENDING, Opens.PROJECT),
        handover_alerts.UNSIGNED: (ItemKind.UNSIGNED, Opens.HANDOVER),
    }
    for alert in handover_alerts.alerts_in(conn, levels, today, officer_id):
        kind, what = opens[alert.kind]
        # a transfer date passed without a signed note is overdue; a quiet partner always is
        overdue = kind is ItemKind.QUIET or (alert.on is not None and alert.on < today)
        items.append(
            TodayItem(kind, alert.on, alert.subject, alert.note, Target(what, alert.subject_id), overdue)
        )
    due_projects = evaluation_due.due_projects_in(
        conn, today, officer_id=officer_id, years=evaluation_years(today)
    )
    for due in due_projects:
        overdue = due.period_end is not None and due.period_end < today
        target = Target(Opens.EVALUATION, due.project_id)
        items.append(TodayItem(ItemKind.EVALUATION, due.period_end, due.title, due.reason, target, overdue))
    items.sort(key=_sort_key)
    return items


@dataclasses.dataclass(frozen=True, slots=True)
class DayRead:
    """A read of the day made before the window had a workspace (the start-up worker): for
    whom and which day it was read, so that the home tab uses it only when it would have read
    the same (:meth:`matches`)."""

    day: date
    officer: settings.Officer
    narrowed: bool  # the officer's own day (an officer chosen and 「自分の担当だけ」 on)
    items: list[TodayItem]

    def matches(self, day: date, officer: settings.Officer, narrowed: bool) -> bool:
        """Whether this is the read the tab would make now for ``officer`` on ``day``."""
        return (self.day, self.officer, self.narrowed) == (day, officer, narrowed)


def read_day(data_dir: Path, today: date | None = None) -> DayRead:
    """The day of the data folder ``data_dir``, as its home tab would read it first: the
    officer of its settings, their own day when 「自分の担当だけ」 is on, else everyone's.
    A read-only plain connection: no lock and no ORM needed."""
    today = today or date.today()
    me = settings.current_officer(data_dir)
    narrowed = me.source == "settings" and home_settings.mine_only(data_dir)
    with sqlite_file.connection(data_dir / sqlite_file.DB_FILE_NAME, readonly=True) as conn:
        officer_id = officer_record_in(conn, me) if narrowed else None
        items = items_in(conn, handover_alerts.alert_levels(data_dir), today, officer_id)
    return DayRead(today, me, narrowed, items)
