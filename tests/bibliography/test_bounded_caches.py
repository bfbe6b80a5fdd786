"""What reading BibTeX remembers between values stays bounded on hostile input.

The caches that make a real bibliography fast (converted values, pylatexenc's pieces,
field names) live as long as the worker: a file -- or a stream of files -- of
distinct strings must not grow them past their bounds. Bounds are made small here
so that a few thousand strings go past them; the code is the same at full size.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography import bibtex, latex_text
from citeaudit.bibliography.bibtex import parse_bibtex
from citeaudit.bibliography.latex_text import latex_to_unicode


@pytest.fixture
def small_bounds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(latex_text, "_CACHE", {})
    monkeypatch.setattr(latex_text, "_SEGMENTS", {})
    monkeypatch.setattr(latex_text, "_cached_characters", 0)
    monkeypatch.setattr(latex_text, "_CACHE_SIZE", 100)
    monkeypatch.setattr(latex_text, "_CACHE_CHARACTERS", 20_000)


@pytest.mark.usefixtures("small_bounds")
def test_converted_values_stay_within_count_and_characters() -> None:
    longest = 0
    for i in range(3_000):
        value = f'M{{\\"u}}ller number {i} ' + "x" * (i % 7 * 500)
        assert latex_to_unicode(value).startswith("Müller number")
        longest = max(longest, len(value))
        assert len(latex_text._CACHE) <= 100
        # Emptied when full: at most one value (and its result) past the bound.
        assert latex_text._cached_characters <= 20_000 + 2 * longest


@pytest.mark.usefixtures("small_bounds")
def test_pylatexenc_pieces_stay_within_count() -> None:
    for i in range(400):
        assert latex_to_unicode(f"formula $x_{{{i}}}$").startswith("formula x_")
        assert len(latex_text._SEGMENTS) <= 100


def test_field_names_stay_within_count() -> None:
    """Each field name is kept once, for all files; distinct names past the bound are
    read all the same, just not kept."""
    names = [f"field{i}" for i in range(12_000)]
    entries = "".join(f"@misc{{k{i}, {name} = {{v}}}}\n" for i, name in enumerate(names))
    bibliography = parse_bibtex(entries, "many-names.bib")
    assert len(bibliography.references) == len(names)
    assert bibliography.references[-1].extra == ((names[-1], "v"),)
    assert len(bibtex._FIELD_NAMES) <= 10_000
