"""The printed handover note (引継書) as plain content: what the workbook and the PDF both show.

Built once from a note (:func:`handover_document`) so the workbook
(:mod:`kyodo_desktop.services.handover_export`) and the PDF (``gui/handover_pdf.py``, which
needs Qt) cannot drift apart. A document is a summary part and one part per organization or
project in scope; a part is a list of blocks: label–value fields, tables and texts.

Personal contact data — the contacts' names, telephone and e-mail, and the names of the
partner's attendees — is in the document only when the note's ``include_contacts`` is set.
"""

from __future__ import annotations

import dataclasses
from datetime import date

from kyodo_desktop.domain.handover import Dossier
from kyodo_desktop.domain.wareki import fiscal_year, fiscal_year_label, to_wareki
from kyodo_desktop.services.handover_records import NARRATIVE_FIELDS, ItemRecord, NoteRecord

__all__ = [
    "Fields",
    "HandoverDocument",
    "Part",
    "Table",
    "Text",
    "handover_document",
]

_NONE = "なし"


@dataclasses.dataclass(frozen=True, slots=True)
class Fields:
    """Label–value lines (前任: 佐藤 一郎)."""

    rows: tuple[tuple[str, str], ...]


@dataclasses.dataclass(frozen=True, slots=True)
class Table:
    """A titled table; ``weights`` are the columns' relative widths."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    weights: tuple[float, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class Text:
    """A titled free text (one of the narrative parts); ``""`` when the officer wrote none."""

    title: str
    body: str


Block = Fields | Table | Text


@dataclasses.dataclass(frozen=True, slots=True)
class Part:
    """One page group: the summary, or one organization or project."""

    title: str  # 引継書の概要 / 団体: みどりの会
    short_name: str  # for the sheet tab
    blocks: tuple[Block, ...]


@dataclasses.dataclass(frozen=True, slots=True)
class HandoverDocument:
    """The whole note as printed."""

    title: str  # 引継書（第1版）
    dated: str  # the page header's right part: 令和8年度　令和8年12月1日 現在
    as_of: date
    parts: tuple[Part, ...]


def _day(d: date | None) -> str:
    """A date as a person reads it on the note: 和暦 (令和9年4月1日), as the registry prints it."""
    return to_wareki(d) if d else ""


def _signature(name: str, on: date | None) -> str:
    return f"{name}（{to_wareki(on)}）" if on is not None else "未署名"


def _presence(item: ItemRecord, include_contacts: bool) -> tuple[str, str]:
    if item.partner_present is None:
        return "未記入", ""
    if item.partner_present:
        who = f"出席者: {item.attendees}" if include_contacts and item.attendees else ""
        return f"同席（{_day(item.present_on)}）", who
    return "同席なし", f"理由: {item.absence_reason}（後任との顔合わせを約束・宿題に登録）"


def _summary(note: NoteRecord, unacknowledged: int) -> Part:
    fields = Fields(
        (
            ("前任", note.from_officer),
            ("後任", note.to_officer),
            ("引継日", to_wareki(note.handover_on)),
            ("版", f"第{note.revision}版"),
            ("状態", note.status),
            ("前任の確認", _signature(note.signed_by_from_name, note.signed_by_from_on)),
            ("後任の確認", _signature(note.signed_by_to_name, note.signed_by_to_on)),
            ("担当者の連絡先", "載せる" if note.include_contacts else "載せない（個人の連絡先は省略）"),
            ("後任の未確認の項目", f"{unacknowledged}件"),
        )
    )
    rows = []
    for item in note.items:
        presence, remark = _presence(item, note.include_contacts)
        opened = len(item.dossier.open_items) if item.dossier else 0
        rows.append((item.kind, item.subject, f"{opened}件", presence, remark))
    scope = Table(
        "引継の範囲とパートナー同席",
        ("区分", "名称", "未了事項", "パートナー同席", "備考"),
        tuple(rows),
        (6, 30, 8, 16, 40),
    )
    return Part("引継書の概要", "概要", (fields, scope))


def _dossier_tables(d: Dossier, include_contacts: bool) -> list[Block]:
    blocks: list[Block] = []
    open_rows = tuple(
        (
            _day(i.due_on) + ("（期限超過）" if i.overdue else ""),
            i.kind.value,
            i.text,
            " / ".join(x for x in (i.owner, i.status) if x),
        )
        for i in d.open_items
    )
    blocks.append(
        Table(
            "未了事項（約束・宿題、改善策、次回対応）",
            ("期限", "種別", "内容", "担当・状況"),
            open_rows,
            (16, 12, 54, 18),
        )
    )
    date_rows = tuple(
        (_day(n.on), str(n.kind), n.subject + (f"（{n.note}）" if n.note else "")) for n in d.next_dates
    )
    blocks.append(Table("今後の期日", ("日付", "種類", "対象・内容"), date_rows, (18, 22, 60)))
    if d.projects:
        project_rows = tuple(
            (p.stage, f"{_day(p.period_start)}〜{_day(p.period_end)}", p.title) for p in d.projects
        )
        blocks.append(Table("事業と段階", ("段階", "期間", "事業名"), project_rows, (14, 30, 56)))
    timeline_rows = tuple((_day(e.on), e.kind, e.text) for e in d.timeline)
    blocks.append(Table("経過（新しい順）", ("日付", "種別", "内容"), timeline_rows, (18, 14, 68)))
    if include_contacts and d.contacts:
        contact_rows = tuple((c.role, c.name, c.phone, c.email) for c in d.contacts)
        blocks.append(
            Table("担当者の連絡先", ("役職", "氏名", "電話", "メール"), contact_rows, (18, 22, 24, 36))
        )
    return blocks


def _subject(item: ItemRecord, include_contacts: bool) -> Part:
    blocks: list[Block] = []
    presence, remark = _presence(item, include_contacts)
    blocks.append(Fields((("パートナー同席", " ".join(x for x in (presence, remark) if x)),)))
    if item.dossier is not None:
        blocks.extend(_dossier_tables(item.dossier, include_contacts))
    for field, label in NARRATIVE_FIELDS.items():
        blocks.append(Text(label, getattr(item.narrative, field)))
    return Part(f"{item.kind}: {item.subject}", f"{item.position + 1} {item.subject}", tuple(blocks))


def handover_document(
    note: NoteRecord, *, unacknowledged: int, as_of: date | None = None
) -> HandoverDocument:
    """The printed content of ``note`` (``unacknowledged``: the successor's open checklist count)."""
    day = as_of or date.today()
    parts = (_summary(note, unacknowledged), *(_subject(i, note.include_contacts) for i in note.items))
    return HandoverDocument(
        title=f"引継書（第{note.revision}版） {note.from_officer} → {note.to_officer}",
        dated=f"{fiscal_year_label(fiscal_year(note.handover_on))}　{to_wareki(day)} 現在",
        as_of=day,
        parts=parts,
    )
