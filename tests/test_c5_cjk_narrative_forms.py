"""Chinese, Japanese and Korean narrative citations the CJK reader missed (issue 12):
the year written with its counter, "王芳（2018年）指出"; a possessive and "study"
between the name and the year, "赵刚的研究（2017）表明", "山田の研究（2016）",
"김민수의 연구(2015)"; a blank before the parenthesis, "钱伟 (2014) 认为", as a
writer mixing half-width brackets types it. Each entry was "never cited". Made-up
names and works.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.manuscript.citations.cjk_narrative import CjkNarrativeExtractor
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.citation import Certainty
from citeaudit.model.location import Location
from tests.verdicts import markdown_verdict


def _doc(body: str, entries: list[str]) -> Document:
    lines = tuple(Line("p.md", n, t) for n, t in enumerate(body.split("\n"), start=1))
    raws = tuple(RawEntry(e, Location("p.md", 100 + k), e) for k, e in enumerate(entries, start=1))
    return Document("p.md", "markdown", lines, reference_entries=raws)


@pytest.mark.parametrize(
    ("body", "entry", "name", "year"),
    [
        ("王芳（2018年）指出水很重要。", "王芳. 水研究[M]. 北京: 出版社, 2018.", "王芳", 2018),
        ("王芳等（2018年）指出。", "王芳, 李明. 水研究[M]. 北京, 2018.", "王芳", 2018),
        (
            "赵刚的研究（2017）表明如此。",
            "赵刚, 孙丽. 研究[J]. 学报, 2017, 3(2): 1-5.",
            "赵刚",
            2017,
        ),
        ("赵刚等人的研究（2017）表明。", "赵刚, 孙丽. 研究[J]. 学报, 2017.", "赵刚", 2017),
        ("钱伟 (2014) 认为如此。", "钱伟. 2014. 研究. 北京.", "钱伟", 2014),
        ("山田の研究（2016）によれば。", "山田太郎 (2016). 水の研究. 東京.", "山田太郎", 2016),
        ("김민수의 연구(2015)에 따르면", "김민수 (2015). 물 연구. 서울.", "김민수", 2015),
    ],
)
def test_cjk_narrative_forms_are_read(body: str, entry: str, name: str, year: int) -> None:
    (cit,) = CjkNarrativeExtractor().extract(_doc(body, [entry]))
    assert (cit.authors, cit.year, cit.certainty) == ((name,), year, Certainty.WEAK)


@pytest.mark.parametrize(
    "body",
    [
        "王芳（2019年）指出水很重要。",  # another year than the entry's
        "研究表明（2018年）水很重要。",  # no listed name before
        "赵刚的房子（2018）很大。",  # a possessive, but no word of a study after it
    ],
)
def test_no_listed_name_and_year_is_no_citation(body: str) -> None:
    entries = ["王芳. 水研究[M]. 北京: 出版社, 2018.", "赵刚. 研究[J]. 学报, 2018."]
    assert CjkNarrativeExtractor().extract(_doc(body, entries)) == []


def test_entries_cited_in_these_forms_are_cited(tmp_path: Path) -> None:
    text = (
        "土壤很重要（张伟，2019；李娜等，2020）。王芳（2018年）指出水很重要。"
        "赵刚的研究（2017）表明如此。钱伟 (2014) 认为。\n\n"
        "# 参考文献\n\n"
        "张伟. (2019). 土壤研究. 北京: 科学出版社.\n\n"
        "李娜, 王强. (2020). 另一研究. 北京.\n\n"
        "王芳. 水研究[M]. 北京: 出版社, 2018.\n\n"
        "赵刚, 孙丽. 研究[J]. 学报, 2017, 3(2): 1-5.\n\n"
        "钱伟. 2014. 研究. 北京.\n\n"
        "周杰. (2010). 未引用. 北京.\n"
    )
    uncited, missing = markdown_verdict(tmp_path, text, 2)
    assert uncited == {"周杰"} and missing == set()
