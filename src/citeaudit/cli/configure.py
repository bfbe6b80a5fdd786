"""The configuration applied to a `check` or `fix` run's options, then to its findings.

Precedence, as ruff's: the command line, then the environment (CITEAUDIT_* settings),
then the configuration file, then the defaults.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citeaudit.audit_data import AuditResult
from citeaudit.config.load import find_config, parse_table, read_toml
from citeaudit.config.model import Config
from citeaudit.errors import ConfigurationError
from citeaudit.suppress.baseline import DEFAULT_NAME, write_baseline


@dataclass
class Setup:
    config: Config
    problems: list[str]

    def settings_overrides(self) -> dict[str, Any]:
        """Network settings from the file that the environment does not set."""
        out: dict[str, Any] = {}
        for key, value in self.config.network:
            name = key.replace("-", "_")
            if f"CITEAUDIT_{name.upper()}" not in os.environ:
                out[name] = self.config.root / str(value) if name == "cache_dir" else value
        return out

    def baseline_path(self, given: Path | None) -> Path | None:
        if given is not None:
            return given
        if self.config.baseline is not None:
            return self.config.root / self.config.baseline
        default = self.config.root / DEFAULT_NAME  # where --write-baseline put it
        return default if default.is_file() else None

    def apply(
        self, result: AuditResult, baseline: Path | None, *, use_baseline: bool = True
    ) -> AuditResult:
        """`result` with the configuration applied and the suppressed findings set aside."""
        from citeaudit.suppress import Suppressing, suppress

        path = self.baseline_path(baseline) if use_baseline else None
        return suppress(result, Suppressing(self.config, path, self.problems))

    def write_baseline(self, result: AuditResult, given: Path | None) -> str:
        path = self.baseline_path(given) or self.config.root / DEFAULT_NAME
        count = write_baseline(path, result.findings)
        return f"citeaudit: {count} finding(s) recorded in the baseline {path}"


def configure(args: argparse.Namespace) -> Setup:
    """Read the configuration for `args` and fill in what the command line left open."""
    config = _config_for(args)
    if not (args.paths or args.bib or getattr(args, "reference_list", [])):
        args.paths = [config.root / p for p in config.paths]
        args.bib = [*args.bib, *(config.root / b for b in config.bib)]
    if getattr(args, "fail_on", None) is None and hasattr(args, "fail_on"):
        args.fail_on = config.fail_on or "error"
    args.offline = args.offline or config.offline
    args.no_resolve = args.no_resolve or not config.resolve
    args.no_links = args.no_links or not config.links
    return Setup(config, [])


def _config_for(args: argparse.Namespace) -> Config:
    if getattr(args, "isolated", False):
        return Config()
    given: Path | None = getattr(args, "config", None)
    rules = _rule_names()
    if given is not None:
        data = read_toml(given)
        table = data.get("tool", {}).get("citeaudit") if given.name == "pyproject.toml" else data
        if not isinstance(table, dict):
            raise ConfigurationError(f"{given}: no [tool.citeaudit] table")
        return parse_table(given, table, rules)
    first = next(iter([*args.paths, *args.bib, *getattr(args, "reference_list", [])]), None)
    found = find_config(Path(first) if first is not None else Path.cwd())
    if found is None:
        return Config()
    return parse_table(found[0], found[1], rules)


def _rule_names() -> list[tuple[str, str]]:
    from citeaudit.rules.registry import ALL_RULES

    return [(rule.code, rule.name) for rule in ALL_RULES]
