"""Commitments (約束・宿題): small tracked items of an organization or a project.

One public method = one transaction, audited (entity ``commitment``), versioned (a status
change made on an older reading is refused); corrected by ``update``, moved to the trash by
``delete`` and taken back by ``restore``. A commitment comes from an interaction (対応記録), an
evaluation's improvement action (評価: ``source_id`` is the action's id, one commitment each), a
handover (引継) or is typed in (手入力); :func:`add_in` lets another use case (the handover's
partner-absent follow-up) add one inside its own transaction. A signed handover note keeps the
commitments as compiled into it: correcting or deleting one later does not change the note.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import literal_column, select
from sqlalchemy.orm import Session

from kyodo_desktop.domain.handover import (
    CLOSED_COMMITMENT_STATUSES,
    COMMITMENT_SOURCES,
    COMMITMENT_STATUSES,
)
from kyodo_desktop.domain.organization import nfkc_multiline
from kyodo_desktop.domain.project_terms import PartnerRole
from kyodo_desktop.domain.validation import ValidationError, ValidationErrors
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError, NotFoundError, StaleEditError
from kyodo_desktop.persistence.models import (
    Interaction,
    Officer,
    Organization,
    Project,
    ProjectPartner,
    utc_now,
)
from kyodo_desktop.persistence.models_evaluations import EvaluationRound, ImprovementAction
from kyodo_desktop.persistence.models_handover import Commitment
from kyodo_desktop.services import officers
from kyodo_desktop.services.workspace import Workspace

ENTITY = "commitment"
EMPTY_TEXT = "約束・宿題の内容を入力してください"


@dataclasses.dataclass(frozen=True, slots=True)
class CommitmentRecord:
    """A stored commitment, with its owner's label (``氏名（所属課）``)."""

    id: str
    version: int
    organization_id: str | None
    project_id: str | None
    text: str
    owner_officer_id: str | None
    owner: str
    due_on: date | None
    status: str
    source: str
    source_id: str
    closed_on: date | None

    @property
    def is_open(self) -> bool:
        """Neither 完了 nor 取り下げ."""
        return self.status not in CLOSED_COMMITMENT_STATUSES


def _record(s: Session, c: Commitment) -> CommitmentRecord:
    return CommitmentRecord(
        c.id,
        c.version,
        c.organization_id,
        c.project_id,
        c.text,
        c.owner_officer_id,
        officers.label_of(s, c.owner_officer_id),
        c.due_on,
        c.status,
        c.source,
        c.source_id,
        c.closed_on,
    )


def _snapshot(c: Commitment) -> dict[str, object]:
    return {
        "organization_id": c.organization_id,
        "project_id": c.project_id,
        "text": c.text,
        "owner_officer_id": c.owner_officer_id,
        "due_on": c.due_on,
        "status": c.status,
        "source": c.source,
        "source_id": c.source_id or None,
        "closed_on": c.closed_on,
    }


def _check_subject(s: Session, organization_id: str | None, project_id: str | None) -> None:
    if organization_id is None and project_id is None:
        raise ValidationErrors([ValidationError("organization_id", "団体か事業を指定してください")])
    if organization_id is not None:
        org = s.get(Organization, organization_id)
        if org is None or org.deleted_at is not None:
            raise NotFoundError(f"団体が見つかりません: {organization_id}")
    if project_id is not None:
        project = s.get(Project, project_id)
        if project is None or project.deleted_at is not None:
            raise NotFoundError(f"事業が見つかりません: {project_id}")


def _clean_text(text: str) -> str:
    clean = nfkc_multiline(text)
    if not clean:
        raise ValidationErrors([ValidationError("text", EMPTY_TEXT)])
    return clean


def _check_status(status: str) -> None:
    if status not in COMMITMENT_STATUSES:
        choices = "".join(f"「{x}」" for x in COMMITMENT_STATUSES)
        raise ValidationErrors([ValidationError("status", f"状態は{choices}のいずれかです")])


