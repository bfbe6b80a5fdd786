"""A manuscript whose unheaded numbered list is most of its paragraphs is a manuscript.

Made-up Nature-style Word file: title, two long paragraphs citing by superscript
numbers (lost to plain text: "respiration1,2"), then forty entries "1. Surname, A. ..."
under no heading. Entries outnumber paragraphs, but the paragraphs are body text.
"""

from __future__ import annotations

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.standalone_list import standalone_entries


def lines(text: str) -> list[Line]:
    return [Line("paper.docx", n, t) for n, t in enumerate(text.splitlines(), start=1)]


_ENTRIES = "\n\n".join(
    f"{n}. Okoro, B., Lind, T. & Vale, R. Soil carbon flux number {n}. "
    f"Glob. Change Biol. {n}, 1-9 (20{n:02d})."
    for n in range(1, 41)
)


def _paragraph(words: str, repeat: int) -> str:
    return (words * repeat).strip()


def test_body_paragraphs_make_a_manuscript_however_many_entries_follow() -> None:
    body = _paragraph(
        "Soil respiration is the largest flux of carbon from land1,2 and we show that it "
        "was rising over the decades in which these records were made3. ",
        20,
    )
    methods = _paragraph(
        "We used the global database4, which holds the data that were matched with "
        "their climate; this is described here5,6. ",
        25,
    )
    text = f"Rising soil respiration\n\n{body}\n\n{methods}\n\n{_ENTRIES}\n"
    assert len(body) > 2_000 and len(methods) > 2_000
    assert standalone_entries(lines(text)) is None


def test_a_bare_list_with_a_run_on_unit_is_still_a_list() -> None:
    # a pasted list whose line breaks were lost in one place: one unit of many entries
    run_on = " ".join(
        f"Vale, R. Nitrogen in the topsoil of site {n}. Soil Biol. 4, {n} (2011)."
        for n in range(60)
    )
    text = f"{run_on}\n\n{_ENTRIES}\n"
    assert len(run_on) > 2_000
    entries = standalone_entries(lines(text))
    assert entries is not None and len(entries) == 41
