"""Red team (freeze): the no-year styles' checks meet each entry where a paragraph may
name it, not every entry in every paragraph.

`_cited_by_name_and_title` looked at every uncited entry in every body paragraph: an
upload of 10,000 one-line paragraphs beside a BibTeX file of 10,000 uncited entries was
10^8 checks (28 s of CPU; at the caps, 125,000 paragraphs and 100,000 entries, hours of
a worker). `_cited_by_author_page` filtered all of an author's works by title for each
"(Smith Zed 4)": 10,000 works of one author and as many such parentheses were 10^8
title foldings. Counted here: the entries checked, the titles folded -- not seconds
(benches/linearity.py times the shapes "rules-paragraphs-entries" and
"rules-author-page-fanout"). Made-up names and titles.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult, Phase
from citeaudit.rules.citations import _cited_by_author_page as author_page
from citeaudit.rules.citations import _cited_by_name_and_title as name_and_title

N = 400
OFFLINE = {Phase.RESOLUTION: "offline", Phase.LINKS: "offline"}


def _word(i: int) -> str:
    """A made-up word for `i`, letters only ('b', 'c', ... 'ba', ...)."""
    out = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        out = chr(97 + rest) + out
    return out


def _audit(tmp_path: Path, body: str, bib: str) -> AuditResult:
    paper, refs = tmp_path / "paper.md", tmp_path / "refs.bib"
    paper.write_text(body, encoding="utf-8")
    refs.write_text(bib, encoding="utf-8")
    return audit(AuditInput((paper,), (refs,)), skipped=OFFLINE)


def _uncited(result: AuditResult) -> set[str]:
    return {f.reference or "" for f in result.findings if f.rule == "uncited-reference"}


def _counting(module: Any, name: str, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls = [0]
    real: Callable[..., Any] = getattr(module, name)

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counted)
    return calls


def _entries(n: int, family: Callable[[int], str]) -> str:
    return "".join(
        f"@book{{k{i}, author = {{{family(i)}, Ann}}, "
        f"title = {{Tall{_word(i)} harbours of empire}}, publisher = {{Press}}}}\n"
        for i in range(n)
    )


def test_paragraphs_beside_entries_check_only_the_entries_they_may_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks = _counting(name_and_title, "_named", monkeypatch)
    body = "".join(f"Plain{_word(i)} words here.\n\n" for i in range(N))
    body += "As Writerc argues in Tallc Harbours of Empire, the coast mattered.\n"
    result = _audit(tmp_path, body, _entries(N, lambda i: f"Writer{_word(i)}"))
    uncited = _uncited(result)
    assert "k2" not in uncited  # named by author and title: still found
    assert len(uncited) == N - 1
    assert checks[0] <= 4 * N, checks[0]  # was N * N = 160,000


def test_one_family_named_everywhere_is_checked_within_a_budget(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(name_and_title, "MAX_CHECKS", 1_000, raising=False)
    checks = _counting(name_and_title, "_named", monkeypatch)
    body = "".join(f"Smith said plain{_word(i)} things.\n\n" for i in range(N))
    result = _audit(tmp_path, body, _entries(N, lambda i: "Smith"))
    assert len(_uncited(result)) == N  # unchecked entries stay uncited
    assert checks[0] <= 2 * 1_000, checks[0]  # per call (the rule and the coverage)


def test_author_page_items_look_up_the_works_their_words_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folds = _counting(author_page, "title_opening", monkeypatch)
    body = "Text " + "(Smith Zed 4) " * N + "and (Smith Tallc 7).\n"
    result = _audit(tmp_path, body, _entries(N, lambda i: "Smith"))
    uncited = _uncited(result)
    assert "k2" not in uncited  # '(Smith Tallc 7)': the one work of Smith titled so
    assert len(uncited) == N - 1
    assert folds[0] <= 4 * N, folds[0]  # was one per work per item: N * N
