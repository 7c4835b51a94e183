"""Diaspora corridors: a world map shaded by partner, with arcs sized by the number of people.

Drawn with pydeck on the shipped world GeoJSON and no basemap: leaving `map_style` at pydeck's
default sentinel with `map_provider=None` tells Streamlit to draw no tiles, so nothing is fetched.
"""

from __future__ import annotations

import copy
import html
import json
import math

import pandas as pd
import pydeck as pdk

from components.countries import is_known_code
from components.formatting import format_number
from components.i18n import Texts, english
from components.maps import NO_DATA, assign, class_label, classes

ORIGIN_COLOUR = [230, 159, 0]  # Okabe-Ito orange
# Orange is as light as the middle blue class, so in grayscale only its dark outline marks the origin.
ORIGIN_OUTLINE, ORIGIN_OUTLINE_PX, BORDER_PX = [31, 41, 51], 3, 0.6
ARC_TARGET = [0, 114, 178]  # Okabe-Ito blue
MAX_ARC_WIDTH = 22
ARCS_SHOWN = 25


class CompactDeck(pdk.Deck):
    """pydeck writes its JSON indented by two spaces; sent compact, the world map is a third the size."""

    _compact: str | None = None

    def to_json(self) -> str:
        # A deck is not changed after it is built, so its JSON is written once.
        if self._compact is None:
            self._compact = self._written()
        return self._compact

    def __deepcopy__(self, memo):
        # A copy is made to be changed (components/projector.py thickens the borders for a slide), so
        # it must write its own JSON rather than keep the original's.
        clone = self.__class__.__new__(self.__class__)
        memo[id(self)] = clone
        state = {key: value for key, value in self.__dict__.items() if key != "_compact"}
        clone.__dict__.update(copy.deepcopy(state, memo))
        return clone

    def _written(self) -> str:
        # Written by pydeck, the world's shapes took 0.2 s per new view (indented, parsed, written again).
        # Only the small rest of the deck goes through pydeck here; each shape's JSON is written once per
        # boundary file and pasted in, in the same sorted-key, compact form.
        layers, collections = [], {}
        for layer in self.layers:
            if isinstance(layer.data, dict) and layer.data.get("type") == "FeatureCollection":
                marker = f"@@feature-collection-{len(collections)}@@"
                collections[json.dumps(marker)] = _collection_json(layer.data)
                layer = copy.copy(layer)
                layer._data = marker
            layers.append(layer)
        deck = copy.copy(self)
        deck.layers = layers
        text = json.dumps(json.loads(pdk.Deck.to_json(deck)), separators=(",", ":"))
        for marker, collection in collections.items():
            text = text.replace(marker, collection, 1)
        return text


def _compact_json(value) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def _object_json(parts: dict[str, str]) -> str:
    """A JSON object from already-written values, keys sorted as json.dumps(sort_keys=True) sorts them."""
    return "{" + ",".join(f"{json.dumps(key)}:{parts[key]}" for key in sorted(parts)) + "}"


def _collection_json(collection: dict) -> str:
    parts = {key: _compact_json(value) for key, value in collection.items() if key != "features"}
    features = []
    for feature in collection["features"]:
        written = {key: _compact_json(value) for key, value in feature.items() if key != "geometry"}
        if "geometry" in feature:
            written["geometry"] = _geometry_json(feature["geometry"])
        features.append(_object_json(written))
    parts["features"] = "[" + ",".join(features) + "]"
    return _object_json(parts)


_GEOMETRY_JSON: dict[int, tuple[object, str]] = {}


def _geometry_json(geometry) -> str:
    """A shape's JSON, remembered while the boundary file it belongs to is loaded (decks share its shapes)."""
    hit = _GEOMETRY_JSON.get(id(geometry))
    if hit is None or hit[0] is not geometry:
        if len(_GEOMETRY_JSON) > 4096:  # old boundary files, after the data changed: start again
            _GEOMETRY_JSON.clear()
        hit = (geometry, _compact_json(geometry))
        _GEOMETRY_JSON[id(geometry)] = hit
    return hit[1]


def _rgb(hex_colour: str) -> list[int]:
    hex_colour = hex_colour.lstrip("#")
    return [int(hex_colour[i:i + 2], 16) for i in (0, 2, 4)]


def label_points(world: dict) -> dict[str, tuple[float, float]]:
    return {f["properties"]["code"]: (f["properties"]["label_lon"], f["properties"]["label_lat"])
            for f in world["features"] if "label_lon" in f["properties"]}


