"""The SARIF 2.1.0 report, for code-scanning dashboards and editors.

Choices a reader of the output may wonder about:

* Rules come from the registry, plus a descriptor for any finding whose code the
  registry does not list, so every result's ``ruleIndex`` points somewhere real.
* Fixes are not emitted as SARIF ``fixes``: those need the exact region to delete,
  and a finding knows only where the problem starts. A guessed region would make an
  "apply fix" button corrupt the file, so the fix goes into the message and into
  ``properties.fix`` instead.
* A region is given only when the line is known (SARIF lines start at 1); a finding
  without a line still names its file.
* Network phases that did not run become tool notifications, so a dashboard that
  shows zero results also shows what was not checked.
* A message's text is plain text in which SARIF viewers render ``[text](target)`` as
  an embedded link (SARIF 2.1.0, 3.11.6): a title reading ``[click](javascript:...)``
  would become one. Literal ``[``, ``]`` and ``\\`` are escaped with a backslash, as
  the standard asks, so every message shows what the files say and links nowhere.
"""

from __future__ import annotations

import functools
import inspect
import itertools
import re
import secrets
from collections.abc import Callable, Iterator
from importlib import metadata
from typing import Any, TextIO
from urllib.parse import quote

from citeaudit import __version__
from citeaudit.audit_data import AuditResult
from citeaudit.encodable import encodable
from citeaudit.model.finding import Finding, Severity
from citeaudit.model.location import Location
from citeaudit.report.interface import Reporter
from citeaudit.report.json_text import dump_list, dumps
from citeaudit.report.printable import json_controls_escaped, printable
from citeaudit.report.text import in_source
from citeaudit.rules.base import Rule

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
FALLBACK_INFORMATION_URI = "https://pypi.org/project/citeaudit/"

LEVELS: dict[Severity, str] = {
    Severity.ERROR: "error",
    Severity.WARNING: "warning",
    Severity.INFO: "note",
}


@functools.cache
def information_uri() -> str:
    """The project's home page from the installed metadata, when it declares one (read
    once: each look-up parses the installed packages' metadata, ~3.6 MB of a log's
    writing however small the log)."""
    try:
        meta = metadata.metadata("citeaudit")
    except metadata.PackageNotFoundError:
        return FALLBACK_INFORMATION_URI
    candidates: list[str] = [str(meta["Home-page"] or "")]
    for entry in meta.get_all("Project-URL") or []:
        candidates.append(str(entry).partition(",")[2].strip())
    for url in candidates:
        if url.startswith(("https://", "http://")):
            return url
    return FALLBACK_INFORMATION_URI


def artifact_uri(path: str) -> str:
    """The path as given, made a valid URI reference (spaces and the like escaped) that
    names a file and nothing else.

    A name is the files' (a LaTeX ``\\input`` of the manuscript's choosing, a file in a
    fork): ``javascript:alert(1).md`` written as is was an absolute URI of scheme
    ``javascript`` to a SARIF viewer, ``//evil.example/x.md`` one on another host, and
    ``C:/Users/x.md`` one of scheme ``c``. A colon in the first segment takes ``./``
    (RFC 3986 4.2), leading slashes are one, a drive path is a ``file:`` URI.
    """
    # A file name with undecodable bytes reaches us with lone surrogates, which
    # `quote` cannot encode: they are shown as U+FFFD.
    uri = quote(encodable(path).replace("\\", "/"), safe="/:@!$&'()*+,;=-._~")
    if uri.startswith("//"):
        uri = "/" + uri.lstrip("/")
    if _DRIVE.match(uri):
        return "file:///" + uri
    if ":" in uri.split("/", 1)[0]:
        return "./" + uri
    return uri


_DRIVE = re.compile(r"[A-Za-z]:/")


def registered_rules() -> tuple[type[Rule], ...]:
    # Imported here: the registry pulls in every rule module, which the other
    # formats never need.
    from citeaudit.rules.registry import ALL_RULES

    return ALL_RULES


def rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    descriptor: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": _description(rule.summary),
    }
    # The class's own docstring only: inspect.getdoc would fall back to Rule's.
    doc = rule.__dict__.get("__doc__")
    if isinstance(doc, str) and doc.strip():
        descriptor["fullDescription"] = _description(inspect.cleandoc(doc))
    descriptor["defaultConfiguration"] = {"level": LEVELS[rule.severity]}
    descriptor["properties"] = {"phase": rule.phase.value}
    return descriptor


