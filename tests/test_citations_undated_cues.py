"""U1: an undated work cited by a cue and its authors' names, "(vgl. Quandt)".

Seminar papers and theses cite undated web pages by a cue ("vgl.", "siehe", "cf.",
"see", "ver", "véase", "voir", "zie", "bkz.", "zob.", "lihat") and the names alone, a
page at most after them. Such a group is WEAK: it cites the entry its names fit, and is
never reported missing. Every input here is made up.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit

_LIST = (
    "# Literatur\n\n"
    "Berger, Sina ; Lorenz, Nina: Grenzen des Theorems. URL https://example.org/b. "
    "— Abgerufen am 14.01.2017\n\n"
    "Quandt, Paul: Vor- und Nachteile. URL https://example.org/q. — Abgerufen am "
    "03.12.2016\n\n"
    "Okafor, Ada: Notes on streams. URL https://example.org/o. Accessed 2 May 2018\n"
)


def _findings(tmp_path: Path, body: str) -> tuple[list[str], list[str]]:
    md = tmp_path / "arbeit.md"
    md.write_text("# Text\n\n" + body + "\n\n" + _LIST, encoding="utf-8")
    result = audit(AuditInput.from_paths([md]))
    refs = {r.id: r for r in result.data.references}
    uncited = sorted(
        refs[f.reference].raw.split(",")[0] for f in result.findings if f.code == "CIT001"
    )
    others = sorted(f.code for f in result.findings if f.code in ("CIT002", "CIT003", "CIT007"))
    return uncited, others


@pytest.mark.parametrize(
    "body",
    [
        "Bekannt (vgl. Quandt) und eingeschränkt (vgl. Berger, Lorenz S.3), auch (cf. Okafor).",
        "Bekannt (siehe auch Quandt; Berger & Lorenz, S. 12 f.) und (see also Okafor, p. 4).",
        "Conhecido (ver Quandt), limitado (véase Berger y Lorenz) e (voir Okafor).",
        "Bekend (zie Quandt), sınırlı (bkz. Berger ve Lorenz) i (zob. Okafor).",
        "Dikenal [lihat Quandt], terbatas [vgl. Berger, Lorenz], juga (Vgl. Okafor).",
    ],
)
def test_cue_and_names_cite_undated_entries(tmp_path: Path, body: str) -> None:
    assert _findings(tmp_path, body) == ([], [])


@pytest.mark.parametrize(
    "body",
    [
        # no cue: a name in parentheses says what a word stands for as often
        "Bekannt (Quandt) und eingeschränkt (Berger, Lorenz) und (Okafor).",
        # a cue before no names: a figure, a place in the text
        "Bekannt (vgl. Abb. 3) und eingeschränkt (see below) und (siehe oben).",
        # names no entry has: no citation, and nothing missing
        "Bekannt (vgl. Zimmermann) und eingeschränkt (cf. Ngata, p. 3).",
    ],
)
def test_no_cue_or_no_names_cites_nothing(tmp_path: Path, body: str) -> None:
    uncited, others = _findings(tmp_path, body)
    assert uncited == ["Berger", "Okafor", "Quandt"]
    assert others == []
