"""A bibliography of many megabytes reads as a small one does.

bibtexparser's model of a file is about seven times its text, so a large file is
given to it in pieces cut before a line that starts a block. Nothing of that may
show: lines, @string macros, crossref parents, duplicate keys and broken entries
anywhere in the file are read as they are in a small file.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography import bibtex
from citeaudit.bibliography.bibtex import parse_bibtex
from citeaudit.bibliography.interface import Bibliography

ENTRY = (
    "@article{{key{i},\n"
    '  author = {{M{{\\"u}}ller, Anna and Smith, B.}},\n'
    "  title = {{On {{DNA}} number {i} and \\emph{{things}}}},\n"
    "  journal = jn,\n"
    "  year = {{{year}}},\n"
    "  abstract = {{{abstract}}},\n"
    "}}\n\n"
)


def big_file() -> tuple[str, dict[str, int]]:
    """About 4 MB: a macro at the top, entries, and odd cases near the end."""
    parts = ['@string{jn = "Journal of Large Files"}\n\n']
    lines: dict[str, int] = {}
    line = 3
    abstract = "A long abstract. " * 40
    for i in range(5000):
        lines[f"key{i}"] = line
        text = ENTRY.format(i=i, year=1990 + i % 30, abstract=abstract)
        parts.append(text)
        line += text.count("\n")
    tail = (
        '@string{jn = "Redefined Journal"}\n\n'  # a second definition is ignored
        "@inproceedings{child, title = {Child}, crossref = {proc}}\n\n"
        "@article{key1, title = {A second key1}}\n\n"
        "@article{broken, title = {Never closed,\n\n"
        "@proceedings{proc, title = {The Proceedings}, year = {2001}, publisher = jn}\n"
    )
    for offset, tail_line in enumerate(tail.split("\n")):
        if tail_line.startswith("@") and not tail_line.startswith("@string"):
            key = tail_line.split("{", 1)[1].split(",", 1)[0]
            lines.setdefault(key if key != "key1" else "key1~2", line + offset)
    parts.append(tail)
    return "".join(parts), lines


def test_a_file_of_megabytes_is_read_whole_with_its_lines() -> None:
    text, lines = big_file()
    assert len(text) > 3_000_000
    bibliography = parse_bibtex(text, "big.bib")
    by_id = {ref.id: ref for ref in bibliography.references}
    assert len(by_id) == 5000 + 3  # child, key1~2, proc; 'broken' is a problem
    for key, line in lines.items():
        if key in by_id:
            assert by_id[key].location.line == line, key
    last = by_id["key4999"]
    assert last.container == "Journal of Large Files"  # the macro from the first lines
    assert last.authors[0].family == "Müller"
    assert last.title == "On DNA number 4999 and things"
    assert by_id["child"].container == "The Proceedings"  # crossref to a later entry
    assert by_id["proc"].publisher == "Journal of Large Files"
    assert by_id["key1~2"].title == "A second key1"
    broken = [p for p in bibliography.problems if "broken" in p.message]
    assert len(broken) == 1 and broken[0].location.line == lines["broken"]


def test_a_crossref_written_through_a_macro_still_finds_its_parent() -> None:
    text = (
        '@string{parent = "proc"}\n'
        "@inproceedings{child, title = {Child}, crossref = parent}\n"
        "@inproceedings{plain, title = {Plain}, crossref = {PROC}}\n"
        "@proceedings{proc, title = {The Proceedings}, year = {2001}}\n"
    )
    by_id = {ref.id: ref for ref in parse_bibtex(text, "m.bib").references}
    assert [by_id[k].container for k in ("child", "plain")] == ["The Proceedings"] * 2
    assert [by_id[k].year for k in ("child", "plain", "proc")] == [2001] * 3
    assert [r.id for r in parse_bibtex(text, "m.bib").references] == ["child", "plain", "proc"]


def commented_file() -> str:
    """Over half a megabyte with what `bibtex_syntax` rewrites all through it: %-lines between
    fields, commented-out entries, a brace on the line after the type."""
    parts = []
    for i in range(3000):
        parts.append(
            f"@article{{key{i},\n"
            f"  title = {{Title {i} with a {{%}} and \\% sign}},\n"
            "% volume = {7},\n"
            f"  year = {{{1990 + i % 30}}},\n"
            "  abstract = {A long abstract. A long abstract. A long abstract. A long one.},\n"
            "}\n\n"
            f"%@article{{old{i},\n%  title = {{Old}},\n% }}\n\n"
        )
        if i % 7 == 0:
            parts.append(f"@book\n  {{broken-line{i}, title = {{Next line}}, year = 2001}}\n\n")
    return "".join(parts)


def read_in_one_piece(text: str, monkeypatch: pytest.MonkeyPatch) -> Bibliography:
    with monkeypatch.context() as patch:
        patch.setattr(bibtex, "_CHUNK", len(text) + 1)
        return parse_bibtex(text, "c.bib")


def test_a_large_file_is_rewritten_piece_by_piece_as_it_would_be_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The rewritten text (`as_bibtex_reads`) is made for one piece at a time: made
    for the whole file, a second copy of it was held beside the file (50,000 real
    entries with a non-Latin-1 character: 74 MB more at the peak). What is read is
    what reading the whole file's rewriting in one piece gives."""
    text = commented_file()
    monkeypatch.setattr(bibtex, "_CHUNK", 50_000)
    assert len(text) > 10 * bibtex._CHUNK
    given: list[int] = []
    rewrite = bibtex.as_bibtex_reads

    def recording(piece: str) -> str | None:
        given.append(len(piece))
        return rewrite(piece)

    monkeypatch.setattr(bibtex, "as_bibtex_reads", recording)
    bibliography = parse_bibtex(text, "c.bib")
    assert len(given) > 10 and max(given) <= 2 * bibtex._CHUNK
    whole = read_in_one_piece(text, monkeypatch)
    assert max(given) == len(text)  # the one piece, for comparison
    assert bibliography == whole
    ids = [ref.id for ref in bibliography.references]
    assert len(ids) == 3000 + 429 and not any(i.startswith("old") for i in ids)
    assert not bibliography.problems


