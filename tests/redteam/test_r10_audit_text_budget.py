"""One audit reads a bounded amount of manuscript text in all, not that much per file.

A Word document is a ZIP: its bytes do not bound its text, so each is read to
`docx_budget.MAX_TEXT_CHARS` (ten million characters, ~12 s of a worker for plain
words, more for text full of years and brackets). An upload carries twenty files, and
a 70 KB .docx compressed 150:1 (under the upload check's 200:1) unpacks to ten million
characters: twenty of them were 200 million characters of text in a 1.4 MB upload,
past the parse time limit. The characters of every manuscript count on the audit's
`InputScope`, as its lines do (test_r10_audit_line_budget): once the audit holds its
budget, a further file is not read. The budget is small here so the test is fast.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from citeaudit.audit import AuditInput, read_inputs
from citeaudit.input_scope import DEFAULT_MAX_CHARS, InputScope

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
BUDGET = 10_000


def _docx(path: Path, chars: int) -> Path:
    words = ("alpha beta gamma delta " * (chars // 23 + 1))[:chars]
    body = f"<w:p><w:r><w:t>Okafor (2018) showed it. {words}</w:t></w:r></w:p>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "word/document.xml",
            f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>',
        )
    return path


def test_many_word_files_are_read_to_one_text_budget_for_the_audit(tmp_path: Path) -> None:
    files = [_docx(tmp_path / f"part{n}.docx", 4_000) for n in range(8)]
    scope = InputScope.confined_to(tmp_path, max_chars=BUDGET)
    data = read_inputs(AuditInput.from_paths(files), scope)
    read = sum(len(line.text) for m in data.manuscripts for line in m.lines)
    assert read <= BUDGET + 4_100  # the file that crosses it is read whole, no later one
    refused = [p for p in data.input_problems if "not read" in p.message]
    assert len(refused) == 5, [p.message for p in data.input_problems]
    assert all("characters" in p.message and p.unreadable for p in refused)


def test_text_files_draw_on_the_same_budget(tmp_path: Path) -> None:
    files = []
    for n in range(5):
        path = tmp_path / f"part{n}.md"
        path.write_text("Okafor showed it (Okafor, 2018). " + "word " * 800 + "\n")
        files.append(path)
    scope = InputScope.confined_to(tmp_path, max_chars=BUDGET)
    data = read_inputs(AuditInput.from_paths(files), scope)
    assert len([p for p in data.input_problems if "not read" in p.message]) == 2


def test_the_default_text_budget_is_past_any_manuscript() -> None:
    assert InputScope().max_chars == DEFAULT_MAX_CHARS >= 20_000_000
