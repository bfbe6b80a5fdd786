"""Markdown a converter wrote (pandoc, markitdown, mammoth, html2text from a journal's
HTML page, a PDF or a Word file): its artifacts must not cost citations or entries."""

from __future__ import annotations

from pathlib import Path

from tests.listed_paper import audit_listed, citation_codes


def test_escaped_number_labels_open_entries(tmp_path: Path) -> None:
    # pandoc writes a paragraph opening "2." as "2\." (not to start a list); an entry
    # ending with no full stop was joined to the next one
    body = "Exercise helps (1,2). So does sleep (3)."
    entries = [
        "1\\. Roe A, Poe B. Exercise and glucose. Diabetes Care 2004;27:S58–S62",
        "2\\. Doe C. Sleep and glucose. Diabetes Care 2010;33(1 Suppl.):S62–9",
        "3\\. Fox D. Diet. Lancet 2001;344:1343–50",
    ]
    result = audit_listed(tmp_path, body, entries)
    assert len(result.data.references) == 3
    assert citation_codes(result) == []


def test_escaped_bracket_labels_open_entries(tmp_path: Path) -> None:
    body = "Exercise helps [1], [2]. So does sleep [3]."
    entries = [
        "\\[1\\] Roe A, Poe B. Exercise and glucose. Diabetes Care 2004;27:S58–S62",
        "\\[2\\] Doe C. Sleep and glucose. Diabetes Care 2010;33(1 Suppl.):S62–9",
        "\\[3\\] Fox D. Diet. Lancet 2001;344:1343–50",
    ]
    result = audit_listed(tmp_path, body, entries)
    assert len(result.data.references) == 3
    assert citation_codes(result) == []


WRAPPED_LIST = [
    "Adams, G. L., Pall, P. S., Grauer, S. M., Zhou, X., Ballard, J. E., Vavrek,\n"
    "M.,... Tellers, D. M. (2022). Development of ProTx-II Analogues as Highly\n"
    "Selective Peptide Blockers of Nav1.7 for the Treatment of Pain. *J Med Chem*,\n"
    "65(1), 485–496.\n"
    "<http://www.ncbi.nlm.nih.gov/entrez/query.fcgi?cmd=Retrieve&db=PubMed&list_uids=16382098>",
    "Ahern, C. A., Payandeh, J., Bosmans, F., & Chanda, B. (2016). The\n"
    "hitchhiker's guide to the voltage-gated sodium channel galaxy. *J Gen\n"
    "Physiol*, 147(1), 1–24. doi:10.1085/jgp.201511492",
    "Alford, R. F., Fleming, P. J., Fleming, K. G., & Gray, J. J. (2020).\n"
    "Protein Structure Prediction and Design in a Biologically Realistic Implicit\n"
    "Membrane. *Biophys J*, 118(8), 2042–2055. doi:10.1016/j.bpj.2020.03.006",
    "Backryd, E. (2018). Do the potential benefits outweigh the risks? An update\n"
    "on the use of ziconotide in clinical practice. *Eur J Pain*, 22(7),\n"
    "1193–1202.",
]


def test_wrapped_list_width_ignores_a_lone_long_address(tmp_path: Path) -> None:
    # an address longer than the wrap width stands alone on its line; taken for the
    # width, the list read as one entry a line and "M.,... Tellers" opened an entry
    body = "Pain (Adams et al., 2022; Ahern et al., 2016; Alford et al., 2020; Backryd, 2018)."
    result = audit_listed(tmp_path, body, WRAPPED_LIST)
    assert len(result.data.references) == 4
    assert citation_codes(result) == []


def test_ampersand_entity_in_a_citation(tmp_path: Path) -> None:
    body = "Pain is common (Seal, Becker, Tighe, Li,\n&amp; Rife, 2017)."
    entries = ["Seal, K., Becker, W., Tighe, J., Li, Y., & Rife, T. (2017). Pain. *Pain*, 1, 2-3."]
    result = audit_listed(tmp_path, body, entries)
    assert citation_codes(result) == []


