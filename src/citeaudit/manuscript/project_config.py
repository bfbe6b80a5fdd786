"""What a Pandoc project's own build files say about a manuscript: its chapters and
its bibliography.

A book or paper built with bookdown, Quarto or a Makefile names its bibliography and
its chapters outside the file an author points citeaudit at: bookdown merges the
chapters of ``_bookdown.yml`` (``rmd_files:``, else every ``.Rmd`` of the folder,
``index.Rmd`` first) and takes ``bibliography:`` from ``index.Rmd``'s front matter;
Quarto reads ``_quarto.yml`` (``book: chapters:``/``appendices:``, ``bibliography:``
at the top, under ``book:`` or under a format); a Makefile or a script runs ``pandoc
... --bibliography=refs.bib``. Read alone, a chapter's citations were all "missing"
(no bibliography found) and an index's entries all "never cited" (the chapters that
cite them not read). Here those files are read as the build reads them -- only those
in the manuscript's own folder, each at most `_MAX_CONFIG_BYTES`.

These are small YAML files and a few command lines; the keys read are found line by
line (the front-matter reader does the same), so nothing a hostile file holds --
anchors, aliases, tags, a million nested items -- is ever built or expanded: each
line is looked at once. Which of the names are read, and where they may point, is
decided by the manuscript reader (`reading`): inside the manuscript's folder only.

A book's build file may also lie a few folders above a chapter (`book_above`). One
there is taken only from a folder that is the running user's own and that no one
else may write to (`distrust`, in the spirit of git's ``safe.directory``): a
``_quarto.yml`` planted in ``/tmp``, a sticky-bit or world-writable shared folder, or
a folder of another user, chose the chapters and the bibliography an audit of a
manuscript below it read -- someone else's file deciding what was audited.
"""

from __future__ import annotations

import heapq
import os
import re
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from citeaudit.bounded_read import read_capped
from citeaudit.input_scope import InputScope, foreign_file, is_version_control, trusted_owners
from citeaudit.manuscript.reading import InputProblem

__all__ = [
    "BOOK_FILES",
    "LEVELS_UP",
    "MANUSCRIPT_SUFFIXES",
    "QUARTO_FILES",
    "Named",
    "ProjectConfig",
    "book_above",
    "checkout_top",
    "crossref_keys",
    "distrust",
    "read_project_config",
]

MANUSCRIPT_SUFFIXES = (".qmd", ".rmd", ".md", ".markdown", ".rmarkdown")
_MAX_CONFIG_BYTES = 1_000_000
_MAX_NAMES = 500  # chapters or bibliographies one project may name
_MAX_LISTED = 20_000  # entries of a folder tree looked at for a book's .Rmd files
_MAX_SCRIPTS = 20  # shell scripts of a folder looked into for a pandoc command
QUARTO_FILES = ("_quarto.yml", "_quarto.yaml")
_BOOKDOWN = "_bookdown.yml"
BOOK_FILES = (*QUARTO_FILES, _BOOKDOWN)  # what makes a folder above a chapter its book's
_MAKEFILES = ("Makefile", "makefile", "GNUmakefile")
_KEY = re.compile(r"^([ \t]*)(-[ \t]+)?([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*))?$")
_ITEM = re.compile(r"^([ \t]*)-[ \t]+(?:(?:part|file|href)[ \t]*:[ \t]*)?(.*)$")
_PANDOC_BIBLIOGRAPHY = re.compile(
    r"--bibliography(?:=|[ \t]+)(\"[^\"\n]+\"|'[^'\n]+'|[^\s;|&)\"'`]+)"
)
# A Makefile's or script's plain assignment of one word, "BIB = refs.bib" (also ":=",
# "::=", "?=", and a shell's "BIB=refs.bib"), one a line; the classes are disjoint, so
# each line is matched in one pass.
_ASSIGNMENT = re.compile(
    r"^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*(?:::|:|\?)?=[ \t]*"
    r"[\"']?([^\s#$*\"'`;|&()]+)[\"']?[ \t]*(?:#[^\n]*)?$",
    re.MULTILINE,
)
# A name that is one variable as a whole: "$(BIB)", "${BIB}" or a shell's "$BIB".
_NAME = r"([A-Za-z_][A-Za-z0-9_]*)"
_VARIABLE = re.compile(r"\$(?:\(" + _NAME + r"\)|\{" + _NAME + r"\}|" + _NAME + ")")
_BOOKDOWN_SITE = re.compile(r"^site[ \t]*:[ \t]*[\"']?bookdown::", re.MULTILINE)
LEVELS_UP = 3  # folders above a chapter looked in for its book's build file


