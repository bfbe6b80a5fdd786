"""The last check on an edit: the entry, read back, says what was meant and no more.

A replacement is often a stranger's text (a web site's redirect Location, a
registry's DOI). Spliced into a BibTeX field, ``},note={x\\input{y}}`` closes the
field and opens one of the stranger's choosing; a line break opens a new RIS record
or reference-list entry; a quote ends a JSON string. The sources now check what
they pass on, but the file is the author's: every edit is also judged here, at the
one place that writes. The entry before and after the edit is read with the reader
the audit uses for its format, and the edit stands only when the reading after is
the reading before with the one change meant (the URL or DOI replaced, the DOI
added, the year set) and nothing else -- no field gained, lost or altered, no
second entry, no new reading problem. Judging the reading, not the characters,
covers every syntax trick at once, including ones no list of bad characters names.
One thing the reading cannot see: our reader takes a BibTeX ``url`` field verbatim,
so ``\\input{x}`` there reads back as written, yet a style that prints the field as
text hands it to TeX. So a URL or DOI holding a character that is syntax in a format
`fix` edits is refused too (`_unfit_value`); a URL as sent is %-encoded and never
holds one. A repeated entry's fields carried into the first (``--unsafe-fixes``)
are the author's own text and are checked only by the whole file's reading again.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from citeaudit.bibliography.bibtex import parse_bibtex
from citeaudit.bibliography.csl_json import parse_csl_json
from citeaudit.bibliography.interface import Bibliography
from citeaudit.bibliography.ris import parse_ris
from citeaudit.doi import normalize_doi
from citeaudit.fix.editors.interface import CONTINUES, CannotFix
from citeaudit.fix.policy import Action, Planned
from citeaudit.model.reference import Reference

# Fields that name the entry's place, not what it says.
_PLACE = frozenset({"id", "index", "location", "raw"})
_YEAR = re.compile(r"[0-9]{4}")
# one character each: a linear scan
_SYNTAX = re.compile(r'[\s\x00-\x1f\x7f{}\\"]|%(?![0-9A-Fa-f]{2})')
_SHOWN = 120
_MARKUP = {".md": "markdown", ".markdown": "markdown", ".tex": "latex", ".ltx": "latex"}


def check_edit(format: str, path: Path, before: str, after: str, item: Planned) -> None:
    """Raise `CannotFix` unless `after` (the entry as edited) reads as `before` does
    with only `item`'s change made."""
    unfit = _unfit_value(item)
    if unfit is not None:
        raise CannotFix(_refused(item, unfit))
    try:
        _judge(format, path, before, after, item)
    except CannotFix as exc:
        raise CannotFix(_refused(item, str(exc))) from None


def _judge(format: str, path: Path, before: str, after: str, item: Planned) -> None:
    old_ref = _read_one(format, path, before, "before")
    new_ref = _read_one(format, path, after, "after")
    old_read, new_read = old_ref[0], new_ref[0]
    if new_ref[1] > old_ref[1]:
        raise CannotFix("the edited entry reads with a new problem")
    expected = _expected(old_read, new_read, item)
    wrong = [
        f.name
        for f in dataclasses.fields(Reference)
        if f.name not in _PLACE and getattr(expected, f.name) != getattr(new_read, f.name)
    ]
    if wrong:
        raise CannotFix(f"the edited entry reads back with {', '.join(wrong)} not as meant")


def _unfit_value(item: Planned) -> str | None:
    """Why `item`'s new value is no URL, DOI or year as written, or None.

    Our reader takes a BibTeX url field verbatim, so ``\\input{x}`` in it reads back
    as written, but a style that prints the field as text hands it to TeX; the
    characters that are syntax in some format `fix` edits (braces, backslash, a
    quote, a ``%`` that is no %-escape, white space and control characters) are in
    no URL as sent (it is %-encoded) and in no DOI a registry issues today.
    """
    if item.action is Action.SET_YEAR:
        return None if _YEAR.fullmatch(item.new) else "a year is four digits"
    bad = _SYNTAX.search(item.new)
    if bad is not None:
        return f"it holds {bad.group()!r}, which is no part of a URL or DOI as written"
    return None


