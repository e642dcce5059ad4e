"""Duplicates already in the registry: candidate pairs, merge into a survivor, and undo.

A merge is one transaction: the survivor takes the chosen values, the other record's contacts,
interaction log, 約束・宿題 and handover items move to it (``duplicates_handover``), and the
other record stays as a tombstone (``merged_into`` plus
``deleted_at``: out of every list and out of the trash) so links to it still resolve. The audit
row of the merge keeps everything needed to undo it (``unmerge``).
"""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kyodo_desktop.domain.text import email_key
from kyodo_desktop.persistence import audit, backup
from kyodo_desktop.persistence.errors import KnownError, NotFoundError
from kyodo_desktop.persistence.listing import is_listed, listing_clause
from kyodo_desktop.persistence.models import (
    AuditEntry,
    Contact,
    Interaction,
    Officer,
    Organization,
    table_of,
    utc_now,
)
from kyodo_desktop.services import duplicates_handover, not_duplicates
from kyodo_desktop.services.organizations import (
    ENTITY,
    INPUT_FIELDS,
    RESPONSIBLE_OFFICER,
    fields_from_text,
    fields_to_text,
    input_from,
    org_column_values,
)
from kyodo_desktop.services.workspace import Workspace

FIELDS = INPUT_FIELDS
#: Names at least this similar (rapidfuzz ratio, 0–100) in the same 市町村 are candidates too.
SIMILARITY = 90

SAME_NUMBER = "法人番号が同じ"
SAME_NAME = "名称が同じ"
SAME_PHONE = "電話番号が同じ"
SAME_EMAIL = "メールアドレスが同じ"
SIMILAR_NAME = "名称がよく似ている"
#: How much each reason weighs in :func:`score` (a 法人番号 names one legal person; a phone may
#: be a shared office's, a name alone may be a common one).
WEIGHTS = {SAME_NUMBER: 100, SAME_NAME: 60, SAME_EMAIL: 45, SAME_PHONE: 35, SIMILAR_NAME: 30}


@dataclasses.dataclass(frozen=True)
class PairSide:
    """What an officer judges one side of a pair by."""

    municipality: str = ""
    address: str = ""
    phone: str = ""
    representative: str = ""
    legal_form: str = ""
    corporate_number: str = ""


@dataclasses.dataclass(frozen=True)
class CandidatePair:
    """Two live records that look like one group, why, and how strongly (``score``)."""

    first_id: str
    first_name: str
    second_id: str
    second_name: str
    reasons: tuple[str, ...]
    first: PairSide = PairSide()
    second: PairSide = PairSide()
    score: int = 0


def score(reasons: Iterable[str], a: PairSide, b: PairSide) -> int:
    """The strength of the evidence that two records are one group (higher: stronger).

    The reasons add up; values both sides have and share add to it, values both have and that
    differ take from it (two different 法人番号 are two legal persons, whatever the names say).
    """
    total = sum(WEIGHTS.get(r, 0) for r in reasons)
    for field, agree, disagree in (
        ("corporate_number", 0, 80),  # agreement is already the reason 法人番号が同じ
        ("representative", 25, 15),
        ("address", 20, 10),
        ("phone", 0, 10),
        ("municipality", 5, 20),
        ("legal_form", 5, 5),
    ):
        x, y = getattr(a, field), getattr(b, field)
        if x and y:
            total += agree if x == y else -disagree
    return total


#: Reasons too weak to stand alone against records that disagree elsewhere (see :func:`offered`).
WEAK = frozenset({(SIMILAR_NAME,), (SAME_PHONE,)})


def contradictions(a: PairSide, b: PairSide) -> int:
    """How many of 法人番号 (twice), 代表者, 住所, 電話 both sides have and differ in."""
    n = 0
    for field, weight in (("corporate_number", 2), ("representative", 1), ("address", 1), ("phone", 1)):
        x, y = getattr(a, field), getattr(b, field)
        if x and y and x != y:
            n += weight
    return n


def offered(reasons: tuple[str, ...], a: PairSide, b: PairSide) -> bool:
    """Whether a pair is proposed: a similar name alone, or a shared phone alone, is not enough
    when the records disagree in two or more of 法人番号・代表者・住所・電話 (measured on the demo
    data, benchmarks/README.md: such pairs were different groups; a record entered twice with a
    typo usually lacks values or shares them)."""
    return tuple(reasons) not in WEAK or contradictions(a, b) < 2


