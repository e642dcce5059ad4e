"""The fairness check (公平性の確保, 固定化の防止) over the stored projects.

:mod:`kyodo_desktop.domain.fairness` decides over plain records; this module loads them:
one :class:`~kyodo_desktop.domain.fairness.PartnerRecord` per (project, partner) of every
finished project not in the trash (a wizard's draft is not a choice made yet, a trashed project
was withdrawn), and one :class:`~kyodo_desktop.domain.fairness.OrganizationRecord` per
organization. The levels (consecutive 年度, share of the budget) come from ``settings.json``
(:func:`kyodo_desktop.services.settings.fairness_levels`).

How a project's budget is split among its partners: the 行政負担 (what the 担当課 gives; the
団体負担 and その他収入 are not the 担当課's money) goes to the 主たるパートナー, split evenly
when there are several (a 共同提案体 with joint representatives), the yen left over by the
division to the first, so the shares add up to the project's amount exactly. 協力団体 get
no share: the contract or grant is made with the main partner, and counting the money again
for each 協力団体 would make the 担当課's budget look larger than it was. A project with no main
partner splits it evenly among all its partners. Every partner, 協力団体 too, counts for the
run of consecutive 年度 and for the selection flags.

A partner merged into another record since (重複の統合) counts as the record it was merged into.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select

from kyodo_desktop.domain.fairness import (
    FairnessReport,
    FairnessSettings,
    OrganizationRecord,
    PartnerRecord,
    YearEntry,
    fairness_report,
)
from kyodo_desktop.domain.fairness import alternatives as domain_alternatives
from kyodo_desktop.domain.fairness import partner_history as domain_partner_history
from kyodo_desktop.domain.project_terms import PartnerRole, SelectionMethod
from kyodo_desktop.persistence.errors import NotFoundError
from kyodo_desktop.persistence.models import Organization, Project, ProjectPartner
from kyodo_desktop.services.settings import fairness_levels
from kyodo_desktop.services.workspace import Workspace

__all__ = [
    "PartnerShare",
    "alternatives",
    "load_organizations",
    "load_records",
    "partner_history",
    "report",
    "settings_of",
    "split_budget",
]


@dataclass(frozen=True)
class PartnerShare:
    """One partner of a project as the budget split sees it."""

    organization_id: str
    role: str


def split_budget(amount: int, partners: Sequence[PartnerShare]) -> dict[str, int]:
    """Each partner's share of ``amount`` yen (see the module's docstring); sums to ``amount``."""
    if not partners:
        return {}
    main = [p.organization_id for p in partners if p.role == PartnerRole.MAIN.value]
    takers = main or [p.organization_id for p in partners]
    takers = list(dict.fromkeys(takers))
    each, left = divmod(amount, len(takers))
    shares = {p.organization_id: 0 for p in partners}
    for n, org_id in enumerate(takers):
        shares[org_id] = each + (left if n == 0 else 0)
    return shares


def settings_of(ws: Workspace) -> FairnessSettings:
    """The levels of the flags from the data folder's settings."""
    years, share = fairness_levels(ws.data_dir)
    return FairnessSettings(consecutive_years=years, share_limit_percent=share)


def _method(value: str) -> SelectionMethod | None:
    try:
        return SelectionMethod(value)
    except ValueError:
        return None  # not chosen yet, or a word from an old list: no selection flag


def load_records(
    ws: Workspace, *, exclude_project: str | None = None, until: int | None = None
) -> list[PartnerRecord]:
    """A record per (project, partner) of every finished project with a 年度, not in the trash
    (``until``: of the 年度 up to that one only)."""
    with ws.session_factory() as s:
        merged: dict[str, str] = {
            org_id: into
            for org_id, into in s.execute(
                select(Organization.id, Organization.merged_into).where(Organization.merged_into.is_not(None))
            )
            if into is not None
        }
        projects = s.execute(
            select(
                Project.id,
                Project.fiscal_year,
                Project.section,
                Project.budget_administration,
                Project.selection_method,
                Project.selection_reason,
                Project.applicant_count,
            ).where(
                Project.deleted_at.is_(None),
                Project.is_draft.is_(False),
                Project.fiscal_year.is_not(None),
                *(() if until is None else (Project.fiscal_year <= until,)),
            )
        ).all()
        partners: dict[str, list[PartnerShare]] = {}
        roles = select(ProjectPartner.project_id, ProjectPartner.organization_id, ProjectPartner.role)
        if until is not None:
            roles = roles.join(Project, Project.id == ProjectPartner.project_id).where(
                Project.fiscal_year <= until
            )
        for project_id, org_id, role in s.execute(
            roles.order_by(ProjectPartner.project_id, ProjectPartner.position)
        ):
            partners.setdefault(project_id, []).append(PartnerShare(_followed(org_id, merged), role))
    records: list[PartnerRecord] = []
    for project_id, fiscal_year, section, amount, method, reason, applicants in projects:
        if project_id == exclude_project:
            continue
        shares = split_budget(amount or 0, partners.get(project_id, []))
        records.extend(
            PartnerRecord(
                project_id=project_id,
                fiscal_year=fiscal_year,
                section=section,
                organization_id=org_id,
                amount=share,
                selection_method=_method(method),
                selection_reason=reason,
                applicants=applicants,
            )
            for org_id, share in shares.items()
        )
    return records


