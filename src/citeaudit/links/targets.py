"""What may be fetched: real http(s) URLs, and DOIs (checked at the resolver).

A DOI-like string such as ``10.1007/978-3-319-69790-1_7`` is a DOI, never a host
name: nothing here ever prefixes ``http://`` to a string that lacks a scheme.
"""

from __future__ import annotations

import encodings.idna
import functools
import ipaddress
import re
import string
from dataclasses import dataclass
from typing import Literal
from urllib.parse import unquote, urlsplit, urlunsplit

import httpx
import idna

from citeaudit.doi import doi_resolver_url, normalize_doi
from citeaudit.target_keys import TargetKeys

DOI_HOSTS = frozenset({"doi.org", "dx.doi.org", "www.doi.org"})
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIX = re.compile(r"^(doi:\s*|https?://(dx\.|www\.)?doi\.org/)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class LinkTarget:
    kind: Literal["url", "doi", "other"]
    value: str  # the URL, the normalised DOI, or what was given

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.value}"

    @property
    def display(self) -> str:
        """The URL a report shows: DOIs at the canonical resolver."""
        return doi_resolver_url(self.value) if self.kind == "doi" else self.value


def normalise_doi(text: str) -> str | None:
    """The bare lower-case DOI when `text` is one (in any of its written forms)."""
    candidate = unquote(_DOI_PREFIX.sub("", text.strip())).strip()
    if not candidate.startswith("10."):
        return None
    return normalize_doi(text)


# The longest URL we read as one, in its sent form (`url_too_long`). RFC 9110 (4.1)
# asks senders and recipients to support 8,000 octets at least; common servers and
# CDNs refuse request lines past 8 KB. httpx's parser looks at every character in
# Python (about 25 ms for 60 KB), and a link or a redirect's Location is read as a URL
# some ten times on its way (judged, joined, put in its sent form, looked up, sent):
# a server answering each hop of each link with a new 60 KB Location (aiohttp takes
# header lines to 64 KB) held the link checker's event loop a second per link
# (`benches/rt39b_long_locations.py`). Past it, a link is not checked and a Location
# not followed.
MAX_URL_LENGTH = 8192
_ASCII_BYTES = bytes(range(128))


def url_too_long(url: str) -> bool:
    """`url` is longer than `MAX_URL_LENGTH` characters as it would be sent (each of
    its non-ASCII characters %-encoded, three characters per UTF-8 byte). Counted
    without reading it as a URL, in time linear in its length (C loops only)."""
    if len(url) > MAX_URL_LENGTH:
        return True
    if url.isascii():
        return False
    raw = url.encode("utf-8", "surrogatepass")
    high = len(raw.translate(None, _ASCII_BYTES))  # the bytes %-encoded on the wire
    return len(raw) + 2 * high > MAX_URL_LENGTH


# Controls (C0, DEL, C1), lone surrogates and any whitespace (\s is Unicode-aware).
_UNSENDABLE = re.compile(r"[\x00-\x20\x7f-\x9f\ud800-\udfff\s]")


def url_problem(url: str) -> str | None:
    """Why `url` cannot be requested at all, or None when it can be.

    An http(s) scheme, a host whose labels DNS can carry (1 to 63 bytes each, 253 in
    all) or a valid IP literal, a port from 1 to 65535, no whitespace, control
    characters or lone surrogates. Link targets, redirect locations and webhook URLs
    are all judged by it, so a malformed one is a verdict, never an exception. One
    longer than `MAX_URL_LENGTH` as sent is not read any further.
    """
    if url_too_long(url):
        return f"the URL is longer than {MAX_URL_LENGTH} characters"
    if _UNSENDABLE.search(url) is not None:
        return "the URL contains whitespace, control characters or lone surrogates"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:  # "[::1" (unclosed bracket), port 99999, port "x"
        return f"the URL cannot be read ({exc})"
    if parts.scheme.lower() not in ("http", "https"):
        return "not an http(s) URL"
    if port == 0:
        return "port 0 is not a port to connect to"
    host = parts.hostname
    if not host:
        return "the URL has no host"
    problem = _host_problem(host)
    if problem is not None:
        return problem
    try:
        sendable_url(url)  # decodes IDNA labels: "xn--" fails only here
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
        return f"the URL cannot be sent to ({exc})"
    return None


