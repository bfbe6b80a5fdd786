"""Where a number in round brackets is an equation's, told from the text before it.

A paper numbering its equations writes "(n)" right after the formula -- "I = K/P (1),
where K ...", "...∑M](1)式中" -- and names it in prose in scripts with no blank between
words: Chinese "由式(1)", "公式(2)(3)", Japanese "数式(4)", Korean "수식 (5)". Read as
citations, such numbers hide entries from "never cited" and report missing ones past the
list's end (class EQ of the real-manuscript survey). Both tests look only at a bounded
stretch before the bracket (the caller's look-back), so they stay linear.
"""

from __future__ import annotations

import re

# "式" ends every CJK name of an equation (公式, 数式, 方程式, 等式, 算式); it also ends
# common words ("方式" a way, "模式" a model, "形式" a form), so it names an equation
# only after a particle, a verb of use or a name's first character, or standing alone
_BEFORE_SHIKI = frozenset(
    "由据用将和与及到见在把从入按如照依代公数數等算是为為はとのをがにでもや、，,（(：:;； \t\n"
)
_EQUATION_PAIRS = ("方程", "方程式", "수식")  # not "程式" alone: a program in Taiwan
# a glued or listed number before: "公式(2)(3)", "式(2)、(3)", "식 (2)와 (3)"
_NUMBER_BEFORE = re.compile(r"\(\d{1,3}\)[ \t]?[、,，和与及と와과및]?[ \t]?$")
_FORMULA_REACH = 60
_PROSE_WORD = re.compile(r"[^\W\d_]{4,}")
_SENTENCE_END = re.compile(r"[.;:!?。；：！？][ \t\n]")
_CLOSED_HERE = re.compile(r"[.!?](?:\s|$)")


def after_an_equation_name(before: str) -> bool:
    """Whether `before` ends on a CJK name of an equation, maybe with a number of the
    same run between ("公式(2)" before "(3)")."""
    stripped = before.rstrip(" \t")
    for _ in range(8):  # "公式(2)(3)(4)": a few numbers glued after one name
        m = _NUMBER_BEFORE.search(stripped)  # `before` is a bounded look-back: linear
        if m is None:
            break
        stripped = stripped[: m.start()].rstrip(" \t")
    if stripped.endswith(_EQUATION_PAIRS):
        return True
    if stripped.endswith("式"):
        return len(stripped) == 1 or stripped[-2] in _BEFORE_SHIKI
    if stripped.endswith("식"):  # Korean: the word alone, "식 (4)" -- not "방식", "지식"
        return len(stripped) == 1 or not stripped[-2].isalpha()
    return False


def after_a_formula(before: str) -> bool:
    """Whether `before` ends on a formula: an "=" on the same line within reach, and
    between it and the bracket only symbols, numbers and short variables -- no word of
    prose, no sentence's end, no comma or percent outside brackets (values listed in a
    sentence), no bracket closing one opened before the "=" ("(OR = 2.1) (5)" cites)."""
    window = before[-_FORMULA_REACH:]
    equals = window.rfind("=")
    if equals < 0:
        return False
    stretch = window[equals + 1 :]
    if "\n" in stretch or not stretch.strip():
        return False
    if _PROSE_WORD.search(stretch) or _SENTENCE_END.search(stretch):
        return False
    if "%" in stretch:
        return False  # "HR = 1.5, 95% CI 1.1-2.0 (12)": a statistic reported, then cited
    depth = 0
    for char in stretch:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth < 0:
                return False
        elif char in ",;" and depth == 0:
            return False  # values listed in prose, not one formula: "r = 0.4, n = 9 (3)"
    return depth == 0


def closes_a_sentence(before: str, after: str) -> bool:
    """Whether a number after a formula closes a sentence of prose the formula stands in
    ("... summed and multiplied by 70: (D + H) x 70 = V(ml) (13)."): a full stop right
    after the bracket, and words before the formula on its line. That is a citation's
    place; an equation's number ends a displayed formula's line, or goes on ", where".
    `before` is the caller's bounded look-back, `after` a few characters: linear."""
    if _CLOSED_HERE.match(after) is None:
        return False
    line = before[before.rfind("\n") + 1 :]
    equals = line.rfind("=")
    return equals > 0 and _PROSE_WORD.search(line, 0, equals) is not None
