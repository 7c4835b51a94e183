"""The Actors & initiatives page in Chromium: markers drawn, a click shows the details, no foreign host."""

from __future__ import annotations

import math
import time

import pytest
from playwright.sync_api import expect

from components.actor_map import country_centroids, fit_view, map_points
from components.actors import load_places, read_actors_file
from components.dataset import load_dataset
from tests.conftest import DATA

pytestmark = pytest.mark.e2e
WAIT = 45_000
ROW_HEIGHT = 35  # st.dataframe's row height in pixels, the header row included


def _open_actors(page, app_url):
    page.goto(f"{app_url}/actors")
    expect(page.get_by_role("heading", name="Actors & initiatives")).to_be_visible(timeout=WAIT)
    deck = page.get_by_test_id("stDeckGlJsonChart")
    expect(deck.locator("canvas").first).to_be_visible(timeout=WAIT)
    expect(page.get_by_test_id("stDataFrame")).to_be_visible(timeout=WAIT)
    return deck


def _details(page):
    return page.locator(".st-key-actor_details")


def _painted_colours(page) -> set[tuple[int, int, int]]:
    """The distinct opaque colours on the deck.gl canvas (read back through a 2D copy)."""
    return set(map(tuple, page.evaluate("""() => {
        const source = document.querySelector('[data-testid=stDeckGlJsonChart] canvas');
        const copy = document.createElement('canvas');
        copy.width = source.width; copy.height = source.height;
        const context = copy.getContext('2d');
        context.drawImage(source, 0, 0);
        const pixels = context.getImageData(0, 0, copy.width, copy.height).data;
        const seen = new Set();
        for (let i = 0; i < pixels.length; i += 4) {
            if (pixels[i + 3] === 255) seen.add(pixels[i] + ',' + pixels[i + 1] + ',' + pixels[i + 2]);
        }
        return [...seen].map(s => s.split(',').map(Number));
    }""")))


VERMILLION, GREEN = (213, 94, 0), (0, 158, 115)  # local migration profile, diaspora guide


def _markers_painted(page) -> set[tuple[int, int, int]]:
    """The canvas's colours once deck.gl has drawn the markers (instead of waiting a fixed time)."""
    deadline = WAIT / 1000
    start = time.monotonic()
    while True:
        colours = _painted_colours(page)
        if {VERMILLION, GREEN} <= colours or time.monotonic() - start > deadline:
            return colours
        page.wait_for_timeout(100)


@pytest.fixture(scope="module")
def shipped():
    """The shipped entries, the country boundaries and the view the page fits to all markers."""
    boundaries = load_dataset(DATA).boundaries["region_countries"]
    entries, _ = read_actors_file(DATA / "actors" / "actors.csv", load_places(DATA / "places" / "places.csv"))
    return boundaries, fit_view(map_points(entries, boundaries))


def _screen_position(box, view, longitude, latitude):
    """Where a point is drawn on the map, from the initial view (Web Mercator, 512-pixel world)."""
    scale = 512 * 2 ** view.zoom

    def mercator(lat):
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    x = box["x"] + box["width"] / 2 + (longitude - view.longitude) / 360 * scale
    y = box["y"] + box["height"] / 2 - (mercator(latitude) - mercator(view.latitude)) / (2 * math.pi) * scale
    return x, y


def test_markers_render_and_a_table_row_shows_its_details(page, app_url):
    deck = _open_actors(page, app_url)
    table = page.get_by_test_id("stDataFrame")
    expect(page.get_by_text("14 of 14 entries")).to_be_visible()
    # The grid is drawn on a canvas; its accessible copy holds the cell text.
    expect(table).to_contain_text("Local migration profile of Kikinda", timeout=WAIT)
    expect(table).to_contain_text("Diaspora guides of Veliko Gradište")
    colours = _markers_painted(page)
    assert VERMILLION in colours, "no vermillion local-migration-profile marker on the map"
    assert GREEN in colours, "no green diaspora-guide marker on the map"

    # Row 9 (after the header) is Zvezdara's migration profile; click its selection cell.
    box = table.bounding_box()
    row = 9
    page.mouse.click(box["x"] + 14, box["y"] + ROW_HEIGHT * row + ROW_HEIGHT / 2)
    expect(page.get_by_role("heading", name="Local migration profile of Zvezdara (Belgrade)")).to_be_visible(timeout=WAIT)
    details = _details(page)
    expect(details).to_contain_text("Where: Zvezdara, Serbia")
    expect(details).to_contain_text("Source: Returning Point")
    expect(details.locator("blockquote")).to_contain_text("Participants highlighted several examples")
    assert deck.is_visible()
    page.wait_for_timeout(1000)
    assert page.request_log.foreign(app_url) == []


def test_clicking_a_marker_shows_its_details(page, app_url, shipped):
    deck = _open_actors(page, app_url)
    _markers_painted(page)
    box = deck.locator("canvas").first.bounding_box()
    x, y = _screen_position(box, shipped[1], 20.46528, 45.82972)  # Kikinda
    page.mouse.move(x, y)
    expect(deck).to_contain_text("Local migration profile of Kikinda", timeout=WAIT)  # the tooltip
    page.mouse.click(x, y)
    expect(page.get_by_role("heading", name="Local migration profile of Kikinda")).to_be_visible(timeout=WAIT)
    expect(_details(page)).to_contain_text("Where: Kikinda, Serbia")
    expect(_details(page).locator("blockquote")).to_contain_text(
        "local migration profiles in Belgrade (Zvezdara) and Kikinda")
    page.wait_for_timeout(1000)
    assert page.request_log.foreign(app_url) == []


def test_country_level_entries_say_so_in_the_tooltip(page, app_url, shipped):
    deck = _open_actors(page, app_url)
    _markers_painted(page)
    box = deck.locator("canvas").first.bounding_box()
    boundaries, view = shipped
    x, y = _screen_position(box, view, *country_centroids(boundaries)["MNE"])
    page.mouse.move(x, y)
    expect(deck).to_contain_text("country-level entry, no exact place", timeout=WAIT)
    assert page.request_log.foreign(app_url) == []
