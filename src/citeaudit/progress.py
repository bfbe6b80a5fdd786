"""A spinner while a network phase runs, for a person at a terminal; nothing in CI.

The registry look-ups and link checks of a long bibliography take minutes; a silent
terminal for that long looks hung. The spinner (rich) goes to stderr, so a report
piped from stdout is unchanged, and it is shown only when stderr is a terminal and no
``CI`` variable is set (GitHub Actions, GitLab CI and most others set it).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from citeaudit.audit_data import AuditData, Phase
from citeaudit.enrichment import Enricher

if TYPE_CHECKING:
    from rich.console import Console

_WHAT = {
    Phase.RESOLUTION: "asking the registries about {n} references",
    Phase.LINKS: "checking the links of {n} references",
}


def wants_progress() -> bool:
    return sys.stderr.isatty() and not os.environ.get("CI") and "NO_COLOR" not in os.environ


def with_progress(enrichers: Sequence[Enricher], *, show: bool | None = None) -> list[Enricher]:
    """`enrichers`, each shown by a spinner while it runs when `show` (default: a terminal)."""
    if not (wants_progress() if show is None else show):
        return list(enrichers)
    from rich.console import Console

    console = Console(stderr=True)
    return [_Shown(enricher, console) for enricher in enrichers]


class _Shown(Enricher):
    phase: ClassVar[Phase] = Phase.OFFLINE  # audit() runs enrichers in order, by no phase

    def __init__(self, inner: Enricher, console: Console) -> None:
        self.inner = inner
        self.console = console

    def enrich(self, data: AuditData) -> AuditData:
        what = _WHAT.get(self.inner.phase, "{n} references").format(n=len(data.references))
        with self.console.status(f"{self.inner.phase.value}: {what}…"):
            return self.inner.enrich(data)

    def close(self) -> None:
        self.inner.close()

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)
