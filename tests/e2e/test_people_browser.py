"""Moldova's profile in Chromium: the age pyramid and the education chart are drawn, from this host only."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
WAIT = 60_000

# Bars drawn in the plotly chart whose title contains the given words (0 until it is drawn).
BARS_UNDER_TITLE = """(words) => {
  for (const plot of document.querySelectorAll('.js-plotly-plot')) {
    const title = plot.querySelector('.gtitle');
    if (title && title.textContent.includes(words)) return plot.querySelectorAll('.bars path').length;
  }
  return 0;
}"""


def test_moldovas_profile_draws_the_pyramid_and_the_education_chart_offline(page, app_url):
    page.goto(f"{app_url}/profile?countries=MDA")
    expect(page.get_by_role("heading", level=1).first).to_have_text("Migration profile: Moldova", timeout=WAIT)
    expect(page.get_by_text("Who the migrants are: sex, age and education")).to_be_visible(timeout=WAIT)
    # 16 age groups for men and 16 for women; four education levels.
    page.wait_for_function(f"({BARS_UNDER_TITLE})('by age and') >= 32", timeout=WAIT)
    page.wait_for_function(f"({BARS_UNDER_TITLE})('by education') >= 4", timeout=WAIT)
    assert page.evaluate(BARS_UNDER_TITLE, "by age and") == 32
    expect(page.get_by_text("Immigrants in Moldova by age and sex, 2024 — ", exact=False)).to_be_attached()
    expect(page.get_by_text("International Migrant Stock 2024", exact=False).first).to_be_attached()
    expect(page.get_by_text("Source: OECD, Database on Immigrants in OECD", exact=False).first).to_be_attached()
    assert page.request_log.foreign(app_url) == []


@pytest.mark.parametrize("path", ["profile?countries=MDA&lang=sr-Cyrl", "compare?countries=MDA,SRB,XKX&lang=sr-Cyrl"])
def test_the_new_charts_in_serbian_cyrillic_have_no_serious_accessibility_violation(page, app_url, path):
    from tests.e2e.test_accessibility import assert_no_serious_violations, wait_until_rendered

    page.goto(f"{app_url}/{path}")
    wait_until_rendered(page)
    words = "узрасту" if path.startswith("profile") else "образовању"  # one word: titles wrap
    expect(page.locator(".js-plotly-plot .gtitle", has_text=words).first).to_be_attached(timeout=WAIT)
    assert_no_serious_violations(page, path)
    assert page.request_log.foreign(app_url) == []
