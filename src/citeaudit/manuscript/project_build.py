"""A Pandoc manuscript read the way its project builds it: the book's chapters in order
and the bibliography its build files name (`project_config`).

When the manuscript is one of a book's chapters (``index.Rmd`` or any other), the book
is read whole, chapter after chapter, each line keeping its own file and number --
entries cited in another chapter are cited, as in the built book. When the manuscript
names no bibliography itself, the one the project's build files give is used.

Every name a build file gives must lie inside the manuscript's folder, whatever the
audit's own scope: ``bibliography: ../../etc/passwd``, an absolute path or a symbolic
link out is refused with a problem on the build file's line and never opened. What is
admitted is then located through the audit's scope (its caps on names and on text
spliced in count every chapter).
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from citeaudit.errors import InputError
from citeaudit.input_scope import InputScope
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.manuscript.project_config import (
    Named,
    ProjectConfig,
    book_above,
    read_project_config,
)
from citeaudit.manuscript.reading import InputProblem, charge_text, reader_for

__all__ = ["as_built"]


def as_built(
    document: Document, path: Path, scope: InputScope, problems: list[InputProblem]
) -> Document:
    """`document` with the chapters and bibliography its project's build files give;
    what could not be read is added to `problems`. A scope that follows no name (a
    stranger's file read without the audit's own scope) reads no build file either."""
    if not scope.follows_names:
        return document
    found = _project(Path(path), scope, problems)
    if found is None:
        return document
    folder, config = found
    fence = InputScope.fence(folder)
    if config.chapters:
        document = _whole_book(document, path, folder, config, fence, scope, problems)
    if not document.bibliography_files and config.bibliographies:
        named = _located(config.bibliographies, "bibliography file", folder, fence, scope, problems)
        if named:
            document = dataclasses.replace(document, bibliography_files=tuple(named))
    if config.crossref_keys:  # the project's kinds: "@suppfig-x" in any of its documents
        from citeaudit.manuscript.markdown import hide_custom_crossrefs

        lines = hide_custom_crossrefs(list(document.lines), config.crossref_keys)
        document = dataclasses.replace(document, lines=tuple(lines))
    return document


def _project(
    path: Path, scope: InputScope, problems: list[InputProblem]
) -> tuple[Path, ProjectConfig] | None:
    """The manuscript's project: its own folder's configuration, else a Quarto or
    bookdown book's up to `project_config.LEVELS_UP` folders above (a book may keep
    its chapters in sub-folders: Quarto's chapter paths, bookdown's ``rmd_subdir``),
    never above what the audit's scope admits, nor from a folder someone else may
    have put it in (`project_config.book_above`); the manuscript must then be one of
    its chapters."""
    folder = path.parent
    config = read_project_config(folder, scope, problems, path.name)
    if config is not None:
        return folder, config
    return book_above(folder, scope, problems)


def _located(
    names: tuple[Named, ...],
    what: str,
    folder: Path,
    fence: InputScope,
    scope: InputScope,
    problems: list[InputProblem],
) -> list[str]:
    found: list[str] = []
    for named in names:
        candidate = folder / named.name
        if Path(named.name).is_absolute() or not fence.admits(candidate):
            refusal = fence.refusal(what, named.name)
            # Only a bibliography unread leaves the citations unchecked; a chapter
            # refused is one chapter's text not read, as an \\input refused is.
            problems.append(
                InputProblem(named.file, named.line, refusal, what == "bibliography file")
            )
            continue
        located = scope.locate(what, named.name, [candidate])
        if located is None:
            break  # past the scope's cap on named files, which was said once
        if isinstance(located, str):
            problems.append(
                InputProblem(named.file, named.line, located, what == "bibliography file")
            )
        elif str(located) not in found:
            found.append(str(located))
    return found


def _whole_book(
    document: Document,
    path: Path,
    folder: Path,
    config: ProjectConfig,
    fence: InputScope,
    scope: InputScope,
    problems: list[InputProblem],
) -> Document:
    """The book's chapters in order, `document` in its place; `document` unchanged
    when it is not one of them."""
    own = os.path.realpath(path)
    chapters = _located(config.chapters, "chapter", folder, fence, scope, problems)
    if own not in {os.path.realpath(chapter) for chapter in chapters}:
        return document
    lines: list[Line] = []
    entries: list[RawEntry] = list(document.reference_entries)
    files: list[str] = []
    bibliographies: list[str] = list(document.bibliography_files)
    heading = document.reference_heading
    for chapter in chapters:
        if os.path.realpath(chapter) == own:
            part = document
        else:
            part_read = _chapter(Path(chapter), scope, problems)
            if part_read is None:
                continue
            part = part_read
            entries.extend(part.reference_entries)
            heading = heading or part.reference_heading
            bibliographies.extend(b for b in part.bibliography_files if b not in bibliographies)
        lines.extend(part.lines)
        files.extend(f for f in part.files or (part.path,) if f not in files)
    return dataclasses.replace(
        document,
        lines=tuple(lines),
        reference_entries=tuple(entries),
        reference_heading=heading,
        bibliography_files=tuple(bibliographies),
        files=tuple(files),
    )


def _chapter(path: Path, scope: InputScope, problems: list[InputProblem]) -> Document | None:
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if scope.text_spent(path):  # the audit holds its text: another chapter is not read
        problems.append(InputProblem(str(path), None, f"chapter {scope.text_refusal()}"))
        return None
    if not scope.may_fit(size) or not scope.take_splice(size):
        problems.append(
            InputProblem(str(path), None, f"chapter not read: {scope.splice_budget_spent()}")
        )
        return None
    chapter: Document
    found: list[InputProblem] = []
    try:
        reader = reader_for(path, scope)
        read_with_problems = getattr(reader, "read_with_problems", None)
        if read_with_problems is None:
            chapter = reader.read(path)
        else:
            chapter, found = read_with_problems(path)
    except InputError as error:
        problems.append(InputProblem(str(path), error.line, f"chapter not read: {error.detail}"))
        return None
    charge_text(chapter, scope)
    problems.extend(found)
    return chapter
