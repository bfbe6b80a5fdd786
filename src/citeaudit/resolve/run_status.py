"""What the report says about a resolution phase: done or not, and how many not checked.

One function for the in-process run and for the service, which resolves a manuscript
in chunks on several workers: the sentence is made again from the merged resolutions,
so "12 of 21 references not checked" counts every chunk, not the first one's share.
"""

from __future__ import annotations

from collections.abc import Collection

from citeaudit.model.resolution import Resolution, ResolutionState

__all__ = ["broken_from", "run_status"]


def run_status(
    resolutions: Collection[Resolution], total: int, broken: str | None
) -> tuple[bool, str | None]:
    """(done, reason) for a run over `total` references with these `resolutions`.

    `broken` is why the registry itself could not be asked ("unreachable", "answered
    503 to every request"); with failures it makes the phase not done.
    """
    failed = [r for r in resolutions if r.state is ResolutionState.FAILED]
    if broken and failed:
        return False, f"Crossref {broken}; {len(failed)} of {total} references not checked"
    if not failed:
        return True, None
    reasons = sorted({r.reason or "" for r in failed})
    return True, f"{len(failed)} references could not be checked: " + "; ".join(reasons[:3])


def broken_from(reason: str | None) -> str | None:
    """The `broken` part of a not-done reason `run_status` wrote, else None."""
    if not reason or not reason.startswith("Crossref ") or "; " not in reason:
        return None
    return reason.removeprefix("Crossref ").split("; ", 1)[0]
