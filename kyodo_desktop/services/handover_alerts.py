"""Pending handovers and the handover alerts, with their two settings.

- **Pending** (``kyodo handover pending``): an officer (not in the trash) with a transfer date
  (``transferred_on``) whose responsible organizations (``responsible_officer_id``, live, not
  merged) or lead projects (``lead_officer_id``, live, not a draft, not 中止/終了) are in no
  signed note (署名済 or 訂正済) from that officer. A signed note moves the responsibility to
  the successor, so normally such a scope has left the officer; the check on the notes keeps a
  record that was handed over and then given back from being listed again.
- **Alerts**: organizations a responsible officer looks after with no interaction for N months
  (setting ``handover.quiet_months``, default 6; an organization never contacted counts from
  its registration), agreements (the project period) ending within N days (setting
  ``handover.ending_days``, default 60), and the pending handovers.

Both take ``officer_id`` to narrow to one officer (the home tab's own day): their own transfer,
the organizations they are responsible for, the projects they lead — narrowed in SQL, by the
officer columns' indexes (migration 0012).
"""

from __future__ import annotations

import dataclasses
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

from kyodo_desktop.domain.handover_dates import add_months
from kyodo_desktop.domain.handover_rules import CORRECTED, SIGNED
from kyodo_desktop.domain.project_terms import CLOSED_STAGES
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.persistence import day_reads
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.services import settings
from kyodo_desktop.services.report_scope import ReportScope
from kyodo_desktop.services.workspace import Workspace

QUIET_MONTHS_DEFAULT = 6
ENDING_DAYS_DEFAULT = 60
_KEY = "handover"

QUIET = "対応が途絶えた団体"
ENDING = "協定の終了が近い事業"
UNSIGNED = "引継書のない異動"

#: an organization so marked is not looked after any more: never "quiet"
DISSOLVED = "解散"
_CLOSED = tuple(stage.value for stage in CLOSED_STAGES)


@dataclasses.dataclass(frozen=True, slots=True)
class PendingHandover:
    """An officer with a transfer date whose organizations or projects have no signed note."""

    officer_id: str
    name: str
    transferred_on: date
    organization_ids: tuple[str, ...]
    project_ids: tuple[str, ...]

    @property
    def count(self) -> int:
        """How many organizations and projects are not handed over yet."""
        return len(self.organization_ids) + len(self.project_ids)


class Alert(NamedTuple):  # a named tuple: a whole office has 10,000 quiet partners, made fast
    """Something the handover tab points out: its kind, whom it concerns, the date, a note."""

    kind: str  # 対応が途絶えた団体 / 協定の終了が近い事業 / 引継書のない異動
    subject_id: str
    subject: str
    on: date | None
    note: str = ""


def alert_levels(data_dir: Path) -> tuple[int, int]:
    """(months without interaction, days before an agreement ends) from the settings."""
    raw = settings.load_settings(data_dir).get(_KEY)
    raw = raw if isinstance(raw, dict) else {}
    months, days = raw.get("quiet_months"), raw.get("ending_days")
    return (
        months if isinstance(months, int) and months > 0 else QUIET_MONTHS_DEFAULT,
        days if isinstance(days, int) and days > 0 else ENDING_DAYS_DEFAULT,
    )


def set_alert_levels(data_dir: Path, quiet_months: int, ending_days: int) -> None:
    """Save the two alert levels (each a whole number from 1)."""
    if quiet_months < 1 or ending_days < 1:
        raise KnownError("通知の月数・日数は1以上で指定してください")
    data = settings.load_settings(data_dir)
    data[_KEY] = {"quiet_months": quiet_months, "ending_days": ending_days}
    settings.save_settings(data_dir, data)


def pending(
    ws: Workspace, scope: ReportScope | None = None, officer_id: str | None = None
) -> list[PendingHandover]:
    """Transferring officers with organizations or projects not handed over, by transfer date.

    With ``scope`` only officers transferring in its 年度 (of its 課 when narrowed: the 年度レポート);
    only ``officer_id`` when given (the home tab's day). Four queries whatever the number of
    officers: one read of each kind for all of them rather than one per officer.
    """
    with ws.reader() as conn:
        return pending_in(conn, scope, officer_id)


