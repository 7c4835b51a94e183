"""The map legend's classes meet: no "600,000 – 900,000" followed by "1 million – 1.68 million"."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from components import indicator_facts, maps, views
from components.i18n import texts


def _legend(values: pd.Series, unit: str, tx=None) -> list[tuple[float, float, str, str]]:
    """The classes as the legend shows them: only those with a country in them, with their edges' text."""
    bins = maps.classes(values)
    assigned = maps.assign(values, bins)
    shown = [bins[i] for i in range(len(bins)) if (assigned == i).any()]
    tx = tx or texts("en")
    return [(low, high, maps.format_number(low, unit, tx), maps.format_number(high, unit, tx))
            for low, high, _ in shown]


def _gaps(legend) -> list[str]:
    return [f"{a[2]} – {a[3]} then {b[2]} – {b[3]}" for a, b in zip(legend, legend[1:])
            if a[1] != b[0] or a[3] != b[2]]


def _maps_in_the_shipped_data(dataset):
    """(indicator, year, view, values, unit) for every map the map page can draw."""
    observations = dataset.observations
    for indicator in sorted(views.indicators_with_totals(observations)):
        meta = dataset.indicator(indicator)
        for year in sorted(set(observations.loc[observations["indicator"] == indicator, "year"])):
            frame = views.map_values(observations, indicator, int(year))
            if frame["value"].notna().any():
                yield indicator, year, "absolute", frame["value"], meta["unit"]
                if meta.get("denominator"):
                    per, unit = views.per_population(frame, observations, meta["unit"], meta["source_id"])
                    if per["value"].notna().any():
                        yield indicator, year, "per_population", per["value"], unit


def test_legend_classes_meet_for_every_indicator_and_year_in_the_shipped_data(dataset):
    checked, gaps = 0, {}
    for indicator, year, view, values, unit in _maps_in_the_shipped_data(dataset):
        checked += 1
        legend = _legend(values, unit)
        assert legend, (indicator, year, view)
        if _gaps(legend):
            gaps[(indicator, year, view)] = _gaps(legend)
        # Every country with a figure is in a class, and the classes hold nothing else.
        assigned = maps.assign(values, maps.classes(values))
        assert assigned[values.notna()].notna().all() and assigned[values.isna()].isna().all()
    assert checked > 300  # 366 absolute maps in the shipped data, plus the per-population ones
    assert gaps == {}  # 149 of the 366 absolute maps had a gap before classes merged empty ones


# Figures as sources publish them: at most three decimals (a denormal such as 5e-324 is no figure).
finite = st.floats(min_value=-5e7, max_value=5e7, allow_nan=False, allow_infinity=False).map(lambda x: round(x, 3))


@settings(max_examples=400, deadline=None)
@given(st.lists(finite, min_size=1, max_size=12),
       st.sampled_from(["persons", "% of population", "persons per 1,000 residents", "current US$"]))
def test_legend_classes_meet_for_any_set_of_values(values, unit):
    series = pd.Series(values + [math.nan])
    bins = maps.classes(series)
    legend = _legend(series, unit)
    assert len(legend) == len(bins), "every class holds a value, so none is left out of the legend"
    assert _gaps(legend) == []
    assert legend[0][0] <= min(values) and legend[-1][1] >= max(values)
    if min(values) < 0 < max(values):
        assert 0.0 in [high for _, high, _, _ in legend], "the two sides meet at 0"


@pytest.mark.parametrize("code", ["en", "sr-Latn", "bg"])
def test_the_drawn_legend_lists_meeting_classes(dataset, code):
    """On the figure: Moldova's asylum applicants, 2016, was "1,885 – 5,500" then "15,000 – 20,000"."""
    tx = texts(code)
    frame = views.map_values(dataset.observations, "asylum_applicants", 2016)
    figure = maps.choropleth(frame, dataset.boundaries["region_countries"], title="T",
                             facts=indicator_facts.resolve(dataset, "asylum_applicants", tx), source="S",
                             context_geojson=dataset.boundaries["region_countries"])
    names = [trace.name for trace in figure.data if trace.showlegend and trace.name != tx("map.no_data_class")]
    assert len(names) >= 2
    edges = [name.split(" – ") for name in names]
    assert all(len(pair) == 2 for pair in edges), names
    assert [high for _, high in edges[:-1]] == [low for low, _ in edges[1:]], names
