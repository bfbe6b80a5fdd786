"""A list written in HTML inside Markdown: ``<ol>``, ``<li>...</li>``.

Markdown converted from a web page or written by hand for numbering keeps the list as
HTML. Read as text, "<ol>" became an entry and "<li>Smith" its author: every citation
was a name mismatch or "missing". Each ``<li>`` is an item (numbered in an ``<ol>``),
the list's own tags are no entries. Made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

_ENTRIES = [
    "Smith, J. (2019). A title of the work. Journal of Things, 1, 2-9.",
    "Lee, K. (2020). Other title here. Journal of Things, 2, 3-9.",
    "Roe, M. (2018). Uncited one. Journal of Things, 3, 4-9.",
]


@pytest.mark.parametrize("tag", ["ol", "ul"])
def test_html_items_are_entries(tmp_path: Path, tag: str) -> None:
    items = "".join(f'  <li class="ref">{e}</li>\n' for e in _ENTRIES)
    md = tmp_path / "p.md"
    md.write_text(
        "# Intro\n\nText (Smith, 2019) and (Lee, 2020).\n\n# References\n\n"
        f"<{tag}>\n{items}</{tag}>\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    refs = result.data.references
    assert [r.authors[0].family for r in refs] == ["Smith", "Lee", "Roe"]
    assert [f.code for f in result.findings if f.code.startswith("CIT")] == ["CIT001"]


def test_items_of_an_ordered_list_are_numbered(tmp_path: Path) -> None:
    items = "".join(f"<li>{e}</li>\n" for e in _ENTRIES)
    md = tmp_path / "p.md"
    md.write_text(
        f"# Intro\n\nAs shown [1] and [2].\n\n# References\n\n<ol>\n{items}</ol>\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    assert len(result.data.references) == 3
    assert [f.code for f in result.findings if f.code.startswith("CIT")] == ["CIT001"]
