"""The configuration applied to a `check` or `fix` run's options, then to its findings.

Precedence, as ruff's: the command line, then the environment (CITEAUDIT_* settings),
then the configuration file, then the defaults.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citeaudit.audit_data import AuditResult
from citeaudit.bounded_read import enters
from citeaudit.cli.own_inputs import refuse_writing_over
from citeaudit.config.load import find_config, parse_table, read_toml
from citeaudit.config.model import Config
from citeaudit.errors import ConfigurationError
from citeaudit.input_scope import (
    InputScope,
    database_hazard,
    foreign_file,
    planted_journal,
    shown_name,
    sqlite_hazard,
    trusted_owners,
)
from citeaudit.report.printable import printable
from citeaudit.suppress.baseline import DEFAULT_NAME, write_baseline


@dataclass
class Setup:
    config: Config
    problems: list[str]
    confined: bool = False  # --confine: the checkout is a stranger's

    def settings_overrides(self) -> dict[str, Any]:
        """Network settings from the file that the environment does not set (confined:
        only tightening the defaults, and no private networks; `confined_network`)."""
        out: dict[str, Any] = {}
        for key, value in self.config.network:
            name = key.replace("-", "_")
            if f"CITEAUDIT_{name.upper()}" not in os.environ:
                out[name] = self.config.root / str(value) if name == "cache_dir" else value
        if self.confined:
            from citeaudit.links.confined_network import confined_overrides

            out = confined_overrides(out, os.environ)
        return out

    def baseline_path(self, given: Path | None) -> Path | None:
        if given is not None:
            return given
        if self.config.baseline is not None:
            return self.config.root / self.config.baseline
        default = self.config.root / DEFAULT_NAME  # where --write-baseline put it
        if not default.is_file():
            return None
        # found by looking, not named: run from a shared folder (/tmp), another user's
        # file there set aside every finding it listed (`input_scope.foreign_file`)
        why = foreign_file(default, trusted_owners(default.parent))
        if why is None:
            return default
        note = f"{default}: not used: {why}; someone else may have put it there"
        if note not in self.problems:
            self.problems.append(note)
        return None

    def apply(
        self, result: AuditResult, baseline: Path | None, *, use_baseline: bool = True
    ) -> AuditResult:
        """`result` with the configuration applied and the suppressed findings set aside."""
        from citeaudit.suppress import Suppressing, suppress

        path = self.baseline_path(baseline) if use_baseline else None
        return suppress(result, Suppressing(self.config, path, self.problems))

    def write_baseline(
        self, result: AuditResult, given: Path | None, read: Sequence[Path | str] = ()
    ) -> str:
        """The baseline written, never over a file the run `read` (`own_inputs`)."""
        path = self.baseline_path(given) or self.config.root / DEFAULT_NAME
        sources = (self.config.source,) if self.config.source is not None else ()
        refuse_writing_over(path, "the baseline", [*read, *sources])
        count = write_baseline(path, result.findings)
        return f"citeaudit: {count} finding(s) recorded in the baseline {path}"


def configure(args: argparse.Namespace) -> Setup:
    """Read the configuration for `args` and fill in what the command line left open."""
    fence = _fence(args)
    config = _config_for(args, fence)
    if fence is not None:
        _confine(config, fence)
        _confine_cache(config, fence)
        _confine_given(args, fence)
    _no_planted_journal(config)
    if not (args.paths or args.bib or getattr(args, "reference_list", [])):
        args.paths = [config.root / p for p in config.paths]
        args.bib = [*args.bib, *(config.root / b for b in config.bib)]
    if getattr(args, "fail_on", None) is None and hasattr(args, "fail_on"):
        args.fail_on = config.fail_on or "error"
    args.offline = args.offline or config.offline
    args.no_resolve = args.no_resolve or not config.resolve
    args.no_links = args.no_links or not config.links
    return Setup(config, [], confined=fence is not None)


def _fence(args: argparse.Namespace) -> InputScope | None:
    """``--confine DIR`` as a scope that judges names, None without it."""
    folder: Path | None = getattr(args, "confine", None)
    if folder is None or not folder.is_dir():
        return None  # no confinement, or a usage error the audit itself reports
    return InputScope.fence(folder)


def _inside(path: Path, fence: InputScope) -> bool:
    """Whether `path` lies in the confined folder: a file the checkout holds (a fork's),
    not one of the runner's above it. As written, or in its folder's real place: the
    checkout named through a link (``/ci/alias/report.sarif``, ``alias -> repo``) is
    still the checkout, and its files are judged; the name's own last part is not
    resolved, so a link out is judged too, not taken for the place it points. A name an
    entry of the checkout had a say in is the checkout's too (`bounded_read.enters`):
    ``alias/l/report.json`` through ``alias -> repo`` and the fork's ``l -> ../outside``
    (or the runner's ``ci -> repo/l``) had the report written into the runner's folder."""
    if fence.root is None:
        return False
    written = Path(os.path.abspath(path))
    if written.is_relative_to(fence.root):
        return True
    try:
        folder = Path(os.path.realpath(written.parent))
    except (OSError, ValueError):
        return False
    return (folder / written.name).is_relative_to(fence.root) or enters(path, fence.root)


def _refused(source: Path, what: str, name: str) -> ConfigurationError:
    """One sentence whether the file exists or not: a fork learns nothing of the disk."""
    return ConfigurationError(
        f"{source}: {what} '{shown_name(name)}' is outside the --confine folder; not read"
    )


def _vetter(fence: InputScope | None) -> Callable[[Path], None] | None:
    """Under ``--confine``, a configuration file the checkout holds must be its own
    file, not a link out (its keys and values would be echoed in the errors)."""
    if fence is None:
        return None

    def vet(path: Path) -> None:
        if _inside(path, fence) and not fence.admits(path):
            raise _refused(path, "the configuration", path.name)

    return vet


def _confine(config: Config, fence: InputScope) -> None:
    """A checkout's configuration names only files inside ``--confine DIR``.

    Its ``paths`` and ``bib`` are refused by the audit as every given file is; the
    baseline (read, and written by ``--write-baseline``) and the cache folder (written)
    are opened by the CLI itself, so they are judged here, before anything is opened.
    A configuration above the checkout is the runner's own and names what it likes."""
    default = config.root / DEFAULT_NAME  # read when there, written by --write-baseline
    if _inside(default, fence) and os.path.lexists(default) and not fence.admits(default):
        raise _refused(config.source or default, "the baseline", DEFAULT_NAME)
    source = config.source
    if source is None or not _inside(source, fence):
        return
    named: list[tuple[str, str]] = []
    if config.baseline is not None:
        named.append(("'baseline'", config.baseline))
    named.extend(("'cache-dir'", str(v)) for k, v in config.network if k == "cache-dir")
    for what, name in named:
        if not fence.admits(config.root / name):
            raise _refused(source, what, name)


def _confine_given(args: argparse.Namespace, fence: InputScope) -> None:
    """The files the command line names for the CLI itself to open -- the report it
    writes (``--output``), the baseline it reads or writes (``--baseline``) -- are the
    runner's names, but what lies at a name inside the checkout is the fork's: a
    committed ``report.sarif -> ../../../.bashrc`` had the report written over the
    runner's file, and ``--write-baseline`` created files through such a link. Inside
    the checkout, each must be the checkout's own (`InputScope.admits`: no link out,
    no second name), whether it exists yet or not; outside, the runner's."""
    for option, given in (("--output", "output"), ("--baseline", "baseline")):
        path: Path | None = getattr(args, given, None)
        if (
            path is not None
            and _inside(path, fence)
            and not fence.admits(Path(os.path.abspath(path)))
        ):
            raise ConfigurationError(
                f"{option} '{shown_name(str(path))}' is outside the --confine folder "
                "(a link out of the checkout or a second name of a file); not opened"
            )


def _confine_cache(config: Config, fence: InputScope) -> None:
    """The run's cache folder, when it lies in the checkout, holds only the checkout's
    own files: SQLite opens and creates them by name, asking no scope, so a fork's
    ``c/links.sqlite3 -> /home/runner/.cache/...`` read and rewrote the runner's files
    (and a link to a name not there created one). Judged wherever the folder was named
    -- the runner's ``CITEAUDIT_CACHE_DIR`` or the checkout's ``cache-dir`` -- before
    anything is opened; a folder outside the checkout is the runner's own."""
    named = _cache_folder(config)
    if named is None:
        return  # the default: the runner's user cache folder
    source, folder = named
    if not _inside(folder, fence):
        return
    where = Path(os.path.abspath(folder))
    found = fence.first_outside(where)
    if found is None:
        return
    held = (
        "is a link, holds too many names to judge or cannot be listed, and may lie"
        if found == where
        else f"holds '{shown_name(found.name)}', a link, a second name of a file or an "
        "SQLite journal naming a file"
    )
    raise ConfigurationError(
        f"{source}: the cache folder '{shown_name(str(folder))}' {held} outside the "
        "--confine folder; not used"
    )


def _cache_folder(config: Config) -> tuple[str, Path] | None:
    """Where the run's cache folder was named -- the runner's ``CITEAUDIT_CACHE_DIR`` or
    the checkout's ``cache-dir`` -- and the folder; None for the default (the runner's
    user cache folder)."""
    named = os.environ.get("CITEAUDIT_CACHE_DIR")
    if named is not None:
        return "CITEAUDIT_CACHE_DIR", Path(named)
    value = next((str(v) for k, v in config.network if k == "cache-dir"), None)
    if value is None:
        return None
    return str(config.source or config.root), config.root / value


# The databases a run opens in its cache folder (`links.cache.LinkCache`, and
# `resolve.cache` under the folder's ``registry``).
_CACHE_DATABASES = ("links.sqlite3", "registry/registry.sqlite3")


def _no_planted_journal(config: Config) -> None:
    """The run's cache folder holds no SQLite journal naming another file, and no named
    pipe or device where SQLite opens a file (`input_scope.sqlite_hazard`), confined or
    not, wherever the folder is.

    SQLite plays back a journal it finds beside a database, then reads the file the
    journal names as its super-journal and deletes it: a cloned project whose
    ``cache-dir = "c"`` held ``c/links.sqlite3`` and such a journal had ``check``
    delete any file of the user's it named, with or without ``--confine``; citeaudit
    never writes one (it attaches no second database). Judged before any database is
    opened; the run stops, naming the journal.

    The journals of the cache's own databases are judged first, where SQLite puts them
    (beside each database's real path); then the rest of the folder, for a database a
    later version adds. A folder too full to walk (a user's whole ``~/.cache`` named as
    the cache) is not refused for that alone: its databases' journals were judged.
    Under ``--confine`` a cache folder in the checkout was walked whole already
    (`_confine_cache`)."""
    from citeaudit.settings import _default_cache_dir

    named = _cache_folder(config)
    folder = named[1] if named is not None else _default_cache_dir()
    found = next(
        (h for h in (database_hazard(folder / d) for d in _CACHE_DATABASES) if h is not None),
        None,
    )
    if found is None:
        found = planted_journal(folder)
    why = sqlite_hazard(found) if found is not None and found != folder else None
    if found is not None and why is not None:
        raise ConfigurationError(
            f"the cache folder '{shown_name(str(folder))}' holds or leads to "
            f"'{shown_name(str(found))}', {why}; not used (remove it)"
        )


def _config_for(args: argparse.Namespace, fence: InputScope | None = None) -> Config:
    if getattr(args, "isolated", False):
        return Config()
    given: Path | None = getattr(args, "config", None)
    rules = _rule_names()
    vet = _vetter(fence)
    if given is not None:
        if vet is not None:  # --config names a file of the checkout: still its own
            vet(given)
        data = read_toml(given)
        table = data.get("tool", {}).get("citeaudit") if given.name == "pyproject.toml" else data
        if not isinstance(table, dict):
            raise ConfigurationError(f"{given}: no [tool.citeaudit] table")
        return parse_table(given, table, rules)
    first = next(iter([*args.paths, *args.bib, *getattr(args, "reference_list", [])]), None)
    passed_over: list[str] = []
    found = find_config(Path(first) if first is not None else Path.cwd(), vet, passed_over)
    for note in passed_over:
        print(printable(f"citeaudit: warning: {note}"), file=sys.stderr)
    if found is None:
        return Config()
    return parse_table(found[0], found[1], rules)


def _rule_names() -> list[tuple[str, str]]:
    from citeaudit.rules.registry import ALL_RULES

    return [(rule.code, rule.name) for rule in ALL_RULES]
