"""From an audit's findings to the files rewritten, each change listed, or refused.

Edits are grouped by entry: the entry's text is found verbatim at the line the
reader gave, every edit for it is made on that text in turn, and the result is
spliced back; the rest of the file is not touched. Each rewritten file is read
again with citeaudit's own reader, and kept only when it still yields the same
entries without new problems.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from citeaudit.audit_data import AuditResult
from citeaudit.bibliography.interface import Bibliography
from citeaudit.bounded_read import (
    NotARegularFile,
    read_capped,
    replace_file,
    resolved_for_write,
)
from citeaudit.fix.editors import CannotFix, EntryEditor, editor_for
from citeaudit.fix.guard import check_edit
from citeaudit.fix.policy import Action, CitedYears, Planned, planned
from citeaudit.fix.source import NotWritable, SourceText
from citeaudit.fix.unified_diff import Splice, unified_diff
from citeaudit.fix.verify import entry_count
from citeaudit.line_ends import file_lines
from citeaudit.model.reference import Reference


@dataclass(frozen=True, slots=True)
class Change:
    """One finding's fix, as made (or, with --diff, as it would be made)."""

    file: str
    line: int | None
    code: str
    rule: str
    title: str
    safe: bool

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.code} {self.title}"


@dataclass(frozen=True, slots=True)
class Refusal:
    """A fix not made, and why."""

    file: str
    line: int | None
    code: str
    title: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.code} not fixed: {self.reason}"


@dataclass(frozen=True, slots=True)
class Rewrite:
    source: SourceText
    text: str
    splices: tuple[Splice, ...] = ()  # what made `text` of the source's: where to compare

    def diff(self) -> str:
        """A unified diff compared only where the splices are (`unified_diff`: difflib
        over the whole file was quadratic when every entry had an edit)."""
        name = str(self.source.path)
        if not self.splices:
            old, new = file_lines(self.source.text), file_lines(self.text)
            return "".join(difflib.unified_diff(old, new, fromfile=name, tofile=name))
        return unified_diff(self.source.text, self.text, self.splices, name)

    def write(self) -> None:
        """Atomically: a crash leaves the old file or the new one, never half of it.

        A symbolic link (a shared library.bib) is followed, so the link stays a link;
        a file changed since it was read (saved in an editor meanwhile) is not
        overwritten.
        """
        # the real file, but not one a swapped link puts outside the --confine folder
        path = resolved_for_write(self.source.path)
        original = self.source.original_bytes()
        # through the one bounded reader: a name swapped meanwhile for a pipe or a
        # device is refused unopened, not read for ever; one byte more than the
        # original tells a longer file apart
        try:
            now = read_capped(path, len(original) + 1, whole=False)
        except NotARegularFile as exc:
            raise NotWritable(f"{self.source.path} {exc.strerror}") from None
        if now != original:
            raise NotWritable(f"{self.source.path} changed while it was being fixed; run fix again")
        data = self.source.encode(self.text)
        # Made and renamed inside the folder's own descriptor under --confine
        # (`replace_file`): a folder swapped for a link meanwhile is not written into.
        replace_file(path, data, path.stat().st_mode & 0o7777)


@dataclass(frozen=True)
class FixPlan:
    rewrites: tuple[Rewrite, ...] = ()
    changes: tuple[Change, ...] = ()
    refusals: tuple[Refusal, ...] = ()
    unsafe_available: int = 0  # fixes that --unsafe-fixes would also make

    def write(self) -> FixPlan:
        """Write every rewrite; the plan of what was written (a file that could not be
        is among the refusals, its changes not listed as made)."""
        failed: dict[Path, str] = {}
        for rewrite in self.rewrites:
            try:
                rewrite.write()
            except (NotWritable, OSError) as exc:
                failed[rewrite.source.path] = str(exc)
        if not failed:
            return self
        return FixPlan(
            tuple(r for r in self.rewrites if r.source.path not in failed),
            tuple(c for c in self.changes if Path(c.file) not in failed),
            (
                *self.refusals,
                *(
                    Refusal(c.file, c.line, c.code, c.title, failed[Path(c.file)])
                    for c in self.changes
                    if Path(c.file) in failed
                ),
            ),
            self.unsafe_available,
        )

    def diff(self) -> str:
        return "".join(r.diff() for r in self.rewrites)


