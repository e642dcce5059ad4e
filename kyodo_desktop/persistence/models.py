"""SQLAlchemy 2 typed mappings of the data file.

Primary keys are UUID strings (stable across merges and imports). Edited records carry a
``version`` used for optimistic concurrency and a ``deleted_at`` for the trash (ゴミ箱).
Timestamps are UTC ISO strings; dates are ISO dates.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import cast

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: ``ix_organizations_quiet`` (migration 0013): the organizations someone looks after, live and
#: not merged, with every column the quiet-partner read needs (it is read ``INDEXED BY`` it)
QUIET_INDEX_COLUMNS = (
    "responsible_officer_id",
    "last_contact_on",
    "registered_on",
    "status",
    "name",
    "id",
    "deleted_at",
    "merged_into",
)
QUIET_INDEX_WHERE = "responsible_officer_id IS NOT NULL AND deleted_at IS NULL AND merged_into IS NULL"
#: ``ix_organizations_day`` (0013): the live, unmerged organizations, by id, with their name
#: and 最終接触日 (the follow-ups join them without reading the wide rows)
DAY_ORG_COLUMNS = ("id", "last_contact_on", "name", "deleted_at", "merged_into")
DAY_ORG_WHERE = "deleted_at IS NULL AND merged_into IS NULL"
#: ``ix_projects_day`` (0013): the stored projects with what the day reads of them
DAY_PROJECT_COLUMNS = (
    "period_end",
    "period_start",
    "fiscal_year",
    "stage",
    "lead_officer_id",
    "title",
    "id",
    "deleted_at",
    "is_draft",
)
DAY_PROJECT_WHERE = "deleted_at IS NULL AND is_draft = 0"


def new_id() -> str:
    """A new random UUID as text."""
    return str(uuid.uuid4())


def utc_now() -> str:
    """The current UTC time as an ISO string (second precision)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class Base(DeclarativeBase):
    """Declarative base with a constraint naming convention (stable migrations)."""

    metadata = MetaData(naming_convention=NAMING)


def table_of(model: type[Base]) -> Table:
    """The Core table of a mapped class (for bulk inserts and updates that bypass the ORM)."""
    return cast(Table, model.__table__)


class Organization(Base):
    """A citizen activity group or NPO (団体台帳の1件)."""

    __tablename__ = "organizations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(Text)
    kana: Mapped[str] = mapped_column(Text, default="")
    legal_form: Mapped[str] = mapped_column(Text, default="")
    corporate_number: Mapped[str] = mapped_column(String(13), default="", index=True)
    municipality_code: Mapped[str] = mapped_column(String(5), default="")
    municipality_name: Mapped[str] = mapped_column(Text, default="")
    postal_code: Mapped[str] = mapped_column(String(8), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(20), default="", index=True)
    fax: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(Text, default="", index=True)
    website: Mapped[str] = mapped_column(Text, default="")
    representative: Mapped[str] = mapped_column(Text, default="")
    representative_kana: Mapped[str] = mapped_column(Text, default="")
    established_on: Mapped[date | None] = mapped_column(default=None)
    certified_on: Mapped[date | None] = mapped_column(default=None)
    member_count: Mapped[int | None] = mapped_column(Integer, default=None)
    purpose: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(Text, default="活動中")
    tags: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    registered_on: Mapped[date] = mapped_column(default=date.today)
    last_contact_on: Mapped[date | None] = mapped_column(default=None)
    #: activity field codes 1–20 as "1,13" (kept sorted); the codes are also the portal's order
    activity_fields: Mapped[str] = mapped_column(Text, default="")
    #: name folded for duplicate detection (法人格 words, spaces, width ignored)
    dup_key: Mapped[str] = mapped_column(Text, default="", index=True)
    #: pre-folded text that search matches against (see domain.organization.search_blob)
    search_text: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    updated_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    deleted_at: Mapped[str | None] = mapped_column(String(32), default=None, index=True)
    #: set on the tombstone of a record merged into another (the survivor's id); it also has
    #: ``deleted_at`` so it is out of every list, but it is not in the trash
    merged_into: Mapped[str | None] = mapped_column(String(36), default=None)
    #: the officer (職員) who looks after this group, if any
    #: (no ON DELETE: the column came by ALTER TABLE ADD COLUMN, whose inline REFERENCES
    #: SQLAlchemy reflects without a name or options; officers are only ever trashed)
    responsible_officer_id: Mapped[str | None] = mapped_column(
        ForeignKey("officers.id"), default=None, index=True
    )
    #: the NPO's 事業年度終了日 as "MM-DD" (the portal's 事業年度終了日), "" when unknown (0011)
    business_year_end: Mapped[str] = mapped_column(Text, default="", server_default="")
    #: 認定満了日 of a 認定NPO法人 (the portal's 認定（認定満了日）), for the renewal reminder (0011)
    nintei_expires_on: Mapped[date | None] = mapped_column(default=None)

    contacts: Mapped[list[Contact]] = relationship(
        back_populates="organization", order_by="Contact.created_at", cascade="all, delete-orphan"
    )
    interactions: Mapped[list[Interaction]] = relationship(
        back_populates="organization",
        order_by="Interaction.occurred_on.desc()",
        cascade="all, delete-orphan",
    )

    __table_args__ = (
        CheckConstraint("status IN ('活動中','休止','解散')", name="status"),
        CheckConstraint("member_count IS NULL OR member_count >= 0", name="member_count"),
        # the registry's listing order (table load, export pages)
        Index("ix_organizations_listing", "deleted_at", "kana", "name", "id"),
        # the quiet partners of the home tab's day and the handover alerts, from the index alone:
        # the live, unmerged organizations someone looks after (0013, ``persistence.day_reads``)
        Index("ix_organizations_quiet", *QUIET_INDEX_COLUMNS, sqlite_where=text(QUIET_INDEX_WHERE)),
        # a live organization's name and 最終接触日 by its id: the day's follow-ups (0013)
        Index("ix_organizations_day", *DAY_ORG_COLUMNS, sqlite_where=text(DAY_ORG_WHERE)),
    )
    __mapper_args__ = {"version_id_col": version}


