"""Explore pages in Chromium: links reproduce views, filters change them, nothing leaves the host."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
WAIT = 45_000


def _wait_for_charts(page):
    expect(page.get_by_role("heading", level=1).first).to_be_visible(timeout=WAIT)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot, [data-testid=stDeckGlJsonChart]').length > 0",
                           timeout=WAIT)
    # The script run that draws them is over (Streamlit shows its status widget while it runs).
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=WAIT)


def test_changing_a_filter_then_reloading_the_url_gives_the_same_view(page, app_url):
    page.goto(f"{app_url}/trends?countries=SRB,MKD&type=Emigration&indicator=emigrant_stock")
    _wait_for_charts(page)
    page.get_by_role("radio", name="Indexed to a base year").check(force=True)
    expect(page.get_by_text("index, 1990 = 100").first).to_be_attached(timeout=WAIT)
    page.wait_for_function("location.search.includes('view=index')", timeout=WAIT)
    copied = page.url
    page.goto("about:blank")
    page.goto(copied)
    _wait_for_charts(page)
    expect(page.get_by_text("index, 1990 = 100").first).to_be_attached(timeout=WAIT)
    expect(page.get_by_role("radio", name="Indexed to a base year")).to_be_checked()
    assert page.request_log.foreign(app_url) == []


def test_a_malformed_link_gives_the_default_view_with_a_notice(page, app_url):
    page.goto(f"{app_url}/map?countries=Atlantis&type=Teleportation&year=abc")
    _wait_for_charts(page)
    expect(page.get_by_text(re.compile("Unknown migration type")).first).to_be_visible(timeout=WAIT)
    expect(page.get_by_text(re.compile("Unknown country")).first).to_be_visible()


def test_the_profile_download_opens_offline_with_its_charts(page, app_url, tmp_path, browser):
    page.goto(f"{app_url}/profile?country=ALB")
    _wait_for_charts(page)
    with page.expect_download(timeout=WAIT) as download:
        page.get_by_role("button", name=re.compile("Download this profile")).click()
    saved = tmp_path / "profile.html"
    download.value.save_as(saved)
    offline = browser.new_context(offline=True)
    reader = offline.new_page()
    requests = []
    reader.on("request", lambda request: requests.append(request.url))
    reader.goto(saved.as_uri())
    reader.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg').length >= 4", timeout=WAIT)
    expect(reader.get_by_role("heading", name="Migration profile: Albania")).to_be_visible()
    assert [url for url in requests if not url.startswith(("file:", "data:", "blob:"))] == []
    offline.close()


def test_a_link_with_edition_2020_names_it_and_the_reader_switches_to_2024(page, app_url):
    page.goto(f"{app_url}/map?indicator=emigrant_stock&edition=2020")
    _wait_for_charts(page)
    source = page.get_by_text(re.compile(r"^Source: UN DESA .*International Migrant Stock 2020")).first
    expect(source).to_be_visible(timeout=WAIT)
    expect(page.get_by_role("radio", name="2020 edition")).to_be_checked()
    page.get_by_role("radio", name="2024 edition (newest)").check(force=True)
    expect(page.get_by_text(re.compile(r"^Source: UN DESA .*International Migrant Stock 2024")).first).to_be_visible(
        timeout=WAIT)
    page.wait_for_function("location.search.includes('edition=2024')", timeout=WAIT)
    expect(page.get_by_text(re.compile(r"International Migrant Stock 2020 \(")).first).not_to_be_attached()
    # The chart links to what changed in the 2024 edition, on Data & sources.
    page.get_by_role("link", name="What changed in the 2024 edition?").click()
    expect(page.get_by_role("heading", name="What changed between editions")).to_be_visible(timeout=WAIT)
    expect(page.get_by_text("The 2024 edition revised the emigrants of Serbia in 2000 down by 655,333")).to_be_visible(
        timeout=WAIT)
    assert page.request_log.foreign(app_url) == []
