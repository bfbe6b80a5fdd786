"""The auditor: reads the inputs, cross-checks them, runs the phases and the rules.

Everything here is the pure core the CLI, the API and the Celery tasks share. I/O is
limited to reading the input files; network phases come in as Enrichers.

Which files an input may name and have read (``\\input``, ``\\bibliography``) is the
caller's `InputScope`: the CLI follows any path, the service confines each audit to its
own folder. A file that could not be read at all makes the citation-versus-list rules
stand down: with half the inputs missing they would only cry wolf (every citation
"missing" when the .bib is absent), and the one error naming the file says it all.

A file that is only a reference list -- no heading, no text around it, as pasted from
a submission system -- is read as a list, not as a manuscript: its entries are audited,
and nothing is "never cited" because there is no text to cite them.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from citeaudit.audit_data import AuditData, AuditResult, Phase, PhaseStatus
from citeaudit.bibliography.bibtex_database import MacroTable
from citeaudit.bibliography.embedded import bibliography_from_entries, embedded_bibliography
from citeaudit.bibliography.interface import Bibliography, ParseProblem
from citeaudit.bibliography.limits import (
    MAX_ENTRIES,
    MAX_LIST_CHARS,
    audit_text_budget,
    current_text_budget,
)
from citeaudit.bibliography.loading import (
    is_bibliography_name,
    read_bibliography,
    written_as_bibliography,
)
from citeaudit.bibliography.reference_list import read_reference_list
from citeaudit.bibliography.typed_beside_files import typed_lists_beside_files
from citeaudit.candidate_lists import listed_once
from citeaudit.enrichment import Enricher
from citeaudit.errors import InputError, UnknownFormat
from citeaudit.gc_threshold import fewer_collections
from citeaudit.input_kinds import InputKind, kind_of
from citeaudit.input_scope import InputScope
from citeaudit.manuscript.citations import extract_at_most
from citeaudit.manuscript.document import Document
from citeaudit.manuscript.list_origin import ListOrigin, list_origin, standalone_origin
from citeaudit.manuscript.project_config import BOOK_FILES
from citeaudit.manuscript.reading import InputProblem, read_manuscript_with_problems
from citeaudit.manuscript.standalone_list import headed_list_alone, standalone_entries
from citeaudit.matching.citations import match_citations
from citeaudit.model.citation import Citation
from citeaudit.model.finding import Finding, Fix
from citeaudit.model.location import Location
from citeaudit.model.reference import Reference
from citeaudit.rules.base import Rule
from citeaudit.rules.citations import RULES as CITATION_RULES
from citeaudit.rules.citations.input_problem import InputProblemRule
from citeaudit.rules.registry import ALL_RULES
from citeaudit.settings import MAX_CITATIONS, MAX_FINDINGS_PER_RULE

# Rules that weigh citations against the reference list: void when an input is unread.
CROSS_CHECK_RULES: frozenset[type[Rule]] = frozenset(CITATION_RULES) - {InputProblemRule}
# A Quarto or bookdown project's build files: YAML, but never a bibliography.
_BUILD_FILES = frozenset(
    (*BOOK_FILES, *(f"_{n}.{x}" for n in ("output", "metadata") for x in ("yml", "yaml")))
)
_NOT_CROSS_CHECKED = "citations were not checked against the reference list"
_GIVEN_INSTEAD = "; the bibliography given with the manuscript is used instead"


@dataclass(frozen=True, slots=True)
class AuditInput:
    manuscripts: tuple[Path, ...] = ()
    bibliographies: tuple[Path, ...] = ()
    reference_lists: tuple[Path, ...] = ()  # files that hold only a reference list, as text

    @classmethod
    def from_paths(
        cls,
        paths: Iterable[Path],
        bibliographies: Iterable[Path] = (),
        reference_lists: Iterable[Path] = (),
    ) -> AuditInput:
        """Sorts paths into manuscripts and bibliographies by their extension, as
        `input_kinds.kind_of` says (the one table; LaTeX support files are left out).

        A compiled list (``main.bbl``) given as a bibliography -- ``--bib main.bbl``,
        or the service's bibliography field, where an editor naturally puts it -- goes
        with the manuscripts, as when it is given beside ``main.tex``: the LaTeX reader
        reads it as the list ``\\bibliography`` leads to, and it is not read a second
        time as a free-text list (every ``\\newblock`` line an uncited "entry", every
        citation missing)."""
        manuscripts: list[Path] = []
        named: list[Path] = []  # bibliographies among `paths`, known by their suffix
        for path in paths:
            kind = kind_of(path.name)
            if kind is InputKind.SUPPORT:
                # big.sty, journal.cls, plainnat.bst beside the chapters: never a text an
                # editor wrote (the LaTeX reader reads what a chapter loads); read as a
                # manuscript, a large package cost seconds and its macros gave findings
                continue
            (named if kind is InputKind.BIBLIOGRAPHY else manuscripts).append(path)
        if manuscripts:
            # _quarto.yml, _bookdown.yml, _output.yml given with a book's chapters (an
            # editor uploads the whole folder): build files (the chapters' reader
            # follows the first two, `project_build`), not CSL-YAML bibliographies --
            # read as one, each was an "unparseable-reference" error the book lacks.
            named = [p for p in named if p.name not in _BUILD_FILES]
        bibs = [*bibliographies, *named]
        manuscripts += [p for p in bibs if p.suffix.lower() == ".bbl"]
        bibs = [p for p in bibs if p.suffix.lower() != ".bbl"]
        return cls(tuple(manuscripts), tuple(bibs), tuple(reference_lists))


def _unique_ids(bibliographies: list[Bibliography]) -> list[Bibliography]:
    """Two bibliographies may reuse a key; ids must stay unique within an audit.

    A duplicate of ``a`` is ``a~2``, ``a~3``, ...: the first number not taken. Each id
    remembers the last number it gave, so the search goes on from there (ids only
    ever get taken): 100,000 items of one id cost one try each, not 100,000^2 / 2.
    """
    seen: set[str] = set()
    last: dict[str, int] = {}  # the last number a duplicate of an id was given
    out = []
    for bib in bibliographies:
        refs: list[Reference] = []
        for ref in bib.references:
            rid, n = ref.id, last.get(ref.id, 1)
            while rid in seen:
                n += 1
                rid = f"{ref.id}~{n}"
            last[ref.id] = n
            seen.add(rid)
            refs.append(ref if rid == ref.id else dataclasses.replace(ref, id=rid))
        out.append(dataclasses.replace(bib, references=tuple(refs)))
    return out


def _citations(
    documents: Sequence[Document], problems: list[ParseProblem], most: int = MAX_CITATIONS
) -> tuple[Citation, ...]:
    """Citations of all manuscripts, numbered across them, `most` at most."""
    found: list[Citation] = []
    for doc in documents:
        # extraction stops making citations at the cap and counts the rest: a few
        # bytes ("[1–50] ") can be dozens of citations
        extraction = extract_at_most(doc, max(most - len(found), 0))
        if extraction.unread and extraction.first_unread is not None:
            problems.append(_not_read(extraction.first_unread, extraction.unread, most))
        found.extend(extraction.citations)
    if len(documents) < 2:
        return tuple(found)
    return tuple(dataclasses.replace(c, id=f"cit-{i}") for i, c in enumerate(found, start=1))


def _not_read(first: Location, unread: int, most: int) -> ParseProblem:
    return ParseProblem(
        first,
        f"{unread:,} citations from here on were not read: an audit reads {most:,} "
        "citations at most, and the ones after them were not checked",
    )


def _unreadable(exc: InputError, suffix: str = "") -> ParseProblem:
    return ParseProblem(Location(exc.file, exc.line), exc.detail + suffix, unreadable=True)


def _refused(path: Path, scope: InputScope) -> ParseProblem:
    return ParseProblem(Location(str(path)), scope.refusal("file", str(path)), unreadable=True)


def _problem(problem: InputProblem, given_bibliography: bool = False) -> ParseProblem:
    """A reader's problem as the audit reports it. A manuscript's unreadable file is the
    bibliography it names; when the user gave one (``--bib``, an uploaded .bib) the
    named one is not read at all, so its absence is a warning on its line, not an
    unread input (which fails the run with exit 2)."""
    location = Location(problem.file, problem.line)
    if problem.unreadable and given_bibliography:
        return ParseProblem(location, problem.message + _GIVEN_INSTEAD)
    message = problem.message + (f"; {_NOT_CROSS_CHECKED}" if problem.unreadable else "")
    return ParseProblem(location, message, unreadable=problem.unreadable)


def _read_bibliography(
    path: Path,
    into: list[Bibliography],
    problems: list[ParseProblem],
    scope: InputScope,
    macros: MacroTable | None = None,
) -> None:
    """One unreadable file must not stop the audit of the others.

    A file in none of the structured formats (a .txt of pasted entries) is read as a
    plain reference list. `macros`: the @string macros of the files given before it,
    read as one BibTeX database.
    """
    if not scope.admits(path):
        problems.append(_refused(path, scope))
        return
    if _full(path, into, problems):
        return
    try:
        with scope.held():  # the file opened must be the one `admits` judged
            into.append(read_bibliography(path, macros))
    except UnknownFormat:
        _read_reference_list(path, into, problems, scope)
    except InputError as exc:
        problems.append(_unreadable(exc, f"; {_NOT_CROSS_CHECKED}"))


def _read_reference_list(
    path: Path, into: list[Bibliography], problems: list[ParseProblem], scope: InputScope
) -> None:
    if not scope.admits(path):
        problems.append(_refused(path, scope))
        return
    if _full(path, into, problems) or _text_spent(path, problems):
        return
    try:
        with scope.held():  # the file opened must be the one `admits` judged
            into.append(read_reference_list(path, scope))
    except InputError as exc:
        problems.append(_unreadable(exc, f"; {_NOT_CROSS_CHECKED}"))


def _full(path: Path, into: list[Bibliography], problems: list[ParseProblem]) -> bool:
    """Whether the audit holds `MAX_ENTRIES` entries already: the file is then not
    read. A file gives `MAX_ENTRIES` at most, but an upload is up to 20 files: 20 MB of
    ``@a{kN,}`` were 1.4 million entries, as many findings and a stored row past what
    PostgreSQL takes (the row for 200,000 was 184 MB, and 945 MB of a worker)."""
    if sum(len(b.references) for b in into) < MAX_ENTRIES:
        return False
    problems.append(
        ParseProblem(
            Location(str(path)),
            f"this file was not read: the other files gave the {MAX_ENTRIES:,} "
            "reference-list entries an audit reads at most",
        )
    )
    return True


def _text_spent(path: Path, problems: list[ParseProblem]) -> bool:
    """Whether the audit's lists have spent its budget of characters (`TextBudget`):
    the list file is then not read -- read, its entries would all be cut, and the file
    called empty. The first list not read says so (the one problem of the budget),
    unless a list read before it already did."""
    budget = current_text_budget()
    if not budget.spent:
        return False
    if budget.stop(Location(str(path))):
        problems.append(
            ParseProblem(
                Location(str(path)),
                f"the reference lists read hold more than {MAX_LIST_CHARS:,} characters, "
                f"more than any real paper's; reading stopped here ({path}): this file, "
                "and any reference list read after it, are not read -- split the upload",
            )
        )
    return True


def _within_entries(bibliographies: list[Bibliography], problems: list[ParseProblem]) -> None:
    """The last file read cut where the audit's entries reach `MAX_ENTRIES`."""
    room = MAX_ENTRIES
    for i, bib in enumerate(bibliographies):
        if len(bib.references) > room:
            first = bib.references[room]
            problems.append(
                ParseProblem(
                    first.location,
                    f"{len(bib.references) - room:,} entries from here on were not read: "
                    f"an audit reads {MAX_ENTRIES:,} reference-list entries at most",
                )
            )
            bibliographies[i] = dataclasses.replace(bib, references=bib.references[:room])
        room = max(room - len(bibliographies[i].references), 0)


