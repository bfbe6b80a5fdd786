"""The checker's parts on their own: the transport it takes, and the typed state a
check carries until it is final (the reasons users read stay as they were)."""

from __future__ import annotations

import httpx
import pytest

from citeaudit.links import errors
from citeaudit.links.checker import LinkChecker
from citeaudit.links.judged import Pending, Subject
from citeaudit.links.network_state import settled
from citeaudit.model.link import LinkCheck, LinkOutcome
from tests.links.conftest import FAST


def test_a_plain_httpx_transport_is_refused() -> None:
    """Another transport connects wherever its names lead, no address judged: a
    library caller handing one in went round the guard (a page at 169.254.169.254
    answered through a MockTransport as any public one)."""

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="<title>metadata</title>")

    with pytest.raises(TypeError, match="PerHostTransport"):
        LinkChecker(FAST, transport=httpx.MockTransport(answer))  # type: ignore[arg-type]


def _landing(error: str) -> Pending:
    check = LinkCheck(
        url="https://doi.org/10.1234/x",
        outcome=LinkOutcome.UNVERIFIED,
        final_url="http://landing.example/article",
    )
    return Pending(check, error, Subject.DOI_TARGET)


@pytest.mark.parametrize(
    ("error", "up", "dns_ok", "expected"),
    [
        (errors.DNS, True, True, (LinkOutcome.BROKEN, "doi-target-dns")),
        (errors.REFUSED, True, True, (LinkOutcome.BROKEN, "doi-target-connection-refused")),
        (errors.DNS, True, False, (LinkOutcome.OK, None)),  # names fail for everyone
        (errors.DNS, False, False, (LinkOutcome.UNVERIFIED, "network-down")),
    ],
)
def test_a_landing_pages_pending_failure_settles_as_before(
    error: str, up: bool, dns_ok: bool, expected: tuple[LinkOutcome, str | None]
) -> None:
    judged = settled(_landing(error), up=up, dns_ok=dns_ok)
    assert (judged.check.outcome, judged.check.reason) == expected


def test_the_archive_is_asked_for_the_landing_page_of_a_doi_not_the_doi() -> None:
    check = _landing(errors.DNS).check
    assert Subject.DOI_TARGET.archived_url(check) == "http://landing.example/article"
    assert Subject.LINK.archived_url(check) == "https://doi.org/10.1234/x"
    assert Subject.LINK.reason("status-404") == "status-404"
    assert Subject.DOI_TARGET.reason("status-404") == "doi-target-status-404"
