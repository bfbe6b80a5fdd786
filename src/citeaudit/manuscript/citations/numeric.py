"""Numeric citations in every form journals print them.

Square brackets -- ``[3]``, ``[1–4]``, ``[1, 5, 7]``, ``[7;8;9]``, ``[2]–[4]``,
``[[3]](#ref3)`` -- are citations wherever they stand (Markdown look-alikes aside:
link text ``[word](url)``, footnotes ``[^1]``, checkboxes, ``[@key]``, reference-link
labels ``[text][1]`` and definitions ``[1]: url``, years ``[1998]``, indexing
``array[3]``).

The other forms are as often something else, so they are *weak*: each is kept only
on evidence from the document itself (decision recorded here because it is the
whole difference between reading a Vancouver paper and inventing citations):

* ``(3)``, ``(10,19)``, ``(3–5, 8)``, ``(ref. 4)`` -- round brackets are also
  equation numbers and enumerations. Kept when the manuscript's own reference list
  holds every number cited, the numbers cover a fair part of that list (equations
  (1)-(4) in a paper with 40 entries do not), round brackets outnumber square ones,
  and the place fits a citation: not after "Eq."/"Table"/"Fig." and their kin, not
  at the start of a line, not an enumeration "(1) do this, (2) do that", not glued
  to a formula.
* Superscripts -- ``<sup>3</sup>``, ``^3^``, ``¹²⁻⁵``, Word runs set superscript
  (`Line.superscripts`) -- are also exponents and units (``m²``, ``10⁻³``): kept
  after a word or punctuation, never after a number (but after ``COVID-19``) or a
  unit, numbers inside the list. A unit's superscript cites where no exponent reads
  so (a list, or a number above a power: ``320 mg^19,21^``), in a paper citing in
  superscripts; a gene's (``wnd^3^`` where the text also writes ``wnd^+^``) and a
  genotype's (``Tg^1^/Tg^2^``) never do.
* Numbers glued to a word: ``et al[8]``, ``Ribeiro[11]`` (after a name or "al",
  within the list), ``infection[3,4]`` (after a lower-case word, only in a paper that
  cites in square brackets; ``array[3]`` alone is indexing), and the
  flattened superscripts of text pasted from a PDF, ``as shown before.3,4`` -- kept
  only when that form is the manuscript's main numeric style, since gene names and
  chemical formulas (``Sox2``) look the same. Past the list's end such a flattened
  number ("disorders.118" in a list of 108) is a count or a page as often as a
  citation: it is read only where a marked form (a bracket, a superscript) cites the
  same number, never a missing reference on its own.

Whether numbers are citations at all is decided again by
`citeaudit.matching.citations.match_citations`, which keeps numeric citations only
when the reference list is numbered or numbers are the manuscript's main style.

Every pattern here is linear: no nested or overlapping quantifiers, and patterns that
can start at a digit refuse to start inside a run of digits and separators.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import ClassVar

from citeaudit.manuscript.citations.bylines import in_byline
from citeaudit.manuscript.citations.dates import MONTHS
from citeaudit.manuscript.citations.equations import (
    after_a_formula,
    after_an_equation_name,
    closes_a_sentence,
)
from citeaudit.manuscript.citations.iberian_see import bare_ver, reads_as_see
from citeaudit.manuscript.citations.interface import CitationExtractor
from citeaudit.manuscript.citations.list_labels import (
    annotated_labels,
    bare_labels,
    sub_labelled,
)
from citeaudit.manuscript.citations.marker import shown
from citeaudit.manuscript.citations.markup import CodeSpans, code_index
from citeaudit.manuscript.citations.numeric_candidate import MAX_RANGE, determined, word_before
from citeaudit.manuscript.citations.numeric_candidate import Candidate as _Candidate
from citeaudit.manuscript.citations.numeric_candidate import expand as _expand
from citeaudit.manuscript.citations.numeric_order import in_order, loose_candidates
from citeaudit.manuscript.citations.numeric_unescaped import unescaped
from citeaudit.manuscript.citations.numeric_word_runs import separator_joined
from citeaudit.manuscript.document import Document
from citeaudit.model.citation import Citation, CitationKind

_DASH = r"\s*[-–—−]\s*"  # U+2212 MINUS SIGN too: ACS prints "4−6"
# four digits too, for a review's list of a thousand works and more: a number of four
# digits is a citation only where the list reaches it (`_within`), so "[2019]" stays a year
_RANGE = rf"\d{{1,4}}(?:{_DASH}\d{{1,4}})?"
_LIST = rf"{_RANGE}(?:\s*[,;]\s*{_RANGE})*"
# a list whose range lost its dash to a single space, as some journals' XML leaves it:
# "(1,6 9,15)" for (1,6–9,15). Read only inside a bracket, and only where `_mended`
# finds a list with a separator and every such pair rising ("(6 9)" alone is no range)
_LOST_RANGE = rf"\d{{1,4}}(?:{_DASH}\d{{1,4}}| \d{{1,4}})?"
_LOST_LIST = rf"{_LOST_RANGE}(?:\s*[,;]\s*{_LOST_RANGE})*"
_LOST_PAIR = re.compile(r"(?<!\d)(\d{1,4}) (\d{1,4})(?!\d)")
# what a locator inside a numeric bracket opens on: a part of the work and its number
_LOCATOR = (
    r"(?i:(?:pp?|pg|pages?|chapters?|chap|ch|sections?|sec|tables?|tab|figs?|figures?"
    r"|theorems?|thm|lemmas?|corollary|propositions?|prop|definitions?|def|eqs?"
    r"|equations?|appendix|part|vol|box|examples?|remarks?|algorithm|lines?|para"
    r"|paragraph|cap|cap[ií]tulo|tabela|tabla|figura|se[cç][aã]o|secci[oó]n"
    # a page, volume, chapter, figure or table in other languages: GOST's "[1, с. 25]",
    # "[2, т. 3]"; German "S.", "Bd.", "Kap.", "Abb."; Slavic "s.", "str."; Indonesian
    # "hlm.", "hal."; Spanish/Portuguese "pág."; Dutch "blz."; Swedish "sid."
    r"|с|стр|т|гл|рис|табл|s|str|bd|kap|abb|hlm|hal|p[aá]gs?|blz|sid"
    # theorems, lemmas, chapters, sections and equations in other languages: Russian
    # "[1, теорема 2б, глава IV, с. 188]", "[2, разд. 3]", "[4, формула (7)]"; German
    # "Satz", "Abschn.", "Gl."; French "théorème", "lemme", "éq."; Spanish and
    # Portuguese "teorema", "lema", "ec.", "eq."; Polish "tw.", "rozdz.", "wz."
    r"|теорема|лемма|следствие|глава|раздел|разд|формула|пункт|п|прил|приложение"
    r"|рисунок|таблица|satz|abschn|abschnitt|gl|gleichung|th[eé]or[eè]me|lemme|[eé]q"
    r"|teorema|lema|ec|ecuaci[oó]n|equa[cç][aã]o|tw|rozdz|wz|twierdzenie)"
    # the number, or an equation's in its parentheses: "[8, Eq. (4)]"
    r"\.?\s?\(?[\dIVXivx]|§\s?\d"
    # an appendix by its letter: "[3, Appendix A]", "[5, app. B]", "[2, anexo C]"
    r"|(?:appendix|app|annex|annexe|anexo|ap[eê]ndice)\.?\s?[A-Z](?![^\W\d_]))"
)
# a Markdown link's target after its text, "[3](url)", "[3](url "title")"; a bracket
# before a parenthesis of prose, "[14,16](Yu J, unpublished)", still cites
# A note's anchor, as converters name them (Pandoc "#fn1", Word "#_ftn1"/"#_edn1"):
# "[1](#fn1)" is a footnote's mark, not a numbered citation.
_NOTE_ANCHOR = r"(?:fn|_ftn|_edn|footnote|endnote)"
# A target never runs past a "[" (nor a blank): read to the next blank or ")", a run of
# "[3](" with neither read the rest of the line from every "[3]" -- quadratic
# ("[1](#" x 4,000, 20 KB on one line, took 11 s); a Markdown target holding a bare
# "[" is rare and then no target here.
_TARGET = r"[^)\s\[]*+"
_LINK_TARGET = rf"""\((?:{_TARGET}\)|[^)\s\[]++\s+["'(])"""
# Elsevier's review journals mark a work's interest after its number: "[18••, 20]"
_MARKED_RANGE = rf"{_RANGE}(?:\s?•{{1,2}})?"
_MARKED_LIST = rf"{_MARKED_RANGE}(?:\s*[,;]\s*{_MARKED_RANGE})*"
# the words an author sets inside a numeric bracket before, between or after its
# numbers -- "[e.g., 12]", "[but see 7]", "[for review see 3]", "[5, as modified by 6]",
# "[14 and references therein]" -- a closed set of citing phrases, so that "[see Table
# 4]", "[n = 12]" and "[step 3]" stay out
# The same words in the languages manuscripts are written in -- "[véase 4]", "[ver
# também 7]", "[voir 5]", "[vgl. 3]", "[z. B. 11]", "[vedi 12]", "[lihat 6]", "[glej
# 7]", "[zie 8]" (`_OTHER_CUE`) -- and the word that joins two numbers: "[4 y 5]",
# "[13 e 14]", "[6 et 7]", "[4 und 5]", "[4 dan 5]" (`_AND`). "ver" without its stop
# only: "(ver. 2)" is a program's version
_OTHER_CUE = (
    r"v[eé]ase(?:\stambi[eé]n)?|ver(?:\stamb(?:i[eé]n|[eé]m))?(?=\s)|veja(?:\stamb[eé]m)?"
    r"|vide|cfr\.?|p\.\s?(?:ej|ex)\.?|por\se(?:j|x)emplo|voir(?:\saussi)?|par\sex(?:\.|emple)"
    r"|vgl\.?|siehe(?:\sauch)?|z\.\s?b\.?|vedi(?:\sanche)?|ad\ses\.?|per\sesempio"
    r"|lihat(?:\sjuga)?|misalnya|mis\.|glej(?:\studi)?|prim\.|npr\.|zie(?:\sook)?|bijv\."
    r"|referencias?|refer[eê]ncias?|r[eé]f[eé]rences?"
)
_AND = r"and|y|e|et|und|dan|en|i|ir|og|och"
_CUE = (
    r"(?:(?:but|and)\s)?(?:see(?:\salso)?|e\.\s?g\.?|i\.\s?e\.?|cf\.?|compare|also"
    r"|(?:as\s)?reviewed\sin|for\s(?:a\s)?reviews?,?\s(?:see|in)|for\sexample|for\sinstance"
    rf"|as\sin|especially|notably|refs?\.?|references?|{_OTHER_CUE})"
)
_LEAD_CUE = rf"(?i:{_CUE}),?\s?"
_MID_CUE = (
    # (a Slovenian "in" joins two numbers only here, in a square bracket: "(1 in 4)" is
    # a share)
    rf"(?i:,?\s(?:{_AND}|in|(?:as\s)?(?:modified|adapted|extended)\s(?:by|from|in)"
    rf"|{_CUE}),?\s"
    # or a clause of lower-case words that ends on the word naming the second work's
    # role: "[29, selected as in the software by 26]"
    r"|,\s(?:[a-z]+\s){1,10}(?:by|in|from)\s)"
)
# (possessive: a cue never starts inside the list, and the list is not scanned again
# for each place a cue might have started)
_HELD_LIST = rf"{_RANGE}(?:\s*[,;]\s*{_RANGE})*+"
_TAIL_CUE = r"(?i:,?\s(?:and\s(?:refs?\.?|references)\stherein|and\sothers))"
# One work's locator, up to a semicolon that may open the next work: ", pp. 3-5", " (p.
# 7)", ":12" (the page after a colon). No semicolon, bracket or parenthesis inside.
_LOCATED = (
    rf"(?:\s*+,\s*+(?={_LOCATOR})[^\[\]();\n]{{1,60}}+|\s?\((?={_LOCATOR})[^()\[\];\n]{{1,40}}\)"
    rf"|\s?:\s?\d{{1,4}}(?:{_DASH}\d{{1,4}})?(?![\d:]))"
)
# the works of a bracket of located works: a number at the bracket's start or after a
# semicolon, before its locator or the next semicolon
_WORK_NUMBER = re.compile(rf"(?:^|;)\s*({_RANGE})(?=\s*(?:[,(:;]|$))")
_BRACKETED = re.compile(
    # a range whose two ends a converter linked each, "[2](#b2)-[4](#b4)", also each in
    # its own bracket, "[[2](#b2)]-[[4](#b4)]", "[[2]](#b2)-[[4]](#b4)", escaped
    # "\[[2](#b2)\]-\[[4](#b4)\]": read first, as one (read as two links, the works
    # between the ends went uncited)
    rf"\[\[?(?P<linked_first>\d{{1,4}})\]\]?\(#(?!{_NOTE_ANCHOR}){_TARGET}\)\\?\]?{_DASH}"
    rf"\\?\[?\[\[?(?P<linked_last>\d{{1,4}})\]\]?\(#(?!{_NOTE_ANCHOR}){_TARGET}\)"
    # (with a review journal's marks of interest: "[[18•](#CR18)]", "[28••,30](#CR28)")
    rf"|\[\[(?P<wrapped>{_MARKED_LIST})\]\]\({_TARGET}\)"  # [[3]](#ref3)
    rf"|\[(?P<linked>{_MARKED_LIST})\]\(#(?!{_NOTE_ANCHOR}){_TARGET}\)"  # [3](#ref-3)
    rf"|\[(?P<first>\d{{1,4}})\]{_DASH}\[(?P<last>\d{{1,4}})\]"  # [2]-[4]
    # [3], [1-4], [1, 5, 7], [7;8;9]; also in glued runs "[409][410],[411]", but not
    # the label of a reference link "[3][ref]" or link text "[3](url)"
    # (a blank inside either end, as a converter leaves it: "[ 1]", "[8 ]")
    rf"|\[ ?(?P<plain>{_MARKED_LIST}) ?\](?!{_LINK_TARGET})(?!\[(?!{_RANGE}\]))"
    # works each with its locator, the next after a semicolon: "[2, pp. 3-5; 3]", "[4 (p.
    # 7)]", "[5:12]" (work and page), "[7:3; 8:9]"
    rf"|\[(?P<works>{_RANGE}{_LOCATED}(?:\s*;\s*{_RANGE}(?:{_LOCATED})?)*+)\](?!{_LINK_TARGET})"
    # a locator after the numbers: "[15, Chapter 4]", "[12, p. 4]", "[3, Table 2]"
    rf"|\[(?P<located>{_LIST})\s*,\s*(?={_LOCATOR})[^\[\]\n]{{1,60}}\](?!{_LINK_TARGET})"
    # citing words beside the numbers: "[see 4]", "[5, as modified by 6]"
    rf"|\[(?P<lead>{_LEAD_CUE})?(?P<cued>{_HELD_LIST})(?:(?P<mid>{_MID_CUE})(?P<more>{_HELD_LIST}))?"
    rf"(?P<tail>{_TAIL_CUE}|\s*,\s*(?={_LOCATOR})[^\[\]\n]{{1,60}})?\](?!{_LINK_TARGET})(?!\[)"
    # a list whose range lost its dash: "[1,6 9,15]" (`_mended`)
    rf"|\[(?P<mended>{_LOST_LIST})\](?!{_LINK_TARGET})(?!\[)"
)
# the rest of a superscript run of brackets, up to its closing caret: "],[5]^"
_SUPERSCRIPT_CLOSE = re.compile(r"[\[\]\d,;–—−\- ]{0,80}\^")
# a superscript just closed, "Lep^ob^" (its caret is no footnote's)
_CLOSED_SUPERSCRIPT = re.compile(r"\^[^\s^\[\]]{1,30}\^$")
# the end of a numeric bracket just before another: "[409][410]" is two citations
_NUMERIC_BRACKET_END = re.compile(rf"\[{_RANGE}\]$")
# after a volume's "(issue)": its page -- "Phytologia 35(1): 54", "10(1):433"
_ISSUE_PAGE = re.compile(r"\s?:\s?\d")
# "(see 4)", "(cf. 5)", "(refs.4,5)": a prefix word ends at a full stop or a blank;
# glued to the digit it is a label's letters -- "(CF2)" a carbon, "(REF3)" a gene
# (and in the languages of `_OTHER_CUE`: "(véase 4)", "(ver 5 y 6)", "(vgl. 7)"); a last
# number joined by a word, "(3, 4 and 5)", "(13 e 14)", is the list's too
_PAREN = re.compile(
    r"\((?:(?P<prefix>(?:refs?|cf)\.|(?:references?|refs?|see|cf)(?=\s)"
    rf"|(?:{_OTHER_CUE})(?<=\.)|(?:{_OTHER_CUE})(?=\s))\s*)?(?P<list>{_LOST_LIST})"
    rf"(?:\s(?:{_AND})\s(?P<more>{_RANGE}))?\)",
    re.IGNORECASE,
)
# the same words in running text, as Nature's journals write a number used as a noun:
# "as in ref. 12", "refs 3-5", "refs. 7 and 8", "see reference 4." (a number after the
# word, nothing of a quantity after it; the word spelt out and singular only before a
# stop: "the reference 3 M KCl electrode" is a value); a wrapped source's line may
# break after the short word or around "and" ("see refs.\n10 and 11"), not after
# "References", which ends a line of a table of contents ("7 References\n8 Appendix");
# and as Portuguese, Spanish and French write them: "as referências 3 e 4", "véanse
# las referencias 6-8", "la référence 9." (c11)
_REFERENCES_WORD = r"(?:references|refer[eê]ncias|r[eé]f[eé]rences)"
_REFERENCE_WORD = r"(?:reference|refer[eê]ncia|r[eé]f[eé]rence)"
_RUNNING_REF = re.compile(
    rf"(?<![\w.])(?:(?:(?:refs?\.|refs)[ \t\xa0\n]|{_REFERENCES_WORD}[ \t\xa0])(?P<list>{_LIST})"
    rf"(?:[ \t\n]{{1,8}}(?:{_AND}|&)[ \t\n]{{1,8}}(?P<more>{_RANGE}))?(?![\d%]|[^\W\d_]|[.,]\d)"
    rf"|{_REFERENCE_WORD}[ \t\xa0](?P<one>\d{{1,4}})(?=[.,;:)](?!\d)|$))",
    re.IGNORECASE | re.MULTILINE,
)
# also wrapped, as SciELO prints them, ^(2,3)^, and with the separator that followed
# it set superscript too, ^1,^; and with its opening bracket alone raised, the list
# after it not ("firm ^(^24.", "fled^(^25-26)"): the list must then close there, on
# the bracket or on punctuation before a blank ("^(^24 mL)", "^(^7.4)" are values)
_SUPERSCRIPT_MARKUP = re.compile(
    rf"<sup>\s*[(\[]?(?P<sup>{_LIST})[)\]]?[,;]?\s*</sup>"
    rf"|\^[(\[]?(?P<caret>{_LIST})[)\]]?[,;]?\^"
    rf"|(?:\^[(\[]\^|<sup>\s*[(\[]\s*</sup>)(?P<opened>{_LIST})"
    r"(?=[)\]]|[.,;:](?:\s|$)|$)",
    re.IGNORECASE,
)
# the unmarked rest of a superscript list: "^4^ ^,^ 6", "⁴ , 6" (see `_continued`)
_CONTINUATION = re.compile(
    r"(?P<sep>\s?(?:\^[,;]\^|<sup>\s?[,;]\s?</sup>)\s?| [,;] )"
    r"(?P<list>\d{1,3}(?:[-–−]\d{1,3})?)(?=$|[\s;:)]|[.,](?!\d))",
    re.IGNORECASE,
)
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_UNICODE = re.compile(
    rf"⁽?(?<![{_SUPERSCRIPT_DIGITS}])[{_SUPERSCRIPT_DIGITS}]{{1,3}}"
    rf"(?:\s?[⁻,\-–−]\s?[{_SUPERSCRIPT_DIGITS}]{{1,3}})*⁾?"
)
_FROM_SUPERSCRIPT = str.maketrans(_SUPERSCRIPT_DIGITS + "⁻−", "0123456789--", "⁽⁾")
# flattened superscripts: "before.3,4 Then" -- never starting inside a number; the list
# may break at a hard-wrapped line's end
# It opens on its first digit and looks back from there (the same match as a lookbehind
# before the digit, but the engine skips to the next digit instead of trying every
# offset of the page: four times faster on a 5 MB line).
_GLUED_PLAIN = re.compile(
    r"(?P<list>\d(?:(?<=[^\W\d_]\.\d)|(?<=[^\W\d_]{3}\d)|(?<=et al\d))\d{0,2}"
    r"(?:[-–]\d{1,3})?(?:,\n?\d{1,3}(?:[-–]\d{1,3})?)*)"
    r"(?=$|[\s);:\]]|[.,](?!\d))"  # "disease.4,\n6": a hard-wrapped line breaks a list
)
# a superscript list whose separators alone kept their markup: "artigos, 1^,^10^,^14"
# Its separators: a comma or a dash ("46^-^48", a range); SciELO's bracketed
# superscripts whose brackets alone kept the markup ("10^),(^11", "9^)-(^11" for
# ^(10),(11)^); and a space between two single digits, where the publisher's XML split
# one citation into two ("21^,^2 2^,^38": two citations, 2 and 2, as its links say).
# What follows is checked in code, not by a lookahead: a possessive run refused by
# its end was tried again from each of its numbers (quadratic on "9 9^,^" repeated).
_SUPERSCRIPT_JOINED = re.compile(
    r"(?<![\w^.,\-–])(?P<list>\d{1,3}"
    r"(?:(?:\^\)?[,;\-–−]\(?\^\s?|(?<=\D\d) (?=\d(?!\d)))\d{1,3})++)"
)
_SPLIT_DIGITS = re.compile(r"(?<=\d) (?=\d)")
# flattened superscripts set off by a space, after a clause's punctuation: "in all its
# complexity. 17,51", "users. 23 The idea", "of 12 articles, 1,10,14,16 that"; after a
# closing quotation mark or parenthesis, "the pattern” 46 (p. 727)", "gestores”. 51",
# "(Art. 363) 18."; after "et al.", "Dahlen et al. 7, esses"
# (opening on its first digit, as `_GLUED_PLAIN` does)
_CLOSERS = '”"’»)'
_SPACED_PLAIN = re.compile(
    rf"(?P<list>\d(?:(?<=[^\W\d_][.,;:] \d)|(?<=[{_CLOSERS}][.,;:] \d)"
    rf"|(?<=[^\W\d_]{{2}} \d)|(?<=[{_CLOSERS}] \d)"
    # after a year or a share: "em 2009 10;", "the 1980s 4.", "30% 1." (checked in code)
    r"|(?<=\d{4} \d)|(?<=\ds \d)|(?<=% \d)"
    # after a temperature or a one-letter unit: "at 37°C 18.", "of 19.3 h 9." (in code)
    r"|(?<=°[^\W\d_] \d)|(?<=\d [^\W\d_] \d)"
    # after an italic "et al.": "Travis *et al.* 22. Sub-analysis" (checked in code)
    r"|(?<=al\.[*_] \d)|(?<=al\.[*_]{2} \d))"
    r"\d{0,2}(?:[-–]\d{1,3})?(?:,\d{1,3}(?:[-–]\d{1,3})?)*)"
    r"(?P<after>[.;:]?(?:[ \t]*(?:\n|$)|[ \t]+(?P<next>[^\W\d_]))"
    # a quotation's page after the number: "” 46 (p. 727)", "” 33 (pp. 4-5)"
    r"|(?P<page>[ \t]+\((?:pp?|págs?|pág)\.[ \t]?\d)"
    # the sentence going on after "et al. 7": checked in code
    r"|(?P<comma>,)(?=[ \t]))"
)
# "al. " -- or "al.* ", "al.** ", "al._ ": its emphasis closed, as converters set it
_ET_AL_BEFORE = re.compile(r"\bal\.(?:[*_]{1,2})? $")
# "et al." or "et al" just before a glued number (`_glued_plain`)
_ET_AL_GLUED = re.compile(r"\bet al\.?$")
# a year ("1976 ", "1980s ") or a share ("30% ") just before a spaced number
_YEAR_OR_SHARE_BEFORE = re.compile(r"(?:(?<![\d.,])(?:1[5-9]|20)\d\ds?|\d%) $")
# a paragraph's own text before a number: no line break within this many characters
_PARAGRAPH_BEFORE = 60
# possessive blanks: a superscript run of blanks (a Word file's) was split every way
# between the two leading "\s*" before failing (quadratic in the run)
_SPAN_LIST = re.compile(rf"\s*+[(\[]?\s*+(?P<list>{_LIST})\s*+[)\]]?\s*+[.,;]?\s*+")
# the list after a Word run that raised only its opening bracket (as `_SUPERSCRIPT_MARKUP`'s
# "opened" list: closing on the bracket or on punctuation before a blank)
_OPENED_AFTER = re.compile(rf"(?P<list>{_LIST})(?=[)\]]|[.,;:](?:\s|$)|$)")
_ARITHMETIC = re.compile(r"[=+×*/<>^−]\s*[\d.,]+$")
# A value reported in prose, not a formula: "VAS < 4 (18).", "31,4/100.000 (2)",
# "directives 25/12 (30) and": a word or a number (not a one-letter variable) compared
# or divided by a number, with no "=" around.
_PROSE_VALUE = re.compile(
    r"(?:(?<![^\W\d_])[^\W\d_]{2,}|(?<![\w.,])\d[\d.,]*)\s*[<>/≤≥]\s*[\d.,]+$"
)
# "[23,5-32,5]": an interval of decimals with commas (Portuguese, Spanish, German...)
_DECIMAL_INTERVAL = re.compile(r"\d{1,3},\d{1,2}\s*[-–—−;]\s*\d{1,3},\d{1,2}")
_ENTRY_LABEL = re.compile(r"\s*[\[(]?(\d{1,4})[\].)]\s")
# A line that is a number and its bracketed companions only: a table cell's value.
# (possessive blanks: the blanks either side of an absent sign were split every way)
_CELL_VALUE = re.compile(r"[ \t]*+[<>≤≥~]?[ \t]*+\d[\d.,]*+[ \t]*+%?[ \t]*+")
_NAME_WITH_NUMBER = re.compile(r"[^\W\d_]{2}-\d{1,2}$")
_UNIT_SD = re.compile(r"\d\s*SDs?\s*$", re.IGNORECASE)
_LOOKBACK = 40
_CLAUSE_WINDOW = 300  # an enumeration's items stand within a few sentences


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split(" "))


# A hyphen glued to a word and to the parenthesis: the numbers are part of a name
# ("angiotensin-(1–7)", "Ang-(1-9)", "4-(2-aminoethyl)"), never a citation after a word.
_NAME_HYPHENS = frozenset("-\u2010\u2011")
# Marks a converter leaves that print nothing (soft hyphen, zero-width space and joiners).
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# Words after which a number in round brackets points at the list: "reproduced from
# ref (12)", "see refs (5, 6)" -- read as "(ref. 12)" is, in any paper citing by number.
_REF_WORDS_BEFORE = frozenset(("ref", "refs", "reference", "references"))
# Words after which a number in round brackets is a label, not a citation.
_LABEL_WORDS = _words(
    "eq eqs equation equations eqn table tables tab tabs fig figs figure "
    "figures scheme schemes step steps section sections chapter chapters appendix lemma "
    "theorem proposition corollary hypothesis hypotheses line lines row rows column columns "
    "no nos panel panels ecuación ecuaciones equação equações tabela tabla tabelle figura "
    "abbildung gleichung persamaan tabel gambar "
    # the other things a text numbers and points at: "diagram 1", "Box 2", "Additional
    # file 3", "quadro 4", "cuadro 5", "gráfico 6" -- singular only: a plural before a
    # bracket is a name as often ("Scaffold Maps (6)" cites)
    "diagram graph chart map plate box file quadro cuadro gráfico gráfica mapa diagrama"
)
# A law's parts, as public-health texts cite them: "no artigo 9 do Código", "el
# artículo 9 de la Ley", "Article 9 of the Convention", "inciso 9", "parágrafo 9": a
# bare number after them is the part's, never a flattened superscript. (Not labels
# before a round bracket: "in a recent article (12)" cites.)
_LAW_PARTS = _words(
    "artigo artículo articulo article articolo artikel inciso parágrafo paragrafo párrafo "
    "parrafo paragraph alínea alinea"
)
# Words after which a superscript or a glued number is a unit or an abbreviation.
_UNIT_WORDS = _words(
    "m cm mm km nm µm μm g kg mg µg s ms h min l ml dl ha ft in yd mi pa kpa mpa hz khz "
    "mhz ghz w kw mw j kj kcal cal v mv a ma k mol mmol ev kev mev r x y z n p q t fig "
    "figs eq eqs ref refs p pp no vol vols ch sec tab art nr"
)
# Words after which bracketed numbers are an interval: "95 % CI [1.2, 3.4]", "IQR (3-5)".
_STATISTIC_WORDS = _words("ci ic iqr cri hdi interval intervals intervalo range sd")
# Words that open an enumeration item: "aimed to (1) describe ... and (2) estimate".
_ENUMERATION_LEAD = _words(
    "to and or are were is was as that we which include includes including namely "
    "whether how y e ou o und et"
)


# Words a number ending a sentence is the value of, not a superscript after: "the pH
# was 7.", "o valor foi 8.", "Plot 1: Latitude" (a label before a colon is refused by
# the colon). A flattened superscript follows a content word ("disorders. 118").
_VALUE_LEADS = _words(
    "was were is are be been equals equal of to at by than about from and or than "
    "foi foram era eram é são de do da dos das a o em no na com para entre e ou que "
    "fue fueron es son del al en con por y el la los las un una "
    "plot step stage group phase level grade type class item sample site day week year "
    "lote etapa fase grupo nível nivel tipo classe clase amostra muestra dia día semana ano año "
    # a statistic's name before its value: "(AAPC 7,4; IC95% 6,1–8,7)", "(RR 2,3; ...)";
    # the semicolon and the interval's capitals after "7,4" read as a sentence's end,
    # and the value as the flattened superscript list 7, 4
    "apc aapc rr hr irr aor pr rp rc smd wmd md auc icc sd dp iqr cv"
)

# Words after which a bare number is a label, a unit's value or a value the sentence
# states: never a flattened superscript read by the list's order (`numeric_order`).
_REFUSED = _LABEL_WORDS | _UNIT_WORDS | _VALUE_LEADS | _LAW_PARTS
# the labelled nouns a determiner names as things spoken of ("in this group 10."),
# whose number ending the sentence is then no label (`numeric_candidate.determined`)
_DETERMINED_LEADS = _words("group stage phase level grade type class sample site")


class NumericExtractor(CitationExtractor):
    syntax: ClassVar[str] = "numeric"

    def extract(self, document: Document) -> list[Citation]:
        return [c for m in self.markers(document) for c in m.citations]

    def markers(self, document: Document) -> Iterator[NumericMarker]:
        """The markers in text order, each handed over as it is found: in converted
        Markdown, read with its backslash escapes as the punctuation they print
        (`numeric_unescaped`: "\\[3\\]–\\[6\\]" cites 3 to 6)."""
        view = unescaped(document)
        if view is None:
            yield from self._markers(document)
            return
        for m in self._markers(view.document):
            yield NumericMarker(
                view.written(m.start), view.written(m.end), m.numbers, document, m.labels
            )

    def _markers(self, document: Document) -> Iterator[NumericMarker]:
        """The markers in text order, each handed over as it is found.

        Which weak forms count is the whole document's evidence, so the forms are read
        in passes that hold counts, never candidates: a first one counts each form's
        markers and the distinct numbers they cite (at most a thousand), a last one
        yields what the counts keep, in order (the forms' streams merged on their
        offsets). A numbered list's order (`numeric_order.in_order`) walks the kept
        stream once more for its own counts. ``[1] `` x 400,000 held 400,000
        candidates before the first was handed over.
        """
        text = document.text
        code = code_index(text)  # compact: a page may be all code spans
        entries = _list_size(document)

        alleles = _allele_names(text)

        def read() -> list[Iterator[_Candidate]]:
            return [
                _outside(code, _within(entries, form)) for form in _forms(text, document, alleles)
            ]

        if entries == 0:
            # no list to weigh a weak form's evidence against: brackets alone are kept
            # (`_weigh`), so only their streams are read, once (a 5 MB page of "[1]"
            # and years was read for every weak form, to keep none)
            choice = _Choice(entries, {})

            def forms() -> list[Iterator[_Candidate]]:
                return [
                    _outside(code, _within(entries, form)) for form in _marked_forms(text, document)
                ]

        else:
            replay = _Replay(read)
            choice = _weigh(replay.first(), entries)

            def forms() -> list[Iterator[_Candidate]]:
                return replay.again(choice.may_keep)

        def kept() -> Iterator[tuple[tuple[int, ...], _Candidate]]:
            keyed = (choice.keyed(sub, form) for sub, form in enumerate(forms()))
            return heapq.merge(*keyed, key=_first)

        found: Iterator[tuple[tuple[int, ...], _Candidate]] = kept()
        if numbered_list_in(document):
            sure = lambda: (c for _, c in kept())  # noqa: E731
            loose = lambda: [  # noqa: E731
                _outside(code, _not_alleles(text, s, alleles))
                for s in loose_candidates(text, _REFUSED)
            ]
            late = (
                ((c.start, 1, seq), c) for seq, c in enumerate(in_order(text, sure, loose, entries))
            )
            found = heapq.merge(found, late, key=_first)
        reached = -1  # the end of the markers handed over: one inside them is theirs
        for _, candidate in found:
            if candidate.start < reached or in_byline(text, candidate.start):
                continue  # ... and a byline's affiliation marks in any form (`bylines`)
            reached = max(reached, candidate.end)
            yield NumericMarker(
                candidate.start, candidate.end, candidate.numbers, document, candidate.labels
            )


# What the first pass keeps for the later ones, a candidate counting one and one for
# each number (~130 and ~10 bytes): a manuscript's few hundred citations are read
# once, a flood past this is read again for each pass (twice the time, not the memory).
_HELD_AT_MOST = 1_000


class _Replay:
    """The forms' streams, read again for each pass -- or, while the page holds no more
    than `_HELD_AT_MOST` candidates, kept from the first pass: reading the forms costs
    more than holding a real paper's candidates, and a flood is never held (a fixed
    few hundred candidates at most, dropped when the count passes).

    A stream is read again only if the first pass saw it yield a form the later pass
    may keep: a stream that found nothing, or only forms the evidence refused, would
    find the same again (a bracket flood's page was scanned for flattened superscripts,
    Unicode digits and joined lists twice, to keep none)."""

    def __init__(self, read: Callable[[], list[Iterator[_Candidate]]]) -> None:
        self._read = read
        self._held: list[list[_Candidate]] | None = None
        self._forms: list[set[str]] = []  # the forms each stream yielded
        self._count = 0

    def first(self) -> list[Iterator[_Candidate]]:
        streams = self._read()
        self._held = [[] for _ in streams]
        self._forms = [set() for _ in streams]
        return [self._recorded(i, stream) for i, stream in enumerate(streams)]

    def _recorded(self, index: int, stream: Iterator[_Candidate]) -> Iterator[_Candidate]:
        forms = self._forms[index]
        for candidate in stream:
            forms.add(candidate.form)
            if self._held is not None:
                self._count += 1 + len(candidate.numbers)
                if self._count > _HELD_AT_MOST:
                    self._held = None  # a flood: the later passes read the page again
                else:
                    self._held[index].append(candidate)
            yield candidate

    def again(self, may_keep: Callable[[str], bool]) -> list[Iterator[_Candidate]]:
        """The streams once more, those with no form `may_keep` keeps left empty (in
        their places: a stream's index orders the candidates of one offset)."""
        wanted = [any(may_keep(form) for form in forms) for forms in self._forms]
        if self._held is None:
            streams = self._read()  # generators: one left unread costs nothing
            return [s if w else iter(()) for s, w in zip(streams, wanted, strict=True)]
        return [iter(held) if w else iter(()) for held, w in zip(self._held, wanted, strict=True)]


def _first(item: tuple[tuple[int, ...], _Candidate]) -> tuple[int, ...]:
    return item[0]


# the first number of four digits: a year as often as a citation (`_within`)
_LONG = 1000


def _within(entries: int, candidates: Iterable[_Candidate]) -> Iterator[_Candidate]:
    """The candidates without a number of four digits the list does not reach.

    The forms read four digits so that a review's list of a thousand works and more is
    cited past its 999th ("[1000]" was never read: 101 entries "never cited"), but
    "[2019]", "(1998-2003)" and "^2020^" are years: a number of four digits is a
    citation only where the list has that many entries, or a little past its end (a
    missing entry's) where the list's own numbers have four digits ("[1101]" in a list
    of 1,100) or beside a number of three digits in the same marker ("[998-1002]" in a
    list of 999)."""
    reach = entries + _past_the_end(entries)
    for c in candidates:
        top = max(c.numbers, default=0)
        past_the_end = top <= reach and (entries >= _LONG or min(c.numbers) < _LONG)
        if top < _LONG or top <= entries or past_the_end:
            yield c


def _outside(code: CodeSpans, candidates: Iterable[_Candidate]) -> Iterator[_Candidate]:
    return (c for c in candidates if not code.covers(c.start))


def _forms(text: str, document: Document, alleles: frozenset[str]) -> list[Iterator[_Candidate]]:
    """Every form's candidates, each stream in text order (the order `_weigh` breaks
    ties of one offset by)."""
    return [
        *_marked_forms(text, document),
        _parenthesised(text, _equation_numbers(text), not numbered_list_in(document)),
        _running_refs(text),
        *(_superscripts(text, found, alleles) for found in _superscript_markers(text, document)),
        _glued_plain(text),
        *_superscript_joined(text, document),
        _spaced_plain(text),
        _after_names_with_digits(text),
        _after_values_in_clauses(text),
    ]


def _marked_forms(text: str, document: Document) -> list[Iterator[_Candidate]]:
    """The streams of square brackets, the first of `_forms`: the only ones that yield
    the forms kept without a list's evidence ("bracket", "bracket-value")."""
    subs = sub_labelled(e.raw for e in document.reference_entries)
    bullets = annotated_labels(e.raw for e in document.reference_entries)
    defined = _defined_link_labels(document)
    return [
        _bracketed(text) if bullets else _unbulleted(text, _bracketed(text)),
        _reference_links(text, defined) if defined else iter(()),
        _sub_labelled_brackets(text) if subs else iter(()),
    ]


# A Markdown link definition "[3]: https://..." standing as a list's entry, and the
# reference-style link "[text][3]" that uses it
_LINK_DEFINITION = re.compile(r"\[(\d{1,4})\]:[ \t]*\S")
_REFERENCE_LINK = re.compile(r"\]\[(\d{1,4})\]")


def _defined_link_labels(document: Document) -> frozenset[int]:
    """The numbers of the list's entries that are Markdown link definitions ("[1]:
    https://example.org/a.pdf" under "Sources")."""
    found = (_LINK_DEFINITION.match(e.raw.lstrip()) for e in document.reference_entries)
    return frozenset(int(m.group(1)) for m in found if m)


def _reference_links(text: str, defined: frozenset[int]) -> Iterator[_Candidate]:
    """ "[Exemple-Q][1]": a reference-style link to a definition the list holds cites
    that entry (read as a link's label, the list was "never cited")."""
    for m in _REFERENCE_LINK.finditer(text):
        number = int(m.group(1))
        if number in defined:
            yield _Candidate(m.start() + 1, m.end(), (number,), "bracket")


def numbered_list_in(document: Document) -> bool:
    """Whether the list's entries carry numbers (a marker, "1.", "[1]", bare "1 Smith"):
    only then may a bare number in the text be read by the list's order -- in an
    author-year paper "^13^C" and "86 reactions" are never citations."""
    layout = document.reference_layout
    if layout is not None and layout.kind == "numbered":
        return True
    raws = [e.raw for e in document.reference_entries]
    # most entries labelled: one entry opening with a year ("2015. Patent ...") is not
    labelled = sum(1 for raw in raws if _ENTRY_LABEL.match(raw))
    return labelled * 2 > len(raws) or bool(bare_labels(raws))


def _list_size(document: Document) -> int:
    """The highest number the manuscript's own list can be cited by: its entry count, or
    its highest label when entries are numbered with gaps ("1., 2., 4.")."""
    count = len(document.reference_entries)
    labels = (_ENTRY_LABEL.match(e.raw) for e in document.reference_entries)
    highest = max((int(m.group(1)) for m in labels if m), default=0)
    highest = max([highest, *bare_labels(e.raw for e in document.reference_entries)])
    return max(count, highest) if highest <= 2 * count else count


@dataclass(frozen=True, slots=True)
class NumericMarker:
    """A numeric marker whose citations are made only when asked for.

    ``[1–50] `` is seven characters and fifty citations: built for every marker up
    front, 140 KB of them were a million Citations (358 MB) before the audit's cap
    kept its first few thousand. The marker holds its numbers; `extract_citations`
    asks for `citations` only of the markers it keeps, and counts the rest by `count`.
    """

    start: int  # offset into Document.text
    end: int  # exclusive
    numbers: tuple[int, ...]
    document: Document
    labels: tuple[str, ...] = ()  # sub-entries named ("3a", "3c", "4"), when any

    @property
    def count(self) -> int:
        return len(self.labels or self.numbers)

    @property
    def citations(self) -> tuple[Citation, ...]:
        text = shown(self.document.text[self.start : self.end])
        location = self.document.location_at(self.start)
        items = self.labels or tuple(str(n) for n in self.numbers)
        return tuple(
            Citation(
                id="",
                text=text,
                location=location,
                kind=CitationKind.NUMERIC,
                item=item,
                number=int(item.rstrip(_LETTERS)),
            )
            for item in items
        )


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


# -- the forms -----------------------------------------------------------------------


def _unbulleted(text: str, found: Iterator[_Candidate]) -> Iterator[_Candidate]:
    """Brackets without annotation bullets: "[18••, 20]" is read only where the list
    labels its entries so (`annotated_labels`)."""
    return (c for c in found if "•" not in text[c.start : c.end])


# a version number of three parts or more just before a bracket: "OpenCV 2.4.11[2]",
# "v1.2.3[4]" -- no index or decimal ends so, and the bracket is the citation
_VERSION_BEFORE = re.compile(
    r"(?<![\w.])v?\d{1,4}(?:\.\d{1,4}){2,3}\Z"
    # or a tool's capitalised name glued to its dotted version: "MrBayes3.0b4[5]",
    # "BEAST1.8[7]" (no index is written so; "obj.b2[3]" is lower case)
    r"|(?<![\w.])[A-Z][A-Za-z]{1,20}\d{1,3}(?:\.\d{1,3}[a-z]{0,2}\d{0,3}){1,3}\Z"
)
# a name holding a digit, capitalised, just before a bracket: a model's or a tool's
# ("T5[15]", "Word2vec[26]", "GPT3[4]", "YOLOv8[2]"). The bracket cites it, where a
# lower-case variable's ("x2[3]") indexes it. ASCII letters and digits only, so one
# pass, and Chinese text glued before it ("包括GPT2[4]") is no part of the name.
_NAME_WITH_DIGITS = re.compile(r"(?<![A-Za-z\d_.])[A-Z][A-Za-z]{0,20}\d{1,4}[A-Za-z\d]{0,20}\Z")


# A chemical name's locants or ring sizes in square brackets, the name's letters glued
# after them: "[3,3]-sigmatropic", "[4+2]-cycloaddition", "[1,2,4]triazolo",
# "[2.2.2]cryptand", "[5]helicene". A citation's bracket is followed by a blank or a
# mark, never by a hyphen and a word; a lower-case word glued on is a chemical name's
# only where it ends as one ("-olo", "-ene", "-and"): a converter glues citations to the
# next word too ("the Terms of Use [4]summary", "equation [34],[35]where": study
# PLOS articles as Markdown read them as locants, their works "never cited").
_LOCANT_AFTER = re.compile(r"-[a-zA-Z]|[a-z]{1,36}(?:ene|ane|yne|ine|ole|olo|ino|ido|yl|and)s?\b")


def _bracketed(text: str) -> Iterator[_Candidate]:
    for m in _BRACKETED.finditer(text):
        start = m.start()
        lead = _superscript_opening(text, start, m.end())
        before = text[lead - 1] if lead else ""
        if before == "^" and _CLOSED_SUPERSCRIPT.search(text, max(lead - 32, 0), lead):
            before = " "  # Lep^ob^[38], HCO3^-^[2,3]: after a superscript, not indexing
        glued_run = before == "]" and _NUMERIC_BRACKET_END.search(text, max(lead - 12, 0), lead)
        named = (
            lead == start
            and _may_end_a_name(before)
            and _NAME_WITH_DIGITS.search(text, max(lead - 46, 0), lead)
        )
        if (
            before.isdigit()
            and not named
            and not _VERSION_BEFORE.search(text, max(lead - 48, 0), lead)
            and not _raised_after_a_digit(text, lead, start)
        ) or (before in "_]!^@" and not glued_run):
            continue  # x2[3], a reference link ][2], an image ![1]; "OpenCV 2.4.11[2]" cites
        value = _value_before(text, lead)
        if m.group("first"):
            numbers = _expand(f"{m.group('first')}-{m.group('last')}")
        elif m.group("linked_first"):
            numbers = _expand(f"{m.group('linked_first')}-{m.group('linked_last')}")
        else:
            body = _body(m)
            if body is None:
                continue  # "[4]" with no cue was the plain form's, refused there
            numbers = () if _statistic(text, start, body) else _expand(body)
            if numbers and m.group("plain") and _tiles(text, start, m.end(), body):
                continue  # "([1-3], [4-6], [7-9])": a scale's intervals
            if value is not None and _interval_around(body, value):
                continue  # "48 [40-70]": a median and its range, not citations
        if not numbers:
            continue
        if m.group("plain") and _LOCANT_AFTER.match(text, m.end()):
            continue  # "[1,3]-dipolar", "[1,2,4]triazolo", "[5]helicene": a chemical name's
        if (
            text[m.end() : m.end() + 1] == ":"
            and not text[_line_start(text, start) : start].strip()
            and _link_destination_follows(text, m.end() + 1)
        ):
            continue  # "[1]: https://..." defines a Markdown reference link
        form = "bracket" if value is None else "bracket-value"
        if named:
            form = "glued-bracket"  # T5[15], Word2vec[26]: a name's citation
        elif before.isalpha() and lead == start:  # "and^[4]^" is a superscript's
            word = _word_before(text, start)
            if len(word) == 1 and _FIGURE_PANELS.search(text, max(lead - 40, 0), lead):
                form = "bracket"  # "(Fig. 4C,D[35])": after a figure's panels
            elif word == "al" or (len(word) > 1 and word[0].isupper()):
                form = "glued-bracket"  # et al[8], Ribeiro[11]
            elif _caseless(word):
                # "城市化进程加快[1]。", "연구[2]": scripts with no capitals (Chinese and
                # Japanese write no spaces at all) glue every citation to a word
                form = "glued-bracket"
            elif len(word) >= 4 or _unindexed_script(word):
                # infection[3,4], шум[7]: only where brackets are the style
                form = "glued-lower"
            else:
                continue  # x[2], v[3]: indexing, not a citation
        linked = m.group("linked") or m.group("linked_first")
        rounds = bool(linked) and form == "bracket" and _linked_in_rounds(text, start)
        yield _Candidate(start, m.end(), numbers, form, in_rounds=rounds)


_LINK_RUN = 24  # linked numbers looked back over to the bracket that opens them


def _linked_in_rounds(text: str, start: int) -> bool:
    """Whether the linked number at `start` ("[46](#CR46)") stands in round brackets,
    after others linked so: "([10](#CR10),[46](#CR46))". Walks back over at most
    `_LINK_RUN` links, each found by `rfind` within 80 characters."""
    at = start
    for _ in range(_LINK_RUN):
        k = at - 1
        while k >= 0 and text[k] in " \t\n":
            k -= 1
        if k < 0:
            return False
        if text[k] == "(":
            return True
        if text[k] not in ",;–-":
            return False
        k -= 1
        while k >= 0 and text[k] in " \t\n":
            k -= 1
        if k < 0 or text[k] != ")":
            return False
        opening = text.rfind("[", max(k - 80, 0), k)
        if opening < 0 or "](#" not in text[opening:k]:
            return False
        at = opening
    return False


def _may_end_a_name(char: str) -> bool:
    """Whether `_NAME_WITH_DIGITS` may end on this character (an ASCII letter or a
    digit): most brackets follow a blank, and the pattern's search of 46 characters
    behind each was a sixth of the bracket reader's time on a page of them."""
    return char.isdecimal() or ("a" <= char <= "z") or ("A" <= char <= "Z")


def _unindexed_script(word: str) -> bool:
    """Whether a word is in a script no variable is named in (Cyrillic "шум", Armenian,
    Arabic...): indexing ("x[2]", "v[3]") is written in Latin or Greek letters, so a
    short word of another script glued to a bracket ("помечаются как шум[7].") cites."""
    return all(ch.isalpha() and ch > "\u024f" and not "\u0370" <= ch <= "\u03ff" for ch in word)


def _raised_after_a_digit(text: str, lead: int, start: int) -> bool:
    """A run of brackets set superscript after a name ending in a digit ("Mer3^[4],[5]^",
    "spo11^[6]^", "COVID-19^[7]^", PLOS's converted citations): a raised bracket is no
    index ("x2[3]" is not raised) and no exponent, so it cites -- but not after a power
    of ten's base ("10^[3]^")."""
    return lead < start and not _POWER_OF_TEN.search(text, max(lead - 4, 0), lead)


def _body(m: re.Match[str]) -> str | None:
    """The numbers a bracket cites, as one list ("18••, 20" -> "18, 20"; "see 4" ->
    "4"; "5, as modified by 6" -> "5,6"), or None for a cued form with no cue."""
    plain = m.group("plain")
    if plain is not None:
        return plain.replace("•", "")
    mended = m.group("mended")
    if mended is not None:
        return _mended(mended) if _LOST_PAIR.search(mended) else None
    body = m.group("wrapped") or m.group("linked")
    if body is not None:
        return body.replace("•", "")
    body = m.group("located")
    if body is not None:
        return body
    works = m.group("works")
    if works is not None:
        return _works(works)
    if not (m.group("lead") or m.group("mid") or m.group("tail")):
        # ("[3, p. 21]" alone is the located form's, "[4]" alone the plain one's)
        return None
    more = m.group("more")
    return f"{m.group('cued')},{more}" if more else str(m.group("cued"))


def _mended(body: str) -> str | None:
    """A bracket's list with each range that lost its dash to a space written with it
    again ("1,6 9,15" -> "1,6-9,15"), the list itself when it has no such pair, or None:
    a pair in a bracket of no other number ("(6 9)", a point) or one that does not rise
    ("12, 9 7") is no range of citations."""
    if " " not in body or _LOST_PAIR.search(body) is None:
        return body
    if "," not in body and ";" not in body:
        return None
    pairs = _LOST_PAIR.findall(body)
    if any(not 0 < int(low) < int(high) <= int(low) + MAX_RANGE for low, high in pairs):
        return None
    return _LOST_PAIR.sub(r"\1-\2", body)


def _works(works: str) -> str:
    """The numbers of "[2, pp. 3-5; 3]", "[7:3; 8:9]": each part's opening number. A
    bare range after a semicolon ("[2, pp. 3-5; 40-41]") is the pages before it
    continued, not works: only a single bare number there opens a work."""
    numbers = [m.group(1) for m in _WORK_NUMBER.finditer(works)]
    return ",".join(numbers[:1] + [n for n in numbers[1:] if n.isdigit()])


# a bracket naming sub-entries of a sub-labelled list: "[14e]", "[3a,c, 4]", "[2c,26b, 34]"
# (a lone letter after a comma is another sub-entry of the number before it)
_SUB_BRACKETED = re.compile(
    r"\[(?P<subs>\d{1,3}[a-z]?(?:\s?[,;„]\s?(?:\d{1,3}[a-z]?|[a-z]))*+)\]"
    rf"(?!{_LINK_TARGET})(?!\[)"
)
_SUB_ITEM = re.compile(r"(?P<number>\d{1,3})?(?P<letter>[a-z])?")
_SEVERAL = re.compile(r"[,;„]\s?\d")  # a second number in a bracket of sub-labels


def _sub_labelled_brackets(text: str) -> Iterator[_Candidate]:
    """Brackets naming sub-entries, in a list that has them (`sub_labelled`): each
    work is cited by its own label, "[3a,c, 4]" -> 3a, 3c, 4. A bracket with no letter
    is the plain form's."""
    for m in _SUB_BRACKETED.finditer(text):
        body = m.group("subs")
        if not any(c.isalpha() for c in body):
            continue
        lead = _superscript_opening(text, m.start(), m.end())
        before = text[lead - 1] if lead else ""
        glued = lead == m.start() and (before.isalnum() or before in "_]!@^")
        if glued and not (before.isalpha() and _SEVERAL.search(body)):
            # "x2[3a]", "salt[3a]", a reference link, an image (a superscript's may
            # follow); a list of labels glued to a word, "complexes[2c,26b,34]", is a
            # citation that lost its superscript
            continue
        labels: list[str] = []
        number = ""
        for part in re.split(r"\s?[,;„]\s?", body):
            item = _SUB_ITEM.fullmatch(part)
            if item is None or not (item.group("number") or number):
                break
            number = item.group("number") or number
            label = number + (item.group("letter") or "")
            if int(number) and label not in labels:
                labels.append(label)
        else:
            numbers = tuple(dict.fromkeys(int(label.rstrip(_LETTERS)) for label in labels))
            if numbers:
                yield _Candidate(m.start(), m.end(), numbers, "bracket", tuple(labels))


# a figure's panels a bracket is glued to: "Fig. 4C,D[35]", "Figure 2A–C[12]"
_FIGURE_PANELS = re.compile(r"(?i:\bfig(?:ure)?s?)\.?\s?\d{1,3}[^\W\d_](?:\s?[,–\-&]\s?[^\W\d_])*$")
# a numeric bracket of one range beside another: "[1-3], [4-6]" (`_tiles`)
_RANGE_AFTER = re.compile(rf"\s*[,;]\s*\[(?P<low>\d{{1,3}}){_DASH}\d{{1,3}}\]")
_RANGE_BEFORE = re.compile(rf"\[\d{{1,3}}{_DASH}(?P<high>\d{{1,3}})\]\s*[,;]\s*$")
_ONE_RANGE = re.compile(rf"(?P<low>\d{{1,3}}){_DASH}(?P<high>\d{{1,3}})")


def _tiles(text: str, start: int, end: int, body: str) -> bool:
    """A bracketed range that another bracketed range continues without a gap:
    "([1-3], [4-6], [7-9])" cuts a scale into intervals. Citations of consecutive
    works are one range, "[1-9]"; brackets of citations in a run do not tile."""
    found = _ONE_RANGE.fullmatch(body.strip())
    if found is None:
        return False
    after = _RANGE_AFTER.match(text, end)
    if after is not None and int(after.group("low")) == int(found.group("high")) + 1:
        return True
    before = _RANGE_BEFORE.search(text, max(start - 20, 0), start)
    return before is not None and int(before.group("high")) + 1 == int(found.group("low"))


# a bare quantity just before a bracket, "48 [", "3.5% [", "n = 12 [": not a year ("in
# 2019 [3]" cites), not part of a name or a label ("COVID-19 [4]", "Table 2 [5]" are
# refused by the word before it)
_VALUE_BEFORE = re.compile(r"(?<![\w.,\-–/])(?P<value>\d{1,6}(?:[.,]\d{1,3})?)[ \t]?%?[ \t]$")
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_TWO_ENDS = re.compile(r"(?P<low>\d{1,3})\s*[-–—−,;]\s*(?P<high>\d{1,3})")


def _value_before(text: str, start: int) -> float | None:
    """The quantity a bracket follows with a space ("48 [40-70]", "n = 12 [3]"), or
    None (a year, a word, a label's number: "in 2019 [3]", "Table 2 [5]")."""
    if text[start - 1 : start] not in (" ", "\t", "\n"):
        return None  # the pattern ends on a blank (or "$" before a last newline)
    if not any(char.isdecimal() for char in text[max(start - 6, 0) : start]):
        return None  # the value's last digit stands within "5 % \n" of the bracket
    found = _VALUE_BEFORE.search(text, max(start - 12, 0), start)
    if found is None:
        return None
    number = found.group("value")
    if _YEAR.fullmatch(number):
        return None
    word = _word_before(text, found.start())
    if word.casefold() in _LABEL_WORDS | _UNIT_WORDS:
        return None  # "Table 2 [5]", "p. 48 [3]": a label or a page, cited
    return float(number.replace(",", "."))


def _interval_around(body: str, value: float) -> bool:
    """A bracket of two ends holding the value before it: "48 [40-70]" (median and
    range), "12 [10, 15]" (mean and interval). Citations of a list's works do not
    bracket a number that happens to stand before them."""
    found = _TWO_ENDS.fullmatch(body.strip())
    return found is not None and int(found.group("low")) <= value <= int(found.group("high"))


def _superscript_opening(text: str, start: int, end: int) -> int:
    """Where a bracket's context starts once a Pandoc superscript's carets are skipped.

    ``Ma)^[151]^``, ``^[4],[5]^`` and ``[409]^^[410]`` are bracketed citations set
    superscript (a caret closes the run of brackets, or one superscript ends where the
    next begins). A lone caret, ``^[note]``, is Pandoc's inline footnote.
    """
    if start == 0 or text[start - 1] != "^":
        return start
    if text[start - 2 : start] == "^^":
        return start - 2
    return start - 1 if _SUPERSCRIPT_CLOSE.match(text, end) else start


def _statistic(text: str, start: int, body: str) -> bool:
    """An interval, not citations: "[23,5-32,5]" (decimal commas), "95 % CI [1–2,28]"."""
    if _DECIMAL_INTERVAL.fullmatch(body) and _decimal_interval(body):
        return True
    word = _word_before(text, start).casefold()
    if word not in _STATISTIC_WORDS:
        return False
    # "SD (2.1)" reports a value, but after a number SD is a unit: "-1 SD (20)" and
    # "≤ –1,5 SD (3,6)" cite
    if word == "sd" and _UNIT_SD.search(text, max(start - _LOOKBACK, 0), start):
        return False
    # an interval has two ends: "age range [30]" cites, "range [3-5]" is an interval
    return any(sep in body for sep in ",;-–—−") or word == "sd"


def _decimal_interval(body: str) -> bool:
    """Whether "a,b–c,d" is an interval of decimals rather than citations "a, b–c, d".
    As citations its numbers must rise (a < b <= c < d); an interval printed with one
    precision at both ends ("1,2-3,4", "0,85–0,92") is read as one even then, so only a
    rising list whose ends differ in precision cites: "(2,9–11,24)"."""
    low, high = (part.strip() for part in _INTERVAL_ENDS.split(body, maxsplit=1))
    a, b = low.split(",")
    c, d = high.split(",")
    if len(b) == len(d) or a.startswith("0") or c.startswith("0"):
        return True
    return not int(a) < int(b) <= int(c) < int(d)


_INTERVAL_ENDS = re.compile(r"[-–—−;]")


_DEFINITION_TAIL = 2_000  # a definition's line is short; a longer rest is prose


def _link_destination_follows(text: str, offset: int) -> bool:
    """Whether the rest of the line after "[n]:" is what a Markdown reference-link
    definition holds: nothing (its destination on the next line), one destination, or
    one destination and a title. "[12]: where the sample was small" opening a line of a
    PDF's or a plain text's is a sentence citing 12, not a definition."""
    end = text.find("\n", offset, offset + _DEFINITION_TAIL)
    rest = text[offset : end if end >= 0 else offset + _DEFINITION_TAIL].strip()
    if not rest:
        return True
    if rest.startswith("<"):
        close = rest.find(">")
        after = rest[close + 1 :].strip() if close >= 0 else None
    else:
        parts = rest.split(None, 1)
        after = parts[1] if len(parts) > 1 else ""
    return after is not None and (not after or after[0] in "\"'(")


def _line_start(text: str, offset: int) -> int:
    """Where the line holding `offset` starts, looking back at most `_LOOKBACK`."""
    low = max(offset - _LOOKBACK, 0)
    found = text.rfind("\n", low, offset)
    return found + 1 if found >= 0 else low


# An equation named by its number, "equation (6)", "Eqs. (3) and (4)", "Gleichung (2)",
# "equação (5)": the text numbers its equations. Not "expression (3)" nor "formula (4)":
# "gene expression (3)", "infant formula (4)" cite. Possessive and bounded: linear.
# French, Italian, Dutch and Russian name them too ("l'équation (4)", "equazioni (4) e
# (5)", "vergelijking (3)", "уравнения (2)", "по формуле (5)": in Russian the word is
# a mathematical one); two numbers may stand glued, "(5)(6)", as CJK texts write them.
_EQUATION_WORDS = (
    r"eqs?|eqn|equations?|ecuaci(?:ón|on|ones)|equaç(?:ão|ões)|equacao|gleichung(?:en)?|"
    r"persamaan|denklem|équations?|equazion[ei]|vergelijking(?:en)?|уравнени[а-я]{1,3}|"
    r"формул[а-я]{0,2}"
)
_EQUATION_REF = re.compile(
    rf"\b(?:{_EQUATION_WORDS})\.?[ \t]*\((\d{{1,3}})\)"
    r"((?:[ \t]*+(?:,|and|e|y|und|et|or|ou|o|to|a|и|[-–、])?[ \t]*+\(\d{1,3}\)){0,8}+)",
    re.IGNORECASE,
)


def _equation_numbers(text: str) -> frozenset[int]:
    """The numbers the text gives its equations ("equations (3) and (4)", "Eq. (6)")."""
    if "(" not in text:
        return frozenset()
    found: set[int] = set()
    for m in _EQUATION_REF.finditer(text):
        found.add(int(m.group(1)))
        found.update(int(n) for n in re.findall(r"\d+", m.group(2)))
    return frozenset(found)


def _parenthesised(
    text: str, equations: frozenset[int] = frozenset(), unnumbered: bool = False
) -> Iterator[_Candidate]:
    """Parenthesised numbers. Where the text numbers its equations ("equation (6)"), a
    bare "(6)" is that equation ("from (6)", "inserting (1) and (2)"): over a numbered
    list the numbers it names so are refused, over an unnumbered one every bare "(n)"
    (a paper numbering its equations cites an author-year list by name: its equations'
    numbers cited the entries of that position)."""
    for m in _PAREN.finditer(text):
        start = m.start()
        body = _mended(m.group("list"))
        if body is None:
            continue  # "(6 9)", "(12, 9 7)": numbers a space apart that are no range
        if m.group("more"):
            body = f"{body},{m.group('more')}"
        prefix = m.group("prefix")
        if prefix and bare_ver(prefix) and not reads_as_see(text, start):
            continue  # "SPSS (ver 25)": a program's version, in English
        if equations and not m.group("prefix"):
            if unnumbered:
                continue
            listed = _expand(body)
            if listed and all(n in equations for n in listed):
                continue
        if _statistic(text, start, body):
            continue
        numbers = _expand(body)
        if not numbers:
            continue
        before = text[max(start - _LOOKBACK, 0) : start]
        stripped = before.rstrip()
        formula = stripped and (stripped[-1] in "=+*/<>^$|\\" or _ARITHMETIC.search(stripped))
        if formula and not _prose_value(text, stripped, m.end()):
            continue  # x = y + 2 (2), a + b (3); "in 1990 (17)", "SAT1 (83)" are citations
        if _word_before(text, start).casefold() in _LABEL_WORDS:
            continue  # Eq. (3), Table (2), step (1)
        glued = before.rstrip(_INVISIBLE)
        if glued[-1:] in _NAME_HYPHENS and glued[-2:-1].isalnum():
            continue  # "angiotensin-(1–7)", "Ang-(1-9)": a peptide's residues, a name's part
        if after_an_equation_name(before) or (
            after_a_formula(before) and not closes_a_sentence(before, text[m.end() : m.end() + 2])
        ):
            continue  # "由式(1)", "公式(2)(3)", "수식 (4)"; "I = K/P (1), where"
        if before[-1:].isalpha() and len(_word_before(text, start)) < 4:
            # f(1), sin(2): a function, not "disease(1)"; but "hepatitis C(6).", "HCV(5),"
            # -- a capital's short name, the sentence or clause going on after it -- is
            # a citation where glued round brackets are the manuscript's style
            if _word_before(text, start)[:1].isupper() and _CLAUSE_GOES_ON.match(text, m.end()):
                yield _Candidate(start, m.end(), numbers, "paren-short")
            continue
        low = max(start - _LOOKBACK, 0)
        line_start = text.rfind("\n", low, start) + 1 or low  # bounded: linear on one line
        lead = text[line_start:start]
        at_start = not lead.strip(" \t-*+•>") and (line_start > low or low == 0)
        if at_start and not _runs_on(text, line_start):
            continue  # a list item "(1) First ..." or an equation number on its own
        line_end = text.find("\n", m.end(), m.end() + _LOOKBACK)
        rest = text[m.end() : line_end if line_end >= 0 else m.end() + _LOOKBACK]
        if "=" in lead and not rest.strip():
            continue  # "E = m c (1)" ending its line: an equation number
        if not rest.strip() and _CELL_VALUE.fullmatch(lead):
            continue  # a table cell "18 (10, 34)", "45 (23)": median (IQR), n (%)
        single = len(numbers) == 1 and not m.group("prefix")
        if single and _enumeration(text, start, m.end(), numbers[0]):
            continue
        if before[-1:].isdigit() and _ISSUE_PAGE.match(text, m.end()):
            continue  # "Phytologia 35(1): 54": a volume's issue, then the page
        form = "paren"
        if m.group("prefix") or _word_before(text, start).casefold() in _REF_WORDS_BEFORE:
            form = "paren-ref"  # "(ref. 4)"; "from ref (12)", "refs (5, 6)" (ACS, Nature)
        elif before[-1:] and not before[-1].isspace() and before[-1] not in "([":
            form = "paren-glued"  # "in 2013(15).": a superscript "(15)" that lost its markup
        yield _Candidate(start, m.end(), numbers, form)


def _running_refs(text: str) -> Iterator[_Candidate]:
    """ "ref. 12", "refs 7 and 8" in running text: read as "(ref. 12)" is, wherever the
    manuscript cites by number at all (the "paren-ref" form's weight)."""
    for m in _RUNNING_REF.finditer(text):
        listed = m.group("one") or m.group("list")
        if m.group("more"):
            listed += f",{m.group('more')}"
        numbers = _expand(listed)
        if numbers:
            yield _Candidate(m.start(), m.end(), numbers, "paren-ref")


_RUNS_ON_AFTER = frozenset(",)]\u201d\u2019%")


def _runs_on(text: str, line_start: int) -> bool:
    """The line before runs on into this one (hard-wrapped text: a PDF's lines, a
    wrapped paragraph), so a number in brackets opening it closes that sentence; a
    list item or an equation number follows a line that ended ("are:", "x = y.")."""
    before = text[max(line_start - _LOOKBACK, 0) : line_start]
    before = before[:-1] if before.endswith("\n") else before
    line = before.rstrip(" \t")
    if not line or line.endswith("\n"):
        return False  # a paragraph's first line
    # a sentence runs on past a closing bracket, quote or percent sign as past a word:
    # "... free fatty acids (FFAs)" / "(250,268)." in a narrow column
    return line[-1].isalnum() or line[-1] in _RUNS_ON_AFTER


def _prose_value(text: str, before: str, end: int) -> bool:
    """A quantity in a sentence, cited: "VAS < 4 (18). ISB ...", not an equation number
    (there "=" stands near, the operand is a one-letter variable, or the line ends)."""
    if _PROSE_VALUE.search(before) is None or "=" in before[-_LOOKBACK // 2 :]:
        return False
    after = text[end : end + 2]
    return len(after) == 2 and (after[0] in ".,;:" or (after[0] == " " and after[1].isalpha()))


def _enumeration(text: str, start: int, end: int, number: int) -> bool:
    """ "(1) describe ..., (2) estimate ...": items that open clauses, counted from 1.

    Looks no further than `_CLAUSE_WINDOW` either side, so a 5 MB single-line
    manuscript costs the same per marker as a short one.
    """
    if not _opens_clause(text, end):
        return False
    # the paragraph, not the line: a PDF prints "(1) ... (2) ... (3)" over several lines
    low = max(start - _CLAUSE_WINDOW, 0)
    found = text.rfind("\n\n", low, start)
    line_start = found + 2 if found >= 0 else low
    found = text.find("\n\n", end, end + _CLAUSE_WINDOW)
    line = text[line_start : found if found >= 0 else end + _CLAUSE_WINDOW].replace("\n", " ")
    labels = {f"({k})" for k in (1, 2)}
    if not all(label in line for label in labels):
        return False
    first = line.find("(1)")
    lead = line[max(first - _LOOKBACK, 0) : first].rstrip()
    lead_word = lead.rsplit(None, 1)[-1].casefold() if lead else ""
    return not lead or lead[-1] in ":;,(" or lead_word in _ENUMERATION_LEAD


def _opens_clause(text: str, end: int) -> bool:
    """Whether a word (not punctuation or the end of the sentence) follows: after a
    space, or after a line break -- a PDF's column or a hard-wrapped paragraph breaks
    right after "(1)" as after any word ("assumptions: (1)" / "mutations arise ...")."""
    after = text[end : end + 3]
    return len(after) >= 2 and after[0] in " \n" and after[1].isalpha()


def _superscripts(
    text: str, found: Iterator[_Candidate], alleles: frozenset[str]
) -> Iterator[_Candidate]:
    for candidate in _not_alleles(text, found, alleles):
        if in_byline(text, candidate.start):
            continue  # "Ana Lima^1^, Rui Costa^2^": affiliation marks (`bylines`)
        yield _continued(text, candidate)


def _not_alleles(
    text: str, found: Iterable[_Candidate], alleles: frozenset[str]
) -> Iterator[_Candidate]:
    return (c for c in found if not _allele(text, c.start, c.end, alleles))


# a marked superscript that is not a number list: "Fgf8^neo^", "wnd^+^", "unc-104^P350^"
_WORDED_SUPERSCRIPT = re.compile(r"\^(?P<sup>[^\^\s]{1,20})\^")
_SUPERSCRIPT_LIST = re.compile(rf"[(\[]?{_LIST}[)\]]?[,;]?")
# what a name's superscript is when it marks no allele: an ordinal, a trade mark, a
# table's footnote letter ("20^th^", "Excel^TM^", "mean^a^")
_NOT_ALLELES = _words("th st nd rd er e o tm ns ® ™ *")
# a table's footnote letters or signs, "mean^a^", "cells^b,c^", "n^*†^"
_FOOTNOTE_MARKS = re.compile(r"[a-z*†‡§](?:,[a-z*†‡§])*|[*†‡§]+")
# the gene or label a superscript is glued to, "Fgf8", "unc-104", "wnd": read
# backwards from the caret (a search for "[\w-]{1,40}$" tries every offset of its window)
_TOKEN_BACKWARDS = re.compile(r"[\w\-]{1,40}")


def _token_before(text: str, start: int) -> str:
    found = _TOKEN_BACKWARDS.match(text[max(start - 40, 0) : start][::-1])
    return found.group()[::-1] if found else ""


def _allele_names(text: str) -> frozenset[str]:
    """Names the document marks with a non-numeric superscript ("Fgf8^neo^",
    "wnd^+^", "Shh^fl/fl^"): genes and transgenes, whose numeric superscripts
    ("wnd^3^", "Tg^2^") are allele numbers, not citations. One scan of the carets."""
    if "^" not in text:
        return frozenset()
    names: set[str] = set()
    for m in _WORDED_SUPERSCRIPT.finditer(text):
        sup = m.group("sup")
        if (
            _SUPERSCRIPT_LIST.fullmatch(sup)
            or sup.casefold() in _NOT_ALLELES
            or _FOOTNOTE_MARKS.fullmatch(sup)
        ):
            continue
        if not any(c.isalpha() or c in "+/" for c in sup):
            continue
        token = _token_before(text, m.start())
        if any(c.isalpha() for c in token):
            names.add(token.casefold())
    return frozenset(names)


def _allele(text: str, start: int, end: int, alleles: frozenset[str]) -> bool:
    """A numeric superscript that is an allele: on a name the document marks with
    alleles (`_allele_names`), or one half of a genotype, "Tg^1^/Tg^2^"."""
    if text[end : end + 1] == "/" and text[end + 1 : end + 2].isalpha():
        return True  # "Tg^1^/Tg^2^": the first allele of a genotype
    token = _token_before(text, start)
    if not token:
        return False
    if alleles and token.casefold() in alleles:
        return True
    first = start - len(token)
    return first >= 2 and text[first - 2 : first] == "^/"  # ... and its second


def _superscript_markers(text: str, document: Document) -> list[Iterator[_Candidate]]:
    """Marked superscripts: Markdown and HTML markup, Unicode digits, Word runs -- three
    streams, each in text order."""
    return [
        _markup_superscripts(text),
        _unicode_superscripts(text),
        _run_superscripts(text, document),
    ]


def _markup_superscripts(text: str) -> Iterator[_Candidate]:
    if "^" not in text and "<" not in text:
        return  # no mark to find: a page's scan saved (each pattern opens on one)
    for m in _SUPERSCRIPT_MARKUP.finditer(text):
        numbers = _expand(m.group("sup") or m.group("caret") or m.group("opened"))
        form = _superscript_form(text, m.start(), m.end(), numbers) if numbers else None
        if form is not None:
            yield _Candidate(m.start(), m.end(), numbers, form)


def _unicode_superscripts(text: str) -> Iterator[_Candidate]:
    if not any(digit in text for digit in _SUPERSCRIPT_DIGITS):
        return  # a page without them, the usual case, is not scanned
    for m in _UNICODE.finditer(text):
        body = m.group().translate(_FROM_SUPERSCRIPT).replace(" ", "")
        numbers = _expand(body)
        form = _superscript_form(text, m.start(), m.end(), numbers) if numbers else None
        if form is not None:
            yield _Candidate(m.start(), m.end(), numbers, form)


def _run_superscripts(text: str, document: Document) -> Iterator[_Candidate]:
    offset = 0
    for line in document.lines:
        for first, last in sorted(line.superscripts):
            span = line.text[first:last]
            found = _SPAN_LIST.fullmatch(span)
            end = last
            if found is None and span.strip() in ("(", "["):
                # only the opening bracket raised, the list after it not: "firm (24."
                found = _OPENED_AFTER.match(line.text, last)
                end = found.end() if found else last
            start = offset + first
            numbers = _expand(found.group("list")) if found else ()
            form = _superscript_form(text, start, offset + end, numbers) if numbers else None
            if form is not None:
                yield _Candidate(start, offset + end, numbers, form)
        offset += len(line.text) + 1


def _continued(text: str, candidate: _Candidate) -> _Candidate:
    """A superscript list whose rest lost its superscript: ``^4^ ^,^ 6``, ``⁴ , 6``.

    Publishers' XML and Word files set "4" and "," superscript and forget the "6";
    the rest still belongs to the citation when the separator is itself marked
    superscript or stands apart with a space on each side (prose writes "4, 6"), and
    the numbers rise, as a list of citations does.
    """
    ranged = _RANGE_TO.match(text, candidate.end)
    if ranged is not None:
        return _range_to(candidate, ranged)
    closing = _unclosed_rest(text, candidate)
    if closing is not None:
        return closing
    found = _CONTINUATION.match(text, candidate.end)
    if found is None:
        return candidate
    separator = found.group("sep")
    if not ("^" in separator or "<" in separator or separator.startswith(" ")):
        return candidate
    numbers = _expand(found.group("list"))
    if not numbers or numbers[0] <= max(candidate.numbers):
        return candidate
    return _Candidate(candidate.start, found.end(), (*candidate.numbers, *numbers), candidate.form)


# the unmarked rest of a list whose opening bracket was marked and closing one not:
# "fibrogenesis^(18^,45).", "^(9^-11)" (SciELO's markup closed after the first number)
_OPENED_MARK = re.compile(r"(?:\^|<sup>\s*)[(\[]\d", re.IGNORECASE)
_UNCLOSED_REST = re.compile(r"(?P<sep>[,;\-–]) ?(?P<list>\d{1,3}(?:[,;\-–] ?\d{1,3}){0,8})[)\]]")


def _unclosed_rest(text: str, candidate: _Candidate) -> _Candidate | None:
    """``^(18^,45)``: a superscript that opened a bracket and did not close it, the list
    going on unmarked to the closing bracket -- the whole list, when its numbers rise."""
    marked = text[candidate.start : candidate.end]
    if not _OPENED_MARK.match(marked) or ")" in marked or "]" in marked:
        return None
    found = _UNCLOSED_REST.match(text, candidate.end)
    if found is None:
        return None
    rest = _expand(f"{candidate.numbers[-1]}{found.group('sep')}{found.group('list')}")
    if len(rest) < 2 or list(rest[:1]) != list(candidate.numbers[-1:]):
        return None
    if list(rest) != sorted(set(rest)):
        return None  # "^(5^,2)": not a list of citations
    return _Candidate(
        candidate.start, found.end(), (*candidate.numbers[:-1], *rest), candidate.form
    )


# a dash the publisher left unraised between two superscripts: "sensing,^4^−^6^ and"
_RANGE_TO = re.compile(
    r"[-–—−](?:\^(?P<caret>\d{1,3})\^|<sup>\s?(?P<sup>\d{1,3})\s?</sup>)", re.IGNORECASE
)


def _range_to(candidate: _Candidate, found: re.Match[str]) -> _Candidate:
    """``^4^−^6^``: one range, 4 to 6, when the second number is above the first's last
    (and within a range's width); otherwise the first superscript alone."""
    high = int(found.group("caret") or found.group("sup"))
    last = candidate.numbers[-1]
    if not last < high <= last + MAX_RANGE:
        return candidate
    numbers = (*candidate.numbers, *(n for n in range(last + 1, high + 1)))
    return _Candidate(candidate.start, found.end(), numbers, candidate.form)


# a power of ten, "10^6^", "× 10⁻³": the one base a superscript after a number is an
# exponent of in prose (a year, a value, a count or a version is cited after:
# "em 2015^14,16^", "foi de 0,78^19^", "Review Manager 5.4^18^")
_POWER_OF_TEN = re.compile(r"(?<![\d.,])10$")


def _superscript_form(text: str, start: int, end: int, numbers: tuple[int, ...]) -> str | None:
    """The form of a marked superscript at text[start:end], or None: not a citation.

    After a word or punctuation it is "superscript" (`_superscript_place`). After a
    number it is "superscript-number", kept only in a paper whose other superscripts
    are its citation style (`_weigh`): there "2005^21^", "≥2^5,11^" and "N95^38^" cite,
    as a publisher sets a citation after whatever the sentence ends on. Never a power
    of ten (10^6^), nor a superscript a letter or a slash runs on from: a unit or an
    isotope (37^0^C), a fraction (3^1^/2). Glued to a unit it is a citation on the same
    terms when no exponent reads so (`_after_a_unit`: "320 mg^19,21^", never "5 m^2^").
    Never a superscript that opens the word after it (`_opens_a_word`: "the ^13^C
    spectra", "¹H", "(^3^J = 7 Hz)"): a citation closes what it follows.
    """
    if _opens_a_word(text, start, end) or _NMR_NUCLEUS.match(text, end) is not None:
        return None
    start = _past_emphasis(text, start)
    if _superscript_place(text, start):
        return "superscript"
    if _bracketed_after_a_capital(text, start, end):
        return "superscript-number"  # "hepatitis C^(6)^.": only where superscripts cite
    if _high_after_a_capital(text, start, end, numbers):
        return "superscript-number"  # "hepatitis B and C^24^.": no power is that high
    if _after_a_unit(text, start, numbers):
        return "superscript-number"
    if start == 0 or not "0" <= text[start - 1] <= "9":
        return None
    if _POWER_OF_TEN.search(text, max(start - 4, 0), start):
        return None
    after = text[end : end + 1]
    if after.isalnum() or after == "/":
        return None
    return "superscript-number"


# an emphasis closer glued to what it closes: "*", "_", "**", "__", "***", "</i>",
# "</em>" -- the mark only, bounded (at most three characters of it, one tag)
_EMPHASIS_CLOSER = re.compile(r"(?<=\S)(?:[*_]{1,3}|</(?:i|em)>)$", re.IGNORECASE)


def _past_emphasis(text: str, start: int) -> int:
    """Where a superscript after an emphasis closer stands for the judging of what it
    follows: "George *et al.*^3^" is after "al." (the closer is markup, not a character
    of the text), so "*et al.*^(3)^" cites as "et al.^(3)^" does. A closer alone on a
    blank ("x *^2^") is no closer and is left as it is."""
    found = _EMPHASIS_CLOSER.search(text, max(start - 5, 0), start)
    if found is None or found.start() == 0:
        return start
    return found.start()


# a superscript opening on a bracket: "^(6)^", "<sup>(6)</sup>", "⁽⁶⁾"
_BRACKETED_MARK = re.compile(r"\^[(\[]|<sup>\s*[(\[]|⁽", re.IGNORECASE)


def _bracketed_after_a_capital(text: str, start: int, end: int) -> bool:
    """A bracketed superscript after a lone capital, the sentence or clause going on
    after it: "hepatitis C^(6)^.", "Child-Pugh B and C^(34)^," (SciELO's bracketed
    superscripts). A power is not bracketed so, "x^2^", and "C^(4)^ = 2" is a formula."""
    if start < 1 or not text[start - 1].isupper():
        return False
    if start >= 2 and (text[start - 2].isalnum() or text[start - 2] in "_-"):
        return False  # a longer name: `_superscript_place` has read it
    return (
        _BRACKETED_MARK.match(text, start) is not None
        and _CLAUSE_GOES_ON.match(text, end) is not None
    )


def _high_after_a_capital(text: str, start: int, end: int, numbers: tuple[int, ...]) -> bool:
    """An unbracketed superscript of 10 or more, or a list, after a lone capital, the
    clause ending or going on with a word: "meningite C^63^ .", "hepatitis B and
    C^24^. However" (SciELO). A capital's power is small ("R^2^", "C^5^") and a formula
    goes on with a sign ("B^12^ = 4"), as after a one-letter unit (`_after_a_unit`)."""
    if not numbers or (len(numbers) == 1 and numbers[0] < 10):
        return False
    if start < 1 or not text[start - 1].isupper():
        return False
    if start >= 2 and (text[start - 2].isalnum() or text[start - 2] in "_-"):
        return False  # a longer name: `_superscript_place` has read it
    return _CLAUSE_GOES_ON.match(text, end) is not None or text[end : end + 2] in (" .", " ,")


# an element's symbol and "NMR" after a superscript: its mass number, "^1^H NMR",
# "^13^C{^1^H} NMR", "^19^F-NMR" -- even glued to a sentence's full stop, as an
# experimental section runs a product's name into its spectrum ("a pale oil.^1^H NMR
# (400 MHz)"), where `_opens_a_word` sees no blank before it (fresh7 class B, c11).
# Bounded: a symbol, a decoupling brace of 20 characters at most, one separator.
_NMR_NUCLEUS = re.compile(r"[A-Z][a-z]?(?:\{[^{}\n]{1,20}\})?[ \t\xa0-]?NMR\b")


def _opens_a_word(text: str, start: int, end: int) -> bool:
    """A superscript set apart from what precedes it and glued to the letter after it:
    a mass number or a coupling's bond count, "the ^1^H and ^13^C spectra", "(³J =",
    "[U-^13^C]glucose". A citation is set after what it cites, followed by a space,
    punctuation or the end; one glued on both sides ("shown^4^The", a space lost) is
    left to the other checks."""
    if not text[end : end + 1].isalpha():
        return False
    if (
        start >= 2
        and text[start - 1] == ","
        and _NUCLEUS_BEFORE.search(text, max(start - 4, 0), start - 1)
    ):
        return True  # the second of a pair of nuclei: "^1^H,^15^N HMBC", "^13^C,^15^N"
    return start == 0 or text[start - 1].isspace() or text[start - 1] in "([{-–/"


# an element's symbol closing the text before a comma: "^1^H", "¹H", "H" (a run's mark
# is not in the text) -- one or two letters, a capital first, set off before it
_NUCLEUS_BEFORE = re.compile(r"(?<![^\W\d_])[A-Z][a-z]?$")


# a name with a one-letter suffix after a hyphen: "BIA-O", "ROBINS-I", "NANDA-I"
_LETTER_SUFFIX = re.compile(r"(?<![\w-])[^\W\d_]{2,}-[^\W\d_]$")
# a code name of capitals and digits ending in a capital, "B97D", "T2D" (matched on the
# token before the superscript, `_token_before`)
_CODE_NAME = re.compile(r"[A-Z][A-Za-z]*+\d++[A-Z]")


# Units a superscript glued to is their exponent when it can be one (`_after_a_unit`);
# the label abbreviations of `_UNIT_WORDS` ("Fig", "Ref", "Vol") are not units.
_MEASURES = _UNIT_WORDS - _words("fig figs eq eqs ref refs pp vol vols ch sec tab art")


def _after_a_unit(text: str, start: int, numbers: tuple[int, ...]) -> bool:
    """A superscript glued to a unit that no exponent is: a list ("mm^20,21^"), or a
    number above a unit's powers ("640 mg^22^"; "m^2^" and "cm^3^" are areas and
    volumes). A one-letter unit or variable takes powers up to 9 ("x^4^"), so after one
    only 10 and above cite ("Resolution n^22^")."""
    if not numbers or start == 0 or not text[start - 1].isalpha():
        return False
    word = _word_before(text, start)
    if word.casefold() not in _MEASURES:
        return False
    if word.casefold() in _POWERLESS and _quantity_before(text, start - len(word)):
        return True  # "2.500 g^3^", "5 mg^2^", "18 h^2^": nobody squares grams or hours
    least = 10 if len(word) == 1 else 4
    return len(numbers) > 1 or numbers[0] >= least


# Units no text raises to a power -- a mass, a volume, a time, an energy, an amount, a
# frequency, a power, a pressure -- unlike a length's "m^2^", "km^2^", "cm^3^" (and "s",
# "m/s^2^"): after a number and one of them a superscript is a citation, whatever its
# number ("< 2.500 g^3^", "40 min^3^"); read as an exponent, its entry was "never cited".
_POWERLESS = _words("g kg mg µg h min l ml dl kcal cal mol mmol hz khz mhz ghz w kw mw j kj v mv")


def _quantity_before(text: str, unit: int) -> bool:
    """Whether a number ends right before the unit at `unit`, glued or one blank away
    ("2,500g", "5 mg"): the unit measures a quantity, and is no variable ("g^2^")."""
    if unit >= 1 and text[unit - 1] in " \u00a0\u202f":
        unit -= 1
    return unit >= 1 and text[unit - 1].isdigit()


def _superscript_place(text: str, start: int) -> bool:
    """After a word or punctuation, never after a digit (10³) or a unit (m², km²)."""
    if start == 0:
        return False
    head = text[max(start - _LOOKBACK, 0) : start].rstrip()
    if not head:
        return False
    before = head[-1]
    if before.isdigit():  # 10³ is a power; COVID-19²⁴ and SARS-CoV-2^3^ are names
        token = head.rsplit(None, 1)[-1]
        # ... and a DOI or a URL ending in a digit is cited like a word: "d2037^12^"
        return _NAME_WITH_NUMBER.search(head) is not None or "/" in token
    if before == ".":
        return True  # a unit's exponent is glued to it: "in the PA.^12^", "DL.^5-7^" cite
    if before == "′" and head[-2:-1].isdigit():
        return True  # a primer's end, "5′-ACGT-3′^26^", is cited like a word
    word = _word_before(text, start)
    if not word:
        # a dash sets a clause off as punctuation does: "in general–^45^;"
        return before in ".,;:)]%’'\"”–—®™"
    if len(word) == 1:
        # a name's one-letter suffix, "BIA-O^37^", "ROBINS-I^29^", "NANDA-I^9^", or a
        # code name's last capital, "B97D^65^", "T2D^7^", is a label cited like a word;
        # a letter alone is a variable or a tooth ("x^2^"), "3D^2^" a dimension
        return (
            _LETTER_SUFFIX.search(head) is not None
            or _CODE_NAME.fullmatch(_token_before(text, start)) is not None
            or _DECADE_END.search(head) is not None
        )
    return word.casefold() not in _UNIT_WORDS


# a decade ending the text before a superscript, "1990s", "1990's", "1990’s": its
# "s" is no one-letter unit or variable ("in the early 1990’s^5^" cites)
_DECADE_END = re.compile(r"(?<!\d)(?:1[5-9]|20)\d0['’]?s$")


# A word glued to 0 or to a zero-led number, "lag0", "lag01", "Modelo0": an index's
# name (a citation is never 0 nor written "01"). From the word's first letter only,
# bounded: linear.
_INDEXED = re.compile(r"(?<![^\W\d_])([^\W\d_]{2,20}+)0\d{0,3}+(?![\d])")


def _indexed_words(text: str) -> frozenset[str]:
    """Words the text numbers as indices ("lag0 to lag15"): none of their glued
    numbers cites ("lag15" was citation 15, "lag01" citation 1)."""
    if "0" not in text:
        return frozenset()
    return frozenset(m.group(1).casefold() for m in _INDEXED.finditer(text))


def _glued_plain(text: str) -> Iterator[_Candidate]:
    indexed: frozenset[str] | None = None  # found at the first glued number
    for m in _GLUED_PLAIN.finditer(text):
        start = m.start()
        word = _word_before(text, start)
        # "Haqqi et al.5 (2019)", "et al5": the name's superscript, though "al" is short
        et_al = _ET_AL_GLUED.search(text, max(start - 7, 0), start) is not None
        if (len(word) < 3 and not et_al) or word.casefold() in _UNIT_WORDS:
            continue
        if m.group("list").startswith("0"):
            continue  # "lag01", "lag015": an index written with its leading zero
        if indexed is None:
            indexed = _indexed_words(text)
        if word.casefold() in indexed:
            continue  # "lag0 to lag15", "Modelo0, Modelo1": an index's numbers
        if word.casefold() in _LABEL_WORDS:
            continue  # "Figura1: Sinal", "Tabela2 -": a caption typed with no space
        if text[start - 1] != "." and (word[0].isupper() and len(word) <= 5):
            continue  # Sox2, Oct4, Nrf2: gene and protein names
        if word.isupper():
            continue  # CO2, COVID19, NH3
        if word[0].islower() and not word.islower():
            # a code name, small first and a capital inside: a primer "iPCRtagT24" (a
            # range of them, "iPCRtagT1-56", cited the whole list), a plasmid
            # "pEGFPc1", "siRNA2" (a surname's "McDonald3" starts with its capital)
            continue
        numbers = _expand(m.group("list"))
        if numbers:
            yield _Candidate(start, m.end(), numbers, "glued")


def _superscript_joined(text: str, document: Document) -> list[Iterator[_Candidate]]:
    """Joined superscript lists: a Word file's runs, and the text's own -- two streams."""
    return [_word_joined(text, document), _text_joined(text)]


def _word_joined(text: str, document: Document) -> Iterator[_Candidate]:
    for start, end, body in separator_joined(document):  # a Word file's "12,13"
        numbers = _expand(body)
        if numbers and (_superscript_place(text, start) or _after_a_year(text, start)):
            yield _Candidate(start, end, numbers, "superscript")


def _text_joined(text: str) -> Iterator[_Candidate]:
    if "^" not in text:
        return  # every list read holds a caret (see below): no page scan without one
    previous = -1  # where the last list read ended
    for m in _SUPERSCRIPT_JOINED.finditer(text):
        body = m.group("list")
        if "^" not in body or text[m.end() : m.end() + 1] == "^":
            continue  # "2 2" alone: two numbers, no superscript; "1^,^2^": one run
        body = _SPLIT_DIGITS.sub(",", body)
        numbers = _expand(body.translate(_JOINED_MARKS))
        start = m.start()
        # "...^,^21 38^,^39": one list the publisher's XML split at a space
        goes_on = start == previous + 1 and text[previous] == " "
        if numbers and (goes_on or _superscript_place(text, start) or _after_a_year(text, start)):
            previous = m.end()
            yield _Candidate(start, m.end(), numbers, "superscript")


_JOINED_MARKS = str.maketrans("", "", "^() ")
_YEAR_BEFORE = re.compile(r"(?<![\d.,])(?:1[5-9]|20)\d\d $")


def _after_a_year(text: str, start: int) -> bool:
    """A superscript list set after a year and a space: "a partir de 1940 12^,^13" (a
    power is glued to its base: "10^3^")."""
    return _YEAR_BEFORE.search(text, max(start - 6, 0), start) is not None


def _spaced_plain(text: str) -> Iterator[_Candidate]:
    """Superscripts that lost their markup and kept the space before them, after the
    punctuation they followed or the word ("users. 23 The idea", "among others 14.").
    A count opens a clause as well ("in 2010. 12 patients were", "of them, 12 were"),
    so a single number must be followed by a new sentence or the paragraph's end;
    after a comma only a list of three or more (no count, no decimal "12,5") is read;
    after a word only a number that ends its sentence (with "." or ";", not a label's
    colon, "Plot 1: Latitude"), and not after a word whose value it is ("the pH was 7.",
    "foi 8.", "Step 2."). Kept only as the manuscript's
    style (`_weigh`), never past the list's end."""
    for m in _SPACED_PLAIN.finditer(text):
        body = m.group("list")
        start = m.start()
        numbers = _expand(body)
        if not numbers:
            continue
        if _ET_AL_BEFORE.search(text, max(start - 8, 0), start):
            # a name's number, "Lima et al. 25 analisaram": a citation wherever it stands
            yield _Candidate(start, start + len(body), numbers, "spaced")
            continue
        if m.group("page"):
            # a quotation's page, "” 46 (p. 727)" (a label's number is refused by the
            # word before it: "Table 3 (p. 4)")
            if _word_before(text, start).casefold() not in _REFUSED:
                yield _Candidate(start, start + len(body), numbers, "spaced")
            continue
        word = _word_before(text, start)
        if _short_unit_before(text, start):
            # "at 37°C 18.", "a half-life of 19.3 h 9.": a measure's unit, then a number
            # ending the sentence; "37°C 6 times", "2 x 8." stay values
            following = m.group("next")
            ends = m.group("after")[:1] in (".", ";") and (following is None or following.isupper())
            if ends and _MEASURED_SHORT.search(text, max(start - 16, 0), start):
                yield _Candidate(start, start + len(body), numbers, "spaced-loose")
            continue
        if m.group("comma"):
            # "Houve 3, depois": a count as often as a citation; but a number closing
            # a long clause, after a content word, is the word's superscript: "their
            # right to a companion is denied 6, making", "o direito previsto em lei ao
            # acompanhante 6, tornando" (not "foi 11, do", "O grupo 2, por fim")
            if (
                text[start - 2].isalpha()
                and word.casefold() not in _REFUSED
                and (_long_clause_before(text, start) or _citing_clause_before(text, start))
                and _LETTER_AFTER_COMMA.match(text, m.end("comma"))
            ):
                yield _Candidate(start, start + len(body), numbers, "spaced")
            elif _listed(body) and text[start - 2].isalpha() and word.casefold() not in _REFUSED:
                yield _Candidate(start, start + len(body), numbers, "spaced-loose")
            continue
        following = m.group("next")
        after = m.group("after")[:1]
        if _YEAR_OR_SHARE_BEFORE.search(text, max(start - 8, 0), start):
            # "in 1976 40.", "em 2009 10; na", "entre 10% e 30% 1. No": a year's or a
            # share's superscript where its clause ends ("in 2010 12 patients" counts)
            if after in (".", ";") or following is None:
                yield _Candidate(start, start + len(body), numbers, "spaced")
            continue
        if following is not None and _month_follows(text, m.start("next")):
            continue  # "COSTA RICA. 15 Nov 1990": a date's day, not a superscript
        line_end = _LINE_END_AFTER.match(text, start + len(body))
        if line_end is not None and _month_follows(text, line_end.end()):
            continue  # the same day with its month on the next printed line (a PDF's)
        several = body.count(",") >= 2
        if text[start - 2] in _CLOSERS and not (
            m.group("after")[:1] in ".;" and (following is None or following.isupper())
        ):
            continue  # after a parenthesis, only where a sentence ends: "(n = 40) 12 were"
        if text[start - 2] == "," and not several:
            continue
        if text[start - 2].isalpha() and not (
            (after in ".;" and (following is None or following.isupper()))
            or (not after.strip() and following is None and _inside_a_paragraph(text, start))
        ):
            if (
                following is not None
                and _listed(body)
                and _joining_word_at(text, m.start("next"))
                and word.casefold() not in _REFUSED  # "de 1-2 e 3-4 moradores": values
            ):
                # "ROS production 2,11-13 and increases": a list or a range before a
                # joining word, kept where flattened superscripts are the style
                yield _Candidate(start, start + len(body), numbers, "spaced-loose")
            continue  # after a word, only where a sentence or a paragraph ends
        if (
            text[start - 2].isalpha()
            and word.casefold() in _VALUE_LEADS
            and not (
                word.casefold() in _DETERMINED_LEADS and determined(text, start - 1 - len(word))
            )
        ):
            continue  # "O pH ... foi 7. Desta forma": a value the sentence ends on
        if following is not None and following.islower() and not several:
            continue  # "12 patients", "12,5 mg": a count or a value
        if _plural_label(word) and not several:
            # "in endocrine cell lines 76. However": a label is singular ("line 76")
            yield _Candidate(start, start + len(body), numbers, "spaced-loose")
            continue
        if word.casefold() in _LABEL_WORDS or (
            word.casefold() in _UNIT_WORDS and not _measured(text, start)
        ):
            # "Fig. 3 The", "Table 2. 4 Then"; a unit's power ("in mm 3.") -- but after
            # a measure, "at 240 nm 14. SOD", the number ends the sentence as a citation
            continue
        yield _Candidate(start, start + len(body), numbers, "spaced")


def _plural_label(word: str) -> bool:
    """A label word's plural ("lines", "steps"; not the abbreviations "Figs", "Eqs"):
    a label's number follows the singular ("line 7", "Table 2"), so a number ending
    the sentence after the plural is a flattened superscript ("cell lines 76.")."""
    folded = word.casefold()
    return len(folded) >= 5 and folded.endswith("s") and folded[:-1] in _LABEL_WORDS


# a one-letter unit after a measure, or a temperature, before a spaced number:
# "19.3 h 9", "37°C 18", "4 °C 8" (not "2 x 8", "1 a 7": a product, a span)
_MEASURED_SHORT = re.compile(r"(?<![\w.,])\d[\d.,]{0,8}(?:[ \t]?°[CFK]|[ \t][hsgmlv]) $")


def _short_unit_before(text: str, start: int) -> bool:
    """Whether a one-letter word (or "°C") stands right before the number at `start`,
    which only `_MEASURED_SHORT`'s units may read as a flattened superscript."""
    return start >= 3 and text[start - 2].isalpha() and not text[start - 3].isalnum()


# a measure and its unit just before a spaced number: "240 nm 14", "for 30 min 8"
_MEASURE_BEFORE = re.compile(r"(?<![\w.,])\d[\d.,]{0,8}[ \t]?°?[^\W\d_]{1,4} $")


# a name ending in a digit ("IL-8", "CD44", "Hyal-1"; a letter in it), a space, and a
# flattened superscript ending the sentence or, as a list, before the clause's comma:
# "influenced by Hyal-1 4,11. In", "such as IL-8 3,13-14, are made"; or a lone capital
# ("complex I", "hepatitis C") and a list ending the sentence: "complex I 4,11. The"
_NAMED_SPACED = re.compile(
    r"(?<![\w.,-])(?:(?=[\w-]{0,24}[^\W\d_])[\w-]{1,24}\d|(?P<letter>[A-ZÀ-Þ]))"
    r" (?P<list>\d{1,3}(?:[-–]\d{1,3})?(?:,\d{1,3}(?:[-–]\d{1,3})?)*)"
    r"(?=[.;](?:[ \t]+[A-ZÀ-Þ]|[ \t]*(?:\n|$))|(?P<comma>,)[ \t]+[^\W\d_A-ZÀ-Þ])"
)


def _after_names_with_digits(text: str) -> Iterator[_Candidate]:
    """Flattened superscripts after a name ending in a digit, which the spaced form's
    look-back (letters before the blank) does not take: "Hyal-1 4,11. In". Kept only
    where flattened superscripts are the style (`spaced-loose`); before a comma only a
    list or a range ("IL-8 14 hours" and "CD44 2, and" are values)."""
    for m in _NAMED_SPACED.finditer(text):
        body = m.group("list")
        if m.group("letter") and (m.group("comma") or not _listed(body)):
            continue  # "stage II 3.": a lone capital's value as often
        if m.group("comma") and not _listed(body):
            continue
        numbers = _expand(body)
        if numbers:
            yield _Candidate(m.start("list"), m.end("list"), numbers, "spaced-loose")


# a number right after a value, a measure's unit or a name ending in a digit, before
# "and"/"or" and a lower-case word: "was 24 h 23 and failed", "COX-2 29 and oxytocin",
# "until day 17 23 and also", "at 37 °C 8 or in" (not "IL-6 10 and 20 ng")
_VALUED_SPACED = re.compile(
    r"(?<![\w.,-])(?:(?=[\w-]{0,24}[^\W\d_])[\w-]{1,24}\d"
    r"|\d[\d.,]{0,8}(?:[ \t]?°[CFK]|[ \t][hsgmlv])?)"
    r" (?P<list>\d{1,3}) (?=(?:and|or|e|ou|y) [^\W\d_A-ZÀ-Þ])"
)


def _after_values_in_clauses(text: str) -> Iterator[_Candidate]:
    """A single flattened superscript inside a sentence, after a value, a unit or a
    numbered name ("24 h 23 and failed", "COX-2 29 and oxytocin"): no count stands
    after a number so, and a value listed goes on with another number after "and".
    Kept only where flattened superscripts are the style (`spaced-loose`)."""
    for m in _VALUED_SPACED.finditer(text):
        numbers = _expand(m.group("list"))
        if numbers:
            yield _Candidate(m.start("list"), m.end("list"), numbers, "spaced-loose")


# the words a sentence goes on with after a citation inside it: "2,11-13 and", "3,14 in"
_JOINING_WORDS = _words("and or in but which that while whereas as with e y ou em que com")


def _listed(body: str) -> bool:
    """Whether a spaced number is a list or a range ("2,11-13", "15-16"), not one number."""
    return "," in body or "-" in body or "–" in body


def _joining_word_at(text: str, at: int) -> bool:
    word = _WORD_AT.match(text, at)
    return word is not None and word.group().casefold() in _JOINING_WORDS


def _measured(text: str, start: int) -> bool:
    """Whether a measure and its unit stand right before the number at `start`."""
    return _MEASURE_BEFORE.search(text, max(start - 16, 0), start) is not None


# the clause going on after the comma opens on a word: "days 1, 4, 29" and "increased
# 5, 10, and 7 p.p." are values listed, not a superscript before the clause's comma
_LETTER_AFTER_COMMA = re.compile(r"[ \t]+[^\W\d_]")
_CLAUSE_BREAK = re.compile(r"[,.;:()\[\]\n]")
_LONG_CLAUSE = 5  # words: a count or a label opens a short one ("Houve 3,", "O grupo 2,")


# A short clause that points at a work, the number after it its superscript: "as
# described before 9,", "as previously suggested 10,", "como descrito anteriormente 11,",
# "como se describió previamente 12,", "comme décrit précédemment 10,", "wie bereits
# beschrieben 9," (not "as expected 9,": no work is pointed at)
_CITING_CLAUSE = re.compile(
    r"(?i:\b(?:as|como|comme|wie|seperti|kot)\s"
    r"(?:(?:se|has\sbeen|have\sbeen|was|were|já|bereits|ya|déjà|sudah|že|previously|earlier"
    r"|first|originally)\s){0,2}"
    r"(?:described|reported|suggested|shown|proposed|published|noted|demonstrated|observed"
    r"|defined|recommended|descrit[oa]s?|relatad[oa]s?|reportad[oa]s?|sugerid[oa]s?"
    r"|demonstrad[oa]s?|publicad[oa]s?|propost[oa]s?|observad[oa]s?|recomendad[oa]s?"
    r"|definid[oa]s?|describi[óo]|informad[oa]s?|mostrad[oa]s?|propuest[oa]s?"
    r"|décrite?s?|rapportée?s?|suggérée?s?|montrée?s?|proposée?s?"
    r"|beschrieben|berichtet|gezeigt|vorgeschlagen|empfohlen"
    r"|dijelaskan|dilaporkan|disarankan|opisano|poročano)"
    r"(?:\s(?:previously|before|earlier|elsewhere|above|anteriormente|previamente|antes"
    r"|précédemment|auparavant|ailleurs|zuvor|früher|sebelumnya|prej))?\s$)"
)


def _citing_clause_before(text: str, start: int) -> bool:
    """Whether the number at `start` ends a short clause that points at a work
    (`_CITING_CLAUSE`); looked for in the 80 characters before it."""
    return _CITING_CLAUSE.search(text, max(start - 80, 0), start) is not None


def _long_clause_before(text: str, start: int) -> bool:
    """Whether at least `_LONG_CLAUSE` words stand between the clause's opening (the
    last punctuation, within a bounded look back) and the number at `start`."""
    window = text[max(start - _PARAGRAPH_BEFORE, 0) : start]
    opening = max((m.end() for m in _CLAUSE_BREAK.finditer(window)), default=0)
    return len(window[opening:].split()) >= _LONG_CLAUSE


def _inside_a_paragraph(text: str, start: int) -> bool:
    """Whether the number ends a line of running text ("serviços públicos de saúde 9"
    closing a paragraph without its full stop), not a short line: a heading, a table's
    row ("Total 12"). Looks back a bounded stretch only."""
    return start >= _PARAGRAPH_BEFORE and "\n" not in text[start - _PARAGRAPH_BEFORE : start]


def _caseless(word: str) -> bool:
    """Whether `word` is in a script with no capitals (Han, kana, Hangul, Thai, Arabic):
    indexing ("x[2]", "v[3]") is written in Latin or Greek letters."""
    return bool(word) and not any(c.isupper() or c.islower() for c in word)


def _word_before(text: str, start: int) -> str:
    return word_before(text, max(start - _LOOKBACK, 0), start)[1]


# after "C(6)": punctuation ending a clause or sentence, or a blank and a lower-case
# word ("C(6) and"), or the line's end -- not an operator or a digit ("C(6) = 2")
_CLAUSE_GOES_ON = re.compile(r"[.,;:]|[ \t]+[^\W\d_A-ZÀ-Þ]|[ \t]*(?:\n|$)")
_WORD_AT = re.compile(r"[^\W\d_]{1,12}")
# the end of a line right after a number: "(INB); 6" / "Feb 1996"
_LINE_END_AFTER = re.compile(r"[.;:]?[ \t]{0,8}\n")


def _month_follows(text: str, at: int) -> bool:
    """Whether the word at `at` is a month's name or abbreviation ("Nov", "maio")."""
    word = _WORD_AT.match(text, at)
    return word is not None and word.group().casefold() in MONTHS


# -- the document's evidence ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Choice:
    """The forms a document's evidence keeps, and the order its markers of one offset
    come in: brackets, then the kept forms in the order they were chosen, each within
    the list before past its end, then the stream they came from."""

    entries: int
    ranks: dict[str, int]  # kept weak form -> its place in the order
    # numbers past the list's end a marked form cites (a bracket, a superscript)
    confirmed: frozenset[int] = frozenset()

    def may_keep(self, form: str) -> bool:
        """Whether `group` may keep some candidate of this form."""
        return form in ("bracket", "bracket-value") or form in self.ranks

    def group(self, candidate: _Candidate) -> int | None:
        """Where the candidate sorts among those of its offset, or None: not kept."""
        form = candidate.form
        if form == "bracket":
            return 0
        top = max(candidate.numbers)
        if form == "bracket-value":
            return 1 if self.entries == 0 or top <= self.entries else None
        rank = self.ranks.get(form)
        if rank is None:
            return None
        if top <= self.entries:
            return 2 + 2 * rank
        reach = self.entries + _past_the_end(self.entries)
        if form in ("spaced", "spaced-loose") or top > reach:
            return None  # a count past the list's end is a count, not a citation
        if form in _UNCONFIRMED and not self._confirmed(candidate):
            return None
        return 3 + 2 * rank

    def _confirmed(self, candidate: _Candidate) -> bool:
        """A flattened superscript past the list's end ("disorders.118" in a list of
        108) is weak evidence: a count, a page, a value as often as a citation. It
        says an entry is missing only beside a marked citation of the same number."""
        return all(n in self.confirmed for n in candidate.numbers if n > self.entries)

    def keyed(
        self, sub: int, candidates: Iterator[_Candidate]
    ) -> Iterator[tuple[tuple[int, ...], _Candidate]]:
        for seq, candidate in enumerate(candidates):
            group = self.group(candidate)
            if group is not None:
                yield (candidate.start, 0, group, sub, seq), candidate


# Forms whose marker past the list's end is a citation only where a marked form cites
# the same number: a flattened superscript ("disorders.118") and a superscript after a
# number ("1.587.124^48^" in a list of 40) are a count or a page as often.
_UNCONFIRMED = frozenset(("glued", "spaced", "spaced-loose", "superscript-number", "paren-short"))


def _weigh(forms: list[Iterator[_Candidate]], entries: int) -> _Choice:
    """Brackets always; weak forms when the manuscript's own evidence supports them.

    A form's evidence is counted on the numbers the list holds; once the form is the
    manuscript's style, its markers a little past the list's end are kept too -- "(31)"
    in a paper whose list stops at 30 is the missing reference an editor must hear
    about (the last entry deleted, a citation added late), not a look-alike.

    Counts and distinct numbers only (numbers have three digits, or four within the
    list's reach: `_within`), so the evidence of a 5 MB page is a few thousand
    integers, not its candidates.
    """
    brackets = 0
    bracket_numbers: set[int] = set()
    confirmed: set[int] = set()  # past the list's end, cited by a marked form
    counted: dict[str, int] = {}
    numbers: dict[str, set[int]] = {}
    for form in forms:
        for c in form:
            top = max(c.numbers)
            if top > entries and c.form not in _UNCONFIRMED:
                confirmed.update(n for n in c.numbers if n > entries)
            if (c.form == "bracket" and not c.in_rounds) or (
                c.form == "bracket-value" and (entries == 0 or top <= entries)
            ):
                # a bracket after a quantity ("48 [40-70]", "n = 12 [3]") cites only
                # within the list: past its end it is the quantity's range or count
                brackets += 1
                bracket_numbers.update(c.numbers)
            elif c.form != "bracket-value" and top <= entries:
                name = "paren" if c.in_rounds else c.form  # evidence of round brackets
                counted[name] = counted.get(name, 0) + 1
                numbers.setdefault(name, set()).update(c.numbers)
    if entries == 0:
        return _Choice(entries, {})

    def count(*names: str) -> int:
        return sum(counted.get(name, 0) for name in names)

    def cites(*names: str) -> set[int]:
        return set().union(*(numbers.get(name, set()) for name in names))

    styles: list[str] = ["glued-bracket"]
    if brackets + count("glued-lower") >= 3 and _covers(
        bracket_numbers | cites("glued-bracket", "glued-lower"), entries, least=3, share=0.2
    ):
        styles.append("glued-lower")  # "array[3]" stays out of a paper that cites no other way
    superscript = count("superscript")
    if _covers(cites("superscript"), entries, least=2, share=0.0):
        # a superscript paper's "(15)" glued to the word before is a superscript whose
        # markup was lost (SciELO sets them "^(15)^"); prose puts a space before "("
        styles.extend(("superscript", "superscript-number", "paren-glued"))
    spaced_rounds = count("paren", "paren-ref")
    rounds_all = spaced_rounds + count("paren-glued")
    # One numeric style per manuscript: round brackets in a superscript paper are
    # item numbers, counts or enumerations ("items excluded (2, 3, 5, 14)").
    main_rival = max(brackets, superscript)
    # (glued ones count for round brackets only where superscripts are not the style)
    rounds = spaced_rounds if "superscript" in styles else rounds_all
    paren = cites("paren", "paren-ref", "paren-glued")
    if rounds > main_rival and _covers(paren, entries, least=3, share=0.2):
        styles.extend(("paren", "paren-glued"))
    if "paren-glued" in styles:
        styles.append("paren-short")  # "hepatitis C(6).": only beside glued ones
    glued = count("glued")
    rivals = brackets + rounds_all + superscript
    if glued > rivals and _covers(cites("glued"), entries, least=3, share=0.3):
        styles.append("glued")
    spaced = cites("spaced")
    # flattened superscripts beside marked ones, or the manuscript's only numbers
    if ("superscript" in styles and _covers(spaced, entries, least=3, share=0.1)) or (
        count("spaced") > rivals + glued and _covers(spaced, entries, least=3, share=0.3)
    ):
        styles.append("spaced")
        # a list inside a sentence, "production 2,11-13 and": only beside the style's
        # own evidence (alone, "aged 3-9 and older" is a span)
        styles.append("spaced-loose")
    if brackets or len(styles) > 1:
        styles.append("paren-ref")  # "(see 40)", "(ref. 4)": in any paper citing by number
    ranks = {form: rank for rank, form in enumerate(dict.fromkeys(styles))}
    return _Choice(entries, ranks, frozenset(confirmed))


def _past_the_end(entries: int) -> int:
    """How far past the list's last number a marker of the manuscript's style still
    counts as a citation (of an entry missing from the list)."""
    return max(3, entries // 10)


def _covers(distinct: set[int], entries: int, *, least: int, share: float) -> bool:
    """Whether the form cites enough distinct entries of the list to be its style."""
    return (
        bool(distinct)
        and len(distinct) >= min(least, entries)
        and (len(distinct) >= share * entries)
    )
