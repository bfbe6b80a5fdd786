"""The real-article bench's ground truth: JATS -> record, rendering, perturbation, scoring.

The bench's figures are only as good as the truth it reads from the XML, so the parts
that make that truth are tested here on small JATS written for the test.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

BENCHES = Path(__file__).resolve().parent.parent / "benches"
sys.path.insert(0, str(BENCHES))

from real_articles_corpus import corpus_file, read_records  # noqa: E402
from real_articles_jats import article_record, licence_of, parse_xml  # noqa: E402
from real_articles_render import para_key, perturb, render_docx, render_text  # noqa: E402

CORPUS = corpus_file()

NUMERIC = b"""<?xml version="1.0"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS//EN" "JATS-archivearticle1.dtd">
<article xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="en">
<front><journal-meta><publisher><publisher-name>Test Press</publisher-name></publisher>
</journal-meta><article-meta><article-id pub-id-type="doi">10.1/T.1</article-id>
<title-group><article-title>Heron nests</article-title></title-group>
<permissions><license xlink:href="https://creativecommons.org/licenses/by/4.0/">
<license-p>Open.</license-p></license></permissions></article-meta></front>
<body><sec><title>Intro</title>
<p>Herons nest in reeds <xref ref-type="bibr" rid="r1">[1]</xref>, as counted
<xref ref-type="bibr" rid="r2">[2]</xref>&#x2013;<xref ref-type="bibr" rid="r4">[4]</xref>.
Egrets differ<sup><xref ref-type="bibr" rid="r5">5</xref></sup>.</p>
<p>Cranes were never tagged (Okonkwo 2011).</p>
<table-wrap><table><tr><td><xref ref-type="bibr" rid="r7">7</xref></td></tr></table></table-wrap>
</sec></body>
<back><ref-list>
<ref id="r1"><label>1</label>
<mixed-citation>Aalto P, Berg K. Reeds. J Birds. 2001;3:1-9.</mixed-citation></ref>
<ref id="r2"><label>2</label>
<mixed-citation>Borg L. Counting herons. Ibis. 2003;4:2-8.</mixed-citation></ref>
<ref id="r3"><label>3</label>
<mixed-citation>Cato M. More herons. Ibis. 2004;5:3-7.</mixed-citation></ref>
<ref id="r4"><label>4</label>
<mixed-citation>Dahl N. Herons again. Ibis. 2005;6:1-4.</mixed-citation></ref>
<ref id="r5"><label>5</label><element-citation><person-group person-group-type="author">
<name><surname>Eze</surname><given-names>Chidi</given-names></name></person-group>
<article-title>Egrets</article-title><source>Auk</source><year>2009</year>
<volume>12</volume><fpage>5</fpage><lpage>9</lpage></element-citation></ref>
<ref id="r6"><label>6</label><element-citation><person-group person-group-type="author">
<name><surname>Okonkwo</surname><given-names>A</given-names></name></person-group>
<article-title>Cranes</article-title><source>Auk</source><year>2011</year></element-citation></ref>
<ref id="r7"><label>7</label>
<mixed-citation>Ferro T. Table only. Auk. 2012;1:1.</mixed-citation></ref>
<ref id="r8"><label>8</label>
<mixed-citation>Gale R. Never cited. Auk. 2013;2:2.</mixed-citation></ref>
</ref-list></back></article>
"""


@pytest.fixture(scope="module")
def record() -> dict:
    rec = article_record(NUMERIC, {"repo": "test/test", "path": "a.xml", "commit": "0" * 40})
    assert rec is not None
    rec["id"] = "test/heron"
    rec["publisher_family"] = "Test"
    return rec


def _cited_by_text(rec: dict) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for para in rec["paras"]:
        for s, e, targets, _sup in para["cit"]:
            out[para["t"][s:e]] = targets
    return out


def test_citations_keep_the_publishers_text_and_targets(record: dict) -> None:
    cited = _cited_by_text(record)
    assert cited["[1]"] == [0]
    assert cited["5"] == [4]
    # The range's first end carries the entries between the two linked ends.
    assert cited["[2]"] == [1, 2]
    assert cited["[4]"] == [3]


def test_superscript_xref_is_a_superscript_span(record: dict) -> None:
    para = next(p for p in record["paras"] if "Egrets" in p["t"])
    s, e = next((c[0], c[1]) for c in para["cit"] if para["t"][c[0] : c[1]] == "5")
    assert [s, e] in para["sup"]
    assert para["t"][s - 6 : e] == "differ5"


def test_uncited_truth_leaves_out_plain_text_citations_and_counts_tables_out(record: dict) -> None:
    # r6 is cited in plain text ("Okonkwo 2011") without an xref: counted as cited.
    assert record["refs"][5]["unlinked"] is True
    # r7 is cited only inside a table, which the manuscript does not carry; r8 never.
    assert record["uncited_truth"] == [6, 7]


def test_metadata(record: dict) -> None:
    assert record["licence"] == "CC-BY-4.0"
    assert record["doi"] == "10.1/t.1"
    assert record["language"] == "en"
    assert record["style"] == "numeric-brackets"
    assert record["numbered_list"] is True


def test_structured_entry_is_written_out() -> None:
    rec = article_record(NUMERIC, {})
    assert rec is not None
    assert rec["refs"][4]["text"].startswith("Eze C. Egrets. Auk. 2009;12:5–9")
    assert rec["refs"][4]["year"] == "2009"


def test_licence_from_text_when_no_url() -> None:
    root = parse_xml(
        b"<article><license><license-p>distributed under the terms of the Creative "
        b"Commons Attribution License</license-p></license></article>"
    )
    assert licence_of(root) == "CC-BY"
    assert licence_of(parse_xml(b"<article><p>All rights reserved</p></article>")) == ""


def test_markdown_and_text_rendering(record: dict) -> None:
    md = render_text(record, "md")
    assert "differ^5^." in md
    assert "\n## References\n\n1. Aalto P" in md
    txt = render_text(record, "txt")
    assert "differ⁵." in txt
    assert "\nReferences\n" in txt


def test_docx_rendering_has_superscript_and_zotero_fields(record: dict, tmp_path: Path) -> None:
    import docx

    path = tmp_path / "m.docx"
    render_docx(record, path)
    document = docx.Document(str(path))
    runs = [r for p in document.paragraphs for r in p.runs]
    assert any(r.text == "5" and r.font.superscript for r in runs)
    xml = document.element.xml
    assert "ADDIN ZOTERO_ITEM CSL_CITATION" in xml
    assert "ADDIN ZOTERO_BIBL" in xml
    texts = [para_key(p.text) for p in document.paragraphs]
    assert para_key(record["paras"][2]["t"]) in texts


def test_perturbation_removes_an_entry_and_all_citations_of_another(record: dict) -> None:
    rec = dict(record)
    rec["refs"] = [dict(r, unlinked=False) for r in record["refs"]]  # allow every entry
    out = perturb(rec)
    assert out is not None
    removed, uncited = out["removed_entry"], out["uncited_entry"]
    assert removed != uncited
    assert removed not in [r["orig"] for r in out["refs"]]
    assert all(uncited not in c[2] for p in out["paras"] for c in p["cit"])
    assert uncited in out["uncited_truth"]
    # Spans still point at their own text after the cut.
    before = _cited_by_text(record)
    for para in out["paras"]:
        for s, e, targets, _ in para["cit"]:
            assert before[para["t"][s:e]] == targets
    assert "  " not in "".join(p["t"] for p in out["paras"])
    assert "[]" not in "".join(p["t"] for p in out["paras"])


def test_alignment_maps_by_text_not_position() -> None:
    from real_articles import align_entries

    truth = [(0, "Aalto P. Reeds. J Birds. 2001"), (1, "Borg L. Counting herons. 2003")]
    # A merged entry maps to its first part; the unknown one to nothing.
    found = ["1. Aalto P. Reeds. J Birds. 2001 Borg L. Counting", "Something else entirely"]
    assert align_entries(found, truth) == [0, None]
    assert align_entries(["Borg L. Counting herons. 2003"], truth) == [1]


RANGE_AND_LABELS = b"""<?xml version="1.0"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="sl">
<front><journal-meta><publisher><publisher-name>Test Press</publisher-name></publisher>
</journal-meta><article-meta><title-group><article-title>Sove</article-title></title-group>
<permissions><license xlink:href="https://creativecommons.org/licenses/by-nc/4.0/">
<license-p>Open.</license-p></license></permissions></article-meta></front>
<body><p>Sove gnezdijo v duplih [<xref ref-type="bibr" rid="b1">1</xref><xref
ref-type="bibr" rid="b2"/>-<xref ref-type="bibr" rid="b3">3</xref>]. Nekaj
<xref ref-type="bibr" rid="b4"/>ostane.</p></body>
<back><ref-list>
<ref id="b1"><label>1</label>
<mixed-citation>. Kos A. Sove. Ptice. 2001;3:1-9.</mixed-citation></ref>
<ref id="b2"><label>2</label>
<mixed-citation>. Lah B. Dupla. Ptice. 2002;4:2-8.</mixed-citation></ref>
<ref id="b3"><label>3</label>
<mixed-citation>. Mak C. Gnezda. Ptice. 2003;5:3-7.</mixed-citation></ref>
<ref id="b4"><label>4</label><element-citation publication-type="book">
<person-group person-group-type="editor"><name><surname>Novak</surname>
<given-names>Dan</given-names></name></person-group>
<source>Ptice Slovenije</source><publisher-name>Zalozba</publisher-name><year>2004</year>
</element-citation></ref>
</ref-list></back></article>
"""


def test_touching_numeric_xrefs_are_printed_apart() -> None:
    # Nature's JATS: a superscript group of bare xrefs, nothing between them; its pages
    # print "2,3". Rendered as the XML runs them together, "^23^" was citation 23.
    jats = NUMERIC.replace(
        b'Egrets differ<sup><xref ref-type="bibr" rid="r5">5</xref></sup>.',
        b'Egrets differ<sup><xref ref-type="bibr" rid="r5">5</xref>'
        b'<xref ref-type="bibr" rid="r6">6</xref><xref ref-type="bibr" rid="r7">7</xref></sup>.',
    )
    rec = article_record(jats, {"repo": "test/test", "path": "a.xml", "commit": "0" * 40})
    assert rec is not None
    assert any("differ567." in p["t"] for p in rec["paras"])  # the XML's text, kept
    assert "differ^5,6,7^." in render_text(rec, "md")
    assert "differ⁵,⁶,⁷." in render_text(rec, "txt")
    # the letters a paragraph is found by do not move
    assert para_key(render_text(rec, "md")) == para_key(render_text(rec, "md").replace(",", ""))


def test_empty_xrefs_of_a_range_print_nothing_and_join_the_citation_before() -> None:
    rec = article_record(RANGE_AND_LABELS, {})
    assert rec is not None
    para = rec["paras"][-1]
    assert "[1-3]." in para["t"]
    cited = _cited_by_text(rec)
    assert cited["1"] == [0, 1]
    assert cited["3"] == [2]
    # The empty xref that follows no citation prints nothing and cites nothing.
    assert "Nekaj ostane." in para["t"]
    assert rec["uncited_truth"] == [3]
    assert rec["language"] == "sl"
    assert rec["heading"] == "Literatura"


def test_entries_drop_leading_label_punctuation_and_name_their_editors() -> None:
    rec = article_record(RANGE_AND_LABELS, {})
    assert rec is not None
    assert rec["refs"][0]["text"].startswith("Kos A. Sove.")
    assert rec["refs"][3]["text"].startswith("Novak D, editors. Ptice Slovenije.")
    assert rec["refs"][3]["first"] == "Novak"


def test_one_file_per_folder_in_order_of_preference() -> None:
    from real_articles_build import _preferred

    files = [("7/7-all.xml", 1), ("7/7-en.xml", 1), ("7/7-sl.xml", 1), ("8/8.xml", 1)]
    files += [("9/9-en.xml", 1)]
    chosen = _preferred(files, ("-sl.xml", ".xml", "-en.xml"))
    assert [p for p, _ in chosen] == ["7/7-sl.xml", "8/8.xml", "9/9-en.xml"]
    assert _preferred(files, ()) == files


def test_committed_corpus_is_broad_and_open() -> None:
    from real_articles_build import SOURCES, split_of

    # A repository can be read at several commits for different splits.
    held_out = {(source.repo, source.commit): source.held_out for source in SOURCES}
    records = read_records(CORPUS)
    assert len(records) >= 300
    assert len({r["publisher_family"] for r in records}) >= 5
    languages = Counter(r["language"] for r in records)
    assert len([lang for lang, n in languages.items() if n >= 5]) >= 4
    styles = {r["style"] for r in records}
    assert {"author-year", "abnt", "numeric-brackets", "numeric-parentheses"} <= styles
    assert "numeric-superscript" in styles
    # dev/test for the first sources, dev/fresh for those added after test was used,
    # fresh2 (all of them, no dev half) for those added after fresh was looked at, and
    # fresh3 (the same) for those added after fresh2 was reported; fresh4 (the same, a
    # study split) for Europe PMC sources added to study Markdown against DOCX; fresh5
    # (the same) for SciELO, eLife, PLOS and small journals of test's kind; fresh6 (the
    # same) for SciELO in Portuguese and Spanish.
    assert all(
        r["split"] == split_of(r["group"], held_out[r["source"]["repo"], r["source"]["commit"]])
        for r in records
    )
    assert not any(e["text"][:1] in ".,;: " for r in records for e in r["refs"])
    assert all(r["licence"] for r in records)
    assert {r["split"] for r in records} == {
        "dev",
        "test",
        "fresh",
        "fresh2",
        "fresh3",
        "fresh4",
        "fresh5",
        "fresh6",
        "fresh7",
        "fresh8",
    }
    assert len({r["id"] for r in records}) == len(records)
    # One record per article, except published translations (same DOI, other language),
    # which share their original's side of the split.
    originals = [r for r in records if r["doi"] and not r["translation_of"]]
    assert len({r["doi"] for r in originals}) == len(originals)
    split = {r["group"]: r["split"] for r in records}
    assert all(split[r["group"]] == r["split"] for r in records)
    assert CORPUS.suffix == ".xz"
    assert CORPUS.stat().st_size < 20_000_000


EDIFIX = b"""<ref id="b6"><mixed-citation publication-type="journal">
<person-group person-group-type="author"><name>
   <surname>Rizzoli</surname>
   <given-names>R</given-names>
