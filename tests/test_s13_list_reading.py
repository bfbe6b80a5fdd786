"""Reference lists read exactly (issue 12): classes left by s12 and sv11 (s13).

Every input is made up, modelled on a class's shape:

- UL: a webography of bare addresses, one a line, bulleted or not, spaced or not:
  each line is an entry (it was one entry, the rest read as 'continuation' lines);
- TB: a Markdown thematic break after a bulleted list, then a footnote-like note
  ("<sup>1</sup> ...", "¹ ..."): the note is no part of the last entry;
- CL: a chapter's label line ("Chapter 2") between a list's last entry and the next
  chapter's first paragraph, with no empty line around it (text saved from Word),
  ends the list; "Chapter 2" inside an entry's line does not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from citeaudit.audit import AuditInput, audit
from citeaudit.audit_data import AuditResult
from citeaudit.manuscript.document import Line
from citeaudit.manuscript.reference_section import split_entries


def _audit(tmp_path: Path, name: str, text: str) -> AuditResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return audit(AuditInput.from_paths([path]))


def _split(texts: list[str]) -> list[str]:
    return [e.text for e in split_entries([Line("x", n, t) for n, t in enumerate(texts, 1)])]


_URLS = [
    "https://one.example/kettles",
    "http://two.example/boiling-water",
    "www.three.example/steam",
    "https://four.example/pots?id=4",
]


# --- UL ----------------------------------------------------------------------------


@pytest.mark.parametrize("spaced", [False, True])
def test_ul_bare_addresses_one_a_line_are_entries(spaced: bool) -> None:
    texts: list[str] = []
    for url in _URLS:
        texts += [url, ""] if spaced else [url]
    entries = _split(texts)
    assert len(entries) == 4
    assert [e.strip() for e in entries] == _URLS


@pytest.mark.parametrize("heading", ["Sitografia", "Webgrafía", "Online sources", "Fuentes"])
def test_ul_webography_under_its_heading(tmp_path: Path, heading: str) -> None:
    text = "Kettles boil fast, as web pages say.\n\n" + heading + "\n" + "\n".join(_URLS) + "\n"
    assert len(_audit(tmp_path, "w.txt", text).data.references) == 4


def test_ul_address_after_an_entry_that_ends_with_its_address_stays_its_rest() -> None:
    """"Available at:" then the address on a line of its own: one entry, as before."""
    entries = _split(
        [
            "Quill, A. (2019). A made-up study of kettles. Available at:",
            "https://one.example/kettles",
            "Rook, B. (2020). Another made-up study. Journal of Inventions, 4, 2-8.",
        ]
    )
    assert len(entries) == 2
    assert "one.example" in entries[0]


def test_ul_named_entry_then_its_address_stays_one_entry() -> None:
    entries = _split(
        [
            "Quill, A. (2019). A made-up study of kettles.",
            "https://one.example/kettles",
            "Rook, B. (2020). Another made-up study.",
            "https://two.example/steam",
        ]
    )
    assert len(entries) == 2


# --- TB ----------------------------------------------------------------------------

_LIST_MD = (
    "# Paper\n\nKettles boil (Quill, 2019) and steam (Rook, 2020).\n\n## References\n\n"
    "- Quill, A. (2019). A made-up study of kettles. Journal of Inventions, 3, 1-9.\n"
    "- Rook, B. (2020). Another made-up study. Journal of Inventions, 4, 2-8.\n\n"
)


@pytest.mark.parametrize(
    "note",
    [
        "<sup>1</sup> The survey was run in a made-up town over two weeks of rain.",
        "¹ The survey was run in a made-up town over two weeks of rain.",
        "* Note: the survey was run in a made-up town over two weeks of rain.",
    ],
)
def test_tb_note_after_a_rule_is_no_part_of_the_last_entry(tmp_path: Path, note: str) -> None:
    result = _audit(tmp_path, "p.md", _LIST_MD + "---\n\n" + note + "\n")
    texts = [r.raw for r in result.data.references]
    assert len(texts) == 2
    assert all("survey" not in t for t in texts)


def test_tb_further_reading_after_a_rule_still_read(tmp_path: Path) -> None:
    text = (
        _LIST_MD + "---\n\n## Further reading\n\n"
        "- Wren, C. (2018). A made-up book on pots. Pot Press.\n"
    )
    result = _audit(tmp_path, "p.md", text)
    raws = [r.raw for r in result.data.references]
    assert any("Wren" in r for r in raws)
    assert not [f for f in result.findings if f.code == "CIT001"]


# --- CL ----------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["Chapter 2", "Capítulo II", "Глава 2", "第2章"])
def test_cl_chapter_label_without_blank_lines_ends_the_list(tmp_path: Path, label: str) -> None:
    text = (
        "Kettles boil (Quill, 2019).\n\nReferences\n"
        "Quill, A. (2019). A made-up study of kettles. Journal of Inventions, 3, 1-9.\n"
        f"{label}\n"
        "This chapter turns from kettles to the wider question of how water is warmed.\n"
        "More on steam follows here.\n"
    )
    result = _audit(tmp_path, "t.txt", text)
    raws = [r.raw for r in result.data.references]
    assert len(raws) == 1
    assert "wider question" not in raws[0]


def test_cl_chapter_words_inside_an_entry_do_not_split_it(tmp_path: Path) -> None:
    text = (
        "Kettles boil (Quill, 2019) and steam (Rook, 2020).\n\nReferences\n"
        "Quill, A. (2019). Chapter 2 of a made-up study of kettles. Journal of Inventions.\n"
        "Rook, B. (2020). Another made-up study, see Chapter 2. Journal of Inventions.\n"
    )
    result = _audit(tmp_path, "t.txt", text)
    assert len(result.data.references) == 2
    assert not [f for f in result.findings if f.code.startswith("CIT")]


def test_cl_chapter_line_wrapped_inside_an_entry_stays_its_rest(tmp_path: Path) -> None:
    """"Chapter 2" on a line of its own inside an entry (no paragraph after it)."""
    text = (
        "Kettles boil (Quill, 2019) and steam (Rook, 2020).\n\nReferences\n"
        "Quill, A. (2019). In: A made-up book of kettles. Pot Press.\n"
        "Chapter 2\n"
        "Rook, B. (2020). Another made-up study. Journal of Inventions, 4, 2-8.\n"
    )
    result = _audit(tmp_path, "t.txt", text)
    raws = [r.raw for r in result.data.references]
    assert any("Rook" in r for r in raws)
    assert not [f for f in result.findings if f.code == "CIT002"]


def test_tb_rule_between_entries_leaves_the_list_whole(tmp_path: Path) -> None:
    text = _LIST_MD + "---\n\n- Wren, C. (2018). A made-up book on pots. Pot Press.\n"
    result = _audit(tmp_path, "p.md", text)
    assert any("Wren" in r.raw for r in result.data.references)


# --- AL: one field a bullet, a work under each sub-heading -----------------------------


def test_al_field_bullets_are_one_entry_a_work(tmp_path: Path) -> None:
    text = (
        "# 1. Marco\n\nLa norma guía la adquisición.\n\n# 8. Referencias\n\n"
        "#### 8.1.001. Norma ISO:\n\n"
        "- Autor: Organización Internacional de Ejemplo.\n"
        "- Título del trabajo: Guía para evidencias inventadas.\n"
        "- URL: [https://example.org/iso](https://example.org/iso)\n\n"
        "#### 8.1.002. Guía forense:\n\n"
        "- Autor: Instituto de Ejemplo.\n- Título del trabajo: Guía forense.\n"
        "- Año: 2020.\n"
        "- URL: [https://example.org/guia](https://example.org/guia)\n"
    )
    raws = [r.raw for r in _audit(tmp_path, "tfm.md", text).data.references]
    assert len(raws) == 2
    assert "example.org/iso" in raws[0] and "Guía forense" in raws[1]


def test_al_bodies_named_before_a_colon_stay_entries() -> None:
    """"- WHO: Report ...", one label recurring, is a list of bodies' entries."""
    entries = _split(
        [
            "- WHO: A made-up report on kettles. Geneva, 2019.",
            "- OECD: Another made-up report. Paris, 2020.",
            "- WHO: A third made-up report. Geneva, 2021.",
        ]
    )
    assert len(entries) == 3