class Contact(Base):
    """A contact person of an organization (担当者)."""

    __tablename__ = "contacts"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    organization_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(Text)
    kana: Mapped[str] = mapped_column(Text, default="")
    role: Mapped[str] = mapped_column(Text, default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    email: Mapped[str] = mapped_column(Text, default="")
    is_primary: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)

    organization: Mapped[Organization] = relationship(back_populates="contacts")


class Interaction(Base):
    """One entry of the interaction log (面談・電話・会議 …), optionally naming a 担当者."""

    __tablename__ = "interactions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    organization_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    occurred_on: Mapped[date] = mapped_column()
    kind: Mapped[str] = mapped_column(Text)
    officer: Mapped[str] = mapped_column(Text, default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    next_action_on: Mapped[date | None] = mapped_column(default=None)
    #: the 担当者 spoken with, one of the organization's contacts (unlinked when it is deleted)
    contact_id: Mapped[str | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), default=None, index=True
    )
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    #: when the entry was last corrected (None while it never was)
    updated_at: Mapped[str | None] = mapped_column(String(32), default=None)
    #: bumped by every correction, so a correction made on an older reading is refused
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    organization: Mapped[Organization] = relationship(back_populates="interactions")

    __table_args__ = (
        # an organization's latest contact from the index alone (open follow-ups, quiet partners)
        Index("ix_interactions_last_contact", "organization_id", "occurred_on"),
        # the follow-ups due in a window of dates (the home tab's day)
        Index("ix_interactions_follow_up", "next_action_on", "organization_id"),
    )
    __mapper_args__ = {"version_id_col": version}


