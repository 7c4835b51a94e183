"""A shared link opened on a phone (390×844): every chart readable, with its title and source on screen."""

from __future__ import annotations

import itertools

import pytest
from playwright.sync_api import expect

from tests.conftest import REPO

pytestmark = pytest.mark.e2e
WAIT = 45_000
PHONE = {"width": 390, "height": 844}
SCREENSHOTS = REPO / "docs" / "screenshots"

# For each chart in the main column, in page order: the chart's box, its title (the HTML title
# chart_ui writes for phones, else the figure's SVG title; the page heading above a deck.gl map,
# which has no title of its own), the source line (the first caption after the chart), and every SVG text plotly shows.
CHARTS = """() => {
  const visible = (el) => { if (!el) return false; const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
  const box = (el) => { const r = el.getBoundingClientRect();
    return {left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, text: el.textContent.trim()}; };
  const main = document.querySelector('[data-testid=stMain]');
  const all = [...main.querySelectorAll('.chart-title-narrow, h1, h2, h3, .stPlotlyChart, '
                                        + '[data-testid=stDeckGlJsonChart], [data-testid=stCaptionContainer]')];
  return all.map((el, i) => [el, i]).filter(([el]) => el.matches('.stPlotlyChart, [data-testid=stDeckGlJsonChart]'))
    .map(([chart, i]) => {
      const before = all.slice(0, i).reverse();
      // The wrapped HTML title where the page shows one, else the figure's own SVG title.
      const html = before.find(e => e.matches('.chart-title-narrow'));
      const title = !chart.matches('.stPlotlyChart') ? before.find(e => e.matches('h1, h2, h3'))
                    : visible(html) ? html : chart.querySelector('.gtitle');
      const source = all.slice(i + 1).find(e => e.matches('[data-testid=stCaptionContainer]'));
      const texts = [...chart.querySelectorAll('.main-svg text')].filter(t => visible(t) && t.textContent.trim())
                                                               .map(box);
      const plot = chart.querySelector('.nsewdrag, .maplibregl-canvas, canvas') || chart;
      const plots = [...chart.querySelectorAll('.nsewdrag')].map(box);
      const notes = [...chart.querySelectorAll('.infolayer .annotation text')].filter(visible).map(box);
      const scroller = chart.closest('[class*="st-key-wide_chart_"]');
      return {kind: chart.matches('.stPlotlyChart') ? 'plotly' : 'deck', chart: box(chart), plot: box(plot),
              plots, notes, scroller: scroller && {...box(scroller), scrolls: scroller.scrollWidth > scroller.clientWidth},
              panels: chart.querySelectorAll('.main-svg .nsewdrag').length,
              title: visible(title) ? box(title) : null, source: visible(source) ? box(source) : null, texts};
    });
}"""

PAGES = {
    "overview": "",
    "map": "map?countries=all&type=Emigration&indicator=emigrant_stock&year=2020",
    "corridors": "corridors?origin=MDA&since=2000&year=2020&indicator=emigrant_stock",
    "trends": "trends?countries=SRB,MNE,MKD,MDA,BGR&type=Emigration&indicator=emigrant_stock",
    "compare": "compare?countries=MKD,SRB,MNE,ALB&indicator=emigrants_share_of_population&year=2020&since=2000",
    "profile": "profile?country=MDA",
}


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    yield page
    context.close()


def _open(page, url: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", level=1).first).to_be_visible(timeout=WAIT)
    page.wait_for_function("document.querySelectorAll('.js-plotly-plot .main-svg, [data-testid=stDeckGlJsonChart] canvas')"
                           ".length > 0", timeout=WAIT)
    page.wait_for_timeout(500)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=WAIT)


def _inside(what: str, box: dict, slack: float = 1.0) -> None:
    assert box["left"] >= -slack and box["right"] <= PHONE["width"] + slack, (
        f"{what} runs off the screen ({box['left']:.0f}–{box['right']:.0f} px of {PHONE['width']}): {box['text'][:80]!r}")


@pytest.mark.parametrize("name", list(PAGES))
def test_every_chart_shows_its_title_and_source_inside_a_phone_screen(phone, app_url, name):
    _open(phone, f"{app_url}/{PAGES[name]}")
    count = len(phone.evaluate(CHARTS))
    assert count, f"no chart on {name}"
    for index in range(count):
        phone.locator(".stPlotlyChart, [data-testid=stDeckGlJsonChart]").nth(index).scroll_into_view_if_needed()
        phone.wait_for_timeout(300)
        chart = phone.evaluate(CHARTS)[index]
        where = f"{name}, chart {index + 1} ({chart['kind']})"
        assert chart["title"] is not None, f"{where}: no visible title"
        assert chart["source"] is not None, f"{where}: no visible source line"
        assert "Source" in chart["source"]["text"] or "Computed" in chart["source"]["text"], chart["source"]["text"]
        _inside(f"{where}: the title", chart["title"])
        _inside(f"{where}: the source line", chart["source"])
        if chart["panels"] > 2:
            # Side-by-side panels keep a readable width and scroll sideways inside their own box.
            assert chart["scroller"] and chart["scroller"]["scrolls"], f"{where}: panels squeezed into the screen"
            _inside(f"{where}: the scrolling box", chart["scroller"])
            frame = chart["chart"]
        else:
            _inside(f"{where}: the chart", chart["chart"])
            frame = {"left": 0, "right": PHONE["width"]}
        # Legend entries, axis titles, labels: nothing plotly draws is cut off.
        for text in chart["texts"]:
            assert frame["left"] - 2 <= text["left"] and text["right"] <= frame["right"] + 2, (
                f"{where}: chart text cut off ({text['left']:.0f}–{text['right']:.0f}): {text['text'][:60]!r}")
        # The plot gets the screen's width, not what a legend beside it leaves; each panel a readable one.
        for plot in chart["plots"] or [chart["plot"]]:
            assert plot["width"] >= (300 if name in ("map", "corridors") else 130), (
                f"{where}: plot squeezed to {plot['width']:.0f} px")
        # Panel titles, reference labels and the like do not run into each other.
        for a, b in itertools.combinations(chart["notes"], 2):
            apart = (a["right"] <= b["left"] + 1 or b["right"] <= a["left"] + 1
                     or a["bottom"] <= b["top"] + 1 or b["bottom"] <= a["top"] + 1)
            assert apart, f"{where}: {a['text'][:40]!r} overlaps {b['text'][:40]!r}"
        if chart["kind"] == "plotly":
            # The wrapped HTML title replaces the figure's one-line SVG title on a phone.
            svg_title = phone.locator(".stPlotlyChart, [data-testid=stDeckGlJsonChart]").nth(index).locator(".gtitle")
            expect(svg_title).to_be_hidden()
        if (name, index) in (("map", 0), ("trends", 0), ("profile", 0), ("compare", 1)):
            phone.screenshot(path=SCREENSHOTS / f"phone_{name}.png")


def test_on_a_wide_screen_the_figure_keeps_its_own_title(page, app_url):
    page.goto(f"{app_url}/{PAGES['map']}")
    page.wait_for_selector(".js-plotly-plot .gtitle", timeout=WAIT)
    expect(page.locator(".js-plotly-plot .gtitle").first).to_be_visible()
    expect(page.locator(".chart-title-narrow").first).to_be_hidden()
