"""The real-article bench's truth for sub-labelled lists and minus-sign ranges.

Wiley's XML puts an empty placeholder reference (label "1") before the refs labelled
1a, 1b, 1c, and the text's "[1]" links to it; ACS prints ranges with U+2212 MINUS
SIGN ("4−6"). Both made the truth call cited entries uncited. The XML is made up.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

BENCHES = Path(__file__).resolve().parent.parent / "benches"
sys.path.insert(0, str(BENCHES))

from real_articles_jats import article_record  # noqa: E402

ARTICLE = """<?xml version="1.0"?>
<article xmlns:xlink="http://www.w3.org/1999/xlink" xml:lang="en" article-type="research-article">
<front><article-meta><article-id pub-id-type="doi">10.1/X.1</article-id>
<title-group><article-title>Invented chemistry</article-title></title-group>
</article-meta></front>
<body><p>{body}</p></body>
<back><ref-list>{refs}</ref-list></back></article>
"""


def _ref(rid: str, label: str, text: str) -> str:
    return f'<ref id="{rid}"><label>{label}</label><mixed-citation>{text}</mixed-citation></ref>'


def _cite(rid: str, shown: str) -> str:
    return f'<xref ref-type="bibr" rid="{rid}">{shown}</xref>'


def _record(body: str, refs: str) -> dict[str, Any]:
    data = ARTICLE.format(body=body, refs=refs).encode()
    record = article_record(data, {"id": "made-up"})
    assert record is not None
    return record


def test_a_link_to_a_placeholder_cites_its_sub_labelled_refs() -> None:
    refs = (
        _ref("b1", "1", "&#xa0;")
        + _ref("b1a", "1a", "A. Bauer, Chem. Rev. 2001, 1, 1–9;")
        + _ref("b1b", "1b", "C. Diaz, Imag. Chem. 2002, 2, 10–19;")
        + _ref("b1c", "1c", "E. Fox, Imag. Lett. 2003, 3, 20–29.")
        + _ref("b2", "2", "G. Hale, Made-up Chem. 2004, 4, 30–39.")
        + _ref("b3", "3", "I. Jones, Nowhere Chem. 2005, 5, 40–49.")
    )
    body = f"Xenon was fluorinated [{_cite('b1', '1')}] and then [{_cite('b2', '2')}]."
    record = _record(body, refs)
    assert [r["label"] for r in record["refs"]] == ["1a", "1b", "1c", "2", "3"]
    cited = {t for p in record["paras"] for c in p["cit"] for t in c[2]}
    assert cited == {0, 1, 2, 3}
    assert record["uncited_truth"] == [4]
    assert record["broken_xrefs"] == 0


def test_a_range_reaching_over_a_sub_labelled_number_cites_all_its_refs() -> None:
    refs = (
        _ref("b1", "1", "A. Bauer, Chem. Rev. 2001, 1, 1–9.")
        + _ref("b2", "2", "&#xa0;")
        + _ref("b2a", "2a", "C. Diaz, Imag. Chem. 2002, 2, 10–19;")
        + _ref("b2b", "2b", "E. Fox, Imag. Lett. 2003, 3, 20–29.")
        + _ref("b3", "3", "G. Hale, Made-up Chem. 2004, 4, 30–39.")
    )
    body = f"Known [{_cite('b1', '1')}–{_cite('b3', '3')}]."
    record = _record(body, refs)
    assert record["uncited_truth"] == []


def _numbered_refs(n: int) -> str:
    return "".join(
        _ref(f"r{i}", str(i), f"A. Author{i}, Invented J. 20{i:02d}, {i}, 1–9.")
        for i in range(1, n + 1)
    )


def test_a_minus_sign_between_two_superscript_citations_is_a_range() -> None:
    body = (
        f"Sensing,<sup>{_cite('r4', '4')}</sup>−<sup>{_cite('r6', '6')}</sup>"
        f" and more<sup>{_cite('r1', '1')}</sup>."
    )
    record = _record(body, _numbered_refs(7))
    assert record["uncited_truth"] == [1, 2, 6]  # entries 2, 3 and 7; 5 is cited
    para = next(p for p in record["paras"] if p["cit"])
    # the dash is inside the superscript group, as the page prints "4−6"
    start, end = para["cit"][0][0], para["cit"][1][1]
    assert any(s <= start and end <= e for s, e in para["sup"])


def test_a_minus_sign_inside_one_citation_is_a_range() -> None:
    body = f"Sensing<sup>{_cite('r4', '4−6')}</sup> and more<sup>{_cite('r1', '1')}</sup>."
    record = _record(body, _numbered_refs(7))
    assert record["uncited_truth"] == [1, 2, 6]
