"""What a link's answer says, read with bounds: its headers as text, its body decoded.

A body is read raw up to the policy's cap and decompressed with the same bound, so
neither a huge page nor a decompression bomb costs more than the cap; headers are
decoded as httpx decodes them, so a verdict does not depend on the HTTP engine.
"""

from __future__ import annotations

import re
import zlib

from citeaudit.links.transport import RawHeaders

__all__ = ["BODY_STATUSES", "DRAIN_CAP", "charset_of", "decode_body", "header_dict", "small_body"]

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
    try:
        return data[:cap].decode(charset or "utf-8", errors="replace")
    except LookupError:
        return data[:cap].decode("utf-8", errors="replace")


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