def client_limit(url: str) -> str | None:
    """Why our HTTP client cannot send `url` though a browser would, or None.

    httpx encodes a host by IDNA 2008, which refuses symbols the WHATWG URL standard
    (UTS 46, non-transitional, no STD3 rules) maps and encodes: ``i❤.ws`` and its
    own punycode ``xn--i-7iq.ws`` are live hosts a browser asks for. Such a link is
    not checked, and says so; it is never broken for our library's sake. Only where
    the host is the URL's one problem (`url_problem` with the host put aside)."""
    if url_problem(url) is None:
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    host = parts.hostname or ""
    userinfo, at, _ = parts.netloc.rpartition("@")
    stand_in = f"{userinfo}{at}example.org" + (f":{port}" if port is not None else "")
    if url_problem(urlunsplit(parts._replace(netloc=stand_in))) is not None:
        return None
    if not _browser_host(host):
        return None
    return f"the host {host[:80]!r} is one our HTTP client cannot encode (IDNA 2008)"


# WHATWG's forbidden host code points (controls and space are tested apart).
_FORBIDDEN_IN_HOST = frozenset("#%/:<>?@[\\]^|")


def _browser_host(host: str) -> bool:
    """`host` encodes by UTS 46 as a browser encodes it: each label mapped, then
    ASCII as it stands (an ``xn--`` label valid punycode of non-ASCII text) or
    punycode, 1 to 63 bytes, 253 in all."""
    try:
        mapped = idna.uts46_remap(host, std3_rules=False, transitional=False)
    except (idna.IDNAError, ValueError):
        return False
    if any(c in _FORBIDDEN_IN_HOST or c <= " " or c == "\x7f" for c in mapped):
        return False
    total = 0
    for label in mapped.removesuffix(".").split("."):
        if label.isascii():
            if label.lower().startswith("xn--"):
                if len(label) > 63:  # refused below; punycode's decoder is quadratic
                    return False
                try:
                    decoded = label[4:].encode("ascii").decode("punycode")
                except UnicodeError:
                    return False
                if not decoded or decoded.isascii():
                    return False
            encoded = label
        elif label.lower().startswith("xn--") or len(label) > _PUNYCODE_ROOM:
            return False  # a long one refused without punycode's quadratic encoding
        else:
            try:
                encoded = "xn--" + label.encode("punycode").decode("ascii")
            except UnicodeError:
                return False
        if not 1 <= len(encoded) <= 63:
            return False
        total += len(encoded) + 1
    return total - 1 <= 253


_CACHED_URL = 2048  # longer URLs are parsed afresh each time, never remembered


def sendable_url(url: str) -> httpx.URL:
    """httpx's reading of `url`, as it goes on the wire (raises InvalidURL, ValueError
    or UnicodeError).

    Remembered for the last two thousand URLs of up to `_CACHED_URL` characters:
    checking a link's URL and sending its request, or checking a redirect's Location
    and following it, parse it once. A hostile Location may be 64 KB; a process-wide
    cache of those held hundreds of megabytes past the audit.
    """
    if len(url) <= _CACHED_URL:
        return _sendable_remembered(url)
    return _sendable(url)


@functools.lru_cache(maxsize=2048)
def _sendable_remembered(url: str) -> httpx.URL:
    return _sendable(url)


def _sendable(url: str) -> httpx.URL:
    parsed = httpx.URL(url)
    _ = parsed.host  # decodes IDNA labels
    return parsed


