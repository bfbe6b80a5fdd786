"""freetext_merge compiles every pattern once, at import, never per entry or per token.

Why: the tagger's merge runs once per entry of every list, and some of its checks built
a pattern from the entry's year (`rf"(?<!\\d){year}(?!\\d)"`) or looked a literal pattern
up again for each token: each call paid the `re` module's cache (and, past its 512
patterns, a compile). The checks keep their readings; only where the patterns are built
changes.
"""

from __future__ import annotations

import ast
from pathlib import Path

from citeaudit.bibliography import freetext_merge

_RE_CALLS = frozenset(
    {"compile", "search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"}
)


def _re_calls_inside_functions(source: str) -> list[str]:
    """`re.<fn>(...)` calls written inside a function body (line: call)."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            continue
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Call)
                and isinstance(inner.func, ast.Attribute)
                and isinstance(inner.func.value, ast.Name)
                and inner.func.value.id == "re"
                and inner.func.attr in _RE_CALLS
            ):
                found.append(f"{inner.lineno}: re.{inner.func.attr}")
    return found


def _toks(text: str) -> list[str]:
    return text.split()


def test_no_pattern_is_built_or_looked_up_inside_a_function() -> None:
    source = Path(freetext_merge.__file__).read_text(encoding="utf-8")
    assert _re_calls_inside_functions(source) == []


def test_the_guard_sees_a_pattern_built_per_call() -> None:
    source = (
        "import re\n"
        "def f(year: str, text: str) -> bool:\n"
        '    return bool(re.search(rf"{year}", text))\n'
    )
    assert _re_calls_inside_functions(source) == ["3: re.search"]


def test_a_year_outside_access_notes_is_a_whole_number() -> None:
    toks = _toks("Lee, A. Title. Some Journal 12, 2019. Accessed 3 May 2021")
    assert freetext_merge._outside_access_notes(toks, "2019")
    # a longer number holding the year is not the year
    assert not freetext_merge._outside_access_notes(_toks("Report 120195 pages"), "2019")
    assert not freetext_merge._outside_access_notes(_toks("Report 20191 pages"), "2019")


def test_a_year_only_in_an_access_note_is_not_outside_it() -> None:
    toks = _toks("Dicionário online. Disponível em: http://example.org. Acesso em: 2 jun. 2022.")
    assert not freetext_merge._outside_access_notes(toks, "2022")


def test_a_year_only_in_a_journal_qualifier() -> None:
    toks = _toks("Roe, B. Birds of the coast. Ibis (Lond. 1859) 12: 3-9.")
    assert freetext_merge._only_in_qualifier(toks, "1859")
    assert not freetext_merge._only_in_qualifier(_toks("Roe, B. 1859. Ibis 12."), "1859")
    assert not freetext_merge._only_in_qualifier(_toks("Roe, B. 2001. Ibis 12."), "1859")
