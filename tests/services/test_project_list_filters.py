"""list_projects: the partner-text and activity-field filters, and the columns the tab shows."""

from __future__ import annotations

from datetime import date

from kyodo_desktop.domain.organization import OrganizationInput
from kyodo_desktop.domain.project import PartnerInput, ProjectInput
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace


def test_partner_text_and_field_filter_and_main_partner_column(ws: Workspace) -> None:
    orgs = OrganizationService(ws)
    green = orgs.create(OrganizationInput(name="みどりの会", address="千葉市中央区1-1"))
    sky = orgs.create(OrganizationInput(name="あおぞらネット", kana="アオゾラネット"))
    svc = ProjectService(ws)
    a = svc.create(
        ProjectInput(
            title="子ども食堂",
            fiscal_year=2024,
            section="市民協働課",
            fields=[13, 1],
            partners=[PartnerInput(green)],
            review_on=date(2025, 1, 10),
        )
    )
    b = svc.create(
        ProjectInput(
            title="河川清掃",
            fiscal_year=2025,
            section="市民協働課",
            fields=[7],
            partners=[PartnerInput(sky), PartnerInput(green, "協力団体")],
        )
    )
    c = svc.create(ProjectInput(title="名簿なし", fiscal_year=2025, section="市民協働課", fields=[10]))

    assert {s.id for s in svc.list_projects(partner="みどり")} == {a, b}  # any partner, any role
    assert {s.id for s in svc.list_projects(partner="アオゾラ")} == {b}  # reading, folded like search
    assert {s.id for s in svc.list_projects(partner="あおぞら")} == {b}
    assert {s.id for s in svc.list_projects(partner="中央区 みどり")} == {a, b}  # every term
    assert svc.list_projects(partner="みどり 横浜") == []
    assert {s.id for s in svc.list_projects(partner="  ")} == {a, b, c}  # blank: no filter
    assert {s.id for s in svc.list_projects(field=1)} == {a}  # 1 is not a prefix match of 10/13
    assert {s.id for s in svc.list_projects(field=13)} == {a}
    assert {s.id for s in svc.list_projects(field=10)} == {c}
    assert {s.id for s in svc.list_projects(field=7, partner="みどり")} == {b}

    rows = {s.id: s for s in svc.list_projects()}
    assert rows[a].main_partner == "みどりの会" and rows[b].main_partner == "あおぞらネット"
    assert rows[c].main_partner == ""
    assert rows[a].period_end == date(2025, 3, 31) and rows[a].review_on == date(2025, 1, 10)
