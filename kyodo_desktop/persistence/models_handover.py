"""Mappings of the handover issue (issue 13): commitments (約束・宿題) and handover notes (引継書).

Kept apart from :mod:`.models` so the registry's module stays short; the classes use the same
:class:`~.models.Base`, so the same metadata (migrations, the schema checks); :mod:`.models`
imports this module at its end, so whoever imports it has these tables too.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kyodo_desktop.persistence.models import Base, new_id, utc_now


class Commitment(Base):
    """A promise or a task (約束・宿題) of an organization or a project, with owner and due date.

    ``source`` says where it came from (対応記録, 評価, 引継, 手入力) and ``source_id`` names that
    record; ``closed_on`` is set when the status becomes 完了 or 取り下げ.
    """

    __tablename__ = "commitments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    organization_id: Mapped[str | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), default=None, index=True
    )
    project_id: Mapped[str | None] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), default=None, index=True
    )
    text: Mapped[str] = mapped_column(Text)
    owner_officer_id: Mapped[str | None] = mapped_column(
        ForeignKey("officers.id", ondelete="SET NULL"), default=None
    )
    due_on: Mapped[date | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(Text, default="未着手")
    source: Mapped[str] = mapped_column(Text, default="手入力")
    source_id: Mapped[str] = mapped_column(String(36), default="")
    closed_on: Mapped[date | None] = mapped_column(default=None)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    updated_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    deleted_at: Mapped[str | None] = mapped_column(String(32), default=None)

    __table_args__ = (
        CheckConstraint("organization_id IS NOT NULL OR project_id IS NOT NULL", name="subject"),
        CheckConstraint("status IN ('未着手','対応中','完了','取り下げ')", name="status"),
        CheckConstraint("source IN ('対応記録','評価','引継','手入力')", name="source"),
    )
    __mapper_args__ = {"version_id_col": version}


class HandoverNote(Base):
    """One revision of a handover note (引継書) from one officer to another.

    A correction of a signed note is a new row with ``revision`` + 1 and ``previous_id`` naming
    the corrected one; the corrected one is kept and becomes 訂正済 when the new one is signed.
    """

    __tablename__ = "handover_notes"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    from_officer_id: Mapped[str] = mapped_column(ForeignKey("officers.id"))
    to_officer_id: Mapped[str] = mapped_column(ForeignKey("officers.id"))
    handover_on: Mapped[date] = mapped_column()
    revision: Mapped[int] = mapped_column(Integer, default=1)
    previous_id: Mapped[str | None] = mapped_column(
        ForeignKey("handover_notes.id", ondelete="SET NULL"), default=None
    )
    status: Mapped[str] = mapped_column(Text, default="下書き")
    #: personal contact data (担当者の電話・メール) appears only when the officer chose so
    include_contacts: Mapped[bool] = mapped_column(Boolean, default=False)
    signed_by_from_on: Mapped[date | None] = mapped_column(default=None)
    signed_by_from_name: Mapped[str] = mapped_column(Text, default="")
    signed_by_to_on: Mapped[date | None] = mapped_column(default=None)
    signed_by_to_name: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)
    updated_at: Mapped[str] = mapped_column(String(32), default=utc_now)

    items: Mapped[list[HandoverItem]] = relationship(
        order_by="HandoverItem.position", cascade="all, delete-orphan"
    )
    acknowledgements: Mapped[list[HandoverAcknowledgement]] = relationship(
        order_by="HandoverAcknowledgement.id", cascade="all, delete-orphan"
    )

    __table_args__ = (
        CheckConstraint("status IN ('下書き','署名済','訂正済')", name="status"),
        CheckConstraint("revision >= 1", name="revision"),
        Index("ix_handover_notes_from", "from_officer_id", "status"),
    )
    __mapper_args__ = {"version_id_col": version}


class HandoverItem(Base):
    """One organization or project in a note's scope, with its narrative and partner presence."""

    __tablename__ = "handover_items"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    note_id: Mapped[str] = mapped_column(ForeignKey("handover_notes.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(Text)  # 団体 / 事業
    organization_id: Mapped[str | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), default=None, index=True
    )
    project_id: Mapped[str | None] = mapped_column(
        ForeignKey("projects.id", ondelete="CASCADE"), default=None, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    background: Mapped[str] = mapped_column(Text, default="")  # 経緯
    agreements: Mapped[str] = mapped_column(Text, default="")  # 合意事項・約束
    open_issues: Mapped[str] = mapped_column(Text, default="")  # 未解決の課題
    plans: Mapped[str] = mapped_column(Text, default="")  # 今後の予定
    cautions: Mapped[str] = mapped_column(Text, default="")  # 留意事項
    #: the compiled dossier (JSON) as the note shows it: compiled when the note is made (or
    #: refreshed while a draft), so a signed note keeps what both officers signed
    dossier: Mapped[str] = mapped_column(Text, default="")
    #: was the partner present at the handover (None: not recorded yet)
    partner_present: Mapped[bool | None] = mapped_column(Boolean, default=None)
    present_on: Mapped[date | None] = mapped_column(default=None)
    attendees: Mapped[str] = mapped_column(Text, default="")
    absence_reason: Mapped[str] = mapped_column(Text, default="")
    #: the introduction meeting task created for the successor when the partner was absent
    followup_commitment_id: Mapped[str | None] = mapped_column(
        ForeignKey("commitments.id", ondelete="SET NULL"), default=None
    )

    __table_args__ = (
        CheckConstraint("kind IN ('団体','事業')", name="kind"),
        CheckConstraint(
            "(kind = '団体' AND organization_id IS NOT NULL) OR (kind = '事業' AND project_id IS NOT NULL)",
            name="subject",
        ),
    )


class HandoverAcknowledgement(Base):
    """The successor's tick on one checklist item of a note (``item_key`` names the item)."""

    __tablename__ = "handover_acknowledgements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    note_id: Mapped[str] = mapped_column(ForeignKey("handover_notes.id", ondelete="CASCADE"), index=True)
    item_key: Mapped[str] = mapped_column(Text)
    acknowledged_on: Mapped[date] = mapped_column()
    officer_id: Mapped[str | None] = mapped_column(
        ForeignKey("officers.id", ondelete="SET NULL"), default=None
    )
    created_at: Mapped[str] = mapped_column(String(32), default=utc_now)

    __table_args__ = (Index("uq_handover_acknowledgements_item", "note_id", "item_key", unique=True),)
