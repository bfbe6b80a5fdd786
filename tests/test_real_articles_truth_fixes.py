"""The real-article bench's truth: fixes to what it reads from the XML and the corpus.

Each test here was written for a truth bug that made the bench's headline figures
wrong (an empty title on every translation, synthetic fixtures scored as articles,
a name linked to an unrelated year as a citation, a publisher row no option selects).
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCHES = Path(__file__).resolve().parent.parent / "benches"
sys.path.insert(0, str(BENCHES))

from real_articles_jats import article_record  # noqa: E402

TRANSLATED = """<?xml version="1.0"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="pt" article-type="research-article">
<front><article-meta><article-id pub-id-type="doi">10.1/T.2</article-id>
<title-group><article-title>Garças do brejo</article-title></title-group>
<permissions><license xlink:href="https://creativecommons.org/licenses/by/4.0/">
<license-p>Aberto.</license-p></license></permissions></article-meta></front>
<body><p>Garças nidificam (<xref ref-type="bibr" rid="r1">Aalto, 2001</xref>).</p></body>
<back><ref-list>{refs}</ref-list></back>
<sub-article article-type="translation" xml:lang="en" id="s1">
<front-stub><title-group><article-title>Herons of the marsh</article-title></title-group>
</front-stub>
<body><p>Herons nest (<xref ref-type="bibr" rid="r1">Aalto, 2001</xref>), as
<xref ref-type="bibr" rid="r2">Borg (2003)</xref> counted.</p></body>
</sub-article></article>
"""
REFS = "".join(
    f'<ref id="r{i}"><element-citation id="c{i}"><person-group person-group-type="author">'
    f"<name><surname>{name}</surname><given-names>A</given-names></name></person-group>"
    f"<article-title>{title}</article-title><source>Ibis</source><year>{year}</year>"
    f"</element-citation></ref>"
    for i, (name, title, year) in enumerate(
        [("Aalto", "Reeds", 2001), ("Borg", "Counting", 2003), ("Cato", "More", 2004)], 1
    )
)


def test_translation_record_has_its_own_title() -> None:
    data = TRANSLATED.format(refs=REFS).encode()
    original = article_record(data, {"id": "t/a"})
    translated = article_record(data, {"id": "t/a"}, "en")
    assert original is not None and translated is not None
    assert original["title"] == "Garças do brejo"
    assert translated["title"] == "Herons of the marsh"
    # The title is the manuscript's first line, as for the original.
    assert translated["paras"][0] == {"h": 1, "t": "Herons of the marsh", "sup": [], "cit": []}
    # The inner ids of the entries still name them (the loop that read them once
    # overwrote the translation it had found).
    assert translated["refs"][1]["cited"] is True


def _plain(text: str, first: str, year: str, authors: str = "") -> bool:
    from real_articles_jats import plain_text_cited

    paras = [{"h": 0, "t": text, "sup": [], "cit": []}]
    refs = [{"first": first, "year": year, "text": f"{authors or first} ({year}) A work."}]
    return plain_text_cited(paras, refs, set()) == {0}


def test_plain_text_citation_is_a_name_and_its_year_in_one_citation() -> None:
    assert _plain("as Wu et al. (2007) showed", "Wu", "2007")
    # The entry must be the work of the names written (REAL_MANUSCRIPTS_TRUTH20.md, rule 3).
    three = "Barbosa A, Oliveira B, Resende C"
    assert _plain("(Barbosa, Oliveira e Resende, 2010)", "Barbosa", "2010", three)
    assert _plain("Anderson and colleagues (Anderson 1975, 1976)", "Anderson", "1976")
    assert _plain("(BAKHTIN, 2008 [1963], 2011 [1954])", "Bakhtin", "1954")
    assert _plain(
        "Psychotria Carse, Trans. & Proc. New Zealand Inst. 57: 91. 1926", "Carse", "1926"
    )


def test_a_name_near_an_unrelated_year_is_no_citation() -> None:
    # A specimen's collector, number and date.
    assert not _plain("Ponape: 30 Jul 1933, Kanehira 2301 (FU); Kusaie", "Kanehira", "1933")
    # Another work's year after a semicolon or a closing bracket.
    assert not _plain("(Wurdack et al. 2004; Samuel et al. 2005)", "Wurdack", "2005")
    assert not _plain("Beenen et al. (2005) use spots. In 1998 they", "Beenen", "1998")


def test_fixtures_are_told_from_articles_by_their_marks() -> None:
    from real_articles_screen import not_an_article

    article = {
        "title": "Herons of the marsh",
        "doi": "10.1590/0102-311x00151513",
        "source": {"path": "data/heron/article.xml"},
        "paras": [{"h": 0, "t": "Herons nest in reeds (Aalto, 2001), dolorous as it is."}],
    }
    assert not_an_article(article) is None
    filler = {**article, "paras": [{"h": 0, "t": "Lorem [1] ipsum [2] dolor sit amet."}]}
    assert "filler" in (not_an_article(filler) or "")
    assert "DOI" in (not_an_article({**article, "doi": "10.7554/elife.1234567890"}) or "")
    assert "DOI" in (not_an_article({**article, "doi": "10.5555/12345"}) or "")
    named = {**article, "source": {"path": "tests/sample-xml/elife-kitchen-sink.xml"}}
    assert "fixture" in (not_an_article(named) or "")


def test_bench_leaves_fixtures_and_their_translations_out() -> None:
    from real_articles import not_scored

    real = {"id": "p/a", "group": "p/a", "title": "Herons", "doi": "10.1/a", "paras": []}
    fixture = {**real, "id": "p/b", "group": "p/b", "title": "Kitchen sink"}
    translation = {**real, "id": "p/b~en", "group": "p/b", "title": "Cozinha"}
    left_out = not_scored([real, fixture, translation])
    assert set(left_out) == {"p/b", "p/b~en"}


def test_publisher_other_names_the_small_publishers_row() -> None:
    from collections import Counter

    from real_articles import publisher_rows

    rows = publisher_rows(Counter({"PLOS": 40, "MDPI": 3, "OUP": 1, "other": 2}))
    assert rows == {"PLOS": "PLOS", "MDPI": "other", "OUP": "other", "other": "other"}
    # One small publisher alone keeps its name (its row is not merged into "other").
    assert publisher_rows(Counter({"PLOS": 40, "OUP": 1}))["OUP"] == "OUP"


def test_load_makes_uncited_truth_again_from_the_current_reading() -> None:
    from real_articles import _current_truth

    text = "Reeds grow (Aalto 2001). Ponape: 30 Jul 1933, Kanehira 2301 (FU)."
    refs = [
        {"label": "", "first": first, "names": [first], "year": year, "text": f"{first} ({year})."}
        for first, year in (("Aalto", "2001"), ("Kanehira", "1933"))
    ]
    # As stored by a build whose reading took "Kanehira ... 1933" for a citation.
    record = {
        "style": "author-year",
        "numbered_list": False,
        "paras": [{"h": 0, "t": text, "sup": [], "cit": [[12, 22, [0], False]]}],
        "refs": refs,
        "uncited_truth": [],
    }
    assert _current_truth(record)["uncited_truth"] == [1]
    assert record["refs"][1]["unlinked"] is False
