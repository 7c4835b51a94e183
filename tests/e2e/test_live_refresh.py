"""With the app open in Chromium, staff drop a file into data/: the figure appears without a reload."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import expect

from components import metrics
from components.dataset import load_dataset
from components.settings import settle_seconds
from components.ui import WATCH_SECONDS
from tests.e2e.conftest import streamlit_server

pytestmark = pytest.mark.e2e
WAIT = 45_000
# A Serbian-locale Excel export: Windows-1250, semicolons, decimal comma, the country in Albanian.
NEW_YEAR = ("indicator;country;year;value;flag;note\n"
            "remittances_pct_gdp;Shqipëria;2025;7,91;p;preliminary, Banka e Shqipërisë\n")


def _albania_remittances_cell(data_dir) -> str:
    dataset = load_dataset(data_dir, keep_history=False)
    table, _ = metrics.headline_table(metrics.headline_figures(dataset.observations, dataset.indicators))
    column = next(c for c in table.columns if c.startswith("Personal remittances received"))
    return table.loc["Albania", column]


def _wait_until_idle(page) -> None:
    """Until the script run has finished (Streamlit shows its status widget while running)."""
    page.wait_for_timeout(500)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=WAIT)


def test_a_dropped_file_appears_on_the_open_page_without_a_reload(page, data_copy):
    before = _albania_remittances_cell(data_copy)
    with streamlit_server(data_copy) as url:
        page.goto(url)
        table = page.get_by_test_id("stTable").last  # the glance table, after the table of editions
        expect(table).to_contain_text(before, timeout=WAIT)
        page.evaluate("window.__not_reloaded = true")

        (data_copy / "observations" / "staff_update_2025.csv").write_bytes(NEW_YEAR.encode("cp1250"))
        dropped = time.monotonic()
        after = _albania_remittances_cell(data_copy)
        assert after != before and "(2025)" in after
        expect(table).to_contain_text(after, timeout=WAIT)
        latency = time.monotonic() - dropped
        print(f"\npickup latency, new file -> figure on the open Overview page: {latency:.1f} s")
        assert page.evaluate("window.__not_reloaded === true"), "the page was reloaded"
        # A dropped file is published once nobody has written to it for the settle window (so a
        # copy in progress is never shown cut), seen at the watcher's next look, then loaded.
        assert latency < settle_seconds() + WATCH_SECONDS + 10, f"took {latency:.1f} s"

        # The file is replaced by a broken version: the figure stays, a banner says what to fix.
        (data_copy / "observations" / "staff_update_2025.csv").write_bytes(
            b"indicator;country;year;value\nremittances_pct_gdp;Shqip")
        broken = time.monotonic()
        banner = page.get_by_test_id("stAlert").first
        expect(banner).to_contain_text("staff_update_2025.csv", timeout=WAIT)
        expect(banner).to_contain_text("last good version")
        expect(banner).to_contain_text("stops in the middle of this row")
        print(f"pickup latency, broken replacement -> banner: {time.monotonic() - broken:.1f} s")
        expect(table).to_contain_text(after)
        assert page.evaluate("window.__not_reloaded === true")


def test_the_data_files_tab_shows_a_new_file_live(page, data_copy):
    with streamlit_server(data_copy) as url:
        # Through the navigation, as a person does.
        page.goto(url)
        page.get_by_test_id("stSidebarNav").get_by_text("Data & sources").click()
        expect(page.get_by_text("Sources catalogue")).to_be_visible(timeout=WAIT)
        _wait_until_idle(page)
        page.get_by_role("tab", name="Data files").click()
        expect(page.get_by_text("Every file passed every check.")).to_be_visible(timeout=WAIT)
        (data_copy / "observations" / "z_bad_upload.csv").write_text(
            "indicator,country,year,value\nemigrant_stock,Atlantis,2020,5\n")
        dropped = time.monotonic()
        expect(page.get_by_text("problem(s) found")).to_be_visible(timeout=WAIT)
        print(f"\npickup latency, bad file -> Data files tab: {time.monotonic() - dropped:.1f} s")
        expect(page.get_by_test_id("stAlert").first).to_contain_text("z_bad_upload.csv")
