"""A1: alphabetic labels ("[AbCd15]", "[KMS+15]", "[ex 1]") cite the entry so labelled.

DIN 1505 and BibTeX's alpha style label entries by letters and a short year, or by a
word and a number; the text cites the label. Every input here is made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.manuscript.citations import extract_citations
from citeaudit.manuscript.citations.alpha_labels import ALPHA_LABEL_COMMAND
from citeaudit.manuscript.citations.list_labels import alpha_label, alpha_labels
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.citation import Certainty
from citeaudit.model.location import Location


def _doc(body: str, entries: list[str]) -> Document:
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(body.split("\n"), start=1))
    raws = tuple(RawEntry(e, Location("p.md", 100 + k), e) for k, e in enumerate(entries, start=1))
    return Document("p.md", "markdown", lines, reference_entries=raws)


_DIN = [
    "[AbCd15] Abel, Anna; Cord, Dora: Muster. Verlag, 2015.",
    "[KMS+15] Kahn, Kai; Mai, Mo; Sou, Sven; Tal, Ute: Ströme. Verlag, 2015.",
    "[Mül02] Müller, Max: Ereignisse. Dissertation, 2002.",
    "[vdA11a] van der Aa, Ada: Netze. Verlag, 2011.",
]


def _labels(document: Document) -> list[tuple[str | None, Certainty]]:
    return [
        (c.key, c.certainty)
        for c in extract_citations(document)
        if c.command == ALPHA_LABEL_COMMAND
    ]


@pytest.mark.parametrize(
    ("raw", "label"),
    [
        ("[AbCd15] Abel, Anna: Titel. 2015.", "AbCd15"),
        ("[KMS+15] Kahn, Kai et al.: Titel. 2015.", "KMS+15"),
        ("**[Xy09]** Xylo, Xaver: Titel. 2009.", "Xy09"),
        ("[Xy09]: Xylo, Xaver: Titel. 2009.", "Xy09"),
        ("[ex 1] Beispiel GmbH: Produktseite. URL https://example.org", "ex 1"),
        ("- [Mül02a] Müller, Max: Titel. 2002.", "Mül02a"),
        ("[12] Doe, J. Title. 2012.", None),  # a number's label
        ("[sic] Doe, J. Title. 2012.", None),
        ("Doe, J. [Xy09] Title. 2012.", None),  # not where an entry opens
    ],
)
def test_entry_label(raw: str, label: str | None) -> None:
    assert alpha_label(raw) == label


def test_a_list_is_labelled_by_half_its_entries_at_least() -> None:
    assert alpha_labels(_DIN) == ("AbCd15", "KMS+15", "Mül02", "vdA11a")
    one = ["[Web1] Site. URL x", "Doe, J. (2010). Title.", "Roe, K. (2011). Title."]
    assert alpha_labels(one) == ()


def test_labels_in_brackets_with_locators_and_several_items() -> None:
    document = _doc(
        "Nach [AbCd15] zerfällt es [KMS+15, S. 3]. So auch [Mül02; vdA11a S. 12 f.] und [mül02].",
        _DIN,
    )
    assert _labels(document) == [
        ("AbCd15", Certainty.SURE),
        ("KMS+15", Certainty.SURE),
        ("Mül02", Certainty.SURE),
        ("vdA11a", Certainty.SURE),
        ("mül02", Certainty.SURE),
    ]


def test_an_unlisted_label_of_the_lists_shape_is_cited_another_is_none() -> None:
    document = _doc("Wie [Ijk11] zeigt, steigt [CO2] an; siehe [Abb 3].", _DIN)
    assert _labels(document) == [("Ijk11", Certainty.SURE)]


def test_word_and_number_labels() -> None:
    entries = [
        "[ex 1] Beispiel GmbH: Produktseite. URL https://example.org/1",
        "[ex 2] Muster AG: Preise. URL https://example.org/2",
        "[lit 1] Roth, Uwe: NoSQL. Verlag, 2016.",
    ]
    document = _doc("Die Seite [ex 1] nennt Preise [ex 3], siehe [Tabelle 2].", entries)
    assert _labels(document) == [("ex 1", Certainty.SURE), ("ex 3", Certainty.SURE)]


@pytest.mark.parametrize(
    "body",
    [
        "Nach [AbCd15](https://example.org) geht es.",  # a link
        "Nach [AbCd15 und mehr] geht es.",  # prose in brackets
        "`[AbCd15]` ist ein Code.",
    ],
)
def test_brackets_that_are_no_labels(body: str) -> None:
    assert _labels(_doc(body, _DIN)) == []


def test_nothing_read_where_the_list_has_no_labels() -> None:
    entries = ["Abel, A. (2015). Muster.", "Cord, D. (2016). Ströme."]
    assert _labels(_doc("Nach [AbCd15] und [Xy09].", entries)) == []


def test_labels_resolve_to_their_entries(tmp_path: Path) -> None:
    md = tmp_path / "arbeit.md"
    md.write_text(
        "# Einleitung\n\nNach [KMS+15, S. 3] und [Mül02; vdA11a] folgt [Zz99].\n\n"
        "# Literatur\n\n" + "\n\n".join(_DIN) + "\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    uncited = sorted(
        r.raw[:8]
        for f in result.findings
        if f.code == "CIT001"
        for r in result.data.references
        if r.id == f.reference
    )
    missing = sorted(f.message[:6] for f in result.findings if f.code == "CIT002")
    assert uncited == ["[AbCd15]"]
    assert missing == ["[Zz99]"]