def _side(r: Any) -> PairSide:
    return PairSide(
        municipality=r.municipality_name,
        address=r.address,
        phone=r.phone,
        representative=r.representative,
        legal_form=r.legal_form,
        corporate_number=r.corporate_number,
    )


def _similar_names(rows: Sequence[Any], reasons: dict[tuple[str, str], list[str]]) -> None:
    """Very similar names: compared only within one 市町村 and the same first letters, and in C
    (rapidfuzz.process.extract over the block), so 100k records take seconds, not minutes."""
    from rapidfuzz import fuzz, process

    blocks: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for r in rows:
        if len(r.dup_key) >= 4:
            blocks[(r.municipality_code or r.municipality_name, r.dup_key[:2])].append(r)
    for block in blocks.values():
        if len(block) < 2:
            continue
        keys = [r.dup_key for r in block]
        for i, a in enumerate(block[:-1]):
            later = keys[i + 1 :]
            for _match, _score, j in process.extract(
                a.dup_key, later, scorer=fuzz.ratio, score_cutoff=SIMILARITY, limit=None
            ):
                b = block[i + 1 + j]
                if a.dup_key != b.dup_key:
                    key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
                    if SIMILAR_NAME not in reasons[key]:
                        reasons[key].append(SIMILAR_NAME)


def find_candidates(ws: Workspace) -> list[CandidatePair]:
    """Likely duplicate pairs, strongest evidence first; pairs judged 「重複ではない」 are left out.

    Reasons: same 法人番号, same name key, same phone or email, very similar names in one 市町村.
    """
    stmt = select(
        Organization.id,
        Organization.name,
        Organization.dup_key,
        Organization.corporate_number,
        Organization.phone,
        Organization.email,
        Organization.municipality_code,
        Organization.municipality_name,
        Organization.address,
        Organization.representative,
        Organization.legal_form,
    ).where(listing_clause(Organization))
    with ws.session_factory() as s:
        rows = s.execute(stmt.order_by(Organization.kana, Organization.id)).all()
        dismissed = not_duplicates.dismissed_pairs(s)
    by_id = {r.id: r for r in rows}
    reasons: dict[tuple[str, str], list[str]] = defaultdict(list)

    def pair_up(groups: dict[str, list[str]], reason: str) -> None:
        for ids in groups.values():
            for i, a in enumerate(ids):
                for b in ids[i + 1 :]:
                    key = (a, b) if a < b else (b, a)
                    if reason not in reasons[key]:
                        reasons[key].append(reason)

    for column, reason in (
        ("corporate_number", SAME_NUMBER),
        ("dup_key", SAME_NAME),
        ("phone", SAME_PHONE),
        ("email", SAME_EMAIL),
    ):
        groups: dict[str, list[str]] = defaultdict(list)
        for r in rows:
            value = getattr(r, column)
            if column == "email":
                value = email_key(value)  # INFO@a.jp is info@a.jp
            if value:
                groups[value].append(r.id)
        pair_up({k: v for k, v in groups.items() if len(v) > 1}, reason)
    _similar_names(rows, reasons)
    pairs = []
    for (a, b), why in reasons.items():
        if (a, b) in dismissed:
            continue
        first, second = _side(by_id[a]), _side(by_id[b])
        if not offered(tuple(why), first, second):
            continue
        pairs.append(
            CandidatePair(
                a, by_id[a].name, b, by_id[b].name, tuple(why), first, second, score(why, first, second)
            )
        )
    pairs.sort(key=lambda p: (-p.score, -len(p.reasons), p.first_name, p.second_name))
    return pairs


def _load_live(s: Session, org_id: str) -> Organization:
    org = s.get(Organization, org_id)
    if org is None:
        raise NotFoundError(f"団体が見つかりません: {org_id}")
    if not is_listed(org):
        raise KnownError(f"団体「{org.name}」はゴミ箱にあるか、既に統合されています。")
    return org


def _jsonable(value: Any) -> Any:
    if isinstance(value, list):
        return fields_to_text(value)
    return value.isoformat() if hasattr(value, "isoformat") else value


