"""freeze20 class YP: a regular expression built from the input's years at match time.

The class: matching asks, for a citation whose year fits none of its author's
entries, whether each entry's text still holds the cited year (an original edition
"[1859]", a span "1971-77", a pair "2001/2012", "1897 (1896)" ...). Those searches were
patterns written around the year (and around the pair of years), compiled when asked.
re's cache holds 512 patterns; an upload's years are any of hundreds and their pairs
any of 100,000s, so every entry-citation pair compiled its patterns afresh (0.1-1 ms
each): 100 entries of one surname and 100 citations of it in years none has -- 8 KB --
took 15 CPU seconds, 400 of each over two minutes, and the matcher's budget of 500,000
scored entries (`author_index._SCORED`) allowed hours.

No clock: the patterns compiled while the inputs are read, matched and judged by every
rule are counted (the standard library's compiler, wrapped), at a size and at four
times it. Linear work compiles nothing per pair: the count at 4x stays the count at 1x
(a few patterns compiled lazily at first use). Instances: a BibTeX file, a Markdown
free-text list, a CSL-JSON file cited with slash pairs and brackets ("2001/2012",
"2005 [1998]"), and a RIS file cited narratively in another language's years
(Hijri-era numbers).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, read_inputs, run_rules

Build = Callable[[int, Path], AuditInput]
SLACK = 16  # patterns a first use compiles (lazily, once), whatever the size


def _word(i: int) -> str:
    out = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        out = chr(97 + rest) + out
    return out


def _even(i: int) -> int:
    return 1600 + 2 * (i % 200)


def _odd(i: int) -> int:
    return 1601 + 2 * ((i * 7) % 200)


def _bibtex(n: int, folder: Path) -> AuditInput:
    bib = "".join(
        f"@book{{k{i}, author = {{Okonkwo, Ada}}, title = {{Rivers {_word(i)}}}, "
        f"publisher = {{Lagos Press}}, year = {_even(i)}}}\n"
        for i in range(n)
    )
    (folder / "refs.bib").write_text(bib, encoding="utf-8")
    body = " ".join(f"(Okonkwo, {_odd(i)})." for i in range(n))
    (folder / "paper.md").write_text(f"Die Flüsse {body}\n", encoding="utf-8")
    return AuditInput((folder / "paper.md",), (folder / "refs.bib",))


def _markdown_list(n: int, folder: Path) -> AuditInput:
    entries = "".join(
        f"Virtanen, M. ({_even(i)}). Järvien {_word(i)}. Helsinki: Otava.\n\n" for i in range(n)
    )
    body = " ".join(f"Virtanen ({_odd(i)}) kirjoittaa." for i in range(n))
    (folder / "paper.md").write_text(f"{body}\n\n## Lähteet\n\n{entries}", encoding="utf-8")
    return AuditInput((folder / "paper.md",), ())


def _csl_json(n: int, folder: Path) -> AuditInput:
    items = [
        {
            "id": f"k{i}",
            "type": "book",
            "title": f"Tratado {_word(i)}",
            "author": [{"family": "Quispe", "given": "Rosa"}],
            "issued": {"date-parts": [[_even(i)]]},
        }
        for i in range(n)
    ]
    (folder / "refs.json").write_text(json.dumps(items), encoding="utf-8")
    body = " ".join(
        f"(Quispe, {_odd(i)}/{_odd(i + 3)})" if i % 2 else f"(Quispe, {_odd(i)} [{_odd(i + 5)}])"
        for i in range(n)
    )
    (folder / "paper.md").write_text(f"Como se ve {body}.\n", encoding="utf-8")
    return AuditInput((folder / "paper.md",), (folder / "refs.json",))


def _ris(n: int, folder: Path) -> AuditInput:
    records = "".join(
        f"TY  - BOOK\nAU  - Rahimi, Leila\nTI  - Tarikh {_word(i)}\nPY  - {1300 + i % 150}\n"
        "ER  - \n"
        for i in range(n)
    )
    (folder / "refs.ris").write_text(records, encoding="utf-8")
    body = " ".join(f"Rahimi ({1881 + (i * 3) % 150}) wrote." for i in range(n))
    (folder / "paper.md").write_text(f"{body}\n", encoding="utf-8")
    return AuditInput((folder / "paper.md",), (folder / "refs.ris",))


def _compiled_while(build: Build, n: int, folder: Path, monkeypatch: pytest.MonkeyPatch) -> int:
    inputs = build(n, folder)
    count = 0
    compile_pattern = re._compiler.compile  # type: ignore[attr-defined]

    def counting(pattern: object, flags: int = 0) -> object:
        nonlocal count
        count += 1
        return compile_pattern(pattern, flags)

    with monkeypatch.context() as patch:
        patch.setattr(re._compiler, "compile", counting)  # type: ignore[attr-defined]
        data = read_inputs(inputs)
        findings = run_rules(data)
    assert data.citations and data.references  # the shape was read, and matched
    assert findings  # and judged: the rules ask the same of each citation and entry
    return count


@pytest.mark.parametrize("build", [_bibtex, _markdown_list, _csl_json, _ris])
def test_matching_compiles_no_pattern_per_entry_and_citation(
    build: Build, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small_folder, large_folder = tmp_path / "small", tmp_path / "large"
    small_folder.mkdir()
    large_folder.mkdir()
    read_inputs(build(4, tmp_path))  # the patterns compiled at first use, once
    small = _compiled_while(build, 20, small_folder, monkeypatch)
    large = _compiled_while(build, 80, large_folder, monkeypatch)
    assert large <= small + SLACK, (
        f"{build.__name__}: {small} patterns compiled for 20 entries and citations, "
        f"{large} for 80: a pattern is built from the input per pair"
    )
