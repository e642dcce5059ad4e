"""Use cases of projects (事業). One public method = one transaction.

Like the registry's (:mod:`kyodo_desktop.services.organizations`): every write validates
through :mod:`kyodo_desktop.domain.project`, checks the record's ``version`` (a stale save is
refused), and writes its audit rows (entity ``project``) in the same transaction. A stage
changes only by :meth:`ProjectService.change_stage`, dated and with a note.

A wizard's unfinished project is a project with ``is_draft`` (validated as a draft, out of the
lists) rather than a table of its own: it has the same lists (partners, roles, points …) in
the same tables, resuming it and editing a finished project open the same pages, and
finishing it is one update that validates it in full.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kyodo_desktop.domain.project import (
    ProjectInput,
    validate_project,
    validate_stage_change,
)
from kyodo_desktop.domain.project_terms import Stage
from kyodo_desktop.domain.text import nfkc, search_terms
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors
from kyodo_desktop.persistence import audit, project_listing
from kyodo_desktop.persistence.errors import KnownError, NotFoundError, StaleEditError
from kyodo_desktop.persistence.models import (
    Organization,
    Project,
    ProjectLogEntry,
    ProjectPartner,
    ProjectStageChange,
    utc_now,
)
from kyodo_desktop.services import officers
from kyodo_desktop.services.project_records import (
    LogRecord,
    OrganizationProject,
    PartnerRecord,
    ProjectRecord,
    ProjectSummary,
    StageChangeRecord,
    apply_input,
    input_of,
    nonblank,
    snapshot,
)
from kyodo_desktop.services.workspace import Workspace

ENTITY = "project"


class ProjectService:
    """The project use cases on one workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    # -- reading ---------------------------------------------------------------------------
    def get(self, project_id: str) -> ProjectRecord:
        """One project with its lists (drafts and trashed ones too)."""
        with self.ws.session_factory() as s:
            p = self._load(s, project_id)
            orgs = {
                o.id: o
                for o in s.scalars(
                    select(Organization).where(Organization.id.in_([x.organization_id for x in p.partners]))
                )
            }
            return ProjectRecord(
                id=p.id,
                version=p.version,
                data=input_of(p),
                stage=p.stage,
                partners=[
                    PartnerRecord(
                        x.organization_id,
                        orgs[x.organization_id].name,
                        orgs[x.organization_id].corporate_number,
                        x.role,
                    )
                    for x in p.partners
                ],
                stage_changes=[
                    StageChangeRecord(c.stage, c.changed_on, c.note, c.officer) for c in p.stage_changes
                ],
                log=[LogRecord(e.id, e.occurred_on, e.text, e.officer) for e in p.log],
                is_draft=p.is_draft,
                draft_step=p.draft_step,
                import_id=p.import_id,
                created_at=p.created_at,
                updated_at=p.updated_at,
                deleted_at=p.deleted_at,
            )

    def list_projects(
        self,
        *,
        fiscal_year: int | None = None,
        section: str | None = None,
        stage: str | None = None,
        form: str | None = None,
        kind: str | None = None,
        organization_id: str | None = None,
        partner: str | None = None,
        field: int | None = None,
        drafts: bool = False,
        trash: bool = False,
    ) -> list[ProjectSummary]:
        """Projects by 年度 (newest first), 担当課 and title; ``drafts`` lists the drafts instead.

        ``partner`` is text matched as the registry's search matches it (every term in some
        partner's folded search text); ``field`` an activity field code of the project.
        """
        with self.ws.session_factory() as s:
            conn = s.connection().connection.driver_connection
            assert isinstance(conn, sqlite3.Connection)  # the one driver the engine uses
            rows = project_listing.read_listing(conn, drafts=drafts, trash=trash)
            terms = search_terms(partner or "")
            ids = project_listing.PartnerIndex.read(conn).matching(terms) if terms else None
            if organization_id is not None:
                own = project_listing.organization_project_ids(conn, organization_id)
                ids = own if ids is None else ids & own
        rows = project_listing.filter_rows(
            rows,
            fiscal_year=fiscal_year,
            section=section,
            stage=stage,
            form=form,
            kind=kind,
            field=field,
            ids=ids,
        )
        return [_summary(row) for row in rows]

    def projects_of_organization(self, organization_id: str) -> list[OrganizationProject]:
        """The (finished, not trashed) projects an organization takes part in, newest 年度 first."""
        stmt = (
            select(
                Project.id,
                Project.fiscal_year,
                Project.title,
                ProjectPartner.role,
                Project.form,
                Project.stage,
                Project.section,
            )
            .join(ProjectPartner, ProjectPartner.project_id == Project.id)
            .where(
                ProjectPartner.organization_id == organization_id,
                Project.deleted_at.is_(None),
                Project.is_draft.is_(False),
            )
            .order_by(Project.fiscal_year.desc(), Project.title, Project.id)
        )
        with self.ws.session_factory() as s:
            return [OrganizationProject(*row) for row in s.execute(stmt)]

    # -- writing ---------------------------------------------------------------------------
    def create(
        self,
        data: ProjectInput,
        *,
        stage: str = Stage.NEEDS.value,
        stage_on: date | None = None,
        note: str = "",
        draft: bool = False,
        draft_step: int = 0,
        import_id: str | None = None,
    ) -> str:
        """Validate and store a new project (or a wizard's draft) in ``stage``; returns its id.

        Without a lead officer the current officer leads (their record found or made, see
        :func:`officers.current_officer_id`); a past project from an import keeps none.
        """
        self.ws.require_write()
        clean = validate_project(data, draft=draft)
        first, on, clean_note = validate_stage_change("", stage, stage_on or date.today(), None, note)
        with self.ws.session_factory.begin() as s:
            self._check_references(s, clean)
            if clean.lead_officer_id is None and import_id is None:
                clean.lead_officer_id = officers.current_officer_id(self.ws, s)
            p = Project(stage=first.value, is_draft=draft, draft_step=draft_step, import_id=import_id)
            apply_input(p, clean)
            p.stage_changes = [
                ProjectStageChange(stage=first.value, changed_on=on, note=clean_note, officer=self._who())
            ]
            s.add(p)
            s.flush()
            changes = audit.diff({}, nonblank({**snapshot(clean), "stage": first.value, "is_draft": draft}))
            self._audit(s, p.id, "create", changes)
            return p.id

    def update(
        self,
        project_id: str,
        data: ProjectInput,
        *,
        expected_version: int,
        draft: bool | None = None,
        draft_step: int | None = None,
    ) -> int:
        """Save edits made on version ``expected_version``; returns the new version.

        ``draft=False`` finishes a draft (validated in full); ``draft`` left None keeps it as it is.
        """
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            p = self._load(s, project_id)
            self._check_version(p, expected_version)
            is_draft = p.is_draft if draft is None else draft
            if is_draft and not p.is_draft:
                raise KnownError(f"事業「{p.title}」は下書きに戻せません。")
            clean = validate_project(data, draft=is_draft)
            self._check_references(s, clean)
            before = {**snapshot(input_of(p)), "is_draft": p.is_draft}
            apply_input(p, clean)
            p.is_draft = is_draft
            if draft_step is not None:
                p.draft_step = draft_step
            changes = audit.diff(before, {**snapshot(clean), "is_draft": is_draft})
            if not changes:
                s.flush()  # a new draft_step alone is still written, and that bumps the version
                return p.version
            p.updated_at = utc_now()
            s.flush()  # bumps version (version_id_col)
            self._audit(s, p.id, "update", changes)
            return p.version

    def change_stage(
        self, project_id: str, stage: str, *, changed_on: date | None, note: str = "", expected_version: int
    ) -> int:
        """Move the project to ``stage`` as of ``changed_on``, with a note; returns the new version."""
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            p = self._load(s, project_id)
            self._check_version(p, expected_version)
            return apply_stage_change(s, p, stage, changed_on=changed_on, note=note, officer=self._who())

    def add_log(self, project_id: str, occurred_on: date, text: str) -> int:
        """Add an entry to the progress log (経過記録); returns its id. The version stays."""
        self.ws.require_write()
        body = nfkc(text)
        if not body:
            raise ValidationErrors([ValidationError("text", "経過の内容は必須です")])
        with self.ws.session_factory.begin() as s:
            p = self._load(s, project_id)
            entry = ProjectLogEntry(project_id=p.id, occurred_on=occurred_on, text=body, officer=self._who())
            s.add(entry)
            s.flush()
            self._audit(
                s,
                p.id,
                "log",
                {
                    "log_id": [None, entry.id],
                    "occurred_on": [None, occurred_on.isoformat()],
                    "text": [None, body],
                },
            )
            return entry.id

    def delete(self, project_id: str) -> None:
        """Move to the trash (ゴミ箱)."""
        self._set_deleted(project_id, utc_now(), "delete")

    def restore(self, project_id: str) -> None:
        """Take back out of the trash."""
        self._set_deleted(project_id, None, "restore")

    def _set_deleted(self, project_id: str, when: str | None, action: str) -> None:
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            p = self._load(s, project_id)
            if (p.deleted_at is None) == (when is None):
                state = "ゴミ箱にありません" if when is None else "既にゴミ箱にあります"
                raise KnownError(f"事業「{p.title}」は{state}。")
            old, p.deleted_at = p.deleted_at, when
            p.updated_at = utc_now()
            self._audit(s, p.id, action, {"deleted_at": [old, when]})

    # -- helpers -------------------------------------------------------------------------------
    def _who(self) -> str:
        return self.ws.officer.name

    def _audit(self, s: Session, record_id: str, action: str, changes: dict[str, Any]) -> None:
        audit.record(
            s, officer=self._who(), entity=ENTITY, record_id=record_id, action=action, changes=changes
        )

    @staticmethod
    def _check_references(s: Session, data: ProjectInput) -> None:
        """Partners must be registered organizations (not in the trash), the lead a known officer."""
        ids = [x.organization_id for x in data.partners]
        if ids:
            live = set(
                s.scalars(
                    select(Organization.id).where(Organization.id.in_(ids), Organization.deleted_at.is_(None))
                )
            )
            missing = [i for i in ids if i not in live]
            if missing:
                raise NotFoundError(
                    f"パートナーの団体が台帳にありません（ゴミ箱の団体は選べません）: {missing[0]}"
                )
        if data.lead_officer_id is not None:
            officers.load(s, data.lead_officer_id)

    @staticmethod
    def _load(s: Session, project_id: str) -> Project:
        p = s.get(Project, project_id)
        if p is None:
            raise NotFoundError(f"事業が見つかりません: {project_id}")
        return p

    @staticmethod
    def _check_version(p: Project, expected_version: int) -> None:
        if p.version != expected_version:
            raise StaleEditError(
                f"事業「{p.title}」は、開いた後に他の操作で更新されています"
                f"（開いた時: 版{expected_version}、現在: 版{p.version}）。"
                "入力内容は残してあります。最新の内容を開き直してから保存してください。"
            )

    def correct_log(
        self, project_id: str, log_id: int, occurred_on: date, text: str, *, expected: LogRecord
    ) -> None:
        """Correct an entry of the progress log as read in ``expected`` (audited as ``log_update``).

        A log entry has no version of its own: the correction is refused as stale
        (:class:`StaleEditError`) when the entry no longer holds what ``expected`` shows.
        The entry keeps the officer who wrote it; the audit row names who corrected it.
        """
        self.ws.require_write()
        body = nfkc(text)
        if not body:
            raise ValidationErrors([ValidationError("text", "経過の内容は必須です")])
        with self.ws.session_factory.begin() as s:
            p = self._load(s, project_id)
            entry = s.get(ProjectLogEntry, log_id)
            if entry is None or entry.project_id != p.id:
                raise NotFoundError(f"事業「{p.title}」の経過記録が見つかりません（番号 {log_id}）。")
            if (entry.occurred_on, entry.text) != (expected.occurred_on, expected.text):
                raise StaleEditError(
                    f"事業「{p.title}」の {entry.occurred_on.isoformat()} の経過記録は、開いた後に"
                    "他の操作で修正されています。最新の内容を開き直してから修正してください。"
                )
            changes: dict[str, Any] = {"log_id": [log_id, log_id]}
            if entry.occurred_on != occurred_on:
                changes["occurred_on"] = [entry.occurred_on.isoformat(), occurred_on.isoformat()]
            if entry.text != body:
                changes["text"] = [entry.text, body]
            if len(changes) == 1:
                return  # nothing changed: nothing to audit
            entry.occurred_on, entry.text = occurred_on, body
            self._audit(s, p.id, "log_update", changes)


