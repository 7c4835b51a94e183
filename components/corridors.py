"""Diaspora corridors: a world map shaded by partner, with arcs sized by the number of people.

Drawn with pydeck on the shipped world GeoJSON and no basemap: leaving `map_style` at pydeck's
default sentinel with `map_provider=None` tells Streamlit to draw no tiles, so nothing is fetched.
"""

from __future__ import annotations

import json
import math

import pandas as pd
import pydeck as pdk

from components.countries import country_name
from components.formatting import format_number
from components.maps import NO_DATA, assign, classes

ORIGIN_COLOUR = [230, 159, 0]  # Okabe-Ito orange
ARC_TARGET = [0, 114, 178]  # Okabe-Ito blue
MAX_ARC_WIDTH = 22
ARCS_SHOWN = 25


class CompactDeck(pdk.Deck):
    """pydeck writes its JSON indented by two spaces; sent compact, the world map is a third the size."""

    _compact: str | None = None

    def to_json(self) -> str:
        # A deck is not changed after it is built, so its JSON is written once.
        if self._compact is None:
            self._compact = json.dumps(json.loads(super().to_json()), separators=(",", ":"))
        return self._compact


def _rgb(hex_colour: str) -> list[int]:
    hex_colour = hex_colour.lstrip("#")
    return [int(hex_colour[i:i + 2], 16) for i in (0, 2, 4)]


def label_points(world: dict) -> dict[str, tuple[float, float]]:
    return {f["properties"]["code"]: (f["properties"]["label_lon"], f["properties"]["label_lat"])
            for f in world["features"] if "label_lon" in f["properties"]}


def corridor_deck(partners: pd.DataFrame, world: dict, *, origin: str, unit: str, year: int,
                  reverse: bool = False) -> pdk.Deck:
    """`partners` has partner, value, share; the origin is the country whose corridors we draw."""
    values = partners.set_index("partner")["value"]
    bins = classes(values)
    klass = assign(values, bins)
    points = label_points(world)
    features = []
    for feature in world["features"]:
        code = feature["properties"]["code"]
        if code == origin:
            fill, text = ORIGIN_COLOUR + [255], "the chosen country"
        elif code in values.index:
            fill = _rgb(bins[int(klass[code])][2]) + [235]
            text = f"{format_number(values[code], unit)} in {year}"
        else:
            fill, text = _rgb(NO_DATA) + [255], "no figure"
        features.append({"type": "Feature", "geometry": feature["geometry"],
                         "properties": {"name": feature["properties"]["name"], "fill": fill, "label": text}})
    shaded = pdk.Layer("GeoJsonLayer", {"type": "FeatureCollection", "features": features},
                       id="countries", get_fill_color="properties.fill", get_line_color=[255, 255, 255],
                       line_width_min_pixels=0.6, pickable=True, stroked=True, filled=True)
    top = partners.dropna(subset=["value"]).head(ARCS_SHOWN)
    largest = top["value"].max() if len(top) else 1
    arcs = []
    for row in top.itertuples():
        if row.partner not in points or origin not in points:
            continue
        start, end = points[origin], points[row.partner]
        if reverse:
            start, end = end, start
        arcs.append({"source": list(start), "target": list(end), "name": country_name(row.partner),
                     "width": max(1.5, MAX_ARC_WIDTH * math.sqrt(row.value / largest)),
                     "label": f"{format_number(row.value, unit)} ({row.share:.1f}% of the total)"})
    arc_layer = pdk.Layer("ArcLayer", arcs, id="corridors", get_source_position="source",
                          get_target_position="target", get_width="width",
                          get_source_color=ORIGIN_COLOUR if not reverse else ARC_TARGET,
                          get_target_color=ARC_TARGET if not reverse else ORIGIN_COLOUR,
                          pickable=True, great_circle=True)
    lon, lat = points.get(origin, (20, 45))
    return CompactDeck(layers=[shaded, arc_layer], map_provider=None,
                    initial_view_state=pdk.ViewState(longitude=lon - 2, latitude=lat + 2, zoom=2.6),
                    tooltip={"html": "<b>{name}</b><br/>{label}"})


def legend_html(partners: pd.DataFrame, unit: str) -> str:
    """The shading classes as a row of coloured keys (pydeck draws no legend of its own)."""
    bins = classes(partners.set_index("partner")["value"])
    keys = [(bin_colour, f"{format_number(low, unit)} – {format_number(high, unit)}") for low, high, bin_colour in bins]
    keys += [("#%02x%02x%02x" % tuple(ORIGIN_COLOUR), "chosen country"), (NO_DATA, "no figure")]
    return " ".join(
        f'<span style="white-space:nowrap;margin-right:1.2em"><span style="display:inline-block;width:1em;'
        f'height:1em;background:{colour};border:1px solid #7b8794;vertical-align:middle;margin-right:.35em">'
        f"</span>{label}</span>" for colour, label in keys)