@dataclass
class _EntryWork:
    ref: Reference
    items: list[Planned] = field(default_factory=list)


def plan_fixes(result: AuditResult, *, unsafe: bool = False) -> FixPlan:
    """What `fix` would change for `result`'s findings; nothing is written."""
    data = result.data
    refs = {r.id: r for r in data.references}
    formats = {r.id: b for b in data.bibliographies for r in b.references}
    by_file: dict[str, dict[str, _EntryWork]] = {}
    unsafe_available = 0
    cited = CitedYears(data)
    for finding in result.findings:
        ref = refs.get(finding.reference or "")
        if ref is None:
            continue
        item = planned(finding, ref, cited)
        if item is None:
            continue
        if not item.safe and not unsafe:
            unsafe_available += 1
            continue
        entries = by_file.setdefault(ref.location.file, {})
        entries.setdefault(ref.id, _EntryWork(ref)).items.append(item)

    rewrites: list[Rewrite] = []
    changes: list[Change] = []
    refusals: list[Refusal] = []
    for file, entries in by_file.items():
        bibliography = formats[next(iter(entries))]
        made = _plan_file(Path(file), bibliography, entries.values(), refusals)
        if made is not None:
            rewrite, file_changes = made
            rewrites.append(rewrite)
            changes.extend(file_changes)
    return FixPlan(tuple(rewrites), tuple(changes), tuple(refusals), unsafe_available)


def _refuse(item: Planned, reason: str) -> Refusal:
    fix_title = item.finding.fix.title if item.finding.fix else ""
    location = item.finding.location
    return Refusal(location.file, location.line, item.finding.code, fix_title, reason)


def _plan_file(
    path: Path,
    bibliography: Bibliography,
    entries: Iterable[_EntryWork],
    refusals: list[Refusal],
) -> tuple[Rewrite, list[Change]] | None:
    works = list(entries)
    editor = editor_for(bibliography.format)
    try:
        if editor is None:
            raise NotWritable(f"{bibliography.format} entries are not edited")
        source = SourceText.read(path)
    except NotWritable as exc:
        refusals.extend(_refuse(i, str(exc)) for w in works for i in w.items)
        return None
    starts = source.line_starts()
    text = source.text
    splices: list[tuple[int, int, str]] = []
    changes: list[Change] = []
    deleted = 0
    by_id = {r.id: r for r in bibliography.references}
    for work in works:
        span = _entry_span(text, starts, work.ref)
        if span is None:
            reason = f"the entry's text was not found as read at line {work.ref.location.line}"
            refusals.extend(_refuse(i, reason) for i in work.items)
            continue
        start, end = span
        entry = text[start:end]
        done: list[Planned] = []
        for item in sorted(work.items, key=lambda i: i.action is Action.DELETE_REPEAT):
            try:
                if item.action is Action.DELETE_REPEAT:
                    first = _first_of(item, bibliography, by_id)
                    if first is not None:
                        _carry(editor, text, starts, first, entry, splices)
                    entry = ""
                    start, end = _with_blank_line(text, start, end)
                    deleted += 1
                else:
                    edited = _edit(editor, entry, item)
                    check_edit(bibliography.format, path, entry, edited, item)
                    entry = edited
            except CannotFix as exc:
                refusals.append(_refuse(item, str(exc)))
                continue
            done.append(item)
        if done:
            splices.append((start, end, entry))
            changes.extend(_change(i) for i in done)
    if not splices:
        return None
    try:
        new_text = _splice(text, splices)
    except CannotFix as exc:
        refusals.extend(_refuse(i, str(exc)) for w in works for i in w.items)
        return None
    problem = _unfaithful(path, bibliography, source, new_text, deleted)
    if problem is not None:
        refusals.extend(
            _refuse(i, problem) for w in works for i in w.items if _change(i) in changes
        )
        return None
    return Rewrite(source, new_text, tuple(sorted(splices))), changes


