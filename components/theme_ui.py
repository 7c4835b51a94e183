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
CSS = """
<style>
[data-testid="stCaptionContainer"] { color: #52606d !important; opacity: 1 !important; }
:is(button, a, summary, [role="button"], [role="tab"], [role="slider"], [role="radio"]):focus-visible {
  outline: 3px solid #0072B2 !important; outline-offset: 2px !important; }
</style>
"""
# Streamlit's page always says <html lang="en">; a screen reader would read Serbian in an English voice.
LANGUAGE_JS = "<script>document.documentElement.lang = {code};</script>"


def accessible_page(language: str) -> None:
    """On every page: the styles above, and the page's language (a BCP 47 code such as sr-Cyrl)."""
    st.html(CSS)
    # In the sidebar: an element in the main column would take a line of height, and presenter
    # mode fits each slide to exactly one screen (the sidebar is hidden there, the script still runs).
    with st.sidebar:
        st.html(LANGUAGE_JS.format(code=json.dumps(language)), unsafe_allow_javascript=True)
