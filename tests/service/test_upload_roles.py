"""An upload is sorted into manuscripts and bibliographies as the CLI sorts its arguments.

`refs.csl-json` sent in the manuscript field was read as a manuscript's text: no
entries, no citations, and an audit that "found no problems" having checked nothing.
"""

from __future__ import annotations

import json

import pytest

from citeaudit.service.inputs import LIST_ROLE, read_files
from citeaudit.store.views import StoredFile

_CSL = json.dumps(
    [
        {
            "id": "smith2020",
            "type": "article-journal",
            "title": "A study of things",
            "author": [{"family": "Smith", "given": "Jo"}],
            "issued": {"date-parts": [[2020]]},
        }
    ]
).encode()
_BIB = b"@article{k1, author={Lee, Al}, title={On matters}, journal={J}, year={2019}}\n"


def _file(role: str, name: str, content: bytes) -> StoredFile:
    return StoredFile(role, name, "text", len(content), content)


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("refs.csl-json", _CSL, "csl-json"),
        ("refs.CSLJSON", _CSL, "csl-json"),
        ("refs.json", _CSL, "csl-json"),
        ("refs.bib", _BIB, "bibtex"),
        ("refs.biblatex", _BIB, "bibtex"),
    ],
)
def test_a_bibliography_sent_as_the_manuscript_is_read_as_one(
    name: str, content: bytes, kind: str
) -> None:
    data = read_files([_file("manuscript", name, content)])
    assert data.manuscripts == ()
    assert [(b.format, len(b.references)) for b in data.bibliographies] == [(kind, 1)]


def test_manuscripts_and_pasted_lists_keep_their_roles() -> None:
    text = b"As Smith (2020) showed.\n\nReferences\n\nSmith, J. (2020). A study of things.\n"
    data = read_files(
        [
            _file("manuscript", "paper.md", text),
            _file("bibliography", "refs.csl-json", _CSL),
            _file(LIST_ROLE, "pasted.txt", b"Lee, A. (2019). On matters. J.\n"),
        ]
    )
    assert [d.path for d in data.manuscripts] == ["paper.md"]
    assert sorted(b.source for b in data.bibliographies) == ["pasted.txt", "refs.csl-json"]
