"""Projector styling on top of the dashboard's figures: big type, thick lines, room for both.

Applied to a copy of a finished figure, so the page builders stay as they are. Sizes are in
pixels because plotly draws in pixels; they are set for a 1280×720 screen, where a 22 px label
is still legible from the back of a room, and grow with taller screens (`scale`).
"""

from __future__ import annotations

import copy
import math

import plotly.graph_objects as go

# Streamlit serves Source Sans itself, so the charts match the slide's text with no font download.
FONT_FAMILY = "Source Sans, Source Sans Pro, Arial, sans-serif"
BASE_FONT = 22  # body text and tick labels
TITLE_FONT = 22  # the chart title: below the slide title and its message
LABEL_FONT = 22  # legend, bar values, axis titles
SOURCE_FONT = 20  # the smallest text on a slide
LINE_WIDTH = 6
MARKER_SIZE = 14
BASE_HEIGHT = 720  # the screen height the sizes above are for
MAX_SCALE = 1.5  # 1920×1080
MAP_PADDING = 0.05  # room around the mapped countries, as a share of the plot


def scale_for(screen_height: float | None) -> float:
    """How much larger than at 1280×720 to draw, for a screen this many pixels tall."""
    if not screen_height:
        return 1.0
    return round(min(max(screen_height / BASE_HEIGHT, 1.0), MAX_SCALE), 2)


def projector_style(figure: go.Figure, scale: float = 1.0) -> go.Figure:
    """A copy of `figure` with fonts of at least SOURCE_FONT px and lines of at least LINE_WIDTH px,
    both times `scale`."""
    figure = go.Figure(copy.deepcopy(figure.to_dict()))
    layout = figure.layout
    base, label, line = round(BASE_FONT * scale), round(LABEL_FONT * scale), round(LINE_WIDTH * scale)
    figure.update_layout(
        font=dict(family=FONT_FAMILY, size=base, color="#111111"),
        # One line across the whole slide: the page's wrapping (charts.house_style) is for narrower
        # columns, and the slide's margins leave room for one line only.
        title=dict(text=(layout.title.text or "").replace("<br>", " "),
                   font=dict(family=FONT_FAMILY, size=round(TITLE_FONT * scale), color="#111111"),
                   y=0.98, yanchor="top", pad=dict(t=0, b=0)),
        legend=dict(font=dict(size=label), title=dict(font=dict(size=label))),
        hoverlabel=dict(font=dict(size=label)),
        margin=dict(t=round(66 * scale), b=round(104 * scale), l=20, r=max(layout.margin.r or 0, 20)),
        autosize=True, height=None,
    )
    figure.update_xaxes(tickfont=dict(size=base), title_font=dict(size=label), gridwidth=1.5,
                        linecolor="#333333", linewidth=2)
    figure.update_yaxes(tickfont=dict(size=base), title_font=dict(size=label), gridwidth=1.5)
    for trace in figure.data:
        _thicken(trace, scale)
    for shape in layout.shapes or ():
        if shape.type == "line" and shape.line is not None and shape.line.width is not None:
            shape.line.width = max(shape.line.width, line - 1)
    is_map = any(trace.type == "choroplethmap" for trace in figure.data)
    if is_map:
        # A slide is wide: the legend goes back beside the map (on the page it sits under it, for phones).
        figure.update_layout(margin=dict(t=round(58 * scale), b=round(40 * scale), l=0, r=0, autoexpand=True),
                             legend=dict(orientation="v", x=1.0, y=0.98, xanchor="left", yanchor="top",
                                         title=dict(side="top")))
    for index, note in enumerate(figure.layout.annotations):
        source = _is_source(figure, index)
        note.font.size = max(note.font.size or label, round((SOURCE_FONT if source else LABEL_FONT) * scale))
        if source:
            note.font.color = "#333333"
            note.yshift = -8 if is_map else -round(74 * scale)
            note.text = note.text.replace("<br>", " ")
    return figure