def merge(ws: Workspace, keep_id: str, other_id: str, *, take_from_other: Iterable[str] = ()) -> None:
    """Merge ``other_id`` into ``keep_id`` (one transaction; undo with :func:`unmerge`).

    The survivor keeps its own values, takes the other's where its own are blank, and takes the
    other's for every field named in ``take_from_other``. The 担当職員 (``responsible_officer_id``,
    which may be named there too) goes the same way, unless the other's officer is in the trash.
    """
    ws.require_write()
    if keep_id == other_id:
        raise KnownError("同じ団体どうしは統合できません。")
    take = set(take_from_other)
    unknown = take - set(FIELDS) - {RESPONSIBLE_OFFICER}
    if unknown:
        raise KnownError(f"項目名が正しくありません: {', '.join(sorted(unknown))}")
    with ws.session_factory() as s:  # refuse before taking a backup nothing would follow
        _load_live(s, keep_id)
        _load_live(s, other_id)
    backup.create_backup(ws.db_path, ws.backups_dir, "pre-merge")
    with ws.session_factory.begin() as s:
        keep, other = _load_live(s, keep_id), _load_live(s, other_id)
        kept, gone = input_from(keep), input_from(other)
        chosen: dict[str, Any] = {}
        for field in FIELDS:
            mine, theirs = getattr(kept, field), getattr(gone, field)
            if theirs in ("", None, []):
                continue
            if (field in take or mine in ("", None, [])) and mine != theirs:
                chosen[field] = theirs
        merged = dataclasses.replace(kept, **chosen)
        officer_change = _officer_taken(s, keep, other, RESPONSIBLE_OFFICER in take)
        contact_ids = list(s.scalars(select(Contact.id).where(Contact.organization_id == other_id)))
        interaction_ids = list(
            s.scalars(select(Interaction.id).where(Interaction.organization_id == other_id))
        )
        now = utc_now()
        orgs = table_of(Organization)
        s.execute(
            update(orgs)
            .where(orgs.c.id == keep_id)
            .values(**org_column_values(merged), version=keep.version + 1, updated_at=now)
        )
        if officer_change:
            s.execute(
                update(orgs).where(orgs.c.id == keep_id).values(responsible_officer_id=officer_change[1])
            )
        s.execute(
            update(table_of(Contact))
            .where(table_of(Contact).c.organization_id == other_id)
            .values(organization_id=keep_id)
        )
        s.execute(
            update(table_of(Interaction))
            .where(table_of(Interaction).c.organization_id == other_id)
            .values(organization_id=keep_id)
        )
        moved_handover = duplicates_handover.move_to_survivor(s, keep_id, other_id)
        latest = max(filter(None, (keep.last_contact_on, other.last_contact_on)), default=None)
        s.execute(update(orgs).where(orgs.c.id == keep_id).values(last_contact_on=latest))
        s.execute(
            update(orgs)
            .where(orgs.c.id == other_id)
            .values(deleted_at=now, merged_into=keep_id, version=other.version + 1, updated_at=now)
        )
        officer = ws.officer.name
        audit.record(
            s,
            officer=officer,
            entity=ENTITY,
            record_id=keep_id,
            action="merge",
            changes={
                **{f: [_jsonable(getattr(kept, f)), _jsonable(v)] for f, v in chosen.items()},
                **({RESPONSIBLE_OFFICER: officer_change} if officer_change else {}),
                "merged_from": [None, other_id],
                "moved_contacts": [None, contact_ids],
                "moved_interactions": [None, interaction_ids],
                **moved_handover,
                "last_contact_on": [_jsonable(keep.last_contact_on), _jsonable(latest)],
            },
        )
        audit.record(
            s,
            officer=officer,
            entity=ENTITY,
            record_id=other_id,
            action="merged",
            changes={"merged_into": [None, keep_id]},
        )
        s.expire_all()


