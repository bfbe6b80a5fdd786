"""APA's second name before "et al." in a narrative citation (made-up text).

APA 7 (the style JOSS and JOSE print with) tells two works of "Tanaka et al. (2020)"
apart by naming the second author too: "Tanaka, Jones, et al. (2020)" and "Tanaka,
Brown, et al. (2020)". Read from "Jones" on, the citation named the entry's second
author first (a false name mismatch), or -- with a Brown entry of another year in the
list -- a false year mismatch, and the entry was never cited.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit


def _audit(
    tmp_path: Path, body: str, entries: list[str]
) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    md = tmp_path / "paper.md"
    md.write_text(
        "# Summary\n\n" + body + "\n\n# References\n\n" + "\n\n".join(entries) + "\n",
        encoding="utf-8",
    )
    result = audit(AuditInput.from_paths([md]))
    texts = {c.id: c.text for c in result.data.citations}
    linked = {texts[m.citation_id]: m.targets for m in result.data.matches}
    return linked, sorted(f.code for f in result.findings if f.code.startswith("CIT"))


_ENTRIES = [
    "Tanaka, H., Jones, P., Adams, Q., & Lee, R. (2020). Model one. Journal C, 3, 5–6.",
    "Tanaka, H., Brown, S., Adams, Q., & Lee, R. (2020). Model two. Journal D, 4, 7–8.",
    "Brown, S., & Adams, Q. (2017). Earlier work. Journal F, 1, 1–2.",
]


def test_apa_second_name_reads_from_the_first(tmp_path: Path) -> None:
    linked, codes = _audit(
        tmp_path,
        "As Tanaka, Jones, et al. (2020) and Tanaka, Brown, et al. (2020) showed, the "
        "models hold (Brown & Adams, 2017).",
        _ENTRIES,
    )
    assert linked["Tanaka, Jones, et al. (2020)"] == ("ref-1",)
    assert linked["Tanaka, Brown, et al. (2020)"] == ("ref-2",)
    assert codes == []


def test_a_sentence_word_before_the_comma_is_no_name(tmp_path: Path) -> None:
    # guard: "Pereira, et al." with a place before it is still Pereira's work
    linked, codes = _audit(
        tmp_path,
        "In Brazil, Pereira, et al. (2017) found it. Later, Souza, et al. (2019) agreed.",
        [
            "Pereira, A., Lima, B., & Costa, C. (2017). Estudo. Revista, 1, 1–2.",
            "Souza, A., Lima, B., & Costa, C. (2019). Estudo dois. Revista, 2, 1–2.",
        ],
    )
    assert [v for k, v in linked.items() if "Pereira" in k] == [("ref-1",)]
    assert [v for k, v in linked.items() if "Souza" in k] == [("ref-2",)]
    assert codes == []


def test_two_names_before_et_al_and_a_possessive(tmp_path: Path) -> None:
    linked, codes = _audit(
        tmp_path,
        "As Tanaka, Jones, Adams, et al. (2020) and Tanaka, Jones, Baker, et al. (2020) "
        "showed. Also Tanaka, Brown, et al.'s (2021) view.",
        [
            "Tanaka, H., Jones, P., Adams, Q., & Lee, R. (2020). Model one. Journal C, 3, 5–6.",
            "Tanaka, H., Jones, P., Baker, S., & Lee, R. (2020). Model two. Journal D, 4, 7–8.",
            "Tanaka, H., Brown, S., Adams, Q., & Lee, R. (2021). Model three. Journal D, 4, 7–8.",
            "Adams, Q. (2019). Earlier. Journal F, 1, 1–2.",
        ],
    )
    assert sorted(linked.values()) == [("ref-1",), ("ref-2",), ("ref-3",)]
    assert codes == ["CIT001"]  # Adams (2019) alone is uncited
