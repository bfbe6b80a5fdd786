"""freeze23: the editors' pattern of the free-text parser gives nothing back.

``_EDITED_BY`` finds "A. Aa and B. Bb, Eds." inside a chapter's container. From each
initials-first name it reads up to 20 more editors and then wants ", Eds.". Where it
did not find it, the engine gave back the last surname one letter at a time and then
each editor in turn, trying ", Eds." after every one: work no match can come of, since
what follows a surname or the chain is a space, a comma or "and", never a letter of a
name. And every editor of a chain was a start of its own, reading the 20 after it.
benches/redos_scan.py flagged it (a 40 KB run of " and A. Aa": 8 ms at 10 KB, 56 ms at
40 KB on a loaded machine; linear, but 21 names read from each name). Now a name after
"Aa and " or "Aa & " is no start (the chain from the name before took it in): 7 ms.

The engine's steps cannot be counted from Python (tests/security/counted_work.py
says so), so what is pinned is the pattern's shape -- no repeat in it that can give
back more than one character is greedy, but a run of blanks (the text it reads has
its blanks collapsed to one) -- and that a chain's later names are no starts. The
possessive pattern finds what the former one with the same starts found (same spans
on crafted and random strings), and what the former one found on the forms editors
are written in.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from typing import Any

from citeaudit.bibliography.freetext_patterns import _EDITED_BY

try:  # Python 3.11's parser of patterns
    from re import _constants as C  # type: ignore[attr-defined]
    from re import _parser as P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore[no-redef]
    import sre_parse as P  # type: ignore[no-redef]

# The pattern as it stood before freeze23.
_FORMER = re.compile(
    r",?\s*(?:edited by|ed\. by|eds?\.|hrsg\. v(?:on)?\.?|herausgegeben von|edited|"
    r"(?<![A-Z]\.)(?<![A-Z]\.\s)(?:[A-Z]\.\s?)++[A-Z][\w'’\-]+"
    r"(?:\s+(?:and|&)\s+(?:[A-Z]\.\s?)++[A-Z][\w'’\-]+){0,20},?\s+Eds?\.)",
)
# The former pattern with the chain's starts only (the lookbehinds freeze23 added),
# still giving back: the possessive rewrite must find exactly what it finds.
_STARTS_ONLY = re.compile(
    _FORMER.pattern.replace(
        r"(?<![A-Z]\.\s)", r"(?<![A-Z]\.\s)(?<![\w'’\-]\sand\s)(?<![\w'’\-]\s&\s)"
    )
)


def _greedy_repeats(parsed: Any) -> Iterator[tuple[int, Any]]:
    """(maximum, body) of every greedy repeat in a parsed pattern, nested ones too."""
    for op, av in parsed:
        if op in (C.MAX_REPEAT, C.MIN_REPEAT):
            yield av[1], av[2]
            yield from _greedy_repeats(av[2])
        elif op in (C.POSSESSIVE_REPEAT,):
            yield from _greedy_repeats(av[2])
        elif op == C.SUBPATTERN:
            yield from _greedy_repeats(av[-1])
        elif op == C.ATOMIC_GROUP or op in (C.ASSERT, C.ASSERT_NOT):
            yield from _greedy_repeats(av if op == C.ATOMIC_GROUP else av[1])
        elif op == C.BRANCH:
            for branch in av[1]:
                yield from _greedy_repeats(branch)


def _blank_class(body: Any) -> bool:
    """Whether a repeat's body is one blank (``\\s``), the only run given back."""
    return list(body) == [(C.IN, [(C.CATEGORY, C.CATEGORY_SPACE)])]


def test_no_name_or_chain_is_given_back_letter_by_letter() -> None:
    greedy = [
        (maximum, body)
        for maximum, body in _greedy_repeats(P.parse(_EDITED_BY.pattern, _EDITED_BY.flags))
        if maximum > 1 and not _blank_class(body)
    ]
    assert greedy == [], "a surname or the editors' chain may be given back"


_CRAFTED = [
    "In Book, A. Bb and C. Dd, Eds., pp. 1-2.",
    "In Book, A. B. Cc & D. Ee, Eds. P.",
    "In Book, A. Bb, Ed. P.",
    "In Book, edited by A. Bb. P.",
    "In Book, hrsg. von A. Bb. P.",
    "In Book, A.B. O'Brien-Smith Eds. P.",
    "In Book, A. Eds, Eds.",
    "In Book, A. Bb and C. Dd and E. Ff, Eds.",
    "Smith, J. and A. Bb, Eds.",
    " and A. Aa" * 30 + ", Eds.",
    " and A. Aa" * 30,
    "A. Bb-, Eds.",
    "A. Bb and C. D1, Eds.",
]


def test_finds_what_the_former_pattern_found() -> None:
    pieces = ["A.", "B. ", "Aa", "bb", " and ", " & ", ", ", " Eds.", " Ed.", "edited by"]
    pieces += ["ed. by", "'", "-", " ", ",", "C", "x1", "’", "hrsg. von "]
    rng = random.Random(23)
    samples = list(_CRAFTED)
    samples += [
        "".join(rng.choice(pieces) for _ in range(rng.randint(1, 16))) for _ in range(20_000)
    ]
    for text in samples:
        assert [m.span() for m in _EDITED_BY.finditer(text)] == [
            m.span() for m in _STARTS_ONLY.finditer(text)
        ], text


def test_a_chain_is_read_from_its_first_editor_only() -> None:
    """Each editor of "A. Aa and B. Bb and …" was a start that read the next 20; now
    only the first is. The forms editors are written in are found as before."""
    for text in _CRAFTED[:8]:
        assert [m.span() for m in _EDITED_BY.finditer(text)] == [
            m.span() for m in _FORMER.finditer(text)
        ], text
    chain = "In Book, " + " and ".join(f"{chr(65 + i)}. Aa{i}" for i in range(10)) + ", Eds."
    first = _EDITED_BY.search(chain)
    former = _FORMER.search(chain)
    assert first is not None and former is not None and first.span() == former.span()
    # each later editor is no start of its own: it was one, and read the rest again
    inner = [m.start() for m in re.finditer(r"(?<= and )[A-Z]\.", chain)]
    assert len(inner) == 9
    assert all(_FORMER.match(chain, at) is not None for at in inner)
    assert [at for at in inner if _EDITED_BY.match(chain, at) is not None] == []
