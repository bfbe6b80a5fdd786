"""`--reference-list refs.csl-json` (or a .bib, .ris): a file named as a structured
bibliography is read by its format's reader, not as pasted text. Read as text, a
CSL-JSON array was one "entry" titled `id`, every citation of the manuscript was
"missing" and that entry "uncited". Made-up works only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

_MANUSCRIPT = "Rivers move (Lund & Vale, 2021), and so do glaciers (Okafor, 2019).\n"
_CSL = [
    {
        "id": "lund2021",
        "type": "article-journal",
        "title": "Outsourcing effort to imaginary machines",
        "author": [{"family": "Lund", "given": "Mira"}, {"family": "Vale", "given": "Tomas"}],
        "issued": {"date-parts": [[2021]]},
    },
    {
        "id": "okafor2019",
        "type": "article-journal",
        "title": "Made-up glaciers",
        "author": [{"family": "Okafor", "given": "B."}],
        "issued": {"date-parts": [[2019]]},
    },
]
_BIB = """@article{lund2021, author = {Lund, Mira and Vale, Tomas},
  title = {Outsourcing effort to imaginary machines}, year = {2021}}
@article{okafor2019, author = {Okafor, B.}, title = {Made-up glaciers}, year = {2019}}
"""


@pytest.mark.parametrize(
    ("name", "content"),
    [("refs.csl-json", json.dumps(_CSL)), ("refs.json", json.dumps(_CSL)), ("refs.bib", _BIB)],
)
def test_a_reference_list_named_as_a_bibliography_is_read_by_its_format(
    tmp_path: Path, name: str, content: str
) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text(_MANUSCRIPT, encoding="utf-8")
    refs = tmp_path / name
    refs.write_text(content, encoding="utf-8")
    result = audit(AuditInput.from_paths([paper], reference_lists=[refs]))
    assert sorted(r.id for r in result.data.references) == [
        "lund2021",
        "okafor2019",
    ]
    assert [f.rule for f in result.findings] == []


def test_a_text_reference_list_is_still_read_as_text(tmp_path: Path) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text(_MANUSCRIPT, encoding="utf-8")
    refs = tmp_path / "refs.txt"
    refs.write_text(
        "Lund, M., & Vale, T. (2021). Outsourcing effort to imaginary machines.\n\n"
        "Okafor, B. (2019). Made-up glaciers.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([paper], reference_lists=[refs]))
    assert len([r for r in result.data.references]) == 2
    assert [f.rule for f in result.findings] == []


_RIS = """TY  - JOUR
AU  - Lund, Mira
AU  - Vale, Tomas
TI  - Outsourcing effort to imaginary machines
PY  - 2021
ID  - lund2021
ER  -

TY  - JOUR
AU  - Okafor, B.
TI  - Made-up glaciers
PY  - 2019
ID  - okafor2019
ER  -
"""


@pytest.mark.parametrize("content", [json.dumps(_CSL), _BIB, _RIS], ids=["csl", "bib", "ris"])
def test_a_list_upload_stored_as_text_is_read_by_what_it_holds(
    tmp_path: Path, content: str
) -> None:
    # the service stores a list upload as .txt whatever its name: the content decides
    paper = tmp_path / "paper.md"
    paper.write_text(_MANUSCRIPT, encoding="utf-8")
    refs = tmp_path / "reference_list.txt"
    refs.write_text(content, encoding="utf-8")
    result = audit(AuditInput.from_paths([paper], reference_lists=[refs]))
    assert len(result.data.references) == 2
    assert [f.rule for f in result.findings] == []


def test_a_list_numbered_in_brackets_is_text_not_json(tmp_path: Path) -> None:
    paper = tmp_path / "paper.md"
    paper.write_text("Rivers move [1], and so do glaciers [2].\n", encoding="utf-8")
    refs = tmp_path / "reference_list.txt"
    refs.write_text(
        "[1] M. Lund and T. Vale, Outsourcing effort to imaginary machines, 2021.\n"
        "[2] B. Okafor, Made-up glaciers, 2019.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([paper], reference_lists=[refs]))
    assert len(result.data.references) == 2
    assert [f.rule for f in result.findings] == []
