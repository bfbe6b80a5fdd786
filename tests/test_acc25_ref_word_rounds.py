"""A number in round brackets after "ref" or "refs" cites, in a paper citing by
superscripts (acc25): "reproduced from ref (12)", "refs (5, 6)", as ACS and Nature
texts write them, were read as round brackets -- not the paper's style -- and their
entries called "never cited". Made-up titles and numbers.
"""

from __future__ import annotations

from pathlib import Path

from citeaudit.audit import AuditInput, audit

_LIST = "\n## References\n\n" + "\n".join(
    f"{n}. Writer{chr(64 + n)} K. Spectra part {n}. J Phys Chem. 20{10 + n};{n}:1–9."
    for n in range(1, 21)
)


def _uncited(tmp_path: Path, body: str) -> list[str]:
    md = tmp_path / "m.md"
    md.write_text(f"# Spectra\n\n## Introduction\n\n{body}\n{_LIST}\n", encoding="utf-8")
    result = audit(AuditInput.from_paths([md]))
    assert not [f for f in result.findings if f.rule == "missing-reference"]
    return sorted(f.message.split(" ")[0] for f in result.findings if f.rule == "uncited-reference")


def test_ref_before_round_brackets_cites(tmp_path: Path) -> None:
    body = (
        "Pumps absorb light^1^ in bands^2,3^. The spectrum is reproduced from ref (4), "
        "the data from refs (5, 6) and Ref. (7).^8–20^"
    )
    assert _uncited(tmp_path, body) == []


def test_round_brackets_without_ref_stay_unread(tmp_path: Path) -> None:
    # a superscript paper's "(4)" after another word is no citation: entry 4 is uncited
    body = "Pumps absorb light^1–3^ in bands (4). The data^5–20^ agree."
    assert _uncited(tmp_path, body) == ["WriterD"]
