"""Archive suggestions: the Wayback Machine's closest snapshot of a dead link.

The availability API (CITEAUDIT_ARCHIVE_URL) answers::

    {"archived_snapshots": {"closest": {"available": true, "status": "200",
     "url": "http://web.archive.org/web/2019.../https://example.org/a", "timestamp": "2019..."}}}

Anything else (no snapshot, an error, no answer, a snapshot "URL" that is not an
http(s) URL one could request, or that names a private address) gives no suggestion.
"""

from __future__ import annotations

import httpx

from citeaudit import remote_json
from citeaudit.links.safety import AddressRule
from citeaudit.links.schemes import web_scheme
from citeaudit.links.targets import url_problem, wire_form


async def closest_snapshot(
    client: httpx.AsyncClient, api_url: str, url: str, timeout: float
) -> str | None:
    """The URL of the closest good snapshot of `url`, or None."""
    try:
        response = await client.get(api_url, params={"url": url}, timeout=timeout)
    except httpx.HTTPError:
        return None
    if response.status_code != 200:
        return None
    try:
        data = remote_json.loads(response.content)
    except ValueError:
        return None
    return snapshot_from(data)


def snapshot_from(data: object) -> str | None:
    """The closest good snapshot the availability API's answer `data` names, or None."""
    # A stranger's JSON: "archived_snapshots" of another type is no snapshot ("x"
    # raised AttributeError out of the link phase).
    snapshots = data.get("archived_snapshots") if isinstance(data, dict) else None
    closest = snapshots.get("closest") if isinstance(snapshots, dict) else None
    if not isinstance(closest, dict) or not closest.get("available"):
        return None
    if str(closest.get("status", "200")) != "200":
        return None
    snapshot = closest.get("url")
    if not isinstance(snapshot, str):
        return None
    if web_scheme(snapshot) == "http" and snapshot[5:].lower().startswith("//web.archive.org/"):
        snapshot = "https:" + snapshot[5:]
    # Shown as a link in reports and written into the bibliography by an unsafe fix:
    # an http(s) URL that could be requested, never "javascript:" or a file, nor one
    # naming a private or metadata address in any spelling (whoever follows the
    # suggestion later would be sent there by us).
    if url_problem(snapshot) is not None or AddressRule().url_refusal(snapshot) is not None:
        return None
    return wire_form(snapshot)  # written into the bibliography: inert there (`wire_form`)