@dataclass(frozen=True, slots=True)
class Named:
    """A file name as a build file writes it, and where (file, 1-based line)."""

    name: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class ProjectConfig:
    """`chapters`: the manuscript files of a book, in build order (empty: not a
    book); `bibliographies`: what the build passes Pandoc; `kind`: what said so;
    `crossref_keys`: Quarto's custom cross-reference kinds the project declares
    (``crossref: custom: - key: suppfig``), which every document of it shares."""

    kind: str
    chapters: tuple[Named, ...] = ()
    bibliographies: tuple[Named, ...] = ()
    crossref_keys: tuple[str, ...] = ()


def read_project_config(
    folder: Path,
    scope: InputScope | None = None,
    problems: list[InputProblem] | None = None,
    manuscript: str | None = None,
) -> ProjectConfig | None:
    """The project configuration in `folder` (Quarto, bookdown, a Makefile or shell
    script running pandoc), or None when it holds none. `problems`: where a folder
    too large to look through whole is said (`_shell_scripts`).

    `scope`: the audit's. Each build file is opened only if it admits it -- under
    confinement, not a second name (hard link) of a file that may lie anywhere: the
    names a build file gives come back in findings, line by line.

    Nor one someone else may have put there (`input_scope.foreign_file`: owned by
    another user than the one running, root, or `folder`'s owner): a manuscript
    checked in a shared folder (``/tmp``) took another user's
    ``_quarto.yml`` or Makefile there as its own, which chose its bibliography and
    chapters. Such a file is passed over, said in `problems`.

    `manuscript`: the checked file's name. A Makefile or script is one build: when
    some of them name the manuscript, only the bibliographies of one of those are its
    own (`_one_build`) -- a folder whose five scripts each build their own document
    with their own ``--bibliography`` had all three files read for its paper: every
    key "repeated" across them, every uncited entry reported once a file (class SF,
    REAL_MANUSCRIPTS_12)."""
    owners = trusted_owners(folder)

    def text_of(path: Path) -> str | None:
        return _small_text(path, scope, owners, problems)

    for name in QUARTO_FILES:
        text = text_of(folder / name)
        if text is not None:
            lists = _yaml_lists(
                text, str(folder / name), ("chapters", "appendices", "bibliography")
            )
            chapters = [n for n in lists["chapters"] + lists["appendices"] if _is_manuscript(n)]
            return ProjectConfig(
                "quarto",
                _unique(chapters),
                _unique(lists["bibliography"]),
                crossref_keys(text.splitlines()),
            )
    bookdown = text_of(folder / _BOOKDOWN)
    index, index_text = _index(folder, text_of)
    if bookdown is not None or (index_text is not None and _is_bookdown_index(index_text)):
        listed: list[Named] = []
        subdirs: list[str] = []
        if bookdown is not None:
            found = _yaml_lists(bookdown, str(folder / _BOOKDOWN), ("rmd_files", "rmd_subdir"))
            listed = [n for n in found["rmd_files"] if _is_manuscript(n)]
            subdirs = [n.name for n in found["rmd_subdir"]]
        if not listed:  # named by the file that made the folder a book, as listed ones are
            source = folder / _BOOKDOWN if bookdown is not None else index
            listed = _bookdown_default(folder, subdirs, str(source))
        return ProjectConfig("bookdown", _unique(listed))
    scripts = [folder / name for name in _MAKEFILES]
    scripts.extend(_shell_scripts(folder, problems))
    builds: list[tuple[Path, str, list[Named]]] = []
    for script in scripts:
        text = text_of(script)
        if text is None or "--bibliography" not in text:
            continue
        passed = _pandoc_bibliographies(text, str(script))
        if passed:
            builds.append((script, text, passed))
    bibliographies = [n for _, _, names in _one_build(builds, manuscript) for n in names]
    if bibliographies:
        return ProjectConfig("pandoc command", (), _unique(bibliographies))
    return None


