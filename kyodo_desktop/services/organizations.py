"""Use cases of the organization registry (団体台帳). One public method = one transaction.

Every write validates through ``domain.organization``, refuses likely duplicates unless the
caller confirms, checks the record's ``version`` (a stale save is refused), and writes its audit
rows in the same transaction.
"""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from kyodo_desktop.domain.organization import (
    ContactInput,
    InteractionInput,
    OrganizationInput,
    derived_columns,
    validate_contact,
    validate_interaction,
    validate_organization,
)
from kyodo_desktop.domain.text import duplicate_key, email_key, search_terms
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError, NotFoundError, StaleEditError
from kyodo_desktop.persistence.listing import (
    FILTER_COLUMNS,
    OrgFilter,
    filter_rows,
    listing_clause,
    search_clause,
)
from kyodo_desktop.persistence.models import Contact, Interaction, Organization, utc_now
from kyodo_desktop.services import officers
from kyodo_desktop.services.interactions import (
    CONTACT_NAME,
    contact_name,
    interaction_input,
    refresh_last_contact,
)
from kyodo_desktop.services.organization_records import ContactRecord as ContactRecord
from kyodo_desktop.services.organization_records import DuplicateMatch as DuplicateMatch
from kyodo_desktop.services.organization_records import (
    DuplicateOrganizationError as DuplicateOrganizationError,
)
from kyodo_desktop.services.organization_records import InteractionRecord as InteractionRecord
from kyodo_desktop.services.organization_records import OrganizationRecord as OrganizationRecord
from kyodo_desktop.services.workspace import Workspace

#: Organization columns that mirror ``OrganizationInput`` one to one.
#: Every field of OrganizationInput, in form order (imports and merges walk these).
INPUT_FIELDS = tuple(f.name for f in dataclasses.fields(OrganizationInput))
_PLAIN_FIELDS = tuple(name for name in INPUT_FIELDS if name != "fields")
_plain_values = operator.attrgetter(*_PLAIN_FIELDS)
ENTITY = "organization"
#: the audit field of an organization's 担当職員 (its own audit row, so a save's field edits
#: stay one row that 元に戻す can take back)
RESPONSIBLE_OFFICER = "responsible_officer_id"


class _Keep:
    """The default of ``responsible_officer_id`` in :meth:`OrganizationService.update`: unchanged."""


KEEP = _Keep()


def fields_to_text(codes: Sequence[int]) -> str:
    """Activity field codes as stored: ``"1,13"``."""
    return ",".join(map(str, sorted(set(codes))))


def fields_from_text(text: str) -> list[int]:
    """Inverse of :func:`fields_to_text`."""
    return [int(p) for p in text.split(",") if p.strip()]


def org_column_values(data: OrganizationInput, *, dup_key: str | None = None) -> dict[str, Any]:
    """Column values for a validated input (derived columns included); bulk writers use it too."""
    values = dict(zip(_PLAIN_FIELDS, _plain_values(data), strict=True))
    values["activity_fields"] = fields_to_text(data.fields)
    values.update(derived_columns(data, dup_key=dup_key))
    return values


def _org_snapshot(org: Organization) -> dict[str, Any]:
    """The user-visible values of a stored organization (for audit diffs)."""
    snap = {name: getattr(org, name) for name in _PLAIN_FIELDS}
    snap["activity_fields"] = org.activity_fields
    return snap


def input_from(org: Organization) -> OrganizationInput:
    """The stored organization as domain input (activity fields decoded)."""
    kwargs = {name: getattr(org, name) for name in _PLAIN_FIELDS}
    return OrganizationInput(**kwargs, fields=fields_from_text(org.activity_fields))


def _contact_input(c: Contact) -> ContactInput:
    return ContactInput(
        name=c.name, kana=c.kana, role=c.role, phone=c.phone, email=c.email, is_primary=c.is_primary
    )


