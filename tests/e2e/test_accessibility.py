"""axe-core on every page in Chromium: no serious or critical accessibility violation.

axe-core is pinned in tests/e2e/axe/package-lock.json and installed by bin/test; it is injected
from that file, so nothing is fetched from a CDN.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from components import pages_registry
from tests.conftest import REPO

pytestmark = pytest.mark.e2e
WAIT = 45_000
AXE_JS = REPO / "tests" / "e2e" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
# Every page of app.py's navigation (the upload page exists only for signed-in staff), from the registry.
PAGES = ["" if page.default else page.slug for page in pages_registry.public()] + [
    "data?revisions=emigrant_stock"]  # Data & sources opened on "What changed between editions"
BLOCKING = ("serious", "critical")

# Violations inside Streamlit's own frontend that no page code can reach. Each entry is one rule
# and the exact element it fires on, never a whole rule: (rule id, CSS selector the node must
# match, why). The rule still runs on everything else.
STREAMLIT_OWN: list[tuple[str, str, str]] = []

# The page is drawn: a title (or the slide), its first chart if it has one, and Streamlit is idle.
RENDERED = """() => {
  const status = document.querySelector('[data-testid=stStatusWidget]');
  if (status && /Running|Connecting/i.test(status.textContent)) return false;
  if (document.querySelector('[data-testid=stSkeleton], [data-stale=true]')) return false;
  const main = document.querySelector('[data-testid=stMain] h1, .present-title');
  if (!main) return false;
  const chart = document.querySelector('.js-plotly-plot .main-svg, [data-testid=stDeckGlJsonChart] canvas');
  const expects = document.querySelector('[data-testid=stPlotlyChart], .stPlotlyChart, [data-testid=stDeckGlJsonChart]');
  return !expects || !!chart;
}"""

RUN_AXE = """async (known) => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  const excused = (rule, target) => {
    const element = document.querySelector(target[target.length - 1]);
    return !!element && known.some(([id, selector]) => id === rule && element.closest(selector));
  };
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.filter(n => !excused(v.id, n.target))
                  .map(n => ({target: n.target.join(' >>> '), html: n.html.slice(0, 160)})),
  })).filter(v => v.nodes.length);
}"""


def wait_until_rendered(page) -> None:
    page.wait_for_function(RENDERED, timeout=WAIT)
    # Charts finish laying out (plotly's relayout, deck.gl's first frame) just after they appear.
    page.wait_for_timeout(1000)
    page.wait_for_function(RENDERED, timeout=WAIT)


def axe_violations(page) -> list[dict]:
    """axe's violations on the page as it is now, minus the Streamlit elements listed above."""
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS} is missing: run bin/test, which installs axe-core with npm ci")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    return page.evaluate(RUN_AXE, [[rule, selector] for rule, selector, _ in STREAMLIT_OWN])


def report(violations: list[dict]) -> str:
    return "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']}\n" + "\n".join(f"    {n['target']}  {n['html']}" for n in v["nodes"])
        for v in violations)


def assert_no_serious_violations(page, where: str) -> None:
    blocking = [v for v in axe_violations(page) if v["impact"] in BLOCKING]
    assert not blocking, f"axe on {where}: {len(blocking)} serious or critical violation(s)\n{report(blocking)}"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: "/" + p)
def test_every_page_has_no_serious_accessibility_violation(page, app_url, path):
    page.goto(f"{app_url}/{path}")
    wait_until_rendered(page)
    assert_no_serious_violations(page, f"/{path}")
    # Again with every "numbers behind this chart" expander open: the tables are checked too.
    summaries = page.locator("[data-testid=stMain] [data-testid=stExpander] summary")
    for index in range(summaries.count()):
        summaries.nth(index).click()
    if summaries.count():
        table = page.locator("[data-testid=stMain] [data-testid=stExpander] [data-testid=stDataFrame]").first
        expect(table).to_be_visible(timeout=WAIT)
        page.wait_for_timeout(500)
        assert_no_serious_violations(page, f"/{path} with its expanders open")
    assert page.request_log.foreign(app_url) == []


@pytest.mark.parametrize("path", ["", "trends", "present"], ids=lambda p: "/" + p)
def test_pages_in_serbian_cyrillic_have_no_serious_accessibility_violation(page, app_url, path):
    page.goto(f"{app_url}/{path}?lang=sr-Cyrl")
    wait_until_rendered(page)
    # The page is in Cyrillic (a story's slides are in the language they were written in; its controls are not).
    worded = page.locator(".st-key-present_next" if path == "present" else "[data-testid=stMain] h1").first
    expect(worded).to_have_text(re.compile("[\u0400-\u04ff]"), timeout=WAIT)
    # ... and says so, so that a screen reader reads it in a Serbian voice.
    assert page.evaluate("document.documentElement.lang") == "sr-Cyrl"
    assert_no_serious_violations(page, f"/{path}?lang=sr-Cyrl")
