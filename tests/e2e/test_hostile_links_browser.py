"""A hostile link in Chromium, with the network to every other host blocked: its value shows as text
in the notice, never as a heading, a link or an image, and no request leaves the app's host."""

from __future__ import annotations

import re
from urllib.parse import quote, urlsplit

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
WAIT = 45_000
HOSTILE = "x\n\n# Figures withdrawn\n\n![i](https://evil.example/a.png) [Corrected figures](https://evil.example)"


def block_other_hosts(page, own: str) -> list[str]:
    """Abort (and record) every request to a host other than the app's own."""
    blocked: list[str] = []
    host = urlsplit(own).netloc

    def route(route):
        url = route.request.url
        if urlsplit(url).netloc == host or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    page.route("**/*", route)
    return blocked


# One page in the browser: what Streamlit's own Markdown renderer makes of the notice, and that no
# request leaves the host. Every page and parameter (the trends view, the profile's country, the
# presenter's slide...) is covered without a browser by tests/app/test_hostile_links.py, which reads
# the notices' Markdown as the browser does; all notices go through components/markdown_text.py.
@pytest.mark.parametrize("path, key", [("map", "year")])
def test_a_hostile_link_shows_its_value_as_text_and_nothing_leaves_the_host(page, app_url, path, key):
    blocked = block_other_hosts(page, app_url)
    page.goto(f"{app_url}/{path}?{key}={quote(HOSTILE)}")
    notice = page.get_by_test_id("stAlert").filter(has_text="withdrawn").first
    expect(notice).to_be_visible(timeout=WAIT)
    # The notice is drawn: whatever it makes of the value is on the page now.
    made = {"headings": page.get_by_role("heading", name=re.compile("withdrawn", re.I)).count(),
            "links and images to evil.example": page.locator("a[href*='evil'], img[src*='evil']").count()}
    assert made == {"headings": 0, "links and images to evil.example": 0}
    # With no image on the page nothing more will be fetched; whatever was asked for is logged.
    assert blocked == []
    assert page.request_log.foreign(app_url) == []
    # Shown as typed, clipped (an invisible word joiner around ':' keeps it from being a bare link).
    expect(notice).to_contain_text("x # Figures withdrawn")
    expect(notice).to_contain_text(re.compile("!\\[i\\]\\(https\u2060?:\u2060?//evil\\.example/a\\.png\\)"))
    expect(notice).to_contain_text("[Corrected figures](ht…")
