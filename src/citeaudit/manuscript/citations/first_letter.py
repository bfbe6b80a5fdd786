"""An alternation of many words rewritten to try, at each character, only the words
that can start there.

``re`` tries every branch of ``a|b|c|...`` at every character of a search, and a
branch under ``(?i:...)`` is tried in full (its first letter is no quick test for the
engine). A hundred-odd words -- the year slot's status and no-date words in every
language (`citeaudit.model.publication_status`) -- cost a microsecond a character:
linear, but slow enough that a hostile 40,000-character group timed like a
super-linear one. `by_first_letter` rewrites such an alternation so that its
branches are grouped by their first character, each group behind a character class
the engine tests in one step, and the words of a group keep their order: the same
matches, same spans, as the alternation it was built from (tests/security/
test_redos_author_year.py checks that on random strings).

Only the shapes the year-slot words use are rewritten: a literal first character, a
small class (``[nts]``, ``[àa]``), an escaped punctuation mark, and a leading group
with or without ``?`` (``(?:manuscript\\s+)?submitted``), expanded into its branches.
Anything else raises `ValueError` at import, so a new word of another shape is seen
at once rather than slowing the search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Characters that `re` matches case-insensitively to a letter without being its
# upper or lower case (Kelvin sign, long s, dotted and dotless i, Cyrillic variants).
_CASE_EXTRAS = {
    "k": "\u212a",
    "s": "\u017f",
    "i": "\u0131\u0130",
    "å": "\u212b",
    "в": "\u1c80",
    "д": "\u1c81",
    "о": "\u1c82",
    "с": "\u1c83",
    "т": "\u1c84\u1c85",
    "ъ": "\u1c86",
}
_QUANTIFIERS = "?*+{"


@dataclass(frozen=True)
class _Branch:
    """One branch: its first character (a literal), the rest, and its case rule."""

    first: str
    rest: str
    ignore_case: bool


def _closing(source: str, start: int) -> int:
    """The index of the bracket that closes the one at `start` ("(" or "[")."""
    depth = 0
    in_class = False
    i = start
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                if source[start] == "[":
                    return i
                in_class = False
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise ValueError(f"unbalanced pattern: {source!r}")


def split_branches(source: str) -> list[str]:
    """The top-level branches of a pattern source (its "|" outside groups and classes)."""
    out: list[str] = []
    depth = 0
    in_class = False
    last = 0
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            # "[]...]" and "[^]...]" hold a literal "]" first
            if source[i + 1 : i + 2] == "]":
                i += 1
            elif source[i + 1 : i + 3] == "^]":
                i += 2
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(source[last:i])
            last = i + 1
        i += 1
    out.append(source[last:])
    return out


def _expand(branch: str, ignore_case: bool) -> list[_Branch]:
    """`branch` as branches each starting with one literal character, in match order."""
    if not branch:
        raise ValueError("an empty branch matches everywhere")
    head = branch[0]
    if branch.startswith("(?i:") or branch.startswith("(?:"):
        close = _closing(branch, 0)
        inner = branch[4:close] if branch.startswith("(?i:") else branch[3:close]
        inner_case = ignore_case or branch.startswith("(?i:")
        after = branch[close + 1 :]
        optional = after.startswith("?")
        if optional:
            after = after[1:]
        if after[:1] in _QUANTIFIERS and after:
            raise ValueError(f"a repeated leading group: {branch!r}")
        if inner_case != ignore_case and after:
            raise ValueError(f"a case flag over part of a branch: {branch!r}")
        out: list[_Branch] = []
        for part in split_branches(inner):
            out.extend(_expand(part + after, inner_case))
        if optional:
            out.extend(_expand(after, ignore_case))
        return out
    if head == "[":
        close = _closing(branch, 0)
        members = branch[1:close]
        after = branch[close + 1 :]
        if any(c in members for c in "^-\\[") or (after[:1] in _QUANTIFIERS and after):
            raise ValueError(f"a leading class other than a few letters: {branch!r}")
        return [_Branch(c, after, ignore_case) for c in members]
    if head == "\\":
        char = branch[1:2]
        if char.isalnum() or not char:
            raise ValueError(f"a leading class escape: {branch!r}")
        first, rest = char, branch[2:]
    elif head in "()|.^$" + _QUANTIFIERS:
        raise ValueError(f"a leading {head!r}: {branch!r}")
    else:
        first, rest = head, branch[1:]
    if rest[:1] in _QUANTIFIERS and rest:
        raise ValueError(f"a repeated first character: {branch!r}")
    return [_Branch(first, rest, ignore_case)]


def _base(char: str) -> str:
    """The lower case a character shares with its twins: "ı" and "I" and "i" share "i"."""
    upper = char.upper()
    low = upper.lower() if len(upper) == 1 else char.lower()
    return low if len(low) == 1 else char


def _matching(branch: _Branch) -> str:
    """Every character the branch's first character matches."""
    if not branch.ignore_case:
        return branch.first
    base = _base(branch.first)
    chars = {branch.first, branch.first.lower(), branch.first.upper(), base, base.upper()}
    return "".join(sorted(c for c in chars | set(_CASE_EXTRAS.get(base, "")) if len(c) == 1))


def _class(chars: str) -> str:
    members = sorted(set(chars))
    if len(members) == 1:
        return re.escape(members[0])
    return "[" + "".join(re.escape(c) for c in members) + "]"


def by_first_letter(sources: list[tuple[str, bool]]) -> str:
    """One pattern source matching as ``|``.join of `sources` (each a pattern source and
    whether it is read ignoring case), its branches grouped by first character."""
    groups: dict[str, list[_Branch]] = {}
    for source, ignore_case in sources:
        for part in split_branches(source):
            for branch in _expand(part, ignore_case):
                key = _base(branch.first)
                groups.setdefault(key, []).append(branch)
    pieces = []
    for members in groups.values():
        head = "".join(_matching(m) for m in members)
        tails = []
        for m in members:
            rest = f"(?i:{m.rest})" if m.ignore_case and m.rest else m.rest
            if set(_matching(m)) != set(head):
                check = f"(?i:{re.escape(m.first)})" if m.ignore_case else re.escape(m.first)
                rest = f"(?<={check}){rest}"
            tails.append(rest)
        body = tails[0] if len(tails) == 1 else "(?:" + "|".join(tails) + ")"
        pieces.append(_class(head) + body)
    return "|".join(pieces)


__all__ = ["by_first_letter", "split_branches"]
