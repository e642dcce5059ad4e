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

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, func, literal_column, select
from sqlalchemy.orm import InstrumentedAttribute

from kyodo_desktop.domain.handover_dates import add_months
from kyodo_desktop.domain.project_terms import CLOSED_STAGES
from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.persistence.errors import KnownError
from kyodo_desktop.persistence.models import Interaction, Officer, Organization, Project
from kyodo_desktop.persistence.models_handover import HandoverItem, HandoverNote
from kyodo_desktop.services import settings
from kyodo_desktop.services.handover_records import CORRECTED, SIGNED, Alert, PendingHandover
from kyodo_desktop.services.report_scope import ReportScope
from kyodo_desktop.services.workspace import Workspace

QUIET_MONTHS_DEFAULT = 6
ENDING_DAYS_DEFAULT = 60
_KEY = "handover"

QUIET = "対応が途絶えた団体"
ENDING = "協定の終了が近い事業"
UNSIGNED = "引継書のない異動"


def not_by_index(column: InstrumentedAttribute[Any]) -> ColumnElement[Any]:
    """``column`` written ``+table.column``: SQLite then uses no index for it. Needed where the
    planner would rather walk ``ix_organizations_listing`` / ``ix_organizations_deleted_at`` over
    every live organization (to skip a sort, or thinking ``deleted_at IS NULL`` selective) than
    take the officer's or the dates' index for the few rows wanted (0.32 s → 0.01 s at 100,000)."""
    return literal_column(f"+{column.class_.__tablename__}.{column.key}")


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
    only ``officer_id`` when given (the home tab's day). Three queries whatever the number of
    officers: one scan for all of them rather than one per officer.
    """
    closed = [stage.value for stage in CLOSED_STAGES]
    officers = select(Officer).where(Officer.transferred_on.is_not(None), Officer.deleted_at.is_(None))
    if scope is not None:
        officers = officers.where(Officer.transferred_on.between(scope.transfers_from, scope.transfers_to))
        if scope.section is not None:
            officers = officers.where(Officer.section == scope.section)
    if officer_id is not None:
        officers = officers.where(Officer.id == officer_id)
    with ws.session_factory() as s:
        transferring = s.scalars(
            officers.order_by(Officer.transferred_on, Officer.kana, Officer.name, Officer.id)
        ).all()
        if not transferring:
            return []
        ids = [officer.id for officer in transferring]
        # one read of each kind for all the officers (one query, not one per officer)
        signed = (
            select(HandoverNote.from_officer_id, HandoverItem.organization_id, HandoverItem.project_id)
            .join(HandoverNote, HandoverNote.id == HandoverItem.note_id)
            .where(HandoverNote.from_officer_id.in_(ids), HandoverNote.status.in_((SIGNED, CORRECTED)))
        )
        done: set[tuple[str, str | None]] = set()
        for officer_id, org_id, project_id in s.execute(signed):
            done.add((officer_id, org_id))
            done.add((officer_id, project_id))
        open_orgs: dict[str, list[str]] = {i: [] for i in ids}
        for officer_id, org_id in s.execute(
            select(Organization.responsible_officer_id, Organization.id)
            .where(
                Organization.responsible_officer_id.in_(ids),
                not_by_index(Organization.deleted_at).is_(None),
                Organization.merged_into.is_(None),
            )
            .order_by(Organization.kana, Organization.name, Organization.id)
        ):
            if (officer_id, org_id) not in done:
                open_orgs[officer_id].append(org_id)
        open_projects: dict[str, list[str]] = {i: [] for i in ids}
        for officer_id, project_id in s.execute(
            select(Project.lead_officer_id, Project.id)
            .where(
                Project.lead_officer_id.in_(ids),
                Project.deleted_at.is_(None),
                Project.is_draft.is_(False),
                Project.stage.not_in(closed),
            )
            .order_by(Project.fiscal_year.desc(), Project.title, Project.id)
        ):
            if (officer_id, project_id) not in done:
                open_projects[officer_id].append(project_id)
        result: list[PendingHandover] = []
        for officer in transferring:
            orgs, projects = tuple(open_orgs[officer.id]), tuple(open_projects[officer.id])
            if orgs or projects:
                assert officer.transferred_on is not None
                result.append(
                    PendingHandover(officer.id, officer.name, officer.transferred_on, orgs, projects)
                )
        return result


def alerts(ws: Workspace, today: date | None = None, officer_id: str | None = None) -> list[Alert]:
    """Every handover alert as of ``today``: quiet organizations, ending agreements, transfers
    (only ``officer_id``'s organizations, projects and transfer when given)."""
    today = today or date.today()
    months, days = alert_levels(ws.data_dir)
    since = add_months(today, -months)
    found: list[Alert] = []
    with ws.session_factory() as s:
        # the last contact per organization looked after, from ix_interactions_last_contact
        # alone (grouping all interactions first read every one of them: 0.5 s at 100,000)
        last_on = (
            select(func.max(Interaction.occurred_on))
            .where(Interaction.organization_id == Organization.id)
            .correlate(Organization)
            .scalar_subquery()
        )
        looked_after = (
            select(
                Organization.id,
                Organization.name,
                last_on.label("last_on"),
                Organization.registered_on,
            )
            .where(
                Organization.responsible_officer_id.is_not(None)
                if officer_id is None
                else Organization.responsible_officer_id == officer_id,
                Organization.deleted_at.is_(None),
                Organization.merged_into.is_(None),
                Organization.status != "解散",
            )
            .subquery()
        )
        since_last = func.coalesce(looked_after.c.last_on, looked_after.c.registered_on)
        quiet = s.execute(
            select(looked_after).where(since_last < since).order_by(since_last, looked_after.c.id)
        ).all()
        for org_id, name, last_on, registered_on in quiet:
            note = (
                f"最後の対応: {to_wareki(last_on)}"
                if last_on
                else f"対応の記録なし（登録: {to_wareki(registered_on)}）"
            )
            found.append(Alert(QUIET, org_id, name, last_on, note))
        ending_projects = select(Project.id, Project.title, Project.period_end)
        if officer_id is not None:
            ending_projects = ending_projects.where(Project.lead_officer_id == officer_id)
        ending = s.execute(
            ending_projects.where(
                Project.deleted_at.is_(None),
                Project.is_draft.is_(False),
                Project.stage.not_in([stage.value for stage in CLOSED_STAGES]),
                Project.period_end >= today,
                Project.period_end <= today + timedelta(days=days),
            ).order_by(Project.period_end, Project.title, Project.id)
        ).all()
        for project_id, title, end in ending:
            found.append(Alert(ENDING, project_id, title, end, f"あと{(end - today).days}日"))
    for p in pending(ws, officer_id=officer_id):
        found.append(
            Alert(UNSIGNED, p.officer_id, p.name, p.transferred_on, f"未引継の団体・事業 {p.count}件")
        )
    return found


def responsibilities(ws: Workspace, officer_id: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The organizations (id, name) and open projects (id, title) ``officer_id`` is responsible
    for: the scope a new note offers to tick (the handover tab)."""
    closed = [stage.value for stage in CLOSED_STAGES]
    with ws.session_factory() as s:
        orgs = s.execute(
            select(Organization.id, Organization.name)
            .where(
                Organization.responsible_officer_id == officer_id,
                not_by_index(Organization.deleted_at).is_(None),
                Organization.merged_into.is_(None),
            )
            .order_by(Organization.kana, Organization.name, Organization.id)
        ).all()
        projects = s.execute(
            select(Project.id, Project.title)
            .where(
                Project.lead_officer_id == officer_id,
                Project.deleted_at.is_(None),
                Project.is_draft.is_(False),
                Project.stage.not_in(closed),
            )
            .order_by(Project.fiscal_year.desc(), Project.title, Project.id)
        ).all()
    return [(i, n) for i, n in orgs], [(i, t) for i, t in projects]
