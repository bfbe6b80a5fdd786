"""Red team out30: SARIF messages show an entry's bidi override, not obey it.

A SARIF result's ``message.text`` is what code scanning's alert page and an editor's
problems panel draw: the rule's sentence with an entry's label, a title or a file name
quoted in it. An author ``Doe\\u202e`` (no closing U+202C) or a bibliography named
``r\\u202e.bib`` was written into it as U+202E (``\\u202e`` in the JSON text, the same
character to every reader), and a viewer drew the rest of "... is in refs.bib but never
cited" right to left; an ESC or a C1 control in a title reached the panel too. The
message now shows them as the text report does; ``properties`` keep the text exactly.
Checked through the real CLI.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from citeaudit.cli import main

SHOWN_ONLY = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")
BIB = (
    "@article{k1,\n  author = {Doe\u202e, Jane},\n  title = {A \x1b[2Jtitle\x9b31m},\n"
    "  journal = {J},\n  year = {2020},\n}\n"
)


def _sarif(tmp_path: Path) -> dict[str, object]:
    bib = tmp_path / "r\u202e.bib"
    bib.write_text(BIB, encoding="utf-8")
    (tmp_path / "paper.md").write_text("# T\n\nNothing cited here.\n", encoding="utf-8")
    out = tmp_path / "report.sarif"
    main(["check", str(tmp_path / "paper.md"), "--bib", str(bib), "--offline",
          "--format", "sarif", "-o", str(out)])  # fmt: skip
    return json.loads(out.read_text(encoding="utf-8"))


def test_messages_show_what_a_viewer_would_obey(tmp_path: Path) -> None:
    results = _sarif(tmp_path)["runs"][0]["results"]  # type: ignore[index]
    messages = [r["message"]["text"] for r in results]
    assert any("never cited" in m for m in messages)
    for text in messages:
        assert SHOWN_ONLY.search(text) is None, repr(text)
    assert any("Doe\\\\u202e" in m for m in messages)  # shown ("\\" is a backslash)


def test_properties_keep_the_entry_exactly(tmp_path: Path) -> None:
    results = _sarif(tmp_path)["runs"][0]["results"]  # type: ignore[index]
    references = [r["properties"].get("reference") for r in results]
    assert "k1" in references


def test_gitlab_descriptions_show_what_the_widget_would_obey(tmp_path: Path) -> None:
    """The same for the GitLab code quality report's ``description``, the text the merge
    request widget draws (its ``location.path`` still names the file as written)."""
    bib = tmp_path / "r\u202e.bib"
    bib.write_text(BIB, encoding="utf-8")
    (tmp_path / "paper.md").write_text("# T\n\nNothing cited here.\n", encoding="utf-8")
    out = tmp_path / "report.json"
    main(["check", str(tmp_path / "paper.md"), "--bib", str(bib), "--offline",
          "--format", "gitlab", "-o", str(out)])  # fmt: skip
    issues = json.loads(out.read_text(encoding="utf-8"))
    descriptions = [i["description"] for i in issues]
    assert any("never cited" in d for d in descriptions)
    for text in descriptions:
        assert SHOWN_ONLY.search(text) is None, repr(text)
    assert any("Doe\\u202e" in d for d in descriptions)
    assert any(i["location"]["path"].endswith("r\u202e.bib") for i in issues)