def finding_descriptor(finding: Finding) -> dict[str, Any]:
    """A descriptor for a code the registry does not know, from what the finding says."""
    return {
        "id": finding.code,
        "name": finding.rule,
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
    }


def rule_descriptors(findings: tuple[Finding, ...]) -> list[dict[str, Any]]:
    descriptors: list[dict[str, Any]] = []
    seen: set[str] = set()
    for rule in registered_rules():
        if rule.code not in seen:
            seen.add(rule.code)
            descriptors.append(rule_descriptor(rule))
    for finding in findings:
        if finding.code not in seen:
            seen.add(finding.code)
            descriptors.append(finding_descriptor(finding))
    return descriptors


def sarif_location(location: Location) -> dict[str, Any] | None:
    if not location.file:
        return None
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(location.file)}}
    if location.line is not None and location.line >= 1:
        region: dict[str, Any] = {"startLine": location.line}
        if location.column is not None and location.column >= 1:
            region["startColumn"] = location.column
        if location.excerpt:  # a Word paragraph: the sentence that Find locates
            region["snippet"] = {"text": location.excerpt}
        if location.page is not None:  # a PDF: startLine counts the lines of this page
            region["properties"] = {"page": location.page}
        physical["region"] = region
    return {"physicalLocation": physical}


def _unlinked(text: str) -> str:
    """Brackets and backslashes escaped, so no viewer reads an embedded link into it."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def message_text(text: str) -> str:
    """Plain text for a SARIF message string: no embedded link (`_unlinked`), and its
    braces doubled (SARIF 2.1.0 3.11.5: ``{0}`` is a placeholder for an argument, a
    literal brace is ``{{``). An entry titled ``{0}`` or ``{DNA}`` written bare made a
    viewer show another text, or refuse the whole log for an argument it lacks.

    Its controls, bidi overrides and line separators are shown as the text report
    shows them (`printable`; line breaks kept): a message is the rule's sentence with
    an entry or a file name quoted in it, and a viewer (code scanning's alert page, an
    editor's problems panel) obeyed an unclosed U+202E there and drew the rest of the
    sentence right to left. ``properties`` keep the files' text exactly."""
    shown = printable(text, newlines=True)
    return _unlinked(shown).replace("{", "{{").replace("}", "}}")


def _description(text: str) -> dict[str, str]:
    """A rule's description: a message string too (``\\nocite{*}`` in a docstring)."""
    return {"text": text.replace("{", "{{").replace("}", "}}")}


def sarif_result(finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    text = message_text(finding.message)
    if finding.fix is not None:
        text = f"{text}\nFix: {message_text(finding.fix.title)}"
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": rule_index[finding.code],
        "level": LEVELS[finding.severity],
        "message": {"text": text},
    }
    location = sarif_location(finding.location)
    if location is not None:
        result["locations"] = [location]
    properties: dict[str, Any] = {"rule": finding.rule}
    for key in ("reference", "citation", "url"):
        value = getattr(finding, key)
        if value is not None:
            properties[key] = value
    if finding.fix is not None:
        properties["fix"] = {
            "title": finding.fix.title,
            "replacement": finding.fix.replacement,
            "applicability": finding.fix.applicability.value,
        }
    result["properties"] = properties
    return result


def suppressed_result(finding: Finding, reason: str, rule_index: dict[str, int]) -> dict[str, Any]:
    """A finding held back, as SARIF says it: still a result, with its suppression --
    ``inSource`` for a comment in the sources, ``external`` for the configuration or
    the baseline -- and the reason as its justification. Code scanning shows it as
    suppressed; dropped, the editor reading the log never learnt it was there."""
    out = sarif_result(finding, rule_index)
    kind = "inSource" if in_source(reason) else "external"
    out["suppressions"] = [{"kind": kind, "justification": _unlinked(printable(reason))}]
    return out


def artifacts(result: AuditResult) -> list[dict[str, Any]]:
    # dicts as ordered sets: a finding's file is looked up, not searched for
    inputs: dict[str, None] = {}
    for doc in result.data.manuscripts:
        inputs.update(dict.fromkeys((doc.path, *doc.files)))
    inputs.update(dict.fromkeys(bib.source for bib in result.data.bibliographies))
    out = [
        {"location": {"uri": artifact_uri(path)}, "roles": ["analysisTarget"]}
        for path in inputs
        if path
    ]
    for finding in result.findings:
        path = finding.location.file
        if path and path not in inputs:
            inputs[path] = None
            out.append({"location": {"uri": artifact_uri(path)}})
    return out


def invocation(result: AuditResult) -> dict[str, Any]:
    notifications = [
        {
            "level": "note",
            "message": {
                "text": message_text(
                    f"{status.phase.value}: not done"
                    + (f" ({status.reason})" if status.reason else "")
                )
            },
            "properties": {"phase": status.phase.value, "reason": status.reason},
        }
        for status in result.data.phases
        if not status.done
    ]
    out: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        out["toolExecutionNotifications"] = notifications
    return out


def to_sarif(result: AuditResult) -> dict[str, Any]:
    """The whole log as data (tests, tools); the reporter writes it a result at a time."""
    document, results = _document(result)
    document["runs"][0]["results"] = list(results)
    return document


def _document(
    result: AuditResult, placeholder: str | None = None
) -> tuple[dict[str, Any], Iterator[dict[str, Any]]]:
    """The log with its run's results left out (`placeholder` in their place), and
    those results, made one at a time as they are read."""
    rules = rule_descriptors((*result.findings, *(f for f, _ in result.suppressed)))
    rule_index = {rule["id"]: i for i, rule in enumerate(rules)}
    data = result.data
    results = itertools.chain(
        (sarif_result(f, rule_index) for f in result.findings),
        (suppressed_result(f, why, rule_index) for f, why in result.suppressed),
    )
    document = {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "citeaudit",
                        "version": __version__,
                        "informationUri": information_uri(),
                        "rules": rules,
                    }
                },
                "invocations": [invocation(result)],
                "artifacts": artifacts(result),
                "columnKind": "unicodeCodePoints",
                "results": placeholder,  # the reporter streams them in its place
                "properties": {
                    "references": len(data.references),
                    "citations": len(data.citations),
                    "phases": [
                        {"phase": p.phase.value, "done": p.done, "reason": p.reason}
                        for p in data.phases
                    ],
                },
            }
        ],
    }
    return document, results


