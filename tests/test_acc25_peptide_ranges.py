"""A parenthesised range glued by a hyphen to a name is part of the name, not a
citation (acc25): "angiotensin-(1–7)", "Ang-(1-9)" -- a peptide's residues -- were read
as citations of entries 1 to 7 in a paper citing by round brackets, so those entries
were linked to a name. A parenthesis after a word and a space still cites. Made-up
titles and numbers.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_LIST = """
## References

1. Alder K, Brook L. Renin pathways. J Hypertens. 2010;28:1–9.
2. Cole M. Vasodilation. Circ Res. 2011;109:2–10.
3. Dunn P. Peptides. Peptides. 2012;33:3–11.
4. Eads R. Receptors. Hypertension. 2013;61:4–12.
5. Finch S. Signalling. Cell. 2014;156:5–13.
6. Gale T. Kinases. Nature. 2015;520:6–14.
7. Hale U. Amyloid. Brain. 2016;139:7–15.
8. Irwin V. Fibrils. Neuron. 2017;93:8–16.
9. Jones W. Pressure. Lancet. 2018;391:9–17.
"""


def test_peptide_names_link_no_entry(tmp_path: Path) -> None:
    body = (
        "The heptapeptide angiotensin-(1–7) acts on Mas (8, 9). "
        "Ang-(1–7) and Ang‐(1-9) differ in their receptors (2, 3). Renin acts first (1), "
        "then the converting enzymes (4, 5)."
    )
    md = tmp_path / "m.md"
    md.write_text(f"# Peptides\n\n## Introduction\n\n{body}\n{_LIST}", encoding="utf-8")
    result = audit(AuditInput.from_paths([md]))
    uncited = sorted(f.message[:5] for f in result.findings if f.rule == "uncited-reference")
    assert uncited == ["Gale ", "Hale "]
