"""Link-check cache: successes kept for a max age, failures never kept.

An `AnswerStore` (the cache of links and registries alike, `links/answers.py`) in
the cache directory (`links.sqlite3`). A check is stored only when its outcome is ok
or redirected; anything broken or unverified is checked again next time, as lychee
does.

What a link answered depends on where we were allowed to go: a check made while
private networks were allowed (the CLI on an author's machine reaching an intranet
page) is kept apart from checks made under the strict rule (the service), so a success
cached under the first is never served under the second without a connection.

The service's accounts share one cache (links are public; a journal's editors cite the
same pages), so what is served from it is the verdict alone: the outcome, status,
final URL and redirect chain that a check made now would give, dated when it is
served and said as a first try. The stored check was another account's, dated when
that account's audit made it and counting its tries: an account guessing a private
preprint's address and citing it read in its own report that someone had checked it,
and when. What is stored has no date and no count either (`_encode`).

A check that went through redirects is more than a verdict: the chain is the site's
answer to that one request, and a site may make it for each request (a storage
service signs a download with a token and a time). Served to another account, it
showed that account the first one's token and time. Such checks are kept in the
`scope` of whoever made them (the service's account; the CLI has one scope) and
served only there; a direct answer (no redirect) is shared by all.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

import httpx

from citeaudit.links.answers import MAX_AGE, AnswerStore, Stored
from citeaudit.links.targets import wire_form
from citeaudit.model.codec import ValidationError, from_json, to_json
from citeaudit.model.link import LinkCheck, LinkOutcome

CACHED_OUTCOMES = frozenset({LinkOutcome.OK, LinkOutcome.REDIRECTED})
_NAMESPACE = "link"
_PRIVATE_NAMESPACE = "link+private"  # checks made where private networks were allowed
# ...and this machine was not (a confined run, the service told private networks are
# allowed): a check of our own admin port made by the CLI is never served there.
_PRIVATE_NOT_OWN_NAMESPACE = "link+private-not-own"


def _encode(check: LinkCheck) -> str:
    """The check's verdict: without the references that cited it, its date and how
    many tries it took -- those belong to one audit (one account's)."""
    return to_json(_verdict(check, None))


def _verdict(check: LinkCheck, checked_at: str | None) -> LinkCheck:
    """`check` as any audit may be given it: a first try, dated `checked_at`."""
    return dataclasses.replace(check, reference_ids=(), attempts=1, checked_at=checked_at)


def _served_at(now: float) -> str:
    """`now` as a check's date (`precheck.now_iso`'s form: UTC, to the second)."""
    return datetime.fromtimestamp(now, UTC).replace(microsecond=0).isoformat()


def _decode(text: str) -> LinkCheck | None:
    """The stored check; None for a record this version cannot read (a miss), and
    for a move kept in its Location's own text (stored before moves were kept as
    sent, `targets.wire_form`): its final URL is what the safe fix writes."""
    try:
        check = from_json(LinkCheck, text)
    except ValidationError:
        return None
    if check.outcome is LinkOutcome.REDIRECTED and check.final_url is not None:
        try:
            if wire_form(check.final_url) != check.final_url:
                return None
        except (httpx.InvalidURL, ValueError, UnicodeError):
            return None
    return check


def _per_request(check: LinkCheck) -> bool:
    """Whether the check holds a site's answer to its own request: a redirect chain
    (every move a site answered is a hop). A DOI's landing page without hops is the
    registry's public record, the same for everyone: shared."""
    return bool(check.hops)


class LinkCache:
    def __init__(
        self,
        directory: Path,
        max_age: float,
        *,
        private_networks: bool = False,
        own_machine: bool = True,
        scope: str = "",
    ) -> None:
        """`scope`: whose checks with redirects these are (the service's account, ""
        for one user): served to that scope only. `private_networks`, `own_machine`:
        the address rule the checks are made under (`AddressRule`); each rule has a
        namespace of its own, so no check is served under a stricter rule."""
        self.path = Path(directory) / "links.sqlite3"
        self.max_age = max_age
        # Kept at least as long as they are fresh (`AnswerStore`'s age bound).
        self._answers = AnswerStore(self.path, max_age=max(MAX_AGE, max_age))
        if not private_networks:
            self._namespace = _NAMESPACE
        else:
            self._namespace = _PRIVATE_NAMESPACE if own_machine else _PRIVATE_NOT_OWN_NAMESPACE
        self._scoped = f"{self._namespace}@{scope}" if scope else self._namespace

    def get_many(self, keys: Iterable[str], now: float | None = None) -> dict[str, LinkCheck]:
        """The verdicts kept for `keys` and not older than the max age, each dated
        `now` (the time it is served: a record stored with a date or a count of tries
        by an older version is served without them too)."""
        current = time.time() if now is None else now
        served = _served_at(current)
        wanted = list(keys)
        found: dict[str, LinkCheck] = {}
        for namespace in dict.fromkeys((self._namespace, self._scoped)):
            for key, kept in self._answers.get_many(namespace, wanted).items():
                if key in found or current - kept.stored_at > self.max_age:
                    continue
                check = _decode(kept.body)
                # shared: direct answers only (one stored by an older version, too)
                if check is not None and (namespace == self._scoped or not _per_request(check)):
                    found[key] = _verdict(check, served)
        return found

    def put_many(self, items: Iterable[tuple[str, LinkCheck]], now: float | None = None) -> None:
        """Store successes; forget any earlier success of what has failed now."""
        current = time.time() if now is None else now
        shared: list[tuple[str, Stored]] = []
        scoped: list[tuple[str, Stored]] = []
        failed: list[str] = []
        for key, check in items:
            if check.outcome in CACHED_OUTCOMES:
                part = scoped if _per_request(check) else shared
                part.append((key, Stored(_encode(check), stored_at=current)))
            else:
                failed.append(key)
        # A key is kept in one place: where its latest check belongs.
        self._answers.put_many(self._namespace, shared, now=current)
        self._answers.forget(self._namespace, [k for k, _ in scoped] + failed)
        if self._scoped != self._namespace:
            self._answers.put_many(self._scoped, scoped, now=current)
            self._answers.forget(self._scoped, [k for k, _ in shared] + failed)
        else:
            self._answers.put_many(self._namespace, scoped, now=current)

    def forget(self, keys: Iterable[str]) -> None:
        wanted = list(keys)
        for namespace in dict.fromkeys((self._namespace, self._scoped)):
            self._answers.forget(namespace, wanted)
