"""Finding and reading the configuration file, strictly.

Found upwards from the manuscript's folder: the first ``citeaudit.toml``, or the first
``pyproject.toml`` with a ``[tool.citeaudit]`` table, wins (a pyproject.toml without
one is passed over). A key or rule the tool does not know is an error naming the file,
not a silent no-op: a misspelt ``ignore`` would otherwise look like a rule that
stopped firing.
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from citeaudit.bounded_read import MAX_CONFIG_BYTES, read_capped
from citeaudit.config.model import Config
from citeaudit.errors import ConfigurationError
from citeaudit.input_scope import foreign_file, network_location, trusted_owners
from citeaudit.model.finding import Severity

FAIL_ON = ("error", "warning", "info", "never")
# The network settings a project may pin (the environment still wins, see `settings`).
NETWORK: dict[str, type[str] | type[int] | type[float]] = {
    "mailto": str,
    "registry-timeout": float,
    "link-timeout": float,
    "link-concurrency": int,
    "link-per-host": int,
    "cache-dir": str,
}
_KEYS = {
    "paths",
    "bib",
    "select",
    "ignore",
    "severity",
    "fail-on",
    "offline",
    "resolve",
    "links",
    "network",
    "per-file-ignores",
    "baseline",
}


def find_config(
    start: Path,
    vet: Callable[[Path], None] | None = None,
    passed_over: list[str] | None = None,
) -> tuple[Path, Mapping[str, Any]] | None:
    """The first configuration above `start` (a file or folder), and its table.

    `vet` is shown every candidate name that is there at all (a link to nothing
    included) before it is opened, and raises to refuse it: ``--confine`` refuses a
    checkout's ``citeaudit.toml`` that is a link out, whether or not its target exists.

    With a `vet`, the folders are climbed as written (made absolute), not resolved, and
    each is shown to `vet` before anything in it is looked at: one it refuses (a
    checkout's ``docs -> /home/runner/x``) is passed over, whatever it holds. Climbing
    the resolved path instead went up the link's target -- ``docs/paper.md`` had the
    confined run read ``/home/runner/x/citeaudit.toml`` (and each folder above it) as
    the runner's own, its unknown keys echoed in the error and its settings applied:
    a fork chose, and probed for, configuration files anywhere on the runner's disk.
    The folders above the first one admitted are admitted too (its walk went through
    them) and are not walked again: one walk each, a checkout 1,500 folders deep took
    175 s.

    A file someone else may have put or changed is passed over as if not there
    (`input_scope.foreign_file`: owned by another user than the one running, root or
    the owner of `start`'s folder, or writable by anyone), and said in `passed_over`:
    on a shared machine another user's ``/tmp/citeaudit.toml`` configured every
    submission checked below ``/tmp`` -- its ``ignore`` silenced the audit, its
    ``bib`` chose the files read, its ``cache-dir`` held the run's cache, and its
    ``baseline`` had ``--write-baseline`` overwrite the file it named.
    """
    folder = start if _is(start, Path.is_dir) else start.parent
    owners = trusted_owners(folder)

    def usable(path: Path) -> bool:
        if not _is(path, Path.is_file):
            return False
        why = foreign_file(path, owners)
        if why is not None and passed_over is not None:
            passed_over.append(f"{path}: not used: {why}; someone else may have put it there")
        return why is None

    climbed = folder.resolve() if vet is None else Path(os.path.abspath(folder))
    admitted = vet is None
    for candidate in (climbed, *climbed.parents):
        if not admitted and vet is not None:
            admitted = _admitted(candidate, vet)
            if not admitted:
                continue
        own = candidate / "citeaudit.toml"
        if vet is not None and os.path.lexists(own):
            vet(own)
        if usable(own):
            return own, read_toml(own)
        project = candidate / "pyproject.toml"
        if vet is not None and os.path.lexists(project):
            vet(project)
        if usable(project):
            table = read_toml(project).get("tool", {}).get("citeaudit")
            if isinstance(table, dict):
                return project, table
    return None


def _admitted(folder: Path, vet: Callable[[Path], None]) -> bool:
    """Whether `vet` lets the folder be looked in (it raises for a link out)."""
    try:
        vet(folder)
    except ConfigurationError:
        return False
    return True


def _is(path: Path, test: Callable[[Path], bool]) -> bool:
    """`test(path)`, False where the path cannot even be asked about (a name too long
    for the file system): the input's own error is reported by the reader."""
    try:
        return test(path)
    except OSError:
        return False


def read_toml(path: Path) -> dict[str, Any]:
    try:  # /dev/zero or a FIFO as --config is refused, never read (bounded_read)
        return tomllib.loads(read_capped(path, MAX_CONFIG_BYTES).decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigurationError(f"{path}: not valid TOML: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigurationError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:  # tomllib recurses per nested array or inline table
        raise ConfigurationError(
            f"{path}: not valid TOML: arrays or inline tables nested too deeply"
        ) from None
    except OSError as exc:
        raise ConfigurationError(f"{path}: cannot be read: {exc.strerror or exc}") from None


def load_config(start: Path, rule_names: Iterable[tuple[str, str]]) -> Config:
    """The configuration for a manuscript at `start`; defaults when there is none.

    `rule_names` are (code, name) of every rule, to check what the file names.
    """
    found = find_config(start)
    if found is None:
        return Config()
    path, table = found
    known = list(rule_names)
    return parse_table(path, table, known)


def parse_table(path: Path, table: Mapping[str, Any], rules: list[tuple[str, str]]) -> Config:
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise ConfigurationError(
            f"{path}: unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(_KEYS))}"
        )

    def strings(key: str, value: Any = None) -> tuple[str, ...]:
        value = table.get(key, []) if value is None else value
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigurationError(f"{path}: '{key}' must be a list of strings")
        return tuple(value)

    def local(key: str, names: Iterable[str]) -> None:
        """A file the configuration names is on this machine: ``//host/share`` (or
        ``\\\\host\\share``) is looked up on Windows by connecting to that host with
        the user's NTLM credentials -- a project's ``bib``, ``paths``, ``baseline`` or
        ``cache-dir`` naming one had ``citeaudit check`` in its folder send them
        there (and SQLite keep its cache on that host's share)."""
        for name in names:
            if network_location(name):
                raise ConfigurationError(
                    f"{path}: '{key}' names a file on another machine ({name!r}: a network "
                    "share or a Windows device path); name a file of this machine"
                )

    def flag(key: str, default: bool) -> bool:
        value = table.get(key, default)
        if not isinstance(value, bool):
            raise ConfigurationError(f"{path}: '{key}' must be true or false")
        return value

    def rule_list(key: str, value: Any = None) -> tuple[str, ...]:
        selected = strings(key, value)
        for item in selected:
            if not rule_matches_any(item, rules):
                raise ConfigurationError(f"{path}: '{key}' names no rule: {item!r}")
        return selected

    fail_on = table.get("fail-on")
    if fail_on is not None and fail_on not in FAIL_ON:
        raise ConfigurationError(f"{path}: 'fail-on' must be one of {', '.join(FAIL_ON)}")

    severity: list[tuple[str, Severity]] = []
    for rule, level in _table(path, table, "severity").items():
        rule_list("severity", [rule])
        try:
            severity.append((rule, Severity(level)))
        except ValueError:
            raise ConfigurationError(
                f"{path}: severity of {rule} must be error, warning or info"
            ) from None

    network: list[tuple[str, str | int | float]] = []
    for key, value in _table(path, table, "network").items():
        kind = NETWORK.get(key)
        if kind is None:
            raise ConfigurationError(
                f"{path}: unknown network setting {key!r}; known: {', '.join(NETWORK)}"
            )
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            # a TOML integer may be any length (0xfff...): past a float's range it is
            # no number of seconds, and float() would raise OverflowError
            value = float(value) if value.bit_length() <= 1000 else math.inf
        if not isinstance(value, kind) or isinstance(value, bool):
            raise ConfigurationError(f"{path}: network setting {key!r} must be a {kind.__name__}")
        if isinstance(value, float) and not math.isfinite(value):
            raise ConfigurationError(
                f"{path}: network setting {key!r} must be a finite number of seconds"
            )
        if isinstance(value, str) and not value.isprintable():
            # a line break in "mailto" broke every request's User-Agent header
            raise ConfigurationError(
                f"{path}: network setting {key!r} holds a line break or control character"
            )
        if key == "cache-dir" and isinstance(value, str):
            local("network.cache-dir", [value])
        checked: str | int | float = value
        network.append((key, checked))

    per_file = tuple(
        (pattern, rule_list("per-file-ignores", listed))
        for pattern, listed in _table(path, table, "per-file-ignores").items()
    )
    baseline = table.get("baseline")
    if baseline is not None and not isinstance(baseline, str):
        raise ConfigurationError(f"{path}: 'baseline' must be a file name")
    local("baseline", [baseline] if baseline is not None else [])
    local("paths", strings("paths"))
    local("bib", strings("bib"))
    return Config(
        source=path,
        root=path.parent,
        paths=strings("paths"),
        bib=strings("bib"),
        select=rule_list("select"),
        ignore=rule_list("ignore"),
        severity=tuple(severity),
        fail_on=fail_on,
        offline=flag("offline", False),
        resolve=flag("resolve", True),
        links=flag("links", True),
        network=tuple(network),
        per_file_ignores=per_file,
        baseline=baseline,
    )


def _table(path: Path, table: Mapping[str, Any], key: str) -> dict[str, Any]:
    value = table.get(key, {})
    if not isinstance(value, dict):
        raise ConfigurationError(f"{path}: '{key}' must be a table")
    return value


def rule_matches(selector: str, code: str, name: str) -> bool:
    """A selector names a rule by name, by code, or by a code prefix ("CIT", "REG00")."""
    selector = selector.strip()
    return selector == name or (code.upper().startswith(selector.upper()) and selector != "")


def rule_matches_any(selector: str, rules: Iterable[tuple[str, str]]) -> bool:
    return any(rule_matches(selector, code, name) for code, name in rules)
