"""The dashboard without a mouse: Tab reaches the filters and the slide controls, keys change them,
and the focused control shows where the focus is."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from tests.e2e.test_accessibility import wait_until_rendered

pytestmark = pytest.mark.e2e
WAIT = 45_000
MOST_TABS = 40  # more presses than any page needs to reach its last sidebar filter

FOCUSED_INSIDE = "selector => !!document.activeElement && !!document.activeElement.closest(selector)"
# The option a combobox has highlighted (react-aria points at it with aria-activedescendant).
HIGHLIGHTED = """() => {
  const id = document.activeElement && document.activeElement.getAttribute('aria-activedescendant');
  const option = id && document.getElementById(id);
  return option ? option.textContent.trim() : null;
}"""
FOCUS_STYLE = """() => {
  const style = getComputedStyle(document.activeElement);
  return {outlineStyle: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth) || 0,
          outlineColor: style.outlineColor, boxShadow: style.boxShadow,
          focusVisible: document.activeElement.matches(':focus-visible')};
}"""


def tab_to(page, selector: str, *, backwards: bool = False) -> int:
    """Press Tab (or Shift+Tab) until the focus is inside `selector`; the number of presses."""
    for presses in range(1, MOST_TABS + 1):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if page.evaluate(FOCUSED_INSIDE, selector):
            return presses
    raise AssertionError(f"{MOST_TABS} presses of Tab never reached {selector}")


def arrow_to(page, option: str, *, most: int = 15) -> None:
    """Move a combobox's highlight with the arrow keys until it is on `option`."""
    page.keyboard.press("ArrowDown")  # opens the list
    for _ in range(most):
        if page.evaluate(HIGHLIGHTED) == option:
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"the arrow keys never highlighted {option!r} (last: {page.evaluate(HIGHLIGHTED)!r})")


def query(page) -> dict[str, list[str]]:
    return parse_qs(urlparse(page.url).query)


def contrast_with_white(css_colour: str) -> float:
    red, green, blue = (int(v) for v in re.findall(r"\d+(?:\.\d+)?", css_colour)[:3])
    channels = [c / 255 for c in (red, green, blue)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def assert_focus_is_visible(page, what: str) -> None:
    style = page.evaluate(FOCUS_STYLE)
    assert style["focusVisible"], f"{what}: focused by keyboard, so :focus-visible applies"
    # WCAG 2.4.7 and 1.4.11: an outline at least 2 px wide with 3:1 contrast against the white page.
    assert style["outlineStyle"] not in ("none", "hidden") and style["outlineWidth"] >= 2, (what, style)
    assert contrast_with_white(style["outlineColor"]) >= 3, (what, style)


def test_the_trends_filters_are_reached_and_changed_with_the_keyboard(page, app_url):
    page.goto(f"{app_url}/trends")
    wait_until_rendered(page)
    assert query(page)["type"] == ["Emigration"] and "ALB" not in query(page)["countries"][0]
    expect(page.locator(".js-plotly-plot .legendtext", has_text="Albania")).to_have_count(0)

    tab_to(page, ".st-key-countries input")
    arrow_to(page, "Albania")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")  # closes the list; the focus stays in the widget
    page.wait_for_function("new URLSearchParams(location.search).get('countries').includes('ALB')", timeout=WAIT)
    expect(page.locator(".js-plotly-plot .legendtext", has_text="Albania")).to_have_count(1, timeout=WAIT)

    tab_to(page, ".st-key-migration_type input")
    arrow_to(page, "Remittances")
    page.keyboard.press("Enter")
    page.wait_for_function("new URLSearchParams(location.search).get('type') === 'Remittances'", timeout=WAIT)
    expect(page.locator(".js-plotly-plot .gtitle").first).to_contain_text("remittances", ignore_case=True, timeout=WAIT)
    # Shift+Tab goes back to the countries, with Albania still chosen.
    tab_to(page, ".st-key-countries", backwards=True)
    expect(page.locator(".st-key-countries")).to_contain_text("Albania")
    assert page.request_log.foreign(app_url) == []


def expect_slide(page, number: int) -> None:
    """The slide is in the URL and on the counter, and Streamlit has finished drawing it."""
    page.wait_for_function(f"new URLSearchParams(location.search).get('slide') === '{number}'", timeout=WAIT)
    expect(page.locator(".present-counter")).to_have_text(re.compile(rf"^{number} / \d+$"), timeout=WAIT)
    # Then idle, as a presenter sees the slide drawn before pressing again (presses made during a
    # run are tested in test_presenter_browser.py::test_quick_presses_are_all_counted).
    wait_until_rendered(page)
    wait_until_rendered(page)


def test_presenter_controls_are_reached_and_used_with_the_keyboard(page, app_url):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{app_url}/present")
    wait_until_rendered(page)
    expect_slide(page, 1)

    tab_to(page, ".st-key-present_next button")
    assert_focus_is_visible(page, "the next-slide button")
    page.keyboard.press("Enter")
    expect_slide(page, 2)
    # The button keeps the focus across the rerun, so Space moves on again.
    assert page.evaluate(FOCUSED_INSIDE, ".st-key-present_next button")
    page.keyboard.press("Space")
    expect_slide(page, 3)

    # The keys a presenter (→ ←) and a slide clicker (PageDown, PageUp) send.
    for key, slide in (("ArrowRight", 4), ("PageDown", 5), ("ArrowLeft", 4), ("PageUp", 3)):
        page.keyboard.press(key)
        expect_slide(page, slide)

    tab_to(page, ".st-key-present_prev button", backwards=True)
    assert_focus_is_visible(page, "the previous-slide button")
    page.keyboard.press("Enter")
    expect_slide(page, 2)
    assert page.request_log.foreign(app_url) == []


def test_sidebar_links_show_the_keyboard_focus(page, app_url):
    page.goto(f"{app_url}/trends")
    wait_until_rendered(page)
    tab_to(page, "[data-testid=stSidebarNavLink]")
    assert_focus_is_visible(page, "the first page link in the sidebar")