class AuditEntry(Base):
    """One change, written in the same transaction as the change itself."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    occurred_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    officer: Mapped[str] = mapped_column(Text)
    entity: Mapped[str] = mapped_column(Text)
    record_id: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(Text)
    #: JSON object {field: [old, new]} (or a short note for bulk actions)
    changes: Mapped[str] = mapped_column(Text, default="{}")
    context: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_audit_log_record", "record_id", "id"),)


class NotDuplicate(Base):
    """Two records an officer judged to be different groups (「重複ではない」).

    The pair is stored once, ``first_id < second_id``. It names the records, not their values,
    so editing either keeps it; a record merged into a third one passes it on to the survivor
    (resolved when candidates are searched, so an unmerge gives it back).
    """

    __tablename__ = "not_duplicates"

    first_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True
    )
    second_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    officer: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)

    __table_args__ = (CheckConstraint("first_id < second_id", name="ordered"),)


class Officer(Base):
    """An officer (職員) of the administration: a project's lead, a group's responsible officer.

    The officer set in ``settings.json`` refers to one of these by id. The assignment and
    transfer dates and the successor are for the hand-over of issue 13 (blank until then).
    """

    __tablename__ = "officers"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(Text)
    kana: Mapped[str] = mapped_column(Text, default="")
    section: Mapped[str] = mapped_column(Text, default="")  # 所属課
    title: Mapped[str] = mapped_column(Text, default="")  # 役職
    assigned_on: Mapped[date | None] = mapped_column(default=None)
    transferred_on: Mapped[date | None] = mapped_column(default=None)
    successor_id: Mapped[str | None] = mapped_column(
        ForeignKey("officers.id", ondelete="SET NULL"), default=None
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    updated_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    deleted_at: Mapped[str | None] = mapped_column(String(32), default=None)

    __table_args__ = (Index("ix_officers_name", "name", "section"),)
    __mapper_args__ = {"version_id_col": version}


class Project(Base):
    """A project (事業) with a partner organization or several; its lists are child tables.

    The partner selection (選定) and the budget are one per project, so they are columns here.
    A draft (``is_draft``) is a project the wizard has not finished: it is out of every list and
    report until it is saved as a project, and ``draft_step`` is the wizard page to resume on.
    """

    __tablename__ = "projects"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    title: Mapped[str] = mapped_column(Text, default="")
    #: 年度 as the 西暦 year it begins in (令和7年度 = 2025); NULL only on a draft
    fiscal_year: Mapped[int | None] = mapped_column(Integer, default=None, index=True)
    section: Mapped[str] = mapped_column(Text, default="")  # 担当課
    lead_officer_id: Mapped[str | None] = mapped_column(
        ForeignKey("officers.id", ondelete="SET NULL"), default=None, index=True
    )
    relationship_kind: Mapped[str] = mapped_column(Text, default="")
    #: why the officer chose another kind than the helper recommended
    kind_reason: Mapped[str] = mapped_column(Text, default="")
    #: the questionnaire's answers as JSON ``{question id: choice id}``, "" when none (0008)
    kind_answers: Mapped[str] = mapped_column(Text, default="", server_default="")
    form: Mapped[str] = mapped_column(Text, default="")
    activity_fields: Mapped[str] = mapped_column(Text, default="")  # "1,13" like organizations
    stage: Mapped[str] = mapped_column(Text)
    period_start: Mapped[date | None] = mapped_column(default=None)
    period_end: Mapped[date | None] = mapped_column(default=None)
    review_on: Mapped[date | None] = mapped_column(default=None)  # 見直しの予定日
    budget_administration: Mapped[int] = mapped_column(Integer, default=0)  # 行政負担（円）
    budget_organization: Mapped[int] = mapped_column(Integer, default=0)  # 団体負担
    budget_other: Mapped[int] = mapped_column(Integer, default=0)  # その他収入
    selection_method: Mapped[str] = mapped_column(Text, default="")
    selection_candidates: Mapped[str] = mapped_column(Text, default="")  # 検討した候補
    applicant_count: Mapped[int | None] = mapped_column(Integer, default=None)
    selection_reason: Mapped[str] = mapped_column(Text, default="")
    review_body: Mapped[str] = mapped_column(Text, default="")  # 審査機関
    published_on: Mapped[date | None] = mapped_column(default=None)  # 公表日
    is_published: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
    is_draft: Mapped[bool] = mapped_column(Boolean, default=False)
    draft_step: Mapped[int] = mapped_column(Integer, default=0)
    #: the import that created this project (past projects from Excel lists), else NULL
    import_id: Mapped[str | None] = mapped_column(String(36), default=None, index=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    updated_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    deleted_at: Mapped[str | None] = mapped_column(String(32), default=None)

    partners: Mapped[list[ProjectPartner]] = relationship(
        order_by="ProjectPartner.position", cascade="all, delete-orphan"
    )
    stage_changes: Mapped[list[ProjectStageChange]] = relationship(
        order_by="ProjectStageChange.id", cascade="all, delete-orphan"
    )
    purposes: Mapped[list[ProjectPurpose]] = relationship(cascade="all, delete-orphan")
    targets: Mapped[list[ProjectTarget]] = relationship(
        order_by="ProjectTarget.position", cascade="all, delete-orphan"
    )
    roles: Mapped[list[ProjectRole]] = relationship(
        order_by="ProjectRole.position", cascade="all, delete-orphan"
    )
    agreement: Mapped[list[ProjectAgreementItem]] = relationship(cascade="all, delete-orphan")
    points: Mapped[list[ProjectPoint]] = relationship(cascade="all, delete-orphan")
    log: Mapped[list[ProjectLogEntry]] = relationship(
        order_by="ProjectLogEntry.id", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint("applicant_count IS NULL OR applicant_count >= 0", name="applicant_count"),
        CheckConstraint(
            "budget_administration >= 0 AND budget_organization >= 0 AND budget_other >= 0",
            name="budget",
        ),
        Index("ix_projects_listing", "deleted_at", "is_draft", "fiscal_year", "section"),
        # the day's ending agreements and evaluation candidates from the index alone (0013)
        Index("ix_projects_day", *DAY_PROJECT_COLUMNS, sqlite_where=text(DAY_PROJECT_WHERE)),
    )
    __mapper_args__ = {"version_id_col": version}


def _project_fk() -> Mapped[str]:
    return mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True)


class ProjectPartner(Base):
    """An organization taking part in a project, as 主たるパートナー or 協力団体."""

    __tablename__ = "project_partners"

    project_id: Mapped[str] = _project_fk()
    # CASCADE like contacts: groups go to the trash, not away; only an undone import removes
    # the groups it created, together with the projects it created
    organization_id: Mapped[str] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)

    # the listing's first 主たるパートナー of each project, from the index alone (migration 0009)
    __table_args__ = (Index("ix_project_partners_main", "project_id", "role", "position", "organization_id"),)


class ProjectStageChange(Base):
    """One change of a project's stage: to what, on which day, why."""

    __tablename__ = "project_stage_changes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    stage: Mapped[str] = mapped_column(Text)
    changed_on: Mapped[date] = mapped_column()
    note: Mapped[str] = mapped_column(Text, default="")
    officer: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)


