"""A small world for handover exports: two officers, an NPO with a contact, a project with its
final evaluation concluded, a commitment, and a note over both (used by the workbook and PDF tests)."""

from __future__ import annotations

import dataclasses
from datetime import date

from kyodo_desktop.domain.organization import ContactInput, InteractionInput, OrganizationInput
from kyodo_desktop.domain.project import OfficerInput, PartnerInput, ProjectInput
from kyodo_desktop.services import officers
from kyodo_desktop.services.commitments import CommitmentService
from kyodo_desktop.services.evaluation_records import ImprovementActionInput
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.handover import HandoverService
from kyodo_desktop.services.handover_records import Narrative
from kyodo_desktop.services.organizations import OrganizationService
from kyodo_desktop.services.projects import ProjectService
from kyodo_desktop.services.workspace import Workspace

TODAY = date(2027, 3, 25)
PHONE, EMAIL, CONTACT = "043-000-0000", "m@example.jp", "緑 花子"


@dataclasses.dataclass
class World:
    ws: Workspace
    sato: str
    suzuki: str
    org: str
    project: str


def make_world(ws: Workspace) -> World:
    sato = officers.add_officer(ws, OfficerInput("佐藤 一郎", section="市民協働課"))
    suzuki = officers.add_officer(ws, OfficerInput("鈴木 花子", section="市民協働課"))
    orgs = OrganizationService(ws)
    org = orgs.create(
        OrganizationInput(name="みどりの会", legal_form="特定非営利活動法人", business_year_end="03-31"),
        contacts=[ContactInput(CONTACT, role="事務局長", phone=PHONE, email=EMAIL)],
        responsible_officer_id=sato,
    )
    orgs.add_interaction(
        org, InteractionInput(date(2027, 2, 1), "面談", "=来年度の協定", next_action_on=date(2027, 4, 15))
    )
    project = ProjectService(ws).create(
        ProjectInput(
            title="公園の花壇づくり",
            section="市民協働課",
            fiscal_year=2026,
            lead_officer_id=sato,
            partners=[PartnerInput(org)],
            period_start=date(2026, 4, 1),
            period_end=date(2027, 3, 31),
        ),
        stage="評価",
        stage_on=date(2027, 3, 1),
    )
    evaluations = EvaluationService(ws)
    final = evaluations.round_for(project, 2026, "最終")
    actions = [
        ImprovementActionInput("広報を早める", "市民協働課", date(2027, 6, 30)),
        ImprovementActionInput("会計報告の様式を揃える", "団体", date(2027, 3, 10), "完了"),
    ]
    evaluations.record_conclusion(
        final.id, "改善して継続", "継続する", date(2027, 3, 15), actions, final.version
    )
    CommitmentService(ws).add(
        "協定書案を送る", organization_id=org, owner_officer_id=sato, due_on=date(2027, 4, 10)
    )
    return World(ws, sato, suzuki, org, project)


def make_note(w: World, *, include_contacts: bool = False) -> str:
    service = HandoverService(w.ws)
    note_id = service.create_note(
        w.sato, w.suzuki, TODAY, [w.org], [w.project], include_contacts=include_contacts, today=TODAY
    )
    note = service.get(note_id)
    service.save_narrative(
        note_id,
        note.items[0].id,
        Narrative(background="平成20年から協働", cautions="@総会は5月"),
        expected_version=note.version,
    )
    return note_id
