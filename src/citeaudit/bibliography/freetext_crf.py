"""A CRF token tagger for free-text references, stacked on the rule-based parser.

Why: the rules in ``freetext.py`` know the styles manuscripts use very well (names,
years, Vancouver, quoted titles) but on references written any other way they cut the
title and container in the wrong place. A CRF trained on AnyStyle's labelled strings
(BSD-2-Clause, see NOTICE) cuts those well but misreads styles it saw little of. Here the
CRF sees, besides the usual token features, what the rules made of each token ("the
rules call this token part of the title"), so it learns where the rules can be trusted
and where not; ``freetext.py`` keeps the rules' names, years and identifiers and takes
the title and container from the tagger.

The model file (``models/freetext-crf.model``, built by ``benches/train_freetext.py``)
is loaded lazily, once; without it (or without python-crfsuite) `tag` returns None and
the parser is rules only. Features are strings only: that keeps extraction fast enough
for thousands of entries a second.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from citeaudit.bibliography.freetext_vocab import LOCATORS, MONTH_ABBREVIATIONS, MONTH_NAMES

__all__ = [
    "LABELS",
    "MODEL_PATH",
    "RuleHints",
    "Tagging",
    "features",
    "first_run",
    "rule_labels",
    "spans",
    "tag",
    "tokens",
]

MODEL_PATH = Path(__file__).resolve().parent / "models" / "freetext-crf.model"

# AnyStyle tag -> our label; anything else is "other"
LABELS = {
    "author": "author",
    "date": "date",
    "title": "title",
    "container-title": "container",
    "journal": "container",
    "editor": "editor",
    "volume": "volume",
    "issue": "volume",
    "pages": "pages",
    "publisher": "publisher",
    "location": "location",
    "doi": "doi",
    "url": "url",
    "citation-number": "number",
}

_TOKEN = re.compile(r"\S+")
_STRIP = ".,;:()[]\"“”'‘’«»`"
_YEAR_TOK = re.compile(r"\(?\[?(1[5-9]|20)\d\d[a-z]?\]?\)?[.,;:]?")
_INIT = re.compile(r"[A-ZÀ-Þ]\.(-?[A-ZÀ-Þ]\.)*,?")
_RANGE = re.compile(r"\d[-–—]\d")
_MONTHS = MONTH_ABBREVIATIONS | MONTH_NAMES
_LOC = LOCATORS | frozenset(["heft", "tome", "t"])
_ED = frozenset(
    [
        "ed",
        "eds",
        "ed.",
        "eds.",
        "(ed.)",
        "(eds.)",
        "editor",
        "editors",
        "hrsg",
        "hrsg.",
        "(hrsg.)",
        "dir.",
        "(dir.)",
    ]
)
_IN = frozenset(
    [
        "In",
        "in",
        "In:",
        "in:",
        "Dans",
        "dans",
        "En",
        "en",
        "En:",
        "en:",
        "Em",
        "em",
        "Em:",
        "em:",
        "Dalam",
        "dalam",
        "Nel",
        "nel",
        "Im",
        "//",
    ]
)
_PUB = re.compile(
    r"press|verlag|publish|books|editora|editorial|ediciones|éditions|springer|wiley|elsevier|"
    r"routledge|university|universit|institut|academic",
    re.IGNORECASE,
)
_JOURNAL = re.compile(
    r"journal|review|proceedings|proc|conference|conf|bulletin|annals|transactions|trans|"
    r"revista|revue|zeitschrift|quarterly|letters|jurnal|magazine|symposium|workshop",
    re.IGNORECASE,
)
_ABBR = frozenset(
    [
        "ed",
        "eds",
        "vol",
        "no",
        "pp",
        "p",
        "trans",
        "rev",
        "inc",
        "ltd",
        "co",
        "jr",
        "dr",
        "st",
        "prof",
        "vs",
        "etc",
        "cf",
        "dept",
        "univ",
        "hlm",
        "org",
    ]
)


@dataclass(frozen=True, slots=True)
class RuleHints:
    """What the rule-based parser found, as the tagger sees it (see `rule_labels`)."""

    families: tuple[str, ...] = ()
    year: int | None = None
    title: str | None = None
    container: str | None = None
    style: str | None = None


def tokens(text: str) -> list[str]:
    """Whitespace tokens: the unit the tagger labels (AnyStyle's parts join on spaces)."""
    return _TOKEN.findall(text)


_NORM_CACHE: dict[str, str] = {}


def _norm(tok: str) -> str:
    """A token's letters and digits, case-folded (cached like `_local`: the same tokens
    come back entry after entry, and this ran for every token and every hint word)."""
    hit = _NORM_CACHE.get(tok)
    if hit is not None:
        return hit
    out = "".join(ch for ch in unicodedata.normalize("NFKC", tok).casefold() if ch.isalnum())
    if len(_NORM_CACHE) < 200_000:
        _NORM_CACHE[tok] = out
    return out


def _shape(tok: str) -> str:
    out: list[str] = []
    for ch in tok[:12]:
        c = "A" if ch.isupper() else "a" if ch.isalpha() else "9" if ch.isdigit() else ch
        if len(out) < 2 or not (out[-1] == c and out[-2] == c):
            out.append(c)
    return "".join(out)


_LOCAL_CACHE: dict[str, tuple[str, ...]] = {}


def _local(tok: str) -> tuple[str, ...]:
    """Features of a token on its own (cached: tokens repeat a great deal)."""
    hit = _LOCAL_CACHE.get(tok)
    if hit is not None:
        return hit
    core = tok.strip(_STRIP)
    low = core.lower()
    f = [
        "w=" + low[:20],
        "sh=" + _shape(tok),
        "s3=" + low[-3:],
        "p2=" + low[:2],
        "l=" + tok[-1:],
        "f=" + tok[:1],
    ]
    if _YEAR_TOK.fullmatch(tok):
        f.append("YEAR")
    if _INIT.fullmatch(tok):
        f.append("INIT")
    if core[:1].isupper():
        f.append("CAP")
    if core.isupper() and len(core) > 1:
        f.append("ALLCAP")
    if any(c.isdigit() for c in tok):
        f.append("DIG")
    if _RANGE.search(tok):
        f.append("RANGE")
    if tok.startswith(("http", "www", "doi:", "10.", "https")):
        f.append("URL")
    if low.rstrip(".") in _MONTHS:
        f.append("MONTH")
    if low.rstrip(".") in _LOC:
        f.append("LOC")
    if tok.lower() in _ED:
        f.append("ED")
    if tok in _IN:
        f.append("IN")
    if _PUB.search(core):
        f.append("PUB")
    if _JOURNAL.search(core):
        f.append("JRN")
    if len(_LOCAL_CACHE) < 200_000:
        _LOCAL_CACHE[tok] = tuple(f)
    return tuple(f)


def _ends_sentence(tok: str) -> bool:
    t = tok.rstrip("'’”\"»)")
    if t.endswith(("?", "!")):
        return True
    if not t.endswith("."):
        return False
    core = t[:-1].strip(_STRIP)
    return len(core) > 2 and core.lower() not in _ABBR and not _INIT.fullmatch(t)


def rule_labels(toks: Sequence[str], hints: RuleHints) -> list[str]:
    """Each token's field according to the rules: A(uthor), Y(ear), T(itle), C(ontainer), O.

    The rules give cleaned strings, not offsets, so fields are found again by their
    normalised words; a field that cannot be found leaves its tokens "O".
    """
    out = ["O"] * len(toks)
    norms = [_norm(t) for t in toks]
    idx = [i for i, n in enumerate(norms) if n]
    seq = [norms[i] for i in idx]

    def mark(value: str | None, lab: str, after: int = 0) -> int:
        if not value:
            return -1
        want = [n for n in (_norm(w) for w in value.split()) if n]
        if not want:
            return -1
        k = len(want)
        for s in range(len(seq) - k + 1):
            if idx[s] < after or seq[s] != want[0] or seq[s : s + k] != want:
                continue
            for i in range(idx[s], idx[s + k - 1] + 1):
                out[i] = lab
            return idx[s + k - 1] + 1
        return -1

    t_end = mark(hints.title, "T")
    t_start = out.index("T") if "T" in out else len(toks)
    mark(hints.container, "C", after=t_end if t_end > 0 else 0)
    fams = {n for f in hints.families for n in (_norm(w) for w in f.split()) if n}
    last_a = -1
    for i, n in enumerate(norms):
        if i >= t_start:
            break
        if n in fams:
            last_a = i
    for i in range(last_a + 1):
        if out[i] == "O":
            out[i] = "A"
    if hints.year is not None:
        y = str(hints.year)
        for i, t in enumerate(toks):
            if y in t and out[i] in "OA":
                out[i] = "Y"
                break
    return out


# phrase features on (the shipped model is trained with them; off only to score older models)
PHRASES = True
# each phrase's place (its index, and how many phrases after the first year's it
# stands), the phrase before it summed up like the one after, and whether the token
# opens or closes its phrase: a title most often ends where a phrase does, and the
# container is the phrase after the title's, before the locators
PHRASE_CONTEXT = True
# word bigrams with each neighbour ("of|the", "journal|of"): a journal's or publisher's
# name is a run of words the tagger knows better in pairs than one by one
BIGRAMS = True


def _segments(toks: Sequence[str], local: Sequence[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """Each token's phrase (the run of tokens up to a comma, semicolon, colon or full
    stop) summed up: its length, whether it holds digits, a journal, publisher, "In"
    or editor word, or a quote; and the same for the phrase after it, prefixed "N".
    A token alone rarely shows where a title ends; the phrase it is in and the phrase
    after it do ("…, Journal of X, 12(3)")."""
    spans_: list[tuple[int, int]] = []
    start = 0
    for i, t in enumerate(toks):
        if t[-1:] in ",;:." or t.endswith(('."', ".”", ',"', ",”")):
            spans_.append((start, i + 1))
            start = i + 1
    if start < len(toks):
        spans_.append((start, len(toks)))
    summary: list[tuple[str, ...]] = []
    for a, b in spans_:
        flags = {x for j in range(a, b) for x in local[j][6:]}
        n = b - a
        out = [f"len={n if n < 3 else 3 if n < 6 else 6 if n < 11 else 11}"]
        out.extend(x for x in ("DIG", "JRN", "PUB", "IN", "ED", "YEAR", "URL") if x in flags)
        if any(toks[j][:1] in '“"«„' for j in range(a, b)):
            out.append("Q")
        summary.append(tuple(out))
    per_token: list[tuple[str, ...]] = []
    year_at = next((k for k, sm in enumerate(summary) if "YEAR" in sm), -1)
    for k, (a, b) in enumerate(spans_):
        nxt = summary[k + 1] if k + 1 < len(summary) else ("end",)
        feats = tuple(f"S{x}" for x in summary[k]) + tuple(f"N{x}" for x in nxt)
        if PHRASE_CONTEXT:
            prv = summary[k - 1] if k else ("start",)
            feats = (
                *feats,
                *(f"P{x}" for x in prv),
                f"ph={min(k, 6)}",
                f"phy={max(-2, min(k - year_at, 3))}" if year_at >= 0 else "phy=none",
            )
            for j in range(a, b):
                edge: tuple[str, ...] = ("PB",) if j == a else ()
                edge += ("PE",) if j == b - 1 else ()
                per_token.append(feats + edge)
        else:
            per_token.extend([feats] * (b - a))
    return per_token


def features(
    toks: Sequence[str], hints: RuleHints | None = None, rl: Sequence[str] | None = None
) -> list[list[str]]:
    """One list of string features per token: its own, its neighbours', its place in the
    entry (sentence count, before/after the first year) and the rules' reading of it."""
    n = len(toks)
    local = [_local(t) for t in toks]
    if rl is None:
        rl = rule_labels(toks, hints) if hints is not None else ["-"] * n
    style = (hints.style if hints else None) or "-"
    out: list[list[str]] = []
    phrase = _segments(toks, local) if PHRASES else [()] * n
    seg = 0
    seg_year = -1
    quote = False
    paren = 0
    prev_end = True
    for i, t in enumerate(toks):
        f = list(local[i])
        if (
            t[:1] in '“"«„'
            or t.startswith("``")
            or (t[:1] == "‘" and i and toks[i - 1][-1:] in ",.:")
        ):
            quote = True
        if t[:1] in "([":
            paren += 1
        f.append(f"pos={min(i, 8)}")
        f.append(f"rel={10 * i // max(1, n)}")
        f.append(f"seg={min(seg, 5)}")
        f.append(f"sy={min(seg - seg_year, 3)}" if seg_year >= 0 else "by")
        if quote:
            f.append("INQ")
        if paren:
            f.append("INP")
        if prev_end:
            f.append("BOS")
        f.extend(phrase[i])
        f.append("r=" + rl[i])
        f.append(f"rs={rl[i]}|{style}")
        f.append(f"rp={rl[i - 1] if i else '^'}|{rl[i]}|{rl[i + 1] if i + 1 < n else '$'}")
        if BIGRAMS:
            f.append(f"b-={local[i - 1][0][2:] if i else '^'}|{local[i][0][2:]}")
            f.append(f"b+={local[i][0][2:]}|{local[i + 1][0][2:] if i + 1 < n else '$'}")
        for off in (-2, -1, 1, 2):
            j = i + off
            if 0 <= j < n:
                u = local[j]
                f.append(f"{off}{u[0]}")
                f.append(f"{off}{u[1]}")
                f.append(f"{off}{u[4]}")
                if off in (-1, 1):
                    f.extend(f"{off}{x}" for x in u[6:])
            else:
                f.append(f"{off}edge")
        out.append(f)
        prev_end = _ends_sentence(t)
        if prev_end:
            seg += 1
        if seg_year < 0 and "YEAR" in local[i]:
            seg_year = seg
        if t[-1:] in '”"»' or t.endswith("''") or t.rstrip(",.:;")[-1:] in '”"»’':
            quote = False
        if t.rstrip(",.:;")[-1:] in ")]":
            paren = max(0, paren - 1)
    return out


def first_run(labels: Sequence[str], label: str) -> tuple[int, int] | None:
    """[start, end) of the first run of `label`, the run `spans` gives as text."""
    start = None
    for i, lab in enumerate(labels):
        if lab == label and start is None:
            start = i
        elif lab != label and start is not None:
            return start, i
    return None if start is None else (start, len(labels))


def spans(toks: Sequence[str], labels: Sequence[str]) -> dict[str, str]:
    """The first run of each label, as text (a label's later runs are dropped: a second
    "title" run is most often a series or a subtitle the tagger lost track of)."""
    out: dict[str, str] = {}
    prev: str | None = None
    closed: set[str] = set()
    for t, lab in zip(toks, labels, strict=True):
        if lab != prev and prev is not None:
            closed.add(prev)
        if lab not in closed:
            out[lab] = f"{out[lab]} {t}" if lab in out else t
        prev = lab
    return out


class _Model:
    """The tagger, opened on first use; `None` for good when the file or library is missing."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tagger: Any = None
        self._tried = False
        self._local = threading.local()

    def get(self) -> Any:
        if not self._tried:
            with self._lock:
                if not self._tried:
                    self._tagger = self._open()
                    self._tried = True
        if self._tagger is None:
            return None
        # a crfsuite Tagger keeps per-sequence state: one per thread
        t = getattr(self._local, "tagger", None)
        if t is None:
            t = self._open()
            self._local.tagger = t
        return t

    @staticmethod
    def _open() -> Any:
        if not MODEL_PATH.is_file():
            return None
        try:
            import pycrfsuite
        except ImportError:  # pragma: no cover - declared dependency
            return None
        tagger = pycrfsuite.Tagger()
        try:
            tagger.open(str(MODEL_PATH))
        except Exception:  # a damaged file: rules only
            return None
        return tagger


_MODEL = _Model()


@dataclass(frozen=True, slots=True)
class Tagging:
    """The tagger's reading of one entry, and how far it supports the rules' reading.

    ``title_support`` is the lowest probability the tagger gives "title" on any token the
    rules put in the title (None when the rules' title was not found in the tokens); the
    same for ``container_support``. A low value means the tagger is fairly sure the rules
    cut that field in the wrong place.
    """

    labels: tuple[str, ...]
    rules: tuple[str, ...]  # the rules' reading of each token (`rule_labels`)
    spans: dict[str, str]
    title_support: float | None
    container_support: float | None
    # the lowest "author" probability over the tagger's first author run (None: no run)
    author_support: float | None = None
    # each token's probability of the label the tagger gave it
    confidence: tuple[float, ...] = ()


def tag(toks: Sequence[str], hints: RuleHints) -> Tagging | None:
    """Tag `toks` (the rules' reading in `hints`); None when no model is available."""
    tagger = _MODEL.get()
    if tagger is None or not toks:
        return None
    rl = rule_labels(toks, hints)
    labels: list[str] = tagger.tag(features(toks, hints, rl))

    def support(rule: str, label: str) -> float | None:
        probs = [tagger.marginal(label, i) for i, r in enumerate(rl) if r == rule]
        return min(probs) if probs else None

    run = first_run(labels, "author")
    return Tagging(
        labels=tuple(labels),
        rules=tuple(rl),
        spans=spans(toks, labels),
        title_support=support("T", "title"),
        container_support=support("C", "container"),
        author_support=(
            min(tagger.marginal("author", i) for i in range(*run)) if run is not None else None
        ),
        confidence=tuple(tagger.marginal(lab, i) for i, lab in enumerate(labels)),
    )
