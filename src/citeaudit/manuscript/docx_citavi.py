"""Citavi's citation fields: the works a placeholder's code describes.

Why: Citavi writes each in-text citation as a field ``ADDIN CitaviPlaceholder{...}``
(inside a content control tagged ``CitaviPlaceholder#<id>``) whose code is base64 of
JSON: the placeholder's ``Entries``, each with its ``Reference`` -- authors (family
name in ``LastName``; an organisation is a person with only that), ``Year``, ``Title``,
``Doi``. Json.NET writes an object met before as ``{"$ref": "7"}`` pointing at its
``"$id"``; those are followed within the one placeholder.

Hostile input is bounded: the code is read up to the collector's `MAX_INSTRUCTION`
characters, decoded once, parsed once (a nesting too deep is a damaged code), and
the walk for ``$id`` visits at most `_MAX_NODES` values; a damaged code is a problem
naming its paragraph, never an exception.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from typing import Any

from citeaudit.manuscript.docx_field_citation import FieldItem

__all__ = ["CITAVI", "citavi_items"]

CITAVI = re.compile(r"\s*ADDIN\s++CitaviPlaceholder\b", re.IGNORECASE)
_MAX_ITEMS = 200  # works per placeholder
_MAX_NODES = 200_000  # JSON values walked for "$id" per placeholder
_MAX_NAMES = 200
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")
_DOI = re.compile(r"10\.\d{4,9}/[^\s\"<>]++", re.IGNORECASE)
_BASE64 = re.compile(r"[A-Za-z0-9+/=\s]++")


def citavi_items(code: str, start: int) -> tuple[tuple[FieldItem, ...], str]:
    """The works of a placeholder whose code's payload starts at `start`, or () and
    why it could not be read."""
    brace = code.find("{", start, start + 20)
    body = code[brace + 1 :] if brace >= 0 else code[start:]
    payload = _BASE64.match(body)
    text = "".join(payload.group(0).split()) if payload else ""
    if not text:
        return (), "code holds no citation data"
    try:
        decoded = base64.b64decode(text + "=" * (-len(text) % 4), validate=True)
    except (binascii.Error, ValueError):
        return (), "citation data (base64) is damaged"
    try:
        data = json.loads(decoded.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError):
        return (), "citation data (JSON) is damaged"
    ids = _ids(data)
    entries = data.get("Entries") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        return (), "citation data names no work"
    items: list[FieldItem] = []
    for entry in entries[:_MAX_ITEMS]:
        entry = _resolved(entry, ids)
        reference = _resolved(entry.get("Reference"), ids) if isinstance(entry, dict) else None
        items.append(_item(reference, ids) if isinstance(reference, dict) else FieldItem())
    return tuple(items), ""


def _ids(data: Any) -> dict[str, dict[str, Any]]:
    """Every object's ``$id``, for the ``$ref`` pointing back at it; an iterative walk
    of at most `_MAX_NODES` values."""
    ids: dict[str, dict[str, Any]] = {}
    stack = [data]
    walked = 0
    while stack and walked < _MAX_NODES:
        value = stack.pop()
        walked += 1
        if isinstance(value, dict):
            key = value.get("$id")
            if isinstance(key, str):
                ids.setdefault(key, value)
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return ids


def _resolved(value: Any, ids: dict[str, dict[str, Any]]) -> Any:
    if isinstance(value, dict) and isinstance(value.get("$ref"), str):
        return ids.get(value["$ref"])
    return value


def _item(reference: dict[str, Any], ids: dict[str, dict[str, Any]]) -> FieldItem:
    authors: list[str] = []
    for role in ("Authors", "Editors", "Organizations"):
        people = reference.get(role)
        if isinstance(people, list):
            for person in people[:_MAX_NAMES]:
                person = _resolved(person, ids)
                if isinstance(person, dict):
                    name = person.get("LastName") or person.get("Name")
                    if isinstance(name, str) and name.strip():
                        authors.append(" ".join(name.split())[:200])
        if authors:
            break
    year = None
    for key in ("Year", "YearResolved", "Date"):
        found = _YEAR.search(_text(reference.get(key))[:200])
        if found:
            year = int(found.group(1))
            break
    title = _text(reference.get("Title"))
    doi = _DOI.search(_text(reference.get("Doi")))
    return FieldItem(
        authors=tuple(authors),
        year=year,
        title=title,
        doi=doi.group(0).rstrip(".,;)").lower() if doi else "",
    )


def _text(value: Any) -> str:
    return " ".join(value[:2_000].split())[:500] if isinstance(value, str) else ""
