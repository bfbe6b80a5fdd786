"""duplicate-reference folds every entry's fields (accents dropped); a field with an
accent was decomposed and each of its characters asked `unicodedata.combining`, once
per character of every folded value. Now each distinct character is asked once and
the marks are dropped by one `str.translate`. Counts work, not time (made-up titles);
the folded text stays the same."""

from __future__ import annotations

import types
import unicodedata

import pytest

from citeaudit.rules.bibliography import _work_profile


def _reference_fold(text: str) -> str:
    """The fold as it was written before, character by character."""
    head = text[:600]
    if head.isascii():
        plain = head.casefold()
        if plain.isalnum():
            return plain
    else:
        decomposed = unicodedata.normalize("NFKD", head)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(_work_profile._NON_WORD.sub(" ", plain.replace("–", "-")).split())


TITLES = [
    f"Étude {n} des rivières du Québec: l'été à Mont-Réal, Ærø og Øresund, Señor Núñez"
    for n in range(200)
]


def test_each_character_is_asked_once(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def combining(char: str) -> int:
        asked.append(char)
        return unicodedata.combining(char)

    fake = types.SimpleNamespace(normalize=unicodedata.normalize, combining=combining)
    monkeypatch.setattr(_work_profile, "unicodedata", fake)
    monkeypatch.setattr(_work_profile, "_MARKS", {}, raising=False)
    monkeypatch.setattr(_work_profile, "_ASKED", set(), raising=False)
    for title in TITLES:
        assert _work_profile.fold_text(title) == _reference_fold(title)
    distinct = set("".join(unicodedata.normalize("NFKD", t) for t in TITLES))
    assert len(asked) <= len(distinct)


@pytest.mark.parametrize(
    "text",
    [
        "Nguyễn Thị Minh Khai và Đặng Văn Ngữ",
        "Ἀριστοτέλης: Περὶ ψυχῆς",
        "Dvořák, Šimić, Łukasiewicz, Ğüneş",
        "ﬁnite ﬁelds — ½ of Ⅻ, x²",
        "Иванов Й. Ё. и Жуков",
        "a\u0301\u0302\u0323 e\u20dd",
        "",
    ],
)
def test_the_fold_is_unchanged(text: str) -> None:
    assert _work_profile.fold_text(text) == _reference_fold(text)
