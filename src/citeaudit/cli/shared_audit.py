"""What `check` and `fix` share: the inputs they take, the network switches, and one
audit run with its registry clients closed behind it.

Written once so the two commands cannot drift (fix audits exactly as check does, then
writes); imports stay inside the functions, so building the command line loads none
of the audit core.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from citeaudit.errors import ConfigurationError

if TYPE_CHECKING:
    from citeaudit.audit import AuditInput
    from citeaudit.audit_data import AuditResult
    from citeaudit.input_scope import InputScope
    from citeaudit.phases import PhaseOptions
    from citeaudit.settings import Settings


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", type=Path, metavar="FILE", help="manuscript and/or bibliography files"
    )
    parser.add_argument(
        "--bib",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="bibliography file (repeatable); else the manuscript's own",
    )
    parser.add_argument(
        "--reference-list",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help=(
            "a file that holds only a reference list (one entry per line or per paragraph, "
            "as pasted from a submission system); repeatable. A file given as FILE that is "
            "only a list is recognised without this option"
        ),
    )


def add_network_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--offline", action="store_true", help="send nothing over the network")
    parser.add_argument("--no-resolve", action="store_true", help="skip registry look-ups")
    parser.add_argument("--no-links", action="store_true", help="skip link checks")
    parser.add_argument("--no-cache", action="store_true", help="ignore cached answers")


def has_inputs(args: argparse.Namespace) -> bool:
    return bool(args.paths or args.bib or args.reference_list)


def settings_for(overrides: dict[str, Any]) -> Settings:
    """The settings with the configuration's overrides; a bad value is a usage error."""
    from citeaudit.settings import Settings

    try:
        return Settings(**overrides)
    except ValueError as exc:
        raise ConfigurationError(f"bad setting: {exc}") from exc


def phase_options(args: argparse.Namespace) -> PhaseOptions:
    from citeaudit.phases import PhaseOptions

    return PhaseOptions(
        offline=args.offline,
        resolve=not args.no_resolve,
        links=not args.no_links,
        use_cache=not args.no_cache,
    )


def inputs_of(args: argparse.Namespace) -> AuditInput:
    from citeaudit.audit import AuditInput

    return AuditInput.from_paths(args.paths, args.bib, args.reference_list)


def add_confine_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--confine",
        type=Path,
        default=None,
        metavar="DIR",
        help=(
            "read only files inside DIR: every file given, and every file a manuscript "
            "names (\\input, \\bibliography, a front-matter bibliography:, a knitr child, "
            "a Quarto include), after '..' and symbolic links, must lie in DIR; a name "
            "outside is a finding on its line and is not read. For CI jobs on a pull "
            "request from a fork, whose manuscript may name /home/runner/.ssh/id_rsa"
        ),
    )


def confined_inputs(inputs: AuditInput, folder: Path) -> tuple[AuditInput, InputScope]:
    """`inputs` made absolute, and the scope that reads only inside `folder`.

    A confined scope joins a relative name to its own root, not to the working folder,
    so the given paths are made absolute first: ``--confine site paper.tex`` run from the
    repository judges ``./paper.tex``, not ``site/paper.tex``.
    """
    from citeaudit.audit import AuditInput
    from citeaudit.input_scope import InputScope

    if not folder.is_dir():
        raise ConfigurationError(f"--confine {folder}: not a folder")

    def absolute(paths: tuple[Path, ...]) -> tuple[Path, ...]:
        return tuple(Path(os.path.abspath(p)) for p in paths)

    made = AuditInput(
        absolute(inputs.manuscripts),
        absolute(inputs.bibliographies),
        absolute(inputs.reference_lists),
    )
    return made, InputScope.confined_to(folder)


def run_audit(
    inputs: AuditInput,
    settings: Settings,
    options: PhaseOptions,
    scope: InputScope | None = None,
) -> AuditResult:
    """The audit with its network phases (a spinner at a terminal), every enricher
    closed once it is done: no registry socket is left open behind the run.

    `scope`: which files the inputs may name (any, unless ``--confine``)."""
    from citeaudit.audit import audit
    from citeaudit.enrichment import Enricher
    from citeaudit.phases import default_enrichers
    from citeaudit.progress import with_progress

    enrichers = with_progress(default_enrichers(settings, options))
    try:
        return audit(
            inputs,
            enrichers,
            skipped=options.skip_reasons(),
            scope=scope,
            max_citations=settings.max_citations,
            max_findings_per_rule=settings.max_findings_per_rule,
        )
    finally:
        Enricher.close_all(enrichers)


def audited(args: argparse.Namespace, settings: Settings, options: PhaseOptions) -> AuditResult:
    """The audit of the command line's inputs, confined to ``--confine DIR`` when given.

    The confined run reads absolute paths; they are shown again relative to the working
    folder, as an unconfined run shows them (a CI annotation names the repository's file,
    and `fix` writes through them), while a name a message quotes stays as written."""
    if getattr(args, "confine", None) is None:
        return run_audit(inputs_of(args), settings, options)
    from citeaudit.service.relocate import relocate

    inputs, scope = confined_inputs(inputs_of(args), args.confine)
    result = run_audit(inputs, settings, options, scope)
    return relocate(result, os.path.join(os.getcwd(), ""), anywhere=False)
