"""The page's documented addresses answer, and the API docs work with no internet."""

from __future__ import annotations

import re

import pytest

from tests.web.conftest import App


@pytest.mark.parametrize("address", ["/", "/web", "/web/"])
def test_the_page_is_at_its_documented_addresses(app: App, address: str) -> None:
    response = app.client.get(address, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/web/audits"


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_api_docs_load_their_assets_from_this_server(app: App, page: str) -> None:
    html = app.client.get(page).text
    assets = re.findall(r"""(?:src|href)=["']([^"']+\.(?:js|css))["']""", html)
    assert assets, html[:500]
    for asset in assets:
        assert asset.startswith("/"), f"{page} loads {asset} from elsewhere"
        response = app.client.get(asset)
        assert response.status_code == 200 and len(response.content) > 1000, asset
