"""A family name of many leading particles is compared in linear time.

`matching.names.name_forms` dropped a name's leading particles ("van der Berg" ->
"berg") one word at a time, copying the rest of the word list each time: quadratic
in the words. A BibTeX, CSL-JSON or RIS author is not bounded in length, so one entry
whose author is ``de de de ... Smith`` froze the offline audit: 30 KB read in 0.15 s,
120 KB in 1.6 s, 480 KB in 28 s (10x and 18x for 4x the file); an organisation
``the the ... Org`` the same (640 KB: 31 s). The particles are now counted and cut
once. Growth is compared, never timed against a limit (tests/security/growth.py).
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import Phase
from citeaudit.matching.names import name_forms, normalise_name
from tests.security.growth import growth_at

growth = growth_at(8)
_FOLDER = Path(tempfile.mkdtemp(prefix="citeaudit-r11-particles-"))


def _uncached() -> None:
    """The name caches emptied: the growth is the best of three runs, which would
    otherwise read the second and third from `lru_cache`."""
    name_forms.cache_clear()
    normalise_name.cache_clear()


def _forms(name: str) -> object:
    _uncached()
    return name_forms(name)


def _audit_bibtex(bib: str) -> object:
    """One offline audit of a paper citing the entry of `bib`."""
    _uncached()
    (_FOLDER / "refs.bib").write_text(bib, encoding="utf-8")
    (_FOLDER / "paper.md").write_text("As shown (Smith, 2020).\n", encoding="utf-8")
    return audit(
        AuditInput((_FOLDER / "paper.md",), (_FOLDER / "refs.bib",)),
        skipped={Phase.RESOLUTION: "offline", Phase.LINKS: "offline"},
    )


def _entry(author: str) -> str:
    return "@article{k, author = {" + author + "}, title = {T}, year = 2020}\n"


SHAPES: dict[str, tuple[Callable[[int], str], Callable[[str], object]]] = {
    "name forms: leading particles": (lambda n: "de " * (n // 3) + "Smith", _forms),
    "name forms: leading articles": (lambda n: "the " * (n // 4) + "Org", _forms),
    "audit: a BibTeX author of many particles": (
        lambda n: _entry("de " * (n // 3) + "Smith, J."),
        _audit_bibtex,
    ),
    "audit: a BibTeX von part of many particles": (
        lambda n: _entry("J. " + "van " * (n // 4) + "Smith"),
        _audit_bibtex,
    ),
}


@pytest.mark.parametrize("name", SHAPES)
def test_names_of_many_particles_grow_linearly(name: str) -> None:
    build, run = SHAPES[name]
    ratio = growth(build, run, 24_000)
    assert ratio < 20, f"{name}: 8x the input took {ratio:.0f}x the time"


def test_particles_are_still_dropped() -> None:
    """The forms are as before: with and without the leading particles, any number."""
    names, _ = name_forms("van der Berg")
    assert {"vanderberg", "berg"} <= names
    names, _ = name_forms("de de de Smith")
    assert {"dededesmith", "smith"} <= names
    names, _ = name_forms("de la")  # particles only: the last word is kept
    assert {"dela", "la"} <= names
    names, _ = name_forms("The Lancet")
    assert {"thelancet", "lancet"} <= names
