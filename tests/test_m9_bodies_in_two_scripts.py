"""A body the list names in two scripts, cited by its Latin name (m9, issue 12, class NB).

Class: a list gives some works of a body under its own script's name only ("国家统计局.
(2024).") and names it both ways in another entry ("国家统计局 [National Bureau of
Statistics]", "Федеральная служба (Rosstat)", "Rosstat / Росстат"), and the text cites
the Latin name or acronym ("NBS (2024)"). The list itself says the names are one body, so
the entry of the cited year under the other script's name is the work: no false year
mismatch against an entry of the Latin name under another year, no "uncited" entry.
Guards: with no entry naming the body both ways, nothing is guessed (a year mismatch
stays); another year stays a year mismatch.
"""

from __future__ import annotations

from pathlib import Path

from tests.listed_paper import audit_listed, citation_codes

_OTHER = "Orwin, T. (2010). Work on harbours. Journal of Tests, 1, 2-3."


def _codes(tmp_path: Path, body: str, entries: list[str]) -> list[str]:
    return citation_codes(audit_listed(tmp_path, body + " Also (Orwin, 2010).", [*entries, _OTHER]))


_NBS_EN = (
    "National Bureau of Statistics of China (NBS). (2023). China statistical yearbook. "
    "Beijing: China Statistics Press."
)
_NBS_ZH = "国家统计局. (2024). 国民经济和社会发展统计公报. 北京: 国家统计局."
_NBS_BOTH = (
    "国家统计局 [National Bureau of Statistics]. (2022). 中国统计年鉴. 北京: 中国统计出版社."
)


def test_chinese_name_with_its_english_name_in_brackets(tmp_path: Path) -> None:
    body = "Output grew, NBS (2024) says, and prices fell (NBS, 2022); see NBS (2023)."
    assert _codes(tmp_path, body, [_NBS_EN, _NBS_ZH, _NBS_BOTH]) == []


def test_english_name_with_its_chinese_name_in_brackets(tmp_path: Path) -> None:
    entries = [
        "Ministry of Water Resources (水利部). (2019). Water bulletin. Beijing: MWR.",
        "水利部. (2021). 中国水资源公报. 北京: 中国水利水电出版社.",
    ]
    body = "Use rose (Ministry of Water Resources, 2021) after (Ministry of Water Resources, 2019)."
    assert _codes(tmp_path, body, entries) == []


def test_russian_name_paired_by_a_slash(tmp_path: Path) -> None:
    entries = [
        "Rosstat/Росстат. (2018). Russia in figures. Moscow: Rosstat.",
        "Росстат. (2020). Россия в цифрах. М.: Росстат.",
    ]
    assert _codes(tmp_path, "Figures (Rosstat, 2018; Rosstat, 2020).", entries) == []


def test_guard_no_entry_names_the_body_both_ways(tmp_path: Path) -> None:
    # nothing in the list says 国家统计局 is NBS: its 2024 entry stays uncited
    body = "Output grew, NBS (2024) says; see NBS (2023)."
    assert _codes(tmp_path, body, [_NBS_EN, _NBS_ZH]) == ["CIT001", "CIT002"]
