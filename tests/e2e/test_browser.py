"""What a person sees in Chromium: headline figures, sources, file notices, and no foreign requests."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from components import metrics
from components.dataset import load_dataset
from tests.conftest import DATA, drop_in
from tests.e2e.conftest import streamlit_server

pytestmark = pytest.mark.e2e
WAIT = 45_000


def _open(page, url):
    page.goto(url)
    expect(page.get_by_role("heading", level=1).first).to_be_visible(timeout=WAIT)


def test_overview_shows_headline_figures_and_stays_on_its_own_host(page, app_url):
    claim = metrics.western_balkans_claim(load_dataset(DATA).observations)
    _open(page, app_url)
    expect(page.get_by_text("Mobility in South-East Europe")).to_be_visible()
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(f"{claim.region_share:.1f}%", timeout=WAIT)
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=WAIT)
    # The chart title may wrap (<br>) in a narrow column; Plotly keeps the whole text in data-unformatted.
    expect(page.locator(".js-plotly-plot .gtitle").first).to_have_attribute(
        "data-unformatted", re.compile(r"Share(<br>| )of(<br>| )people(<br>| )born(<br>| )in(<br>| )each(<br>| )country(<br>| )who"
                                     r"(<br>| )live(<br>| )abroad,(<br>| )2024"))
    table = page.get_by_test_id("stTable").last  # the glance table, after the table of editions
    expect(table).to_contain_text("Albania")
    expect(table).to_contain_text("1.22 million")  # 1,216,628 in 2024, UN DESA 2024 edition
    expect(page.get_by_text(re.compile("International Migrant Stock 2024")).first).to_be_visible()
    page.wait_for_timeout(1500)
    assert page.request_log.foreign(app_url) == []


def test_data_and_sources_page_shows_catalogue_and_file_status(page, app_url):
    _open(page, f"{app_url}/data")
    expect(page.get_by_role("heading", name="Data & sources")).to_be_visible()
    page.get_by_role("tab", name="Data files").click()
    expect(page.get_by_text("Every file passed every check.")).to_be_visible(timeout=WAIT)
    page.get_by_role("tab", name="Credits").click()
    expect(page.get_by_text("Made with Natural Earth.").first).to_be_visible()
    page.wait_for_timeout(1000)
    assert page.request_log.foreign(app_url) == []


def test_a_dropped_bad_file_is_named_and_the_rest_still_shows(page, data_copy):
    drop_in(data_copy, "text_in_value.csv")
    with streamlit_server(data_copy) as url:
        _open(page, url)
        banner = page.get_by_test_id("stAlert").first
        expect(banner).to_contain_text("text_in_value.csv", timeout=WAIT)
        expect(banner).to_contain_text("about a million")
        # Albania 2024, UN DESA 2024 edition; the table comes after the banner, once the data is read.
        expect(page.get_by_test_id("stTable").last).to_contain_text("1.22 million", timeout=WAIT)
        assert page.request_log.foreign(url) == []