def _one_build(
    builds: list[tuple[Path, str, list[Named]]], manuscript: str | None
) -> list[tuple[Path, str, list[Named]]]:
    """The builds (script, its text, its bibliographies) whose bibliographies are the
    manuscript's: of the scripts that name it (as a word: "pandoc paper.md", "cat
    paper.md | ..."), the one whose own name holds the manuscript's stem
    ("build_paper.sh" for paper.md), else the first; every build when none names it."""
    if manuscript is None or len(builds) < 2:
        return builds
    named = re.compile(r"(?<![\w./-])" + re.escape(manuscript) + r"(?![\w-])")
    own = [b for b in builds if named.search(b[1]) is not None]
    if not own:
        return builds
    stem = Path(manuscript).stem.lower()
    by_stem = [b for b in own if stem and stem in b[0].name.lower()]
    return [(by_stem or own)[0]]


def book_above(
    folder: Path, scope: InputScope, problems: list[InputProblem]
) -> tuple[Path, ProjectConfig] | None:
    """The Quarto or bookdown book a manuscript of `folder` may be a chapter of: the
    first folder up to `LEVELS_UP` above it (after links) holding a build file the
    audit's scope admits, whose configuration names chapters; None if there is none
    (or the nearest names none).

    A folder, or a build file, that someone else may have put there (`distrust`) is
    passed over, the build file named in `problems` with the reason: its chapters and
    bibliography are not the author's. The author is the user running and the owner
    of the manuscript's folder. The manuscript's own folder is read by
    `read_project_config` alone (it is the author's choice to keep a book there).

    No folder above the top of the manuscript's checkout is looked at (`checkout_top`):
    ownership cannot tell the author's folder from another job's where every job runs
    as root (a CI container), and a shared builds volume held a ``_quarto.yml`` another
    project's job left above the checkout, which chose what the audit read."""
    here = folder.resolve()
    if checkout_top(here):
        return None
    author = _owner(here)
    for above in list(here.parents)[:LEVELS_UP]:
        books = [above / name for name in BOOK_FILES]
        books = [b for b in books if scope.admits(b) and b.is_file()]
        why = distrust(above, books, author) if books else None
        if books and why is None:
            config = read_project_config(above, scope)
            return (above, config) if config is not None and config.chapters else None
        for book in books:
            problems.append(
                InputProblem(
                    str(book),
                    None,
                    f"build file not read: {why}; a file there may have been put by "
                    "someone else, so it does not choose the chapters or the "
                    "bibliography of the manuscript below it",
                )
            )
        if checkout_top(above):
            break  # the project ends here: what lies above is no file of the author's
    return None


# Folders a version-control tool keeps at the top of a checkout (a folder, never a
# file: a submodule's ``.git`` file lies inside its superproject, whose book is the
# author's). Subversion is not one: before 1.7 it kept ``.svn`` in every folder.
_CHECKOUT_MARKS = (".git", ".hg", ".jj", ".sl", ".bzr", "_darcs", ".pijul")


def checkout_top(folder: Path) -> bool:
    """Whether `folder` is the top of a version-control checkout (it holds ``.git``,
    ``.hg``... as a folder of its own).

    A link of that name is no mark, and is not followed: git keeps a link named
    ``.hg`` as any other, and a fork's ``sub/.hg -> /home/runner/.aws`` made ``sub``
    a checkout's top only when the runner's folder existed -- whether the book above
    was read, in the fork's own CI log, told it (rt34f)."""
    return any(_own_folder(folder / mark) for mark in _CHECKOUT_MARKS)


