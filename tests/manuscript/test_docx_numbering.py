"""Word auto-numbered lists: the label Word draws starts each entry (issue 12)."""

from __future__ import annotations

from pathlib import Path

from citeaudit.manuscript.docx import DocxReader
from tests.manuscript.test_docx_reader import W, raw_docx, run

NUMBERING = (
    f'<w:numbering xmlns:w="{W}">'
    '<w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="[%1]"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="%1.%2)"/></w:lvl></w:abstractNum>'
    '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/>'
    '<w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>'
    '<w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>'
    '<w:num w:numId="4"><w:abstractNumId w:val="1"/></w:num>'
    '<w:num w:numId="5"><w:abstractNumId w:val="0"/>'
    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>'
    "</w:numbering>"
)


def listed(text: str, num_id: str, ilvl: int = 0, style: str = "ListParagraph") -> str:
    return (
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:numPr><w:ilvl w:val="{ilvl}"/>'
        f'<w:numId w:val="{num_id}"/></w:numPr></w:pPr>{run(text)}</w:p>'
    )


def plain(text: str, style: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{ppr}{run(text)}</w:p>"


ENTRIES = [
    "Okafor N. A made-up paper on altmetrics. J Inf Sci. 2011;3:1-9.",
    "ImpactStory impactstory.org/",
    "Personal communication with A. Berg.",
    "Tan W. Another made-up report. Press; 2012.",
    "See for example: http://example.org/1",
]


def test_auto_numbered_reference_list_keeps_one_entry_per_paragraph(tmp_path: Path) -> None:
    body = (
        plain("Text citing [1], [2], [3], [4] and [5].")
        + plain("References", style="Heading1")
        + "".join(listed(text, "3") for text in ENTRIES)
    )
    path = raw_docx(tmp_path / "n.docx", body, {"word/numbering.xml": NUMBERING.encode()})
    document = DocxReader().read(path)
    assert [e.text for e in document.reference_entries] == [
        f"[{n}] {text}" for n, text in enumerate(ENTRIES, start=1)
    ]


def test_labels_follow_word_counting(tmp_path: Path) -> None:
    body = (
        listed("first", "3")
        + listed("sub a", "3", ilvl=1)
        + listed("sub b", "3", ilvl=1)
        + listed("second", "3")
        + listed("sub again", "3", ilvl=1)
        + listed("a bullet", "4")
        + listed("restarted", "5")
        + listed("Heading in a list", "3", style="Heading1")
        + listed("after heading", "3")
    )
    path = raw_docx(tmp_path / "c.docx", body, {"word/numbering.xml": NUMBERING.encode()})
    texts = [line.text for line in DocxReader().read(path).lines]
    assert texts == [
        "[1] first",
        "1.a) sub a",
        "1.b) sub b",
        "[2] second",
        "2.a) sub again",
        "• a bullet",
        "[7] restarted",
        "Heading in a list",  # a heading keeps its own text, but is counted
        "[4] after heading",
    ]


def test_superscripts_move_with_the_label(tmp_path: Path) -> None:
    sup = '<w:vertAlign w:val="superscript"/>'
    body = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>'
        f"{run('Claim')}{run('12', sup)}</w:p>"
    )
    path = raw_docx(tmp_path / "s.docx", body, {"word/numbering.xml": NUMBERING.encode()})
    line = DocxReader().read(path).lines[0]
    start, end = line.superscripts[0]
    assert line.text[start:end] == "12"


def test_damaged_numbering_part_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    body = listed("item", "3")
    path = raw_docx(tmp_path / "d.docx", body, {"word/numbering.xml": b"<w:numbering"})
    document, problems = DocxReader().read_with_problems(path)
    assert [line.text for line in document.lines] == ["item"]
    assert any("numbering.xml" in p.message for p in problems)


def test_a_hostile_start_value_draws_a_short_label() -> None:
    """A letter list started at 100,000 with the level named twenty times: Word's
    'aaaa…' form would be thousands of letters per reference, per paragraph."""
    from lxml import etree

    from citeaudit.manuscript.docx_numbering import ListLabels

    hostile = (
        f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="100000"/><w:numFmt w:val="lowerLetter"/>'
        f'<w:lvlText w:val="{"%1" * 20}"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
    )
    labels = ListLabels.from_part(etree.fromstring(hostile.encode()))
    drawn = [labels.label("1", 0) for _ in range(3)]
    assert all(0 < len(label) <= 64 for label in drawn)
    assert drawn[0].startswith("100000")
    # Real lists keep Word's letters.
    from citeaudit.manuscript.docx_numbering import _formatted

    assert (_formatted(1, "lowerLetter"), _formatted(28, "upperLetter")) == ("a", "BB")
