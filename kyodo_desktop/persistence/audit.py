"""The audit log: who changed what, when, from what to what — in the change's own transaction."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from kyodo_desktop.persistence.models import AuditEntry, utc_now


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return value


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every field whose value differs."""
    out: dict[str, list[Any]] = {}
    for key in sorted(set(old) | set(new)):
        a, b = old.get(key), new.get(key)
        if a != b:
            out[key] = [_jsonable(a), _jsonable(b)]
    return out


def record(
    session: Session,
    *,
    officer: str,
    entity: str,
    record_id: str,
    action: str,
    changes: Mapping[str, Any] | None = None,
    context: str = "",
) -> None:
    """Add one audit row to the session's current transaction."""
    session.add(
        AuditEntry(
            occurred_at=utc_now(),
            officer=officer,
            entity=entity,
            record_id=record_id,
            action=action,
            changes=json.dumps(changes or {}, ensure_ascii=False, default=_jsonable),
            context=context,
        )
    )


def history(session: Session, record_id: str | None = None, limit: int | None = None) -> list[Row[Any]]:
    """Audit rows, oldest first, optionally for one record (its children included by id)."""
    stmt = select(
        AuditEntry.id,
        AuditEntry.occurred_at,
        AuditEntry.officer,
        AuditEntry.entity,
        AuditEntry.record_id,
        AuditEntry.action,
        AuditEntry.changes,
        AuditEntry.context,
    ).order_by(AuditEntry.id)
    if record_id is not None:
        stmt = stmt.where(AuditEntry.record_id == record_id)
    if limit is not None:
        stmt = stmt.order_by(None).order_by(AuditEntry.id.desc()).limit(limit)
        return list(reversed(session.execute(stmt).all()))
    return list(session.execute(stmt).all())
