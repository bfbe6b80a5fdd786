"""The corpus file: xz, without the fields reading derives again, read back whole.

The corpus moved from gzip to xz and stopped storing what the bench derives from the
paragraphs anyway (each entry's `cited` and `unlinked`, the record's uncited and
missing truth). A record must read back exactly as the builder made it, and a field
that is not derivable from the record alone (a translation's missing works, marked
against its original) must be kept. The article here is made up.
"""

from __future__ import annotations

import copy
import gzip
import json
import lzma
import sys
from pathlib import Path

BENCHES = Path(__file__).resolve().parent.parent / "benches"
sys.path.insert(0, str(BENCHES))

from real_articles_corpus import corpus_file, read_records, write_records  # noqa: E402
from real_articles_jats import article_record  # noqa: E402

ARTICLE = b"""<?xml version="1.0"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="en">
<front><journal-meta><publisher><publisher-name>Test Press</publisher-name></publisher>
</journal-meta><article-meta><article-id pub-id-type="doi">10.1/T.9</article-id>
<title-group><article-title>Moss on north walls</article-title></title-group>
<permissions><license xlink:href="http://creativecommons.org/licenses/by/4.0/"/></permissions>
</article-meta></front>
<body><sec><title>Intro</title>
<p>Moss grows slowly (<xref ref-type="bibr" rid="r1">Amsel 2001</xref>) and
<sup>x</sup> spreads by wind (<xref ref-type="bibr" rid="r2">Borg 2003</xref>), as
Cole (2005) also saw.</p>
<p>No citation here.</p></sec></body>
<back><ref-list><title>References</title>
<ref id="r1"><mixed-citation><person-group><name><surname>Amsel</surname>
<given-names>A</given-names></name></person-group> (<year>2001</year>).
<article-title>Moss</article-title>. <source>J Moss</source> 1: 1-2.</mixed-citation></ref>
<ref id="r2"><mixed-citation><person-group><name><surname>Borg</surname>
<given-names>B</given-names></name></person-group> (<year>2003</year>).
<article-title>Wind</article-title>. <source>J Wind</source> 2: 3-4.</mixed-citation></ref>
<ref id="r3"><mixed-citation><person-group><name><surname>Cole</surname>
<given-names>C</given-names></name></person-group> (<year>2005</year>).
<article-title>Walls</article-title>. <source>J Walls</source> 3: 5-6.</mixed-citation></ref>
<ref id="r4"><mixed-citation><person-group><name><surname>Dahl</surname>
<given-names>D</given-names></name></person-group> (<year>2007</year>).
<article-title>Rain</article-title>. <source>J Rain</source> 4: 7-8.</mixed-citation></ref>
</ref-list></back></article>"""


def _record() -> dict:
    record = article_record(ARTICLE, {"repo": "t/t", "path": "a.xml", "commit": "0" * 40})
    assert record is not None
    record.update(id="t/a", split="dev", group="t/a", translation_of="", publisher_family="T")
    return record


def test_a_record_reads_back_as_it_was_written(tmp_path: Path) -> None:
    record = _record()
    # The made-up article has what the slimming drops: cited and uncited entries, a
    # plain-text citation (Cole 2005), paragraphs without citations or superscripts.
    assert [r["cited"] for r in record["refs"]] == [True, True, False, False]
    assert [r["unlinked"] for r in record["refs"]] == [False, False, True, False]
    assert record["uncited_truth"] == [3]
    write_records([copy.deepcopy(record)], tmp_path / "corpus.jsonl.xz")
    stored = json.loads(lzma.decompress((tmp_path / "corpus.jsonl.xz").read_bytes()))
    assert "uncited_truth" not in stored and "cited" not in stored["refs"][0]
    assert read_records(tmp_path / "corpus.jsonl.xz") == [record]


def test_a_field_not_derivable_from_the_record_is_kept(tmp_path: Path) -> None:
    record = _record()
    # A translation's missing work found in its original is marked so, against the
    # original: reading the record alone would not give that back.
    record["missing_truth"] = [{"name": "Eide", "year": "2009", "kind": "translation"}]
    write_records([copy.deepcopy(record)], tmp_path / "corpus.jsonl.xz")
    assert read_records(tmp_path / "corpus.jsonl.xz") == [record]


def test_an_older_gzip_corpus_still_reads(tmp_path: Path) -> None:
    record = _record()
    with gzip.open(tmp_path / "corpus.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(record) + "\n")
    assert corpus_file(tmp_path) == tmp_path / "corpus.jsonl.gz"
    assert read_records(corpus_file(tmp_path)) == [record]
    write_records([record], tmp_path / "corpus.jsonl.xz")
    assert corpus_file(tmp_path) == tmp_path / "corpus.jsonl.xz"
