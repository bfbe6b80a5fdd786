"""What changed since an audit, as a report shows it: a typed, optional report section.

The report core knows nothing about watching or the store; whoever has the changes
(the service, for a watched audit) builds a `ChangesSection` and hands it to the
HTML reporter or prints it. Entries are grouped in a fixed order: newly broken,
still broken, recovered, newly retracted, new notices.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from citeaudit.model.change import ChangeKind as ChangeKind  # the model's; named here too
from citeaudit.model.resolution import Notice

GROUP_TITLES: dict[ChangeKind, str] = {
    ChangeKind.NEWLY_BROKEN: "Newly broken links",
    ChangeKind.STILL_BROKEN: "Still broken",
    ChangeKind.RECOVERED: "Recovered links",
    ChangeKind.NEWLY_RETRACTED: "Newly retracted works",
    ChangeKind.NEW_NOTICE: "New editorial notices",
}


ChangeNotice = Notice  # a registry's notice on a cited work: the model's own type


@dataclass(frozen=True, slots=True)
class ChangeEntry:
    kind: ChangeKind
    at: datetime  # when it was seen (for "still broken": the latest check)
    reference_ids: tuple[str, ...] = ()
    url: str | None = None
    doi: str | None = None
    since: datetime | None = None  # broken since
    status: int | None = None
    reason: str | None = None
    final_url: str | None = None
    notice: ChangeNotice | None = None


@dataclass(frozen=True, slots=True)
class ChangesSection:
    """The changes since `since` (the audit), of an audit that is being re-checked."""

    since: datetime | None
    entries: tuple[ChangeEntry, ...] = ()

    def groups(self) -> list[tuple[ChangeKind, str, tuple[ChangeEntry, ...]]]:
        """(kind, title, entries) for each kind that has entries, in the fixed order."""
        out = []
        for kind, title in GROUP_TITLES.items():
            mine = tuple(e for e in self.entries if e.kind is kind)
            if mine:
                out.append((kind, title, mine))
        return out


def when(value: datetime) -> str:
    """A time in UTC, to the minute (naive times are taken as UTC)."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return f"{aware.astimezone(UTC):%Y-%m-%d %H:%M} UTC"


def describe(entry: ChangeEntry) -> str:
    """The entry's detail in words: the status, since when, the notice."""
    parts: list[str] = []
    status = [f"HTTP {entry.status}"] if entry.status is not None else []
    status += [f"({entry.reason})"] if entry.reason else []
    if status:
        parts.append(" ".join(status))
    if entry.since is not None:
        word = "was broken since" if entry.kind is ChangeKind.RECOVERED else "broken since"
        parts.append(f"{word} {when(entry.since)}")
    if entry.final_url and entry.final_url != entry.url:
        parts.append(f"now ends at {entry.final_url}")
    if entry.notice is not None:
        n = entry.notice
        notice = n.kind.replace("_", " ")
        notice += f" {n.doi}" if n.doi else ""
        notice += f" ({n.source})" if n.source else ""
        notice += f", dated {n.date}" if n.date else ""
        parts.append(notice)
    return "; ".join(parts)