def add_in(
    s: Session,
    ws: Workspace,
    *,
    text: str,
    organization_id: str | None = None,
    project_id: str | None = None,
    owner_officer_id: str | None = None,
    due_on: date | None = None,
    source: str = "手入力",
    source_id: str = "",
    context: str = "",
) -> str:
    """Add a commitment inside ``s``'s transaction (validated, audited); returns its id."""
    clean = nfkc_multiline(text)
    errors = []
    if not clean:
        errors.append(ValidationError("text", EMPTY_TEXT))
    if source not in COMMITMENT_SOURCES:
        errors.append(ValidationError("source", f"出どころは{'・'.join(COMMITMENT_SOURCES)}のいずれかです"))
    if errors:
        raise ValidationErrors(errors)
    _check_subject(s, organization_id, project_id)
    officers.check_live(s, owner_officer_id)
    c = Commitment(
        organization_id=organization_id,
        project_id=project_id,
        text=clean,
        owner_officer_id=owner_officer_id,
        due_on=due_on,
        status=COMMITMENT_STATUSES[0],
        source=source,
        source_id=source_id,
    )
    s.add(c)
    s.flush()
    values = {k: v for k, v in _snapshot(c).items() if v is not None}
    audit.record(
        s,
        officer=ws.officer.name,
        entity=ENTITY,
        record_id=c.id,
        action="create",
        changes=audit.diff({}, values),
        context=context,
    )
    return c.id


