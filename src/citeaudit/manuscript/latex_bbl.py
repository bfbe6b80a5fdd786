"""A biblatex ``.bbl`` read as the list it prints.

Why: a manuscript whose ``.bib`` is not shipped (arXiv's sources, many a submission)
still has the ``.bbl`` biblatex wrote, and its entries are data (``\\entry{key}...``,
``\\name{author}``, ``\\field{year}``), not printed text. They are written here as the
``\\bibitem`` lines of a thebibliography list -- key, then the entry in author-date
form -- each on its ``\\entry`` line, so the one reader of printed lists reads them and
every entry keeps its place in the file. A BibTeX ``.bbl`` is already such a list and
is given back as it is.

Every pattern is one pass over a line (no two quantifiers match the same characters):
the ``.bbl`` comes with an upload and is hostile like the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from citeaudit.manuscript.document import Line

__all__ = ["biblatex_as_bibitems"]

_ENTRY = re.compile(r"\\entry\s*\{([^{}]*)\}")
_END_ENTRY = re.compile(r"\\endentry\b")
_BRACED = r"\{((?:[^{}]|\{[^{}]*\})*)\}"
_FIELD = re.compile(r"\\field\s*\{([a-z]+)\}\s*" + _BRACED)
_LIST = re.compile(r"\\list\s*\{([a-z]+)\}\s*\{\d+\}\s*\{\s*\{" + _BRACED + r"\}")
_NAME_LIST = re.compile(r"\\name\s*\{([a-z]+)\}")
_FAMILY = re.compile(r"\bfamily=" + _BRACED)
_GIVEN_INITIALS = re.compile(r"\bgiveni=" + _BRACED)
_PREFIX = re.compile(r"\bprefix=" + _BRACED)
_VERB_DOI = re.compile(r"\\verb\s*\{doi\}")
_MAX_NAMES = 20
_NAME_DELIMITER = re.compile(r"\\bibnamedelim[a-di]\b ?")
_INITIAL_MACROS = (("\\bibinitperiod", "."), ("\\bibinitdelim", " "), ("\\bibinithyphendelim", "-"))


@dataclass
class _Entry:
    key: str
    line: int  # index into the lines of the .bbl
    fields: dict[str, str] = field(default_factory=dict)
    names: dict[str, list[dict[str, str]]] = field(default_factory=dict)
    doi: str = ""


def biblatex_as_bibitems(lines: list[Line]) -> list[Line]:
    """`lines` of a ``.bbl``, biblatex's entries written as a thebibliography list
    (same lines, same numbers); a ``.bbl`` with no ``\\entry`` comes back unchanged."""
    if not any("\\entry" in line.text and _ENTRY.search(line.text) for line in lines):
        return lines
    entries = _entries(lines)
    texts = [""] * len(lines)
    for entry in entries:
        texts[entry.line] = f"\\bibitem{{{entry.key}}} {_printed(entry)}"
    # the list opens on the file's first line, so each entry's column is its own
    texts[0] = "\\begin{thebibliography}{} " + texts[0]
    texts[-1] = texts[-1] + " \\end{thebibliography}"
    return [Line(line.file, line.number, text) for line, text in zip(lines, texts, strict=True)]


def _entries(lines: list[Line]) -> list[_Entry]:
    entries: list[_Entry] = []
    current: _Entry | None = None
    names: list[dict[str, str]] | None = None  # the name list being read
    doi_next = False
    for index, line in enumerate(lines):
        text = line.text
        started = _ENTRY.search(text)
        if started is not None:
            current = _Entry(started.group(1).strip(), index)
            entries.append(current)
            names = None
            continue
        if current is None:
            continue
        if _END_ENTRY.search(text):
            current, names = None, None
            continue
        if doi_next:
            current.doi = text.strip().removeprefix("\\verb").removesuffix("\\endverb").strip()
            doi_next = False
        if _VERB_DOI.search(text):
            doi_next = True
            continue
        listed = _NAME_LIST.search(text)
        if listed is not None:
            names = current.names.setdefault(listed.group(1), [])
        if names is not None:
            _name_parts(text, names)
        for found in _FIELD.finditer(text):
            current.fields.setdefault(found.group(1), found.group(2))
            names = None
        for found in _LIST.finditer(text):
            current.fields.setdefault(found.group(1), found.group(2))
            names = None
    return entries


def _name_parts(text: str, names: list[dict[str, str]]) -> None:
    """A person's parts as biblatex writes them, one ``part={...}`` a line (or all on
    one): ``family`` starts a person, ``giveni`` and ``prefix`` belong to the last."""
    family = _FAMILY.search(text)
    if family is not None:
        if len(names) >= _MAX_NAMES:
            return
        names.append({"family": family.group(1)})
    if not names:
        return
    for part, pattern in (("initials", _GIVEN_INITIALS), ("prefix", _PREFIX)):
        found = pattern.search(text)
        if found is not None:
            names[-1].setdefault(part, found.group(1))


def _person(parts: dict[str, str]) -> str:
    """ "Family, G." (with its prefix: "van der Berg, X."; no initials for a body)."""
    family = _spaced(parts["family"])
    name = f"{_spaced(parts['prefix'])} {family}" if parts.get("prefix") else family
    letters = _spaced(parts.get("initials", ""))
    return f"{name}, {letters}" if letters else name


def _spaced(part: str) -> str:
    """A name part with biblatex's delimiter macros written as what they print."""
    for macro, shown in _INITIAL_MACROS:
        part = part.replace(macro, shown)
    return _NAME_DELIMITER.sub(" ", part)


def _printed(entry: _Entry) -> str:
    """The entry in APA's author-date form, which the free-text parser reads best."""
    people = [_person(p) for p in entry.names.get("author") or entry.names.get("editor") or []]
    fields = entry.fields
    if not people and fields.get("organization"):
        people = [fields["organization"]]
    if len(people) > 1:
        authors = ", ".join(people[:-1]) + ", & " + people[-1]
    else:
        authors = people[0] if people else ""
    year = fields.get("year") or fields.get("labelyear") or "n.d."
    extra = fields.get("extradate") or fields.get("extrayear") or ""
    if extra.isdigit() and 0 < int(extra) <= 26:
        year += chr(ord("a") + int(extra) - 1)
    parts = [f"{authors} ({year}).", fields.get("title", "") + "."]
    container = fields.get("journaltitle") or fields.get("booktitle") or fields.get("publisher")
    if container:
        volume = fields.get("volume", "")
        parts.append(f"{container}{', ' + volume if volume else ''}.")
    if entry.doi:
        parts.append(f"https://doi.org/{entry.doi}")
    return " ".join(p for p in parts if p.strip(". "))
