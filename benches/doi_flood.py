"""DOI and link extraction on floods (issue 11, point 4): time and peak memory at 1x,
10x and 100x of each pathological shape. Time must grow no faster than size.

    .venv/bin/python benches/doi_flood.py [--base 4000]

Prints one row per shape and size: characters, seconds, peak MiB (tracemalloc) and
seconds per 1,000 characters (flat when linear).
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from collections.abc import Callable

from citeaudit.doi import doi_problem, find_dois, normalize_doi
from citeaudit.links.extract import extract_links
from citeaudit.links.soft404 import title_of, visible_text

SHAPES = {
    "doi-spaced": "10.1000/x ",
    "doi-labelled": "doi:10.1000/x ",
    "doi-resolver-url": "https://doi.org/10.1000/x ",
    "short-doi": "doi:10/abc1 ",
    "unclosed-sici": "doi:10.1234/<",
    "broken-lines": "10.1234/x- ",
    "urls-and-dois": "https://a.org/x 10.1000/x ",
    "closers": "10.1234/x)",
}

FUNCTIONS: dict[str, Callable[[str], object]] = {
    "find_dois": find_dois,
    "extract_links": extract_links,
    "normalize_doi": normalize_doi,
    "doi_problem": doi_problem,
}


def measure(call: Callable[[], object]) -> tuple[float, float]:
    tracemalloc.start()
    start = time.perf_counter()
    call()
    spent = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return spent, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", type=int, default=4000, help="characters at 1x")
    args = parser.parse_args()
    print(f"{'shape':18} {'function':14} {'chars':>9} {'s':>8} {'MiB':>8} {'s/kchar':>9}")
    rows = [(s, n, f) for s in SHAPES for n, f in FUNCTIONS.items()]
    rows += [("<script", "page-text", lambda t: (title_of(t), visible_text(t)))]
    for shape, name, function in rows:
        unit = SHAPES.get(shape, shape)
        for factor in (1, 10, 100):
            text = unit * (args.base * factor // len(unit))
            spent, peak = measure(lambda f=function, t=text: f(t))  # type: ignore[misc]
            per = spent / (len(text) / 1000)
            print(f"{shape:18} {name:14} {len(text):9} {spent:8.3f} {peak:8.1f} {per:9.5f}")


if __name__ == "__main__":
    main()
