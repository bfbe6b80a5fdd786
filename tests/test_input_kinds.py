"""One list of bibliography suffixes: each reader's own, for the CLI and watch commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.bibliography.bibtex import BibtexReader
from citeaudit.bibliography.csl_json import CslJsonReader
from citeaudit.bibliography.loading import is_bibliography_name
from citeaudit.bibliography.ris import RisReader

CSL = [
    {
        "id": "smith2020",
        "type": "article-journal",
        "author": [{"family": "Smith", "given": "Ann"}],
        "issued": {"date-parts": [[2020]]},
        "title": "A title",
    },
    {
        "id": "lee2019",
        "type": "article-journal",
        "author": [{"family": "Lee", "given": "Bo"}],
        "issued": {"date-parts": [[2019]]},
        "title": "Another title",
    },
]


@pytest.mark.parametrize(
    "reader", [BibtexReader(), RisReader(), CslJsonReader()], ids=lambda r: r.format
)
def test_every_reader_suffix_is_a_bibliography_name(reader: object) -> None:
    for ext in reader.extensions:  # type: ignore[attr-defined]
        assert is_bibliography_name("refs" + ext.upper())


@pytest.mark.parametrize("name", ["paper.md", "paper.tex", "paper.docx", "style.csl", "notes.txt"])
def test_manuscripts_are_not_bibliographies(name: str) -> None:
    assert not is_bibliography_name(name)


@pytest.mark.parametrize("name", ["refs.csl-json", "refs.csljson", "refs.json", "REFS.Json"])
def test_a_csl_json_file_given_beside_the_manuscript_is_read_as_its_bibliography(
    tmp_path: Path, name: str
) -> None:
    (tmp_path / name).write_text(json.dumps(CSL), encoding="utf-8")
    (tmp_path / "paper.md").write_text("As Smith (2020) shows.\n", encoding="utf-8")
    result = audit(AuditInput.from_paths([tmp_path / "paper.md", tmp_path / name]))
    uncited = [f for f in result.findings if f.rule == "uncited-reference"]
    assert len(result.data.references) == 2
    assert [f.reference for f in uncited] == ["lee2019"]