# What may stand in a URL we reached as it is: RFC 3986's unreserved and reserved
# characters but the brackets (an IPv6 host's own, kept in the authority), and "%" of a
# %XX escape. Everything else is %-encoded (`wire_form`).
_AS_IS = frozenset(string.ascii_letters + string.digits + "-._~" + ":/?#@" + "!$&'()*+,;=")
_HEX = frozenset("0123456789ABCDEFabcdef")


def wire_form(url: str) -> str:
    """`url` as we send it, and so as we report having reached it: every character
    RFC 3986 has no place for %-encoded (its UTF-8 bytes), the host in IDNA.

    A redirect's Location is a stranger's text. httpx sends ``{``, ``}``, ``\\``,
    ``|``, ``^`` and brackets as written in a path or query, and a report that kept
    the Location's own text named a URL other than the one requested (``/new}`` sent
    as ``/new%7D``) -- a URL that `redirected-link`'s safe fix then wrote into the
    author's BibTeX or Markdown, braces and LaTeX commands included. In this form it
    is inert there, and it asks the server for the same resource (%7B is ``{``).
    Raises what `sendable_url` raises; the result reads back as itself.
    """
    parsed = sendable_url(url)
    userinfo = parsed.userinfo.decode("ascii")
    netloc = parsed.netloc.decode("ascii")
    # httpx writes its URL as scheme://[userinfo@]netloc, then the path, query and
    # fragment (the fragment as written, never sent, but reported and fixed with).
    head = f"{parsed.scheme}://{userinfo}{'@' if userinfo else ''}{netloc}"
    text = str(parsed)
    rest = text[len(head) :] if text.startswith(head) else parsed.raw_path.decode("ascii")
    user = f"{_encoded(userinfo, _USERINFO)}@" if userinfo else ""
    return f"{parsed.scheme}://{user}{netloc}{_encoded(rest, _AS_IS)}"


_USERINFO = _AS_IS - frozenset("/?#@")


def _encoded(text: str, as_is: frozenset[str]) -> str:
    """`text` with every character outside `as_is` %-encoded, and each "%" that
    begins no %XX escape (one pass: linear in the text)."""
    if "%" not in text and all(char in as_is for char in text):
        return text
    out: list[str] = []
    for i, char in enumerate(text):
        if char in as_is or (
            char == "%" and text[i + 1 : i + 2] in _HEX and text[i + 2 : i + 3] in _HEX
        ):
            out.append(char)
        else:
            out.append("".join(f"%{b:02X}" for b in char.encode("utf-8", "surrogatepass")))
    return "".join(out)


def _host_problem(host: str) -> str | None:
    if ":" in host:  # an IPv6 literal (urlsplit took the brackets off)
        try:
            ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError:
            return f"'{host[:80]}' is not an IPv6 address"
        return None
    # One final dot is an absolute name; more are an empty label, which no name server
    # carries -- and which clients collapse differently (aiohttp asks for "name." where
    # httpx wrote "name.."), so the name looked up and the name connected to differed.
    name = host[:-1] if host.endswith(".") else host
    if not name:
        return "the URL has no host"
    total = 0
    for label in name.split("."):
        try:
            encoded = label.encode("ascii") if label.isascii() else _idna_2003(label)
        except UnicodeError:
            return f"the host name label '{label[:80]}' cannot be encoded for DNS"
        if not 1 <= len(encoded) <= 63:
            return f"the host name has a label of {len(encoded)} bytes (DNS allows 1 to 63)"
        total += len(encoded) + 1
    if total - 1 > 253:
        return "the host name is longer than 253 bytes"
    return None


# Python's IDNA codec splits a name at these (IDNA 2003's full stops).
_IDNA_DOTS = re.compile("[\u002e\u3002\uff0e\uff61]")
# The longest label before "xn--" and its punycode can fit DNS's 63 bytes: punycode
# writes each basic code point once and at least one letter for every other.
_PUNYCODE_ROOM = 63 - len("xn--")


