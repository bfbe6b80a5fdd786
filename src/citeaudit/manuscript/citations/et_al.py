""" "et al." as each language writes it: one vocabulary for every citation reader.

Why: the parenthetical and the narrative readers each kept their own list, and each
knew forms the other did not ("Pereira et.al (2017)" read in parentheses, not in a
sentence). Many languages write "and co-workers" with their own "and": Slovenian
"in sod.", Croatian "i sur.", Czech "a kol.", Polish "i in.", Hungarian "és mtsai",
Russian "и др."; a citation in those was read as two authors, "Novak" and "sod.", and
matched no entry -- the entry "never cited", the citation "missing". Here each form is
its "and" word and its "others" word; forms of one word ("dkk.", "e.a.", "idr.") stand
alone. A full stop after the word is optional, as writers drop it.
"""

from __future__ import annotations

import re

# "others" words that follow one of their language's "and" words
AFTER_AND: dict[str, frozenset[str]] = {
    "sod": frozenset({"in", "s"}),  # Slovenian "in sodelavci", "s sodelavci"
    "sur": frozenset({"i"}),  # Croatian "i suradnici"
    "sar": frozenset({"i", "и"}),  # Serbian "i saradnici"
    "kol": frozenset({"a"}),  # Czech, Slovak "a kolektiv"
    "in": frozenset({"i"}),  # Polish "i inni"
    "wsp": frozenset({"i"}),  # Polish "i współpracownicy"
    "mtsai": frozenset({"és"}),  # Hungarian "és munkatársai"
    "mtsa": frozenset({"és"}),
    "anderen": frozenset({"en"}),  # Dutch
    "др": frozenset({"и"}),  # Russian, Bulgarian "и други(е)"
    "соавт": frozenset({"и"}),  # Russian "и соавторы"
    "съавт": frozenset({"и"}),  # Bulgarian
    "ін": frozenset({"та", "і"}),  # Ukrainian "та інші"
    "dr": frozenset({"in"}),  # Slovenian "in drugi"
    "colab": frozenset({"și", "si"}),  # Romanian "și colaboratorii"
    "kt": frozenset({"ir"}),  # Lithuanian "ir kiti"
    "ark": frozenset({"ve"}),  # Turkish "ve arkadaşları"
    "arkadaşları": frozenset({"ve"}),
    "diğ": frozenset({"ve"}),  # Turkish "ve diğerleri"
    "diğerleri": frozenset({"ve"}),
    "col": frozenset({"y", "e", "et"}),  # Spanish, Portuguese, French
    "cols": frozenset({"y", "e"}),
    "coll": frozenset({"e", "et"}),  # Italian "e collaboratori", French "et coll."
    "otros": frozenset({"y"}),  # Spanish "y otros"
    "outros": frozenset({"e"}),  # Portuguese "e outros"
    "altri": frozenset({"e"}),  # Italian "e altri"
    "altres": frozenset({"i"}),  # Catalan "i altres"
    "spol": frozenset({"a"}),  # Czech "a spolupracovníci"
    "tsai": frozenset({"és"}),  # Hungarian "és társai"
    "сар": frozenset({"и"}),  # Serbian (Cyrillic) "и сарадници"
    "cs": frozenset({"và"}),  # Vietnamese "và cộng sự"
    "συν": frozenset({"και"}),  # Greek "και συνεργάτες"
    "همکاران": frozenset({"و"}),  # Persian "و همکاران"
    "دیگران": frozenset({"و"}),  # Persian "و دیگران"
    "अन्य": frozenset({"एवं", "और", "व"}),  # Hindi "एवं अन्य"
    "अन्यान्य": frozenset({"एवं", "और"}),
    "অন্যান্য": frozenset({"ও", "এবং"}),  # Bengali
    "คณะ": frozenset({"และ"}),  # Thai "และคณะ" written apart
    # the words those forms shorten, spelt out as often: "Novak in sodelavci (2017)",
    # "i suradnici", "a kolektiv", "e collaboratori", "und Mitarbeiter", "u. Mitarb."
    "sodelavci": frozenset({"in", "s"}),
    "drugi": frozenset({"in"}),
    "suradnici": frozenset({"i"}),
    "saradnici": frozenset({"i"}),
    "kolektiv": frozenset({"a"}),
    "inni": frozenset({"i"}),
    "współpracownicy": frozenset({"i"}),
    "munkatársai": frozenset({"és"}),
    "társai": frozenset({"és"}),
    "colaboratorii": frozenset({"și", "si"}),
    "kiti": frozenset({"ir"}),
    "collaboratori": frozenset({"e"}),
    "mitarbeiter": frozenset({"und", "u."}),
    "mitarb": frozenset({"und", "u."}),
    "kollegen": frozenset({"und", "u."}),
    "collab": frozenset({"et"}),
    "alii": frozenset({"et"}),
    "другие": frozenset({"и"}),
    "соавторы": frozenset({"и"}),
}
# one-word forms
ALONE = frozenset(
    {"dkk", "idr", "e.a", "u.c", "m.fl", "mfl", "ym", "jt", "et.al", "etal", "col", "coll"}
    | {"cols", "colab", "vd"}  # Turkish "vd." (ve diğerleri)
    # Arabic "وآخرون" / "وآخرين" ("and others", the "and" glued on), with or without
    # the hamza; Hebrew "ואחרים", "ועמיתיו"
    | {"وآخرون", "وآخرين", "واخرون", "واخرين", "وزملاؤه", "ואחרים", "ועמיתיו"}
    | {"และคณะ", "इत्यादि"}  # Thai "and group", Hindi "etc."
)


def et_al_words(words: list[str]) -> int:
    """How many of `words`' last words are an "et al." form (0, 1 or 2); words as
    written, a full stop after the last one allowed."""
    if not words:
        return 0
    last = words[-1].casefold().removesuffix(".")
    if len(words) >= 2 and words[-2].casefold() in AFTER_AND.get(last, ()):
        return 2
    return 1 if last in ALONE else 0


def pattern() -> str:
    """The forms as a regular-expression alternative (no group, no nested
    quantifier): the "and" word, blanks, the "others" word, an optional full stop."""
    # (an "and" word may be abbreviated itself: German "u. Mitarb.")
    pairs = sorted(("|".join(map(re.escape, sorted(ands))), w) for w, ands in AFTER_AND.items())
    parts = [rf"(?:{ands})\s+{_escaped(word)}\b\.?" for ands, word in pairs]
    parts += [rf"{_escaped(word)}\b\.?" for word in sorted(ALONE, key=len, reverse=True)]
    return "|".join(parts)


def _escaped(word: str) -> str:
    return word.replace(".", r"\.\s?")
