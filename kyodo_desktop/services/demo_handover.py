"""Demo handovers (引継) for ``kyodo demo``: the demo officers, transfers, responsibilities,
commitments and a few signed notes.

After the demo projects (:func:`kyodo_desktop.services.demo_projects.generate_projects`), or
after the demo organizations alone (:func:`add_without_projects`, which adds the demo officers
first and lets them look after a share of the active organizations):

- every demo officer gets an assignment start (三年前の4月1日); in each 担当課 with two or more
  officers, the first one is transferred (異動) on the coming 4月1日 with the next one as the
  successor;
- each organization taking part in a project without a responsible officer gets the lead of
  its latest project as responsible (担当職員); without projects, up to :data:`SPREAD`
  active organizations with none get a demo officer drawn by the seed;
- some organizations get commitments (約束・宿題): open ones due in the coming months and done
  ones closed in the past;
- two of the transferring officers hand two of their organizations over early: a note through
  :class:`~kyodo_desktop.services.handover.HandoverService` (so its dossier, signatures and the
  moved responsibility are exactly the real ones), one partner present, one absent with the
  introduction meeting it brings, both sides signed today.

So ``kyodo handover pending`` lists the transferring officers with what is left unsigned.
The assignments and commitments are bulk writes in one transaction, audited.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kyodo_desktop.persistence.bulk import RowShape, insert_rows
from kyodo_desktop.persistence.models import (
    AuditEntry,
    Officer,
    Organization,
    Project,
    ProjectPartner,
    new_id,
    table_of,
    utc_now,
)
from kyodo_desktop.persistence.models_handover import Commitment
from kyodo_desktop.services.demo_project_words import OFFICERS
from kyodo_desktop.services.handover import HandoverService
from kyodo_desktop.services.handover_records import PREDECESSOR, SUCCESSOR, Narrative
from kyodo_desktop.services.workspace import Workspace

__all__ = ["add_demo_officers", "add_handovers", "add_without_projects", "next_april_first"]

_AUDIT_COLUMNS = ("occurred_at", "officer", "entity", "record_id", "action", "changes", "context")
_OPEN_TEXTS = (
    "次年度の協定書案を送付する",
    "活動報告書の提出を依頼する",
    "会場使用の調整結果を連絡する",
    "補助金の実績報告の様式を渡す",
    "評価の改善策の進み具合を確認する",
)
_DONE_TEXTS = ("総会資料を受け取る", "事業説明会の日程を連絡する", "名簿の更新を依頼する")
_NARRATIVE = Narrative(
    background="平成の終わりごろから協働。窓口は事務局長。",
    agreements="年2回の打合せ（6月・12月）を続けることで合意。",
    open_issues="会場の確保が毎年の課題。",
    plans="5月の総会で次年度の計画を確認する。",
    cautions="連絡はメールより電話を好まれる。",
)
#: How many transferring officers hand part of their scope over in the demo.
SIGNED_NOTES = 2
#: How many organizations the demo officers look after when the demo has no projects.
SPREAD = 60


def next_april_first(today: date) -> date:
    """The coming 4月1日 (after ``today``): the usual day of a transfer."""
    this_year = date(today.year, 4, 1)
    return this_year if today < this_year else date(today.year + 1, 4, 1)


def _audit(
    now: str, who: str, entity: str, record_id: str, action: str, changes: dict[str, Any], context: str
) -> dict[str, Any]:
    return {
        "occurred_at": now,
        "officer": who,
        "entity": entity,
        "record_id": record_id,
        "action": action,
        "changes": json.dumps(changes, ensure_ascii=False, default=str),
        "context": context,
    }


def add_demo_officers(s: Session, who: str, context: str) -> tuple[dict[str, list[tuple[str, str]]], int]:
    """The demo officers by 担当課 (found by name and 所属課, else added and audited); how many were added."""
    by_section: dict[str, list[tuple[str, str]]] = {}
    added: list[dict[str, Any]] = []
    audit_rows: list[dict[str, Any]] = []
    now = utc_now()
    for name, kana, section, title in OFFICERS:
        found = s.scalars(
            select(Officer.id).where(
                Officer.name == name, Officer.section == section, Officer.deleted_at.is_(None)
            )
        ).first()
        if found is None:
            found = new_id()
            added.append(
                {"id": found, "name": name, "kana": kana, "section": section, "title": title, "version": 1}
                | {"created_at": now, "updated_at": now}
            )
            changes = {"kana": [None, kana], "name": [None, name], "section": [None, section]}
            changes["title"] = [None, title]
            audit_rows.append(_audit(now, who, "officer", found, "create", changes, context))
        by_section.setdefault(section, []).append((found, name))
    if added:
        shape = RowShape(table_of(Officer), tuple(added[0]))
        insert_rows(s, shape, [shape.row(r) for r in added])
        audit_shape = RowShape(table_of(AuditEntry), _AUDIT_COLUMNS)
        insert_rows(s, audit_shape, [audit_shape.row(r) for r in audit_rows])
    return by_section, len(added)


def add_without_projects(ws: Workspace, *, seed: int = 1, today: date | None = None) -> tuple[int, int]:
    """The handover demo of ``kyodo demo --orgs N`` alone: ``(officers added, notes signed)``.

    The demo officers are added when missing; they look after up to :data:`SPREAD` active
    organizations, then :func:`add_handovers` plans the transfers, commitments and notes.
    """
    ws.require_write()
    with ws.session_factory.begin() as s:
        _sections, added = add_demo_officers(s, ws.officer.name, f"demo seed={seed}")
    return added, add_handovers(ws, seed=seed, today=today, spread=SPREAD)


def _spread(
    s: Session, rng: random.Random, officer_ids: list[str], taken: dict[str, str], count: int
) -> dict[str, str]:
    """Up to ``count`` active organizations with no 担当職員 (and none ``taken``), each given one
    of ``officer_ids`` (drawn by ``rng``; ordered by name, so a seed gives the same draw)."""
    if not officer_ids or count <= 0:
        return {}
    free = [
        org_id
        for org_id in s.scalars(
            select(Organization.id)
            .where(
                Organization.status == "活動中",
                Organization.responsible_officer_id.is_(None),
                Organization.deleted_at.is_(None),
            )
            .order_by(Organization.kana, Organization.name, Organization.id)
        )
        if org_id not in taken
    ]
    chosen = rng.sample(free, min(count, len(free)))
    return {org_id: officer_ids[n % len(officer_ids)] for n, org_id in enumerate(chosen)}


def _transfers(
    rows: list[tuple[str, str, str]], today: date
) -> dict[str, tuple[date, str | None, date | None]]:
    """Officer id → (assigned_on, successor, transferred_on) for the demo officers."""
    by_section: dict[str, list[str]] = {}
    for officer_id, _name, section in rows:
        by_section.setdefault(section, []).append(officer_id)
    assigned = date(next_april_first(today).year - 3, 4, 1)
    plan: dict[str, tuple[date, str | None, date | None]] = {}
    for ids in by_section.values():
        for n, officer_id in enumerate(ids):
            if n == 0 and len(ids) > 1:
                plan[officer_id] = (assigned, ids[1], next_april_first(today))
            else:
                plan[officer_id] = (assigned + timedelta(days=365 * (n % 2)), None, None)
    return plan


def add_handovers(ws: Workspace, *, seed: int = 1, today: date | None = None, spread: int = 0) -> int:
    """Add the demo transfers, responsibilities, commitments and signed notes; the notes signed.

    ``spread`` organizations with no 担当職員 and no project get one of the demo officers too.
    """
    ws.require_write()
    today = today or date.today()
    rng = random.Random(f"handover-{seed}")
    who, context = ws.officer.name, f"demo seed={seed}"
    now = utc_now()
    audit_rows: list[dict[str, Any]] = []
    with ws.session_factory.begin() as s:
        names = {name for name, *_ in OFFICERS}
        demo = [
            (o.id, o.name, o.section)
            for o in s.scalars(
                select(Officer).where(Officer.deleted_at.is_(None), Officer.transferred_on.is_(None))
            )
            if o.name in names
        ]
        demo.sort(key=lambda r: ([n for n, *_ in OFFICERS].index(r[1]), r[0]))
        plan = _transfers(demo, today)
        updates = []
        for officer_id, (assigned, successor, transferred) in plan.items():
            updates.append((assigned, successor, transferred, now, officer_id))
            changes = {
                "assigned_on": [None, assigned],
                "successor_id": [None, successor],
                "transferred_on": [None, transferred],
            }
            audit_rows.append(_audit(now, who, "officer", officer_id, "update", changes, context))
        s.connection().exec_driver_sql(
            "UPDATE officers SET assigned_on = ?, successor_id = ?, transferred_on = ?, "
            "updated_at = ?, version = version + 1 WHERE id = ?",
            [(a.isoformat(), b, c.isoformat() if c else None, d, e) for a, b, c, d, e in updates],
        )
        # the lead of each organization's latest project looks after it
        latest: dict[str, str] = {}
        for org_id, lead in s.execute(
            select(ProjectPartner.organization_id, Project.lead_officer_id)
            .join(Project, Project.id == ProjectPartner.project_id)
            .join(Organization, Organization.id == ProjectPartner.organization_id)
            .where(
                Project.deleted_at.is_(None),
                Project.is_draft.is_(False),
                Project.lead_officer_id.is_not(None),
                Organization.responsible_officer_id.is_(None),
                Organization.deleted_at.is_(None),
            )
            .order_by(Project.fiscal_year, Project.id)
        ):
            latest[org_id] = lead
        latest.update(_spread(s, rng, [officer_id for officer_id, *_ in demo], latest, spread))
        s.connection().exec_driver_sql(
            "UPDATE organizations SET responsible_officer_id = ?, updated_at = ?, version = version + 1 WHERE id = ?",
            [(lead, now, org_id) for org_id, lead in latest.items()],
        )
        for org_id, lead in latest.items():
            audit_rows.append(
                _audit(
                    now,
                    who,
                    "organization",
                    org_id,
                    "update",
                    {"responsible_officer_id": [None, lead]},
                    context,
                )
            )
        # by name, not by id (ids are random): the same seed draws the same commitments
        org_names = dict(
            s.execute(select(Organization.id, Organization.kana + Organization.name)).tuples().all()
        )
        looked_after = sorted(latest.items(), key=lambda pair: (org_names.get(pair[0], ""), pair[0]))
        commitments = _commitments(rng, looked_after, today, now)
        if commitments:
            shape = RowShape(table_of(Commitment), tuple(commitments[0]))
            insert_rows(s, shape, [shape.row(c) for c in commitments])
        for c in commitments:
            audit_rows.append(
                _audit(now, who, "commitment", c["id"], "create", {"text": [None, c["text"]]}, context)
            )
        audit_shape = RowShape(table_of(AuditEntry), _AUDIT_COLUMNS)
        insert_rows(s, audit_shape, [audit_shape.row(r) for r in audit_rows])
    return _signed_notes(ws, plan, today)


def _commitments(
    rng: random.Random, looked_after: list[tuple[str, str]], today: date, now: str
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for org_id, lead in looked_after:
        if rng.random() >= 0.3:
            continue
        done = rng.random() < 0.4
        due = today + timedelta(days=rng.randint(-20, 120))
        rows.append(
            {
                "id": new_id(),
                "organization_id": org_id,
                "project_id": None,
                "text": rng.choice(_DONE_TEXTS if done else _OPEN_TEXTS),
                "owner_officer_id": lead,
                "due_on": due,
                "status": "完了" if done else rng.choice(("未着手", "対応中")),
                "source": rng.choice(("対応記録", "評価", "手入力")),
                "source_id": "",
                "closed_on": min(due, today - timedelta(days=rng.randint(1, 30))) if done else None,
                "version": 1,
                "created_at": now,
                "updated_at": now,
                "deleted_at": None,
            }
        )
    return rows


def _signed_notes(ws: Workspace, plan: dict[str, tuple[date, str | None, date | None]], today: date) -> int:
    """Early handovers of part of the scope of the first transferring officers, signed today.

    Organizations only: their dossiers show their projects, and the demo projects' history
    stays the demo's own (a handed-over project's lead change would be audited as the note's).
    """
    service = HandoverService(ws)
    signed = 0
    for officer_id, (_assigned, successor, transferred) in plan.items():
        if successor is None or transferred is None or signed >= SIGNED_NOTES:
            continue
        with ws.session_factory() as s:
            orgs = s.scalars(
                select(Organization.id)
                .where(Organization.responsible_officer_id == officer_id, Organization.deleted_at.is_(None))
                .order_by(Organization.kana, Organization.id)
                .limit(2)
            ).all()
            names = dict(
                s.execute(select(Officer.id, Officer.name).where(Officer.id.in_((officer_id, successor))))
                .tuples()
                .all()
            )
        if not orgs:
            continue
        note_id = service.create_note(officer_id, successor, today, orgs, today=today)
        note = service.get(note_id)
        version = note.version
        for n, item in enumerate(note.items):
            version = service.save_narrative(note_id, item.id, _NARRATIVE, expected_version=version)
            if n == 0:
                version = service.set_partner_presence(
                    note_id,
                    item.id,
                    present=True,
                    present_on=today,
                    attendees="事務局長",
                    expected_version=version,
                )
            elif n == 1:
                version = service.set_partner_presence(
                    note_id,
                    item.id,
                    present=False,
                    absence_reason="先方の都合がつかなかったため",
                    expected_version=version,
                )
        version = service.sign(note_id, PREDECESSOR, names[officer_id], today, expected_version=version)
        service.sign(note_id, SUCCESSOR, names[successor], today, expected_version=version)
        signed += 1
    return signed
