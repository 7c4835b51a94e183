"""Large value ticks in the reader's language: '1,5 мил.' on a Serbian chart, never plotly's '1.5M'."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, strategies as st

from components import scenes
from components.i18n import texts
from components.value_ticks import localize_value_axes, nice_ticks, short_number
from tests.unit.test_link_parsing import shipped

# What plotly writes whatever the language (CLDR's own short forms, e.g. Romanian "250 K", are fine).
PLOTLY_ABBREVIATION = re.compile(r"\d(k|M|B|G)\b")  # 500k, 1.5M, 2B: plotly writes the letter right after the number
LANGUAGES = ("sr-Latn", "sr-Cyrl", "mk", "bg", "ro", "sq")


@given(st.floats(-1e10, 1e10, allow_subnormal=False), st.floats(-1e10, 1e10, allow_subnormal=False))
def test_ticks_are_round_steps_that_cover_zero_and_both_ends(a, b):
    low, high = min(a, b), max(a, b)
    ticks = nice_ticks(low, high)
    if min(low, 0) == max(high, 0):
        assert ticks == []
        return
    tolerance = (ticks[1] - ticks[0]) * 1e-6  # a value a millionth of a step past a tick is on it
    assert ticks[0] <= min(low, 0) + tolerance and ticks[-1] >= max(high, 0) - tolerance and 0 in ticks
    steps = {round(later - earlier, 6) for earlier, later in zip(ticks, ticks[1:])}
    assert len(steps) == 1, ticks  # evenly spaced
    assert 2 <= len(ticks) <= 13


def test_short_numbers_are_the_languages_own():
    assert short_number(1_500_000, "sr_Cyrl") == "1,5\xa0мил."
    assert short_number(2_000_000_000, "sr_Latn") == "2\xa0mlrd."
    assert short_number(250_000, "mk") == "250\xa0илј."
    assert short_number(-20_000, "bg") == "-20\xa0хил."
    assert short_number(0, "ro") == "0"


def test_an_english_chart_keeps_plotlys_own_ticks_and_small_numbers_are_left_alone():
    for locale, values in (("en", [10, 2_000_000]), ("sr_Cyrl", [12.5, 33.1])):
        layout = {"yaxis": {}}
        localize_value_axes([{"type": "scatter", "x": [2000, 2010], "y": values}], layout, locale)
        assert "tickvals" not in layout["yaxis"], locale


def test_the_value_axis_is_found_for_lines_bars_and_dots_against_names():
    layout = {}
    localize_value_axes([{"type": "bar", "orientation": "h", "x": [5_000, 90_000], "y": ["Srbija", "Albanija"]},
                         {"type": "scatter", "x": [2_000, 7_000], "y": ["Srbija", "Srbija"], "xaxis": "x2"},
                         {"type": "bar", "x": ["2010–2015", "2015–2020"], "y": [-4_000, 12_000], "yaxis": "y3"}],
                        layout, "sr_Latn")
    assert set(layout) == {"xaxis", "xaxis2", "yaxis3"}
    assert layout["yaxis3"]["ticktext"][0].startswith("-") and "0" in layout["yaxis3"]["ticktext"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_profile_or_compare_chart_writes_english_abbreviations_in_another_language(code):
    data, tx = shipped(), texts(code)
    figures = []
    for country in ("SRB", "MDA", "ALB"):
        facts, _, charts, _ = scenes.profile_scene(data, country, tx)
        figures += [chart["figure"] for chart in charts]
    figures.append(scenes.multiples_scene(data, ("MKD", "SRB", "MNE", "ALB"), tx).figure)
    checked = 0
    for figure in figures:
        for axis in [figure.layout[name] for name in figure.layout if name.startswith(("xaxis", "yaxis"))]:
            if axis.ticktext:
                checked += 1
                for text in axis.ticktext:
                    assert not PLOTLY_ABBREVIATION.search(text), (code, figure.layout.title.text, list(axis.ticktext))
    assert checked >= 6, f"{code}: only {checked} axes had ticks of their own"
