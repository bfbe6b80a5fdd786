"""The bench's converted-Markdown rendering ("md-conv"): deterministic per article,
every body paragraph's letters kept in order (the bench finds findings' paragraphs
by them), and the converter artifacts it exists for actually written."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benches"))

from real_articles_render import ConvProfile, conv_key, para_key, render_conv


def _record(rid: str) -> dict:
    text = (
        "Earlier work on the subject (Smith et al., 2019; Jones & Brown, 2020) showed "
        'that the effect_size is "large" [see 3]. Later studies disagreed strongly '
        "with that reading (Garcia, 2021)."
    )
    cits = []
    for needle, target in (
        ("Smith et al., 2019", 0),
        ("Jones & Brown, 2020", 1),
        ("Garcia, 2021", 2),
    ):
        s = text.index(needle)
        cits.append([s, s + len(needle), [target], 0])
    refs = [
        {
            "id": "r1",
            "label": "",
            "text": "Smith, A., Lee, B. (2019). A title. Journal of Things, 12(3), 1-9. https://doi.org/10.1/x_y",
            "year": "2019",
            "first": "Smith",
            "names": ["Smith"],
            "unlinked": False,
        },
        {
            "id": "r2",
            "label": "",
            "text": "Jones, C. & Brown, D. (2020). Another title. Some Review, 4, 5-6.",
            "year": "2020",
            "first": "Jones",
            "names": ["Jones", "Brown"],
            "unlinked": False,
        },
        {
            "id": "r3",
            "label": "",
            "text": "Garcia, E. (2021). Third title. Letters, 9(1), 10-20.",
            "year": "2021",
            "first": "Garcia",
            "names": ["Garcia"],
            "unlinked": False,
        },
    ]
    return {
        "id": rid,
        "language": "en",
        "style": "author-year",
        "numbered_list": False,
        "heading": "References",
        "paras": [
            {"t": "Introduction", "h": 2, "cit": [], "sup": []},
            {"t": text, "h": 0, "cit": cits, "sup": []},
        ],
        "refs": refs,
    }


def test_deterministic_per_article() -> None:
    assert render_conv(_record("a/1")) == render_conv(_record("a/1"))


def test_paragraph_letters_survive() -> None:
    for n in range(40):
        rec = _record(f"x/{n}")
        text, line_para = render_conv(rec)
        lines = text.replace("\r\n", "\n").split("\n")
        body = "".join(conv_key(lines[i - 1]) for i in sorted(line_para) if line_para[i] == 1)
        # hyphens and soft hyphens only split words; footnote markers add no letters
        assert body == para_key(rec["paras"][1]["t"]), n


def test_artifacts_are_written_somewhere() -> None:
    seen = "".join(render_conv(_record(f"y/{n}"))[0] for n in range(60))
    for artifact in (
        "*et al.*",
        "](#",
        "\\_",
        "&amp;",
        "\u00a0",
        "\u201c",
        "**REFERENCES**",
        "- Smith",
        "1. Smith",
        "[^1]",
        "<https://",
    ):
        assert artifact in seen, artifact
    profiles = [ConvProfile(_record(f"y/{n}")) for n in range(60)]
    assert {p.list_style for p in profiles} == {"para", "bullet", "numbered", "hardbreak"}
    assert any(p.width for p in profiles) and any(not p.width for p in profiles)
