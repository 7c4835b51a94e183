"""The language as a person meets it: the browser's locale on a first visit, the picker, the link."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from components.i18n import texts

pytestmark = pytest.mark.e2e
WAIT = 90_000


def _sidebar_header(page, text: str):
    return page.locator("[data-testid='stSidebar']").get_by_text(text, exact=True).first


def test_first_visit_follows_the_browser_locale(browser, app_url):
    context = browser.new_context(locale="sr-RS", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{app_url}/trends")
        cyrillic = texts("sr-Cyrl")
        expect(_sidebar_header(page, cyrillic("filters.header"))).to_be_visible(timeout=WAIT)
        expect(page.locator("[data-testid='stSidebarNav']").get_by_text(cyrillic("nav.map"))).to_be_visible()
        expect(page).to_have_url(re.compile(r"lang=sr-Cyrl"))
    finally:
        context.close()


def test_a_chosen_language_stays_on_reload_and_across_pages(browser, app_url):
    context = browser.new_context(locale="en-US", viewport={"width": 1400, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(f"{app_url}/trends")
        english, romanian = texts("en"), texts("ro")
        expect(_sidebar_header(page, english("filters.header"))).to_be_visible(timeout=WAIT)
        picker = page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").filter(
            has_text=english("language.label")).first
        picker.click()
        page.get_by_role("option", name="Română").click()
        expect(page).to_have_url(re.compile(r"lang=ro"), timeout=WAIT)
        expect(_sidebar_header(page, romanian("filters.header"))).to_be_visible(timeout=WAIT)

        page.reload()
        expect(_sidebar_header(page, romanian("filters.header"))).to_be_visible(timeout=WAIT)
        expect(page).to_have_url(re.compile(r"lang=ro"))

        page.locator("[data-testid='stSidebarNav']").get_by_text(romanian("nav.compare")).click()
        expect(page).to_have_url(re.compile(r"/compare.*lang=ro"), timeout=WAIT)
        expect(_sidebar_header(page, romanian("filters.header"))).to_be_visible(timeout=WAIT)
        host = app_url.split("//", 1)[1]
        foreign = [u for u in requests if not u.split("//", 1)[-1].startswith(host)
                   and not u.startswith(("data:", "blob:", "about:"))]
        assert not foreign, foreign
    finally:
        context.close()