def _refused(item: Planned, why: str) -> str:
    """The reason shown: the value as a Python literal (its control characters and
    line breaks escaped, a stranger's text never raw on a terminal), cut short."""
    shown = repr(item.new)
    if len(shown) > _SHOWN:
        shown = shown[: _SHOWN - 3] + "..."
    return f"the value {shown} was not written: {why}"


def _read_one(format: str, path: Path, text: str, when: str) -> tuple[Reference, int]:
    """The one entry `text` holds, and the count of its reading problems."""
    bibliography = _read(format, path, text)
    if len(bibliography.references) != 1:
        raise CannotFix(
            f"the entry {when} the edit reads as {len(bibliography.references)} entries, not one"
        )
    return bibliography.references[0], len(bibliography.problems)


def _read(format: str, path: Path, text: str) -> Bibliography:
    source = str(path)
    if format == "bibtex":
        return parse_bibtex(text, source)
    if format == "ris":
        return parse_ris(text, source)
    if format == "csl-json":
        return parse_csl_json("[" + text + "]", source)
    # imported here: the list reader pulls in the free-text parser and its model
    from citeaudit.bibliography.reference_list import list_bibliography
    from citeaudit.manuscript.document import Document, Line

    lines = tuple(Line(source, n, t) for n, t in enumerate(text.split("\n"), start=1))
    markup = _MARKUP.get(path.suffix.lower(), "text")
    return list_bibliography(Document(path=source, format=markup, lines=lines))


def _expected(before: Reference, after: Reference, item: Planned) -> Reference:
    """`before` as `item`'s change should leave it."""
    if item.action in (Action.REPLACE_URL, Action.REPLACE_DOI):
        return _replaced(before, item.old, item.new)
    if item.action is Action.ADD_DOI:
        return _with_doi(before, after, item.new)
    if item.action is Action.SET_YEAR:
        return dataclasses.replace(before, year=int(item.new))
    raise CannotFix(f"no check for {item.action}")


def _replaced(before: Reference, old: str, new: str) -> Reference:
    """Every field that held `old` (whole, as the editor replaces it) holding `new`."""
    pattern = re.compile(re.escape(old) + CONTINUES)

    def sub(value: str) -> str:
        return pattern.sub(lambda _: new, value)

    changes: dict[str, object] = {}
    for f in dataclasses.fields(Reference):
        value = getattr(before, f.name)
        if f.name in _PLACE or f.name in ("authors", "editors"):
            continue
        if isinstance(value, str):
            changes[f.name] = sub(value)
        elif f.name == "urls":
            changes[f.name] = tuple(dict.fromkeys(sub(u) for u in value))
        elif f.name == "extra":
            changes[f.name] = tuple((k, sub(v)) for k, v in value)
    expected = dataclasses.replace(before, **changes)  # type: ignore[arg-type]
    if expected.doi_raw != before.doi_raw:
        expected = dataclasses.replace(
            expected, doi=normalize_doi(expected.doi_raw) if expected.doi_raw else None
        )
    if expected == before:
        raise CannotFix(f"no field of the entry reads as {old!r}")
    return expected


def _with_doi(before: Reference, after: Reference, doi: str) -> Reference:
    """`before` with the DOI `doi` read from its new DOI field, or (a reference list)
    from the resolver link appended, which also counts as one of its links."""
    link = f"https://doi.org/{doi}"
    if after.doi_raw not in (doi, link) or after.doi != normalize_doi(doi):
        raise CannotFix(f"the DOI added reads back as {after.doi_raw!r}, not {doi!r}")
    gained = link in after.urls and link not in before.urls
    urls = (*before.urls, link) if gained else before.urls
    return dataclasses.replace(before, doi=after.doi, doi_raw=after.doi_raw, urls=urls)
