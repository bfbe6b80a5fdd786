"""Old (held) vs new (streamed) numeric extraction on random pages: same markers.

Usage: python benches/numeric_lazy_compare.py OLD_DIR [PAGES] [SEED]

OLD_DIR holds the held implementation as importable modules ``old_numeric`` and
``old_numeric_order`` (``git show <commit>:src/.../numeric.py`` with its
``numeric_order`` import pointed at ``old_numeric_order``). Pages mix every numeric
form (brackets, round brackets, superscripts marked, Unicode, Word runs, flattened,
joined), values with intervals, labels, code spans, with numbered or bare lists of
0-60 entries, so the weighing and the list-order reading take every branch. Prints
the first page where the two differ, else the count compared. The extraction driver
consumes the markers in order, so the same markers are the same extraction at every cap.
"""

from __future__ import annotations

import random
import sys

from citeaudit.manuscript.citations.numeric import NumericExtractor
from citeaudit.manuscript.document import Document, Line, RawEntry
from citeaudit.model.location import Location

TOKENS = [
    "[{a}]",
    "[{a}-{b}]",
    "[{a}, {b}]",
    "[{a}]–[{b}]",
    "[[{a}]](#r{a})",
    "[{a}](#ref-{a})",
    "({a})",
    "({a}, {b})",
    "({a}-{b})",
    "(ref. {a})",
    "(see {a})",
    "^{a}^",
    "^{a},{b}^",
    "<sup>{a}</sup>",
    "<sup>{a}-{b}</sup>",
    "¹",
    "²³",
    "⁴⁻⁶",
    "word.{a}",
    "word.{a},{b}",
    "disease{a}",
    "et al[{a}]",
    "Ribeiro[{a}]",
    "infection[{a}]",
    "x[{a}]",
    "{a}",
    "{a},{b}",
    "{a}-{b}",
    "{a}^,^{b}",
    "{a}^-^{b}",
    "{a}^),(^{b}",
    "em 1999 {a},{b}.",
    "2019 [{a}]",
    "{v} [{a}-{b}]",
    "n = {v} [{a}]",
    "Table {a}",
    "Fig. ({a})",
    "({a}) describe",
    "(1) do",
    "(2) go",
    "^{a}^ ^,^ {b}",
    "`code [{a}]`",
    "10^{a}^",
    "m²",
    "COVID-19²",
    "{a} years",
    "12 patients",
    "users. {a} The",
    "others {a}.",
    "others, {a},{b},{c} that",
    "|",
    "%",
    ";",
    ",",
    ".",
    "\n",
    "\n\n",
    "=",
    "Moreau {a} argues",
    "^({a})^",
    "2013({a}).",
]
WORDS = [
    *("the", "study", "shows", "that", "data", "were", "and", "we"),
    *("found", "results", "Smith", "among", "others", "a", "of"),
]


def _number(rng: random.Random, entries: int) -> int:
    return rng.randint(1, max(3, entries + rng.choice([0, 0, 0, 2, 6, 30])))


def page(rng: random.Random) -> tuple[str, tuple[RawEntry, ...], list[list[tuple[int, int]]]]:
    entries = rng.choice([0, 3, 8, 12, 25, 43, 60])
    parts: list[str] = []
    counter = 1
    for _ in range(rng.randint(5, 120)):
        if rng.random() < 0.5:
            parts.append(rng.choice(WORDS))
            continue
        token = rng.choice(TOKENS)
        if rng.random() < 0.5:  # a first-citation order, as Vancouver lists are cited
            a = counter
            counter += rng.choice([1, 1, 1, 2])
        else:
            a = _number(rng, entries)
        b = a + rng.randint(0, 4) if rng.random() < 0.8 else _number(rng, entries)
        parts.append(token.format(a=a, b=b, c=b + 2, v=rng.choice([a - 1, a + 1, 48, 3, 2.5])))
    text = rng.choice([" ", ""]).join(parts) if rng.random() < 0.2 else " ".join(parts)
    numbered = rng.random() < 0.7
    raws = tuple(
        RawEntry(
            text=f"Writer{k} A. Work {k}. J. 2020;{k}:1-5.",
            location=Location("p.md", 1000 + k),
            raw=(f"{k}. " if numbered else "") + f"Writer{k} A. Work {k}. J. 2020;{k}:1-5.",
        )
        for k in range(1, entries + 1)
    )
    runs: list[list[tuple[int, int]]] = []
    for line in text.split("\n"):
        spans = []
        for _ in range(rng.choice([0, 0, 0, 1, 3])):
            if len(line) > 2:
                a = rng.randrange(len(line) - 1)
                spans.append((a, min(len(line), a + rng.randint(1, 6))))
        runs.append(sorted(spans))
    return text, raws, runs


def document(text: str, raws: tuple[RawEntry, ...], runs: list[list[tuple[int, int]]]) -> Document:
    lines = tuple(
        Line("p.md", n, t, superscripts=tuple(s))
        for n, (t, s) in enumerate(zip(text.split("\n"), runs, strict=True), start=1)
    )
    return Document(path="p.md", format="markdown", lines=lines, reference_entries=raws)


def main() -> None:
    sys.path.insert(0, sys.argv[1])
    import old_numeric  # type: ignore[import-not-found]

    pages = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    old, new = old_numeric.NumericExtractor(), NumericExtractor()
    found = late = 0

    def held_only(doc: Document) -> set[tuple[int, int, tuple[int, ...]]]:
        """The markers without the list-order reading: what it added is the rest."""
        return {(m.start, m.end, m.numbers) for m in old.markers(_unnumbered(doc))}

    for i in range(pages):
        doc = document(*page(rng))
        want = [(m.start, m.end, m.numbers) for m in old.markers(doc)]
        got = [(m.start, m.end, m.numbers) for m in new.markers(doc)]
        found += len(want)
        if want != got:
            print("DIFFER on page", i, repr(doc.text[:3000]), len(doc.reference_entries))
            print("old", want)
            print("new", got)
            sys.exit(1)
        held = held_only(doc)
        late += sum(1 for m in got if m not in held)
    print(f"{pages} pages, {found} markers ({late} read by the list's order): identical")


def _unnumbered(doc: Document) -> Document:
    raws = tuple(RawEntry(e.text, e.location, e.text) for e in doc.reference_entries)
    return Document(path=doc.path, format=doc.format, lines=doc.lines, reference_entries=raws)


if __name__ == "__main__":
    main()