def _idna_2003(label: str) -> bytes:
    """``label.encode("idna")`` (Python's codec, IDNA 2003), in linear time.

    The codec's punycode step is pure Python and quadratic in a label's distinct
    characters, and only then is the result found too long for DNS: a link, a
    redirect's Location or a webhook's host of 4,000 distinct CJK characters (12 KB)
    held the thread 7 s (the link checker's event loop: every link of the phase), one
    of 16,000 some two minutes. A label whose nameprep'd form has more characters than
    punycode could fit is refused before it is encoded (nameprep is linear); what the
    codec accepts or refuses is unchanged."""
    for piece in _IDNA_DOTS.split(label):
        if len(piece) > _PUNYCODE_ROOM and not piece.isascii():
            mapped = encodings.idna.nameprep(piece)  # may map characters to nothing
            if len(mapped) > _PUNYCODE_ROOM and not mapped.isascii():
                raise UnicodeError("label too long")
    return label.encode("idna")


def target_for(text: str) -> LinkTarget:
    """Classify one string from a reference or a document."""
    value = text.strip()
    try:
        parts = urlsplit(value)
    except ValueError:  # "http://[::1": a URL, malformed; the checker says so
        kind: Literal["url", "other"] = (
            "url" if value.lower().startswith(("http://", "https://")) else "other"
        )
        return LinkTarget(kind, value)
    scheme = parts.scheme.lower()
    if scheme in {"http", "https"} and parts.hostname:
        if parts.hostname.lower() in DOI_HOSTS:
            doi = normalise_doi(value)
            if doi is not None:
                return LinkTarget("doi", doi)
        return LinkTarget("url", value)
    doi = normalise_doi(value)
    if doi is not None:
        return LinkTarget("doi", doi)
    return LinkTarget("other", value)


def _doi_key(text: str) -> str | None:
    return normalise_doi(text)


def _url_key(text: str) -> str:
    return request_key(target_for(text))


def request_key(target: LinkTarget) -> str:
    """What checking `target` asks of the network: links that differ only in their
    fragment (never sent) are one request, and one check. A link's own `key` keeps
    its fragment (each is reported as written); the checker asks once per request key
    and the per-audit budget counts it once -- ``/page#1`` ... ``#5000`` was the same
    page of a stranger's asked five thousand times."""
    if target.kind != "url":
        return target.key
    value = target.value.partition("#")[0]
    if url_too_long(value):
        return target.key  # never sent: its own verdict (`url_too_long`), never read
    try:
        # Plain ASCII of RFC 3986's characters is read as it stands (httpx's parser
        # cost eight times the rest, and an upload may hold 100,000 links); anything
        # else in its sent form.
        sent = value if _PLAIN.fullmatch(value) else wire_form(value)
        parts = urlsplit(sent)
        port = parts.port
    except (httpx.InvalidURL, ValueError, UnicodeError):
        return target.key  # never sent: its own verdict
    # RFC 3986's equivalences (6.2.2, 6.2.3): scheme and host in any case, a default
    # port, an empty path, an escaped unreserved character, hex digits in either case,
    # a host's final dot. Spelt otherwise, one page was as many requests as a path
    # has letters to escape.
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:
        host = f"[{host}]"
    if port is not None and port != (443 if scheme == "https" else 80):
        host = f"{host}:{port}"
    userinfo, at, _ = parts.netloc.rpartition("@")
    path = _UNRESERVED_ESCAPE.sub(_unescaped, parts.path) or "/"
    query = _UNRESERVED_ESCAPE.sub(_unescaped, parts.query)
    return "url:" + urlunsplit((scheme, f"{userinfo}{at}{host}", path, query, ""))


_PLAIN = re.compile(r"[A-Za-z0-9\-._~:/?@!$&'()*+,;=%\[\]]*")
_UNRESERVED_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def _unescaped(match: re.Match[str]) -> str:
    char = chr(int(match.group()[1:], 16))
    return char if char.isascii() and (char.isalnum() or char in "-._~") else match.group().upper()


# How the links phase names its targets, for the per-audit budget (network_budget).
LINK_KEYS = TargetKeys(doi=_doi_key, url=_url_key)