def apply_stage_change(
    s: Session, p: Project, stage: str, *, changed_on: date | None, note: str, officer: str
) -> int:
    """Move ``p`` to ``stage`` in the caller's transaction, audited; returns the new version.

    The one stage change: :meth:`ProjectService.change_stage` and the evaluations' final
    conclusion (which moves the project in the same transaction as it is recorded) call it.
    """
    last = p.stage_changes[-1].changed_on if p.stage_changes else None
    new, on, clean_note = validate_stage_change(p.stage, stage, changed_on, last, note)
    old = p.stage
    p.stage = new.value
    p.stage_changes.append(
        ProjectStageChange(stage=new.value, changed_on=on, note=clean_note, officer=officer)
    )
    p.updated_at = utc_now()
    s.flush()
    audit.record(
        s,
        officer=officer,
        entity=ENTITY,
        record_id=p.id,
        action="stage",
        changes={"stage": [old, new.value], "changed_on": [None, on.isoformat()], "note": [None, clean_note]},
    )
    return p.version


def _summary(row: list[Any]) -> ProjectSummary:
    """A listing row as JSON gave it: 0/1 for the draft flag, ISO text for the dates."""
    project_id, fiscal_year, title, form, stage, section, kind, is_draft, partner, end, review, _fields = row
    return ProjectSummary(
        project_id,
        fiscal_year,
        title,
        form,
        stage,
        section,
        kind,
        bool(is_draft),
        partner,
        date.fromisoformat(end) if end else None,
        date.fromisoformat(review) if review else None,
    )
