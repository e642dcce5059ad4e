"""What the registry's use cases hand back: stored records, and the likely-duplicate refusal.

Plain values with no database behind them (:mod:`kyodo_desktop.services.organizations` makes
them), so views, the CLI and other services can hold them freely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kyodo_desktop.domain.organization import ContactInput, InteractionInput, OrganizationInput
from kyodo_desktop.persistence.errors import KnownError


@dataclass(frozen=True)
class DuplicateMatch:
    """An existing record that looks like the one being saved, and why."""

    id: str
    name: str
    reasons: tuple[str, ...]


class DuplicateOrganizationError(KnownError):
    """Saving would create a likely duplicate; repeat with ``allow_duplicate=True`` to confirm."""

    def __init__(self, matches: list[DuplicateMatch]) -> None:
        first = matches[0]
        more = f" ほか{len(matches) - 1}件" if len(matches) > 1 else ""
        super().__init__(
            f"同じ団体が既に登録されている可能性があります: {first.name}"
            f"（{'、'.join(first.reasons)}）{more}。確認のうえ登録する場合は重複を許可してください。"
        )
        self.matches = matches


@dataclass(frozen=True)
class ContactRecord:
    """A stored contact person."""

    id: str
    data: ContactInput


@dataclass(frozen=True)
class InteractionRecord:
    """A stored interaction log entry; ``version`` is checked when it is corrected."""

    id: str
    data: InteractionInput
    version: int = 1


@dataclass(frozen=True)
class OrganizationRecord:
    """A stored organization with its contacts and interaction log.

    ``responsible_officer_id`` is its 担当職員 (an officer record) or None;
    ``responsible_officer`` shows that officer as ``氏名（所属課）``.
    """

    id: str
    version: int
    data: OrganizationInput
    registered_on: date
    last_contact_on: date | None
    created_at: str
    updated_at: str
    deleted_at: str | None
    contacts: list[ContactRecord] = field(default_factory=list)
    interactions: list[InteractionRecord] = field(default_factory=list)
    responsible_officer_id: str | None = None
    responsible_officer: str = ""
