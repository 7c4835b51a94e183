"""What the [theme] settings cannot say: readable captions and a visible keyboard focus on every page."""

from __future__ import annotations

import streamlit as st

# Streamlit draws captions (our source lines, definitions and chart summaries) at 60 % opacity:
# #828180 on white, 3.9:1, under WCAG AA's 4.5:1 for 14 px text. #52606d is the
# colour of the source line inside the charts (charts.house_style): 6.5:1 on white, 5.8:1 on the
# sidebar's grey. A keyboard user must see where the focus is; Streamlit's buttons show only a
# faint tint, so every focused control also gets an outline in the primary colour.
CSS = """
<style>
[data-testid="stCaptionContainer"] { color: #52606d !important; opacity: 1 !important; }
:is(button, a, summary, [role="button"], [role="tab"], [role="slider"], [role="radio"]):focus-visible {
  outline: 3px solid #0072B2 !important; outline-offset: 2px !important; }
</style>
"""


def readable_styles() -> None:
    st.html(CSS)