_LIST_FORMATS = ("text", "markdown", "docx")  # what lists are pasted into; never LaTeX


def _standalone_list(document: Document) -> Bibliography | None:
    """A file that is only a reference list (entries all along, or a list under its
    heading and no other text; no .bib) as a Bibliography; None for a manuscript."""
    if document.format not in _LIST_FORMATS:
        return None
    alone = headed_list_alone(document)
    if alone is not None:
        return bibliography_from_entries(document.path, alone)
    if document.reference_entries or document.bibliography_files:
        return None
    entries = standalone_entries(document.lines)
    return None if entries is None else bibliography_from_entries(document.path, entries)


def _not_spliced(documents: list[Document]) -> list[Document]:
    """The documents, less those another one already holds through ``\\input``.

    `citeaudit check main.tex chap.tex` (or an upload of a whole LaTeX project) names
    a chapter that main.tex splices in: read twice, its citations counted twice and
    its missing keys were reported twice. The document holding most files is kept
    first, so two files that include each other keep one of them.
    """
    if len(documents) < 2:
        return documents
    kept: list[Document] = []
    held: set[str] = set()
    for document in sorted(documents, key=lambda d: -len(d.files)):
        own = os.path.realpath(document.path)
        if own in held:
            continue
        kept.append(document)
        held.update(os.path.realpath(f) for f in document.files if os.path.realpath(f) != own)
    order = {id(d): i for i, d in enumerate(documents)}
    return sorted(kept, key=lambda d: order[id(d)])


