"""The store's one clock (UTC), and datetimes from SQLite (which hands them back
naive; they were written in UTC) made aware."""

from __future__ import annotations

from datetime import UTC, datetime


def utcnow() -> datetime:
    return datetime.now(UTC)


def aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def maybe_aware(value: datetime | None) -> datetime | None:
    return aware(value) if value is not None else None


def in_utc(value: datetime) -> datetime:
    """`value` in UTC, at the calendar's end when its offset carries it past one.

    A client's time such as ``0001-01-01T00:00:00+14:00`` is in no UTC year Python
    holds: ``astimezone`` raised OverflowError, a 500 on the changes routes. It is
    before every change (or, at the far end, after every one)."""
    try:
        return aware(value).astimezone(UTC)
    except OverflowError:
        edge = datetime.min if value.year == datetime.min.year else datetime.max
        return edge.replace(tzinfo=UTC)