class OrganizationService:
    """The registry's use cases on one workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    # -- reading ---------------------------------------------------------------------------
    def get(self, org_id: str) -> OrganizationRecord:
        """One organization with contacts and interactions (trashed ones too)."""
        with self.ws.session_factory() as s:
            org = self._load(s, org_id)
            return OrganizationRecord(
                id=org.id,
                version=org.version,
                data=input_from(org),
                registered_on=org.registered_on,
                last_contact_on=org.last_contact_on,
                created_at=org.created_at,
                updated_at=org.updated_at,
                deleted_at=org.deleted_at,
                contacts=[ContactRecord(c.id, _contact_input(c)) for c in org.contacts],
                interactions=[
                    InteractionRecord(i.id, interaction_input(i), i.version) for i in org.interactions
                ],
                responsible_officer_id=org.responsible_officer_id,
                responsible_officer=officers.label_of(s, org.responsible_officer_id),
            )

    def search(
        self, query: str, *, trash: bool = False, org_filter: OrgFilter | None = None
    ) -> list[tuple[str, str]]:
        """``(id, name)`` of organizations matching every term (folded) and ``org_filter``, by kana."""
        stmt = select(Organization.id, Organization.name).where(
            listing_clause(Organization, trash=trash),
            search_clause(Organization.search_text, search_terms(query)),
        )
        narrow = org_filter is not None and org_filter.is_set
        if narrow:
            stmt = stmt.add_columns(*(getattr(Organization, c) for c in FILTER_COLUMNS))
        stmt = stmt.order_by(Organization.kana, Organization.name, Organization.id)
        with self.ws.session_factory() as s:
            rows = s.execute(stmt).all()
        if narrow and org_filter is not None:
            rows = [rows[p] for p in filter_rows(org_filter, rows, 2)]
        return [(r[0], r[1]) for r in rows]

    def find_duplicates(self, data: OrganizationInput, exclude_id: str | None = None) -> list[DuplicateMatch]:
        """Non-trashed records with the same name key, 法人番号, phone or email as ``data``."""
        with self.ws.session_factory() as s:
            return self._find_duplicates(s, data, exclude_id)

    @staticmethod
    def _find_duplicates(s: Session, data: OrganizationInput, exclude_id: str | None) -> list[DuplicateMatch]:
        key = duplicate_key(data.name)
        checks: list[tuple[Any, Any, str]] = [
            (Organization.dup_key, key, "名称が同じ"),
            (Organization.corporate_number, data.corporate_number, "法人番号が同じ"),
            (Organization.phone, data.phone, "電話番号が同じ"),
            # the address's case does not count (INFO@a.jp is info@a.jp): compared lowered,
            # as email_key lowers it (an address is ASCII, where SQLite's lower() agrees)
            (func.lower(Organization.email), email_key(data.email), "メールアドレスが同じ"),
        ]
        active = [(col, value, reason) for col, value, reason in checks if value]
        if not active:
            return []
        stmt = select(
            Organization.id,
            Organization.name,
            Organization.dup_key,
            Organization.corporate_number,
            Organization.phone,
            Organization.email,
        ).where(listing_clause(Organization), or_(*(col == value for col, value, _ in active)))
        if exclude_id:
            stmt = stmt.where(Organization.id != exclude_id)
        matches = []
        for row in s.execute(stmt.order_by(Organization.name)):
            stored = (row[2], row[3], row[4], email_key(row[5]))
            reasons = tuple(
                reason
                for (_, value, reason), have in zip(checks, stored, strict=True)
                if value and have == value
            )
            matches.append(DuplicateMatch(row[0], row[1], reasons))
        if exclude_id and matches:  # a pair judged 「重複ではない」 is no warning on saving either
            from kyodo_desktop.services.not_duplicates import judged_with  # it imports this module

            judged = judged_with(s, exclude_id)
            matches = [m for m in matches if m.id not in judged]
        return matches

    # -- writing ---------------------------------------------------------------------------
    def create(
        self,
        data: OrganizationInput,
        *,
        contacts: Sequence[ContactInput] = (),
        allow_duplicate: bool = False,
        responsible_officer_id: str | None = None,
    ) -> str:
        """Validate and store a new organization (with its 担当職員, if given); returns its id."""
        self.ws.require_write()
        clean = validate_organization(data)
        clean_contacts = [validate_contact(c) for c in contacts]
        with self.ws.session_factory.begin() as s:
            if not allow_duplicate:
                matches = self._find_duplicates(s, clean, None)
                if matches:
                    raise DuplicateOrganizationError(matches)
            officers.check_live(s, responsible_officer_id)
            org = Organization(**org_column_values(clean), responsible_officer_id=responsible_officer_id)
            s.add(org)
            s.flush()
            snap = {**_org_snapshot(org), RESPONSIBLE_OFFICER: responsible_officer_id}
            self._audit(
                s,
                entity=ENTITY,
                record_id=org.id,
                action="create",
                changes=audit.diff({}, {k: v for k, v in snap.items() if v not in ("", None)}),
            )
            for contact in clean_contacts:
                self._add_contact(s, org, contact)
            return org.id

    def update(
        self,
        org_id: str,
        data: OrganizationInput,
        *,
        expected_version: int,
        expected_updated_at: str | None = None,
        allow_duplicate: bool = False,
        responsible_officer_id: str | _Keep | None = KEEP,
    ) -> int:
        """Save edits made on version ``expected_version``; returns the new version.

        ``expected_updated_at`` (the form's record time) is checked too when given: an import
        undo gives a record back its old version, so a version number alone can come round
        again after another edit (a form opened on the imported values would then overwrite it).
        ``responsible_officer_id`` sets (an officer's id) or clears (None) the 担当職員; left
        :data:`KEEP` it stays as it is.
        """
        self.ws.require_write()
        clean = validate_organization(data)
        with self.ws.session_factory.begin() as s:
            org = self._load(s, org_id)
            self._check_version(org, expected_version, expected_updated_at)
            if not allow_duplicate:
                matches = self._find_duplicates(s, clean, org_id)
                if matches:
                    raise DuplicateOrganizationError(matches)
            # first: its officer look-up would flush the field edits, bumping the version twice
            officer_change = self._set_officer(s, org, responsible_officer_id)
            before = _org_snapshot(org)
            for key, value in org_column_values(clean).items():
                setattr(org, key, value)
            changes = audit.diff(before, _org_snapshot(org))
            if not changes and not officer_change:
                return org.version
            org.updated_at = utc_now()
            s.flush()  # bumps version (version_id_col), or raises if changed underneath us
            for row in (changes, officer_change):
                if row:
                    self._audit(s, entity=ENTITY, record_id=org.id, action="update", changes=row)
            return org.version

    def set_responsible_officer(self, org_id: str, officer_id: str | None, *, expected_version: int) -> int:
        """Set (or, with None, clear) the organization's 担当職員; returns the new version."""
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            org = self._load(s, org_id)
            self._check_version(org, expected_version)
            changes = self._set_officer(s, org, officer_id)
            if not changes:
                return org.version
            org.updated_at = utc_now()
            s.flush()
            self._audit(s, entity=ENTITY, record_id=org.id, action="update", changes=changes)
            return org.version

    @staticmethod
    def _set_officer(s: Session, org: Organization, officer_id: str | _Keep | None) -> dict[str, list[Any]]:
        """Put ``officer_id`` on ``org``; the audit changes (empty when it stays the same)."""
        if isinstance(officer_id, _Keep) or officer_id == org.responsible_officer_id:
            return {}
        officers.check_live(s, officer_id)
        old, org.responsible_officer_id = org.responsible_officer_id, officer_id
        return {RESPONSIBLE_OFFICER: [old, officer_id]}

    def delete(self, org_id: str) -> None:
        """Move to the trash (ゴミ箱)."""
        self.delete_many([org_id])

    def restore(self, org_id: str) -> None:
        """Take back out of the trash."""
        self.restore_many([org_id])

    def delete_many(self, org_ids: Sequence[str]) -> None:
        """Move several records to the trash in one transaction (all or none)."""
        self._set_deleted(org_ids, utc_now(), "delete")

    def restore_many(self, org_ids: Sequence[str]) -> None:
        """Take several records out of the trash in one transaction (all or none)."""
        self._set_deleted(org_ids, None, "restore")

    def _set_deleted(self, org_ids: Sequence[str], when: str | None, action: str) -> None:
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            for org_id in org_ids:
                org = self._load(s, org_id)
                if org.merged_into is not None:
                    raise KnownError(
                        f"団体 {org.name} は他の団体に統合されています（元に戻すには統合の取り消しを使います）。"
                    )
                if (org.deleted_at is None) == (when is None):
                    state = "ゴミ箱にありません" if when is None else "既にゴミ箱にあります"
                    raise KnownError(f"団体 {org.name} は{state}。")
                old = org.deleted_at
                org.deleted_at = when
                org.updated_at = utc_now()
                self._audit(
                    s,
                    entity=ENTITY,
                    record_id=org.id,
                    action=action,
                    changes={"deleted_at": [old, when]},
                )

    # -- contacts and interactions -----------------------------------------------------------
    def add_contact(self, org_id: str, data: ContactInput) -> str:
        """Add a contact person; returns its id."""
        self.ws.require_write()
        clean = validate_contact(data)
        with self.ws.session_factory.begin() as s:
            return self._add_contact(s, self._load(s, org_id), clean)

    def _add_contact(self, s: Session, org: Organization, clean: ContactInput) -> str:
        if clean.is_primary:
            self._demote_primary(s, org)
        contact = Contact(organization=org, **dataclasses.asdict(clean))
        s.add(contact)
        s.flush()
        self._audit(
            s,
            entity="contact",
            record_id=org.id,
            action="create",
            changes={"contact_id": [None, contact.id], **audit.diff({}, dataclasses.asdict(clean))},
        )
        return contact.id

    def update_contact(self, contact_id: str, data: ContactInput) -> None:
        """Change a contact person."""
        self.ws.require_write()
        clean = validate_contact(data)
        with self.ws.session_factory.begin() as s:
            contact = s.get(Contact, contact_id)
            if contact is None:
                raise NotFoundError("担当者が見つかりません。")
            before = dataclasses.asdict(_contact_input(contact))
            if clean.is_primary:
                self._demote_primary(s, contact.organization, keep=contact.id)
            for key, value in dataclasses.asdict(clean).items():
                setattr(contact, key, value)
            changes = audit.diff(before, dataclasses.asdict(clean))
            if changes:
                self._audit(
                    s,
                    entity="contact",
                    record_id=contact.organization_id,
                    action="update",
                    changes={"contact_id": [contact.id, contact.id], **changes},
                )

    def remove_contact(self, contact_id: str) -> None:
        """Delete a contact person (the audit row keeps the old values)."""
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            contact = s.get(Contact, contact_id)
            if contact is None:
                raise NotFoundError("担当者が見つかりません。")
            self._audit(
                s,
                entity="contact",
                record_id=contact.organization_id,
                action="delete",
                changes={
                    "contact_id": [contact.id, None],
                    **audit.diff(dataclasses.asdict(_contact_input(contact)), {}),
                },
            )
            s.delete(contact)

    def add_interaction(self, org_id: str, data: InteractionInput) -> str:
        """Log an interaction (the officer defaults to the current one); updates 最終接触日."""
        self.ws.require_write()
        clean = validate_interaction(data)
        if not clean.officer:
            clean = dataclasses.replace(clean, officer=self.ws.officer.name)
        with self.ws.session_factory.begin() as s:
            org = self._load(s, org_id)
            name = contact_name(s, org.id, clean.contact_id)
            entry = Interaction(organization=org, **dataclasses.asdict(clean))
            s.add(entry)
            s.flush()
            self._refresh_last_contact(s, org.id)
            changes = {"interaction_id": [None, entry.id], **audit.diff({}, dataclasses.asdict(clean))}
            if name is not None:
                changes[CONTACT_NAME] = [None, name]
            self._audit(s, entity="interaction", record_id=org.id, action="create", changes=changes)
            return entry.id

    def remove_interaction(self, interaction_id: str) -> None:
        """Delete an interaction entry; 最終接触日 follows the remaining entries."""
        self.ws.require_write()
        with self.ws.session_factory.begin() as s:
            entry = s.get(Interaction, interaction_id)
            if entry is None:
                raise NotFoundError("対応記録が見つかりません。")
            org = entry.organization
            self._audit(
                s,
                entity="interaction",
                record_id=org.id,
                action="delete",
                changes={
                    "interaction_id": [entry.id, None],
                    **audit.diff(dataclasses.asdict(interaction_input(entry)), {}),
                },
            )
            s.delete(entry)
            s.flush()
            self._refresh_last_contact(s, org.id)

    # -- helpers -------------------------------------------------------------------------------
    def _audit(
        self, s: Session, *, entity: str, record_id: str, action: str, changes: dict[str, Any]
    ) -> None:
        """An audit row in ``s``'s transaction, naming the current officer."""
        audit.record(
            s,
            officer=self.ws.officer.name,
            entity=entity,
            record_id=record_id,
            action=action,
            changes=changes,
        )

    def _demote_primary(self, s: Session, org: Organization, keep: str | None = None) -> None:
        """Only one 主担当: the previous one loses the flag, with its own audit row."""
        for other in org.contacts:
            if other.is_primary and other.id != keep:
                other.is_primary = False
                self._audit(
                    s,
                    entity="contact",
                    record_id=org.id,
                    action="update",
                    changes={"contact_id": [other.id, other.id], "is_primary": [True, False]},
                )

    @staticmethod
    def _refresh_last_contact(s: Session, org_id: str) -> None:
        refresh_last_contact(s, org_id)  # derived data: never bumps the record's version

    @staticmethod
    def _load(s: Session, org_id: str) -> Organization:
        org = s.get(Organization, org_id)
        if org is None:
            raise NotFoundError(f"団体が見つかりません: {org_id}")
        return org

    @staticmethod
    def _check_version(
        org: Organization, expected_version: int, expected_updated_at: str | None = None
    ) -> None:
        moved = expected_updated_at is not None and org.updated_at != expected_updated_at
        if org.version != expected_version or moved:
            raise StaleEditError(
                f"団体「{org.name}」は、開いた後に他の操作で更新されています"
                f"（開いた時: 版{expected_version}、現在: 版{org.version}）。"
                "入力内容は残してあります。最新の内容を開き直してから保存してください。"
            )
