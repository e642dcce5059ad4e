"""Officers (職員) as records: list, add, and the record of the officer set in ``settings.json``.

The settings keep the current officer by name and 所属課 (and, once resolved, the record's id),
so a settings file from before officers were records keeps working: the first action that
needs the record finds it by name and 所属課, or creates it, and remembers its id.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from kyodo_desktop.domain.project import OfficerInput, validate_officer
from kyodo_desktop.domain.text import nfkc
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import KnownError, NotFoundError, StaleEditError
from kyodo_desktop.persistence.models import Officer, utc_now
from kyodo_desktop.services import settings
from kyodo_desktop.services.workspace import Workspace

ENTITY = "officer"


@dataclass(frozen=True)
class OfficerRecord:
    """A stored officer."""

    id: str
    version: int
    data: OfficerInput
    #: 着任日, the planned 異動日 and the successor (後任) for the handover (issue 13)
    assigned_on: date | None = None
    transferred_on: date | None = None
    successor_id: str | None = None


def _record(o: Officer) -> OfficerRecord:
    return OfficerRecord(
        o.id,
        o.version,
        OfficerInput(o.name, o.kana, o.section, o.title),
        o.assigned_on,
        o.transferred_on,
        o.successor_id,
    )


def list_officers(ws: Workspace) -> list[OfficerRecord]:
    """Every officer not in the trash, by 所属課, フリガナ and name."""
    stmt = (
        select(Officer)
        .where(Officer.deleted_at.is_(None))
        .order_by(Officer.section, Officer.kana, Officer.name, Officer.id)
    )
    with ws.session_factory() as s:
        return [_record(o) for o in s.scalars(stmt)]


def get_officer(ws: Workspace, officer_id: str) -> OfficerRecord:
    """One officer (raises NotFoundError)."""
    with ws.session_factory() as s:
        return _record(load(s, officer_id))


def load(s: Session, officer_id: str) -> Officer:
    """The officer row in ``s`` (raises NotFoundError)."""
    officer = s.get(Officer, officer_id)
    if officer is None:
        raise NotFoundError(f"職員が見つかりません: {officer_id}")
    return officer


def check_live(s: Session, officer_id: str | None) -> None:
    """Raise NotFoundError unless ``officer_id`` is None or a stored officer not in the trash."""
    if officer_id is not None:
        officer = s.get(Officer, officer_id)
        if officer is None or officer.deleted_at is not None:
            raise NotFoundError(f"職員が見つかりません: {officer_id}")


def label_of(s: Session, officer_id: str | None) -> str:
    """``氏名（所属課）`` of an officer, "" for none."""
    officer = s.get(Officer, officer_id) if officer_id else None
    return "" if officer is None else officer_label(officer.name, officer.section)


def officer_label(name: str, section: str) -> str:
    """``氏名（所属課）``, or the name alone when no 所属課 is known."""
    return f"{name}（{section}）" if section else name


def add_officer(ws: Workspace, data: OfficerInput) -> str:
    """Validate and store a new officer (audited); returns the id."""
    ws.require_write()
    clean = validate_officer(data)
    with ws.session_factory.begin() as s:
        return _add(s, ws, clean)


def _add(s: Session, ws: Workspace, clean: OfficerInput) -> str:
    officer = Officer(**dataclasses.asdict(clean))
    s.add(officer)
    s.flush()
    values = {k: v for k, v in dataclasses.asdict(clean).items() if v}
    audit.record(
        s,
        officer=ws.officer.name,
        entity=ENTITY,
        record_id=officer.id,
        action="create",
        changes=audit.diff({}, values),
    )
    return officer.id


class _Keep:
    """Leave the value as it is (distinct from None, which clears it)."""


KEEP = _Keep()


def set_assignment(
    ws: Workspace,
    officer_id: str,
    *,
    expected_version: int | None = None,
    assigned_on: date | _Keep | None = KEEP,
    transferred_on: date | _Keep | None = KEEP,
    successor_id: str | _Keep | None = KEEP,
) -> int:
    """Set (or, with None, clear) an officer's 着任日, 異動日 and 後任 (audited); the new version.

    ``expected_version`` None skips the stale check (the CLI acts on the record as it is).
    """
    ws.require_write()
    with ws.session_factory.begin() as s:
        officer = load(s, officer_id)
        if officer.deleted_at is not None:
            raise NotFoundError(f"職員が見つかりません: {officer_id}")
        if expected_version is not None and officer.version != expected_version:
            raise StaleEditError(
                f"職員「{officer.name}」は、開いた後に他の操作で更新されています"
                f"（開いた時: 版{expected_version}、現在: 版{officer.version}）。開き直してください。"
            )
        wanted: dict[str, Any] = {}
        if not isinstance(assigned_on, _Keep):
            wanted["assigned_on"] = assigned_on
        if not isinstance(transferred_on, _Keep):
            wanted["transferred_on"] = transferred_on
        if not isinstance(successor_id, _Keep):
            if successor_id == officer.id:
                raise KnownError("後任に本人は指定できません")
            check_live(s, successor_id)
            wanted["successor_id"] = successor_id
        after = {
            k: wanted.get(k, getattr(officer, k)) for k in ("assigned_on", "transferred_on", "successor_id")
        }
        if (
            after["assigned_on"]
            and after["transferred_on"]
            and after["transferred_on"] < after["assigned_on"]
        ):
            raise KnownError("異動日が着任日より前になっています")
        before = {k: getattr(officer, k) for k in wanted}
        changes = audit.diff(before, wanted)
        if not changes:
            return officer.version
        for key, value in wanted.items():
            setattr(officer, key, value)
        officer.updated_at = utc_now()
        s.flush()
        audit.record(
            s, officer=ws.officer.name, entity=ENTITY, record_id=officer.id, action="update", changes=changes
        )
        return officer.version


def find_by_name(ws: Workspace, name: str) -> OfficerRecord:
    """The one officer (not in the trash) with this name (or ID); refused when none or several."""
    wanted = nfkc(name)
    everyone = list_officers(ws)
    found = [o for o in everyone if o.id == wanted] or [o for o in everyone if nfkc(o.data.name) == wanted]
    if not found:
        raise NotFoundError(f"職員が見つかりません: {name}")
    if len(found) > 1:
        ids = "、".join(f"{officer_label(o.data.name, o.data.section)} {o.id}" for o in found)
        raise KnownError(f"同じ氏名の職員が複数います（{ids}）。IDで指定してください。")
    return found[0]


def current_officer_id(ws: Workspace, s: Session) -> str:
    """The record of the officer in the settings, inside ``s``'s transaction.

    Found by the id the settings keep, else by name and 所属課 (not in the trash), else
    created; the settings then keep its id. Called where a write needs the record (a new
    project's lead officer), so the settings file is written only by a writer.
    """
    me = ws.officer
    if me.officer_id and s.get(Officer, me.officer_id) is not None:
        return me.officer_id
    found = s.scalars(
        select(Officer.id)
        .where(Officer.name == me.name, Officer.section == me.section, Officer.deleted_at.is_(None))
        .order_by(Officer.created_at, Officer.id)
        .limit(1)
    ).first()
    officer_id = found or _add(s, ws, validate_officer(OfficerInput(name=me.name, section=me.section)))
    if me.source == "settings":  # an officer named by KYODO_OFFICER or the OS user is not saved
        settings.set_officer(ws.data_dir, me.name, me.section, officer_id)
        ws.reload_officer()
    return officer_id