class CommitmentService:
    """The commitment use cases on one workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def add(
        self,
        text: str,
        *,
        organization_id: str | None = None,
        project_id: str | None = None,
        owner_officer_id: str | None = None,
        due_on: date | None = None,
        source: str = "手入力",
        source_id: str = "",
    ) -> str:
        """Add a commitment (at least one of organization and project); returns its id."""
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            return add_in(
                s,
                self.ws,
                text=text,
                organization_id=organization_id,
                project_id=project_id,
                owner_officer_id=owner_officer_id,
                due_on=due_on,
                source=source,
                source_id=source_id,
            )

    def add_from_interaction(
        self,
        interaction_id: str,
        text: str = "",
        *,
        owner_officer_id: str | None = None,
        due_on: date | None = None,
    ) -> str:
        """A commitment made in an interaction (source 対応記録): its text defaults to the summary,
        its due date to the interaction's next action date; returns its id."""
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            entry = s.get(Interaction, interaction_id)
            if entry is None:
                raise NotFoundError(f"対応記録が見つかりません: {interaction_id}")
            return add_in(
                s,
                self.ws,
                text=text or entry.summary,
                organization_id=entry.organization_id,
                owner_officer_id=owner_officer_id,
                due_on=due_on or entry.next_action_on,
                source="対応記録",
                source_id=entry.id,
            )

    def add_from_improvement_action(self, action_id: int) -> str:
        """An evaluation's improvement action (改善の取り組み) tracked as a commitment (source 評価):
        on the project and its first 主たるパートナー, with the action's text, due date and owner
        (an officer of that name, else the owner's name kept in the text); made once only."""
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            action = s.get(ImprovementAction, action_id)
            if action is None:
                raise NotFoundError("改善の取り組みが見つかりません（結論を記録し直した可能性があります）。")
            if _tracked(s, [action_id]):
                raise KnownError(f"改善の取り組み「{action.text[:20]}」は既に約束・宿題になっています。")
            if action.status == "完了":
                raise KnownError(f"改善の取り組み「{action.text[:20]}」は完了しています。")
            round_ = s.get(EvaluationRound, action.round_id)
            assert round_ is not None  # the foreign key
            main = s.scalars(
                select(ProjectPartner.organization_id)
                .where(
                    ProjectPartner.project_id == round_.project_id,
                    ProjectPartner.role == PartnerRole.MAIN.value,
                )
                .order_by(ProjectPartner.position)
                .limit(1)
            ).first()
            owner_id = _officer_named(s, action.owner)
            text = action.text if owner_id or not action.owner else f"{action.text}(担当: {action.owner})"
            return add_in(
                s,
                self.ws,
                text=text,
                organization_id=main,
                project_id=round_.project_id,
                owner_officer_id=owner_id,
                due_on=action.due_on,
                source="評価",
                source_id=str(action.id),
                context=f"evaluation:{round_.id}",
            )

    def tracked_actions(self, action_ids: Sequence[int]) -> dict[int, str]:
        """Which of the improvement actions are tracked: action id → the commitment's id."""
        with self.ws.session_factory() as s:
            return _tracked(s, action_ids)

    def get(self, commitment_id: str) -> CommitmentRecord:
        """One commitment (raises NotFoundError)."""
        with self.ws.session_factory() as s:
            return _record(s, self._load(s, commitment_id))

    def set_status(
        self, commitment_id: str, status: str, *, expected_version: int, on: date | None = None
    ) -> int:
        """Move a commitment to ``status`` (closing it dates ``closed_on``, ``on`` or today)."""
        _check_status(status)
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            c = self._load(s, commitment_id)
            self._check_version(c, expected_version)
            if c.status == status:
                return c.version
            before = _snapshot(c)
            c.status = status
            c.closed_on = (on or date.today()) if status in CLOSED_COMMITMENT_STATUSES else None
            c.updated_at = utc_now()
            s.flush()
            self._audit(s, c.id, "update", audit.diff(before, _snapshot(c)))
            return c.version

    def update(
        self,
        commitment_id: str,
        expected_version: int,
        *,
        text: str,
        owner_officer_id: str | None,
        due_on: date | None,
        status: str | None = None,
        on: date | None = None,
    ) -> int:
        """Correct a commitment's text, owner and due date (and, given, its status); the new version.

        A handover note already signed keeps the item as it was compiled into the note.
        """
        clean = _clean_text(text)
        if status is not None:
            _check_status(status)
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            c = self._load(s, commitment_id)
            self._check_version(c, expected_version)
            officers.check_live(s, owner_officer_id)
            before = _snapshot(c)
            c.text, c.owner_officer_id, c.due_on = clean, owner_officer_id, due_on
            if status is not None and status != c.status:
                c.status = status
                c.closed_on = (on or date.today()) if status in CLOSED_COMMITMENT_STATUSES else None
            changes = audit.diff(before, _snapshot(c))
            if not changes:
                return c.version
            c.updated_at = utc_now()
            s.flush()
            self._audit(s, c.id, "update", changes)
            return c.version

    def delete(self, commitment_id: str, expected_version: int) -> None:
        """Move a commitment to the trash (ゴミ箱; :meth:`restore` takes it back)."""
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            c = self._load(s, commitment_id)
            self._check_version(c, expected_version)
            when = utc_now()
            c.deleted_at, c.updated_at = when, when
            s.flush()
            self._audit(s, c.id, "delete", {"deleted_at": [None, when]})

    def restore(self, commitment_id: str) -> int:
        """Take a deleted commitment back out of the trash; its new version."""
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            c = s.get(Commitment, commitment_id)
            if c is None:
                raise NotFoundError(f"約束・宿題が見つかりません: {commitment_id}")
            if c.deleted_at is None:
                raise KnownError(f"約束・宿題「{c.text[:20]}」はゴミ箱にありません。")
            old, c.deleted_at, c.updated_at = c.deleted_at, None, utc_now()
            s.flush()
            self._audit(s, c.id, "restore", {"deleted_at": [old, None]})
            return c.version

    def _audit(self, s: Session, record_id: str, action: str, changes: dict[str, Any]) -> None:
        audit.record(
            s,
            officer=self.ws.officer.name,
            entity=ENTITY,
            record_id=record_id,
            action=action,
            changes=changes,
        )

    def of(
        self, *, organization_id: str | None = None, project_id: str | None = None
    ) -> list[CommitmentRecord]:
        """Every commitment of an organization or a project, by due date (undated last)."""
        with self.ws.session_factory() as s:
            return [_record(s, c) for c in _of(s, organization_id, project_id)]

    def open_items_of(
        self, *, organization_id: str | None = None, project_id: str | None = None
    ) -> list[CommitmentRecord]:
        """The open commitments (neither 完了 nor 取り下げ) of an organization or a project."""
        return [c for c in self.of(organization_id=organization_id, project_id=project_id) if c.is_open]

    @staticmethod
    def _load(s: Session, commitment_id: str) -> Commitment:
        c = s.get(Commitment, commitment_id)
        if c is None or c.deleted_at is not None:
            raise NotFoundError(f"約束・宿題が見つかりません: {commitment_id}")
        return c

    @staticmethod
    def _check_version(c: Commitment, expected_version: int) -> None:
        if c.version != expected_version:
            raise StaleEditError(
                f"約束・宿題「{c.text[:20]}」は、開いた後に他の操作で更新されています"
                f"（開いた時: 版{expected_version}、現在: 版{c.version}）。最新の内容を開き直してください。"
            )


