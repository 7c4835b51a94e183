"""A link a colleague sent, opened as the very first request after the server starts."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import streamlit_server

pytestmark = pytest.mark.e2e
WAIT = 60_000


def test_a_deep_link_opened_first_after_a_start_shows_its_page_and_no_page_not_found(page):
    with streamlit_server() as url:
        page.goto(f"{url}/corridors?countries=MDA&type=Emigration&since=2000")
        expect(page.get_by_role("heading", level=1, name="Diaspora corridors")).to_be_visible(timeout=WAIT)
        # The notice arrives before the page's first element if it comes at all; wait until the
        # run is over so a late one would be on screen too.
        page.wait_for_timeout(500)
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=WAIT)
        expect(page.get_by_text("Page not found")).to_have_count(0)
        expect(page.get_by_role("dialog")).to_have_count(0)
        assert "/corridors" in page.url and "countries=MDA" in page.url
