"""Is an entry's title the record's, give or take what does not matter?

What does not matter: case, punctuation, the separator before a subtitle (":", " - ",
". "), a subtitle left out (or one the record lacks), HTML/JATS/MathML markup in the
record, "&" for "and", a Greek letter spelt out, British or American spelling, a
plural, a hyphenated word written as one, a number in words, and small words ("the",
"a", "of"). What does: a title cut short, and words changed, dropped or added.
"""

from __future__ import annotations

import difflib
import html
import itertools
import re
from dataclasses import dataclass
from enum import StrEnum

from citeaudit.matching.records import normalise_title

__all__ = ["TitleSlip", "TitleSlipKind", "title_slip"]

_SPACES = re.compile(r"\s+")
# No start inside a white-space run (a match from there starts at the run's start): the
# search is linear on any text, not only on the collapsed one `_subtitle_cuts` gives it.
_SEPARATOR = re.compile(r"(?<!\s)\s*(?::|\s[-–—]\s|[.?!]\s)\s*")
_MARKUP = re.compile(r"<[^<>]+>")
_MAX_WORDS = 120  # no title is longer; the word diff is quadratic in the worst case
_SMALL = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "and",
        "in",
        "on",
        "for",
        "to",
        "at",
        "by",
        "with",
        "from",
        "as",
        "its",
        "into",
        "or",
        "de",
        "la",
        "le",
        "les",
        "der",
        "die",
        "das",
        "und",
    ]
)
_GREEK = {
    "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
    "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu",
    "ν": "nu", "ξ": "xi", "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau", "υ": "upsilon",
    "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega", "Δ": "delta", "Ω": "omega",
    "Σ": "sigma", "Φ": "phi", "Ψ": "psi", "Γ": "gamma", "Λ": "lambda", "Θ": "theta",
}  # fmt: skip
_NUMBERS = dict(
    zip(
        "one two three four five six seven eight nine ten twelve twenty hundred".split(),  # noqa: SIM905
        "1 2 3 4 5 6 7 8 9 10 12 20 100".split(),  # noqa: SIM905
        strict=True,
    )
)
# British to American, applied to both sides: only the spelling conventions, never
# arbitrary one-letter edits (hypertension / hypotension must stay apart).
_SPELLING = (
    (re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations)$"), r"iz\1"),
    (re.compile(r"(?<=[a-z]{2})ys(e|es|ed|ing)$"), r"yz\1"),
    (re.compile(r"(?<=[a-z]{2})our(s|ed|ing|ite|ites|al|able|er|ers)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{3})tre(s)?$"), r"ter\1"),
    (re.compile(r"(?<=[a-z]{2})ll(ed|ing|er|ers)$"), r"l\1"),
    (re.compile(r"(?<=[a-z])ogue(s)?$"), r"og\1"),
    (re.compile(r"ae(?=[a-z]{2})"), "e"),
    (re.compile(r"(?:(?<=[^aeiou])|^)oe(?=[a-z]{2})"), "e"),
    (re.compile(r"(?<=[a-z]{3})mme(s)?$"), r"m\1"),
    (re.compile(r"^ageing$"), "aging"),
)


class TitleSlipKind(StrEnum):
    TRUNCATED = "truncated"
    DIFFERENT = "different"


@dataclass(frozen=True, slots=True)
class TitleSlip:
    kind: TitleSlipKind
    entry_words: tuple[str, ...] = ()  # words only the entry has
    record_words: tuple[str, ...] = ()  # words only the record has

    def describe(self, record_title: str) -> str:
        shown = _MARKUP.sub("", record_title)
        if self.kind is TitleSlipKind.TRUNCATED:
            return f"the title is cut short; the record's is '{shown}'"
        mine, theirs = " ".join(self.entry_words), " ".join(self.record_words)
        if mine and theirs:
            detail = f"'{mine}' where the record has '{theirs}'"
        elif mine:
            detail = f"the entry adds '{mine}'"
        else:
            detail = f"the entry lacks '{theirs}'"
        return f"the title differs from the record's '{shown}' ({detail})"


def _word(word: str) -> str:
    word = _NUMBERS.get(word, word)
    for pattern, replacement in _SPELLING:
        word = pattern.sub(replacement, word)
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]  # a plural is not another title
    return word


def _words(title: str) -> list[str]:
    """The title's words as written (lower case, no accents or punctuation)."""
    title = html.unescape(title)  # Crossref titles carry "&amp;", "&lt;"
    title = re.sub(r"(?<=\w)['’]s\b", "", title)  # "Parkinson's disease", "Parkinson disease"
    for letter, name in _GREEK.items():
        title = title.replace(letter, f" {name} ")
    return normalise_title(title).split()


