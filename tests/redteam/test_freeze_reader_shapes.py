"""The freeze round's hostile shapes, per reader, stay linear by counted work.

Each shape was grown 1x/10x/100x through a whole offline audit (benches/linearity.py,
the shapes of the freeze round) and grew linearly; these cases keep it so, counted
rather than timed (tests/security/counted_work.py: Python calls and characters handed
to the regular-expression engine, at a base size and at 8 times it; linear grows 8x,
quadratic 64x). Readers are called directly, so a count measures the reader alone.
"""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

import pytest

from citeaudit.bibliography.csl_json import parse_csl_json
from citeaudit.bibliography.csl_yaml import parse_csl_yaml
from citeaudit.bibliography.ris import parse_ris
from citeaudit.manuscript.citations.bare_keys import BareKeyExtractor
from citeaudit.manuscript.citations.latex import LatexExtractor
from citeaudit.manuscript.citations.pandoc import PandocExtractor
from citeaudit.manuscript.document import Document, Line
from citeaudit.manuscript.docx import DocxReader
from tests.security.counted_work import Case, assert_linear

_FOLDER = Path(tempfile.mkdtemp(prefix="citeaudit-freeze-"))
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _document(text: str, format: str = "markdown") -> Document:
    lines = tuple(Line("paper", k, t) for k, t in enumerate(text.split("\n"), 1))
    return Document(path="paper", format=format, lines=lines)


def _docx(body: str, footnotes: str = "") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
        )
        if footnotes:
            archive.writestr(
                "word/footnotes.xml",
                f'<?xml version="1.0"?><w:footnotes xmlns:w="{W}">{footnotes}</w:footnotes>',
            )
    return buffer.getvalue()


def _docx_file(name: str, data: bytes) -> Path:
    path = _FOLDER / name
    path.write_bytes(data)
    return path


def _run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _open_fields(n: int) -> Path:
    field = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    field += '<w:r><w:instrText xml:space="preserve"> ADDIN ZOTERO_ITEM x</w:instrText></w:r>'
    return _docx_file(f"fields{n}.docx", _docx("<w:p>" + field * n + "</w:p>"))


def _notes(n: int) -> Path:
    note = '<w:footnote w:id="{i}"><w:p>' + _run("(Chen, 2018).") + "</w:p></w:footnote>"
    notes = "".join(note.format(i=i + 1) for i in range(n))
    return _docx_file(f"notes{n}.docx", _docx("<w:p>" + _run("Text.") + "</w:p>", notes))


def _ris(n: int) -> str:
    return "TY  - JOUR\nAU  - Smith, J.\n" + "TI  - t\nmore\n" * n + "PY  - 2020\nER  - \n"


def _csl_authors(n: int) -> str:
    authors = ", ".join(f'{{"family": "F{i}", "given": "G"}}' for i in range(n))
    return f'[{{"id": "k", "title": "T", "author": [{authors}], "issued": 2020}}]'


def _csl_deep_items(n: int) -> str:
    deep = "[" * 1100 + "]" * 1100  # past the decoder's recursion: stepped over, read on
    return "[" + ", ".join([deep] * max(n // 2200, 1)) + ', {"id": "k", "title": "T"}]'


def _yaml_folded(n: int) -> str:
    return "references:\n- id: k\n  issued: 2020\n  title: >\n" + "    word\n" * (n // 9)


CASES = {
    "ris: a single-value tag repeated, each continued": Case(
        lambda n: _ris(n // 13), lambda t: parse_ris(t, "r.ris"), 2_000
    ),
    "ris: stray lines and end tags without a record": Case(
        lambda n: "stray\nER  - \n" * (n // 13), lambda t: parse_ris(t, "r.ris"), 2_000
    ),
    "csl-json: one item of many authors": Case(
        lambda n: _csl_authors(n // 32), lambda t: parse_csl_json(t, "r.json"), 4_000
    ),
    "csl-json: items nested past the decoder's depth": Case(
        _csl_deep_items, lambda t: parse_csl_json(t, "r.json"), 4_400
    ),
    "csl-yaml: a folded title over many lines": Case(
        _yaml_folded, lambda t: parse_csl_yaml(t, "r.yaml"), 4_000
    ),
    "pandoc: brackets never closed, one a line": Case(
        lambda n: "Text " + "[@a x\n" * (n // 6),
        lambda t: list(PandocExtractor().markers(_document(t))),
        3_000,
    ),
    "pandoc: one bracket of many keys": Case(
        lambda n: "Text [" + "; ".join(f"@k{i}" for i in range(n // 7)) + "].",
        lambda t: list(PandocExtractor().markers(_document(t))),
        3_000,
    ),
    "latex: optional arguments never closed": Case(
        lambda n: "Text \\cite{k}. " + "\\cite[a " * (n // 8),
        lambda t: list(LatexExtractor().markers(_document(t, "latex"))),
        3_000,
    ),
    "latex: multicite groups never closed": Case(
        lambda n: "Text \\cite{k}. " + "\\cites(a \\cites[b " * (n // 18),
        lambda t: list(LatexExtractor().markers(_document(t, "latex"))),
        3_000,
    ),
    "bare keys: brackets never closed": Case(
        lambda n: "Text " + "[smith2019 " * (n // 11),
        lambda t: list(BareKeyExtractor().markers(_document(t))),
        3_000,
    ),
    "docx: fields begun and never ended": Case(
        lambda n: _open_fields(n // 20), DocxReader().read_with_problems, 2_000
    ),
    "docx: a flood of footnotes": Case(
        lambda n: _notes(n // 20), DocxReader().read_with_problems, 2_000
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_shape_grows_linearly(name: str) -> None:
    assert_linear(__name__, name)
