"""Chart credits as a reader sees them in Chromium: in the page's language, and whole (not cut off
at the chart's edge: a half-width profile chart lost 'Извор:' once its credit named its periods)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
WAIT = 90_000

# Each chart's last annotation is its source credit (charts.house_layout keeps it last).
CREDITS = """() => [...document.querySelectorAll('.js-plotly-plot')].map(plot => {
    const svg = plot.querySelector('svg.main-svg').getBoundingClientRect();
    const notes = plot.querySelectorAll('.annotation-text');
    const credit = notes[notes.length - 1];
    const box = credit.getBoundingClientRect();
    return {text: credit.textContent, left: box.left - svg.left, right: svg.right - box.right};
})"""


def _credits(page, url: str, expected: str) -> list[dict]:
    page.goto(url)
    expect(page.get_by_role("heading", level=1).first).to_be_visible(timeout=WAIT)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=WAIT)
    page.get_by_text(expected).first.wait_for(state="attached", timeout=WAIT)
    page.wait_for_function("(plots => plots.length > 0 && plots.every(p => p.querySelector('.annotation-text')))"
                           "([...document.querySelectorAll('.js-plotly-plot')])", timeout=WAIT)
    return page.evaluate(CREDITS)


@pytest.mark.parametrize("path, expected", [
    ("profile?countries=SRB&lang=sr-Cyrl", "Abel & Cohen (2019), моделске процене"),
    ("profile?countries=MDA&lang=ro", "Abel & Cohen (2019), estimări pe bază de model"),
    ("corridor?origin=SRB&destination=DEU&lang=sr-Cyrl", "(ревизија 2020), CC BY 3.0 IGO. Година: 1990–2020."),
])
def test_every_charts_credit_is_in_the_pages_language_and_whole(page, app_url, path, expected):
    credits = _credits(page, f"{app_url}/{path}", expected)
    assert credits, "the page drew charts"
    for credit in credits:
        assert "modelled estimates" not in credit["text"] and "Computed from" not in credit["text"], credit
        assert credit["left"] >= 0 and credit["right"] >= 0, f"cut off at the chart's edge: {credit}"
    assert page.request_log.foreign(app_url) == []