def _file_key(name: str) -> str:
    """One file however it is spelled (``refs.bib``, ``./refs.bib``)."""
    try:
        return os.path.realpath(name)
    except (OSError, ValueError):
        return name


def _silent(stage: str) -> None:
    """No one asked which stage reading is in."""


def read_inputs(
    inputs: AuditInput,
    scope: InputScope | None = None,
    *,
    max_citations: int = MAX_CITATIONS,
    progress: Callable[[str], None] | None = None,
) -> AuditData:
    """The offline part of an audit: parse, extract and cross-match. No network.

    `scope` says which files the inputs may name and have read; by default any (the
    author's own machine). The service passes one confined to the audit's folder.
    `max_citations`: citations kept over all manuscripts (`MAX_CITATIONS`).
    `progress` is told the stages after the files are read (the service names the
    stage a step stopped at its time limit was in; the files, through its scope).
    Every free-text list of the audit is read within one budget of characters
    (`limits.TextBudget`), spent in the order the lists are read.
    """
    with audit_text_budget():
        return _read_inputs(inputs, scope, max_citations, progress)


def _read_inputs(
    inputs: AuditInput,
    scope: InputScope | None,
    max_citations: int,
    progress: Callable[[str], None] | None,
) -> AuditData:
    note = progress if progress is not None else _silent
    scope = scope if scope is not None else InputScope()
    documents: list[Document] = []
    problems: list[ParseProblem] = []
    bibliographies: list[Bibliography] = []
    origins: list[ListOrigin] = []
    for path in inputs.manuscripts:
        if not scope.admits(path):
            problems.append(_refused(path, scope))
            continue
        try:
            document, doc_problems = read_manuscript_with_problems(path, scope)
        except InputError as exc:
            problems.append(_unreadable(exc))
            continue
        given = bool(inputs.bibliographies or inputs.reference_lists)
        problems.extend(_problem(p, given) for p in doc_problems)
        standalone = _standalone_list(document)
        if standalone is not None:
            bibliographies.append(standalone)
            origins.append(standalone_origin(document.path, len(standalone.references)))
        else:
            documents.append(document)

    documents = _not_spliced(documents)
    origins.extend(o for o in map(list_origin, documents) if o.how != "none")
    macros = MacroTable()  # the files given are one BibTeX database, read in order
    for path in inputs.bibliographies:
        _read_bibliography(path, bibliographies, problems, scope, macros)
    for path in inputs.reference_lists:
        if is_bibliography_name(path.name) or (
            scope.admits(path) and written_as_bibliography(path)
        ):
            # "--reference-list refs.csl-json", or a list upload (stored as .txt) that
            # is CSL-JSON, RIS or BibTeX: read as pasted text, a CSL-JSON array was one
            # entry titled "id"
            _read_bibliography(path, bibliographies, problems, scope, macros)
            continue
        before = len(bibliographies)
        _read_reference_list(path, bibliographies, problems, scope)
        if len(bibliographies) > before:  # the summary says how its entries were read
            origins.append(standalone_origin(str(path), len(bibliographies[-1].references)))
    if not bibliographies:
        # A file several manuscripts name (each chapter's \bibliography{refs}) is one
        # database, read once: read for each, its every entry was a duplicate of itself,
        # and 200 uploaded chapters naming one large file had it parsed 200 times.
        read: set[str] = set()
        for document in documents:
            database = MacroTable()  # \bibliography{strings,refs}: one database
            for name in document.bibliography_files:  # located by the reader, in scope
                own = _file_key(name)
                if own in read:
                    continue
                read.add(own)
                _read_bibliography(Path(name), bibliographies, problems, scope, database)
    note("reading the manuscripts' citations")
    cited = _citations(documents, problems, max_citations)
    if not bibliographies:
        for document in documents:
            embedded = embedded_bibliography(document)
            if embedded is not None:
                bibliographies.append(embedded)
    else:  # a Pandoc source's typed section beside its .bib (typed_beside_files)
        bibliographies.extend(typed_lists_beside_files(documents, cited))

    _within_entries(bibliographies, problems)
    bibliographies = _unique_ids(bibliographies)
    references = [r for b in bibliographies for r in b.references]
    note(f"matching {len(cited):,} citations to {len(references):,} references")
    citations, matches = match_citations(cited, references)
    return AuditData(
        manuscripts=tuple(documents),
        bibliographies=tuple(bibliographies),
        citations=citations,
        matches=listed_once(matches),
        input_problems=tuple(problems),
        list_origins=tuple(origins),
    )


