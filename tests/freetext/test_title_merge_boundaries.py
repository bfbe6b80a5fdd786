"""Where the rules' title ends and the tagger's reading says otherwise (freetext_merge).

The tagger's output is given here by hand (a made-up `Tagging`), so each test checks
the merge rule itself, whatever the shipped model reads.
"""

from __future__ import annotations

import pytest

from citeaudit.bibliography import freetext_crf, freetext_merge
from citeaudit.bibliography.freetext_parsed import ParsedFields


def _tagging(
    pieces: list[tuple[str, str, str, float]],
    title_support: float = 0.99,
    container_support: float | None = None,
) -> tuple[list[str], freetext_crf.Tagging]:
    """(token, tagger label, rules label, tagger confidence) per token."""
    toks = [p[0] for p in pieces]
    labels = [p[1] for p in pieces]
    return toks, freetext_crf.Tagging(
        labels=tuple(labels),
        rules=tuple(p[2] for p in pieces),
        spans=freetext_crf.spans(toks, labels),
        title_support=title_support,
        container_support=container_support,
        confidence=tuple(p[3] for p in pieces),
    )


def _subtitle_entry(
    next_word: str = "A", quoted: bool = False
) -> list[tuple[str, str, str, float]]:
    head = [("Hale,", "author", "A", 1.0), ("J.", "author", "A", 1.0), ("2001.", "date", "Y", 1.0)]
    if quoted:
        title = [("“Harbour", "title", "T", 0.95), ("Lights.”", "title", "T", 0.95)]
    else:
        title = [("Harbour", "title", "T", 0.95), ("Lights.", "title", "T", 0.95)]
    rest = [
        (next_word, "title", "O", 0.9),
        ("History", "title", "O", 0.85),
        ("of", "title", "O", 0.8),
        ("Quays.", "title", "O", 0.75),
        ("Tern", "publisher", "O", 0.99),
        ("Press.", "publisher", "O", 0.99),
    ]
    return head + title + rest


def test_a_subtitle_after_a_full_stop_goes_with_the_title() -> None:
    toks, tagging = _tagging(_subtitle_entry())
    assert freetext_merge._title_goes_on(toks, tagging)


def test_the_subtitle_rule_needs_a_sure_tagger() -> None:
    pieces = _subtitle_entry()
    pieces[-3] = ("of", "title", "O", 0.4)
    toks, tagging = _tagging(pieces)
    assert not freetext_merge._title_goes_on(toks, tagging)


def test_a_place_of_publication_is_no_subtitle() -> None:
    toks, tagging = _tagging(_subtitle_entry(next_word="Dover:"))
    assert not freetext_merge._title_goes_on(toks, tagging)


def test_a_quoted_title_ends_at_its_closing_quote() -> None:
    toks, tagging = _tagging(_subtitle_entry(quoted=True))
    assert not freetext_merge._title_goes_on(toks, tagging)


def _abbreviated_journal(cut: str) -> list[tuple[str, str, str, float]]:
    return [
        ("Ng,", "author", "A", 1.0),
        ("A.,", "author", "A", 1.0),
        ("Quiet", "title", "T", 0.99),
        ("sets", "title", "T", 0.99),
        ("in", "title", "T", 0.99),
        ("a", "title", "T", 0.99),
        (cut, "title", "T", 0.98),
        ("Discr.", "container", "T", 0.6),
        ("Geom.,", "container", "C", 0.9),
        ("4", "volume", "O", 0.9),
        ("(1999).", "date", "Y", 1.0),
    ]


def test_a_title_does_not_run_into_an_abbreviated_journal() -> None:
    toks, tagging = _tagging(_abbreviated_journal("grid,"))
    assert freetext_merge._title_ends_on_container(toks, tagging)


def test_a_full_stop_before_the_journal_may_end_an_abbreviation() -> None:
    # "… in the U.S. | Waterfowl Survey": the stop ends "U.S.", not the title
    toks, tagging = _tagging(_abbreviated_journal("U.S."))
    assert not freetext_merge._title_ends_on_container(toks, tagging)


@pytest.mark.parametrize(
    ("pieces", "rules_title", "title"),
    [
        (
            _subtitle_entry(),
            "Harbour Lights",
            "Harbour Lights. A History of Quays",
        ),
        (
            _abbreviated_journal("grid,"),
            "Quiet sets in a grid, Discr",
            "Quiet sets in a grid",
        ),
    ],
)
def test_the_parser_takes_the_taggers_title_there(
    monkeypatch: pytest.MonkeyPatch,
    pieces: list[tuple[str, str, str, float]],
    rules_title: str,
    title: str,
) -> None:
    toks, tagging = _tagging(pieces)
    monkeypatch.setattr(freetext_crf, "tag", lambda _toks, _hints: tagging)
    f = ParsedFields(title=rules_title)
    assert freetext_merge.refine_with_tagger(" ".join(toks), f)
    assert f.title == title


def _cut_after_de(label: str, rule: str) -> list[tuple[str, str, str, float]]:
    words = ["Le", "jardin", "du", "temps", "de", "Jean", "Morel", "et", "d'Anne", "Roy"]
    return [("Vidal:", "author", "A", 1.0)] + [
        (w, label if i < 5 else "other", rule, 0.9) for i, w in enumerate(words)
    ]


@pytest.mark.parametrize(("label", "rule"), [("title", "T"), ("container", "C")])
def test_a_field_never_ends_on_de_or_of(label: str, rule: str) -> None:
    toks, tagging = _tagging(_cut_after_de(label, rule))
    assert freetext_merge._ends_on_a_linking_word(toks, tagging, label, rule)


def test_the_rules_title_stands_when_the_tagger_cuts_it_after_de(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    toks, tagging = _tagging(_cut_after_de("title", "T"), title_support=0.1)
    monkeypatch.setattr(freetext_crf, "tag", lambda _toks, _hints: tagging)
    whole = "Le jardin du temps de Jean Morel et d'Anne Roy"
    f = ParsedFields(title=whole)
    freetext_merge.refine_with_tagger(" ".join(toks), f)
    assert f.title == whole


def test_a_field_may_end_on_to_or_a() -> None:
    pieces = [("Kay:", "author", "A", 1.0)] + [
        (w, "title" if i < 4 else "other", "T", 0.9)
        for i, w in enumerate(["Nothing", "Left", "to", "Do", "Today"])
    ]
    toks, tagging = _tagging(pieces)
    assert not freetext_merge._ends_on_a_linking_word(toks, tagging)