class SarifReporter(Reporter):
    format = "sarif"
    media_type = "application/sarif+json"
    extension = ".sarif"

    def render(self, result: AuditResult, *, color: bool = False) -> str:
        pieces: list[str] = []
        self._pieces(result, pieces.append)
        return "".join(pieces)

    def write(self, result: AuditResult, stream: TextIO, *, color: bool = False) -> None:
        """The log to `stream` a block of results at a time (`_pieces`)."""
        self._pieces(result, stream.write)

    @staticmethod
    def _pieces(result: AuditResult, write: Callable[[str], object]) -> None:
        """The log in blocks of about 64 KB, each with its C1 controls and bidi overrides
        escaped (a SARIF file printed moves no cursor) and made encodable. The whole
        log as data, then as one text, then as two copies of it, held a worker or the
        API's report route at ~6 KB a result: 75,000 findings of a 4.5 MB upload took
        460 MB to render a 71 MB log. Results are made and written one at a time; a
        block ends only between two pieces, and no escape, surrogate pair or
        ``##vso[`` spans two (each is within one string of one piece)."""
        blocks = _Blocks(write)
        # a placeholder no file can spell: nothing else in the log is this string
        placeholder = f"citeaudit-results-{secrets.token_hex(16)}"
        document, results = _document(result, placeholder)
        head = dumps(document, end="\n")
        before, _, after = head.partition(f'"{placeholder}"')
        blocks.write(before)
        dump_list(results, 3, blocks.write)
        blocks.write(after)
        blocks.flush()


class _Blocks:
    """Pieces gathered to ~64 KB, escaped and written as one (`SarifReporter._pieces`)."""

    BLOCK = 1 << 16

    def __init__(self, write: Callable[[str], object]) -> None:
        self._write = write
        self._pieces: list[str] = []
        self._size = 0

    def write(self, piece: str) -> None:
        self._pieces.append(piece)
        self._size += len(piece)
        if self._size >= self.BLOCK:
            self.flush()

    def flush(self) -> None:
        if self._pieces:
            self._write(encodable(json_controls_escaped("".join(self._pieces))))
            self._pieces.clear()
            self._size = 0