def run_rules(
    data: AuditData,
    rules: Sequence[type[Rule]] = ALL_RULES,
    *,
    max_per_rule: int = MAX_FINDINGS_PER_RULE,
) -> tuple[Finding, ...]:
    """Runs every rule whose phase has data; findings in file and line order.

    When a whole input could not be read, the citation-versus-list rules do not run:
    their verdicts would be about the files that are missing, not about the paper.
    A rule's findings past `max_per_rule` are counted in one finding, not listed.
    """
    findings: list[Finding] = []
    unread = any(p.unreadable for p in data.input_problems)
    for rule in rules:
        if unread and rule in CROSS_CHECK_RULES:
            continue
        if data.phase_done(rule.phase):
            checker = rule()
            findings.extend(_listed(checker, checker.check(data), max_per_rule))
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


def _listed(rule: Rule, found: Iterable[Finding], most: int) -> list[Finding]:
    """The rule's first `most` findings, and one that counts the rest.

    Every finding is a row stored, a report line and a page item: 200,000 entries
    nobody cites (a 2.8 MB upload of ``@a{kN,}``) were 200,000 findings, a 184 MB
    stored row and 945 MB of a worker. The rest are counted as they come, not kept.
    """
    listed: list[Finding] = []
    rest = iter(found)
    for finding in rest:
        listed.append(finding)
        if len(listed) == most:
            break
    first = next(rest, None)
    if first is None:
        return listed
    unlisted, worst = 1, first.severity
    for finding in rest:
        unlisted += 1
        worst = finding.severity if finding.severity.rank > worst.rank else worst
    listed.append(
        rule.finding(
            f"{unlisted:,} more {rule.name} findings from here on are not listed: an audit "
            f"lists {most:,} of one rule",
            first.location,
            fix=Fix(f"Fix the {rule.name} findings listed, then audit again"),
            severity=worst,
        )
    )
    return listed


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
    scope: InputScope | None = None,
    max_citations: int = MAX_CITATIONS,
    max_findings_per_rule: int = MAX_FINDINGS_PER_RULE,
) -> AuditResult:
    """A whole audit in-process: what the CLI runs, and the service without a broker.

    `skipped` says why a phase without an enricher was not done ("--offline"); `scope`
    which files the inputs may name, `max_citations` how many citations are read (see
    `read_inputs`), `max_findings_per_rule` how many findings of a rule are listed.
    """
    with fewer_collections():
        data = read_inputs(inputs, scope, max_citations=max_citations)
        for enricher in enrichers:
            data = enricher.enrich(data)
        data = record_skipped(data, skipped or {})
        findings = run_rules(data, max_per_rule=max_findings_per_rule)
        return AuditResult(data=data, findings=findings)
