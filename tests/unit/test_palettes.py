"""Colour: palettes safe for colour-blind readers, and series that stay apart in grayscale."""

from __future__ import annotations

import itertools
import json

import pandas as pd
import pytest

from components import charts, maps, views
from components.corridors import ORIGIN_COLOUR, ORIGIN_OUTLINE, corridor_deck, legend_html
from components.countries import REGION
from components.dataset import load_dataset
from components.trend_chart import FLAG_MARKERS, PERIOD_BASIS, trend
from tests.conftest import DATA

# Okabe & Ito (2008), "Color Universal Design": the eight colours told apart with every common
# kind of colour blindness.
OKABE_ITO = {"#000000", "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
# ColorBrewer (colorbrewer2.org), both marked colour-blind safe there.
BREWER_BLUES_6 = ["#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
BREWER_PUOR_8 = ["#b35806", "#e08214", "#fdb863", "#fee0b6", "#d8daeb", "#b2abd2", "#8073ac", "#542788"]
# Two colours less than this far apart in CIE lightness L* (0 black .. 100 white) look alike once
# printed in black and white or washed out by a projector; a chart must then tell them apart by
# something else (marker symbol, hatching, outline).
GRAYSCALE_APART = 20
# Neighbouring classes of a sequential map scale need at least a visible step.
CLASS_STEP = 5


def lightness(hex_colour: str) -> float:
    """CIE L* of an sRGB colour: the grey it becomes in grayscale."""
    hex_colour = hex_colour.lstrip("#")
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    red, green, blue = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return 116 * luminance ** (1 / 3) - 16 if luminance > 216 / 24389 else luminance * 24389 / 27


def _alike(a: str, b: str) -> bool:
    return abs(lightness(a) - lightness(b)) < GRAYSCALE_APART


@pytest.fixture(scope="module")
def every_country():
    """Five years of made-up values for all ten countries: every colour of the palette in use at once."""
    return pd.DataFrame([{"country": code, "year": year, "value": 100.0 + rank * 10 + year % 5, "flag": ""}
                         for rank, code in enumerate(REGION) for year in range(2000, 2025, 5)])


def test_the_lightness_formula_matches_known_greys():
    assert lightness("#000000") == 0 and round(lightness("#ffffff")) == 100
    assert round(lightness("#777777"), 1) == 50.0


def test_the_categorical_palette_is_okabe_ito():
    assert len(charts.PALETTE) == len(set(charts.PALETTE)) == 8
    assert {colour.upper() for colour in charts.PALETTE} == OKABE_ITO


def test_the_map_scales_are_colorbrewer_schemes():
    start = BREWER_BLUES_6.index(maps.SEQUENTIAL[0])
    assert maps.SEQUENTIAL == BREWER_BLUES_6[start:start + len(maps.SEQUENTIAL)]
    assert maps.NEGATIVE == BREWER_PUOR_8[:3] and maps.POSITIVE == BREWER_PUOR_8[-3:]


def test_map_classes_darken_step_by_step_and_no_data_is_paler_than_every_class():
    steps = [lightness(a) - lightness(b) for a, b in zip(maps.SEQUENTIAL, maps.SEQUENTIAL[1:])]
    assert min(steps) >= CLASS_STEP, steps
    assert lightness(maps.NO_DATA) >= lightness(maps.SEQUENTIAL[0]) + CLASS_STEP


def test_diverging_classes_darken_away_from_zero_on_both_sides():
    bins = maps.classes(pd.Series([-9000, -5000, -2000, -500, 300, 1500, 4000, 8000]))
    shades = [(low, lightness(colour)) for low, _, colour in bins]
    negative = [shade for low, shade in shades if low < 0]
    positive = [shade for low, shade in shades if low >= 0]
    assert negative == sorted(negative) and len(set(negative)) == len(negative), "darkest = most people left"
    assert positive == sorted(positive, reverse=True) and len(set(positive)) == len(positive)


def test_consecutive_palette_colours_that_look_alike_in_grayscale_are_drawn_with_different_symbols(every_country):
    differences = {(a, b): round(abs(lightness(a) - lightness(b)), 1) for a, b in zip(charts.PALETTE, charts.PALETTE[1:])}
    alike = [pair for pair, difference in differences.items() if difference < GRAYSCALE_APART]
    # Bluish green and vermilion are 3.6 L* apart: in grayscale, colour alone cannot tell them apart.
    assert alike, differences
    figure = trend(every_country, title="T", unit="persons", source="S", time_basis="calendar year", estimate=False)
    lines = {trace.name: (trace.line.color, trace.marker.symbol) for trace in figure.data if trace.mode == "lines+markers"}
    assert len(lines) == len(REGION)
    used = {colour for colour, _ in lines.values()}
    assert {colour for pair in alike for colour in pair} <= used, "the look-alike pairs are drawn together"
    for (name_a, (colour_a, symbol_a)), (name_b, (colour_b, symbol_b)) in itertools.combinations(lines.items(), 2):
        if colour_a == colour_b or _alike(colour_a, colour_b):
            assert symbol_a != symbol_b, f"{name_a} and {name_b} look alike in grayscale and share a symbol"


def test_each_country_keeps_its_symbol_which_no_data_flag_uses(every_country):
    figure = trend(every_country, title="T", unit="persons", source="S", time_basis="calendar year", estimate=False)
    symbols = [trace.marker.symbol for trace in figure.data if trace.mode == "lines+markers"]
    assert len(set(symbols)) == len(REGION)
    assert not set(symbols) & {symbol for symbol, _ in FLAG_MARKERS.values()}
    one_country = trend(every_country[every_country["country"] == "MDA"], title="T", unit="persons", source="S",
                        time_basis="calendar year", estimate=False)
    assert one_country.data[0].marker.symbol == symbols[list(REGION).index("MDA")]


def test_period_bars_that_look_alike_in_grayscale_are_hatched_differently(every_country):
    figure = trend(every_country, title="T", unit="persons", source="S", time_basis=PERIOD_BASIS, estimate=False)
    bars = {trace.name: (trace.marker.color, trace.marker.pattern.shape or "") for trace in figure.data}
    assert len(bars) == len(REGION)
    assert len(set(bars.values())) == len(REGION), "no two countries share colour and hatching"
    for (name_a, (colour_a, hatch_a)), (name_b, (colour_b, hatch_b)) in itertools.combinations(bars.items(), 2):
        if colour_a == colour_b or _alike(colour_a, colour_b):
            assert hatch_a != hatch_b, f"{name_a} and {name_b} look alike in grayscale and share a hatching"


def test_highlighted_and_muted_bars_and_the_two_years_of_a_dumbbell_differ_in_grayscale():
    assert not _alike(charts.HIGHLIGHT, charts.MUTED)
    change = pd.DataFrame({"country": ["MDA", "SRB"], "from": [1.0, 2.0], "to": [2.0, 3.0]})
    figure = charts.dumbbell(change, year_a=2000, year_b=2020, title="T", unit="persons", source="S")
    dots = [trace.marker.color for trace in figure.data if trace.mode == "markers"]
    assert len(dots) == 2 and not _alike(*dots)


def test_the_corridors_origin_is_outlined_because_its_orange_looks_like_a_partner_class_in_grayscale():
    origin = "#%02x%02x%02x" % tuple(ORIGIN_COLOUR)
    assert any(_alike(origin, shade) for shade in maps.SEQUENTIAL)
    data = load_dataset(DATA)
    partners = views.partners(data.observations, "emigrant_stock", "MDA", 2020)
    spec = json.loads(corridor_deck(partners, data.boundaries["world_countries"], origin="MDA", unit="persons",
                                    year=2020).to_json())
    countries = next(layer for layer in spec["layers"] if layer["@@type"] == "GeoJsonLayer")
    assert countries["getLineColor"] == "@@=properties.line" and countries["lineWidthUnits"] == "pixels"
    features = [feature["properties"] for feature in countries["data"]["features"]]
    outlined = [feature for feature in features if feature["line"] == ORIGIN_OUTLINE]
    assert [feature["name"] for feature in outlined] == ["Moldova"], "only the origin is outlined"
    assert outlined[0]["line_width"] > max(f["line_width"] for f in features if f["line"] != ORIGIN_OUTLINE)
    assert not _alike("#%02x%02x%02x" % tuple(ORIGIN_OUTLINE), origin)
    assert "3px solid #1f2933" in legend_html(partners, "persons")


def test_a_map_where_every_value_is_negative_gets_orange_classes_lightest_near_zero():
    # Net migration for two countries that both lost people: this once raised IndexError.
    values = pd.Series([-52000.0, -31000.0, -18000.0, -9000.0, -4000.0, -1500.0])
    bins = maps.classes(values)
    assert 1 < len(bins) <= len(maps.NEGATIVE)
    assert [colour for _, _, colour in bins] == maps.NEGATIVE[-len(bins):]
    assert bins[0][0] <= values.min() and bins[-1][1] >= values.max()
    assert maps.assign(values, bins).notna().all()
