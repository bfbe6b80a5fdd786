"""One huge paragraph does not exhaust a worker's memory in the uncited checks.

The checks for works named without a citation (`_cited_by_name_and_title`,
`_cited_by_author_page`: a text whose citations the readers mostly missed) index each
body paragraph's words. A paragraph held a list of every match object, a tuple of two
ints a word and every position of every word: about 300 bytes a word. A 20 MB upload
of one paragraph of "a a a ..." (ten million words, within the upload and text
budgets) citing one missing work beside one entry never cited peaked at 165 MB a MB of
text -- past three gigabytes, a worker's whole memory limit (`worker_max_memory_mb`).
Now a paragraph keeps its words' offsets in arrays and each word's positions only as
far as any look goes (`LOOKS`), and a paragraph past `MAX_PARAGRAPH_CHARS` is read in
pieces: memory bounded by the piece, not the upload.

Measured by tracemalloc's peak, not by time.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import Phase
from citeaudit.rules.citations import _cited_by_name_and_title as name_and_title

OFFLINE = {Phase.RESOLUTION: "offline", Phase.LINKS: "offline"}
_LIST = "\n\n# References\n\nLee, K. (2019). Other work. Journal of Things, 2, 3-4.\n"


def _peak(run: object) -> int:
    tracemalloc.start()
    try:
        run()  # type: ignore[operator]
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_paragraph_holds_a_few_machine_words_a_word() -> None:
    words = 200_000
    text = "Text" + " a" * words
    peak = _peak(lambda: name_and_title.Paragraph(text))
    # before: ~300 bytes a word (60 MB here); now three pointers' worth and slack
    assert peak / words < 48, f"{peak / words:.0f} bytes a word"


def test_a_paragraph_keeps_what_its_looks_read() -> None:
    paragraph = name_and_title.Paragraph("Lindgren wrote Northern Waters. " * 500)
    assert len(paragraph.positions["lindgren"]) == name_and_title.LOOKS
    first = list(paragraph.phrase_at(("northern", "waters")))
    assert first[:2] == [2, 6]
    assert paragraph.text[paragraph.starts[2] : paragraph.ends[3]] == "Northern Waters"


def test_a_huge_paragraph_is_read_in_pieces_cut_between_words(monkeypatch: object) -> None:
    monkeypatch.setattr(name_and_title, "MAX_PARAGRAPH_CHARS", 1_000)  # type: ignore[attr-defined]
    text = " ".join(f"word{i}" for i in range(2_000))
    pieces = [p.text for p in name_and_title._pieces(text)]
    assert len(pieces) > 1
    assert all(len(p) <= 1_000 for p in pieces)
    assert "".join(pieces) == text  # nothing lost, every cut at a space
    assert [w for p in pieces for w in p.split()] == text.split()


def test_one_paragraph_upload_is_audited_in_bounded_memory(tmp_path: Path) -> None:
    """The whole audit: a one-paragraph manuscript citing a missing work, one entry
    never cited (the uncited checks run). Before: 45 MB for 300 KB of text."""
    size = 150_000
    paper = tmp_path / "paper.md"
    paper.write_text("Text (Zed, 2020)" + " a" * size + "\n" + _LIST, encoding="utf-8")
    result: list[object] = []

    def run() -> None:
        result.append(audit(AuditInput.from_paths([paper]), skipped=OFFLINE))

    peak = _peak(run)
    (done,) = result
    codes = {f.code for f in done.findings}  # type: ignore[attr-defined]
    assert len(codes) >= 2, codes  # the missing work and the uncited entry
    assert peak / (2 * size) < 40, f"{peak / 1e6:.1f} MB peak for {2 * size:,} characters"


# --- the mention checks read a line's words as they come ------------------------------


def _distinct_words(count: int) -> str:
    # lower-case words all different (no cache shares their strings), of letters only:
    # no digits that read as a year
    return " ".join("w" + f"{i:x}".translate(_LETTERS) for i in range(count))


_LETTERS = str.maketrans("0123456789", "ghijklmnop")


def test_a_line_without_a_year_keeps_only_its_last_words() -> None:
    """`_mentions` kept the last 16 words of a yearless line from a list of all of
    them: 35 MB for a 3 MB line of distinct words, 220 MB for an upload's 20 MB."""
    from citeaudit.rules.citations import _cited_by_mention as mention

    text = _distinct_words(300_000)
    recent: list[str] = []
    peak = _peak(lambda: mention._read(text, recent, set(), {}))
    assert recent == text.split()[-mention._HISTORY :]
    assert peak < 2_000_000, f"{peak / 1e6:.1f} MB peak for a {len(text):,}-character line"


def test_an_undated_entry_named_at_a_huge_line_s_end_is_found_in_bounded_memory(
    tmp_path: Path,
) -> None:
    """`_cited_by_opening` looked for entries' opening words in a list of every word
    of each line. The words now pass through a window of the opening's length; an
    opening at the very end of the line (the window's last words) is still found."""
    from citeaudit.rules.citations import _cited_by_mention as mention

    paper = tmp_path / "paper.md"
    body = "Three works agree (Moreau, 2001). " + _distinct_words(300_000)
    paper.write_text(
        body + " the Quillmark Seed Archive\n\n# References\n\n"
        "Moreau, F. (2001). Cited one. Journal of Things, 6, 1-2.\n\n"
        "Quillmark Seed Archive Online Catalogue. http://quillmark.example.org\n",
        encoding="utf-8",
    )
    done = audit(AuditInput.from_paths([paper]), skipped=OFFLINE)
    assert not [f for f in done.findings if f.code == "CIT001"]  # named: not uncited
    refs = done.data.references
    found: set[str] = set()
    peak = _peak(lambda: found.update(mention._cited_by_opening(done.data, refs)))
    (quillmark,) = [r.id for r in refs if r.raw.startswith("Quillmark")]
    assert found == {quillmark}
    assert peak < 2_000_000, f"{peak / 1e6:.1f} MB peak for a {len(body):,}-character line"


# --- the coverage hint counts the number forms without listing them -------------------


def test_the_coverage_hint_counts_number_forms_in_bounded_memory(tmp_path: Path) -> None:
    """A list whose entries the text never cites gets a hint naming the number form the
    text has most of ("the text has N numbers in round brackets"); each form was counted
    as the length of a list of every match: 300 MB for an upload of "(3) " x 5 million."""
    from citeaudit.rules.citations import _coverage as coverage

    paper = tmp_path / "paper.md"
    entries = "".join(
        f"[{i}] Zed{chr(97 + i)}, J. Title {i}. Journal. 2020;1:1-2.\n\n" for i in range(1, 21)
    )
    paper.write_text("Text " + "(3) " * 100_000 + "\n\n# References\n\n" + entries)
    done = audit(AuditInput.from_paths([paper]), skipped=OFFLINE)
    hint: list[str] = []
    peak = _peak(lambda: hint.append(coverage._hint(done.data)))
    assert "100,000" in hint[0] or "100000" in hint[0], hint
    # the joined text (0.4 MB) and slack; before: 7 MB of listed matches besides
    assert peak < 2_000_000, f"{peak / 1e6:.1f} MB peak"
