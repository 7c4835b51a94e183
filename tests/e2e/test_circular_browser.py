"""The circular-migration page and a corridor card in Chromium: opened from their links, nothing fetched
from another host, no serious accessibility violation, and their slides fit a projector."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.test_accessibility import assert_no_serious_violations, wait_until_rendered
from tests.e2e.test_presenter_browser import OVERFLOW

pytestmark = pytest.mark.e2e
WAIT = 45_000


@pytest.mark.parametrize("path, title", [
    ("circular?country=MDA", "Circular migration: Moldova"),
    ("corridor?origin=SRB&destination=DEU", "Serbia → Germany"),
])
def test_each_new_page_opens_from_its_link_offline_and_accessible(page, app_url, path, title):
    page.goto(f"{app_url}/{path}")
    wait_until_rendered(page)
    expect(page.locator("[data-testid=stMain] h1").first).to_have_text(title, timeout=WAIT)
    assert page.locator("[data-testid=stMain] .js-plotly-plot").count() >= 3
    assert_no_serious_violations(page, f"/{path}")
    assert page.request_log.foreign(app_url) == []


def test_a_partner_in_the_corridors_table_opens_its_card(page, app_url):
    page.goto(f"{app_url}/corridors?countries=SRB&origin=SRB&indicator=emigrant_stock")
    wait_until_rendered(page)
    page.locator(".st-key-corridor_card_links a", has_text="Germany").first.click()
    expect(page.locator("[data-testid=stMain] h1").first).to_have_text("Serbia → Germany", timeout=WAIT)
    wait_until_rendered(page)
    assert "origin=SRB" in page.url and "destination=DEU" in page.url, "the card's address reopens it"
    assert page.request_log.foreign(app_url) == []


@pytest.mark.parametrize("width, height", [(1920, 1080), (1280, 720)])
@pytest.mark.parametrize("slide, title", [(11, "Moldova: about one return for every three departures"),
                                          (12, "Serbia → Germany: the largest corridor")])
def test_the_circular_and_corridor_slides_fit_the_projector(page, app_url, width, height, slide, title):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{app_url}/present?slide={slide}")
    expect(page.locator(".present-title")).to_have_text(title, timeout=WAIT)
    chart = page.locator(f".st-key-present_slide_{slide} .js-plotly-plot .main-svg").first
    expect(chart).to_be_visible(timeout=WAIT)
    page.wait_for_function(
        "() => !document.querySelector('[data-stale=true]') && document.querySelector('.present-title')",
        timeout=WAIT)
    # Measured in the page, which waits for the chart to be attached: bounding_box() gives None when
    # the presenter's first size measurement re-draws the chart at that moment (once in a full run).
    box = chart.evaluate("e => { const r = e.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}; }")
    layout = page.evaluate(OVERFLOW)
    assert all(down <= 1 and across <= 1 for down, across in layout["over"]), layout
    assert layout["scrollHeight"] <= layout["innerHeight"] + 1
    assert box["width"] >= 0.9 * width and box["height"] >= 0.4 * height
    assert box["y"] + box["height"] <= layout["controlsBottom"] <= height
    assert page.request_log.foreign(app_url) == []
