"""The 年度レポート's 引継状況: each transfer (異動) of the year and what it hands over.

A transfer of the year is an officer (not in the trash) transferring in the scope's 年度 (the
last day in post falls in it: a 4月1日 transfer belongs to the year that ends), narrowed to officers of the scope's 所属課 (:mod:`kyodo_desktop.services.report_scope`).
One row per organization or project of the transfer's scope:

* what the officer's handover notes hold (each item of a note that is not superseded: a
  下書き or a 署名済 revision; 訂正済 ones were replaced by a later revision); when a subject is in
  a signed note and a draft correction, the signed one is shown — it is what was handed over;
* then what is still the officer's with no note at all (the pending handovers,
  :func:`kyodo_desktop.services.handover_alerts.pending`), 引継書 「未作成」.

A transfer with neither gets one row 「（担当なし）」, so every transfer of the year is listed.
The partner's presence (相手方の同席) is the item's: 同席 with the day, 欠席 with the reason, or
未記録. Dates are 和暦, as the managers reading the report write them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from kyodo_desktop.domain.wareki import to_wareki
from kyodo_desktop.persistence.models import Officer, Organization, Project
from kyodo_desktop.persistence.models_handover import HandoverItem, HandoverNote
from kyodo_desktop.services import handover_alerts
from kyodo_desktop.services.handover_records import CORRECTED, ORGANIZATION, PROJECT, SIGNED
from kyodo_desktop.services.report_scope import ReportScope
from kyodo_desktop.services.workspace import Workspace

__all__ = [
    "HANDOVER_COLUMNS",
    "HANDOVER_TITLE",
    "NOT_WRITTEN",
    "NO_SCOPE",
    "TransferRow",
    "transfer_rows",
    "write_handover_sheet",
]

HANDOVER_TITLE = "引継状況"
NOT_WRITTEN = "未作成"
NO_SCOPE = "（担当なし）"
NOT_RECORDED = "未記録"
#: 引継状況: header and width (A4 landscape, fit to width).
HANDOVER_COLUMNS: tuple[tuple[str, float], ...] = (
    ("職員", 14),
    ("所属課", 14),
    ("異動日", 15),
    ("後任", 14),
    ("区分", 6),
    ("対象", 30),
    ("引継書", 25),  # 署名済（令和8年12月1日） on one line
    ("相手方の同席", 26),
)
_WRAPPED = frozenset(("対象", "引継書", "相手方の同席"))


@dataclass(frozen=True)
class TransferRow:
    """One line of 引継状況 (a transfer and one subject of its scope)."""

    officer: str
    section: str
    transferred_on: date
    successor: str
    kind: str  # 団体 / 事業 / ""
    subject: str
    note: str  # 署名済（日付） / 下書き / 未作成
    partner: str  # 同席（日付） / 欠席: 理由 / 未記録 / ""

    def cells(self) -> list[Any]:
        """The row as the sheet writes it."""
        return [
            self.officer,
            self.section,
            to_wareki(self.transferred_on),
            self.successor,
            self.kind,
            self.subject,
            self.note,
            self.partner,
        ]


def _note_text(status: str, signed_on: date | None) -> str:
    if status == SIGNED and signed_on is not None:
        return f"{SIGNED}（{to_wareki(signed_on)}）"
    return status


def _partner_text(present: bool | None, on: date | None, reason: str) -> str:
    if present is None:
        return NOT_RECORDED
    if present:
        return f"同席（{to_wareki(on)}）" if on else "同席"
    return f"欠席: {reason}" if reason else "欠席"


def transfer_rows(ws: Workspace, scope: ReportScope) -> list[TransferRow]:
    """The rows of 引継状況, by transfer date and officer, each transfer's 団体 before its 事業."""
    successor = aliased(Officer)
    wanted = [
        Officer.deleted_at.is_(None),
        Officer.transferred_on >= scope.transfers_from,
        Officer.transferred_on <= scope.transfers_to,
    ]
    if scope.section is not None:
        wanted.append(Officer.section == scope.section)
    pending = {p.officer_id: p for p in handover_alerts.pending(ws, scope)}  # the same officers
    rows: list[TransferRow] = []
    with ws.session_factory() as s:
        transfers = s.execute(
            select(Officer.id, Officer.name, Officer.section, Officer.transferred_on, successor.name)
            .outerjoin(successor, successor.id == Officer.successor_id)
            .where(*wanted)
            .order_by(Officer.transferred_on, Officer.kana, Officer.name, Officer.id)
        ).all()
        for officer_id, name, section, on, successor_name in transfers:
            base = (name, section, on, successor_name or "")
            subjects: dict[tuple[str, str], TransferRow] = {}
            items = s.execute(
                select(
                    HandoverItem.kind,
                    HandoverItem.organization_id,
                    HandoverItem.project_id,
                    Organization.name,
                    Project.title,
                    HandoverNote.status,
                    HandoverNote.signed_by_to_on,
                    HandoverItem.partner_present,
                    HandoverItem.present_on,
                    HandoverItem.absence_reason,
                )
                .join(HandoverNote, HandoverNote.id == HandoverItem.note_id)
                .outerjoin(Organization, Organization.id == HandoverItem.organization_id)
                .outerjoin(Project, Project.id == HandoverItem.project_id)
                .where(HandoverNote.from_officer_id == officer_id, HandoverNote.status != CORRECTED)
                .order_by(HandoverNote.handover_on, HandoverNote.revision, HandoverItem.position)
            ).all()
            for kind, org_id, project_id, org_name, title, status, signed_on, present, p_on, reason in items:
                key = (kind, org_id or project_id or "")
                if key in subjects and subjects[key].note.startswith(SIGNED) and status != SIGNED:
                    continue  # a draft correction of a signed note: what was signed stands
                subjects[key] = TransferRow(
                    *base,
                    kind,
                    (org_name if kind == ORGANIZATION else title) or "",
                    _note_text(status, signed_on),
                    _partner_text(present, p_on, reason),
                )
            open_scope = pending.get(officer_id)
            if open_scope is not None:
                names: dict[str, str] = {
                    org_id: org_name
                    for org_id, org_name in s.execute(
                        select(Organization.id, Organization.name).where(
                            Organization.id.in_(open_scope.organization_ids)
                        )
                    )
                }
                titles: dict[str, str] = {
                    project_id: title
                    for project_id, title in s.execute(
                        select(Project.id, Project.title).where(Project.id.in_(open_scope.project_ids))
                    )
                }
                for kind, ids, named in (
                    (ORGANIZATION, open_scope.organization_ids, names),
                    (PROJECT, open_scope.project_ids, titles),
                ):
                    for subject_id in ids:
                        subjects.setdefault(
                            (kind, subject_id),
                            TransferRow(*base, kind, named.get(subject_id, ""), NOT_WRITTEN, ""),
                        )
            listed = sorted(subjects.values(), key=lambda r: (r.kind != ORGANIZATION, r.subject))
            rows.extend(listed or [TransferRow(*base, "", NO_SCOPE, "", "")])
    return rows


def write_handover_sheet(wb: Any, ws: Workspace, scope: ReportScope) -> int:
    """Add 引継状況 to write-only ``wb``; returns the rows written."""
    from kyodo_desktop.services.export_projects import _start, _write_rows

    sheet = _start(wb, HANDOVER_TITLE, HANDOVER_COLUMNS, HANDOVER_TITLE, scope.header_text)
    rows = [row.cells() for row in transfer_rows(ws, scope)]
    _write_rows(
        sheet,
        HANDOVER_COLUMNS,
        _WRAPPED,
        rows or [["", "", "", "", "", "この年度の異動はありません", "", ""]],
    )
    return len(rows)