def _edit(editor: EntryEditor, entry: str, item: Planned) -> str:
    if item.action is Action.REPLACE_DOI or item.action is Action.REPLACE_URL:
        return editor.replace_text(entry, item.old, item.new)
    if item.action is Action.ADD_DOI:
        return editor.add_doi(entry, item.new)
    if item.action is Action.SET_YEAR:
        return editor.set_year(entry, int(item.old), item.new)
    raise CannotFix(f"no edit for {item.action}")


def _change(item: Planned) -> Change:
    location = item.finding.location
    title = item.finding.fix.title if item.finding.fix else item.action.value
    return Change(
        location.file, location.line, item.finding.code, item.finding.rule, title, item.safe
    )


def _entry_span(text: str, starts: list[int], ref: Reference) -> tuple[int, int] | None:
    """Where `ref`'s text stands in the file: verbatim, at the line the reader gave."""
    line = ref.location.line
    if line is None or not ref.raw or line > len(starts):
        return None
    start = starts[line - 1]
    if text.startswith(ref.raw, start):
        return start, start + len(ref.raw)
    # Readers may report the entry's line while its text begins after an indent or a
    # list marker on that line: accept the text only when it starts on that line.
    at = text.find(ref.raw, start, start + len(ref.raw) + 200)
    # no line break before it (searched up to it only: to the line's end, a one-line
    # file of N entries was read N times)
    if at >= 0 and text.find("\n", start, at) < 0:
        return at, at + len(ref.raw)
    return None


def _with_blank_line(text: str, start: int, end: int) -> tuple[int, int]:
    """A deleted entry takes its line end, and one blank line if it stood between two."""
    if text.startswith("\n", end):
        end += 1
        if (start == 0 or text.startswith("\n\n", start - 2)) and text.startswith("\n", end):
            end += 1
    return start, end


def _first_of(
    item: Planned, bibliography: Bibliography, by_id: dict[str, Reference]
) -> Reference | None:
    """The entry a repeat repeats: the earlier one with its key, DOI or title."""
    later = item.ref
    for ref in bibliography.references:
        if ref.index >= later.index:
            break
        if (
            (later.key and ref.key and ref.key.lower() == later.key.lower())
            or (later.doi and ref.doi == later.doi)
            or (later.title and ref.title and ref.title.casefold() == later.title.casefold())
        ):
            return by_id.get(ref.id)
    return None


def _carry(
    editor: EntryEditor,
    text: str,
    starts: list[int],
    first: Reference,
    repeat: str,
    splices: list[tuple[int, int, str]],
) -> None:
    """The fields the repeat adds, moved into the first entry (BibTeX)."""
    span = _entry_span(text, starts, first)
    if span is None:
        raise CannotFix("the first entry's text was not found as read")
    if any(s[0] < span[1] and span[0] < s[1] for s in splices):
        raise CannotFix("the first entry is being edited too; run fix again")
    merged = editor.carry_fields(text[span[0] : span[1]], repeat)
    if merged != text[span[0] : span[1]]:
        splices.append((span[0], span[1], merged))


def _splice(text: str, splices: list[tuple[int, int, str]]) -> str:
    pieces: list[str] = []
    last = 0
    for start, end, new in sorted(splices):
        if start < last:
            raise CannotFix("two edits overlap")
        pieces += [text[last:start], new]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _unfaithful(
    path: Path, bibliography: Bibliography, source: SourceText, new_text: str, deleted: int
) -> str | None:
    """Why the rewritten file is not what was meant, or None when it is."""
    before = entry_count(path, bibliography.format, source.text)
    after = entry_count(path, bibliography.format, new_text)
    if before is None or after is None:
        return "the file could not be read back after the edit"
    if after != (before[0] - deleted, before[1]):
        return (
            f"after the edit the file reads as {after[0]} entries and {after[1]} problems, "
            f"not {before[0] - deleted} and {before[1]}; nothing was written"
        )
    return None