def test_a_cut_inside_a_line_is_never_inside_a_comment_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Where no line starts a block, a piece ends before an ``@type{`` inside a line
    (a file no one writes, bounded all the same) -- but not inside a ``%`` line: its
    two halves, rewritten apart, would read the commented-out entry."""
    text = (
        "@article{a, title = {A}}\n"
        + "%"
        + "x" * 1500
        + " @article{commented, title = {Out}} "
        + "y" * 1500
        + " @misc{alsocommented, title={Out}}\n"
        + "@article{b, title = {B}} "
        + "z" * 2000
        + "@misc{c, title = {C}}\n"
    )
    monkeypatch.setattr(bibtex, "_CHUNK", 1000)
    pieces = [piece for piece, _ in bibtex._chunks(text)]
    assert "".join(pieces) == text and len(pieces) == 3
    assert pieces[2].startswith("@misc{c,")  # inside a line that is no comment line
    bibliography = parse_bibtex(text, "c.bib")
    assert [ref.id for ref in bibliography.references] == ["a", "b", "c"]
    assert bibliography == read_in_one_piece(text, monkeypatch)


def test_entries_whose_brace_is_on_the_next_line_are_cut_between_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``@type`` alone on a line starts a block once rewritten, so a piece may end
    before it: a file of such entries (or of such broken ones, a flood no one writes)
    is read in bounded pieces, not as one (7 MB of broken ones: 100 s, not 4 s)."""
    monkeypatch.setattr(bibtex, "_CHUNK", 20_000)
    given: list[int] = []
    rewrite = bibtex.as_bibtex_reads

    def recording(piece: str) -> str | None:
        given.append(len(piece))
        return rewrite(piece)

    monkeypatch.setattr(bibtex, "as_bibtex_reads", recording)
    entries = "".join(
        f"@article\n% {i}\n  {{key{i}, title = {{T{i}}}, year = 2001}}\n" for i in range(3000)
    )
    bibliography = parse_bibtex(entries, "c.bib")
    assert len(given) > 5 and max(given) <= 2 * bibtex._CHUNK
    assert len(bibliography.references) == 3000 and not bibliography.problems
    assert bibliography == read_in_one_piece(entries, monkeypatch)
    given.clear()
    flood = parse_bibtex("@a\n{x,\n" * 30_000, "flood.bib")
    assert given and max(given) <= 2 * bibtex._CHUNK  # the first piece: too damaged
    assert "not read past this line" in flood.problems[-1].message
