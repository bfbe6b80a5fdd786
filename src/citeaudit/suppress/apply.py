"""Applying a project's configuration and suppressions to an audit's findings.

Order: rule selection, then severities, then per-file ignores, inline comments and
the baseline. Whatever is held back keeps its reason in `AuditResult.suppressed`,
and every report lists it with that reason: an editor auditing an author's files
sees which findings the author's comments, configuration or baseline held back.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from citeaudit.audit_data import AuditResult
from citeaudit.config.load import rule_matches
from citeaudit.config.model import Config
from citeaudit.model.finding import Finding
from citeaudit.model.reference import Reference
from citeaudit.suppress.baseline import Key, key, read_baseline
from citeaudit.suppress.inline import InlineSuppression, scan


@dataclass(frozen=True)
class Suppressing:
    config: Config
    baseline: Path | None = None
    problems: list[str] = field(default_factory=list)  # comments without a reason


def suppress(result: AuditResult, how: Suppressing) -> AuditResult:
    config = how.config
    refs = {r.id: r for r in result.data.references}
    known = Counter[Key](read_baseline(how.baseline)) if how.baseline else Counter[Key]()
    comments = _comments(result, refs, how.problems)
    shown: list[Finding] = []
    held: list[tuple[Finding, str]] = list(result.suppressed)
    for finding in result.findings:
        reason = _deselected(finding, config)
        if reason is None:
            finding = _with_severity(finding, config)
            reason = _per_file(finding, config)
        if reason is None:
            reason = _inline(finding, refs, comments)
        if reason is None and how.baseline is not None:
            k = key(finding, how.baseline.parent)
            if known[k] > 0:
                known[k] -= 1
                reason = f"in the baseline {how.baseline.name}"
        if reason is None:
            shown.append(finding)
        else:
            held.append((finding, reason))
    return dataclasses.replace(result, findings=tuple(shown), suppressed=tuple(held))


def _selected(finding: Finding, selectors: tuple[str, ...]) -> bool:
    return any(rule_matches(s, finding.code, finding.rule) for s in selectors)


def _deselected(finding: Finding, config: Config) -> str | None:
    where = config.source.name if config.source else "the configuration"
    if config.select and not _selected(finding, config.select):
        return f"not selected in {where}"
    if config.ignore and _selected(finding, config.ignore):
        return f"ignored in {where}"
    return None


def _with_severity(finding: Finding, config: Config) -> Finding:
    for selector, severity in config.severity:
        if rule_matches(selector, finding.code, finding.rule):
            return dataclasses.replace(finding, severity=severity)
    return finding


def _per_file(finding: Finding, config: Config) -> str | None:
    if not config.per_file_ignores:
        return None
    try:
        relative = os.path.relpath(Path(finding.location.file).resolve(), config.root.resolve())
    except ValueError:
        return None
    relative = relative.replace(os.sep, "/")
    for pattern, rules in config.per_file_ignores:
        if fnmatch.fnmatch(relative, pattern) and _selected(finding, rules):
            return f"per-file-ignores '{pattern}'"
    return None


# file -> line -> the comments written on that line (a comment covers its own line and
# the next): one look-up a finding, not a pass over every comment of its file, which
# cost findings x comments (8,000 commented entries of a .bib: 10.8 s)
_Comments = dict[str, dict[int, list[InlineSuppression]]]

# How a reason names a comment in the sources: the reports list every suppressed
# finding with its reason, and SARIF marks these "inSource" (report.text.BY_COMMENT
# says the same words: report/ imports nothing from here)
BY_COMMENT = "suppressed by the comment at"


def _comments(result: AuditResult, refs: dict[str, Reference], problems: list[str]) -> _Comments:
    """The comments of the files findings point to -- of those the audit itself read.
    A finding may name a file the audit refused (``--confine``: one outside the folder,
    or ``/dev/zero``): scanning it read what the audit would not."""
    files = {f.location.file for f in result.findings}
    for finding in result.findings:
        ref = refs.get(finding.reference or "")
        if ref is not None:
            files.add(ref.location.file)
    files &= _read_by_the_audit(result)
    found: _Comments = {}
    for file in sorted(files):
        comments = scan(file)
        for comment in comments:
            if not comment.reason:
                problems.append(
                    f"{file}:{comment.line}: suppression without a reason (write "
                    "'-- why' after it): not honoured"
                )
        by_line: dict[int, list[InlineSuppression]] = {}
        for comment in comments:
            if comment.reason:
                by_line.setdefault(comment.line, []).append(comment)
        found[file] = by_line
    return found


def _inline(finding: Finding, refs: dict[str, Reference], comments: _Comments) -> str | None:
    places = [(finding.location.file, finding.location.line)]
    ref = refs.get(finding.reference or "")
    if ref is not None:
        places.append((ref.location.file, ref.location.line))
    for file, line in places:
        if line is None or file not in comments:
            continue
        by_line = comments[file]
        for written in (line - 1, line):  # in file order, as the comments were read
            for comment in by_line.get(written, ()):
                if comment.covers_line(line) and any(
                    rule_matches(r, finding.code, finding.rule) for r in comment.rules
                ):
                    return f"{BY_COMMENT} {file}:{comment.line}: {comment.reason}"
    return None


def _read_by_the_audit(result: AuditResult) -> set[str]:
    """Every file the audit read: each manuscript's own and spliced files, and each
    bibliography's source (a reference list held by a manuscript is that manuscript)."""
    data = result.data
    read = {b.source for b in data.bibliographies}
    for document in data.manuscripts:
        read.add(document.path)
        read.update(document.files)
    return read