def pending_in(
    conn: sqlite3.Connection, scope: ReportScope | None = None, officer_id: str | None = None
) -> list[PendingHandover]:
    """:func:`pending`, read over ``conn``."""
    between = None if scope is None else (scope.transfers_from.isoformat(), scope.transfers_to.isoformat())
    transferring = day_reads.transferring_officers(
        conn, between=between, section=None if scope is None else scope.section, officer_id=officer_id
    )
    if not transferring:
        return []
    ids = [row[0] for row in transferring]
    done: set[tuple[str, str | None]] = set()
    for from_id, org_id, project_id in day_reads.signed_scope(conn, ids, (SIGNED, CORRECTED)):
        done.add((from_id, org_id))
        done.add((from_id, project_id))
    open_orgs: dict[str, list[str]] = {i: [] for i in ids}
    for from_id, org_id, _name in day_reads.open_organizations(conn, ids):
        if (from_id, org_id) not in done:
            open_orgs[from_id].append(org_id)
    open_projects: dict[str, list[str]] = {i: [] for i in ids}
    for from_id, project_id, _title in day_reads.open_projects(conn, ids, _CLOSED):
        if (from_id, project_id) not in done:
            open_projects[from_id].append(project_id)
    result: list[PendingHandover] = []
    for from_id, name, transferred_on in transferring:
        orgs, projects = tuple(open_orgs[from_id]), tuple(open_projects[from_id])
        if orgs or projects:
            result.append(PendingHandover(from_id, name, date.fromisoformat(transferred_on), orgs, projects))
    return result


def alerts(ws: Workspace, today: date | None = None, officer_id: str | None = None) -> list[Alert]:
    """Every handover alert as of ``today``: quiet organizations, ending agreements, transfers
    (only ``officer_id``'s organizations, projects and transfer when given)."""
    with ws.reader() as conn:
        return alerts_in(conn, alert_levels(ws.data_dir), today, officer_id)


def alerts_in(
    conn: sqlite3.Connection,
    levels: tuple[int, int],
    today: date | None = None,
    officer_id: str | None = None,
) -> list[Alert]:
    """:func:`alerts` over ``conn``, with the :func:`alert_levels` ``levels``."""
    today = today or date.today()
    months, days = levels
    since = add_months(today, -months).isoformat()
    found: list[Alert] = []
    for org_id, name, last_on, registered_on, _since in day_reads.quiet_organizations(
        conn, since, DISSOLVED, officer_id
    ):
        note = (
            f"最後の対応: {to_wareki(date.fromisoformat(last_on))}"
            if last_on
            else f"対応の記録なし（登録: {to_wareki(date.fromisoformat(registered_on))}）"
        )
        found.append(Alert(QUIET, org_id, name, date.fromisoformat(last_on) if last_on else None, note))
    until = (today + timedelta(days=days)).isoformat()
    for project_id, title, end_text in day_reads.ending_projects(
        conn, today.isoformat(), until, _CLOSED, officer_id
    ):
        end = date.fromisoformat(end_text)
        found.append(Alert(ENDING, project_id, title, end, f"あと{(end - today).days}日"))
    for p in pending_in(conn, officer_id=officer_id):
        found.append(
            Alert(UNSIGNED, p.officer_id, p.name, p.transferred_on, f"未引継の団体・事業 {p.count}件")
        )
    return found


def responsibilities(ws: Workspace, officer_id: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The organizations (id, name) and open projects (id, title) ``officer_id`` is responsible
    for: the scope a new note offers to tick (the handover tab)."""
    with ws.reader() as conn:
        orgs = day_reads.open_organizations(conn, [officer_id])
        projects = day_reads.open_projects(conn, [officer_id], _CLOSED)
    return [(i, n) for _o, i, n in orgs], [(i, t) for _o, i, t in projects]