def _is_source(figure: go.Figure, index: int) -> bool:
    # house_style adds the source line last, anchored to the bottom-right of the paper.
    note = figure.layout.annotations[index]
    return index == len(figure.layout.annotations) - 1 and note.yanchor == "top" and note.xanchor == "right"


def _thicken(trace, scale: float) -> None:
    kind = trace.type
    if kind == "scatter":
        if trace.line is not None and "lines" in (trace.mode or "lines"):
            trace.line.width = max(trace.line.width or 0, round(LINE_WIDTH * scale))
        if trace.marker is not None and (trace.marker.size is not None or "markers" in (trace.mode or "")):
            trace.marker.size = max(trace.marker.size or 0, round(MARKER_SIZE * scale))
    elif kind == "bar":
        trace.textfont = dict(size=round(LABEL_FONT * scale))
    elif kind == "choroplethmap":
        trace.marker.line.width = max(trace.marker.line.width or 0, 1.5)


def fit_map(figure: go.Figure, width: float, height: float) -> go.Figure:
    """Centre and zoom a map so that its countries fill a plot of width × height pixels.

    Plotly's tile maps take a fixed zoom; the zoom that shows the whole region depends on the
    screen, so it is computed here from the mapped shapes' extent (Web Mercator, 512 px tiles).
    """
    points = [point for trace in figure.data if trace.type == "choroplethmap" and trace.showlegend is not False
              for point in _points(trace)]
    margin = figure.layout.margin
    plot_width = width - (margin.l or 0) - (margin.r or 0)
    plot_height = height - (margin.t or 0) - (margin.b or 0)
    if not points or plot_width <= 0 or plot_height <= 0:
        return figure
    xs, ys = zip(*(_mercator(lon, lat) for lon, lat in points))
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    usable = 1 - 2 * MAP_PADDING
    zoom = math.log2(min(plot_width * usable / max(span_x, 1e-9), plot_height * usable / max(span_y, 1e-9)))
    centre_lon, centre_lat = _lonlat((max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2)
    figure.update_layout(height=int(height), map=dict(zoom=round(zoom, 2),
                                                      center=dict(lon=centre_lon, lat=centre_lat)))
    return figure


def _points(trace):
    wanted = set(trace.locations if trace.locations is not None else ())
    for feature in (trace.geojson or {}).get("features", []):
        if feature["properties"].get("code") not in wanted:
            continue
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            for ring in polygon:
                yield from ((lon, lat) for lon, lat, *_ in ring)


def _mercator(lon: float, lat: float) -> tuple[float, float]:
    """Pixels at zoom 0 of a 512 px world, y downwards."""
    lat = max(min(lat, 85.0511), -85.0511)
    x = (lon + 180) / 360 * 512
    y = (1 - math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)) / math.pi) / 2 * 512
    return x, y


def _lonlat(x: float, y: float) -> tuple[float, float]:
    lon = x / 512 * 360 - 180
    lat = math.degrees(2 * math.atan(math.exp(math.pi * (1 - 2 * y / 512))) - math.pi / 2)
    return round(lon, 4), round(lat, 4)


def minimum_font(figure: go.Figure) -> float:
    """The smallest font size set anywhere in the figure: what the back row has to read."""
    sizes = [figure.layout.font.size, figure.layout.title.font.size, figure.layout.legend.font.size]
    sizes += [note.font.size for note in figure.layout.annotations]
    for axis in [*figure.select_xaxes(), *figure.select_yaxes()]:
        sizes += [axis.tickfont.size, axis.title.font.size]
    sizes += [trace.textfont.size for trace in figure.data if getattr(trace, "textfont", None) is not None
              and getattr(trace, "text", None) is not None]
    return min(size for size in sizes if size is not None)


def deck_style(deck):
    """Corridors on a projector: thicker country borders; the arcs already scale with the numbers."""
    deck = copy.deepcopy(deck)
    for layer in deck.layers:
        if getattr(layer, "type", "") == "GeoJsonLayer":
            layer.line_width_min_pixels = 1.5
        if getattr(layer, "type", "") == "ArcLayer":
            layer.width_min_pixels = 5
    return deck
