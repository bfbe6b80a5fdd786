"""A Chinese, Japanese or Korean name before a year in parentheses: "王伟等（2019）指出",
"山田（2019）によれば", "김민수(2018)에 따르면", and two joined by "and": "王芳和刘洋（2017）".

These scripts write no blank between words and have no capitals, so the name before
the year cannot be told from the words before it ("研究表明王伟等" is "research shows
Wang Wei et al."): the narrative reader, which looks back for capitalised words after
a blank, read nothing, and the entry ("王伟，李娜，张强. (2019). ...") was "never cited".

The list tells where the name starts. A parenthesised year is read as a narrative
citation when the ideographs, kana or Hangul just before it (an "et al." glued to them
aside: 等, 等人, ら, ほか, 他, 외, 등) end with the start of an entry's first author, two
characters at least ("山田" of "山田太郎", the surname alone as Japanese writes it), and
that entry holds the year. The citation names the entry's first author as the list
writes it and is WEAK: kept when an entry has it, never reported missing (a name is
read only where the list holds it, so a dropped entry leaves nothing to report).

The year may carry its counter ("王芳（2018年）指出"), and a possessive and a word for
the work may stand between the names and it ("赵刚的研究（2017）表明", "山田の研究
（2016）", "김민수의 연구(2015)"), or a blank a writer typed ("钱伟 (2014) 认为"): each
of these entries was "never cited" (issue 12).

Linear: one bounded pattern per parenthesised year, a bounded look back, names looked
up by their first two characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.listed_narrative import listed_narrative
from citeaudit.manuscript.citations.marker import Marker
from citeaudit.manuscript.citations.names import CJK_LETTERS
from citeaudit.manuscript.citations.organisation_years import ENTRY_LABEL
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Citation

_FIRST_AUTHOR = re.compile(rf"[{CJK_LETTERS}]{{2,5}}(?![{CJK_LETTERS}])")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20[0-3]\d)(?!\d)")
_RUN_BEFORE = re.compile(rf"[{CJK_LETTERS}、・]{{2,12}}\Z")  # "、": names listed
_ET_AL_BEFORE = re.compile(r"[ \t]?(?:等人|等|ら|ほか|他|외|등)[ \t]?\Z")
# The year with its counter, "（2018年）", as Chinese and Japanese write it.
_PAREN_YEAR = re.compile(r"\((?P<year>1[5-9]\d\d|20[0-3]\d)(?P<suffix>[a-z])?[ \t]?年?\)")
# A possessive and a word for the work between the names and the year: "赵刚的研究
# （2017）", "山田の研究（2016）", "김민수의 연구(2015)" ("Zhao Gang's study (2017)").
_STUDY_BEFORE = re.compile(
    r"(?:的(?:研究|调查|調查|报告|報告|工作|分析|实验|實驗|论文|論文|著作|观点|觀點)"
    r"|の(?:研究|調査|報告|論文|著書|分析)"
    r"|의[ \t]?(?:연구|조사|보고서|논문|분석))[ \t]?\Z"
)
# "and" between two names: Chinese 和 与 及 跟 、, Japanese と ・, Korean 와 과 및
_AND = frozenset("和与及跟、と・와과및")
_SCOPE = 300  # characters of an entry whose years count
_LOOK_BACK = 16  # characters before the parenthesis looked at
_SHORTEST = 2
_LONGEST = 5


class CjkNarrativeExtractor(CitationExtractor):
    syntax: ClassVar[str] = "cjk-narrative"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[Marker]:
        by_start = _first_authors(document)
        if not by_start:
            return
        text = document.text
        for m, et_al, run in _names_before_years(text):
            name_end = et_al.start() if et_al else run.end()
            found = _name_ending(run.group(), int(m.group("year")), by_start)
            if found is None:
                found = _pair_ending(run.group(), int(m.group("year")), by_start)
            if found is None:
                continue
            written, name = found
            start = name_end - len(written)
            yield listed_narrative(document, start, m, name, et_al=et_al is not None)


def _names_before_years(
    text: str,
) -> Iterator[tuple[re.Match[str], re.Match[str] | None, re.Match[str]]]:
    """Each parenthesised year ("(2018)", "(2018年)") with the "et al." before it (or
    None) and the run of letters before that, a blank and a possessive "study" between
    the run and the parenthesis skipped ("钱伟 (2014)", "赵刚的研究（2017）")."""
    for year in _PAREN_YEAR.finditer(text):
        low = max(0, year.start() - _LOOK_BACK)
        end = year.start()
        if end > low and text[end - 1] in " \t":
            end -= 1
        study = _STUDY_BEFORE.search(text, low, end)
        if study is not None:
            end = study.start()
        et_al = _ET_AL_BEFORE.search(text, low, end)
        run = _RUN_BEFORE.search(text, low, et_al.start() if et_al else end)
        if run is not None:
            yield year, et_al, run


def _first_authors(document: Document) -> dict[str, list[tuple[str, frozenset[int]]]]:
    """Entries' first authors written in these scripts, by their first two characters,
    with the years each entry holds."""
    by_start: dict[str, list[tuple[str, frozenset[int]]]] = {}
    for entry in document.reference_entries:
        raw = ENTRY_LABEL.sub("", entry.raw[:_SCOPE], count=1)
        first = _FIRST_AUTHOR.match(raw)
        if first is None:
            continue
        years = frozenset(int(y) for y in _YEAR.findall(raw))
        by_start.setdefault(first.group()[:_SHORTEST], []).append((first.group(), years))
    return by_start


def _pair_ending(
    run: str, year: int, by_start: dict[str, list[tuple[str, frozenset[int]]]]
) -> tuple[str, str] | None:
    """Two authors joined by "and" ("王芳和刘洋（2017）", "山田と佐藤（2019）",
    "김민수와 이영희"): the first is the entry's first author, written before the
    connector; `written` runs from it to the end of the second name."""
    for cut in range(len(run) - _SHORTEST, _SHORTEST - 1, -1):
        if run[cut] not in _AND and run[cut : cut + 2] not in _AND:
            continue
        found = _name_ending(run[:cut], year, by_start)
        if found is not None:
            return run[cut - len(found[0]) :], found[1]
    return None


def _name_ending(
    run: str, year: int, by_start: dict[str, list[tuple[str, frozenset[int]]]]
) -> tuple[str, str] | None:
    """(the name as the text writes it, as the list does): the longest end of `run`
    that opens an entry's first author of an entry holding `year`."""
    for length in range(min(_LONGEST, len(run)), _SHORTEST - 1, -1):
        written = run[-length:]
        for name, years in by_start.get(written[:_SHORTEST], ()):
            if name.startswith(written) and year in years:
                return written, name
    return None
