"""Entries set apart by Markdown's hard line break, a backslash at the line's end.

Pandoc writes a Word line break (Shift+Enter) as a backslash before the newline, so a
list typed with line breaks comes out as one paragraph of lines each ending in "\\".
The lines did not end as entries end (a full stop, a URL) -- they ended in a backslash
-- so the list read as one wrapped entry and every citation but the first was
"missing". Two trailing spaces (the other hard break) were read already. Made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

_ENTRIES = [
    "Smith, J. (2019). A title of the work. Journal of Things, 1, 2-9.",
    "Lee, K. (2020). Other title here. Journal of Things, 2, 3-9.",
    "Roe, M. (2018). Uncited one. Journal of Things, 3, 4-9.",
    "Kim, S. (2017). Fourth work. https://example.org/kim",
]


@pytest.mark.parametrize("separator", ["\\\n", "  \n"])
def test_each_broken_line_is_an_entry(tmp_path: Path, separator: str) -> None:
    md = tmp_path / "p.md"
    md.write_text(
        "# Intro\n\nText (Smith, 2019), (Lee, 2020) and (Kim, 2017).\n\n# References\n\n"
        + separator.join(_ENTRIES)
        + "\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    refs = result.data.references
    assert len(refs) == 4
    assert not any(r.raw.rstrip().endswith("\\\\") for r in refs[1:])
    assert refs[0].raw.endswith("2-9.\\") == (separator == "\\\n")  # written as in the file
    assert [f.code for f in result.findings if f.code.startswith("CIT")] == ["CIT001"]


def test_an_escaped_backslash_is_no_line_break(tmp_path: Path) -> None:
    md = tmp_path / "p.md"
    md.write_text(
        "# Intro\n\nText (Smith, 2019).\n\n# References\n\n"
        "Smith, J. (2019). A path C:\\\\\nwrapped on. Journal, 1, 2-9.\n",
        encoding="utf-8",
    )
    assert len(audit(AuditInput.from_paths([md])).data.references) == 1