def _followed(org_id: str, merged: dict[str, str]) -> str:
    """The record ``org_id`` was merged into (through a chain of merges), or itself."""
    seen = {org_id}
    while org_id in merged and merged[org_id] not in seen:
        org_id = merged[org_id]
        seen.add(org_id)
    return org_id


def load_organizations(
    ws: Workspace, *, live_only: bool = False, ids: Iterable[str] | None = None
) -> dict[str, OrganizationRecord]:
    """The organizations by id (``live_only``: those not in the trash; ``ids``: those only), as
    the check needs them."""
    if ids is not None:
        wanted = sorted(set(ids))
        found: dict[str, OrganizationRecord] = {}
        for start in range(0, len(wanted), _IDS_PER_QUERY):
            found.update(_organizations(ws, live_only, wanted[start : start + _IDS_PER_QUERY]))
        return found
    return _organizations(ws, live_only, None)


#: Ids per ``IN (…)`` (well under SQLite's limit of bound parameters).
_IDS_PER_QUERY = 900


def _organizations(ws: Workspace, live_only: bool, ids: list[str] | None) -> dict[str, OrganizationRecord]:
    stmt = select(
        Organization.id,
        Organization.name,
        Organization.activity_fields,
        Organization.municipality_name,
        Organization.municipality_code,
        Organization.corporate_number,
    )
    if live_only:
        stmt = stmt.where(Organization.deleted_at.is_(None))
    if ids is not None:
        stmt = stmt.where(Organization.id.in_(ids))
    with ws.session_factory() as s:
        return {
            org_id: OrganizationRecord(
                id=org_id,
                name=name,
                fields=_fields(fields),
                municipality=municipality or code,
                corporate_number=corporate_number,
            )
            for org_id, name, fields, municipality, code, corporate_number in s.execute(stmt)
        }


def _fields(text: str) -> frozenset[int]:
    return frozenset(int(code) for code in text.split(",") if code.strip().isdigit())


def partner_history(
    ws: Workspace,
    organization_id: str,
    section: str,
    until_fiscal_year: int,
    *,
    candidate: Iterable[PartnerRecord] = (),
    exclude_project: str | None = None,
) -> list[YearEntry]:
    """What the organization had with ``section`` in each of the last five 年度 up to
    ``until_fiscal_year`` (oldest first): projects, budget, share and flags.

    The wizard passes the project being chosen for as ``candidate`` records (and, when editing
    a stored project, its id as ``exclude_project`` so it does not count twice): the flags are
    then those the choice would bring.
    """
    records = [*load_records(ws, exclude_project=exclude_project), *candidate]
    return domain_partner_history(records, organization_id, section, until_fiscal_year, settings_of(ws))


def alternatives(
    ws: Workspace, organization_id: str, limit: int = 10, *, fields: Iterable[int] | None = None
) -> list[OrganizationRecord]:
    """Other registered organizations (not in the trash) in the organization's municipality
    sharing one of its activity fields (or of ``fields``, e.g. the project's), most shared first."""
    organizations = load_organizations(ws, live_only=True)
    org = organizations.get(organization_id)
    if org is None:
        every = load_organizations(ws)
        if organization_id not in every:
            raise NotFoundError(f"団体が見つかりません: {organization_id}")
        org = every[organization_id]  # in the trash: its neighbours are still worth knowing
    wanted = org.fields if fields is None else frozenset(fields)
    return domain_alternatives(
        organizations.values(), wanted, org.municipality, exclude=[organization_id], limit=limit
    )


def report(ws: Workspace, fiscal_year: int | None = None) -> FairnessReport:
    """The fairness report over all stored projects, or over one 年度 (runs count the years before).

    Its lines come by 担当課 and 団体名 (ids are random UUIDs: an order by id would mean nothing).
    """
    # one 年度: only the years up to it are read (a run counts back), and only its partners' names
    records = load_records(ws, until=fiscal_year)
    partners = {r.organization_id for r in records if fiscal_year is None or r.fiscal_year == fiscal_year}
    organizations = load_organizations(ws, ids=partners)
    found = fairness_report(records, organizations, fiscal_year, settings_of(ws))
    lines = sorted(found.lines, key=lambda line: (line.section, line.organization.name, line.organization.id))
    return replace(found, lines=tuple(lines))
