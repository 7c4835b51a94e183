"""The presenter kit in Chromium: the slides file opens with the network blocked and every slide shows;
a plotly chart and a corridor map are saved as PNGs offline."""

from __future__ import annotations

import io
import re

import pytest
import yaml
from PIL import Image
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError, expect

from tests.conftest import DATA, REPO

pytestmark = pytest.mark.e2e
WAIT = 60_000
SCREENSHOTS = REPO / "docs" / "screenshots"
PNG = b"\x89PNG\r\n\x1a\n"


def _titles(language: str) -> list[str]:
    """The default story's slide titles as the file shows them in a language (the author's own wording)."""
    entries = yaml.safe_load((DATA / "stories" / "default.yaml").read_text(encoding="utf-8"))["slides"]
    return [entry.get(f"title_{language}", entry["title"]) for entry in entries]


def _offline(browser, viewport=None):
    """A browser context where every request that is not for a local file fails, and is recorded."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 720})
    asked: list[str] = []

    def block(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            asked.append(url)
            route.abort()

    context.route("**/*", block)
    return context, asked


def _step_through(reader, titles: list[str], screenshots: dict[int, str] | None = None) -> None:
    for number, title in enumerate(titles, start=1):
        slide = reader.locator(f"section#slide-{number}")
        expect(slide).to_be_visible(timeout=WAIT)
        expect(slide.get_by_role("heading", level=1)).to_have_text(title)
        expect(reader.locator("#counter")).to_have_text(f"{number} / {len(titles)}")
        # A chart: plotly's drawn SVG, or the corridor map's picture, decoded and shown.
        reader.wait_for_function(
            """(n) => { const s = document.getElementById('slide-' + n);
                        const svg = s.querySelector('.plot .main-svg'), img = s.querySelector('.chart img');
                        const box = (svg || img) && (svg || img).getBoundingClientRect();
                        return box && box.width > 400 && box.height > 150 && (!img || img.naturalWidth > 0)
                               && (!svg || s.querySelectorAll('.plot .trace, .plot canvas').length > 0); }""",
            arg=number, timeout=WAIT)
        assert reader.locator("section.slide:visible").count() == 1
        if screenshots and number in screenshots:
            reader.wait_for_timeout(600)  # a tile map paints just after its canvas exists
            reader.screenshot(path=SCREENSHOTS / screenshots[number])
        if number < len(titles):
            reader.keyboard.press("ArrowRight" if number % 2 else "PageDown")


def _download(page, button_name, path):
    # Click once the app is idle: a click on a download button that a run in progress is about to
    # replace can be lost (the person would click again; so does this, up to three times).
    for attempt in range(3):
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=WAIT)
        try:
            with page.expect_download(timeout=WAIT // 2) as download:
                page.get_by_role("button", name=button_name).click()
            break
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
    download.value.save_as(path)
    return path


def test_the_slides_from_data_and_sources_open_offline_and_every_slide_shows(page, app_url, browser, tmp_path):
    page.goto(f"{app_url}/data")
    expect(page.get_by_role("heading", name="Slides to take home")).to_be_visible(timeout=WAIT)
    page.get_by_text("Include the speaker notes").click()
    expect(page.get_by_role("checkbox", name="Include the speaker notes")).to_be_checked()
    # The button writes its file when clicked, from the run after the tick: until the server has
    # run it, a click still gives the file without notes, so ask again until the notes are in it.
    for _ in range(20):
        expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=WAIT)
        saved = _download(page, re.compile("Download the slides"), tmp_path / "slides.html")
        if '<details class="notes">' in saved.read_text(encoding="utf-8"):
            break
        page.wait_for_timeout(500)
    assert page.request_log.foreign(app_url) == []

    context, asked = _offline(browser)
    reader = context.new_page()
    reader.goto(saved.as_uri())
    titles = _titles("en")
    _step_through(reader, titles, {1: "story_export_1.png", 3: "story_export_3.png", 5: "story_export_5.png"})
    # Back with the other keys a clicker sends; the speaker notes are in the file when asked for.
    reader.keyboard.press("PageUp")
    expect(reader.locator("#counter")).to_have_text(f"{len(titles) - 1} / {len(titles)}")
    reader.keyboard.press("ArrowLeft")
    expect(reader.locator("#counter")).to_have_text(f"{len(titles) - 2} / {len(titles)}")
    assert reader.locator("details.notes").count() >= 1
    assert asked == [], f"the offline file asked the network for: {asked}"
    context.close()


def test_the_slides_from_presenter_mode_are_in_the_presenters_language(page, app_url, browser, tmp_path):
    page.goto(f"{app_url}/present?story=default&slide=2&lang=sr-Cyrl")
    expect(page.locator(".present-title")).to_be_visible(timeout=WAIT)
    page.get_by_role("button", name=re.compile("Слајдови за понети")).click()
    saved = _download(page, re.compile("Преузми слајдове"), tmp_path / "slides_sr.html")
    assert page.request_log.foreign(app_url) == []

    context, asked = _offline(browser)
    reader = context.new_page()
    reader.goto(saved.as_uri())
    assert reader.evaluate("document.documentElement.lang") == "sr-Cyrl"
    _step_through(reader, _titles("sr-Cyrl"), {4: "story_export_sr-Cyrl_4.png"})
    expect(reader.get_by_role("button", name="Претходни")).to_be_visible()
    assert asked == [], f"the offline file asked the network for: {asked}"
    context.close()


def _png(path) -> Image.Image:
    data = path.read_bytes()
    assert data[:8] == PNG, data[:16]
    return Image.open(io.BytesIO(data)).convert("RGB")


def _dark_rows(picture: Image.Image, top: int, bottom: int) -> int:
    """How many pixel rows between top and bottom hold text-dark pixels."""
    rows = 0
    for y in range(max(top, 0), min(bottom, picture.height)):
        if any(sum(picture.getpixel((x, y))) < 300 for x in range(0, picture.width, 2)):
            rows += 1
    return rows


def test_plotlys_own_png_button_saves_the_chart_with_title_and_source_offline(page, app_url, tmp_path):
    # Everything but the app itself is refused: plotly's toImage must work from what the page has.
    host = app_url.split("//", 1)[1]
    page.context.route("**/*", lambda route: route.continue_() if host in route.request.url
                       or route.request.url.startswith(("data:", "blob:")) else route.abort())
    page.goto(f"{app_url}/trends?countries=SRB,MDA&type=Emigration&indicator=emigrant_stock")
    chart = page.locator(".stPlotlyChart").first
    expect(chart.locator(".main-svg").first).to_be_visible(timeout=WAIT)
    chart.hover()
    with page.expect_download(timeout=WAIT) as download:
        chart.locator(".modebar-btn[data-title*='png' i]").click()
    saved = tmp_path / "chart.png"
    download.value.save_as(saved)
    picture = _png(saved)
    assert picture.width >= 600 and picture.height >= 400 and saved.stat().st_size > 20_000
    # The title is the first text from the top, the source line the last at the bottom (the figure
    # carries both, house_style): dark rows in the top band and in the band below the x axis.
    assert _dark_rows(picture, 0, 50) >= 10
    assert _dark_rows(picture, picture.height - 60, picture.height) >= 6
    assert page.request_log.foreign(app_url) == []


def test_a_corridor_map_is_saved_as_png_offline(page, app_url, tmp_path):
    page.goto(f"{app_url}/corridors?origin=MDA&since=2000&year=2020&indicator=emigrant_stock")
    expect(page.get_by_test_id("stDeckGlJsonChart")).to_be_visible(timeout=WAIT)
    saved = _download(page, "Save map as PNG", tmp_path / "corridors.png")
    picture = _png(saved)
    assert picture.width == 1600 and picture.height > 1000 and saved.stat().st_size > 100_000
    assert (230, 159, 0) in set(picture.get_flattened_data())  # Moldova, the chosen country
    assert _dark_rows(picture, 0, 100) >= 20  # the title
    assert page.request_log.foreign(app_url) == []