def _tokens(title: str) -> list[str]:
    """The words as compared: spelling conventions, plurals and numbers folded."""
    return [_word(w) for w in _words(title)]


def _main_titles(title: str) -> list[list[str]]:
    """The title up to each of its first subtitle separators: 'U-Net' for 'U-Net: ...'.

    Only the first few: each costs a pass over the title, and a hostile one may hold
    thousands of colons.
    """
    # Whitespace runs made one space (the words are the same): searched from every
    # position of a long run, the separator's leading `\s*` read the rest of the run.
    clean = _SPACES.sub(" ", _MARKUP.sub(" ", title))
    cuts = itertools.islice((m.start() for m in _SEPARATOR.finditer(clean) if m.start()), 4)
    return [_tokens(clean[:cut]) for cut in cuts]


# Notes a list appends to a title: "[Internet]", "[in Russian]", "(in German)", a
# translation in brackets. Not part of the title the registry holds.
# Linear on a hostile title: no start inside a white-space run (a match from there
# would have been found from the run's start), no more than 20 notes from one start
# (searched from every note of a long chain that does not reach the end, each start
# read the whole chain; a longer chain loses its last 20 only).
_TRAILING_NOTE = re.compile(
    r"(?<!\s)(?:\s*+(?:\[[^\[\]]{0,200}\]|\((?:in|em|en) [^\W\d_]{3,20}\))){1,20}+[\s.]*+$",
    re.IGNORECASE,
)


def title_slip(entry: str, record: str, *, ellipsis: bool = False) -> TitleSlip | None:
    """None when the entry's title is the record's in all that matters."""
    entry = _TRAILING_NOTE.sub("", entry) or entry
    a, b = _tokens(entry)[:_MAX_WORDS], _tokens(record)[:_MAX_WORDS]
    if not a or not b or a == b or "".join(a) == "".join(b):
        return None
    mains_b, mains_a = _main_titles(record), _main_titles(entry)
    if any(m == a for m in mains_b) or any(m == b for m in mains_a):
        return None  # one of them has a subtitle the other leaves out
    # Compared folded; shown as written.
    pairs_a = [(w, raw) for w, raw in zip(a, _words(entry), strict=False) if w not in _SMALL]
    pairs_b = [(w, raw) for w, raw in zip(b, _words(record), strict=False) if w not in _SMALL]
    content_a, content_b = [w for w, _ in pairs_a], [w for w, _ in pairs_b]
    if content_a == content_b or "".join(content_a) == "".join(content_b):
        return None
    if _cut_short(a, b, mid_word=ellipsis):
        return TitleSlip(TitleSlipKind.TRUNCATED)
    only_a: list[str] = []
    only_b: list[str] = []
    matcher = difflib.SequenceMatcher(a=content_a, b=content_b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if "".join(content_a[i1:i2]) == "".join(content_b[j1:j2]):
            continue  # "pre training" / "pretraining"
        only_a += [raw for _, raw in pairs_a[i1:i2]]
        only_b += [raw for _, raw in pairs_b[j1:j2]]
    if not only_a and not only_b:
        return None
    return TitleSlip(TitleSlipKind.DIFFERENT, tuple(only_a), tuple(only_b))


def _cut_short(a: list[str], b: list[str], *, mid_word: bool) -> bool:
    """The entry's title is the record's, stopped before its end (not at a subtitle).

    A cut inside a word ("Array programming with Num...") counts only where the entry
    marks the cut with an ellipsis: "nets" is a word of its own, not "networks" cut.
    """
    if len(a) < 2 or len(a) > len(b):
        return False
    if len(a) < len(b) and b[: len(a)] == a:
        return True
    last, there = a[-1], b[len(a) - 1]
    return mid_word and b[: len(a) - 1] == a[:-1] and last != there and there.startswith(last)


def written_in(raw: str, record: str) -> bool:
    """Whether the record's title stands, word for word, in the entry as written.

    A free-text entry's title is cut out of its string by the parser, which can cut it
    short or run it into the journal's name; when the record's whole title is there in
    the entry's own text, the author wrote it right and a difference is the parser's,
    never a slip to report.
    """
    wanted = _tokens(_MARKUP.sub(" ", record))[:_MAX_WORDS]
    if not wanted:
        return False
    text = f" {' '.join(_tokens(raw[:20_000]))} "
    return f" {' '.join(wanted)} " in text
