"""What the handover use cases hand out: notes, their items, checklists, pending handovers, alerts.

Also the stored form of a compiled dossier (JSON in ``handover_items.dossier``): a note keeps
the dossier it was made with, so a signed note shows what both officers signed.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

from kyodo_desktop.domain.handover import (
    ContactLine,
    DateKind,
    Dossier,
    ItemKind,
    OpenItem,
    ProjectLine,
    TimelineEntry,
)
from kyodo_desktop.domain.handover_dates import NextDate
from kyodo_desktop.domain.handover_rules import CORRECTED as CORRECTED  # the note statuses, re-exported
from kyodo_desktop.domain.handover_rules import DRAFT as DRAFT
from kyodo_desktop.domain.handover_rules import SIGNED as SIGNED

#: The narrative parts the officer writes for each organization and project, with their labels.
NARRATIVE_FIELDS: dict[str, str] = {
    "background": "経緯",
    "agreements": "合意事項・約束",
    "open_issues": "未解決の課題",
    "plans": "今後の予定",
    "cautions": "留意事項",
}
#: The two sides that sign a note.
PREDECESSOR, SUCCESSOR = "前任", "後任"
ORGANIZATION, PROJECT = "団体", "事業"


@dataclasses.dataclass(frozen=True, slots=True)
class Narrative:
    """The parts the officer writes for one organization or project."""

    background: str = ""  # 経緯
    agreements: str = ""  # 合意事項・約束
    open_issues: str = ""  # 未解決の課題
    plans: str = ""  # 今後の予定
    cautions: str = ""  # 留意事項


@dataclasses.dataclass(frozen=True, slots=True)
class ItemRecord:
    """One organization or project in a note's scope."""

    id: int
    kind: str  # 団体 / 事業
    subject_id: str
    subject: str  # 団体名 / 事業名
    position: int
    narrative: Narrative
    partner_present: bool | None
    present_on: date | None
    attendees: str
    absence_reason: str
    followup_commitment_id: str | None
    dossier: Dossier | None

    @property
    def key(self) -> str:
        """``団体:ID`` / ``事業:ID``: names the item in checklist keys across revisions."""
        return f"{self.kind}:{self.subject_id}"


@dataclasses.dataclass(frozen=True, slots=True)
class NoteRecord:
    """One revision of a handover note with its items."""

    id: str
    version: int
    from_officer_id: str
    from_officer: str
    to_officer_id: str
    to_officer: str
    handover_on: date
    revision: int
    previous_id: str | None
    status: str
    include_contacts: bool
    signed_by_from_on: date | None
    signed_by_from_name: str
    signed_by_to_on: date | None
    signed_by_to_name: str
    items: tuple[ItemRecord, ...]

    @property
    def frozen(self) -> bool:
        """Signed (or corrected by a later revision): read-only."""
        return self.status != DRAFT


@dataclasses.dataclass(frozen=True, slots=True)
class ChecklistEntry:
    """One thing the successor acknowledges (確認): its key, what it is, whether it is done."""

    key: str
    subject: str
    label: str
    acknowledged_on: date | None = None


# -- the dossier as stored ------------------------------------------------------------------------


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def dossier_to_json(d: Dossier) -> str:
    """The dossier as JSON text (dates as ISO text)."""
    data: dict[str, Any] = {
        "subject": d.subject,
        "today": d.today.isoformat(),
        "timeline": [[e.on.isoformat(), e.kind, e.text] for e in d.timeline],
        "open_items": [
            [i.key, i.kind.value, i.text, i.owner, _iso(i.due_on), i.status, i.overdue] for i in d.open_items
        ],
        "next_dates": [[n.on.isoformat(), str(n.kind), n.subject, n.note] for n in d.next_dates],
        "projects": [[p.id, p.title, p.stage, _iso(p.period_start), _iso(p.period_end)] for p in d.projects],
        "contacts": [[c.name, c.role, c.phone, c.email] for c in d.contacts],
    }
    return json.dumps(data, ensure_ascii=False)


def _date_kind(text: str) -> str:
    try:
        return DateKind(text)
    except ValueError:
        return text  # a kind a later version added: shown as stored


def dossier_from_json(text: str) -> Dossier | None:
    """The stored dossier, None when there is none."""
    if not text:
        return None
    data = json.loads(text)
    return Dossier(
        subject=data["subject"],
        today=date.fromisoformat(data["today"]),
        timeline=tuple(TimelineEntry(date.fromisoformat(on), kind, t) for on, kind, t in data["timeline"]),
        open_items=tuple(
            OpenItem(key, ItemKind(kind), t, owner, _day(due), status, overdue)
            for key, kind, t, owner, due, status, overdue in data["open_items"]
        ),
        next_dates=tuple(
            NextDate(date.fromisoformat(on), _date_kind(kind), subject, note)
            for on, kind, subject, note in data["next_dates"]
        ),
        projects=tuple(
            ProjectLine(pid, title, stage, _day(start), _day(end))
            for pid, title, stage, start, end in data["projects"]
        ),
        contacts=tuple(ContactLine(*c) for c in data["contacts"]),
    )
