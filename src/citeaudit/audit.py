"""The auditor: reads the inputs, cross-checks them, runs the phases and the rules.

Everything here is the pure core the CLI, the API and the Celery tasks share. I/O is
limited to reading the input files; network phases come in as Enrichers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from citeaudit.audit_data import AuditData, AuditResult, Phase, PhaseStatus
from citeaudit.bibliography.embedded import embedded_bibliography
from citeaudit.bibliography.interface import Bibliography, ParseProblem
from citeaudit.bibliography.loading import read_bibliography
from citeaudit.citation_matching import match_citations
from citeaudit.enrichment import Enricher
from citeaudit.errors import InputError
from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.document import Document
from citeaudit.manuscript.reading import read_manuscript_with_problems
from citeaudit.model.citation import Citation
from citeaudit.model.finding import Finding
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from citeaudit.rules.base import Rule
from citeaudit.rules.registry import ALL_RULES

BIBLIOGRAPHY_SUFFIXES = (".bib", ".bibtex", ".biblatex", ".ris", ".json", ".csl", ".csljson")


@dataclass(frozen=True, slots=True)
class AuditInput:
    manuscripts: tuple[Path, ...] = ()
    bibliographies: tuple[Path, ...] = ()

    @classmethod
    def from_paths(cls, paths: Iterable[Path], bibliographies: Iterable[Path] = ()) -> AuditInput:
        """Sorts paths into manuscripts and bibliographies by their extension."""
        manuscripts: list[Path] = []
        bibs = list(bibliographies)
        for path in paths:
            if path.suffix.lower() in BIBLIOGRAPHY_SUFFIXES:
                bibs.append(path)
            else:
                manuscripts.append(path)
        return cls(tuple(manuscripts), tuple(bibs))


def _unique_ids(bibliographies: list[Bibliography]) -> list[Bibliography]:
    """Two bibliographies may reuse a key; ids must stay unique within an audit."""
    seen: set[str] = set()
    out = []
    for bib in bibliographies:
        refs: list[Reference] = []
        for ref in bib.references:
            rid, n = ref.id, 1
            while rid in seen:
                n += 1
                rid = f"{ref.id}~{n}"
            seen.add(rid)
            refs.append(ref if rid == ref.id else dataclasses.replace(ref, id=rid))
        out.append(dataclasses.replace(bib, references=tuple(refs)))
    return out


def _citations(documents: Sequence[Document]) -> tuple[Citation, ...]:
    """Citations of all manuscripts, numbered across them."""
    found = [c for doc in documents for c in extract_citations(doc)]
    if len(documents) < 2:
        return tuple(found)
    return tuple(dataclasses.replace(c, id=f"cit-{i}") for i, c in enumerate(found, start=1))


def _unreadable(exc: InputError) -> ParseProblem:
    return ParseProblem(Location(exc.file, exc.line), exc.detail, unreadable=True)


def _read_bibliography(path: Path, into: list[Bibliography], problems: list[ParseProblem]) -> None:
    """One unreadable file must not stop the audit of the others."""
    try:
        into.append(read_bibliography(path))
    except InputError as exc:
        problems.append(_unreadable(exc))


def read_inputs(inputs: AuditInput) -> AuditData:
    """The offline part of an audit: parse, extract and cross-match. No network."""
    documents: list[Document] = []
    problems: list[ParseProblem] = []
    for path in inputs.manuscripts:
        try:
            document, doc_problems = read_manuscript_with_problems(path)
        except InputError as exc:
            problems.append(_unreadable(exc))
            continue
        documents.append(document)
        problems.extend(ParseProblem(Location(p.file, p.line), p.message) for p in doc_problems)

    bibliographies: list[Bibliography] = []
    for path in inputs.bibliographies:
        _read_bibliography(path, bibliographies, problems)
    if not bibliographies:
        for document in documents:
            for name in document.bibliography_files:
                path = Path(name)
                if path.is_file():
                    _read_bibliography(path, bibliographies, problems)
                else:
                    problems.append(
                        ParseProblem(
                            Location(document.path),
                            f"bibliography file {name} named by the manuscript was not found",
                        )
                    )
    if not bibliographies:
        for document in documents:
            embedded = embedded_bibliography(document)
            if embedded is not None:
                bibliographies.append(embedded)

    bibliographies = _unique_ids(bibliographies)
    references = [r for b in bibliographies for r in b.references]
    citations, matches = match_citations(_citations(documents), references)
    return AuditData(
        manuscripts=tuple(documents),
        bibliographies=tuple(bibliographies),
        citations=citations,
        matches=matches,
        input_problems=tuple(problems),
    )


def run_rules(data: AuditData, rules: Sequence[type[Rule]] = ALL_RULES) -> tuple[Finding, ...]:
    """Runs every rule whose phase has data; findings in file and line order."""
    findings: list[Finding] = []
    for rule in rules:
        if data.phase_done(rule.phase):
            findings.extend(rule().check(data))
    return tuple(
        sorted(
            findings,
            key=lambda f: (
                f.location.file,
                f.location.line or 0,
                f.location.column or 0,
                f.code,
            ),
        )
    )


def record_skipped(data: AuditData, reasons: Mapping[Phase, str]) -> AuditData:
    """Records, for phases no enricher ran, that they were not done and why."""
    ran = {p.phase for p in data.phases}
    missing = tuple(
        PhaseStatus(phase, done=False, reason=reasons.get(phase, "not requested"))
        for phase in (Phase.RESOLUTION, Phase.LINKS)
        if phase not in ran
    )
    return dataclasses.replace(data, phases=data.phases + missing)


def audit(
    inputs: AuditInput,
    enrichers: Sequence[Enricher] = (),
    *,
    skipped: Mapping[Phase, str] | None = None,
) -> AuditResult:
    """A whole audit in-process: what the CLI runs, and the service without a broker.

    `skipped` says why a phase without an enricher was not done ("--offline").
    """
    data = read_inputs(inputs)
    for enricher in enrichers:
        data = enricher.enrich(data)
    data = record_skipped(data, skipped or {})
    return AuditResult(data=data, findings=run_rules(data))