class ProjectPurpose(Base):
    """One of the purposes both sides write down (地域課題, 行政の目的, 団体の目的, 共通の目的)."""

    __tablename__ = "project_purposes"

    project_id: Mapped[str] = _project_fk()
    kind: Mapped[str] = mapped_column(Text, primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="")


class ProjectTarget(Base):
    """A target: what, how much, by when."""

    __tablename__ = "project_targets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    what: Mapped[str] = mapped_column(Text)
    amount: Mapped[str] = mapped_column(Text, default="")
    due_on: Mapped[date | None] = mapped_column(default=None)


class ProjectRole(Base):
    """A row of the 役割分担表."""

    __tablename__ = "project_roles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    task: Mapped[str] = mapped_column(Text)
    side: Mapped[str] = mapped_column(Text)
    responsible: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class ProjectAgreementItem(Base):
    """What the agreement (協定書) says on one of its items."""

    __tablename__ = "project_agreement_items"

    project_id: Mapped[str] = _project_fk()
    item: Mapped[str] = mapped_column(Text, primary_key=True)
    text: Mapped[str] = mapped_column(Text, default="")


class ProjectPoint(Base):
    """One of the six 協働のポイント: how far it is checked, and the evidence."""

    __tablename__ = "project_points"

    project_id: Mapped[str] = _project_fk()
    point: Mapped[str] = mapped_column(Text, primary_key=True)
    status: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text, default="")


class ProjectLogEntry(Base):
    """An entry of a project's progress log (経過記録)."""

    __tablename__ = "project_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    project_id: Mapped[str] = mapped_column(ForeignKey("projects.id", ondelete="CASCADE"), index=True)
    occurred_on: Mapped[date] = mapped_column()
    text: Mapped[str] = mapped_column(Text)
    officer: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)


# The evaluation tables live in their own module on the same Base; importing it here puts them
# in Base.metadata wherever the models are loaded (Alembic's env, the schema test, the services).
from kyodo_desktop.persistence import models_evaluations as _evaluations  # noqa: E402,F401

# The handover mappings (issue 13) likewise; that module imports Base from here: by now every
# name it needs is defined.
from kyodo_desktop.persistence import models_handover as _models_handover  # noqa: E402, F401
