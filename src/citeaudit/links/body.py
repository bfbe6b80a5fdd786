"""What a link's answer says, read with bounds: its headers as text, its body decoded.

A body is read raw up to the policy's cap and decompressed with the same bound, so
neither a huge page nor a decompression bomb costs more than the cap; headers are
decoded as httpx decodes them, so a verdict does not depend on the HTTP engine.
"""

from __future__ import annotations

import codecs
import functools
import re
import zlib

from citeaudit.links.transport import RawHeaders

__all__ = [
    "BODY_STATUSES",
    "DRAIN_CAP",
    "charset_of",
    "decode_body",
    "header_dict",
    "small_body",
    "web_codec",
    "web_text",
]

# Answers whose body a verdict reads: soft-404 pages, bot walls, rate-limit pages.
BODY_STATUSES = frozenset({200, 202, 203, 403, 429, 503})
DRAIN_CAP = 16 * 1024  # a body up to this size is read through to keep the connection

_CHARSET = re.compile(r';\s*charset\s*=\s*"?([^";\s]+)', re.IGNORECASE)


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type (as httpx's `charset_encoding`, cheaper)."""
    if not content_type:
        return None
    match = _CHARSET.search(content_type)
    return match.group(1).lower() if match else None


# The encodings a web page can be in (the WHATWG Encoding Standard's, as Python names
# them). A server's charset parameter picks among these only: Python's codec registry
# also holds "punycode" (quadratic: 64 KB of "9" took a second of the event loop's
# thread per link), "idna", "unicode_escape" and others no browser would use.
_WEB_CODECS = frozenset(
    {
        "ascii",
        "big5",
        "big5hkscs",
        "cp1250",
        "cp1251",
        "cp1252",
        "cp1253",
        "cp1254",
        "cp1255",
        "cp1256",
        "cp1257",
        "cp1258",
        "cp866",
        "cp874",
        "cp932",
        "euc_jp",
        "euc_kr",
        "gb18030",
        "gb2312",
        "gbk",
        "iso2022_jp",
        "iso8859-1",
        "iso8859-2",
        "iso8859-3",
        "iso8859-4",
        "iso8859-5",
        "iso8859-6",
        "iso8859-7",
        "iso8859-8",
        "iso8859-9",
        "iso8859-10",
        "iso8859-11",
        "iso8859-13",
        "iso8859-14",
        "iso8859-15",
        "iso8859-16",
        "koi8-r",
        "koi8-u",
        "mac-cyrillic",
        "mac-roman",
        "shift_jis",
        "tis-620",
        "utf-16",
        "utf-16-be",
        "utf-16-le",
        "utf-8",
    }
)


@functools.lru_cache(maxsize=256)
def web_codec(charset: str | None) -> str:
    """The codec for a server's charset parameter: one of the web's encodings, else
    UTF-8 (what a browser falls back to for a label it does not know)."""
    if not charset or len(charset) > 40:
        return "utf-8"
    try:
        name = codecs.lookup(charset).name
    except (LookupError, ValueError):
        return "utf-8"
    return name if name in _WEB_CODECS else "utf-8"


def web_text(raw: bytes, charset: str | None) -> str:
    """`raw` as text in a web encoding named by `charset` (see `web_codec`)."""
    return raw.decode(web_codec(charset), errors="replace")


def decode_body(raw: bytes, encoding: str | None, charset: str | None, cap: int) -> str:
    """Decode a capped raw body; decompression is bounded by `cap` (no bombs)."""
    coding = (encoding or "identity").strip().lower()
    data = raw
    if coding in {"gzip", "x-gzip", "deflate"}:
        wbits = 47 if coding != "deflate" else 15
        try:
            data = zlib.decompressobj(wbits).decompress(raw, cap)
        except zlib.error:
            if coding != "deflate":
                return ""
            try:
                data = zlib.decompressobj(-15).decompress(raw, cap)
            except zlib.error:
                return ""
    elif coding not in {"identity", ""}:
        return ""  # br, zstd, ...: not needed for a verdict
    return web_text(data[:cap], charset)


def header_dict(raw: RawHeaders) -> dict[str, str]:
    """Lower-case names to values, a repeated header's values joined by ", ", decoded
    as httpx decodes them (ASCII, else UTF-8, else Latin-1, for the whole block)."""
    for encoding in ("ascii", "utf-8"):
        try:
            pairs = [(k.decode(encoding).lower(), v.decode(encoding)) for k, v in raw]
            break
        except UnicodeDecodeError:
            continue
    else:
        pairs = [(k.decode("iso-8859-1").lower(), v.decode("iso-8859-1")) for k, v in raw]
    headers: dict[str, str] = {}
    for name, value in pairs:
        if name in headers:
            headers[name] = f"{headers[name]}, {value}"
        else:
            headers[name] = value
    return headers


def small_body(headers: dict[str, str]) -> bool:
    """A body short enough to read through (a redirect's or a 404's few hundred bytes)."""
    length = headers.get("content-length", "")
    # ASCII digits only ('²'.isdigit() holds and int() refuses it), and few of them
    # (int() refuses past 4,300 digits)
    return length.isascii() and length.isdigit() and len(length) <= 18 and int(length) <= DRAIN_CAP
