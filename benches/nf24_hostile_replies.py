"""nf24: what a hostile host name or a redirect chain's cookies cost one thread.

    python benches/nf24_hostile_replies.py [--sizes 1000,4000,16000]

Prints, for a link (or redirect Location) whose host is one label of n distinct CJK
characters, the CPU seconds of Python's own IDNA codec on it (what `targets` ran
before nf24) beside `url_problem` and `client_limit` now; and for a redirect chain of
eleven hops each setting k cookies, the seconds the chain's cookie handling takes
with a jar that keeps everything (before) and with `ChainCookies` (now).
"""

from __future__ import annotations

import argparse
import contextlib
import time

import httpx

from citeaudit.links.cookies import ChainCookies, cookie_state
from citeaudit.links.targets import client_limit, url_problem


def _label(n: int) -> str:
    return "".join(chr(0x4E00 + i % 20_000) for i in range(n))


def _cpu(run: object) -> float:
    start = time.process_time()
    run()  # type: ignore[operator]
    return time.process_time() - start


def _codec(label: str) -> None:
    with contextlib.suppress(UnicodeError):
        label.encode("idna")


def _chain(per_hop: int, *, bounded: bool) -> int:
    cookies = ChainCookies()
    for hop in range(11):
        url = httpx.URL(f"https://tracker.example/{hop}")
        raw = [(b"set-cookie", b"c%d_%d=v; Path=/" % (hop, i)) for i in range(per_hop)]
        if bounded:
            cookies.take(302, raw, "GET", url)
        else:
            if cookies.jar is None:
                cookies.jar = httpx.Cookies()
            request = httpx.Request("GET", url)
            cookies.jar.extract_cookies(httpx.Response(302, headers=raw, request=request))
        assert cookies.jar is not None
        cookies.jar.set_cookie_header(httpx.Request("GET", url))
        cookie_state(cookies)
    return len(cookies.jar.jar) if cookies.jar is not None else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,4000")
    args = parser.parse_args()
    print("host label of n distinct characters: CPU s")
    print(f"{'n':>7} {'URL bytes':>10} {'codec (before)':>15} {'url_problem':>12} ", end="")
    print(f"{'client_limit':>13}")
    for n in (int(s) for s in args.sizes.split(",")):
        label = _label(n)
        url = f"http://{label}.example/"
        before = _cpu(lambda label=label: _codec(label))
        now = _cpu(lambda url=url: url_problem(url))
        browser = _cpu(lambda url=url: client_limit(url))
        print(f"{n:>7} {len(url.encode()):>10} {before:>15.3f} {now:>12.3f} {browser:>13.3f}")
    print("\nredirect chain of 11 hops, k Set-Cookie lines a hop: CPU s (cookies kept)")
    for k in (50, 200, 500):
        kept: list[int] = []
        before = _cpu(lambda k=k, kept=kept: kept.append(_chain(k, bounded=False)))
        now = _cpu(lambda k=k, kept=kept: kept.append(_chain(k, bounded=True)))
        print(f"  k={k:>4}: before {before:.3f} s ({kept[0]}), now {now:.3f} s ({kept[1]})")


if __name__ == "__main__":
    main()