def test_hard_breaks_end_entries_in_one_paragraph(tmp_path: Path) -> None:
    # a converter's list: one paragraph, entries ended by hard breaks ("  ", "\"), each
    # entry wrapped at 72 columns, none ending with a full stop
    body = "Hearts regrow (Andersen et al, 2018; Bu et al, 2009; Buikema et al, 2020)."
    listing = (
        "Andersen P, Tampakakis E, Jimenez DV, Kannan S, Miyamoto M, Shin HK,\n"
        "Saberi A, Murphy S, Sulistio E, Chelko SP et al (2018) Precardiac organ-\n"
        "oids form two heart fields via Bmp/Wnt signaling. Nat Commun 9: 3140  \n"
        "Bu L, Jiang X, Martin-Puig S, Caron L, Zhu S, Shao Y, Roberts DJ, Huang\n"
        "PL, Domian IJ, Chien KR (2009) Human ISL1 heart progenitors generate\n"
        "diverse multipotent cardiovascular cell lineages. Nature 460: 113–117\\\n"
        "Buikema JW, Lee S, Goodyer WR, Maas RG, Chirikian O, Li G, Miao Y, Paige\n"
        "SL, Lee D, Wu H et al (2020) Wnt Activation and Reduced Cell-Cell\n"
        "Contact Synergistically Induce Massive Expansion of Functional Human\n"
        "iPSC-Derived Cardiomyocytes. Cell Stem Cell 27: 50–63 e55"
    )
    result = audit_listed(tmp_path, body, [listing])
    assert len(result.data.references) == 3
    assert citation_codes(result) == []


def test_hard_broken_list_wrapped_line_opening_like_an_entry(tmp_path: Path) -> None:
    # "2009. A stepwise ..." is the wrapped rest of an entry in a list whose entries
    # end at hard breaks; after a line ending with a full stop it was cut off
    body = "Silencing (Daxinger et al., 2009; Herr et al., 2005; Basu et al., 2014)."
    listing = (
        "Basu RS, Warner BA, Molodtsov V, Pupov D. 2014. Structural basis of\n"
        "transcription initiation. *J Biol Chem* 289:24549–24559.\\\n"
        "Daxinger L, Kanno T, Bucher E, van der Winden J, Naumann U, Matzke AJM.\n"
        "2009. A stepwise pathway for biogenesis of 24-nt secondary siRNAs\n"
        "and spreading of DNA methylation. *EMBO J* 28:48–57.\\\n"
        "Herr AJ, Jensen MB, Dalmay T, Baulcombe DC. 2005. RNA polymerase IV directs\n"
        "silencing of endogenous DNA. *Science* 308:118–120."
    )
    result = audit_listed(tmp_path, body, [listing])
    assert len(result.data.references) == 3
    assert citation_codes(result) == []


def test_citation_link_label_wrapped_over_two_lines(tmp_path: Path) -> None:
    # a converter links each citation to its entry and wraps the paragraph inside a
    # link's label; the link syntax was left in the text and both works went uncited
    body = (
        "Levels vary in interphase compared to\n"
        "more uniform levels in mitosis ([Bestul *et al.*, 2017](#ref-1); [Gao\n"
        "*et al.*, 2019](#ref-2)). Differences remain."
    )
    entries = [
        "1.  Bestul AJ, Yu Z, Unruh JR. 2017. Molecular model. *J Cell Biol* 216:2409–2424.",
        "2.  Gao Q, Roe A, Poe B. 2019. Another model. *J Cell Biol* 218:1–9.",
    ]
    result = audit_listed(tmp_path, body, entries)
    assert citation_codes(result) == []


def test_linked_numbers_in_round_brackets_are_round_bracket_style(tmp_path: Path) -> None:
    # a converter linked each number inside the author's round brackets; counted as
    # square-bracket style, they out-voted the paper's own "(5)" and those went uncited
    body = " ".join(
        f"Finding {n} holds ([{n}](#CR{n}),[{n + 1}](#CR{n + 1})) and more ({n + 2})."
        for n in range(1, 19, 3)
    )
    entries = [
        f"{n}. Roe{chr(64 + n)} A. Study {n}. Diabetes Care 2004;27:{n}–9." for n in range(1, 19)
    ]
    result = audit_listed(tmp_path, body, entries)
    assert citation_codes(result) == []