</name>, <name>
   <surname>Biver</surname>
   <given-names>E</given-names>
</name>
</person-group>. <article-title>Who to treat</article-title>
<source>Nat Rev Rheumatol</source>. <year>2015</year>;<volume>11</volume>( <issue>2</issue>):
<fpage>98</fpage>\xe2\x80\x93 <lpage>109</lpage>. <pub-id pub-id-type="doi">10.1038/x</pub-id>
<pub-id pub-id-type="pmid">25385412</pub-id>
<issn>1759-4790</issn>
</mixed-citation></ref>"""


def test_entry_text_drops_bare_tagged_identifiers_and_indentation() -> None:
    from real_articles_jats import reference_text

    text, _ = reference_text(parse_xml(EDIFIX), "vancouver")
    assert text == (
        "Rizzoli R, Biver E. Who to treat Nat Rev Rheumatol. 2015;11(2): 98\u2013109. 10.1038/x"
    )
    labelled = EDIFIX.replace(b'<pub-id pub-id-type="pmid">', b'PMID: <pub-id pub-id-type="pmid">')
    text, _ = reference_text(parse_xml(labelled), "vancouver")
    assert text.endswith("10.1038/x PMID: 25385412")


def test_numeric_list_without_labels_is_numbered_and_keeps_numbers_when_cut() -> None:
    from real_articles_render import ref_line

    rec = {"numbered_list": False, "style": "numeric-parentheses"}
    assert ref_line(rec, {"label": "", "text": "Kos A. Sove."}, 1) == "1. Kos A. Sove."
    # After the perturbation removed entry 2, entry 3 is still printed as 3.
    assert ref_line(rec, {"label": "", "text": "Mak C.", "orig": 2}, 2) == "3. Mak C."
    assert ref_line({"style": "author-year"}, {"label": "", "text": "Kos A."}, 1) == "Kos A."


AUTHOR_YEAR = b"""<?xml version="1.0"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="en">
<front><journal-meta><publisher><publisher-name>Test Press</publisher-name></publisher>
</journal-meta><article-meta><title-group><article-title>Otters</article-title></title-group>
<permissions><license xlink:href="https://creativecommons.org/licenses/by/4.0/">
<license-p>Open.</license-p></license></permissions></article-meta></front>
<body><sec><title>Intro</title>
<p>Otters dive (<xref ref-type="bibr" rid="r1">Aalto et al., 2001</xref>; Meneses, 2004),
as Quist (1999) saw and <xref ref-type="bibr" rid="r2">Borg, 2005</xref> counted.
Rafts are (<xref ref-type="bibr" rid="r3">Stone and Lisberger, 1990</xref>) and
(Cato 2009). C. lutra (Linnaeus, 1758) swims (Fig 2, 2010).</p>
</sec></body>
<back><ref-list>
<ref id="r1"><element-citation><person-group person-group-type="author">
<name><surname>Aalto</surname><given-names>P</given-names></name></person-group>
<year>2001</year><article-title>Reeds and otters of the north</article-title>
<source>J Otters</source><fpage>1</fpage></element-citation></ref>
<ref id="r2"><element-citation><person-group person-group-type="author">
<name><surname>Borg</surname><given-names>L</given-names></name></person-group>
<year>2003</year><article-title>Counting otters in rivers</article-title>
<source>Ibis</source><fpage>2</fpage></element-citation></ref>
<ref id="r3"><element-citation><person-group person-group-type="author">
<name><surname>Cato</surname><given-names>M</given-names></name></person-group>
<year>2004</year><article-title>More otters in more rivers</article-title>
<source>Ibis</source><fpage>3</fpage></element-citation></ref>
<ref id="r4"><element-citation><person-group person-group-type="author">
<name><surname>aalto</surname><given-names>Pekka</given-names></name></person-group>
<year>2001</year><article-title>Reeds and Otters of the North.</article-title>
<source>J Otters</source><fpage>1</fpage></element-citation></ref>
<ref id="r5"><element-citation><person-group person-group-type="author">
<name><surname>Aalto</surname><given-names>P</given-names></name></person-group>
<year>2001</year><article-title>Reeds and otters of the north</article-title>
<source>J Otters</source><fpage>40</fpage></element-citation></ref>
</ref-list></back></article>
"""


@pytest.fixture(scope="module")
def author_year() -> dict:
    rec = article_record(AUTHOR_YEAR, {"repo": "test/test", "path": "b.xml", "commit": "0" * 40})
    assert rec is not None
    return rec


def test_missing_truth_holds_works_the_list_lacks_only(author_year: dict) -> None:
    truth = {(i["name"], i["year"]): i["kind"] for i in author_year["missing_truth"]}
    # Plain-text citations of unlisted works, and an xref whose text names a work the
    # entry it links is not (Stone and Lisberger 1990 -> Cato 2004).
    assert truth[("Meneses", "2004")] == "missing"
    assert truth[("Quist", "1999")] == "missing"
    assert truth[("Stone", "1990")] == "missing"
    # Cato is listed under 2004 only: a year question, not a lost work.
    assert truth[("Cato", "2009")] == "year"
    # Listed works, a species' authority and a figure are not in the truth.
    assert ("Aalto", "2001") not in truth
    assert ("Linnaeus", "1758") not in truth
    assert not any(name.startswith("Fig") for name, _ in truth)


def test_year_truth_needs_the_entrys_own_author(author_year: dict) -> None:
    # "Borg, 2005" links Borg 2003: a year mismatch; "Stone and Lisberger, 1990"
    # links Cato 2004: another author, so no year mismatch of Cato's entry.
    assert author_year["year_mismatch"] == [1]


def test_duplicates_compare_folded_fields_not_bytes(author_year: dict) -> None:
    # r4 repeats r1 with other capitals, initials and a full stop; r5 shares all but
    # its first page (another part of a series), so it is no repeat.
    assert author_year["duplicates"] == [[0, 3]]


def test_source_read_for_some_languages_leaves_the_others_out() -> None:
    from real_articles_build import _fresh, _one

    skipped: Counter[str] = Counter()
    meta = {"repo": "test/test", "path": "a.xml", "commit": "0" * 40, "sha1": "0" * 40}
    seen: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    pt_only = _fresh("test/test", "0" * 40, r"\.xml$", "MIT", languages=("pt", "es"))
    # The fixture is English: a source read for Portuguese and Spanish leaves it out,
    # counted, and without taking its DOI or title (another source may still have it).
    assert _one(NUMERIC, meta, None, pt_only, skipped, *seen) is None
    assert skipped["in a language its source is not read for"] == 1
    assert seen == (set(), set(), set())
    every = _fresh("test/test", "0" * 40, r"\.xml$", "MIT")
    assert _one(NUMERIC, meta, None, every, skipped, *seen) is not None


def test_source_not_read_for_a_publisher_leaves_its_articles_out() -> None:
    from real_articles_build import _fresh3, _one

    skipped: Counter[str] = Counter()
    meta = {"repo": "test/test", "path": "a.xml", "commit": "0" * 40, "sha1": "0" * 40}
    every = _fresh3("test/test", "0" * 40, r"\.xml$", "MIT")
    kept = _one(NUMERIC, meta, None, every, skipped, set(), set(), set())
    assert kept is not None
    # A mixed collection read without the family the corpus has plenty of: the article
    # is left out, counted, and leaves its DOI and title to another source.
    seen: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    without = _fresh3(
        "test/test", "0" * 40, r"\.xml$", "MIT", families_out=(kept["publisher_family"],)
    )
    assert _one(NUMERIC, meta, None, without, skipped, *seen) is None
    assert skipped["of a publisher its source is not read for"] == 1
    assert seen == (set(), set(), set())


def test_fresh3_sources_send_every_article_to_fresh3() -> None:
    from real_articles_build import split_of

    # No dev half: a sibling of a held-out article in dev would let it be tuned on.
    ids = [f"pub/article-{n}" for n in range(20)]
    assert {split_of(i, "fresh3") for i in ids} == {"fresh3"}
    assert {split_of(i, "fresh") for i in ids} == {"dev", "fresh"}


def test_fresh4_sources_send_every_article_to_fresh4() -> None:
    from real_articles_build import SOURCES, split_of

    # A study split added after dev: dev keeps exactly the articles it had.
    ids = [f"pub/article-{n}" for n in range(20)]
    assert {split_of(i, "fresh4") for i in ids} == {"fresh4"}
    fresh4 = [s for s in SOURCES if s.held_out == "fresh4"]
    assert 3 <= len(fresh4) <= 6
    earlier = {s.repo for s in SOURCES if s.held_out != "fresh4"}
    assert not earlier & {s.repo for s in fresh4}


def test_repository_read_at_two_commits_keeps_each_record_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import real_articles_build as build

    def kept(article_id: str, commit: str) -> dict:
        source = {"repo": "test/test", "path": f"{article_id}.xml", "commit": commit}
        return {
            "id": article_id,
            "group": article_id,
            "doi": "",
            "title": article_id,
            "source": source,
            "split": "dev",
        }

    sources = (
        build._fresh("test/test", "a" * 40, r"\.xml$", "MIT"),
        build._fresh("test/test", "b" * 40, r"\.xml$", "MIT"),
    )
    monkeypatch.setattr(build, "SOURCES", sources)
    # No snapshot on this machine: each source keeps its own previous records verbatim,
    # not every record of its repository (which would list each article twice).
    records, _ = build.build(tmp_path, [kept("x/one", "a" * 40), kept("x/two", "b" * 40)])
    assert sorted(r["id"] for r in records) == ["x/one", "x/two"]


def test_corpus_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    from real_articles_build import write

    records = [
        {
            "id": "x/1",
            "split": "dev",
            "publisher_family": "T",
            "language": "en",
            "style": "numeric-brackets",
            "licence": "CC-BY-4.0",
            "doi": "",
            "source": {
                "repo": "test/test",
                "path": "a.xml",
                "commit": "0" * 40,
                "repo_licence": "MIT",
            },
        }
    ]
    write(records, Counter(), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["SOURCES.md", "corpus.jsonl.xz"]
    assert [r["id"] for r in read_records(tmp_path / "corpus.jsonl.xz")] == ["x/1"]
