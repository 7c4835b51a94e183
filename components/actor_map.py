"""The actors map: region countries and one marker per entry, drawn by deck.gl with no basemap.

Country names and the tooltip's words are in the reader's language (`tx`, English when None).
"""

from __future__ import annotations

import html
import math

import pandas as pd
import pydeck as pdk
import shapely.geometry

from components.actors import AT_COORDINATES, AT_COUNTRY, AT_PLACE, KINDS, kind_label, table_view, where
from components.charts import PALETTE
from components.countries import REGION
from components.dataset import Dataset
from components.i18n import Texts, english
from components.scenes import Scene

# Okabe-Ito, one colour per kind; the local migration profiles also get a larger, ringed marker.
KIND_COLOURS = dict(zip(KINDS, [PALETTE[0], PALETTE[3], PALETTE[2], PALETTE[1], PALETTE[4],
                                PALETTE[5], PALETTE[6], PALETTE[7]]))
PROFILE_KIND = "local migration profile"
MARKER_RADIUS, PROFILE_RADIUS = 8, 13  # pixels
# pydeck reads a bare string as a data accessor; a quoted one is passed through as a plain value.
# Country-level entries that share a centroid are spread on a small circle so each can be clicked.
SPREAD_DEGREES = 0.35
LAYER_ID = "actors"
# Streamlit's deck.gl element adds a CARTO basemap (tiles from another host) whenever mapStyle is
# empty. This value is its own "no map style" marker: it is removed before rendering and no basemap
# is drawn. The browser tests check that the page requests nothing from another host.
NO_BASEMAP = "__MAP_STYLE__"
# Fits the ten countries (lon 13.5–30.2, lat 39.6–48.5) into a map about 380 pixels wide; used when
# there is no marker to fit the view to.
REGION_VIEW = pdk.ViewState(latitude=44.1, longitude=21.9, zoom=3.9, min_zoom=3.5, max_zoom=11)
# deck.gl does not fit a view to its box, so the view is fitted to a box about as narrow as the page
# ever draws the map (a wider map just shows more around the markers). The closest zoom shows a
# town's surroundings, not its streets: there is no basemap to show them.
MAP_WIDTH, MAP_HEIGHT, FIT_PADDING, FIT_MAX_ZOOM = 300, 420, 30, 6.0
TOOLTIP = {
    "html": "<b>{name}</b><br/>{kind_label}<br/>{where}<br/>{period}",
    "style": {"backgroundColor": "white", "color": "#1f2933", "fontSize": "15px",
              "border": "1px solid #9aa5b1", "maxWidth": "320px"},
}


def rgb(hex_colour: str, alpha: int = 255) -> list[int]:
    hex_colour = hex_colour.lstrip("#")
    return [int(hex_colour[i:i + 2], 16) for i in (0, 2, 4)] + [alpha]


def country_centroids(country_boundaries: dict) -> dict[str, tuple[float, float]]:
    """(longitude, latitude) of each country's centroid, or of a point inside it where the
    centroid falls outside (a crescent such as Croatia)."""
    centroids = {}
    for feature in country_boundaries.get("features", []):
        shape = shapely.geometry.shape(feature["geometry"])
        point = shape.centroid
        if not shape.contains(point):
            point = shape.representative_point()
        centroids[feature["properties"]["code"]] = (round(point.x, 4), round(point.y, 4))
    return centroids


