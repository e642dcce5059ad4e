"""The records of one organization or project read as the dossier compiler's plain input.

:func:`compile_organization` / :func:`compile_project` read inside a session and hand the
facts to :func:`kyodo_desktop.domain.handover.compile_dossier`. Evaluation conclusions come
from an :data:`EvaluationProvider`; the one every note uses, :func:`evaluation_conclusions`,
reads the concluded rounds of the evaluations (issue 12) through their own service.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from kyodo_desktop.domain.handover import (
    CommitmentFact,
    ContactFact,
    Dossier,
    DossierInput,
    EvaluationFact,
    ImprovementFact,
    InteractionFact,
    ProjectFact,
    StageFact,
    compile_dossier,
)
from kyodo_desktop.persistence.errors import NotFoundError
from kyodo_desktop.persistence.models import Contact, Interaction, Organization, Project, ProjectPartner
from kyodo_desktop.services import officers
from kyodo_desktop.services.commitments import commitments_of
from kyodo_desktop.services.evaluations import EvaluationService
from kyodo_desktop.services.handover_records import ORGANIZATION, PROJECT
from kyodo_desktop.services.workspace import Workspace

#: Returns the evaluation conclusions of a subject: (``団体``/``事業``, its id) → conclusions.
#: For an organization the provider is asked once per project it takes part in.
EvaluationProvider = Callable[[str, str], Sequence[EvaluationFact]]


def no_evaluations(kind: str, subject_id: str) -> Sequence[EvaluationFact]:
    """The default provider: no evaluation conclusions."""
    return ()


def evaluation_conclusions(workspace: Workspace) -> EvaluationProvider:
    """The provider every note uses: a project's concluded rounds (結論の記録日 set) with their
    今後の方向性 and improvement actions; an organization's come through its projects."""
    service = EvaluationService(workspace)

    def provider(kind: str, subject_id: str) -> Sequence[EvaluationFact]:
        if kind != PROJECT:
            return ()
        return [
            EvaluationFact(
                r.id,
                r.project_id,
                r.fiscal_year,
                r.phase,
                r.direction,
                r.decided_on,
                tuple(ImprovementFact(a.text, a.owner, a.due_on, a.status) for a in r.actions),
            )
            for r in service.rounds_of_project(subject_id)
            if r.decided_on is not None
        ]

    return provider


def _project_fact(p: Project) -> ProjectFact:
    return ProjectFact(
        id=p.id,
        title=p.title,
        stage=p.stage,
        fiscal_year=p.fiscal_year,
        stage_changes=tuple(StageFact(c.stage, c.changed_on, c.note) for c in p.stage_changes),
        period_start=p.period_start,
        period_end=p.period_end,
        review_on=p.review_on,
    )


def _commitment_facts(
    s: Session, *, organization_id: str | None = None, project_id: str | None = None
) -> list[CommitmentFact]:
    return [
        CommitmentFact(
            c.id,
            c.text,
            c.status,
            officers.label_of(s, c.owner_officer_id),
            c.due_on,
            c.source,
            c.closed_on,
        )
        for c in commitments_of(s, organization_id=organization_id, project_id=project_id)
    ]


def load_organization(s: Session, org_id: str) -> Organization:
    """A live organization (raises NotFoundError)."""
    org = s.get(Organization, org_id)
    if org is None or org.deleted_at is not None:
        raise NotFoundError(f"団体が見つかりません: {org_id}")
    return org


def load_project(s: Session, project_id: str) -> Project:
    """A live, finished (not draft) project (raises NotFoundError)."""
    project = s.get(Project, project_id)
    if project is None or project.deleted_at is not None or project.is_draft:
        raise NotFoundError(f"事業が見つかりません: {project_id}")
    return project


def compile_organization(
    s: Session,
    org_id: str,
    today: date,
    *,
    include_contacts: bool = False,
    evaluations: EvaluationProvider = no_evaluations,
) -> Dossier:
    """The dossier of one organization: its log, projects, evaluations, commitments, contacts."""
    org = load_organization(s, org_id)
    projects = list(
        s.scalars(
            select(Project)
            .join(ProjectPartner, ProjectPartner.project_id == Project.id)
            .where(
                ProjectPartner.organization_id == org_id,
                Project.deleted_at.is_(None),
                Project.is_draft.is_(False),
            )
            .order_by(Project.id)
        )
    )
    interactions = s.scalars(select(Interaction).where(Interaction.organization_id == org_id))
    contacts = s.scalars(
        select(Contact)
        .where(Contact.organization_id == org_id)
        .order_by(Contact.is_primary.desc(), Contact.created_at, Contact.id)
    )
    # by id: a provider may give a project's conclusions for its partner organization too
    conclusions = {e.id: e for e in evaluations(ORGANIZATION, org_id)}
    for p in projects:
        conclusions.update((e.id, e) for e in evaluations(PROJECT, p.id))
    return compile_dossier(
        DossierInput(
            subject=org.name,
            today=today,
            interactions=[
                InteractionFact(i.id, i.occurred_on, i.kind, i.summary, i.next_action_on)
                for i in interactions
            ],
            projects=[_project_fact(p) for p in projects],
            evaluations=list(conclusions.values()),
            commitments=_commitment_facts(s, organization_id=org_id),
            contacts=[ContactFact(c.name, c.role, c.phone, c.email) for c in contacts],
            business_year_end=org.business_year_end,
            nintei_expires_on=org.nintei_expires_on,
            include_contacts=include_contacts,
        )
    )


def compile_project(
    s: Session,
    project_id: str,
    today: date,
    *,
    evaluations: EvaluationProvider = no_evaluations,
) -> Dossier:
    """The dossier of one project: its stages, progress log (経過記録), evaluations, commitments."""
    p = load_project(s, project_id)
    log = [InteractionFact(f"log{e.id}", e.occurred_on, "経過記録", e.text) for e in p.log]
    return compile_dossier(
        DossierInput(
            subject=p.title,
            today=today,
            interactions=log,
            projects=[_project_fact(p)],
            evaluations=list(evaluations(PROJECT, p.id)),
            commitments=_commitment_facts(s, project_id=p.id),
        )
    )
