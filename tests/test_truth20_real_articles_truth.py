"""truth20: the bench's truth says what an editor would say (REAL_MANUSCRIPTS_TRUTH20.md).

Each rule reads the article's text and entries only, never citeaudit's findings.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCHES = Path(__file__).resolve().parent.parent / "benches"
sys.path.insert(0, str(BENCHES))

from real_articles_jats import plain_text_cited, same_work_listed_twice  # noqa: E402
from real_articles_truth import cited_works  # noqa: E402


def _ref(text: str, names: list[str], year: str) -> dict:
    return {"text": text, "names": names, "first": names[0], "year": year}


def _para(text: str) -> dict:
    return {"h": 0, "t": text, "sup": [], "cit": []}


def test_plain_text_citation_names_its_first_author() -> None:
    refs = [
        _ref("Guglielmino A, Olmi M (2007) A catalog. Zootaxa 1.", ["Guglielmino", "Olmi"], "2007"),
        _ref("Olmi M (2007) Dryinidae of the world. Zootaxa 2.", ["Olmi"], "2007"),
        _ref("Lee K (2004) Other. J 3.", ["Lee"], "2004"),
    ]
    paras = [_para("Hosts are listed (Guglielmino and Olmi 2007). See also Lee and Park 2004.")]
    # Neither Olmi M 2007 (a co-author of another work) nor Lee 2004 (Park not its
    # author) is cited; Guglielmino & Olmi 2007 is.
    assert plain_text_cited(paras, refs, set()) == {0}
    paras = [_para("However, Olmi (2007) and Lee (2004) did.")]
    assert plain_text_cited(paras, refs, set()) == {1, 2}


def test_one_work_listed_twice_with_a_title_slip() -> None:
    names = ["Boehm", "Guethlein"]
    refs = [
        _ref("Boehm U, Guethlein L (1998) Two families of GTPases dominate the complex "
             "cellular response to interferon-gamma. J Immunol 161: 6715-6723.", names, "1998"),
        _ref("Boehm U, Guethlein L (1998) Two families of GTPases dominate the complex "
             "cellular response to IFN-gamma. J Immunol 161: 6715-6723.", names, "1998"),
        _ref("Boehm U, Guethlein L (1998) Two families of GTPases dominate the complex "
             "cellular response, part II. J Immunol 161: 6724-6730.", names, "1998"),
        _ref("Graves P (2006) Vaccines for preventing malaria (SPf66). Cochrane.",
             ["Graves"], "2006"),
        _ref("Graves P (2006) Vaccines for preventing malaria (blood-stage). Cochrane.",
             ["Graves"], "2006"),
    ]  # fmt: skip
    assert same_work_listed_twice(refs) == [[0, 1]]


def test_citation_of_a_whole_team_under_another_year_is_a_year_slip() -> None:
    refs = [
        _ref("Martin CV, Michelangeli FA (2009) Seed morphology. Bot J 1.",
             ["Martin", "Michelangeli"], "2009"),
        _ref("Michelangeli FA, Judd WS, Martin CV (2008) Phylogeny. Bot J 2.",
             ["Michelangeli", "Judd", "Martin"], "2008"),
    ]  # fmt: skip
    paras = [_para("Seeds were studied (Martin and Michelangeli 2008; Michelangeli et al. 2008).")]
    items = cited_works(paras, refs, True)
    assert [(i["name"], i["year"], i["kind"], i["near"]) for i in items] == [
        ("Martin", "2008", "year", [0])
    ]
