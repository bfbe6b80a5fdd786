"""A web page's site after its title is the container, not more title (issue 12, point
5): "Title. Made-up News. Retrieved from <url>" gave the title "Title. Made-up News"
and the container "Made-up News" -- one phrase read as two fields. Made-up entries."""

from __future__ import annotations

from tests.freetext.helpers import parse


def test_the_site_is_the_container_only() -> None:
    ref = parse(
        "Doe, J. (2018). Ten invented facts about parsers. Made-up News. "
        "Retrieved from https://example.org/a"
    )
    assert ref.title == "Ten invented facts about parsers"
    assert ref.container == "Made-up News"


def test_a_title_and_container_never_share_the_words() -> None:
    ref = parse(
        "Roe, A. (2019). An invented blog post about parsers. Fictive Blog. "
        "Retrieved March 3, 2020, from https://example.org/post"
    )
    assert ref.container is None or not (ref.title or "").endswith(ref.container)
