"""What the [theme] settings cannot say: readable captions, a visible keyboard focus, the page's language."""

from __future__ import annotations

import json

import streamlit as st

# Streamlit draws captions (our source lines, definitions and chart summaries) at 60 % opacity:
# #828180 on white, 3.9:1, under WCAG AA's 4.5:1 for 14 px text. #52606d is the colour of the
# source line inside the charts (charts.house_style): 6.5:1 on white, 5.8:1 on the sidebar's grey.
# A keyboard user must see where the focus is: Streamlit's page links show none, and its buttons
# only a ring in the primary colour at half strength (about 2:1 on white, under WCAG's 3:1), so
# every focused control gets a solid outline in the primary colour (5.1:1).
#
# On a phone (issue 15): plotly draws a chart's title and source line as single lines of SVG text,
# which it cannot wrap to the screen, so at 390 px they ran off both edges. Below PHONE_WIDTH the
# page shows the title as HTML above the chart (chart_ui.show_chart writes it, hidden on wider
# screens) and the source line as the caption under it (always there), and hides the SVG copies.
# The figure keeps both, so a PNG saved from plotly's toolbar still carries its title and source.
# Presenter mode draws its own slides and is left alone.
PHONE_WIDTH = 700
# Charts of several panels side by side keep this width on a phone and scroll sideways in their box.
WIDE_CHART = 1000  # three panels of about 300 px: a panel title of 35 characters fits
CSS = """
<style>
[data-testid="stCaptionContainer"] { color: #52606d !important; opacity: 1 !important; }
.chart-title-narrow { font-size: 1.15rem; line-height: 1.3; color: #1f2933; margin: 0 !important; overflow-wrap: anywhere; }
@media (min-width: %(wide)dpx) {
  [data-testid="stElementContainer"]:has(.chart-title-narrow) { display: none !important; } }
@media (max-width: %(narrow)dpx) {
  body:not(:has(.st-key-present_box)) .stPlotlyChart :is(.g-gtitle, .infolayer > g.annotation:last-child) {
    display: none !important; }
  [data-testid="stCaptionContainer"] { overflow-wrap: anywhere; }
  [class*="st-key-wide_chart_"] { overflow-x: auto !important; }
  [class*="st-key-wide_chart_"] > [data-testid="stElementContainer"] { min-width: %(wide_chart)dpx !important; } }
:is(button, a, summary, [role="button"], [role="tab"], [role="slider"], [role="radio"]):focus-visible {
  outline: 3px solid #0072B2 !important; outline-offset: 2px !important; }
</style>
""" % {"wide": PHONE_WIDTH + 1, "narrow": PHONE_WIDTH, "wide_chart": WIDE_CHART}
# Streamlit's page always says <html lang="en">; a screen reader would read Serbian in an English voice.
LANGUAGE_JS = "<script>document.documentElement.lang = {code};</script>"


def accessible_page(language: str) -> None:
    """On every page: the styles above, and the page's language (a BCP 47 code such as sr-Cyrl)."""
    st.html(CSS)
    # In the sidebar: an element in the main column would take a line of height, and presenter
    # mode fits each slide to exactly one screen (the sidebar is hidden there, the script still runs).
    with st.sidebar:
        st.html(LANGUAGE_JS.format(code=json.dumps(language)), unsafe_allow_javascript=True)
