"""Stored UTC timestamps shown as the officer's local time, with the offset.

Timestamps are stored in UTC (ISO 8601, ``2026-12-01T01:28:07+00:00``); a person reads them in
the computer's own time zone with the offset written out (``2026-12-01 10:28:07 +09:00``), so
that a time read over the phone to a colleague elsewhere is never an hour or nine off.
"""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo

__all__ = ["local_text", "utc_iso_to_local_text"]


def local_text(moment: datetime, tz: tzinfo | None = None, *, seconds: bool = True) -> str:
    """``moment`` in ``tz`` (the computer's zone when None) as ``YYYY-MM-DD HH:MM[:SS] +HH:MM``.

    A naive ``moment`` is taken as local time already (backup names carry local time).
    """
    local = moment.astimezone(tz)
    offset = local.strftime("%z")  # "+0900"
    offset = f"{offset[:3]}:{offset[3:]}" if len(offset) >= 5 else "+00:00"
    return f"{local:%Y-%m-%d %H:%M:%S}"[: 19 if seconds else 16] + f" {offset}"


def utc_iso_to_local_text(value: str, tz: tzinfo | None = None, *, seconds: bool = True) -> str:
    """A stored ISO timestamp (UTC when it has no offset) as local text with the offset.

    Text that is not a timestamp is returned as it is: a history line must never fail to show.
    """
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return value
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return local_text(moment, tz, seconds=seconds)