def map_points(actors: pd.DataFrame, country_boundaries: dict, highlight: str | None = None,
               tx: Texts | None = None) -> pd.DataFrame:
    """One row per marker: position, colours, size and the tooltip's text. Entries without a
    country (or whose country has no boundary) are not drawn; see unmapped()."""
    tx = tx or english()
    centroids = country_centroids(country_boundaries)
    records = []
    for entry in actors.to_dict("records"):
        if entry["located"] in (AT_PLACE, AT_COORDINATES):
            lon, lat, exact = entry["longitude"], entry["latitude"], True
        elif entry["located"] == AT_COUNTRY and entry["country"] in centroids:
            (lon, lat), exact = centroids[entry["country"]], False
        else:
            continue
        colour = KIND_COLOURS[entry["kind"]]
        profile = entry["kind"] == PROFILE_KIND
        records.append({
            "id": entry["id"], "name": entry["name"], "kind": entry["kind"], "where": where(entry, tx),
            "kind_label": kind_label(entry["kind"], tx), "period": entry["period"],
            "lon": float(lon), "lat": float(lat), "exact": exact,
            # A filled dot marks an exact place; a ring with a pale centre, a country-level entry.
            "fill": rgb(colour) if exact else rgb("#ffffff", 230),
            "line": rgb("#1f2933") if profile else (rgb("#ffffff") if exact else rgb(colour)),
            "line_width": 3 if (profile or not exact) else 1.5,
            "radius": PROFILE_RADIUS if profile else MARKER_RADIUS,
        })
    points = pd.DataFrame(records, columns=["id", "name", "kind", "where", "kind_label", "period", "lon",
                                            "lat", "exact", "fill", "line", "line_width", "radius"])
    points = _spread_shared_positions(points)
    # Large markers first, so a small one next to them (Belgrade beside Zvezdara) stays visible.
    points = points.sort_values("radius", ascending=False, kind="mergesort").reset_index(drop=True)
    if highlight is not None:
        # A heavy dark ring marks the chosen marker; the drawing order stays, so a small neighbour
        # (the Belgrade meeting beside Zvezdara) is not hidden under it.
        chosen = points["id"] == highlight
        points.loc[chosen, "line_width"] = 4.5
        points.loc[chosen, "line"] = pd.Series([rgb("#1f2933")] * int(chosen.sum()),
                                               index=points.index[chosen], dtype=object)
    return points


def fit_view(points: pd.DataFrame, width: int = MAP_WIDTH, height: int = MAP_HEIGHT) -> pdk.ViewState:
    """The Web Mercator view that shows every marker, with room for the markers themselves."""
    if points.empty:
        return REGION_VIEW

    def mercator(latitude):
        return math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2))

    west, east = points["lon"].min(), points["lon"].max()
    south, north = points["lat"].min(), points["lat"].max()
    # At zoom z the world is 512 * 2**z pixels wide: solve for the zoom that fits both spans.
    usable_x, usable_y = width - 2 * FIT_PADDING, height - 2 * FIT_PADDING
    zoom_x = math.log2(usable_x * 360 / (512 * max(east - west, 1e-6)))
    zoom_y = math.log2(usable_y * 2 * math.pi / (512 * max(mercator(north) - mercator(south), 1e-6)))
    zoom = max(REGION_VIEW.min_zoom, min(zoom_x, zoom_y, FIT_MAX_ZOOM))
    middle = (mercator(north) + mercator(south)) / 2
    latitude = math.degrees(2 * math.atan(math.exp(middle)) - math.pi / 2)
    return pdk.ViewState(latitude=round(latitude, 4), longitude=round((west + east) / 2, 4),
                         zoom=round(zoom, 2), min_zoom=REGION_VIEW.min_zoom, max_zoom=REGION_VIEW.max_zoom)


def _spread_shared_positions(points: pd.DataFrame) -> pd.DataFrame:
    groups = points.groupby(["lon", "lat"], sort=False).indices
    for members in groups.values():
        if len(members) < 2:
            continue
        for order, index in enumerate(members):
            angle = 2 * math.pi * order / len(members) + math.pi / 2
            points.iloc[index, points.columns.get_loc("lon")] += round(SPREAD_DEGREES * math.cos(angle), 4)
            points.iloc[index, points.columns.get_loc("lat")] += round(SPREAD_DEGREES * math.sin(angle) * 0.75, 4)
    return points


