"""The web demo manuscript: the APA example with its web addresses moved to the link farm.

Loopback URLs are never committed: they are written here, at test time, into a copy.
"""

from __future__ import annotations

from pathlib import Path

from tests.stand_ins.link_farm import Farm

EXAMPLE = Path(__file__).resolve().parents[2] / "references" / "examples" / "apa-markdown"
MANUSCRIPT = EXAMPLE / "manuscript.md"
UNCITED = "Prasetyo, B. (2018)"

# URL in the example -> the farm's (host, path) that stands in for it
MOVES = {
    "https://jabar.bps.go.id/publication/2021/statistik-pertanian-hortikultura": (
        "site",
        "/gone404",
    ),
    "https://www.fao.org/documents/community-seed-banks-guide": ("site", "/moved"),
    "https://documents.worldbank.org/en/publication/indonesia-seeds-resilience": ("site", "/ok"),
}


def demo_text(farm: Farm) -> str:
    text = MANUSCRIPT.read_text("utf-8")
    for url, (host, path) in MOVES.items():
        assert url in text, f"the example no longer has {url}"
        text = text.replace(url, farm.url(host, path))
    return text


def write_demo(directory: Path, farm: Farm) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "manuscript.md"
    path.write_text(demo_text(farm), "utf-8")
    return path
