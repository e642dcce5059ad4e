"""Officers (職員) as records: list, add, and the record of the officer set in ``settings.json``.

The settings keep the current officer by name and 所属課 (and, once resolved, the record's id),
so a settings file from before officers were records keeps working: the first action that
needs the record finds it by name and 所属課, or creates it, and remembers its id.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from kyodo_desktop.domain.project import OfficerInput, validate_officer
from kyodo_desktop.persistence import audit
from kyodo_desktop.persistence.errors import NotFoundError
from kyodo_desktop.persistence.models import Officer
from kyodo_desktop.services import settings
from kyodo_desktop.services.workspace import Workspace

ENTITY = "officer"


@dataclass(frozen=True)
class OfficerRecord:
    """A stored officer."""

    id: str
    version: int
    data: OfficerInput


def _record(o: Officer) -> OfficerRecord:
    return OfficerRecord(o.id, o.version, OfficerInput(o.name, o.kana, o.section, o.title))


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