def unmerge(ws: Workspace, other_id: str) -> str:
    """Undo the merge of ``other_id`` (from the merge's audit row); returns the survivor's id."""
    ws.require_write()
    with ws.session_factory() as s:
        other = s.get(Organization, other_id)
        if other is None or other.merged_into is None:
            raise KnownError("この団体は統合されていません。")
    backup.create_backup(ws.db_path, ws.backups_dir, "pre-unmerge")
    with ws.session_factory.begin() as s:
        other = s.get(Organization, other_id)
        if other is None or other.merged_into is None:
            raise KnownError("この団体は統合されていません。")
        keep_id = other.merged_into
        entry = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.record_id == keep_id, AuditEntry.action == "merge")
            .order_by(AuditEntry.id.desc())
        ).first()
        changes = json.loads(entry.changes) if entry is not None else {}
        if changes.get("merged_from", [None, None])[1] != other_id:
            raise KnownError("統合の記録が見つからないため、元に戻せません。")
        keep = _load_live(s, keep_id)
        restored = input_from(keep)
        fields = {f: v[0] for f, v in changes.items() if f in FIELDS}
        if "fields" in fields:
            fields["fields"] = fields_from_text(fields["fields"] or "")
        for date_field in ("established_on", "certified_on", "nintei_expires_on"):
            if fields.get(date_field):
                fields[date_field] = date.fromisoformat(fields[date_field])
        restored = dataclasses.replace(restored, **fields)
        now = utc_now()
        orgs = table_of(Organization)
        s.execute(
            update(orgs)
            .where(orgs.c.id == keep_id)
            .values(**org_column_values(restored), version=keep.version + 1, updated_at=now)
        )
        if RESPONSIBLE_OFFICER in changes:  # the survivor's own 担当職員 back (or none)
            s.execute(
                update(orgs)
                .where(orgs.c.id == keep_id)
                .values(responsible_officer_id=changes[RESPONSIBLE_OFFICER][0])
            )
        moved_contacts = changes.get("moved_contacts", [None, []])[1]
        moved_interactions = changes.get("moved_interactions", [None, []])[1]
        if moved_contacts:
            s.execute(
                update(table_of(Contact))
                .where(table_of(Contact).c.id.in_(moved_contacts))
                .values(organization_id=other_id)
            )
        if moved_interactions:
            s.execute(
                update(table_of(Interaction))
                .where(table_of(Interaction).c.id.in_(moved_interactions))
                .values(organization_id=other_id)
            )
        duplicates_handover.move_back(s, changes, other_id)
        unlinked = _unlink_across(s, keep_id, other_id)
        old_last = changes.get("last_contact_on", [None, None])[0]
        s.execute(update(orgs).where(orgs.c.id == keep_id).values(last_contact_on=_date_or_none(old_last)))
        s.execute(
            update(orgs)
            .where(orgs.c.id == other_id)
            .values(deleted_at=None, merged_into=None, version=other.version + 1, updated_at=now)
        )
        keep_payload: dict[str, Any] = {"merged_from": [other_id, None]}
        if unlinked:
            keep_payload["unlinked_interactions"] = [unlinked, None]
        for record_id, payload in (
            (keep_id, keep_payload),
            (other_id, {"merged_into": [keep_id, None]}),
        ):
            audit.record(
                s,
                officer=ws.officer.name,
                entity=ENTITY,
                record_id=record_id,
                action="unmerge",
                changes=payload,
            )
        s.expire_all()
        return keep_id


def _officer_taken(s: Session, keep: Organization, other: Organization, take: bool) -> list[str | None]:
    """``[old, new]`` of the survivor's 担当職員 when a merge takes the other's, else []."""
    mine, theirs = keep.responsible_officer_id, other.responsible_officer_id
    if theirs is None or theirs == mine or (mine is not None and not take):
        return []
    officer = s.get(Officer, theirs)
    if officer is None or officer.deleted_at is not None:
        return []  # not to be chosen any more: the survivor keeps its own
    return [mine, theirs]


def _date_or_none(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _unlink_across(s: Session, *org_ids: str) -> list[str]:
    """Unlink 対応記録 of ``org_ids`` whose 担当者 now belongs to another organization.

    While merged, an entry could be linked to a contact that came from the other record; after
    the unmerge they live apart, and a link across organizations would be wrong. The entries
    keep everything else; their version moves on, so a correction form open on them is refused.
    """
    log, people = table_of(Interaction), table_of(Contact)
    own = select(people.c.id).where(people.c.organization_id == log.c.organization_id)
    ids = list(
        s.scalars(
            select(log.c.id).where(
                log.c.organization_id.in_(org_ids),
                log.c.contact_id.is_not(None),
                log.c.contact_id.not_in(own),
            )
        )
    )
    if ids:
        s.execute(update(log).where(log.c.id.in_(ids)).values(contact_id=None, version=log.c.version + 1))
    return ids
