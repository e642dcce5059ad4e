"""The 対応記録 (interaction log) beyond adding and removing: correcting an entry, its 担当者 link.

A correction is one transaction: the entry's ``version`` must still be the one the officer
opened (else :class:`StaleEditError`), the new values are validated, and one audit row
(entity ``interaction``, action ``update``) keeps old → new of every changed field. The link to
a 担当者 must name a contact of the same organization; the audit row also carries the contact's
name (``contact``), so the history stays readable after the contact is deleted.

The registry service (:mod:`.organizations`) reuses the small helpers here for adding entries.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from kyodo_desktop.domain.organization import InteractionInput, validate_interaction
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError, NotFoundError, StaleEditError
from kyodo_desktop.persistence.models import Contact, Interaction, Organization, table_of, utc_now
from kyodo_desktop.services.workspace import Workspace

ENTITY = "interaction"
#: The audit key of the linked contact's name (beside ``contact_id``), for the history.
CONTACT_NAME = "contact"


def interaction_input(entry: Interaction) -> InteractionInput:
    """A stored entry as domain input."""
    return InteractionInput(
        occurred_on=entry.occurred_on,
        kind=entry.kind,
        summary=entry.summary,
        officer=entry.officer,
        next_action_on=entry.next_action_on,
        contact_id=entry.contact_id,
    )


def contact_name(s: Session, org_id: str, contact_id: str | None) -> str | None:
    """The name of the linked contact (None for no link); refused unless it is ``org_id``'s."""
    if contact_id is None:
        return None
    contact = s.get(Contact, contact_id)
    if contact is None or contact.organization_id != org_id:
        raise KnownError(
            "選んだ担当者はこの団体に登録されていません（削除された可能性があります）。"
            "一覧を開き直してから選び直してください。"
        )
    return contact.name


def refresh_last_contact(s: Session, org_id: str) -> None:
    """Set 最終接触日 from the log with a Core UPDATE.

    It is derived data, so it must not bump the record's version: an edit form open on the
    record stays valid when someone logs a phone call.
    """
    latest = select(func.max(Interaction.occurred_on)).where(Interaction.organization_id == org_id)
    table = table_of(Organization)
    s.execute(update(table).where(table.c.id == org_id).values(last_contact_on=latest.scalar_subquery()))
    s.expire_all()


def _stale(entry: Interaction, expected_version: int) -> StaleEditError:
    return StaleEditError(
        f"{entry.occurred_on.isoformat()} の対応記録は、開いた後に他の操作で修正されています"
        f"（開いた時: 版{expected_version}、現在: 版{entry.version}）。"
        "入力内容は残してあります。一覧を開き直してから修正してください。"
    )


def apply_values(s: Session, entry: Interaction, clean: InteractionInput) -> dict[str, list[Any]]:
    """Write ``clean`` into ``entry`` (version bumped); returns the audit changes ({} if none)."""
    before = dataclasses.asdict(interaction_input(entry))
    old_name = contact_name(s, entry.organization_id, entry.contact_id) if entry.contact_id else None
    new_name = contact_name(s, entry.organization_id, clean.contact_id)
    changes = audit.diff(before, dataclasses.asdict(clean))
    if not changes:
        return {}
    if "contact_id" in changes:
        changes[CONTACT_NAME] = [old_name, new_name]
    for key, value in dataclasses.asdict(clean).items():
        setattr(entry, key, value)
    entry.updated_at = utc_now()
    s.flush()  # bumps version (version_id_col), or raises if changed underneath us
    refresh_last_contact(s, entry.organization_id)
    return {"interaction_id": [entry.id, entry.id], **changes}


class InteractionService:
    """Corrections of 対応記録 on one workspace."""

    def __init__(self, workspace: Workspace) -> None:
        self.ws = workspace

    def update(self, interaction_id: str, data: InteractionInput, *, expected_version: int) -> int:
        """Correct an entry read at ``expected_version``; returns its new version.

        A blank officer becomes the current one (as when adding).
        """
        self.ws.require_write()
        clean = validate_interaction(data)
        if not clean.officer:
            clean = dataclasses.replace(clean, officer=self.ws.officer.name)
        with self.ws.session_factory.begin() as s:
            entry = s.get(Interaction, interaction_id)
            if entry is None:
                raise NotFoundError("対応記録が見つかりません（削除された可能性があります）。")
            if entry.version != expected_version:
                raise _stale(entry, expected_version)
            changes = apply_values(s, entry, clean)
            if changes:
                audit.record(
                    s,
                    officer=self.ws.officer.name,
                    entity=ENTITY,
                    record_id=entry.organization_id,
                    action="update",
                    changes=changes,
                )
            return entry.version
