"""The id an entry goes by in the audit's result, bounded in length.

Used for every id made of a key the input writes: a BibTeX key, an RIS ``ID``, a CSL
item's ``id`` (JSON and YAML).

Why: an entry's id is copied into every citation matched to it (the report's
``targets``) and every finding about it, so an id as long as the entry's key made the
report grow with citations times key length: one entry keyed by 400,000 characters
and 1,000 short name-year citations of it (a 420 KB upload) wrote a 400 MB JSON
report, rendered whole in the service's memory. No real key is near `LONGEST_ID`
characters (a DOI-based key is under 100); a longer one keeps its head, so a reader
still recognises it, and a digest of the whole key, so two long keys sharing a head
stay two ids. Matching is unchanged: an entry is cited by its ``key``, which is kept
whole (`matching.keys.ref_keys`; ``[@key]`` cites a CSL item by its whole ``id``);
only the handle the result refers to it by is shortened.
"""

from __future__ import annotations

import hashlib

__all__ = ["LONGEST_ID", "entry_id"]

LONGEST_ID = 200
_DIGEST_BYTES = 8  # 16 hex digits: two distinct long keys of one file never collide


def entry_id(key: str, count: int = 1) -> str:
    """The id of the `count`-th entry keyed `key` in its file ("key", "key~2", ...),
    its key cut to `LONGEST_ID` characters with a digest when longer."""
    if len(key) > LONGEST_ID:
        whole = key.encode("utf-8", "surrogatepass")
        digest = hashlib.blake2b(whole, digest_size=_DIGEST_BYTES).hexdigest()
        key = f"{key[: LONGEST_ID - len(digest) - 3]}...{digest}"
    return key if count == 1 else f"{key}~{count}"
