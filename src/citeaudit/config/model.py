"""What a project's configuration may say; every field has the CLI's own default."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from citeaudit.model.finding import Severity


@dataclass(frozen=True, slots=True)
class Config:
    source: Path | None = None  # the file it was read from; None: no file found
    root: Path = field(default_factory=Path.cwd)  # paths in it are relative to this
    paths: tuple[str, ...] = ()  # files `check` audits when none is given
    bib: tuple[str, ...] = ()
    select: tuple[str, ...] = ()  # rule codes, code prefixes ("CIT") or names; () = all
    ignore: tuple[str, ...] = ()
    severity: tuple[tuple[str, Severity], ...] = ()  # rule -> severity
    fail_on: str | None = None
    offline: bool = False
    resolve: bool = True
    links: bool = True
    network: tuple[tuple[str, str | int | float], ...] = ()  # Settings fields
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()  # glob -> rules
    baseline: str | None = None
