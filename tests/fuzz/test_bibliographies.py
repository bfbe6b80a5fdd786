"""Fuzz: the BibTeX, RIS and CSL-JSON readers, the file loader, the free-text parser.

Property: a Bibliography comes back -- entries and problems that name the file and
a line -- or InputError for a file that cannot be read at all. These readers clean
what they decode, so their output must also encode as UTF-8.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from citeaudit.bibliography.bibtex import parse_bibtex
from citeaudit.bibliography.csl_json import parse_csl_json
from citeaudit.bibliography.freetext import parse_reference
from citeaudit.bibliography.interface import Bibliography
from citeaudit.bibliography.loading import read_bibliography
from citeaudit.bibliography.ris import parse_ris
from citeaudit.model.location import Location
from tests.fuzz import strategies as s
from tests.fuzz.harness import assert_encodable, assert_serialisable, example, readable, scratch


def check(bibliography: Bibliography, source: str) -> None:
    assert bibliography.source == source
    for problem in bibliography.problems:
        assert problem.location.file == source
        assert problem.location.line is None or problem.location.line >= 1
        assert problem.message
    for reference in bibliography.references:
        assert reference.id
        assert reference.location.file == source


@given(s.bibtex_text)
def test_bibtex(text: str) -> None:
    with example("bibtex", text):
        bibliography = parse_bibtex(text, "refs.bib")
        check(bibliography, "refs.bib")
        assert_serialisable(bibliography)


@given(s.ris_text)
def test_ris(text: str) -> None:
    with example("ris", text):
        bibliography = parse_ris(text, "refs.ris")
        check(bibliography, "refs.ris")
        assert_serialisable(bibliography)


@given(s.csl_json_text)
def test_csl_json(text: str) -> None:
    with example("csl-json", text):
        bibliography = parse_csl_json(text, "refs.json")
        check(bibliography, "refs.json")
        assert_encodable(bibliography)


@given(
    st.one_of(s.bibtex_text, s.ris_text, s.csl_json_text).map(
        lambda t: t.encode("utf-8", "surrogatepass")
    )
    | st.binary(max_size=2000),
    st.sampled_from(("refs.bib", "refs.ris", "refs.json", "refs", "refs.txt")),
)
def test_bibliography_file(data: bytes, name: str) -> None:
    """Through the loader: bytes that may be invalid UTF-8, UTF-16, binary."""
    path: Path = scratch("bibfile") / name
    path.write_bytes(data)
    with example("bibliography-file", data, name):
        bibliography = readable("bibliography-file", lambda: read_bibliography(path))
        if bibliography is not None:
            check(bibliography, str(path))
            assert_encodable(bibliography)


@given(s.reference_text)
def test_freetext_parser(text: str) -> None:
    with example("freetext", text):
        reference = parse_reference(text, id="ref-1", index=1, location=Location("paper.md", 3))
        assert reference.id == "ref-1"
        assert_serialisable(reference)
