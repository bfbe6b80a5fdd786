"""A Word package's parts draw on one budget of XML tags, not one budget each.

Each part's tree is built whole before it is read (lxml), so a part is refused past
`MAX_TAGS` tags. But the cap was per part: the body, styles, numbering, two note parts
and sixteen custom XML parts could each hold up to 2,000,000 tags. An 8.9 MB upload
(66 MB unpacked, under the service's 64 MiB cap and its 200:1 ratio) whose five parts
held 1,900,000 tags each took 4.4 s of CPU and 1.1 GB of a worker to read one line --
and it charges nothing to the audit's text budget, so twenty of them in one request
were read in turn. Now the parts read share `MAX_PACKAGE_TAGS`, counted before any
tree is built, the body first: a part past what is left is skipped with a problem.
The tests shrink the caps (the counting is what is tested) and count the tags every
parse is handed.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree  # type: ignore[import-untyped]

from citeaudit.manuscript import docx
from citeaudit.manuscript.docx import DocxReader

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
EACH = 16_000  # tags in each filler part


def _filler(root: str, count: int) -> bytes:
    return (f'<{root} xmlns:w="{W}">' + "<w:y/>a" * count + f"</{root}>").encode()


def _package() -> bytes:
    body = (
        f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Rates rose (Okafor, 2018).'
        "</w:t></w:r></w:p>" + "<w:y/>a" * EACH + "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body)
        for part, root in (
            ("word/styles.xml", "w:styles"),
            ("word/numbering.xml", "w:numbering"),
            ("word/footnotes.xml", "w:footnotes"),
            ("word/endnotes.xml", "w:endnotes"),
        ):
            archive.writestr(part, _filler(root, EACH))
    return buffer.getvalue()


def test_the_parts_of_one_package_share_one_budget_of_tags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(docx, "MAX_TAGS", 20_000)
    monkeypatch.setattr(docx, "MAX_PACKAGE_TAGS", 30_000, raising=False)
    parsed: list[int] = []
    build = etree.fromstring

    def counted(data: bytes, *args: Any, **kwargs: Any) -> Any:
        parsed.append(data.count(b"<"))
        return build(data, *args, **kwargs)

    monkeypatch.setattr(etree, "fromstring", counted)
    path = tmp_path / "paper.docx"
    path.write_bytes(_package())
    document, problems = DocxReader().read_with_problems(path)
    assert any("Okafor" in line.text for line in document.lines)  # the body is read
    assert sum(parsed) <= 30_000, parsed  # five parts of 16,000 tags: 80,000 before
    skipped = [p.message for p in problems if "tags" in p.message]
    assert len(skipped) == 4, problems  # each part left out says so
    assert all("skipped" in message for message in skipped)


def test_the_word_files_of_one_audit_share_one_budget_of_tags(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twenty Word files of a full package each, in one upload, were parsed in turn:
    their text (none) charged nothing. The audit's scope counts the tags too."""
    import tempfile

    from citeaudit import input_scope
    from citeaudit.service.inputs import read_files
    from citeaudit.store.views import StoredFile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(docx, "MAX_TAGS", 20_000)
    monkeypatch.setattr(docx, "MAX_PACKAGE_TAGS", 30_000)
    monkeypatch.setattr(input_scope, "DEFAULT_MAX_XML_TAGS", 40_000, raising=False)
    parsed: list[int] = []
    build = etree.fromstring

    def counted(data: bytes, *args: Any, **kwargs: Any) -> Any:
        parsed.append(data.count(b"<"))
        return build(data, *args, **kwargs)

    monkeypatch.setattr(etree, "fromstring", counted)
    package = _package()
    files = [
        StoredFile("manuscript", f"p{i}.docx", "docx", len(package), package) for i in range(5)
    ]
    data = read_files(files)
    assert sum(parsed) <= 40_000, parsed  # five bodies of 16,000 tags: 80,000 before
    assert len(data.manuscripts) == 2  # the first two are read whole
    refused = [p.message for p in data.input_problems if "one audit parses" in p.message]
    assert len(refused) == 3, data.input_problems
