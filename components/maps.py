"""Choropleth maps built on the shipped GeoJSON only: no tiles, no topojson, no other host.

Plotly's `geo` traces fetch a world topojson from a CDN even with our own GeoJSON, so we use the
MapLibre-based `choroplethmap` with the built-in 'white-bg' style, which loads nothing.
Values are put into a few classes: on a projector five shades read better than a gradient.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from components.charts import figure_from, house_layout
from components.formatting import format_number
from components.i18n import Texts, english
from components.indicator_facts import IndicatorFacts

SEQUENTIAL = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]  # ColorBrewer Blues
NEGATIVE = ["#b35806", "#e08214", "#fdb863"]  # PuOr, orange side: more people left
POSITIVE = ["#b2abd2", "#8073ac", "#542788"]  # PuOr, purple side: more people arrived
NO_DATA = "#f2f2f2"
CONTEXT = "#e6e6e6"
REGION_VIEW = dict(center={"lat": 43.6, "lon": 22.8}, zoom=4.55)
MAP_BOTTOM = 170  # pixels under the map for its legend and source line


def _nice(value: float) -> float:
    if value == 0 or not math.isfinite(value):
        return value
    magnitude = 10 ** math.floor(math.log10(abs(value)))
    return round(value / magnitude * 2) / 2 * magnitude


def classes(values: pd.Series, count: int = 5) -> list[tuple[float, float, str]]:
    """(low, high, colour) classes from quantiles, rounded to readable edges; diverging around 0.

    Adjacent classes meet (each one's high is the next one's low) and every class holds at least
    one value: the legend lists only classes with a country in them, so an empty one would show
    as a gap ("600,000 – 900,000" then "1 million – 1.68 million").
    """
    data = values.dropna().astype(float)
    if data.empty:
        return []
    if data.min() < 0 < data.max():
        # Both sides meet at 0: the orange side ends there, the purple side starts there.
        negative = _edges(data[data < 0], len(NEGATIVE), high=0.0)
        positive = _edges(data[data >= 0], len(POSITIVE), low=0.0)
        return ([(lo, hi, NEGATIVE[-len(negative):][i]) for i, (lo, hi) in enumerate(negative)]
                + [(lo, hi, POSITIVE[i]) for i, (lo, hi) in enumerate(positive)])
    if data.min() >= 0:
        edges = _edges(data, count)
        palette = SEQUENTIAL[-len(edges):]
    else:
        # Every value negative (e.g. net migration of two countries that both lose people): the
        # orange side only, with as many classes as it has colours, the lightest nearest to zero.
        edges = _edges(data, len(NEGATIVE))
        palette = NEGATIVE[-len(edges):]
    return [(lo, hi, palette[i]) for i, (lo, hi) in enumerate(edges)]


def _edges(data: pd.Series, count: int, low: float | None = None, high: float | None = None
           ) -> list[tuple[float, float]]:
    """Consecutive (low, high) pairs from rounded quantiles; `low`/`high` fix the outer edges."""
    points = sorted(set(_nice(q) for q in np.quantile(data, np.linspace(0, 1, count + 1))))
    if len(points) == 1:  # one value, or values that all round alike: one class around them
        points = [data.min(), data.max()]
    points[0], points[-1] = min(points[0], data.min()), max(points[-1], data.max())
    if low is not None:
        points[0] = low
    if high is not None:
        points[-1] = high
    if points[0] == points[-1]:
        return [(points[0], points[-1])]
    values = data.to_numpy()
    # A class no value falls in is merged into its neighbour, so that the legend, which lists only
    # the classes with a country in them, shows no gap. The last class includes its upper edge.
    kept = list(points)
    index = 0
    while index < len(kept) - 1 and len(kept) > 2:
        last = index == len(kept) - 2
        inside = (values >= kept[index]) & ((values <= kept[index + 1]) if last else (values < kept[index + 1]))
        if inside.any():
            index += 1
        elif last:
            del kept[index]  # the empty top class joins the one below it
        else:
            del kept[index + 1]  # an empty class joins the one above it
    return list(zip(kept[:-1], kept[1:]))


def assign(values: pd.Series, bins: list[tuple[float, float, str]]) -> pd.Series:
    """The class index of each value (the last class includes its upper edge); NaN stays NaN."""
    result = pd.Series(np.nan, index=values.index)
    for index, (low, high, _) in enumerate(bins):
        last = index == len(bins) - 1
        inside = (values >= low) & ((values <= high) if last else (values < high))
        result[inside & result.isna()] = index
    return result


def choropleth(frame: pd.DataFrame, geojson: dict, *, title: str, facts: IndicatorFacts, source: str,
               code_column: str = "country", names: dict | None = None,
               context_geojson: dict | None = None, view: dict | None = None) -> go.Figure:
    """One trace per class so that the legend lists classes; 'No data' is its own, paler class.

    `title` and `source` come already in the reader's language; `facts` (components/indicator_facts.py)
    give the unit numbers are written in and its words, and their language words the rest.
    """
    tx, unit = facts.tx, facts.unit
    names = names or {}
    frame = frame.copy()
    frame["name"] = frame[code_column].map(lambda c: names.get(c) or tx.country(c))
    bins = classes(frame["value"])
    frame["class"] = assign(frame["value"], bins)
    frame["label"] = frame["value"].map(lambda v: format_number(v, unit, tx))
    # A percentage or an amount in US$ already says its unit in the formatted value.
    shown_unit = "" if unit.startswith("%") or "US$" in unit else " " + facts.unit_text
    hover = ("<b>%{customdata[0]}</b><br>%{customdata[1]}" + shown_unit
             + "<br>" + tx("map.hover_year", year="%{customdata[2]}") + "<br>" + source + "<extra></extra>")
    traces = []
    if context_geojson is not None:
        shown = set(frame[code_column])
        others = [f["properties"]["code"] for f in context_geojson["features"] if f["properties"]["code"] not in shown]
        traces.append(dict(
            type="choroplethmap", geojson=_subset(context_geojson, set(others)), locations=others, z=[0] * len(others),
            featureidkey="properties.code", colorscale=[[0, CONTEXT], [1, CONTEXT]], showscale=False,
            hoverinfo="skip", marker=dict(line=dict(color="white", width=0.8)), showlegend=False,
            name=tx("map.other_countries")))
    groups = [(class_label(lo, hi, unit, tx), colour, frame["class"] == i, "#4a4a4a")
              for i, (lo, hi, colour) in enumerate(bins)]
    groups.append((tx("map.no_data_class"), NO_DATA, frame["class"].isna(), "#9a9a9a"))
    for label, colour, mask, outline in groups:
        part = frame[mask]
        if part.empty:
            continue
        traces.append(dict(
            type="choroplethmap", geojson=_subset(geojson, set(part[code_column])), locations=part[code_column],
            z=[1] * len(part), featureidkey="properties.code", colorscale=[[0, colour], [1, colour]],
            showscale=False, name=label, showlegend=True, marker=dict(line=dict(color=outline, width=1.2)),
            customdata=np.stack([part["name"], part["label"], part["year"].astype(str)], axis=1),
            hovertemplate=hover))
    layout = house_layout(title, source, height=640 + MAP_BOTTOM - 60, tx=tx, showlegend=len(traces) > 1)
    # The legend goes under the map, in rows that wrap with the width: beside the map it took half
    # a phone's width and squeezed the map to 155 px. The source line closes the figure, under the
    # legend, with room for the legend's rows on a 390 px screen (five rows of two classes).
    layout["annotations"][-1]["yshift"] = -(MAP_BOTTOM - 30)
    layout.update(map=dict(style="white-bg", **(view or REGION_VIEW)),
                  legend=dict(title=dict(text=facts.unit_text, side="top"), orientation="h", x=0, xanchor="left",
                              y=0, yanchor="top", bgcolor="rgba(255,255,255,0.85)", font=dict(size=16)),
                  showlegend=True, margin=dict(l=0, r=0, t=60, b=MAP_BOTTOM, autoexpand=False))
    return figure_from(traces, layout)


def class_label(low: float, high: float, unit: str, tx: Texts | None = None) -> str:
    """A shading class as the legend names it: '10,000 – 50,000'."""
    tx = tx or english()
    return tx("map.class_range", low=format_number(low, unit, tx), high=format_number(high, unit, tx))


class SharedShapes(dict):
    """A trace's GeoJSON, never changed once built: plotly deep-copies every trace when the figure is
    built and again each time it is drawn (st.plotly_chart), which for a map's shapes cost more than
    the rest of a new map view together. The copies can share the one collection instead."""

    def __deepcopy__(self, memo):
        return self


def _subset(collection: dict, codes: set) -> dict:
    """Only the shapes a trace draws: plotly sends a trace's GeoJSON with it, whole."""
    return SharedShapes(type="FeatureCollection",
                        features=[f for f in collection["features"] if f["properties"]["code"] in codes])


def subnational_geometry(codes: pd.Series, boundaries: dict[str, dict]) -> tuple[str, dict] | None:
    """The boundary file (admin-1 or NUTS) that holds the most of these region codes."""
    wanted = set(codes.dropna())
    best = None
    for name in ("region_nuts", "region_admin1"):
        collection = boundaries.get(name)
        if not collection:
            continue
        have = {f["properties"]["code"] for f in collection["features"]}
        hits = len(wanted & have)
        if hits and (best is None or hits > best[0]):
            best = (hits, name, collection)
    return (best[1], best[2]) if best else None
