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
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


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
