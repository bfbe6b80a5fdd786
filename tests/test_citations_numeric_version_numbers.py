"""A bracket right after a version number cites; after a decimal or an index it does not.

"OpenCV 2.4.11[2]" (a Polish thesis) left entry 2 "never cited": a bracket glued to a
digit was always an index ("x2[3]"). A number of three dotted parts or more is a
version, which no index or decimal ends with. Made-up entries.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def test_versions_cite_decimals_and_indices_do_not(tmp_path: Path) -> None:
    md = tmp_path / "p.md"
    md.write_text(
        "# T\n\nThe value x2[3] and 10.5[1] and v1.2.3[2] and 3.14[3], OpenCV 2.4.11[4].\n\n"
        "## References\n\n[1] A. One, 2010.\n\n[2] B. Two, 2011.\n\n[3] C. Three, 2012.\n\n"
        "[4] D. Four, 2013.\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    uncited = sorted(
        f.message.split(" ")[0] for f in result.findings if f.rule == "uncited-reference"
    )
    assert uncited == ["One", "Three"]
