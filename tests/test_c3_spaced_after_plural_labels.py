"""A flattened superscript after a plural label word ending the sentence (made-up).

"expressed in pancreatic endocrine cell lines 7. However" was refused as a label's
number ("line 7", "Table 2."); a label names one thing in the singular, and a plural
before a single number that ends the sentence ("cell lines 7.", "in all steps 4.") is
the word a flattened superscript follows. Read only where flattened superscripts are
the style (spaced-loose); "Table 2.", "line 7." and "Tables 2 and 3" stay labels.
"""

from __future__ import annotations

from pathlib import Path

from tests.verdicts import markdown_verdict

_LIST = "## References\n\n" + "".join(
    f"{n}. Author{chr(64 + n)} A, Other B. Title of work {n}. J Exp 20{n:02d}; {n}: 1-9.\n\n"
    for n in range(1, 13)
)
_STYLE = (
    "Muscle damage raises oxidants 1,2. Mitochondria change in diabetes 3. The cause "
    "is unknown 4,5. Lipids fall 6,7. Fat grows 8,9.\n\n"
)


def test_a_plural_label_word_before_a_citation(tmp_path: Path) -> None:
    body = "It is expressed in endocrine cell lines 12. However, mice differ 10,11.\n\n"
    assert markdown_verdict(tmp_path, _STYLE + body + _LIST, 9) == (set(), set())


def test_singular_labels_stay_labels(tmp_path: Path) -> None:
    body = "As in line 12. Shown in Table 10. Others 11.\n\n"
    uncited, _ = markdown_verdict(tmp_path, _STYLE + body + _LIST, 9)
    assert uncited == {"10. Autho", "12. Autho"}
