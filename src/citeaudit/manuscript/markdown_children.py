"""R Markdown / Quarto documents spliced into the one that names them.

A thesis written in R Markdown is often one master file whose chunks only name chapters:
```` ```{r, child="chapter1.Rmd"} ```` (or ``child=c("a.Rmd", "b.Rmd")``, or a Quarto
``#| child: a.Rmd`` option line), and Quarto books do the same with
``{{< include _intro.qmd >}}``. knitr and Quarto put each named file's text where it is
named, so the chapters' citations are the manuscript's citations; reading the master
alone leaves every chapter's citation unread and every entry "never cited".

Each child is spliced in as LaTeX ``\\input`` files are: located through the audit's
`InputScope` (an uploaded audit reads nothing outside its own folder, and every name
counts against the audit's cap), read only if it fits what is left of the splice budget,
circular and too-deep inclusions skipped with a problem on the naming line. Its lines
keep their own file and line number. A child's output replaces its chunk, so its lines
follow the chunk's closing fence; an include shortcode's follow the shortcode.

Only Markdown-like files are spliced: ``{{< include banner.html >}}`` adds markup, not
prose, and is passed over without a problem.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from citeaudit.errors import InputError
from citeaudit.input_scope import InputScope, shown_name
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reading import MAX_LINES, InputProblem, decode_text

__all__ = ["ChildSplicer", "child_targets"]

_MAX_DEPTH = 32
_SPLICED_SUFFIXES = (".rmd", ".qmd", ".md", ".markdown", ".rmarkdown", ".txt", ".mdown")
_CHUNK_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*\{([^\n]*)\}[ \t]*$")
_FENCE_CLOSE = re.compile(r"^ {0,3}(`{3,}|~{3,})[ \t]*$")
# ``child="a.Rmd"``, ``child = 'a.Rmd'``, ``child=c("a.Rmd", 'b.Rmd')``: quoted names only
# (an R variable naming the file cannot be followed without running R).
_CHILD_OPTION = re.compile(
    r"(?:^|[\s,{])child[ \t]*=[ \t]*(c[ \t]*\(([^()]*)\)|\"[^\"]*\"|'[^']*')"
)
# The option's value and the shortcode's name are taken whole and stripped afterwards:
# a lazy ``(.+?)[ \t]*$`` tried the blanks-then-end tail after every character, n^2/2
# steps on a line of n blanks that ends otherwise (a worker held for minutes).
_QUARTO_CHILD = re.compile(r"^#\|[ \t]*child[ \t]*:[ \t]*(.+)$")
_INCLUDE_OPEN = re.compile(r"^[ \t]*\{\{<[ \t]*include[ \t]")
_INCLUDE_CLOSE = ">}}"
_QUOTED = re.compile(r"\"([^\"]*)\"|'([^']*)'")

# (visible lines, .bib names with line numbers) of one file's text: the Markdown reader's
# blanking, handed in so this module does not import the reader that imports it.
Hider = Callable[[list[str]], tuple[list[str], list[tuple[str, int]]]]


def child_targets(visible: list[str], texts: list[str]) -> list[tuple[int, int, list[str]]]:
    """Where children are spliced in: (index of the line they follow, the 1-based line
    that names them -- a chunk's opening fence --, names as written).

    `visible` is the file with what no reader sees blanked (so a commented-out or fenced
    example names no child); `texts` is the file as written, for the ``#|`` option lines
    the blanking takes out of a chunk.
    """
    found: list[tuple[int, int, list[str]]] = []
    chunk: tuple[str, int, list[str]] | None = None  # (fence, line, names so far) of a chunk
    for i, text in enumerate(visible):
        if chunk is not None:
            closing = _FENCE_CLOSE.match(text)
            if closing is not None and closing.group(1).startswith(chunk[0]):
                if chunk[2]:
                    found.append((i, chunk[1], chunk[2]))
                chunk = None
                continue
            option = _QUARTO_CHILD.match(texts[i].strip()) if i < len(texts) else None
            if option is not None:
                chunk[2].extend(_yaml_names(option.group(1)))
            continue
        opening = _CHUNK_OPEN.match(text)
        if opening is not None:
            chunk = (opening.group(1), i + 1, _option_names(opening.group(2)))
            continue
        name = _included(text)
        if name:
            found.append((i, i + 1, [name]))
    if chunk is not None and chunk[2]:
        found.append((len(visible) - 1, chunk[1], chunk[2]))
    return found


def _included(text: str) -> str | None:
    """The file a ``{{< include name >}}`` line names (quotes taken off), else None."""
    opening = _INCLUDE_OPEN.match(text)
    line = text.rstrip(" \t")
    if opening is None or not line.endswith(_INCLUDE_CLOSE):
        return None
    return line[opening.end() : -len(_INCLUDE_CLOSE)].strip().strip("\"'") or None


def _markup_lines(visible: list[str], found: list[tuple[int, int, list[str]]]) -> set[int]:
    """The lines that only name children (a chunk's fences with nothing kept between
    them, an include shortcode): replaced by the children, they are no text -- left,
    a child chunk under a References heading was read as an entry."""
    markup: set[int] = set()
    for index, number, _names in found:
        start = number - 1
        if all(not visible[k].strip() for k in range(start + 1, index)):
            markup.update((start, index))
    return markup


def _option_names(options: str) -> list[str]:
    if "child" not in options:
        return []
    names: list[str] = []
    for m in _CHILD_OPTION.finditer(options):
        value = m.group(1)
        for q in _QUOTED.finditer(value):
            name = (q.group(1) if q.group(1) is not None else q.group(2)).strip()
            if name:
                names.append(name)
    return names


def _yaml_names(value: str) -> list[str]:
    value = value.split(" #", 1)[0].strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]
    parts = (p.strip().strip("\"'").strip() for p in value.split(","))
    return [p for p in parts if p]


@dataclass
class ChildSplicer:
    """Splices the children of one manuscript, on the audit's scope and budget."""

    main_dir: Path
    scope: InputScope
    hide: Hider
    problems: list[InputProblem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    bibliographies: list[tuple[str, str, int]] = field(default_factory=list)  # (file, name, line)
    _stack: list[Path] = field(default_factory=list)
    _capped: bool = False
    # Lines of every file spliced so far, held to reading.MAX_LINES as one file is:
    # many small children, each under the byte budget, add up to millions of lines.
    line_count: int = 0

    def expand(self, path: Path, name: str, texts: list[str]) -> list[Line]:
        """`texts` of the file at `path` (shown as `name`), blanked, children spliced in."""
        self.line_count += len(texts)
        visible, bibs = self.hide(texts)
        self.bibliographies.extend((name, bib, number) for bib, number in bibs)
        if name not in self.files:
            self.files.append(name)
        try:
            self._stack.append(path.resolve())
        except (OSError, RuntimeError):
            self._stack.append(path)
        found = child_targets(visible, texts)
        targets = {index: (number, names) for index, number, names in found}
        markup = _markup_lines(visible, found)
        lines: list[Line] = []
        for index, text in enumerate(visible):
            lines.append(Line(name, index + 1, "" if index in markup else text))
            if index in targets:
                number, names = targets[index]
                for target in names:
                    lines.extend(self._child(target, path.parent, name, number))
        self._stack.pop()
        return lines

    def _child(self, target: str, here: Path, name: str, number: int) -> list[Line]:
        if self.scope.names_exhausted or self._capped:
            return []
        if not target.lower().endswith(_SPLICED_SUFFIXES):
            return []  # an HTML banner or a script: not prose
        candidates = (
            [here / target] if here == self.main_dir else [here / target, self.main_dir / target]
        )
        variant = _case_variant(target, candidates, self.scope)
        if variant is not None:
            target = variant  # "rmd/intro.rmd" for rmd/intro.Rmd: found on the author's disk
            candidates = (
                [here / target]
                if here == self.main_dir
                else [here / target, self.main_dir / target]
            )
        found = self.scope.locate("child document", target, candidates)
        if found is None:
            return []
        if isinstance(found, str):
            self.problems.append(InputProblem(name, number, f"{found}; its text is skipped"))
            return []
        shown = shown_name(target)
        try:
            resolved = found.resolve()
        except (OSError, RuntimeError):
            resolved = found
        if resolved in self._stack:
            self.problems.append(
                InputProblem(name, number, f"'{shown}' includes itself (circular child); skipped")
            )
            return []
        if len(self._stack) >= _MAX_DEPTH:
            self.problems.append(
                InputProblem(name, number, f"'{shown}' nested too deeply; skipped")
            )
            return []
        if not self.scope.may_fit(_byte_size(found)):
            return self._cap(name, number, target)
        display = self._display(found)
        try:
            texts, problems = decode_text(found, display)
        except InputError as exc:
            self.problems.append(InputProblem(name, number, f"'{shown}' not read: {exc.detail}"))
            return []
        if self.line_count + len(texts) > MAX_LINES:
            return self._cap(
                name, number, target, f"the manuscript would pass {MAX_LINES:,} lines with it"
            )
        if not self.scope.take_splice(sum(len(t) + 1 for t in texts)):
            return self._cap(name, number, target)
        self.problems.extend(problems)
        return self.expand(found, display, texts)

    def _cap(self, name: str, number: int, target: str, spent: str | None = None) -> list[Line]:
        """One problem for the splice budget; later children are skipped unread."""
        self._capped = True
        spent = spent if spent is not None else self.scope.splice_budget_spent()
        self.problems.append(
            InputProblem(
                name,
                number,
                f"'{shown_name(target)}' not spliced in: {spent}; "
                "the text from here on is audited without its child documents",
            )
        )
        return []

    def _display(self, path: Path) -> str:
        """A child is named relative to the main file's folder when it lies inside it."""
        try:
            return str(self.main_dir / path.resolve().relative_to(self.main_dir.resolve()))
        except (ValueError, OSError, RuntimeError):
            return str(path)


_MOST_LISTED = 2000  # entries of a folder looked through for another case


def _case_variant(target: str, candidates: list[Path], scope: InputScope) -> str | None:
    """`target` with its file name in the one case the folder holds it, when no
    candidate exists as written: Windows and macOS find "rmd/intro.rmd" for the file
    "rmd/intro.Rmd", so a knitr child named so is read there, and its citations are
    the manuscript's. Only a relative name without "..", only its last part, only a
    name one entry of the folder has (the scope then judges the name found).

    Only a folder the scope admits is looked at (listed, or asked whether the name is
    there): through a link a checkout holds (``l -> ../outside``), the folder was the
    runner's, and the refusal then named the child as the runner's folder spells it
    (``l/secret.md`` for ``l/secret.MD``) -- a listing of the runner's files."""
    name = Path(target)
    if name.is_absolute() or ".." in name.parts or not scope.follows_names:
        return None
    looked = [c for c in candidates if scope.admits(c.parent)]
    if any(os.path.lexists(c) for c in looked):
        return None
    for candidate in looked:
        wanted = candidate.name.casefold()
        try:
            with os.scandir(candidate.parent) as entries:
                found = [
                    e.name
                    for e in itertools.islice(entries, _MOST_LISTED)
                    if e.name.casefold() == wanted
                ]
        except OSError:
            continue
        if len(found) == 1:
            return str(name.with_name(found[0]))
    return None


def _byte_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except (OSError, ValueError):
        return 0  # reading it says what is wrong
