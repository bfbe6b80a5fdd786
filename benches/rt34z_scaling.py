"""rt34z: one huge paragraph's memory in the uncited checks, grown 1x, 4x, 16x.

The checks for works named without a citation index a body paragraph's words; a
paragraph held ~300 bytes a word, so a 20 MB upload of one paragraph of one-letter
words grew a worker by 3.2 GB (past `worker_max_memory_mb`). Each shape cites a
missing work beside one entry never cited, so those checks run. Read the "peak MB"
column: it grew with the paragraph before rt34z (165 MB a MB of text), and stays tens
of MB after (a paragraph is indexed in pieces of `MAX_PARAGRAPH_CHARS`). Each size is
a whole offline audit in a child with a CPU limit (benches/shape_children.py).

    nice .venv/bin/python benches/rt34z_scaling.py [--only NAME ...] [--scales 1 4 16]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benches"))

import shape_children  # noqa: E402
from linearity import Files, Shape  # noqa: E402

_LIST = "\n\n# References\n\nLee, K. (2019). Other work. Journal of Things, 2, 3-4.\n"
_LETTERS = str.maketrans("0123456789", "ghijklmnop")


def one_letter_paragraph(n: int) -> Files:
    """One paragraph of 250,000n words 'a', citing a missing work."""
    return {"paper.md": "Text (Zed, 2020)" + " a" * 250_000 * n + "\n" + _LIST}


def distinct_word_paragraph(n: int) -> Files:
    """One paragraph of 100,000n different words, citing a missing work."""
    words = " ".join("w" + f"{i:x}".translate(_LETTERS) for i in range(100_000 * n))
    return {"paper.md": "Text (Zed, 2020) " + words + "\n" + _LIST}


def undated_entry_line(n: int) -> Files:
    """One yearless line of 100,000n different words naming an undated entry at its end."""
    words = " ".join("w" + f"{i:x}".translate(_LETTERS) for i in range(100_000 * n))
    listed = (
        "\n\n# References\n\nMoreau, F. (2001). Cited one. Journal of Things, 6, 1-2.\n\n"
        "Quillmark Seed Archive Online Catalogue. http://quillmark.example.org\n"
    )
    return {
        "paper.md": "Agreed (Moreau, 2001).\n\n" + words + " the Quillmark Seed Archive" + listed
    }


SHAPES = [
    Shape("one-letter-paragraph", one_letter_paragraph, 1, "250,000n words 'a'"),
    Shape("distinct-word-paragraph", distinct_word_paragraph, 1, "100,000n distinct words"),
    Shape("undated-entry-line", undated_entry_line, 1, "100,000n words, an opening"),
]


def main(argv: list[str] | None = None) -> int:
    return shape_children.main(SHAPES, __file__, __doc__.split("\n\n")[0], [1, 4, 16], argv)


if __name__ == "__main__":
    sys.exit(main())