def corridor_deck(partners: pd.DataFrame, world: dict, *, origin: str, unit: str, year: int,
                  reverse: bool = False, tx: Texts | None = None) -> pdk.Deck:
    """`partners` has partner, value, share; the origin is the country whose corridors we draw.

    Every text the tooltip shows (names, numbers, 'no figure') is written here in the reader's language.
    """
    tx = tx or english()
    values = partners.set_index("partner")["value"]
    bins = classes(values)
    klass = assign(values, bins)
    points = label_points(world)
    features = []
    for feature in world["features"]:
        code = feature["properties"]["code"]
        if code == origin:
            fill, text = ORIGIN_COLOUR + [255], tx("corridors.deck.chosen_country")
        elif code in values.index:
            fill = _rgb(bins[int(klass[code])][2]) + [235]
            text = tx("corridors.deck.value_in_year", value=format_number(values[code], unit, tx), year=year)
        else:
            fill, text = _rgb(NO_DATA) + [255], tx("corridors.deck.no_figure")
        # A few shapes (disputed areas, bases) have no ISO code: they keep the boundary file's name.
        name = tx.country(code) if is_known_code(code) else feature["properties"]["name"]
        line, width = (ORIGIN_OUTLINE, ORIGIN_OUTLINE_PX) if code == origin else ([255, 255, 255], BORDER_PX)
        features.append({"type": "Feature", "geometry": feature["geometry"],
                         "properties": {"name": html.escape(name), "fill": fill, "label": html.escape(text),
                                        "line": line, "line_width": width}})
    shaded = pdk.Layer("GeoJsonLayer", {"type": "FeatureCollection", "features": features},
                       id="countries", get_fill_color="properties.fill", get_line_color="properties.line",
                       get_line_width="properties.line_width", line_width_units="'pixels'",
                       line_width_min_pixels=BORDER_PX, pickable=True, stroked=True, filled=True)
    top = partners.dropna(subset=["value"]).head(ARCS_SHOWN)
    largest = top["value"].max() if len(top) else 1
    arcs = []
    for row in top.itertuples():
        if row.partner not in points or origin not in points:
            continue
        start, end = points[origin], points[row.partner]
        if reverse:
            start, end = end, start
        arcs.append({"source": list(start), "target": list(end), "name": html.escape(tx.country(row.partner)),
                     "width": max(1.5, MAX_ARC_WIDTH * math.sqrt(row.value / largest)),
                     "label": html.escape(tx("corridors.deck.arc", value=format_number(row.value, unit, tx),
                                             share=percent(row.share, tx)))})
    arc_layer = pdk.Layer("ArcLayer", arcs, id="corridors", get_source_position="source",
                          get_target_position="target", get_width="width",
                          get_source_color=ORIGIN_COLOUR if not reverse else ARC_TARGET,
                          get_target_color=ARC_TARGET if not reverse else ORIGIN_COLOUR,
                          pickable=True, great_circle=True)
    lon, lat = points.get(origin, (20, 45))
    # {name} and {label} are deck.gl's placeholders for the picked object's fields (escaped above).
    return CompactDeck(layers=[shaded, arc_layer], map_provider=None,
                    initial_view_state=pdk.ViewState(longitude=lon - 2, latitude=lat + 2, zoom=2.6),
                    tooltip={"html": "<b>{name}</b><br/>{label}"})


def percent(share: float, tx: Texts | None = None) -> str:
    """A partner's share of the total: '25.4%' / '25,4%'."""
    tx = tx or english()
    return tx("numbers.percent", value=tx.number(share, 1))


def legend_keys(partners: pd.DataFrame, unit: str, tx: Texts | None = None) -> list[tuple[str, str, str]]:
    """The map's keys as (colour, label, CSS border): the shading classes, the chosen country, no figure."""
    tx = tx or english()
    bins = classes(partners.set_index("partner")["value"])
    keys = [(bin_colour, class_label(low, high, unit, tx), "1px solid #7b8794") for low, high, bin_colour in bins]
    return keys + [("#%02x%02x%02x" % tuple(ORIGIN_COLOUR), tx("corridors.legend.chosen_country"),
                    "%dpx solid #%02x%02x%02x" % (ORIGIN_OUTLINE_PX, *ORIGIN_OUTLINE)),
                   (NO_DATA, tx("corridors.legend.no_figure"), "1px solid #7b8794")]


def legend_html(partners: pd.DataFrame, unit: str, tx: Texts | None = None) -> str:
    """The shading classes as a row of coloured keys (pydeck draws no legend of its own)."""
    keys = legend_keys(partners, unit, tx)
    return " ".join(
        f'<span style="white-space:nowrap;margin-right:1.2em"><span style="display:inline-block;width:1em;'
        f'height:1em;background:{colour};border:{border};box-sizing:border-box;vertical-align:middle;'
        f'margin-right:.35em"></span>{html.escape(label)}</span>' for colour, label, border in keys)