def unmapped(actors: pd.DataFrame, country_boundaries: dict) -> pd.DataFrame:
    """The entries that are listed but cannot be drawn: no country, or no boundary for it."""
    drawn = set(map_points(actors, country_boundaries)["id"])
    return actors[~actors["id"].isin(drawn)]


def actors_map(actors: pd.DataFrame, country_boundaries: dict, highlight: str | None = None,
               view: pdk.ViewState | None = None, tx: Texts | None = None) -> pdk.Deck:
    """Countries (the ten of the region darker) with a marker per entry, coloured by kind.

    Without a view, the map is fitted to the markers (the whole region when there are none).
    """
    tx = tx or english()
    countries = {
        "type": "FeatureCollection",
        "features": [
            {**feature, "properties": {
                **feature["properties"],
                "fill": rgb("#dde3ea") if feature["properties"]["code"] in REGION else rgb("#f3f5f7"),
            }}
            for feature in country_boundaries.get("features", [])
        ],
    }
    centroids = country_centroids(country_boundaries)
    labels = [{"text": tx.country(code).rstrip("*") + ("*" if code == "XKX" else ""),
               "lon": centroids[code][0], "lat": centroids[code][1]}
              for code in REGION if code in centroids]
    points = map_points(actors, country_boundaries, highlight, tx)
    # deck.gl puts the tooltip's fields into HTML as they are: the entries' own words are escaped.
    shown = points.assign(**{column: points[column].map(html.escape)
                             for column in ("name", "where", "kind_label", "period")})
    view = view or fit_view(points)
    layers = [
        pdk.Layer("GeoJsonLayer", id="countries", data=countries, stroked=True, filled=True,
                  get_fill_color="properties.fill", get_line_color=[255, 255, 255, 255],
                  line_width_min_pixels=1.2, pickable=False),
        pdk.Layer("TextLayer", id="country-names", data=labels, get_position=["lon", "lat"],
                  get_text="text", get_size=13, get_color=[82, 96, 109, 255], get_pixel_offset=[0, 22],
                  font_family="'Arial, sans-serif'", pickable=False,
                  # deck.gl draws only ASCII unless told to prepare the labels' letters (Cyrillic, ș, ë, ć).
                  character_set="'auto'"),
        pdk.Layer("ScatterplotLayer", id=LAYER_ID, data=shown.to_dict("records"),
                  get_position=["lon", "lat"], get_fill_color="fill", get_line_color="line",
                  get_line_width="line_width", get_radius="radius", radius_units="'pixels'",
                  line_width_units="'pixels'", stroked=True, filled=True, pickable=True,
                  auto_highlight=True),
    ]
    deck = pdk.Deck(layers=layers, initial_view_state=view, map_provider=None, map_style=None,
                    tooltip=TOOLTIP)
    deck.map_style = NO_BASEMAP
    return deck


def actors_scene(data: Dataset, shown: pd.DataFrame, chosen: str | None = None, tx: Texts | None = None) -> Scene:
    """The Actors page's scene, like the other pages' (components/scenes.py): the map of the entries
    the filters kept (`shown`, rows of data.actors) with the `chosen` one ringed, the listing beside it
    as its table, how many entries are shown as its text, and the entries it cannot place as notes.

    Each entry names its own source (in its details), so the map has no source line of its own.
    Not remembered: the filtered entries are a new frame on every rerun, and a deck costs a few ms."""
    tx = tx or english()
    boundaries = data.boundaries.get("region_countries", {"features": []})
    deck = actors_map(shown, boundaries, highlight=chosen, tx=tx)
    missing = unmapped(shown, boundaries)
    notes = [tx("actors.unmapped", names=", ".join(missing["name"]))] if len(missing) else []
    count = tx("actors.count", shown=tx.number(len(shown)), total=tx.number(len(data.actors)))
    return Scene(deck, table_view(shown, tx), "", [], count, notes)


def legend() -> list[tuple[str, str]]:
    """(kind, hex colour) in the order of KINDS, for the page to draw beside the map."""
    return list(KIND_COLOURS.items())