def _of(s: Session, organization_id: str | None, project_id: str | None) -> list[Commitment]:
    """The live commitments of the organization or the project (both: of either)."""
    if organization_id is None and project_id is None:
        return []
    stmt = select(Commitment).where(Commitment.deleted_at.is_(None))
    if organization_id is not None and project_id is not None:
        stmt = stmt.where(
            (Commitment.organization_id == organization_id) | (Commitment.project_id == project_id)
        )
    elif organization_id is not None:
        stmt = stmt.where(Commitment.organization_id == organization_id)
    else:
        stmt = stmt.where(Commitment.project_id == project_id)
    # read in insertion order (SQLite's rowid): created_at is to the second and ids are random,
    # so two added in one second keep the order they were added in (the sort is stable)
    rows = list(s.scalars(stmt.order_by(literal_column("commitments.rowid"))))
    rows.sort(key=lambda c: (c.due_on is None, c.due_on or date.min, c.created_at))
    return rows


def commitments_of(
    s: Session, *, organization_id: str | None = None, project_id: str | None = None
) -> list[Commitment]:
    """The live commitment rows of a subject inside ``s`` (for the dossier)."""
    return _of(s, organization_id, project_id)


def _tracked(s: Session, action_ids: Sequence[int]) -> dict[int, str]:
    stmt = select(Commitment.source_id, Commitment.id).where(
        Commitment.source == "評価",
        Commitment.source_id.in_([str(n) for n in action_ids]),
        Commitment.deleted_at.is_(None),
    )
    return {int(source_id): cid for source_id, cid in s.execute(stmt)}


def _officer_named(s: Session, owner: str) -> str | None:
    """The one live officer an action's owner names (``氏名`` or ``氏名（所属課）``), else None."""
    if not owner:
        return None
    found = [
        o.id
        for o in s.scalars(select(Officer).where(Officer.deleted_at.is_(None)))
        if owner in (o.name, officers.officer_label(o.name, o.section))
    ]
    return found[0] if len(found) == 1 else None


def unlink_actions_in(s: Session, ws: Workspace, action_ids: Sequence[int], round_id: str) -> None:
    """Commitments made from improvement actions a new conclusion dropped now name the round
    (their action's row is gone and its number may be given to another one)."""
    if not action_ids:
        return
    linked = select(Commitment).where(  # those in the trash too: one may be taken back
        Commitment.source == "評価", Commitment.source_id.in_([str(n) for n in action_ids])
    )
    for c in s.scalars(linked):
        old, c.source_id = c.source_id, round_id
        audit.record(
            s,
            officer=ws.officer.name,
            entity=ENTITY,
            record_id=c.id,
            action="update",
            changes={"source_id": [old, round_id]},
            context=f"evaluation:{round_id}",
        )
