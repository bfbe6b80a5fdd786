"""A dash alone in a numbered list is an address broken at its hyphen (sv13, PB).

Made up, modelled on a literature review typeset with biblatex's IEEE style (PDF,
benches/REAL_MANUSCRIPTS_13.md): entry 14's long address broke at a hyphen, the
hyphen alone on a line, then the address's tail. The hyphen was read as a bullet and
the tail became an entry "never cited".
"""

from __future__ import annotations

from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import split_entries


def _numbered(n: int) -> list[str]:
    return [
        f"[{i}] Roe, A. Kettle paper {i}. In: Journal of Steam 7.1 (2018), pp. 1-9. URL: "
        f"https://kettle.example/a{i}."
        for i in range(1, n + 1)
    ]


def _split(texts: list[str]) -> list[str]:
    return [e.text for e in split_entries([Line("x", n, t) for n, t in enumerate(texts, 1)])]


def test_pb_lone_dash_and_tail_belong_to_the_entry_before() -> None:
    texts = _numbered(11)
    broken = [
        "[6] Poe, B. Steam review. In: Steam 10.7 (2022). URL: https : / / d1.cloud . example /",
        "-",
        "yzX8CrqleHyLY0PWq7p&Key-Pair-Id=APKAJLOHF5.",
    ]
    entries = _split(texts[:5] + broken + texts[6:])
    assert len(entries) == 11
    assert entries[5].startswith("[6]") and entries[5].rstrip().endswith("APKAJLOHF5.")


def test_pb_guard_bulleted_works_under_numbered_groups_stay_entries() -> None:
    texts = [
        "1. Kettles",
        "- Roe, A. (2018). Kettle paper one. Steam, 7, 1-9.",
        "- Poe, B. (2019). Kettle paper two. Steam, 8, 1-9.",
        "2. Pans",
        "- Doe, C. (2020). Pan paper. Steam, 9, 1-9.",
    ]
    assert len(_split(texts)) >= 3