def _own_folder(path: Path) -> bool:
    """Whether `path` is a folder itself, not a link to one (nothing is followed)."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def _owner(folder: Path) -> int | None:
    """The owner of `folder` (the author of the manuscripts in it); None: unknown."""
    try:
        return os.stat(folder).st_uid if hasattr(os, "getuid") else None
    except OSError:
        return None


def distrust(folder: Path, files: Sequence[Path] = (), author: int | None = None) -> str | None:
    """Why the build files `files` of `folder` -- a folder above the manuscript's own
    -- may not be the author's, or None. Refused: a folder anyone may write to, or
    with the sticky bit (``/tmp``, a shared drop folder: anyone may add a file), or
    owned by another user than the one running and `author` (the owner of the
    manuscript's folder: run as root on a folder mounted from the host, the author's
    book is uid 1000's); a build file owned by another user or that anyone may write
    to. Unreadable is distrusted too. Ownership is not judged where the system has no
    user ids."""
    own = {os.getuid(), author} if hasattr(os, "getuid") else None
    try:
        facts = os.stat(folder)
    except OSError as exc:
        return f"its folder {folder} cannot be looked at ({exc.strerror or exc})"
    if facts.st_mode & stat.S_ISVTX:
        return f"its folder {folder} is a shared folder (sticky bit set, as /tmp)"
    if facts.st_mode & stat.S_IWOTH:
        return f"its folder {folder} may be written to by anyone (world-writable)"
    if own is not None and facts.st_uid not in own:
        return f"its folder {folder} belongs to another user (uid {facts.st_uid})"
    for file in files:
        try:
            facts = os.lstat(file)
        except OSError as exc:
            return f"{file.name} cannot be looked at ({exc.strerror or exc})"
        if facts.st_mode & stat.S_IWOTH:
            return f"{file.name} may be written to by anyone (world-writable)"
        if own is not None and facts.st_uid not in own:
            return f"{file.name} belongs to another user (uid {facts.st_uid})"
    return None


def _shell_scripts(folder: Path, problems: list[InputProblem] | None) -> list[Path]:
    """The first `_MAX_SCRIPTS` ``*.sh`` files of `folder` by name, from its first
    `_MAX_LISTED` entries. ``glob`` then ``sorted`` listed every entry and kept every
    ``.sh`` name before keeping 20: an uploaded or checked-out folder of millions of
    entries (or of ``.sh`` names) held the audit for the whole listing and its memory.
    A folder cut short is said in `problems` (its scripts may name the bibliography)."""
    names: list[str] = []
    try:
        with os.scandir(folder) as entries:
            for looked, entry in enumerate(entries):
                if looked >= _MAX_LISTED:
                    if problems is not None:
                        problems.append(
                            InputProblem(
                                str(folder),
                                None,
                                f"the folder holds more than {_MAX_LISTED} entries: only the "
                                f"first {_MAX_LISTED} were looked through for shell scripts "
                                "that run pandoc (--bibliography)",
                            )
                        )
                    break
                if entry.name.endswith(".sh"):
                    names.append(entry.name)
    except OSError:
        return []
    return [folder / name for name in heapq.nsmallest(_MAX_SCRIPTS, names)]


_CROSSREF_FIELD = re.compile(r"^crossref[ \t]*:[ \t]*(?:#.*)?$")
_CUSTOM_KEY = re.compile(
    r"^[ \t]+(?:-[ \t]+)?key[ \t]*:[ \t]*[\"']?([A-Za-z][A-Za-z0-9]*+)[\"']?[ \t]*(?:#.*)?$"
)


def crossref_keys(fields: list[str]) -> tuple[str, ...]:
    """The ``key:`` of each custom cross-reference kind a block of YAML lines declares
    under its top-level ``crossref:`` (Quarto: ``custom: - kind: float, key: suppfig``):
    a document's front matter, or a project's ``_quarto.yml``. Line by line, like the
    rest of this module: nothing is built."""
    keys: list[str] = []
    inside = False
    for text in fields:
        if _CROSSREF_FIELD.match(text):
            inside = True
        elif inside and text.strip() and not text[:1].isspace() and not text.startswith("-"):
            inside = False  # the next top-level field
        elif inside and (found := _CUSTOM_KEY.match(text)) is not None:
            keys.append(found.group(1))
    return tuple(dict.fromkeys(keys))


def _small_text(
    path: Path,
    scope: InputScope | None = None,
    owners: frozenset[int] | None = None,
    problems: list[InputProblem] | None = None,
) -> str | None:
    """The text of a regular file (not a symbolic link) of at most `_MAX_CONFIG_BYTES`
    that `scope` admits and only `owners` can have written (`foreign_file`; a file
    passed over for that is said in `problems`). It is asked what it is on the open
    file (`read_capped`): a FIFO put there after a look at the name would block the
    read for ever."""
    try:
        if path.is_symlink() or (scope is not None and not scope.admits(path)):
            return None
        if not path.is_file():
            return None
        why = foreign_file(path, owners)
        if why is not None:
            if problems is not None:
                problems.append(InputProblem(str(path), None, _passed_over(why)))
            return None
        return read_capped(path, _MAX_CONFIG_BYTES).decode("utf-8", errors="replace")
    except (OSError, ValueError):
        return None


def _passed_over(why: str) -> str:
    """Why a build file found beside the manuscript was not read."""
    return (
        f"build file not read: {why}; a file there may have been put by someone else, "
        "so it does not choose the chapters or the bibliography of the manuscript"
    )


def _index(
    folder: Path, text_of: Callable[[Path], str | None] | None = None
) -> tuple[Path, str | None]:
    """The book's index file and its text (None: there is none to read)."""
    for name in ("index.Rmd", "index.rmd"):
        text = (text_of or _small_text)(folder / name)
        if text is not None:
            return folder / name, text
    return folder / "index.Rmd", None


def _is_bookdown_index(text: str) -> bool:
    """``site: bookdown::bookdown_site`` in the front matter (bookdown builds the
    folder's .Rmd files then, with no ``_bookdown.yml``)."""
    return text.startswith("---") and _BOOKDOWN_SITE.search(text, 0, 5_000) is not None


def _bookdown_default(folder: Path, subdirs: list[str], source: str) -> list[Named]:
    """bookdown's own order without ``rmd_files``: the folder's .Rmd files by name,
    then those of ``rmd_subdir`` (a folder or list of folders: their files at any
    depth; ``true``: every folder's), ``index.Rmd`` first, names starting with ``_``
    left out. Only folders inside `folder` (after symbolic links) are listed, and at
    most `_MAX_NAMES` files.

    Each is named by `source`, the book's ``_bookdown.yml`` or ``index.Rmd``: a
    problem about a chapter is told on a file, as for a chapter ``rmd_files`` lists.
    Named by the folder, it showed the service's scratch folder (``/tmp/citeaudit-…``,
    which the rewrite of ``<folder>/name`` to ``name`` does not match) in the report."""
    fence = InputScope.fence(folder)
    places: list[tuple[Path, bool]] = [(folder, False)]
    listed: set[str] = set()  # each folder once, however it is spelled
    for subdir in subdirs[:_MAX_NAMES]:
        if subdir.lower() in {"true", "yes"}:
            places = [(folder, True)]
            break
        inner = folder / subdir
        # Listed only when it is a folder of the book's own (after links): a name found
        # in a folder a link points to would come back in a refusal -- a listing of the
        # disk outside, ``.Rmd`` by ``.Rmd``.
        if Path(subdir).is_absolute() or not fence.admits(inner):
            continue
        own = os.path.realpath(inner)
        if own not in listed:
            listed.add(own)
            places.append((inner, True))
    names: list[str] = []
    kept: set[str] = set()
    budget = _MAX_LISTED  # entries looked at for the whole book, not per folder
    for place, deep in places:
        try:
            entries = _listed(place, deep, budget)
        except (OSError, ValueError):
            continue
        budget -= len(entries)
        files = sorted(
            str(p.relative_to(folder))
            for p in entries
            if p.suffix.lower() == ".rmd" and not p.name.startswith("_") and not p.is_symlink()
        )
        names.extend(name for name in files if name not in kept)
        kept.update(files)
        if budget <= 0:
            break
    names = names[:_MAX_NAMES]
    names.sort(key=lambda name: name.lower() != "index.rmd")
    return [Named(name, source, 1) for name in names]


def _listed(place: Path, deep: bool, most: int) -> list[Path]:
    """The first `most` entries of `place` (and, `deep`, of every folder under it,
    folder links not walked). A list of folders still to list, not ``rglob``, which
    recurses once per level on this Python: a book of 1,100 nested folders raised
    RecursionError out of the audit. A version-control folder (``.git``, any case) is
    neither listed nor counted: ``rmd_subdir: true`` walked the runner's ``.git`` and
    named each ``.Rmd`` found there in a refusal, from a fork's one-line config."""
    found: list[Path] = []
    pending = [place]
    while pending and len(found) < most:
        top = pending.pop()
        try:
            entries = os.scandir(top)
        except OSError:
            if top == place:
                raise
            continue
        with entries:
            for entry in entries:
                if len(found) >= most:
                    break
                if is_version_control(entry.name):
                    continue  # the runner's, not the book's: never listed nor named
                found.append(Path(entry.path))
                try:
                    if deep and entry.is_dir(follow_symlinks=False):
                        pending.append(Path(entry.path))
                except OSError:
                    continue
    return found


def _is_manuscript(named: Named) -> bool:
    return named.name.lower().endswith(MANUSCRIPT_SUFFIXES)


def _unique(names: list[Named]) -> tuple[Named, ...]:
    seen: set[str] = set()
    kept: list[Named] = []
    for named in names:
        if named.name not in seen and len(kept) < _MAX_NAMES:
            seen.add(named.name)
            kept.append(named)
    return tuple(kept)


def _yaml_lists(text: str, source: str, keys: tuple[str, ...]) -> dict[str, list[Named]]:
    """The values given to each of `keys`, at any depth: ``key: value``, ``key: [a,
    b]``, and the ``- item`` lines (or ``- part: x`` / ``- file: x``, and inline lists
    of nested keys) of the block under it. A block ends at the first line indented no
    deeper than its key (a list may stand at the key's own depth)."""
    found: dict[str, list[Named]] = {key: [] for key in keys}
    block: tuple[str, int] | None = None  # (key, its indentation)
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(line.lstrip(" \t"))
        if block is not None:
            key, depth = block
            inside = indent > depth or (indent == depth and stripped.startswith("- "))
            if inside:
                _block_line(line, key, source, number, found[key])
                continue
            block = None
        written = _KEY.match(line)
        if written is None or written.group(3) not in found:
            continue
        key, value = written.group(3), (written.group(4) or "").split(" #", 1)[0].strip()
        if value:
            found[key].extend(Named(name, source, number) for name in _values(value))
        else:
            block = (key, len(written.group(1)) + len(written.group(2) or ""))
    return found


def _block_line(line: str, key: str, source: str, number: int, into: list[Named]) -> None:
    item = _ITEM.match(line)
    if item is not None:
        value = item.group(2).split(" #", 1)[0].strip()
        if value and not _KEY.match(value):
            into.extend(Named(name, source, number) for name in _values(value))
        return
    nested = _KEY.match(line)  # "html: [a.Rmd, b.Rmd]" under rmd_files
    if nested is not None and nested.group(4):
        value = nested.group(4).split(" #", 1)[0].strip()
        if value.startswith("["):
            into.extend(Named(name, source, number) for name in _values(value))


def _values(value: str) -> list[str]:
    """File names of a YAML scalar or flow list: ``a.bib``, ``"a.bib"``, ``[a, 'b']``."""
    listed = value.startswith("[") and value.endswith("]")
    parts = value[1:-1].split(",") if listed else [value]
    names = (part.strip().strip("'\"").strip() for part in parts)
    return [name for name in names if name and not name.startswith(("{", "["))]


def _pandoc_bibliographies(text: str, source: str) -> list[Named]:
    """``--bibliography=refs.bib`` (or ``--bibliography refs.bib``) in a pandoc
    command. A name that is one variable as a whole (``$(BIB)``, ``${BIB}``,
    ``$BIB``) is the one word the same file assigns it (``BIB=refs.json``, the last
    assignment, as make and a shell take it): a paper's Makefile that sets
    ``BIB=references.json`` and runs ``pandoc --bibliography $(BIB)`` was read as
    naming no bibliography, and its every citation had "no reference list". A name
    built of variables and text, a variable assigned nothing plain, or a pattern is
    not guessed."""
    found: list[Named] = []
    assigned = {a.group(1): a.group(2) for a in _ASSIGNMENT.finditer(text)}
    line, counted = 1, 0
    for m in _PANDOC_BIBLIOGRAPHY.finditer(text):
        name = m.group(1).strip("'\"")
        if name.startswith("$"):
            name = _variable_value(text, m.start(1) + (text[m.start(1)] in "'\""), assigned)
        if "$" in name or "*" in name or not name:
            continue
        line += text.count("\n", counted, m.start())
        counted = m.start()
        found.append(Named(name, source, line))
    return found


def _variable_value(text: str, start: int, assigned: dict[str, str]) -> str:
    """The value `assigned` to the variable that stands alone at `start` of `text`
    (followed by a space, a quote, a separator or the end), else ""."""
    v = _VARIABLE.match(text, start)
    if v is None or (v.end() < len(text) and text[v.end()] not in " \t\n\"';|&"):
        return ""
    return assigned.get(v.group(1) or v.group(2) or v.group(3) or "", "")
